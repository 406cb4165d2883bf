/**
 * The 67 fields of the `/virus/report` form that have a default or are required, and
 * their defaults (reference `calculator/validators/defaults.py` `DEFAULTS`, CAiMIRA
 * 4.19.0), derived from the field table (`virus_form_fields.ts`).
 *
 * @module
 */
import type { FormFieldDefault } from "./form_field.ts";
import { tableDefaults } from "./form_field.ts";
import { VIRUS_FORM_FIELDS, type VirusFormFields } from "./virus_form_fields.ts";

/** A default as plain JSON; `null` marks a required field. */
export type VirusFormDefault = FormFieldDefault;

/**
 * The wire name of a field of the `/virus/report` form with a default or required: the
 * reference's 67 fields. The form also accepts the optional `outdoor_temperatures`.
 */
export type VirusFormField =
  | "CO2_fitting_result"
  | "activity_type"
  | "air_changes"
  | "air_supply"
  | "arve_sensors_option"
  | "ascertainment_bias"
  | "calculator_version"
  | "ceiling_height"
  | "conditional_probability_viral_loads"
  | "event_month"
  | "exposed_coffee_break_option"
  | "exposed_coffee_duration"
  | "exposed_finish"
  | "exposed_lunch_finish"
  | "exposed_lunch_option"
  | "exposed_lunch_start"
  | "exposed_start"
  | "exposure_option"
  | "floor_area"
  | "geographic_cases"
  | "geographic_population"
  | "hepa_amount"
  | "hepa_option"
  | "humidity"
  | "infected_coffee_break_option"
  | "infected_coffee_duration"
  | "infected_dont_have_breaks_with_exposed"
  | "infected_finish"
  | "infected_lunch_finish"
  | "infected_lunch_option"
  | "infected_lunch_start"
  | "infected_people"
  | "infected_start"
  | "inside_temp"
  | "location_latitude"
  | "location_longitude"
  | "location_name"
  | "mask_type"
  | "mask_wearing_option"
  | "mechanical_ventilation_type"
  | "occupancy"
  | "opening_distance"
  | "precise_activity"
  | "room_heating_option"
  | "room_number"
  | "room_volume"
  | "sensor_in_use"
  | "short_range_interactions"
  | "short_range_occupants"
  | "short_range_option"
  | "simulation_name"
  | "specific_breaks"
  | "total_people"
  | "vaccine_booster_option"
  | "vaccine_booster_type"
  | "vaccine_option"
  | "vaccine_type"
  | "ventilation_type"
  | "virus_type"
  | "volume_type"
  | "window_height"
  | "window_opening_regime"
  | "window_type"
  | "window_width"
  | "windows_duration"
  | "windows_frequency"
  | "windows_number";

/**
 * Every field of the `/virus/report` form, by wire name, with the value used when the
 * field is omitted, `""` or `null`; `null` here means the field is required.
 *
 * These are the effective defaults, written as plain JSON (the reference sends numbers
 * and booleans as strings and the object fields as JSON strings; both are accepted). One
 * reference quirk shows here: an omitted boolean is false, so `exposed_lunch_option`
 * and `infected_lunch_option` default to false although the reference lists true
 * (its cast `value == "1"` turns the listed `True` into false).
 *
 * @example Usage
 * ```ts
 * import { VIRUS_FORM_DEFAULTS } from "./mod.ts";
 * if (VIRUS_FORM_DEFAULTS.exposed_finish !== "17:30") throw new Error("bad");
 * if (VIRUS_FORM_DEFAULTS.total_people !== null) throw new Error("required");
 * if (Object.keys(VIRUS_FORM_DEFAULTS).length !== 67) throw new Error("bad");
 * ```
 */
export const VIRUS_FORM_DEFAULTS: Readonly<Record<VirusFormField, VirusFormDefault>> =
  tableDefaults(VIRUS_FORM_FIELDS) as Readonly<Record<VirusFormField, VirusFormDefault>>;

/** `A` and `B` are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** {@link VirusFormField} lists the table's rows (the optional `outdoor_temperatures` aside). */
const _fieldsMatchTable: Same<VirusFormField | "outdoor_temperatures", keyof VirusFormFields> =
  true;
void _fieldsMatchTable;
