/**
 * Zod schema of the 67 fields of the `/virus/report` form, one field at a time
 * (internal: the public API is `parseVirusForm`). Defaults and required fields come
 * from {@link VIRUS_FORM_DEFAULTS}. The object is strict: unknown keys are errors, as in
 * the reference (`Invalid argument "<key>" given`); `_xsrf` is accepted and dropped.
 *
 * `short_range_interactions` and `CO2_fitting_result` come out as plain parsed objects:
 * their contents matter (and are checked) only for `short_range_yes` and
 * `from_fitting`, see `parse_virus_form.ts`.
 *
 * @module
 */
import { z } from "zod";
import { MASK_NAMES, VIRUS_NAMES } from "../registry/defaults.ts";
import {
  ASCERTAINMENT_BIASES,
  COFFEE_BREAK_OPTIONS,
  EXPOSURE_OPTIONS,
  MASK_WEARING_OPTIONS,
  MECHANICAL_VENTILATION_TYPES,
  MONTH_NAMES,
  SHORT_RANGE_OPTIONS,
  VACCINE_BOOSTER_TYPES,
  VACCINE_TYPES,
  VENTILATION_TYPES,
  VOLUME_TYPES,
  WINDOW_OPENING_REGIMES,
  WINDOW_TYPES,
} from "./choices.ts";
import {
  emptyOr,
  Occupancy,
  OutdoorTemperatures,
  PreciseActivityWire,
  SpecificBreaksWire,
} from "./dict_fields.ts";
import { VIRUS_FORM_DEFAULTS, type VirusFormField } from "./virus_form_defaults.ts";
import {
  required,
  WireBoolean,
  wireChoice,
  WireCount,
  WireJsonObject,
  WireNonNegativeNumber,
  WireNumber,
  wireNumberIn,
  wireOptionalNumberIn,
  WireText,
  WireTime,
  withDefault,
} from "./wire.ts";

/** Field `name` with `schema`: required or defaulted as {@link VIRUS_FORM_DEFAULTS} says. */
function field<T extends z.ZodType>(name: VirusFormField, schema: T) {
  const wireDefault = VIRUS_FORM_DEFAULTS[name];
  return wireDefault === null ? required(schema) : withDefault(schema, wireDefault as z.input<T>);
}

/** Name of an activity preset; checked against the registry in `validate_virus_form.ts`. */
const ActivityType = z.string({ error: "expected the name of an activity type" });

const Bool = WireBoolean;
const Length = WireNonNegativeNumber;
const Time = WireTime;
const Coffee = wireChoice(COFFEE_BREAK_OPTIONS);

