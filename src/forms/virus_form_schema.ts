/**
 * Schema of the `/virus/report` form (internal: the public API is `parseVirusForm`),
 * derived from the field table {@link VIRUS_FORM_FIELDS}: each row's schema, required or
 * defaulted as the row says. The object is strict: unknown keys are errors, as in the
 * reference (`Invalid argument "<key>" given`); `_xsrf` is accepted and dropped.
 *
 * `short_range_interactions` and `CO2_fitting_result` come out as plain parsed objects:
 * their contents matter (and are checked) only for `short_range_yes` and
 * `from_fitting`, see `parse_virus_form.ts`.
 *
 * @module
 */
import type { Schema } from "../schema.ts";
import { tableSchema, type WireOf } from "./form_field.ts";
import { VIRUS_FORM_FIELDS, type VirusFormFields } from "./virus_form_fields.ts";

/** The form after field-by-field parsing, keyed by wire names. */
export type VirusFormWire = WireOf<VirusFormFields>;

/** The fields of the form, in the reference's `DEFAULTS` order. */
export const VirusFormWire: Schema<VirusFormWire> = tableSchema(
  VIRUS_FORM_FIELDS,
  "expected a JSON object of form fields",
);
