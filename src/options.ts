/**
 * The check of a library function's options object: an option it does not know (a typo
 * such as `sampelSize`) or a value of the wrong kind (`probDist: "false"`) is a
 * `TypeError` naming the option, instead of being ignored or read loosely. An option
 * given as `undefined` counts as not given.
 *
 * @module
 */

/** What an option may hold: a kind, a list of allowed strings, or a test and its words. */
export type OptionKind =
  | "boolean"
  | "number"
  | "object"
  | readonly string[]
  | { readonly test: (value: unknown) => boolean; readonly expected: string };

const EXPECTED = {
  boolean: "true or false",
  number: "a number",
  object: "an object",
} as const;

function fits(kind: OptionKind, value: unknown): boolean {
  if (kind === "boolean") return typeof value === "boolean";
  if (kind === "number") return typeof value === "number";
  if (kind === "object") return value !== null && typeof value === "object";
  if (Array.isArray(kind)) return kind.includes(value as string);
  return (kind as { test: (value: unknown) => boolean }).test(value);
}

function expected(kind: OptionKind): string {
  if (typeof kind === "string") return EXPECTED[kind];
  if (Array.isArray(kind)) return `one of ${kind.map((k) => JSON.stringify(k)).join(", ")}`;
  return (kind as { expected: string }).expected;
}

function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, 60));
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : typeof value === "object" ? "an object" : String(value);
}

/**
 * Checks an options object against the options a function takes.
 *
 * @param options What the caller passed (undefined: none).
 * @param kinds Each option's name and what it may hold.
 * @param where The function, for the messages (e.g. `virusReport`).
 * @throws {TypeError} When `options` is not a plain object, holds an option not in
 *   `kinds`, or an option of the wrong kind.
 *
 * @example Usage
 * ```ts
 * import { checkOptions } from "./options.ts";
 * const kinds = { plot: "boolean", method: ["powell", "least-squares"] } as const;
 * checkOptions({ plot: true }, kinds, "co2Report");
 * try {
 *   checkOptions({ metod: "powell" }, kinds, "co2Report");
 *   throw new Error("a typo is refused");
 * } catch (e) {
 *   if (!(e instanceof TypeError)) throw e;
 * }
 * ```
 */
export function checkOptions(
  options: unknown,
  kinds: Readonly<Record<string, OptionKind>>,
  where: string,
): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${where}: expected an options object but found ${shown(options)}`);
  }
  for (const [name, value] of Object.entries(options)) {
    if (!Object.hasOwn(kinds, name)) {
      throw new TypeError(
        `${where}: unknown option ${JSON.stringify(name.slice(0, 60))} (the options are ` +
          `${Object.keys(kinds).join(", ")})`,
      );
    }
    if (value !== undefined && !fits(kinds[name], value)) {
      throw new TypeError(
        `${where}: expected option ${name} to be ${expected(kinds[name])} but found ` +
          shown(value),
      );
    }
  }
}
