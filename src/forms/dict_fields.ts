/**
 * Schemas of the contents of the form's JSON-object fields (internal). Each turns
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
import { jsonQuantity, rangeCheck } from "./field_kinds.ts";
import {
  MAX_OCCUPANCY_GROUPS,
  MAX_PRESENCE_INTERVALS,
  MAX_SHORT_RANGE_INTERACTIONS,
  MAX_SPECIFIC_BREAKS,
  MAX_VENTILATION_TRANSITIONS,
} from "./limits.ts";
import { DAY_HOURS, DAY_MINUTES, FITTED_AIR_CHANGES_PER_H, PEOPLE } from "./physical_ranges.ts";
import { JsonCount, JsonNonNegativeNumber, wireChoice, WireTime } from "./wire.ts";
import {
  boundedArray,
  object,
  type Payload,
  preprocess,
  record,
  type Schema,
  type Shape,
  unknown,
} from "../schema.ts";

/** A strict object whose unknown-key error lists the keys it allows. */
function strict<const T extends Shape>(shape: T) {
  const keys = listOf(Object.keys(shape).map((k) => JSON.stringify(k)), "and");
  return object(shape, {
    notObject: "expected a JSON object",
    unknownKeys: `expected only the keys ${keys}`,
  });
}

/**
 * An array of `item`, at most `max` long: the length is checked first, so a huge array
 * is refused with one issue before any of its items is looked at.
 */
function boundedList<O>(item: Schema<O>, max: number, what: string, min = 0): Schema<O[]> {
  const list = boundedArray(item, max, {
    notList: "expected an array",
    tooMany: `expected at most ${max} ${what}`,
  });
  if (min === 0) return list;
  return list.min(
    min,
    `expected at least ${
      min === 1 ? `one ${what.replace(/s$/, "")}` : `${["", "", "two"][min] ?? min} ${what}`
    }`,
  );
}

/** Keys that cannot name a group: they would reach an object's prototype. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A JSON object of named entries, at most `max` of them, none named like a prototype
 * property (checked before the entries are parsed).
 */
function namedEntries<O>(
  value: Schema<O>,
  max: number,
  what: string,
): Schema<Record<string, O>> {
  // The names are checked on the input itself: a parsed record has already lost a
  // "__proto__" entry.
  return unknown().superRefine((entries, ctx) => {
    if (entries === null || typeof entries !== "object" || Array.isArray(entries)) return;
    const names = Object.keys(entries);
    if (names.length > max) {
      ctx.addIssue({
        input: names.length,
        message: `expected at most ${max} ${what} but found ${names.length}`,
      });
    }
    for (const name of names.filter((n) => RESERVED_KEYS.has(n))) {
      ctx.addIssue({
        input: name,
        message: `expected ${what} named otherwise than ${JSON.stringify(name)} (a reserved name)`,
      });
    }
  }).pipe(record(value, "expected a JSON object"));
}

/** `{"start_time": "HH:MM", "finish_time": "HH:MM"}` with finish after start. */
const Interval = strict({ start_time: WireTime, finish_time: WireTime })
  .superRefine((v, ctx) => {
    if (v.finish_time > v.start_time) return;
    ctx.addIssue({
      path: ["finish_time"],
      input: formatTime(v.finish_time),
      message: `expected a time after start_time (${formatTime(v.start_time)})`,
    });
  })
  .transform((v): TimeInterval => ({ start: v.start_time, finish: v.finish_time }));

/** Adds an issue at each interval that overlaps another one of the same list. */
function noOverlap(what: string) {
  return (ctx: Payload<TimeInterval[]>): void => {
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
  total_people: JsonCount.pipe(rangeCheck(PEOPLE, "people")),
  infected: JsonCount.pipe(rangeCheck(PEOPLE, "people")),
  presence: boundedList(Interval, MAX_PRESENCE_INTERVALS, "presence intervals", 1)
    .check(noOverlap("presence intervals")),
}).superRefine((g, ctx) => {
  if (g.infected <= g.total_people) return;
  ctx.addIssue({
    path: ["infected"],
    input: g.infected,
    message: `expected at most total_people (${g.total_people}) infected`,
  });
});

