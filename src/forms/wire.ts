/**
 * Schemas for the quirks of the reference's wire format, one per quirk (internal:
 * the public API is `parseVirusForm`). Each accepts the reference's spelling and the
 * plain-JSON one. Rules are quoted from `api-contract.md` ("Parsing rules that apply to
 * every field", reference `form_validator.py` `FormData.from_dict`).
 *
 * Messages start with "expected …"; `_issues.ts` appends "but found <value>".
 *
 * @module
 */
import { describeValue, oneOf } from "./_describe.ts";
import { duplicateKeyOf, duplicateKeyProblem } from "./json_duplicate_keys.ts";
import { nestedDeeperThan, tooDeepProblem } from "./json_nesting.ts";
import { ownData } from "./own_data.ts";
import {
  array,
  type Context,
  custom,
  enumOf,
  NEVER,
  number,
  preprocess,
  record,
  type Schema,
  string,
  union,
  unknown,
} from "../schema.ts";

/** Minutes in one hour. */
const MIN_PER_H = 60;

/**
 * "A key that is missing or equal to `''` gets its DEFAULT": missing, `""` and (our
 * addition, for plain JSON) `null` all mean "use the default".
 */
function isBlank(value: unknown): boolean {
  return value === undefined || value === "" || value === null;
}

/**
 * An optional field: missing, `""` or `null` gives `wireDefault`, which is parsed by
 * `schema` like any sent value (so defaults are written in wire form).
 *
 * @param schema The schema of a sent value.
 * @param wireDefault The default, in a form `schema` accepts.
 */
export function withDefault<O>(schema: Schema<O>, wireDefault: unknown): Schema<O> {
  return preprocess((v) => (isBlank(v) ? undefined : v), schema.prefault(wireDefault));
}

/**
 * A required field (the reference's `NO_DEFAULT`): missing, `""` or `null` is an error
 * ("<key> must be specified").
 *
 * @param schema The schema of a sent value.
 */
export function required<O>(schema: Schema<O>): Schema<O> {
  return unknown().superRefine((v, ctx) => {
    if (!isBlank(v)) return;
    ctx.addIssue({
      input: v,
      message: `expected a value (the field is required) but found ${
        v === undefined ? "none" : describeValue(v)
      }`,
      abort: true,
    });
  }).pipe(schema);
}

/**
 * A boolean: `"1"`/`"0"` (reference; its cast is `value == "1"`) or JSON `true`/`false`.
 * Other strings, which the reference silently reads as false, are errors here.
 */
export const WireBoolean: Schema<boolean> = custom((v, ctx) => {
  if (typeof v === "boolean") return v;
  if (v === "1" || v === "0") return v === "1";
  ctx.addIssue({ message: `expected "1", "0", true or false` });
  return NEVER;
});

/** A decimal number as text, as Python's `float()` reads it (no `inf`, `nan` or `_`). */
export const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * A finite number: a JSON number, or a decimal string such as `"293."` or `" 2.5e1"`
 * (reference: `float(value)`). Infinite and NaN values are errors.
 */
export const WireNumber: Schema<number> = custom((v, ctx) => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v !== "string" || !DECIMAL.test(v)) {
    ctx.addIssue({ message: "expected a number" });
    return NEVER;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) {
    ctx.addIssue({ message: "expected a finite number" });
    return NEVER;
  }
  return n;
});

/**
 * A count (people, windows, minutes): a non-negative integer given as a JSON number or
 * as decimal digits (reference `_safe_int_cast`: an int, an integral float, or a string
 * of digits; `"10.0"`, `"-1"` and `" 1"` are refused, as there). JSON booleans, which
 * Python would count as 0 or 1, are refused.
 */
export const WireCount: Schema<number> = custom((v, ctx) => {
  const n = typeof v === "number" ? v : typeof v === "string" && DIGITS.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    ctx.addIssue({ message: "expected a whole number >= 0" });
    return NEVER;
  }
  return n;
});

/** Decimal digits only. */
const DIGITS = /^\d+$/;

/** `HH:MM` with two-digit hours 00–23 and two-digit minutes 00–59. */
const TIME = /^(\d\d):(\d\d)$/;

/**
 * A time of day `"HH:MM"`, parsed to minutes since midnight (reference
 * `time_string_to_minutes`). Stricter than the reference, which also reads `"09:5"`
 * (9:05) and `"0900"` (9:00): hours and minutes must both have two digits.
 */
