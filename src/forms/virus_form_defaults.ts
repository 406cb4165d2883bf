/**
 * The 67 fields of the `/virus/report` form and their defaults (reference
 * `calculator/validators/defaults.py` `DEFAULTS`, CAiMIRA 4.19.0).
 *
 * @module
 */

/** A default as plain JSON; `null` marks a required field. */
export type VirusFormDefault = string | number | boolean | Readonly<Record<string, never>> | null;

/** The wire name of a field of the `/virus/report` form. */
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
export const VIRUS_FORM_DEFAULTS: Readonly<Record<VirusFormField, VirusFormDefault>> = Object
  .freeze({
    CO2_fitting_result: Object.freeze({}),
    activity_type: "office",
    air_changes: 0,
    air_supply: 0,
    arve_sensors_option: false,
    ascertainment_bias: "confidence_low",
    calculator_version: null,
    ceiling_height: 0,
    conditional_probability_viral_loads: false,
    event_month: "January",
    exposed_coffee_break_option: "coffee_break_0",
    exposed_coffee_duration: 5,
    exposed_finish: "17:30",
    exposed_lunch_finish: "13:30",
    exposed_lunch_option: false,
    exposed_lunch_start: "12:30",
    exposed_start: "08:30",
    exposure_option: "p_deterministic_exposure",
    floor_area: 0,
    geographic_cases: 0,
    geographic_population: 0,
    hepa_amount: 0,
    hepa_option: false,
    humidity: "",
    infected_coffee_break_option: "coffee_break_0",
    infected_coffee_duration: 5,
    infected_dont_have_breaks_with_exposed: false,
    infected_finish: "17:30",
    infected_lunch_finish: "13:30",
    infected_lunch_option: false,
    infected_lunch_start: "12:30",
    infected_people: 1,
    infected_start: "08:30",
    inside_temp: null,
    location_latitude: null,
    location_longitude: null,
    location_name: null,
    mask_type: "Type I",
    mask_wearing_option: "mask_off",
    mechanical_ventilation_type: "not-applicable",
    occupancy: Object.freeze({}),
    opening_distance: 0,
    precise_activity: Object.freeze({}),
    room_heating_option: false,
    room_number: null,
    room_volume: 0,
    sensor_in_use: "",
    short_range_interactions: Object.freeze({}),
    short_range_occupants: 0,
    short_range_option: "short_range_no",
    simulation_name: null,
    specific_breaks: Object.freeze({}),
    total_people: null,
    vaccine_booster_option: false,
    vaccine_booster_type: "AZD1222_(AstraZeneca)",
    vaccine_option: false,
    vaccine_type: "AZD1222_(AstraZeneca)",
    ventilation_type: "no_ventilation",
    virus_type: "SARS_CoV_2",
    volume_type: null,
    window_height: 0,
    window_opening_regime: "windows_open_permanently",
    window_type: "window_sliding",
    window_width: 0,
    windows_duration: 10,
    windows_frequency: 60,
    windows_number: 0,
  });