/**
 * The `occupancy` object: group id → `{total_people, infected, presence}`. An empty
 * object (the default) gives no groups: the legacy single-group mode.
 */
export const Occupancy = namedEntries(OccupancyGroupWire, MAX_OCCUPANCY_GROUPS, "groups")
  .transform((groups): OccupancyGroup[] =>
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
  respiratory_activity: boundedList(
    strict({ type: Expiration, percentage: JsonNonNegativeNumber }),
    EXPIRATION_NAMES.length,
    "respiratory activities",
  ),
}).superRefine((v, ctx) => {
  const seen = new Set<string>();
  v.respiratory_activity.forEach((a, i) => {
    if (seen.has(a.type)) {
      ctx.addIssue({
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
  exposed_breaks: boundedList(Interval, MAX_SPECIFIC_BREAKS, "breaks"),
  infected_breaks: boundedList(Interval, MAX_SPECIFIC_BREAKS, "breaks"),
}).transform((v): SpecificBreaks => ({
  exposedBreaks: v.exposed_breaks,
  infectedBreaks: v.infected_breaks,
}));

/**
 * Parses the contents of an object field whose empty value `{}` means "not given" (null).
 *
 * @param schema Schema of a non-empty value.
 */
export function emptyOr<O>(schema: Schema<O>): Schema<O | null> {
  return preprocess(
    (v) => (Object.keys(v as Record<string, unknown>).length === 0 ? null : v),
    schema.nullable(),
  );
}

// MARK: short_range_interactions

/** One short-range interaction: `{expiration, start_time, duration}` (duration in minutes). */
const ShortRangeInteractionWire = strict({
  expiration: Expiration,
  start_time: WireTime,
  duration: jsonQuantity(DAY_MINUTES, "minutes"),
});

/**
 * The `short_range_interactions` object when `short_range_option` is `short_range_yes`:
 * group id → non-empty list of interactions. Timing against presence and overlaps are
 * checked in `validate_virus_form.ts`.
 */
export const ShortRangeInteractionsWire = namedEntries(
  boundedList(ShortRangeInteractionWire, MAX_SHORT_RANGE_INTERACTIONS, "interactions", 1),
  MAX_SHORT_RANGE_INTERACTIONS,
  "groups",
).superRefine((groups, ctx) => {
  const total = Object.values(groups).reduce((n, list) => n + list.length, 0);
  if (total <= MAX_SHORT_RANGE_INTERACTIONS) return;
  ctx.addIssue({
    input: total,
    message:
      `expected at most ${MAX_SHORT_RANGE_INTERACTIONS} interactions in all but found ${total}`,
  });
}).transform((groups): ShortRangeGroup[] =>
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
export const Co2FittingResultWire = object({
  transition_times: boundedList(
    jsonQuantity(DAY_HOURS, "h"),
    MAX_VENTILATION_TRANSITIONS,
    "transition times",
    2,
  ),
  ventilation_values: boundedList(
    jsonQuantity(FITTED_AIR_CHANGES_PER_H, "h⁻¹"),
    MAX_VENTILATION_TRANSITIONS,
    "ventilation values",
  ),
}, { notObject: "expected a JSON object" }).superRefine((v, ctx) => {
  const times = v.transition_times;
  const i = times.findIndex((t, k) => k > 0 && !(t > times[k - 1]));
  if (i > 0) {
    ctx.addIssue({
      path: ["transition_times", i],
      input: times[i],
      message: `expected increasing times (hours) after ${times[i - 1]}`,
    });
  }
  const needed = times.length - 1;
  if (v.ventilation_values.length < needed) {
    ctx.addIssue({
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
