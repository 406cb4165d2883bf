/**
 * The lunch and coffee breaks of the legacy (single-group) form, placed the way the
 * reference places them (`form_validator.py`: `exposed_lunch_break_times`,
 * `exposed_coffee_break_times`, `_coffee_break_times`, `_compute_breaks_in_interval`
 * and their `infected_` twins). Used to validate the form; the model builders can use
 * the same placement.
 *
 * All times are minutes since midnight.
 *
 * @module
 */
import { COFFEE_BREAK_COUNTS } from "./choices.ts";
import type { PopulationForm, TimeInterval } from "./virus_form.ts";

/** Which population's breaks. */
export type Population = "exposed" | "infected";

/** The break settings of one population. */
export interface BreakSettings {
  /** Arrival, minutes since midnight. */
  readonly start: number;
  /** Departure, minutes since midnight. */
  readonly finish: number;
  /** Whether there is a lunch break. */
  readonly lunchOption: boolean;
  /** Lunch start, minutes since midnight. */
  readonly lunchStart: number;
  /** Lunch end, minutes since midnight. */
  readonly lunchFinish: number;
  /** Number of coffee breaks, 0–4. */
  readonly coffeeBreaks: number;
  /** Length of each coffee break, minutes. */
  readonly coffeeDuration: number;
}

/**
 * A population's own break fields (`exposed_*` or `infected_*`), whether or not they
 * are used.
 *
 * @param form The parsed form.
 * @param population Whose fields.
 * @returns The settings.
 */
export function breakSettings(form: PopulationForm, population: Population): BreakSettings {
  return population === "exposed"
    ? {
      start: form.exposedStart,
      finish: form.exposedFinish,
      lunchOption: form.exposedLunchOption,
      lunchStart: form.exposedLunchStart,
      lunchFinish: form.exposedLunchFinish,
      coffeeBreaks: COFFEE_BREAK_COUNTS[form.exposedCoffeeBreakOption],
      coffeeDuration: form.exposedCoffeeDuration,
    }
    : {
      start: form.infectedStart,
      finish: form.infectedFinish,
      lunchOption: form.infectedLunchOption,
      lunchStart: form.infectedLunchStart,
      lunchFinish: form.infectedLunchFinish,
      coffeeBreaks: COFFEE_BREAK_COUNTS[form.infectedCoffeeBreakOption],
      coffeeDuration: form.infectedCoffeeDuration,
    };
}

/**
 * Whose break fields decide a population's lunch and coffee breaks: the infected take
 * the exposed breaks (placed within the exposed presence) unless
 * `infectedDontHaveBreaksWithExposed` is set (reference `infected_lunch_break_times`,
 * `infected_coffee_break_times`).
 *
 * @param form The parsed form.
 * @param population Whose breaks.
 * @returns The population whose fields apply.
 */
export function breakOwner(form: PopulationForm, population: Population): Population {
  return population === "infected" && !form.infectedDontHaveBreaksWithExposed
    ? "exposed"
    : population;
}

/**
 * `n` breaks of `duration` spread evenly over `[start, finish]`: equal gaps (whole
 * minutes, rounded down) before each break (reference `_compute_breaks_in_interval`).
 * When the breaks do not fit, the gaps are negative and the breaks overlap.
 *
 * @param start Start of the interval, minutes since midnight.
 * @param finish End of the interval, minutes since midnight.
 * @param n Number of breaks.
 * @param duration Length of each break, minutes.
 * @returns The breaks, in time order.
 */
export function spreadBreaks(
  start: number,
  finish: number,
  n: number,
  duration: number,
): TimeInterval[] {
  // Python's `//` rounds towards minus infinity, as Math.floor does.
  const gap = Math.floor((finish - start - n * duration) / (n + 1));
  const breaks: TimeInterval[] = [];
  let end = start;
  for (let i = 0; i < n; i++) {
    const begin = end + gap;
    end = begin + duration;
    breaks.push({ start: begin, finish: end });
  }
  return breaks;
}

/**
 * Rounds half to even, like Python 3's `round(x)`.
 *
 * @param x The value.
 * @returns The nearest integer; ties go to the even one.
 */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The coffee breaks of a population. With a lunch break they are split between the
 * morning and the afternoon in proportion to their lengths (rounded half to even), then
 * spread evenly over each part (reference `_coffee_break_times`).
 *
 * @param s The population's break settings.
 * @returns The coffee breaks in time order (empty without coffee breaks). Undefined
 *   when the lunch break fills the whole presence (the reference divides by zero).
 */
export function coffeeBreakTimes(s: BreakSettings): TimeInterval[] | undefined {
  if (s.coffeeBreaks === 0) return [];
  if (!s.lunchOption) return spreadBreaks(s.start, s.finish, s.coffeeBreaks, s.coffeeDuration);
  const beforeLunch = s.lunchStart - s.start;
  const afterLunch = s.finish - s.lunchFinish;
  if (beforeLunch + afterLunch === 0) return undefined;
  const morning = roundHalfEven(s.coffeeBreaks * (beforeLunch / (beforeLunch + afterLunch)));
  return [
    ...spreadBreaks(s.start, s.lunchStart, morning, s.coffeeDuration),
    ...spreadBreaks(s.lunchFinish, s.finish, s.coffeeBreaks - morning, s.coffeeDuration),
  ];
}

/**
 * All breaks of a population: the lunch break (if any) followed by the coffee breaks,
 * in the reference's order (lunch + coffee, unsorted).
 *
 * @param s The population's break settings.
 * @returns The breaks, or undefined when they cannot be placed (see {@link coffeeBreakTimes}).
 */
export function breakTimes(s: BreakSettings): TimeInterval[] | undefined {
  const coffee = coffeeBreakTimes(s);
  if (coffee === undefined) return undefined;
  const lunch = s.lunchOption ? [{ start: s.lunchStart, finish: s.lunchFinish }] : [];
  return [...lunch, ...coffee];
}

/**
 * The lunch and coffee breaks of a population in the legacy form (without
 * `specific_breaks`), as the reference computes them.
 *
 * @param form The parsed form.
 * @param population Whose breaks.
 * @returns The breaks (lunch first, then coffee), or undefined when they cannot be placed.
 */
export function populationBreaks(
  form: PopulationForm,
  population: Population,
): TimeInterval[] | undefined {
  return breakTimes(breakSettings(form, breakOwner(form, population)));
}

/** Why a list of breaks cannot make a presence interval. */
export type BreakConflict =
  | {
    /** A break that does not end after it starts. */
    readonly kind: "empty";
    /** The break. */
    readonly break: TimeInterval;
  }
  | {
    /** Two breaks, in start order, the second starting before the first ends or as it ends. */
    readonly kind: "overlap";
    /** The earlier break. */
    readonly first: TimeInterval;
    /** The later break. */
    readonly second: TimeInterval;
  };

/**
 * Checks breaks the way the reference does before it cuts them out of a presence
 * (`FormData.present_interval`): every break must end after it starts and, sorted by
 * start, each must start strictly after the previous one ends (touching breaks fail
 * there too).
 *
 * @param breaks The breaks, in any order.
 * @returns The first conflict, or undefined when the breaks are fine.
 */
export function breakConflict(breaks: readonly TimeInterval[]): BreakConflict | undefined {
  const sorted = [...breaks].sort((a, b) => a.start - b.start);
  const empty = sorted.find((b) => b.start >= b.finish);
  if (empty) return { kind: "empty", break: empty };
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i - 1].finish >= sorted[i].start) {
      return { kind: "overlap", first: sorted[i - 1], second: sorted[i] };
    }
  }
  return undefined;
}
