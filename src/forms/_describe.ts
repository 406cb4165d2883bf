/**
 * Small helpers that phrase values, times and paths for form error messages.
 *
 * @module
 */
import { MIN_PER_H } from "../units.ts";

/** Longest string echoed back in a message before it is shortened. */
const MAX_ECHO_CHARS = 60;

/**
 * Describes a value for an error message: numbers and booleans as written, strings
 * quoted (long ones shortened), other values by their kind.
 *
 * @param value Any value.
 * @returns A short description, e.g. `-1`, `"25:00"`, `an array of 2 items`, `no value`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "no value";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > MAX_ECHO_CHARS ? `${value.slice(0, MAX_ECHO_CHARS - 1)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty array";
    return `an array of ${value.length} ${value.length === 1 ? "item" : "items"}`;
  }
  if (typeof value === "object") {
    return Object.keys(value).length === 0 ? "an empty object" : "an object";
  }
  return `a ${typeof value}`;
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

/**
 * Lists allowed strings: `"a"`, or `one of "a", "b" or "c"`; long lists are cut after
 * 20 values.
 *
 * @param values The allowed values (quoted here).
 * @returns The phrase.
 */
export function oneOf(values: readonly string[]): string {
  if (values.length > MAX_LISTED) {
    const shown = values.slice(0, MAX_LISTED).map((v) => JSON.stringify(v)).join(", ");
    return `one of ${shown}, … (${values.length} in all)`;
  }
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length === 1 ? quoted[0] : `one of ${listOf(quoted, "or")}`;
}

/** Most choices listed by {@link oneOf}. */
const MAX_LISTED = 20;

/**
 * Formats minutes since midnight as `"HH:MM"` (fractions of a minute are shown as
 * decimals, and times past midnight keep counting hours, e.g. `24:30`).
 *
 * @param minutes Minutes since midnight.
 * @returns The time of day.
 */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / MIN_PER_H);
  const m = minutes - h * MIN_PER_H;
  const mm = Number.isInteger(m) ? String(m).padStart(2, "0") : m.toFixed(2).padStart(5, "0");
  return `${String(h).padStart(2, "0")}:${mm}`;
}

/**
 * Formats an interval of minutes since midnight as `HH:MM–HH:MM`.
 *
 * @param start Start, minutes since midnight.
 * @param finish Finish, minutes since midnight.
 * @returns The interval.
 */
export function formatInterval(start: number, finish: number): string {
  return `${formatTime(start)}–${formatTime(finish)}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats a path inside a form: the field name, then `.key` for identifier keys,
 * `["key"]` for other keys and `[i]` for array indices, e.g.
 * `occupancy["group A"].presence[0].start_time`.
 *
 * @param path Field name first, then keys and indices.
 * @returns The path.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "body";
  let out = shortKey(String(path[0]));
  for (const s of path.slice(1)) {
    if (typeof s === "number") out += `[${s}]`;
    else if (typeof s === "string" && IDENTIFIER.test(s)) out += `.${shortKey(s)}`;
    else out += `[${JSON.stringify(shortKey(String(s)))}]`;
  }
  return out;
}

/**
 * A key or field name as echoed in a message: at most 60 characters (longer ones are
 * cut and end with `…`), so a message never repeats a huge name from the input.
 *
 * @param key A key as sent.
 * @returns The key, shortened when long.
 */
export function shortKey(key: string): string {
  return key.length > MAX_ECHO_CHARS ? `${key.slice(0, MAX_ECHO_CHARS - 1)}…` : key;
}
