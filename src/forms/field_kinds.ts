/**
 * The kinds of form fields (internal): for each, the schema of one sent value and
 * its JSON Schema for the OpenAPI document, written side by side so they agree. The
 * wire rules themselves are in `wire.ts`.
 *
 * @module
 */
import {
  describeRange,
  type FieldKind,
  type JsonSchema,
  type PhysicalRange,
} from "./form_field.ts";
import { literal, number, type Schema, union } from "../schema.ts";
import {
  DECIMAL,
  WireBoolean,
  wireChoice,
  WireCount,
  WireJsonList,
  WireJsonObject,
  WireNumber,
  WireText,
  WireTime,
} from "./wire.ts";

/** JSON Schema of a decimal number sent as text (`"293."`). */
const DECIMAL_TEXT: JsonSchema = Object.freeze({
  type: "string",
  pattern: DECIMAL.source,
  description: "The number as decimal text",
});

/** JSON Schema of a count sent as text (`"10"`). */
const DIGITS_TEXT: JsonSchema = Object.freeze({
  type: "string",
  pattern: "^\\d+$",
  description: "The number as decimal digits",
});

/** Whether `v` lies in `range` (0 allowed when the range says so). */
export function inRange(v: number, range: PhysicalRange): boolean {
  return (range.orZero === true && v === 0) || (v >= range.min && v <= range.max);
}

/** The check of a physical range on a number. */
export function rangeCheck(range: PhysicalRange, unit: string | undefined): Schema<number> {
  const expected = `expected ${describeRange(range, unit)}`;
  return number(expected).refine((v) => inRange(v, range), expected);
}

/**
 * A quantity inside a JSON-object field: a JSON number (strings are refused, as in the
 * reference) within `range`.
 */
export function jsonQuantity(range: PhysicalRange, unit: string): Schema<number> {
  return number(`expected ${describeRange(range, unit)}`).pipe(rangeCheck(range, unit));
}

/** The JSON Schemas of the numbers a range allows: the span, and 0 when allowed. */
function rangeAlternatives(range: PhysicalRange, integer = false): JsonSchema[] {
  const number = { type: integer ? "integer" : "number", minimum: range.min, maximum: range.max };
  return range.orZero ? [{ const: 0 }, number] : [number];
}

/** The JSON Schema of a number in `range`. */
export function rangeJsonSchema(range: PhysicalRange, integer = false): JsonSchema {
  const alternatives = rangeAlternatives(range, integer);
  return alternatives.length === 1 ? alternatives[0] : { anyOf: alternatives };
}

/**
 * A physical quantity: a finite number (JSON number or decimal text) within `range`.
 *
 * @param range The values a real room or event can have.
 * @param unit The unit of the value.
 */
export function quantity(range: PhysicalRange, unit: string) {
  return {
    schema: WireNumber.pipe(rangeCheck(range, unit)),
    jsonSchema: { anyOf: [...rangeAlternatives(range), DECIMAL_TEXT] },
    range,
    unit,
  } satisfies FieldKind<Schema<unknown>>;
}

/**
 * A count (people, windows, minutes): a whole number (JSON or digits) within `range`.
 *
 * @param range The values a real room or event can have.
 * @param unit The unit (`people`, `minutes`, ...).
 */
export function count(range: PhysicalRange, unit: string) {
  return {
    schema: WireCount.pipe(rangeCheck(range, unit)),
    jsonSchema: { anyOf: [...rangeAlternatives(range, true), DIGITS_TEXT] },
    range,
    unit,
  } satisfies FieldKind<Schema<unknown>>;
}

/**
 * An optional quantity sent as text (the reference's `humidity`): `""` gives null,
 * otherwise a number within `range`.
 */
export function optionalQuantity(range: PhysicalRange, unit: string) {
  return {
    schema: union(
      [literal("", 'expected ""'), WireNumber.pipe(rangeCheck(range, unit))],
      `expected "" or ${describeRange(range, unit)}`,
    ).transform((v) => (v === "" ? null : v)),
    jsonSchema: { anyOf: [{ const: "" }, ...rangeAlternatives(range), DECIMAL_TEXT] },
    range,
    unit,
  } satisfies FieldKind<Schema<unknown>>;
}

/** Yes or no: `"1"`/`"0"` (the reference) or `true`/`false`. */
export const BOOLEAN = {
  schema: WireBoolean,
  jsonSchema: { anyOf: [{ type: "boolean" }, { type: "string", enum: ["1", "0"] }] },
} satisfies FieldKind<Schema<unknown>>;

/** Free text (names shown in the report); numbers are kept as written. */
export const TEXT = {
  schema: WireText,
  jsonSchema: { anyOf: [{ type: "string" }, { type: "number" }] },
} satisfies FieldKind<Schema<unknown>>;

/** A time of day `"HH:MM"` (minutes since midnight in the typed form). */
export const TIME_OF_DAY = {
  schema: WireTime,
  jsonSchema: { type: "string", pattern: "^([01]\\d|2[0-3]):[0-5]\\d$", examples: ["09:00"] },
  unit: "HH:MM",
} satisfies FieldKind<Schema<unknown>>;

/**
 * One of a fixed list of strings, spelled exactly.
 *
 * @param values The allowed values.
 */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return {
    schema: wireChoice(values),
    jsonSchema: { type: "string", enum: [...values] },
  } satisfies FieldKind<Schema<unknown>>;
}

/**
 * A JSON object, sent as an object or as a string holding one (the reference).
 *
 * @param contents Schema of the parsed object.
 * @param objectSchema JSON Schema of the object.
 */
export function jsonObject<O>(contents: Schema<O>, objectSchema: JsonSchema) {
  return {
    schema: WireJsonObject.pipe(contents),
    jsonSchema: {
      anyOf: [objectSchema, {
        type: "string",
        contentMediaType: "application/json",
        description: "The same object as JSON text (the reference's spelling)",
      }],
    },
  } satisfies FieldKind<Schema<unknown>>;
}

/**
 * A JSON list, sent as an array or as a string holding one (the reference).
 *
 * @param contents Schema of the parsed list.
 * @param listSchema JSON Schema of the list.
 * @param range The range of each number of the list, when it holds quantities.
 * @param unit The unit of each number.
 */
export function jsonList<O>(
  contents: Schema<O>,
  listSchema: JsonSchema,
  range?: PhysicalRange,
  unit?: string,
) {
  return {
    schema: WireJsonList.pipe(contents),
    jsonSchema: {
      anyOf: [listSchema, {
        type: "string",
        contentMediaType: "application/json",
        description: "The same list as JSON text",
      }],
    },
    range,
    unit,
  } satisfies FieldKind<Schema<unknown>>;
}
