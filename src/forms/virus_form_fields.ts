/**
 * The field table of the `/virus/report` form (internal): one row per wire field, with
 * its typed-form name, schema, default, unit, physical range and description.
 * Everything else is derived from it: the wire schema (`virus_form_schema.ts`), the
 * defaults (`VIRUS_FORM_DEFAULTS`), the renaming to {@link VirusForm} (checked against
 * the table at compile time) and the OpenAPI document.
 *
 * Defaults and choices: reference `calculator/validators/defaults.py` `DEFAULTS`
 * (CAiMIRA 4.19.0). Ranges: `physical_ranges.ts`.
 *
 * @module
 */
import { array, number, record, string, unknown } from "../schema.ts";
import { EXPIRATION_NAMES, MASK_NAMES, VIRUS_NAMES } from "../registry/defaults.ts";
import { ACTIVITY_NAMES } from "../registry/defaults.ts";
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
import { emptyOr, Occupancy, PreciseActivityWire, SpecificBreaksWire } from "./dict_fields.ts";
import {
  BOOLEAN,
  choice,
  count,
  jsonList,
  jsonObject,
  optionalQuantity,
  quantity,
  rangeJsonSchema,
  TEXT,
  TIME_OF_DAY,
} from "./field_kinds.ts";
import { field, type FormOf, type JsonSchema } from "./form_field.ts";
import {
  AIR_CHANGES_PER_H,
  AIR_FLOW_M3_PER_H,
  CEILING_HEIGHT_M,
  DAY_HOURS,
  DAY_MINUTES,
  FITTED_AIR_CHANGES_PER_H,
  FLOOR_AREA_M2,
  HUMIDITY_FRACTION,
  INHABITANTS,
  INSIDE_TEMPERATURE_K,
  LATITUDE_DEG,
  LONGITUDE_DEG,
  OPENING_DISTANCE_M,
  OUTDOOR_TEMPERATURE_C,
  PEOPLE,
  ROOM_VOLUME_M3,
  WEEKLY_CASES,
  WINDOW_SIZE_M,
  WINDOWS,
} from "./physical_ranges.ts";
import type { VirusForm } from "./virus_form.ts";

/** Name of an activity preset; checked against the registry in `validate_virus_form.ts`. */
const ACTIVITY_TYPE = {
  schema: string("expected the name of an activity type"),
  jsonSchema: { type: "string", examples: ["office", "training", "precise"] },
};

/** Hours in one day: the length of `outdoor_temperatures`. */
export const HOURS_PER_DAY = 24;

// MARK: JSON Schemas of the object fields (OpenAPI)

const TIME_JSON: JsonSchema = TIME_OF_DAY.jsonSchema;

const INTERVAL_JSON: JsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["start_time", "finish_time"],
  properties: { start_time: TIME_JSON, finish_time: TIME_JSON },
};

const OCCUPANCY_JSON: JsonSchema = {
  type: "object",
  description: "Group id → group; {} (the default) for the single group of the timing fields",
  additionalProperties: {
    type: "object",
    additionalProperties: false,
    required: ["total_people", "infected", "presence"],
    properties: {
      total_people: { type: "integer", minimum: 0, maximum: PEOPLE.max },
      infected: { type: "integer", minimum: 0, maximum: PEOPLE.max },
      presence: { type: "array", minItems: 1, items: INTERVAL_JSON },
    },
  },
};

const PRECISE_ACTIVITY_JSON: JsonSchema = {
  type: "object",
  additionalProperties: false,
  description: "{} (not given) or both keys",
  properties: {
    physical_activity: { type: "string", enum: [...ACTIVITY_NAMES] },
    respiratory_activity: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["type", "percentage"],
        properties: {
          type: { type: "string", enum: [...EXPIRATION_NAMES] },
          percentage: { type: "number", minimum: 0, maximum: 100 },
        },
      },
    },
  },
};

const SPECIFIC_BREAKS_JSON: JsonSchema = {
  type: "object",
  additionalProperties: false,
  description: "{} (not given) or both lists",
  properties: {
    exposed_breaks: { type: "array", items: INTERVAL_JSON },
    infected_breaks: { type: "array", items: INTERVAL_JSON },
  },
};

