/**
 * Zod schemas of the contents of the form's JSON-object fields (internal). Each turns
 * the wire shape (snake_case keys, `"HH:MM"` times) into the typed object of
 * `virus_form.ts` (camelCase keys, minutes since midnight) and checks what can be
 * checked inside the object alone. Rules that involve other fields are in
 * `validate_virus_form.ts`.
 *
 * Reference: `form_validator.py` (`validate_dynamic_exposed_format`,
 * `validate_group_presence_input`, `validate_short_range_interaction_input`) and
 * `virus_validator.py` (`validate`). Unlike the reference, unknown keys inside these
 * objects are refused (except in `CO2_fitting_result`), so a misspelt key is reported
 * instead of ignored.
 *
 * @module
 */
import { z } from "zod";
import { ACTIVITY_NAMES, EXPIRATION_NAMES } from "../registry/defaults.ts";
import { formatInterval, formatTime, listOf } from "./_describe.ts";
import { findOverlaps } from "./_overlaps.ts";
import type {
  Co2FittingResult,
  OccupancyGroup,
  PreciseActivity,
  ShortRangeGroup,
  SpecificBreaks,
  TimeInterval,
} from "./virus_form.ts";
import {
  JsonCount,
  JsonNonNegativeNumber,
  JsonNumber,
  wireChoice,
  WireJsonList,
  WireTime,
} from "./wire.ts";

/** A strict object whose unknown-key error lists the keys it allows. */
function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  const keys = listOf(Object.keys(shape).map((k) => JSON.stringify(k)), "and");
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") return `expected only the keys ${keys}`;
      if (iss.code === "invalid_type") return "expected a JSON object";
      return undefined;
    },
  });
}

/** An array with a clear type error. */
function array<T extends z.ZodType>(item: T) {
  return z.array(item, { error: "expected an array" });
}

/** `{"start_time": "HH:MM", "finish_time": "HH:MM"}` with finish after start. */
const Interval = strict({ start_time: WireTime, finish_time: WireTime })
  .superRefine((v, ctx) => {
    if (v.finish_time > v.start_time) return;
    ctx.addIssue({
      code: "custom",
      path: ["finish_time"],
      input: formatTime(v.finish_time),
      message: `expected a time after start_time (${formatTime(v.start_time)})`,
    });
  })
  .transform((v): TimeInterval => ({ start: v.start_time, finish: v.finish_time }));

/** Adds an issue at each interval that overlaps another one of the same list. */
function noOverlap(what: string) {
  return (ctx: z.core.ParsePayload<TimeInterval[]>): void => {
    const list = ctx.value;
    for (const { index, other } of findOverlaps(list)) {
      const shown = formatInterval(list[index].start, list[index].finish);
      ctx.issues.push({
        code: "custom",
        path: [index],
        input: shown,
        message: `expected ${what} that do not overlap but found ${shown}, which overlaps ` +
          `[${other}] (${formatInterval(list[other].start, list[other].finish)})`,
      });
    }
  };
}

// MARK: occupancy

/** One occupancy group (reference `validate_dynamic_exposed_format`). */
const OccupancyGroupWire = strict({
  total_people: JsonCount,
  infected: JsonCount,
  presence: array(Interval)
    .min(1, { error: "expected at least one presence interval" })
    .check(noOverlap("presence intervals")),
}).superRefine((g, ctx) => {
  if (g.infected <= g.total_people) return;
  ctx.addIssue({
    code: "custom",
    path: ["infected"],
    input: g.infected,
    message: `expected at most total_people (${g.total_people}) infected`,
  });
});

/**
 * The `occupancy` object: group id → `{total_people, infected, presence}`. An empty
 * object (the default) gives no groups: the legacy single-group mode.
 */
export const Occupancy = z.record(z.string(), OccupancyGroupWire, {
  error: "expected a JSON object",
}).transform((groups): OccupancyGroup[] =>
  Object.entries(groups).map(([id, g]) => ({
    id,
    totalPeople: g.total_people,
    infected: g.infected,
    presence: g.presence,
  }))
);

