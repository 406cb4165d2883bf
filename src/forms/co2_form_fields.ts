/**
 * The field table of the CO2 form (`/co2/transition_times`, `/co2/report`; internal):
 * the virus form's population rows (same wire rules and defaults, reference
 * `CO2FormData._DEFAULTS`) and the sensor data, ventilation states, room volume and
 * capacity. The wire schema (`co2_form_schema.ts`), the renaming to {@link Co2Form}
 * (checked against the table at compile time) and the OpenAPI document derive from it.
 *
 * @module
 */
import { boundedArray, literal, object, type Schema, union } from "../schema.ts";
import { MAX_CO2_DATA_POINTS } from "./co2_form.ts";
import { MAX_VENTILATION_TRANSITIONS } from "./limits.ts";
import type { Co2Data, Co2Form } from "./co2_form.ts";
import {
  jsonList,
  jsonObject,
  jsonQuantity,
  quantity,
  rangeCheck,
  rangeJsonSchema,
} from "./field_kinds.ts";
import { field, type FormOf, type JsonSchema } from "./form_field.ts";
import { CO2_PPM, PEOPLE, READING_HOURS } from "./physical_ranges.ts";
import { VIRUS_FORM_FIELDS } from "./virus_form_fields.ts";
import { WireCount } from "./wire.ts";

/** Room volume of the CO2 form, m³: required, so 0 is not accepted. */
const CO2_ROOM_VOLUME_M3 = Object.freeze({
  min: 1,
  max: 1e6,
  why: "from a 1 m³ booth to an arena (1,000,000 m³)",
});

/** Index of the first value that is not after its predecessor, or -1. */
function firstNotIncreasing(values: readonly number[]): number {
  return values.findIndex((t, k) => k > 0 && !(t > values[k - 1]));
}

/** A time of a reading or of a ventilation change, hours. */
const ReadingTime = jsonQuantity(READING_HOURS, "h");

/**
 * A list of `item`, whose length (at most `max`) is checked before its items, so a huge
 * list is refused with one issue.
 */
function list<O>(item: Schema<O>, max: number, what: string, counted: string): Schema<O[]> {
  return boundedArray(item, max, {
    notList: `expected a list of ${what}`,
    tooMany: `expected at most ${max} ${counted}`,
  });
}

/** The `CO2_data` object: readings in hours and ppm. */
const Co2DataWire = object({
  times: list(ReadingTime, MAX_CO2_DATA_POINTS, "times (hours)", "readings")
    .min(2, "expected at least two readings"),
  CO2: list(jsonQuantity(CO2_PPM, "ppm"), MAX_CO2_DATA_POINTS, "concentrations (ppm)", "readings"),
}, { notObject: "expected a JSON object" }).superRefine((v, ctx) => {
  if (v.CO2.length !== v.times.length) {
    ctx.addIssue({
      path: ["CO2"],
      input: v.CO2,
      message: `expected one concentration per time (${v.times.length}) but found ${v.CO2.length}`,
    });
  }
  const i = firstNotIncreasing(v.times);
  if (i > 0) {
    ctx.addIssue({
      path: ["times", i],
      input: v.times[i],
      message: `expected increasing times (hours) after ${v.times[i - 1]}`,
    });
  }
}).transform((v): Co2Data => ({ times: v.times, co2: v.CO2 }));

const CO2_DATA_JSON: JsonSchema = {
  type: "object",
  required: ["times", "CO2"],
  properties: {
    times: {
      type: "array",
      minItems: 2,
      maxItems: MAX_CO2_DATA_POINTS,
      items: { ...rangeJsonSchema(READING_HOURS), "x-unit": "h" },
      description: "Reading times, increasing",
    },
    CO2: {
      type: "array",
      minItems: 2,
      maxItems: MAX_CO2_DATA_POINTS,
      items: { ...rangeJsonSchema(CO2_PPM), "x-unit": "ppm" },
      description: "CO2 concentration at each time",
    },
  },
};

/** The `fitting_ventilation_states` list: increasing times, hours. */
const VentilationStatesWire = list(
  ReadingTime,
  MAX_VENTILATION_TRANSITIONS,
  "times (hours)",
  "times",
).superRefine((states, ctx) => {
  const i = firstNotIncreasing(states);
  if (i > 0) {
    ctx.addIssue({
      path: [i],
      input: states[i],
      message: `expected increasing times (hours) after ${states[i - 1]}`,
    });
  }
});

/** `room_capacity`: `""` or `null` for none, else a count (0 means none, as there). */
const ROOM_CAPACITY = {
  schema: union([
    literal("", "expected nothing").transform(() => null),
    WireCount.pipe(rangeCheck(PEOPLE, "people")),
  ], "expected a whole number >= 0 or nothing"),
  jsonSchema: {
    anyOf: [{ type: "integer", minimum: PEOPLE.min, maximum: PEOPLE.max }, {
      type: "string",
      pattern: "^\\d*$",
    }, { type: "null" }],
  },
  range: PEOPLE,
  unit: "people",
};

const v = VIRUS_FORM_FIELDS;

/** The rows of the CO2 form. */
export const CO2_FORM_FIELDS = {
  exposed_coffee_break_option: v.exposed_coffee_break_option,
  exposed_coffee_duration: v.exposed_coffee_duration,
  exposed_finish: v.exposed_finish,
  exposed_lunch_finish: v.exposed_lunch_finish,
  exposed_lunch_option: v.exposed_lunch_option,
  exposed_lunch_start: v.exposed_lunch_start,
  exposed_start: v.exposed_start,
  infected_coffee_break_option: v.infected_coffee_break_option,
  infected_coffee_duration: v.infected_coffee_duration,
  infected_dont_have_breaks_with_exposed: v.infected_dont_have_breaks_with_exposed,
  infected_finish: v.infected_finish,
  infected_lunch_finish: v.infected_lunch_finish,
  infected_lunch_option: v.infected_lunch_option,
  infected_lunch_start: v.infected_lunch_start,
  infected_people: v.infected_people,
  infected_start: v.infected_start,
  occupancy: v.occupancy,
  specific_breaks: v.specific_breaks,
  total_people: v.total_people,
  CO2_data: field(jsonObject(Co2DataWire, CO2_DATA_JSON), {
    key: "co2Data",
    default: null,
    description: `The readings: {"times": [hours, ...], "CO2": [ppm, ...]}, same length, ` +
      `2 to ${MAX_CO2_DATA_POINTS} readings, increasing times`,
  }),
  fitting_ventilation_states: field(
    jsonList(
      VentilationStatesWire,
      { type: "array", items: { ...rangeJsonSchema(READING_HOURS), "x-unit": "h" } },
      READING_HOURS,
      "h",
    ),
    {
      key: "fittingVentilationStates",
      default: "[]",
      description: "Times at which the ventilation changes, increasing, not after the last " +
        "reading, with a reading in each interval between them (ends included); /co2/report " +
        "needs at least one before the last reading",
    },
  ),
  room_capacity: field(ROOM_CAPACITY, {
    key: "roomCapacity",
    default: "",
    description: "Design number of occupants (0 or nothing: unknown); gives the flow per person",
  }),
  room_volume: field(quantity(CO2_ROOM_VOLUME_M3, "m³"), {
    key: "roomVolume",
    default: null,
    description: "Room volume",
  }),
} as const;

/** The rows of the CO2 form. */
export type Co2FormFields = typeof CO2_FORM_FIELDS;

/** `A` and `B` are assignable both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** {@link Co2Form} is the table's form. */
const _formMatchesTable: Same<FormOf<Co2FormFields>, Co2Form> = true;
void _formMatchesTable;