const SHORT_RANGE_JSON: JsonSchema = {
  type: "object",
  description: "Group id (group_1 without occupancy groups) → interactions",
  additionalProperties: {
    type: "array",
    items: {
      type: "object",
      additionalProperties: false,
      required: ["expiration", "start_time", "duration"],
      properties: {
        expiration: { type: "string", enum: [...EXPIRATION_NAMES] },
        start_time: TIME_JSON,
        duration: { type: "number", minimum: 0, maximum: DAY_MINUTES.max, "x-unit": "minutes" },
      },
    },
  },
};

const CO2_FITTING_RESULT_JSON: JsonSchema = {
  type: "object",
  description: "The result of /co2/report (other keys are allowed and ignored)",
  properties: {
    transition_times: {
      type: "array",
      minItems: 2,
      items: { ...rangeJsonSchema(DAY_HOURS), "x-unit": "h" },
    },
    ventilation_values: {
      type: "array",
      items: { ...rangeJsonSchema(FITTED_AIR_CHANGES_PER_H), "x-unit": "h⁻¹" },
    },
  },
};

/** Values that would be plausible outdoor temperatures in kelvin (−90 °C to 60 °C). */
const KELVIN_LIKE = {
  min: OUTDOOR_TEMPERATURE_C.min + 273.15,
  max: OUTDOOR_TEMPERATURE_C.max + 273.15,
};

/**
 * `outdoor_temperatures` (our addition): 24 outdoor temperatures of the event's day in
 * °C, index `i` = `i`:00 in the location's local time, each in the outdoor range. A list
 * that looks like kelvin (every value in the range shifted by 273.15, some above the °C
 * range) gets one issue saying so.
 */
const OutdoorTemperatures = array(
  number("expected a number (°C)"),
  "expected a list of temperatures (°C)",
).superRefine((values, ctx) => {
  const { min, max } = OUTDOOR_TEMPERATURE_C;
  if (values.length !== HOURS_PER_DAY) {
    ctx.addIssue({
      input: values,
      message: `expected ${HOURS_PER_DAY} hourly temperatures (°C, local time, index i = ` +
        `hour i:00) but found ${values.length}`,
    });
    return;
  }
  if (
    values.every((v) => v >= KELVIN_LIKE.min && v <= KELVIN_LIKE.max) && values.some((v) => v > max)
  ) {
    ctx.addIssue({
      input: values,
      message: `expected temperatures in °C (from ${min} to ${max}) but found values that ` +
        `look like kelvin (e.g. ${values.find((v) => v > max)}): subtract 273.15`,
    });
    return;
  }
  values.forEach((v, i) => {
    if (v >= min && v <= max) return;
    ctx.addIssue({
      path: [i],
      input: v,
      message: `expected an outdoor temperature in °C from ${min} to ${max}` +
        (v > max ? " (kelvin values are refused: subtract 273.15)" : ""),
    });
  });
});

/** A JSON object kept as parsed: checked only when selected (`parse_virus_form.ts`). */
const RawObject = record(unknown(), "expected a JSON object");

// MARK: the table