// MARK: precise_activity

/** Expiratory activities, without the reference's `references` pseudo-key. */
const Expiration = wireChoice(EXPIRATION_NAMES);

/** Percentages of a precise activity must sum to exactly this (reference: `!= 100`). */
const TOTAL_PERCENTAGE = 100;

/**
 * The non-empty `precise_activity` object. Reference checks: both keys present,
 * percentages sum to 100. Added: the activity names exist (the reference fails later
 * with a KeyError), percentages are >= 0 and each expiration appears once (the reference
 * keeps only the last share of a repeated one, yet sums all of them).
 */
export const PreciseActivityWire = strict({
  physical_activity: wireChoice(ACTIVITY_NAMES),
  respiratory_activity: array(strict({ type: Expiration, percentage: JsonNonNegativeNumber })),
}).superRefine((v, ctx) => {
  const seen = new Set<string>();
  v.respiratory_activity.forEach((a, i) => {
    if (seen.has(a.type)) {
      ctx.addIssue({
        code: "custom",
        path: ["respiratory_activity", i, "type"],
        input: a.type,
        message: "expected each respiratory activity at most once",
      });
    }
    seen.add(a.type);
  });
  // Summed in the order given, like the reference, so the float result is the same.
  let total = 0;
  for (const a of v.respiratory_activity) total += a.percentage;
  if (total !== TOTAL_PERCENTAGE) {
    ctx.addIssue({
      code: "custom",
      path: ["respiratory_activity"],
      input: total,
      message: `expected percentages summing to ${TOTAL_PERCENTAGE} but found a sum of ${total}`,
    });
  }
}).transform((v): PreciseActivity => ({
  physicalActivity: v.physical_activity,
  respiratoryActivity: v.respiratory_activity.map((a) => ({
    type: a.type,
    percentage: a.percentage,
  })),
}));

// MARK: specific_breaks

/**
 * The non-empty `specific_breaks` object: both lists are required (reference). Each
 * break must end after it starts (the reference fails later: "Break ends before it
 * begins"); overlaps and the presence window are checked in `validate_virus_form.ts`.
 */
export const SpecificBreaksWire = strict({
  exposed_breaks: array(Interval),
  infected_breaks: array(Interval),
}).transform((v): SpecificBreaks => ({
  exposedBreaks: v.exposed_breaks,
  infectedBreaks: v.infected_breaks,
}));

/**
 * Parses the contents of an object field whose empty value `{}` means "not given" (null).
 *
 * @param schema Schema of a non-empty value.
 */
export function emptyOr<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v: Record<string, unknown>) => (Object.keys(v).length === 0 ? null : v),
    schema.nullable(),
  );
}

// MARK: short_range_interactions

/** One short-range interaction: `{expiration, start_time, duration}` (duration in minutes). */
const ShortRangeInteractionWire = strict({
  expiration: Expiration,
  start_time: WireTime,
  duration: JsonNonNegativeNumber,
});

/**
 * The `short_range_interactions` object when `short_range_option` is `short_range_yes`:
 * group id → non-empty list of interactions. Timing against presence and overlaps are
 * checked in `validate_virus_form.ts`.
 */
export const ShortRangeInteractionsWire = z.record(
  z.string(),
  array(ShortRangeInteractionWire).min(1, { error: "expected at least one interaction" }),
  { error: "expected a JSON object" },
).transform((groups): ShortRangeGroup[] =>
  Object.entries(groups).map(([groupId, list]) => ({
    groupId,
    interactions: list.map((i) => ({
      expiration: i.expiration,
      start: i.start_time,
      duration: i.duration,
    })),
  }))
);

// MARK: CO2_fitting_result

/**
 * The `CO2_fitting_result` object when `ventilation_type` is `from_fitting` (reference:
 * `transition_times` and `ventilation_values` are read without checks, so a missing
 * key or a short list fails with a KeyError or IndexError). Other keys of the fit
 * (`exhalation_rate`, `room_capacity`, …) are allowed and dropped.
 */
