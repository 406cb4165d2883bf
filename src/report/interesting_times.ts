/**
 * The report's time grid (reference `interesting_times`): the presence and ventilation
 * transition times (not the outdoor-temperature steps) within the simulation, with gaps
 * wider than (end − start) / (15 points per hour × hours) filled.
 *
 * @module
 */
import { boundaries, type Interval, transitionTimes } from "../model/interval.ts";
import type { ExposureModel } from "../model/exposure.ts";
import { presenceInterval } from "../model/population.ts";
import type { Ventilation } from "../model/ventilation.ts";

/** Sorted population state-change times of one exposure model, h. */
function populationTimes(model: ExposureModel): number[] {
  const times = new Set(transitionTimes(presenceInterval(model.exposed)));
  for (const cm of model.concentrationModels) {
    for (const t of transitionTimes(presenceInterval(cm.infected))) times.add(t);
  }
  return [...times].sort((a, b) => a - b);
}

/** First and last population state change over all groups, h (reference `model_start_end`). */
export function modelStartEnd(models: readonly ExposureModel[]): [number, number] {
  const spans = models.map(populationTimes);
  return [Math.min(...spans.map((t) => t[0])), Math.max(...spans.map((t) => t[t.length - 1]))];
}

function ventilationIntervals(v: Ventilation): Interval[] {
  if (v.kind === "multiple") return v.ventilations.flatMap(ventilationIntervals);
  return "active" in v ? [v.active] : [];
}

/** Every Interval of the models (presences, ventilation activity, short-range interactions). */
function modelIntervals(model: ExposureModel): Interval[] {
  const intervals: Interval[] = [];
  for (const cm of model.concentrationModels) {
    intervals.push(...ventilationIntervals(cm.ventilation));
    if (cm.infected.presence !== undefined) intervals.push(cm.infected.presence);
  }
  for (const sr of model.shortRange) {
    intervals.push(sr.presence);
    if (sr.infected.presence !== undefined) intervals.push(sr.infected.presence);
  }
  intervals.push(presenceInterval(model.exposed));
  return intervals;
}

/** Transition times of every interval within the simulation (reference `non_temp_transition_times`). */
export function nonTemperatureTransitionTimes(models: readonly ExposureModel[]): number[] {
  const [start, end] = modelStartEnd(models);
  const times = new Set([start, end]);
  for (const model of models) {
    for (const interval of modelIntervals(model)) {
      for (const [a, b] of boundaries(interval)) {
        times.add(a);
        times.add(b);
      }
    }
  }
  return [...times].filter((t) => start <= t && t <= end).sort((a, b) => a - b);
}

/**
 * Inserts values so that no gap exceeds `gapSize` (all given values kept; reference
 * `fill_big_gaps`, with its 1e-15 slack).
 */
export function fillBigGaps(values: readonly number[], gapSize: number): number[] {
  if (values.length === 0) throw new RangeError("expected at least one time but found none");
  const result: number[] = [];
  let last = values[0];
  for (const value of values) {
    while (value - last > gapSize + 1e-15) {
      last = last + gapSize;
      result.push(last);
    }
    result.push(value);
    last = value;
  }
  return result;
}

/** The report's times, h: about 15 per simulated hour. */
export function interestingTimes(models: readonly ExposureModel[]): number[] {
  const times = nonTemperatureTransitionTimes(models);
  const duration = Math.max(...times) - Math.min(...times);
  const points = duration * 15;
  return fillBigGaps(times, duration / points);
}
