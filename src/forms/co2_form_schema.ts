/**
 * Schema of the CO2 form (internal: the public API is `parseCo2Form`), derived from
 * the field table {@link CO2_FORM_FIELDS}. Unknown keys are errors; `_xsrf` is dropped.
 *
 * @module
 */
import type { Schema } from "../schema.ts";
import { CO2_FORM_FIELDS, type Co2FormFields } from "./co2_form_fields.ts";
import { tableSchema, type WireOf } from "./form_field.ts";

/** The CO2 form after field-by-field parsing, keyed by wire names. */
export type Co2FormWire = WireOf<Co2FormFields>;

/** The fields of the CO2 form. */
export const Co2FormWire: Schema<Co2FormWire> = tableSchema(
  CO2_FORM_FIELDS,
  "expected a JSON object of form fields",
);
