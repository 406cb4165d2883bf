/**
 * Zod schema of the CO2 form (internal: the public API is `parseCo2Form`). Its
 * population fields are the virus form's (same wire rules and defaults, reference
 * `CO2FormData._DEFAULTS`); the other fields are the sensor data, the ventilation states,
 * the room volume and capacity. Unknown keys are errors.
 *
 * @module
 */
import { z } from "zod";
import { MAX_CO2_DATA_POINTS } from "./co2_form.ts";
import { MAX_VENTILATION_TRANSITIONS } from "./limits.ts";
import {
  JsonNumber,
  required,
  WireCount,
  WireJsonList,
  WireJsonObject,
  WireNumber,
} from "./wire.ts";
import { withDefault } from "./wire.ts";
import { VirusFormWire } from "./virus_form_schema.ts";

/** Index of the first value that is not after its predecessor, or -1. */
function firstNotIncreasing(values: readonly number[]): number {
  return values.findIndex((t, k) => k > 0 && !(t > values[k - 1]));
}

/** The `CO2_data` object: readings in hours and ppm. */
/**
 * A list of `item`, whose length (at most `max`) is checked before its items, so a huge
 * list is refused with one issue.
 */
function list<T extends z.ZodType>(item: T, max: number, what: string, counted: string) {
  return z.array(z.unknown(), { error: `expected a list of ${what}` })
    .max(max, { error: `expected at most ${max} ${counted}` })
    .pipe(z.array(item));
}

const Co2DataWire = z.object({
  times: list(JsonNumber, MAX_CO2_DATA_POINTS, "times (hours)", "readings")
    .check(z.minLength(2, { error: "expected at least two readings" })),
  CO2: list(
    JsonNumber.min(0, { error: "expected a concentration >= 0 ppm" }),
    MAX_CO2_DATA_POINTS,
    "concentrations (ppm)",
    "readings",
  ),
}, { error: "expected a JSON object" }).superRefine((v, ctx) => {
  if (v.CO2.length !== v.times.length) {
    ctx.addIssue({
      code: "custom",
      path: ["CO2"],
      input: v.CO2,
      message: `expected one concentration per time (${v.times.length}) but found ${v.CO2.length}`,
    });
  }
  const i = firstNotIncreasing(v.times);
  if (i > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["times", i],
      input: v.times[i],
      message: `expected increasing times (hours) after ${v.times[i - 1]}`,
    });
  }
});

/** The `fitting_ventilation_states` list: increasing times, hours. */
const VentilationStatesWire = list(
  JsonNumber,
  MAX_VENTILATION_TRANSITIONS,
  "times (hours)",
  "times",
)
  .superRefine((states, ctx) => {
    const i = firstNotIncreasing(states);
    if (i > 0) {
      ctx.addIssue({
        code: "custom",
        path: [i],
        input: states[i],
        message: `expected increasing times (hours) after ${states[i - 1]}`,
      });
    }
  });

/** `room_capacity`: missing, `""` or `null` for none, else a count (0 means none, as there). */
const RoomCapacity = z.preprocess(
  (v) => (v === undefined || v === "" || v === null ? null : v),
  z.union([z.null(), WireCount], { error: "expected a whole number >= 0 or nothing" }),
);

/** A room volume: a number > 0, m³. */
const Volume = WireNumber.pipe(z.number().gt(0, { error: "expected a volume > 0 (m³)" }));

/** The fields of the CO2 form. */
export const Co2FormWire = z.strictObject({
  ...VirusFormWire.pick({
    exposed_coffee_break_option: true,
    exposed_coffee_duration: true,
    exposed_finish: true,
    exposed_lunch_finish: true,
    exposed_lunch_option: true,
    exposed_lunch_start: true,
    exposed_start: true,
    infected_coffee_break_option: true,
    infected_coffee_duration: true,
    infected_dont_have_breaks_with_exposed: true,
    infected_finish: true,
    infected_lunch_finish: true,
    infected_lunch_option: true,
    infected_lunch_start: true,
    infected_people: true,
    infected_start: true,
    occupancy: true,
    specific_breaks: true,
    _xsrf: true,
  }).shape,
  CO2_data: required(WireJsonObject.pipe(Co2DataWire)).describe(
    `The readings: {"times": [hours, ...], "CO2": [ppm, ...]}, as an object or a string ` +
      `holding one; same length, 2 to ${MAX_CO2_DATA_POINTS} readings, increasing times, ` +
      `concentrations >= 0 (required)`,
  ),
  fitting_ventilation_states: withDefault(WireJsonList.pipe(VentilationStatesWire), "[]")
    .describe(
      "Times at which the ventilation changes, hours, increasing, not after the last reading " +
        "(a list or a string holding one); /co2/report needs at least one before the last reading",
    ),
  room_capacity: RoomCapacity,
  room_volume: required(Volume),
  total_people: required(WireCount),
}, { error: "expected a JSON object of form fields" });

/** The CO2 form after field-by-field parsing, keyed by wire names. */
export type Co2FormWire = z.output<typeof Co2FormWire>;
