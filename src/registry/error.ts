/**
 * The error thrown for an invalid registry override.
 *
 * @module
 */

/** A key or array index on the way from the registry root to a value. */
export type PathSegment = string | number;

/**
 * A registry override is invalid. The message is one sentence: the offending path, a
 * colon, and the problem ("expected … but found …").
 *
 * @example Usage
 * ```ts
 * import { loadRegistry, RegistryError } from "./mod.ts";
 * try {
 *   loadRegistry({ room: { insideTemp: -1 } });
 * } catch (e) {
 *   if (!(e instanceof RegistryError) || e.path !== "registry.room.insideTemp") throw e;
 * }
 * ```
 */
export class RegistryError extends Error {
  /** Where the problem is, e.g. `registry.room.insideTemp` or `registry.maskDistributions["Type I"]`. */
  readonly path: string;
  /** What is wrong, e.g. `expected a positive number but found -1`. */
  readonly problem: string;

  /**
   * Creates the error; the message is `${path}: ${problem}`.
   *
   * @param path Where the problem is, as formatted by {@link formatRegistryPath}.
   * @param problem What is wrong, in sentence case without a final period.
   * @param options Standard error options (`cause`).
   */
  constructor(path: string, problem: string, options?: ErrorOptions) {
    super(`${path}: ${problem}`, options);
    this.name = "RegistryError";
    this.path = path;
    this.problem = problem;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats a path as `registry.a.b[2]["Light activity"]`: identifiers after a dot,
 * indices and other keys in brackets.
 *
 * @param segments Keys and indices from the registry root.
 * @returns The path, starting with `registry`.
 */
export function formatRegistryPath(segments: readonly PathSegment[]): string {
  let out = "registry";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (IDENTIFIER.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Describes a value for an error message: numbers and booleans as written, strings
 * quoted, other values by their type.
 *
 * @param value Any value.
 * @returns A short description, e.g. `-1`, `"abc"`, `an array`, `no value`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "no value";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/**
 * Lists choices for an error message: `"a"`, or `one of "a", "b" or "c"`.
 *
 * @param quoted The choices, already quoted.
 * @returns The phrase.
 */
export function oneOf(quoted: readonly string[]): string {
  return quoted.length === 1 ? quoted[0] : `one of ${listOf(quoted, "or")}`;
}

/**
 * Joins items in prose: `a`, `a or b`, `a, b or c`.
 *
 * @param items The items.
 * @param conjunction The word before the last item.
 * @returns The phrase.
 */
export function listOf(items: readonly string[], conjunction: "and" | "or"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