export const Co2FittingResultWire = z.object({
  transition_times: array(JsonNumber).min(2, { error: "expected at least two transition times" }),
  ventilation_values: array(JsonNonNegativeNumber),
}, { error: "expected a JSON object" }).superRefine((v, ctx) => {
  const times = v.transition_times;
  const i = times.findIndex((t, k) => k > 0 && !(t > times[k - 1]));
  if (i > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["transition_times", i],
      input: times[i],
      message: `expected increasing times (hours) after ${times[i - 1]}`,
    });
  }
  const needed = times.length - 1;
  if (v.ventilation_values.length < needed) {
    ctx.addIssue({
      code: "custom",
      path: ["ventilation_values"],
      input: v.ventilation_values,
      message: `expected at least ${needed} ${needed === 1 ? "value" : "values"} (one per ` +
        `interval between the ${times.length} transition times) but found ` +
        `${v.ventilation_values.length}`,
    });
  }
}).transform((v): Co2FittingResult => ({
  transitionTimes: v.transition_times,
  ventilationValues: v.ventilation_values,
}));

// MARK: outdoor_temperatures

/** Number of hourly values of `outdoor_temperatures` (local hours 0..23). */
const OUTDOOR_HOURS = 24;
/** Plausible outdoor temperatures, °C (records: −89.2 °C at Vostok, 56.7 °C at Death Valley). */
const OUTDOOR_MIN_C = -90;
const OUTDOOR_MAX_C = 60;
/** Values that would be plausible outdoor temperatures in kelvin (−90 °C to 60 °C). */
const KELVIN_MIN = 183.15;
const KELVIN_MAX = 333.15;

/**
 * The `outdoor_temperatures` list (our addition): 24 outdoor temperatures of the event's
 * day in °C, index `i` = `i`:00 in the location's local time, each a JSON number from
 * -90 to 60. A list that looks like kelvin (every value from 183.15 to 333.15, some
 * above 60) gets one issue saying so.
 */
export const OutdoorTemperaturesList = array(
  z.number({ error: "expected a number (°C)" }).refine(Number.isFinite, {
    error: "expected a finite number (°C)",
  }),
).superRefine((values, ctx) => {
  if (values.length !== OUTDOOR_HOURS) {
    ctx.addIssue({
      code: "custom",
      input: values,
      message: `expected ${OUTDOOR_HOURS} hourly temperatures (°C, local time, index i = ` +
        `hour i:00) but found ${values.length}`,
    });
    return;
  }
  if (
    values.every((v) => v >= KELVIN_MIN && v <= KELVIN_MAX) && values.some((v) => v > OUTDOOR_MAX_C)
  ) {
    ctx.addIssue({
      code: "custom",
      input: values,
      message: `expected temperatures in °C (from ${OUTDOOR_MIN_C} to ${OUTDOOR_MAX_C}) but ` +
        `found values that look like kelvin (e.g. ${values.find((v) => v > OUTDOOR_MAX_C)}): ` +
        `subtract 273.15`,
    });
    return;
  }
  values.forEach((v, i) => {
    if (v >= OUTDOOR_MIN_C && v <= OUTDOOR_MAX_C) return;
    ctx.addIssue({
      code: "custom",
      path: [i],
      input: v,
      message: `expected an outdoor temperature in °C from ${OUTDOOR_MIN_C} to ${OUTDOOR_MAX_C}` +
        (v > OUTDOOR_MAX_C ? " (kelvin values are refused: subtract 273.15)" : ""),
    });
  });
});

/**
 * The `outdoor_temperatures` field: a JSON list or a string holding one (like the
 * object fields); omitted, `""` or `null` gives null (not given).
 */
export const OutdoorTemperatures = z.preprocess(
  (v) => (v === undefined || v === "" || v === null ? null : v),
  WireJsonList.pipe(OutdoorTemperaturesList).nullable(),
).describe(
  "Optional (not in the reference): 24 hourly outdoor temperatures of the event's day, °C, " +
    "local time of the location (index i = hour i:00), as a JSON list or a string holding one. " +
    "Natural ventilation uses them instead of any weather data.",
);
