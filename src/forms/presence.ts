/**
 * Presence of the populations described by a form (virus or CO2): intervals with breaks, the
 * infected occupancy of dynamic groups, and the total occupancy for the CO2 model
 * (reference `FormData.present_interval`, `generate_infected_occupancy`,
 * `build_CO2_piecewise`).
 *
 * @module
 */
import { type Interval, specificInterval } from "../model/interval.ts";
import {
  type IntPiecewiseConstant,
  intPiecewiseConstant,
  occupancyAt,
} from "../model/piecewise_constant.ts";
import { populationBreaks } from "./break_times.ts";
import type { OccupancyGroup, PopulationForm, TimeInterval } from "./virus_form.ts";
import { MIN_PER_H } from "../units.ts";

/**
 * The presence between `start` and `finish` (minutes) minus the breaks, as hours
 * (reference `present_interval`: the breaks are sorted and walked once).
 *
 * @throws {RangeError} When a break ends before it starts or two breaks overlap.
 */
export function presentInterval(
  start: number,
  finish: number,
  breaks: readonly TimeInterval[] = [],
): Interval {
  if (breaks.length === 0) return specificInterval([[start / MIN_PER_H, finish / MIN_PER_H]]);
  const sorted = [...breaks].sort((a, b) => a.start - b.start);
  for (const b of sorted) {
    if (b.start >= b.finish) {
      throw new RangeError("expected breaks that end after they start but found one that does not");
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i - 1].finish >= sorted[i].start) {
      throw new RangeError("expected breaks that do not overlap but found two that do");
    }
  }
  const spans: [number, number][] = [];
  let current = start;
  for (const b of sorted) {
    if (current >= finish) break;
    if (finish <= b.start) {
      spans.push([current / MIN_PER_H, finish / MIN_PER_H]);
      current = finish;
    } else if (current < b.start) {
      // The presence reaches into the break (or the break lies inside it).
      spans.push([current / MIN_PER_H, b.start / MIN_PER_H]);
      current = b.finish;
    } else if (current < b.finish) {
      current = finish <= b.finish ? finish : b.finish;
    }
  }
  if (current < finish) spans.push([current / MIN_PER_H, finish / MIN_PER_H]);
  return specificInterval(spans);
}

function breaksOf(form: PopulationForm, population: "exposed" | "infected"): TimeInterval[] {
  // Specific breaks: the infected take the exposed ones (reference quirk, kept).
  if (form.specificBreaks !== null) return [...form.specificBreaks.exposedBreaks];
  const breaks = populationBreaks(form, population);
  if (breaks === undefined) {
    throw new RangeError(
      `expected coffee breaks that fit in the ${population} presence but found none that do`,
    );
  }
  return breaks;
}

/** Presence of the infected without dynamic occupancy, h. */
export function infectedPresentInterval(form: PopulationForm): Interval {
  return presentInterval(form.infectedStart, form.infectedFinish, breaksOf(form, "infected"));
}

/** Presence of the exposed without dynamic occupancy, h. */
export function exposedPresentInterval(form: PopulationForm): Interval {
  return presentInterval(form.exposedStart, form.exposedFinish, breaksOf(form, "exposed"));
}

/** Presence of one occupancy group, sorted by start, h. */
export function groupPresence(group: OccupancyGroup): Interval {
  const sorted = [...group.presence].sort((a, b) => a.start - b.start);
  return specificInterval(sorted.map((p) => [p.start / MIN_PER_H, p.finish / MIN_PER_H]));
}

/**
 * Infected people over time across the occupancy groups, consecutive equal counts
 * merged (reference `generate_infected_occupancy`).
 */
export function infectedOccupancy(groups: readonly OccupancyGroup[]): IntPiecewiseConstant {
  const times = new Set<number>();
  const spans: [number, number, number][] = [];
  for (const group of groups) {
    for (const p of group.presence) {
      const a = p.start / MIN_PER_H;
      const b = p.finish / MIN_PER_H;
      times.add(a);
      times.add(b);
      spans.push([a, b, group.infected]);
    }
  }
  const sorted = [...times].sort((x, y) => x - y);
  const raw = sorted.slice(0, -1).map((t) =>
    spans.reduce((sum, [a, b, people]) => (a <= t && t < b ? sum + people : sum), 0)
  );
  const optTimes = [sorted[0]];
  const optValues = [raw[0]];
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] !== optValues[optValues.length - 1]) {
      optTimes.push(sorted[i]);
      optValues.push(raw[i]);
    }
  }
  optTimes.push(sorted[sorted.length - 1]);
  return intPiecewiseConstant(optTimes, optValues);
}

/** An interval with `value` people present (reference `convert_interval_to_piecewise`). */
function intervalOccupancy(interval: Interval, value: number): IntPiecewiseConstant {
  const spans = interval.kind === "specific" ? interval.presentTimes : [];
  const times: number[] = [];
  const values: number[] = [];
  for (const [a, b] of spans) {
    if (times.length > 0 && times[times.length - 1] === a) {
      // Touching intervals (09:00–10:00, 10:00–11:00) are one stretch of presence.
      times[times.length - 1] = b;
      continue;
    }
    times.push(a, b);
    values.push(value, 0);
  }
  values.pop();
  return intPiecewiseConstant(times, values);
}

/** Everyone present over time, for the CO2 model (reference `build_CO2_piecewise`). */
export function totalOccupancy(form: PopulationForm): IntPiecewiseConstant {
  const parts: IntPiecewiseConstant[] = form.occupancy.length === 0
    ? [
      intervalOccupancy(infectedPresentInterval(form), form.infectedPeople),
      intervalOccupancy(exposedPresentInterval(form), form.totalPeople - form.infectedPeople),
    ]
    : [
      infectedOccupancy(form.occupancy),
      ...form.occupancy.map((g) => intervalOccupancy(groupPresence(g), g.totalPeople - g.infected)),
    ];
  const times = [...new Set(parts.flatMap((p) => [...p.transitionTimes]))].sort((a, b) => a - b);
  const values = times.slice(1).map((stop) =>
    parts.reduce((sum, p) => sum + occupancyAt(p, stop), 0)
  );
  return intPiecewiseConstant(times, values);
}