/** The rows of the `/virus/report` form, in the reference's `DEFAULTS` order. */
export const VIRUS_FORM_FIELDS = {
  CO2_fitting_result: field(jsonObject(RawObject, CO2_FITTING_RESULT_JSON), {
    key: "co2FittingResult",
    default: {},
    description: "The ventilation found by /co2/report: transition_times (hours, increasing) " +
      "and one ventilation_values per interval (h⁻¹, 0 or 1e-9 to 1000); used when " +
      "ventilation_type is from_fitting",
  }),
  activity_type: field(ACTIVITY_TYPE, {
    key: "activityType",
    default: "office",
    description: "Activity preset of the registry (office, training, precise, ...)",
  }),
  air_changes: field(quantity(AIR_CHANGES_PER_H, "h⁻¹"), {
    key: "airChanges",
    default: 0,
    description: "Air changes of the mechanical ventilation (mech_type_air_changes)",
  }),
  air_supply: field(quantity(AIR_FLOW_M3_PER_H, "m³/h"), {
    key: "airSupply",
    default: 0,
    description: "Air supply of the mechanical ventilation (mech_type_air_supply)",
  }),
  arve_sensors_option: field(BOOLEAN, {
    key: "arveSensorsOption",
    default: false,
    description: "Whether humidity and inside_temp come from a sensor",
  }),
  ascertainment_bias: field(choice(ASCERTAINMENT_BIASES), {
    key: "ascertainmentBias",
    default: "confidence_low",
    description: "Reported cases vs real infections (probabilistic exposure)",
  }),
  calculator_version: field(TEXT, {
    key: "calculatorVersion",
    default: null,
    description: "Free text, e.g. N/A",
  }),
  ceiling_height: field(quantity(CEILING_HEIGHT_M, "m"), {
    key: "ceilingHeight",
    default: 0,
    description: "Ceiling height (room_volume_from_dimensions)",
  }),
  conditional_probability_viral_loads: field(BOOLEAN, {
    key: "conditionalProbabilityViralLoads",
    default: false,
    description: "Whether to add the probability of infection conditional on the viral load",
  }),
  event_month: field(choice(MONTH_NAMES), {
    key: "eventMonth",
    default: "January",
    description: "Month of the event (outdoor temperatures for natural ventilation)",
  }),
  exposed_coffee_break_option: field(choice(COFFEE_BREAK_OPTIONS), {
    key: "exposedCoffeeBreakOption",
    default: "coffee_break_0",
    description: "Number of coffee breaks of the exposed",
  }),
  exposed_coffee_duration: field(count(DAY_MINUTES, "minutes"), {
    key: "exposedCoffeeDuration",
    default: 5,
    description: "Length of each coffee break of the exposed",
  }),
  exposed_finish: field(TIME_OF_DAY, {
    key: "exposedFinish",
    default: "17:30",
    description: "Departure of the exposed",
  }),
  exposed_lunch_finish: field(TIME_OF_DAY, {
    key: "exposedLunchFinish",
    default: "13:30",
    description: "End of the exposed lunch",
  }),
  exposed_lunch_option: field(BOOLEAN, {
    key: "exposedLunchOption",
    default: false,
    description: "Whether the exposed take a lunch break (false when omitted, as in the " +
      "reference)",
  }),
  exposed_lunch_start: field(TIME_OF_DAY, {
    key: "exposedLunchStart",
    default: "12:30",
    description: "Start of the exposed lunch",
  }),
  exposed_start: field(TIME_OF_DAY, {
    key: "exposedStart",
    default: "08:30",
    description: "Arrival of the exposed",
  }),
  exposure_option: field(choice(EXPOSURE_OPTIONS), {
    key: "exposureOption",
    default: "p_deterministic_exposure",
    description: "Deterministic exposure, or probabilistic using the local incidence",
  }),
  floor_area: field(quantity(FLOOR_AREA_M2, "m²"), {
    key: "floorArea",
    default: 0,
    description: "Floor area (room_volume_from_dimensions)",
  }),
  geographic_cases: field(count(WEEKLY_CASES, "cases per week"), {
    key: "geographicCases",
    default: 0,
    description: "Weekly new cases at the location (probabilistic exposure)",
  }),
  geographic_population: field(count(INHABITANTS, "people"), {
    key: "geographicPopulation",
    default: 0,
    description: "Inhabitants of the location (probabilistic exposure)",
  }),
  hepa_amount: field(quantity(AIR_FLOW_M3_PER_H, "m³/h"), {
    key: "hepaAmount",
    default: 0,
    description: "Flow of the HEPA filter",
  }),
  hepa_option: field(BOOLEAN, {
    key: "hepaOption",
    default: false,
    description: "Whether a HEPA filter runs",
  }),
  humidity: field(optionalQuantity(HUMIDITY_FRACTION, ""), {
    key: "humidity",
    default: "",
    description: 'Relative humidity from a sensor, "" when not given; required with ' +
      "arve_sensors_option",
  }),
  infected_coffee_break_option: field(choice(COFFEE_BREAK_OPTIONS), {
    key: "infectedCoffeeBreakOption",
    default: "coffee_break_0",
    description: "Number of coffee breaks of the infected " +
      "(infected_dont_have_breaks_with_exposed)",
  }),
  infected_coffee_duration: field(count(DAY_MINUTES, "minutes"), {
    key: "infectedCoffeeDuration",
    default: 5,
    description: "Length of each coffee break of the infected",
  }),
  infected_dont_have_breaks_with_exposed: field(BOOLEAN, {
    key: "infectedDontHaveBreaksWithExposed",
    default: false,
    description: "Whether the infected have their own lunch and coffee breaks",
  }),
  infected_finish: field(TIME_OF_DAY, {
    key: "infectedFinish",
    default: "17:30",
    description: "Departure of the infected",
  }),
  infected_lunch_finish: field(TIME_OF_DAY, {
    key: "infectedLunchFinish",
    default: "13:30",
    description: "End of the infected lunch",
  }),
  infected_lunch_option: field(BOOLEAN, {
    key: "infectedLunchOption",
    default: false,
    description: "Whether the infected take a lunch break (false when omitted)",
  }),
  infected_lunch_start: field(TIME_OF_DAY, {
    key: "infectedLunchStart",
    default: "12:30",
    description: "Start of the infected lunch",
  }),
  infected_people: field(count(PEOPLE, "people"), {
    key: "infectedPeople",
    default: 1,
    description: "Infected people without occupancy groups (fewer than total_people)",
  }),
  infected_start: field(TIME_OF_DAY, {
    key: "infectedStart",
    default: "08:30",
    description: "Arrival of the infected",
  }),
  inside_temp: field(quantity(INSIDE_TEMPERATURE_K, "K"), {
    key: "insideTemp",
    default: null,
    description: "Inside temperature from a sensor (used with arve_sensors_option, " +
      "otherwise the registry's 293 K applies)",
  }),
  location_latitude: field(quantity(LATITUDE_DEG, "degrees"), {
    key: "locationLatitude",
    default: null,
    description: "Latitude of the location (weather station, time zone)",
  }),
  location_longitude: field(quantity(LONGITUDE_DEG, "degrees"), {
    key: "locationLongitude",
    default: null,
    description: "Longitude of the location",
  }),
  location_name: field(TEXT, {
    key: "locationName",
    default: null,
    description: "Name of the location, display only",
  }),
  mask_type: field(choice(MASK_NAMES), {
    key: "maskType",
    default: "Type I",
    description: "Mask worn with mask_on",
  }),
  mask_wearing_option: field(choice(MASK_WEARING_OPTIONS), {
    key: "maskWearingOption",
    default: "mask_off",
    description: "Whether masks are worn",
  }),
  mechanical_ventilation_type: field(choice(MECHANICAL_VENTILATION_TYPES), {
    key: "mechanicalVentilationType",
    default: "not-applicable",
    description: "Kind of mechanical ventilation",
  }),
  occupancy: field(jsonObject(Occupancy, OCCUPANCY_JSON), {
    key: "occupancy",
    default: {},
    description: "Dynamic occupancy: group id → {total_people, infected, presence: " +
      "[{start_time, finish_time}, ...]}; {} for the single group of the timing fields",
  }),
  opening_distance: field(quantity(OPENING_DISTANCE_M, "m"), {
    key: "openingDistance",
    default: 0,
    description: "Opening distance of hinged windows",
  }),
  precise_activity: field(jsonObject(emptyOr(PreciseActivityWire), PRECISE_ACTIVITY_JSON), {
    key: "preciseActivity",
    default: {},
    description: "With activity_type precise: {physical_activity, respiratory_activity: " +
      "[{type, percentage}, ...]} (percentages summing to 100)",
  }),
  room_heating_option: field(BOOLEAN, {
    key: "roomHeatingOption",
    default: false,
    description: "Whether the room is heated (lower humidity)",
  }),
  room_number: field(TEXT, {
    key: "roomNumber",
    default: null,
    description: "Room name, display only",
  }),
  room_volume: field(quantity(ROOM_VOLUME_M3, "m³"), {
    key: "roomVolume",
    default: 0,
    description: "Room volume (room_volume_explicit)",
  }),
  sensor_in_use: field(TEXT, {
    key: "sensorInUse",
    default: "",
    description: "Sensor identifier, UI only",
  }),
  short_range_interactions: field(jsonObject(RawObject, SHORT_RANGE_JSON), {
    key: "shortRangeInteractions",
    default: {},
    description: "With short_range_yes: group id → [{expiration, start_time, duration " +
      "(minutes)}, ...]",
  }),
  short_range_occupants: field(count(PEOPLE, "people"), {
    key: "shortRangeOccupants",
    default: 0,
    description: "Exposed people who have the short-range interactions",
  }),
  short_range_option: field(choice(SHORT_RANGE_OPTIONS), {
    key: "shortRangeOption",
    default: "short_range_no",
    description: "Whether there are short-range interactions",
  }),
  simulation_name: field(TEXT, {
    key: "simulationName",
    default: null,
    description: "Name of the simulation, display only",
  }),
  specific_breaks: field(jsonObject(emptyOr(SpecificBreaksWire), SPECIFIC_BREAKS_JSON), {
    key: "specificBreaks",
    default: {},
    description: "Explicit breaks replacing lunch and coffee: {exposed_breaks, " +
      "infected_breaks} (lists of {start_time, finish_time})",
  }),
  total_people: field(count(PEOPLE, "people"), {
    key: "totalPeople",
    default: null,
    description: "People without occupancy groups, infected included",
  }),
  vaccine_booster_option: field(BOOLEAN, {
    key: "vaccineBoosterOption",
    default: false,
    description: "Whether the exposed had a booster",
  }),
  vaccine_booster_type: field(choice(VACCINE_BOOSTER_TYPES), {
    key: "vaccineBoosterType",
    default: "AZD1222_(AstraZeneca)",
    description: "Booster vaccine",
  }),
  vaccine_option: field(BOOLEAN, {
    key: "vaccineOption",
    default: false,
    description: "Whether the exposed are vaccinated",
  }),
  vaccine_type: field(choice(VACCINE_TYPES), {
    key: "vaccineType",
    default: "AZD1222_(AstraZeneca)",
    description: "Primary vaccination series",
  }),
  ventilation_type: field(choice(VENTILATION_TYPES), {
    key: "ventilationType",
    default: "no_ventilation",
    description: "Kind of ventilation",
  }),
  virus_type: field(choice(VIRUS_NAMES), {
    key: "virusType",
    default: "SARS_CoV_2",
    description: "Virus variant",
  }),
  volume_type: field(choice(VOLUME_TYPES), {
    key: "volumeType",
    default: null,
    description: "How the room volume is given",
  }),
  window_height: field(quantity(WINDOW_SIZE_M, "m"), {
    key: "windowHeight",
    default: 0,
    description: "Window height (natural ventilation)",
  }),
  window_opening_regime: field(choice(WINDOW_OPENING_REGIMES), {
    key: "windowOpeningRegime",
    default: "windows_open_permanently",
    description: "When the windows are open",
  }),
  window_type: field(choice(WINDOW_TYPES), {
    key: "windowType",
    default: "window_sliding",
    description: "Kind of window",
  }),
  window_width: field(quantity(WINDOW_SIZE_M, "m"), {
    key: "windowWidth",
    default: 0,
    description: "Window width (natural ventilation)",
  }),
  windows_duration: field(quantity(DAY_MINUTES, "minutes"), {
    key: "windowsDuration",
    default: 10,
    description: "How long the windows stay open each period (windows_open_periodically)",
  }),
  windows_frequency: field(quantity(DAY_MINUTES, "minutes"), {
    key: "windowsFrequency",
    default: 60,
    description: "Period of the window opening (windows_open_periodically)",
  }),
  windows_number: field(count(WINDOWS, "windows"), {
    key: "windowsNumber",
    default: 0,
    description: "Number of windows (natural ventilation)",
  }),
  outdoor_temperatures: field(
    jsonList(
      OutdoorTemperatures,
      {
        type: "array",
        minItems: HOURS_PER_DAY,
        maxItems: HOURS_PER_DAY,
        items: { ...rangeJsonSchema(OUTDOOR_TEMPERATURE_C), "x-unit": "°C" },
      },
      OUTDOOR_TEMPERATURE_C,
      "°C",
    ),
    {
      key: "outdoorTemperatures",
      default: undefined,
      description: "Optional: 24 hourly outdoor temperatures in local time of the location " +
        "(index i = hour i), instead of the weather data (natural ventilation)",
    },
  ),
} as const;

/** The rows of the `/virus/report` form. */
export type VirusFormFields = typeof VIRUS_FORM_FIELDS;

// MARK: compile-time checks of the documented types against the table

/** `A` and `B` are assignable both ways (same keys, compatible values). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Fields whose typed value comes from a second parse (`parse_virus_form.ts`). */
type NestedKeys = "co2FittingResult" | "shortRangeInteractions";

/** {@link VirusForm} is the table's form (the two nested fields aside). */
const _formMatchesTable: Same<
  Omit<FormOf<VirusFormFields>, NestedKeys>,
  Omit<VirusForm, NestedKeys>
> = true;
void _formMatchesTable;