/** The fields of the form, in the reference's `DEFAULTS` order. */
export const VirusFormWire = z.strictObject({
  CO2_fitting_result: field("CO2_fitting_result", WireJsonObject),
  activity_type: field("activity_type", ActivityType),
  air_changes: field("air_changes", WireNonNegativeNumber),
  air_supply: field("air_supply", WireNonNegativeNumber),
  arve_sensors_option: field("arve_sensors_option", Bool),
  ascertainment_bias: field("ascertainment_bias", wireChoice(ASCERTAINMENT_BIASES)),
  calculator_version: field("calculator_version", WireText),
  ceiling_height: field("ceiling_height", Length),
  conditional_probability_viral_loads: field("conditional_probability_viral_loads", Bool),
  event_month: field("event_month", wireChoice(MONTH_NAMES)),
  exposed_coffee_break_option: field("exposed_coffee_break_option", Coffee),
  exposed_coffee_duration: field("exposed_coffee_duration", WireCount),
  exposed_finish: field("exposed_finish", Time),
  exposed_lunch_finish: field("exposed_lunch_finish", Time),
  exposed_lunch_option: field("exposed_lunch_option", Bool),
  exposed_lunch_start: field("exposed_lunch_start", Time),
  exposed_start: field("exposed_start", Time),
  exposure_option: field("exposure_option", wireChoice(EXPOSURE_OPTIONS)),
  floor_area: field("floor_area", Length),
  geographic_cases: field("geographic_cases", WireCount),
  geographic_population: field("geographic_population", WireCount),
  hepa_amount: field("hepa_amount", WireNonNegativeNumber),
  hepa_option: field("hepa_option", Bool),
  humidity: field("humidity", wireOptionalNumberIn(0, 1)),
  infected_coffee_break_option: field("infected_coffee_break_option", Coffee),
  infected_coffee_duration: field("infected_coffee_duration", WireCount),
  infected_dont_have_breaks_with_exposed: field("infected_dont_have_breaks_with_exposed", Bool),
  infected_finish: field("infected_finish", Time),
  infected_lunch_finish: field("infected_lunch_finish", Time),
  infected_lunch_option: field("infected_lunch_option", Bool),
  infected_lunch_start: field("infected_lunch_start", Time),
  infected_people: field("infected_people", WireCount),
  infected_start: field("infected_start", Time),
  inside_temp: field("inside_temp", WireNumber),
  location_latitude: field("location_latitude", wireNumberIn(-90, 90)),
  location_longitude: field("location_longitude", wireNumberIn(-180, 180)),
  location_name: field("location_name", WireText),
  mask_type: field("mask_type", wireChoice(MASK_NAMES)),
  mask_wearing_option: field("mask_wearing_option", wireChoice(MASK_WEARING_OPTIONS)),
  mechanical_ventilation_type: field(
    "mechanical_ventilation_type",
    wireChoice(MECHANICAL_VENTILATION_TYPES),
  ),
  occupancy: field("occupancy", WireJsonObject.pipe(Occupancy)),
  opening_distance: field("opening_distance", Length),
  // Our addition (not in the reference's DEFAULTS): optional, null when not given.
  outdoor_temperatures: OutdoorTemperatures,
  precise_activity: field("precise_activity", WireJsonObject.pipe(emptyOr(PreciseActivityWire))),
  room_heating_option: field("room_heating_option", Bool),
  room_number: field("room_number", WireText),
  room_volume: field("room_volume", WireNonNegativeNumber),
  sensor_in_use: field("sensor_in_use", WireText),
  short_range_interactions: field("short_range_interactions", WireJsonObject),
  short_range_occupants: field("short_range_occupants", WireCount),
  short_range_option: field("short_range_option", wireChoice(SHORT_RANGE_OPTIONS)),
  simulation_name: field("simulation_name", WireText),
  specific_breaks: field("specific_breaks", WireJsonObject.pipe(emptyOr(SpecificBreaksWire))),
  total_people: field("total_people", WireCount),
  vaccine_booster_option: field("vaccine_booster_option", Bool),
  vaccine_booster_type: field("vaccine_booster_type", wireChoice(VACCINE_BOOSTER_TYPES)),
  vaccine_option: field("vaccine_option", Bool),
  vaccine_type: field("vaccine_type", wireChoice(VACCINE_TYPES)),
  ventilation_type: field("ventilation_type", wireChoice(VENTILATION_TYPES)),
  virus_type: field("virus_type", wireChoice(VIRUS_NAMES)),
  volume_type: field("volume_type", wireChoice(VOLUME_TYPES)),
  window_height: field("window_height", Length),
  window_opening_regime: field("window_opening_regime", wireChoice(WINDOW_OPENING_REGIMES)),
  window_type: field("window_type", wireChoice(WINDOW_TYPES)),
  window_width: field("window_width", Length),
  windows_duration: field("windows_duration", WireNonNegativeNumber),
  windows_frequency: field("windows_frequency", WireNonNegativeNumber),
  windows_number: field("windows_number", WireCount),
  // The reference drops the CSRF token of its HTML form before anything else.
  _xsrf: z.unknown().optional(),
}, { error: "expected a JSON object of form fields" });

/** The form after field-by-field parsing, keyed by wire names. */
export type VirusFormWire = z.output<typeof VirusFormWire>;