export const WireTime: Schema<number> = custom((v, ctx) => {
  const m = typeof v === "string" ? TIME.exec(v) : null;
  const hours = m ? Number(m[1]) : NaN;
  const minutes = m ? Number(m[2]) : NaN;
  if (!(hours <= 23 && minutes <= 59)) {
    ctx.addIssue({ message: `expected a time "HH:MM"` });
    return NEVER;
  }
  return hours * MIN_PER_H + minutes;
});

/**
 * Free text (names shown in the report). JSON numbers are accepted and kept as written
 * (`123` becomes `"123"`). Unlike the reference we do not HTML-escape the text: escaping
 * belongs to whatever renders it.
 */
export const WireText: Schema<string> = custom((v, ctx) => {
  if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) return String(v);
  ctx.addIssue({ message: "expected text" });
  return NEVER;
});

/**
 * One of a fixed list of strings, spelled exactly.
 *
 * @param values The allowed values.
 */
export function wireChoice<const T extends readonly [string, ...string[]]>(
  values: T,
): Schema<T[number]> {
  return enumOf(values, `expected ${oneOf(values)}`);
}

/**
 * Parses the text of a JSON field, adding an issue when it is not JSON or not of the
 * expected kind.
 */
function parseJsonText(
  text: string,
  ctx: Context,
  what: string,
  isKind: (value: unknown) => boolean,
): unknown {
  let parsed: unknown;
  try {
    parsed = ownData(JSON.parse(text));
  } catch (e) {
    const nonFinite = /\b(NaN|-?Infinity)\b/.exec(text);
    const reason = nonFinite
      ? ` (${nonFinite[1]} is not a number in JSON)`
      : e instanceof SyntaxError
      ? ` (${e.message})`
      : "";
    ctx.addIssue({
      input: text,
      message: `expected ${what} but found text that is not valid JSON${reason}`,
    });
    return NEVER;
  }
  if (nestedDeeperThan(parsed)) {
    ctx.addIssue({ input: text, message: tooDeepProblem() });
    return NEVER;
  }
  const duplicate = duplicateKeyOf(text);
  if (duplicate !== undefined) {
    ctx.addIssue({ input: text, message: duplicateKeyProblem(duplicate) });
    return NEVER;
  }
  if (!isKind(parsed)) {
    ctx.addIssue({
      input: text,
      message: `expected ${what} but found a string holding ${describeValue(parsed)}`,
    });
    return NEVER;
  }
  return parsed;
}

const JSON_OBJECT = "expected a JSON object or a string holding one";
const JSON_LIST = "expected a JSON list or a string holding one";

const isJsonObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A JSON object, sent as a string holding one (reference: `dict` fields are parsed with
 * `ast.literal_eval` from a string, so use JSON with double quotes) or as an object.
 * The result is the parsed object, not yet checked.
 */
export const WireJsonObject: Schema<Record<string, unknown>> = union(
  [string(JSON_OBJECT), record(unknown(), JSON_OBJECT)],
  JSON_OBJECT,
).transform((v, ctx): Record<string, unknown> =>
  typeof v === "string"
    ? parseJsonText(v, ctx, "a JSON object", isJsonObject) as Record<string, unknown>
    : v
);

/**
 * A JSON list, sent as a string holding one (reference `list` fields, read like `dict`
 * ones) or as an array. The result is the parsed array, not yet checked.
 */
export const WireJsonList: Schema<unknown[]> = union(
  [string(JSON_LIST), array(unknown(), JSON_LIST)],
  JSON_LIST,
).transform((v, ctx): unknown[] =>
  typeof v === "string" ? parseJsonText(v, ctx, "a JSON list", Array.isArray) as unknown[] : v
);

// MARK: values inside JSON-object fields (plain JSON types, as the reference requires)

/** A count inside a JSON-object field: a JSON integer >= 0 (reference `isinstance(v, int)`). */
export const JsonCount: Schema<number> = number("expected a whole number >= 0")
  .refine((v) => Number.isSafeInteger(v) && v >= 0, "expected a whole number >= 0");

/** A number >= 0 inside a JSON-object field: a JSON number (strings are refused, as there). */
export const JsonNonNegativeNumber: Schema<number> = number("expected a number >= 0")
  .refine((v) => v >= 0, "expected a number >= 0");
