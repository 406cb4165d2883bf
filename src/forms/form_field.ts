/**
 * One row of a form's field table (internal): everything known about one wire field in
 * one place. The tables (`virus_form_fields.ts`, `co2_form_fields.ts`) drive the wire
 * schemas, the defaults, the renaming to the typed form and the OpenAPI document.
 *
 * @module
 */
import { object, type Output, preprocess, type Schema } from "../schema.ts";
import { required, withDefault } from "./wire.ts";

/** A JSON Schema (OpenAPI 3.1 dialect) fragment. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** A default as plain JSON; `null` marks a required field. */
export type FormFieldDefault =
  | string
  | number
  | boolean
  | Readonly<Record<string, never>>
  | null;

/**
 * The values a real room or event can have, in the field's unit. Outside it the
 * field is refused with a message that names the range.
 */
export interface PhysicalRange {
  /** Smallest value accepted (inclusive). */
  readonly min: number;
  /** Largest value accepted (inclusive). */
  readonly max: number;
  /**
   * Whether 0 is accepted too, meaning "not given": for fields that matter only for
   * some choices of other fields (e.g. `room_volume` with `room_volume_explicit`);
   * the cross-field rules then ask for a value in the range.
   */
  readonly orZero?: boolean;
  /** Why these bounds (shown in the table and the OpenAPI description). */
  readonly why: string;
}

/** What a field's kind contributes to its row: how one sent value is read and documented. */
export interface FieldKind<S extends Schema<unknown>> {
  /** Schema of one sent value (not blank). */
  readonly schema: S;
  /** JSON Schema of one sent value (OpenAPI). */
  readonly jsonSchema: JsonSchema;
  /** Physical range of a number (or of each number of a list). */
  readonly range?: PhysicalRange;
  /** Unit of the value (`m³`, `h⁻¹`, `minutes`, ...), when it has one. */
  readonly unit?: string;
}

/** One row of a field table. */
export interface FormField<
  S extends Schema<unknown> = Schema<unknown>,
  K extends string = string,
  D extends FormFieldDefault | undefined = FormFieldDefault | undefined,
> extends FieldKind<S> {
  /** Name of the field in the typed form (the wire name in camelCase). */
  readonly key: K;
  /**
   * Value used when the field is omitted, `""` or `null`, written as on the wire;
   * `null`: the field is required; `undefined`: optional, absent from the typed form.
   */
  readonly default: D;
  /** What the field means (one or two sentences, no unit or range: they are added). */
  readonly description: string;
}

/** What a row says besides its kind. */
export interface FieldSpec<K extends string, D extends FormFieldDefault | undefined> {
  /** See {@link FormField.key}. */
  readonly key: K;
  /** See {@link FormField.default}. */
  readonly default: D;
  /** See {@link FormField.description}. */
  readonly description: string;
}

/**
 * A row of a field table.
 *
 * @param kind How one value is read and documented (`quantity(...)`, `choice(...)`, ...).
 * @param spec Name in the typed form, default and description.
 */
export function field<
  S extends Schema<unknown>,
  const K extends string,
  const D extends FormFieldDefault | undefined,
>(kind: FieldKind<S>, spec: FieldSpec<K, D>): FormField<S, K, D> {
  return Object.freeze({ ...kind, ...spec });
}

/** A field table: rows by wire name. */
export type FieldTable = { readonly [wireName: string]: FormField };

/** The parsed value of a row: its schema's output, `undefined` allowed when optional. */
export type RowOutput<R extends FormField> = R["default"] extends undefined
  ? Output<R["schema"]> | undefined
  : Output<R["schema"]>;

/** A form parsed field by field, keyed by wire names. */
export type WireOf<T extends FieldTable> = { [W in keyof T]: RowOutput<T[W]> };

/** Wire names of the rows that are optional without a default. */
type OptionalRows<T extends FieldTable> = {
  [W in keyof T]: T[W]["default"] extends undefined ? W : never;
}[keyof T];

/** A list made read-only (the typed forms hold read-only lists). */
type ReadonlyList<V> = V extends readonly (infer U)[] ? readonly U[] : V;

/** The typed value of a row. */
type TypedValue<R extends FormField> = ReadonlyList<Output<R["schema"]>>;

/** The typed form a table describes, keyed by the rows' `key`s. */
export type FormOf<T extends FieldTable> =
  & { readonly [W in Exclude<keyof T, OptionalRows<T>> as T[W]["key"]]: TypedValue<T[W]> }
  & { readonly [W in OptionalRows<T> as T[W]["key"]]?: TypedValue<T[W]> };

/** The schema of a row, required or defaulted (or optional) as the row says. */
export function rowSchema(row: FormField): Schema<unknown> {
  if (row.default === null) return required(row.schema);
  if (row.default === undefined) {
    return preprocess((v) => (v === "" || v === null ? undefined : v), row.schema.optional());
  }
  return withDefault(row.schema, row.default);
}

/** The CSRF token of the reference's HTML form: accepted anywhere and dropped. */
const XSRF = "_xsrf";

/**
 * The strict object schema of a table: unknown keys are errors, except `_xsrf`, which is
 * dropped before anything else (as the reference does).
 *
 * @param table The rows.
 * @param error Message when the body is not an object.
 */
export function tableSchema<T extends FieldTable>(
  table: T,
  error: string,
): Schema<WireOf<T>> {
  const shape = Object.fromEntries(Object.entries(table).map(([w, row]) => [w, rowSchema(row)]));
  return preprocess((input) => {
    if (typeof input !== "object" || input === null || !Object.hasOwn(input, XSRF)) return input;
    const { [XSRF]: _dropped, ...rest } = input as Record<string, unknown>;
    return rest;
  }, object(shape, { notObject: error, unknownKeys: error })) as Schema<unknown> as Schema<
    WireOf<T>
  >;
}

/**
 * Renames a parsed wire form to its typed form, row by row; optional rows that were
 * not sent stay absent.
 *
 * @param table The rows.
 * @param wire The form parsed by {@link tableSchema}.
 */
export function renameFields<T extends FieldTable>(table: T, wire: WireOf<T>): FormOf<T> {
  const form: Record<string, unknown> = {};
  for (const [w, row] of Object.entries(table)) {
    const value = (wire as Record<string, unknown>)[w];
    if (value !== undefined || row.default !== undefined) form[row.key] = value;
  }
  return form as FormOf<T>;
}

/**
 * The defaults of a table: every row with a default or required (`null`); optional
 * rows without a default are left out.
 */
export function tableDefaults(
  table: FieldTable,
): Readonly<Record<string, Exclude<FormFieldDefault, undefined>>> {
  const defaults: Record<string, FormFieldDefault> = {};
  for (const [w, row] of Object.entries(table)) {
    const value = row.default;
    if (value === undefined) continue;
    defaults[w] = typeof value === "object" && value !== null ? Object.freeze({ ...value }) : value;
  }
  return Object.freeze(defaults);
}

/** The text of a range, e.g. `0 (not given) or a number from 1 to 1000000 m³`. */
export function describeRange(range: PhysicalRange, unit: string | undefined): string {
  const u = unit === undefined || unit === "" ? "" : ` ${unit}`;
  const span = `a number from ${range.min} to ${range.max}${u}`;
  return range.orZero ? `0 (not given) or ${span}` : span;
}
