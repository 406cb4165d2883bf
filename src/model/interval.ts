/**
 * Intervals: the times of day at which something happens (a window is open, a
 * person is in the room, a filter runs). Reference: `Interval`, `SpecificInterval`
 * and `PeriodicInterval` in `models.py`.
 *
 * Every span is open at its start and closed at its end: a time `t` is inside
 * `(start, end)` when `start < t <= end`.
 *
 * @module
 */
import { MIN_PER_H } from "../units.ts";
import { unreachable } from "../exhaustive.ts";

/** A list of `[start, end]` spans, in hours since midnight. */
export type Boundaries = readonly (readonly [startH: number, endH: number])[];

/** An interval given by its spans (reference `SpecificInterval`). */
export interface SpecificInterval {
  /** Discriminant. */
  readonly kind: "specific";
  /** The spans `[start, end]`, h; flattened, they should be increasing. */
  readonly presentTimes: Boundaries;
}

/**
 * An interval that repeats from `startH` until midnight (reference `PeriodicInterval`):
 * it opens every `periodMin` minutes and stays open for `durationMin` minutes.
 */
export interface PeriodicInterval {
  /** Discriminant. */
  readonly kind: "periodic";
  /** Time between two openings, min; 0 means never. */
  readonly periodMin: number;
  /** How long each opening lasts, min; 0 means never, more than the period means always. */
  readonly durationMin: number;
  /** Start of the first opening, h since midnight. */
  readonly startH: number;
  /** Its spans `[start, end]`, h (made once, by {@link periodicInterval}). */
  readonly spans: Boundaries;
}

/** The interval during which nothing ever happens (the reference's bare `Interval`). */
export interface NeverInterval {
  /** Discriminant. */
  readonly kind: "never";
}

/** When something happens: a set of spans of the day, each open at its start. */
export type Interval = SpecificInterval | PeriodicInterval | NeverInterval;

/** End of the day, h: periodic intervals repeat up to (not including) this time. */
const END_OF_DAY_H = 24;

/**
 * An interval made of the given spans.
 *
 * @param presentTimes The spans `[start, end]`, h since midnight.
 * @returns The interval.
 * @example Usage
 * ```ts
 * import { specificInterval, triggered } from "./interval.ts";
 * const morning = specificInterval([[8, 12]]);
 * if (!triggered(morning, 12) || triggered(morning, 8)) throw new Error("bad");
 * ```
 */
export function specificInterval(
  presentTimes: readonly (readonly [number, number])[],
): SpecificInterval {
  return {
    kind: "specific",
    presentTimes: presentTimes.map(([start, end]) => [start, end] as const),
  };
}

/**
 * An interval that opens every `periodMin` minutes for `durationMin` minutes,
 * starting at `startH` and repeating until midnight.
 *
 * @param periodMin Time between two openings, min.
 * @param durationMin Length of each opening, min.
 * @param startH Start of the first opening, h since midnight.
 * @returns The interval.
 * @example Usage
 * ```ts
 * import { boundaries, periodicInterval } from "./interval.ts";
 * const spans = boundaries(periodicInterval(120, 15));
 * if (spans[1][0] !== 2 || spans[1][1] !== 2.25) throw new Error("bad");
 * ```
 */
export function periodicInterval(
  periodMin: number,
  durationMin: number,
  startH = 0,
): PeriodicInterval {
  const durationH = durationMin / MIN_PER_H;
  const spans = periodMin === 0 || durationMin === 0 ? [] : Array.from(
    numpyArange(startH, END_OF_DAY_H, periodMin / MIN_PER_H),
    (start) => [start, start + durationH] as const,
  );
  return { kind: "periodic", periodMin, durationMin, startH, spans };
}

/**
 * The interval that never triggers.
 *
 * @returns An interval with no spans.
 */
export function neverInterval(): NeverInterval {
  return { kind: "never" };
}

/**
 * The spans `[start, end]` of an interval, in hours.
 *
 * For a periodic interval the starts are numpy's `arange(startH, 24, periodMin / 60)`,
 * reproduced bit for bit: there are `ceil((24 - startH) / step)` of them, the i-th is
 * `startH + i * delta` where numpy's `delta` is `(startH + step) - startH`. Each span
 * ends `durationMin / 60` hours after its start. A period or a duration of 0 gives
 * no spans.
 *
 * @param interval The interval.
 * @returns Its spans, h.
 */
export function boundaries(interval: Interval): Boundaries {
  switch (interval.kind) {
    case "never":
      return [];
    case "specific":
      return interval.presentTimes;
    case "periodic":
      return interval.spans;
    default:
      return unreachable(interval, "interval");
  }
}

/**
 * numpy's `arange(start, stop, step)` for float64: length `ceil((stop - start) / step)`,
 * first value `start`, second `start + step`, then `start + i * delta` with
 * `delta = (start + step) - start` (numpy fills the rest from the first two values).
 */
function numpyArange(start: number, stop: number, step: number): number[] {
  const length = Math.ceil((stop - start) / step);
  if (!(length > 0)) return [];
  const out: number[] = [start];
  if (length === 1) return out;
  const next = start + step;
  out.push(next);
  const delta = next - start;
  for (let i = 2; i < length; i++) out.push(start + i * delta);
  return out;
}

/**
 * The times at which an interval opens or closes: every start and end, sorted and
 * without duplicates (the reference returns them as a set).
 *
 * @param interval The interval.
 * @returns Sorted unique times, h.
 */
export function transitionTimes(interval: Interval): number[] {
  const times = new Set<number>();
  for (const [start, end] of boundaries(interval)) {
    times.add(start);
    times.add(end);
  }
  return Array.from(times).sort((a, b) => a - b);
}

/**
 * Whether `timeH` lies inside one of the interval's spans, i.e. `start < timeH <= end`
 * for some span.
 *
 * @param interval The interval.
 * @param timeH Time, h since midnight.
 * @returns True when the interval is open at that time.
 */
export function triggered(interval: Interval, timeH: number): boolean {
  // Indexed, not `for (const [start, end] of ...)`: called for every time of every curve,
  // and the destructuring iterators were a tenth of a report's JavaScript allocations.
  const spans = boundaries(interval);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    if (span[0] < timeH && timeH <= span[1]) return true;
  }
  return false;
}
