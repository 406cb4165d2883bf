/**
 * Step functions of the time of day (reference: `PiecewiseConstant` and
 * `IntPiecewiseConstant` in `models.py`): temperatures, custom air-exchange rates,
 * and the number of people present (dynamic occupancy).
 *
 * @module
 */
import type { Vec } from "./vec.ts";
import { type SpecificInterval, specificInterval } from "./interval.ts";

/**
 * A function of time that is constant between transition times: `values[i]` holds on
 * `(transitionTimes[i], transitionTimes[i + 1]]`. Before the first time it keeps the
 * first value and after the last time the last value.
 */
export interface PiecewiseConstant {
  /** Discriminant. */
  readonly kind: "piecewise-constant";
  /** Times at which the value changes, h since midnight; sorted, unique, one more than `values`. */
  readonly transitionTimes: readonly number[];
  /** Value on each span (unit of the quantity, e.g. K or h⁻¹); all of one shape. */
  readonly values: readonly Vec[];
}

/**
 * A whole-number step function that is 0 outside its transition times (reference
 * `IntPiecewiseConstant`): the number of people present over the day.
 */
export interface IntPiecewiseConstant {
  /** Discriminant. */
  readonly kind: "int-piecewise-constant";
  /** Times at which the count changes, h since midnight; sorted, unique, one more than `values`. */
  readonly transitionTimes: readonly number[];
  /** Count on each span (integers). */
  readonly values: readonly number[];
}

/**
 * A step function, checked the way the reference checks it.
 *
 * @param transitionTimes Change times, h; sorted ascending without duplicates.
 * @param values One value per span (`transitionTimes.length - 1` of them), all scalars
 *   or all arrays of one length.
 * @returns The function (with copied lists).
 * @throws {RangeError} When the counts do not match, there is no value, the times are
 *   unsorted or repeated, or the values differ in shape.
 * @example Usage
 * ```ts
 * import { piecewiseConstant, valueAt } from "./piecewise_constant.ts";
 * const outsideTemp = piecewiseConstant([0, 12, 24], [280, 285]);
 * if (valueAt(outsideTemp, 13) !== 285) throw new Error("bad");
 * ```
 */
export function piecewiseConstant(
  transitionTimes: readonly number[],
  values: readonly Vec[],
): PiecewiseConstant {
  checkTimes(transitionTimes, values.length);
  const shape = shapeOf(values[0] as Vec);
  for (const v of values) {
    if (shapeOf(v) !== shape) {
      throw new RangeError(
        `expected all values to have the same shape but found ${describe(shape)} and ${
          describe(shapeOf(v))
        }`,
      );
    }
  }
  return { kind: "piecewise-constant", transitionTimes: [...transitionTimes], values: [...values] };
}

/**
 * A whole-number step function, checked like {@link piecewiseConstant}.
 *
 * @param transitionTimes Change times, h; sorted ascending without duplicates.
 * @param values One integer per span.
 * @returns The function (with copied lists).
 * @throws {RangeError} When the counts do not match or the times are unsorted or repeated.
 * @throws {TypeError} When a value is not an integer.
 * @example Usage
 * ```ts
 * import { intPiecewiseConstant, occupancyAt } from "./piecewise_constant.ts";
 * const people = intPiecewiseConstant([8, 12, 17], [5, 3]);
 * if (occupancyAt(people, 7) !== 0 || occupancyAt(people, 12) !== 5) throw new Error("bad");
 * ```
 */
export function intPiecewiseConstant(
  transitionTimes: readonly number[],
  values: readonly number[],
): IntPiecewiseConstant {
  checkTimes(transitionTimes, values.length);
  for (const v of values) {
    if (!Number.isInteger(v)) {
      throw new TypeError(`expected integer values but found ${v}`);
    }
  }
  return {
    kind: "int-piecewise-constant",
    transitionTimes: [...transitionTimes],
    values: [...values],
  };
}

/**
 * The value at a time (reference `PiecewiseConstant.value`): the first value at or
 * before the first transition time, the last value after the last one, else the value
 * of the span `(t1, t2]` that holds `timeH`.
 *
 * @param pc The function.
 * @param timeH Time, h since midnight.
 * @returns The value (same object as stored, not a copy).
 */
export function valueAt(pc: PiecewiseConstant, timeH: number): Vec {
  return pc.values[spanIndex(pc.transitionTimes, timeH)] as Vec;
}

/**
 * The number of people at a time (reference `IntPiecewiseConstant.value`): 0 at or
 * before the first transition time and after the last one, else the count of the span
 * `(t1, t2]` that holds `timeH`.
 *
 * @param ipc The occupancy.
 * @param timeH Time, h since midnight.
 * @returns Number of people.
 */
export function occupancyAt(ipc: IntPiecewiseConstant, timeH: number): number {
  const times = ipc.transitionTimes;
  if (timeH <= (times[0] as number) || timeH > (times[times.length - 1] as number)) return 0;
  return ipc.values[spanIndex(times, timeH)] as number;
}

/**
 * The spans on which the function is non-zero, as an interval (reference
 * `PiecewiseConstant.interval`). A value counts as non-zero the way Python's `bool`
 * sees it: a number other than 0 (NaN included), or a one-sample array whose value is.
 *
 * @param pc The function (either variant).
 * @returns The non-zero spans, h.
 * @throws {TypeError} When a value is an array of more than one sample (its truth is
 *   ambiguous, as in numpy).
 */
export function toInterval(pc: PiecewiseConstant | IntPiecewiseConstant): SpecificInterval {
  const spans: [number, number][] = [];
  const times = pc.transitionTimes;
  pc.values.forEach((value, i) => {
    if (isNonZero(value)) spans.push([times[i] as number, times[i + 1] as number]);
  });
  return specificInterval(spans);
}

/**
 * The same function on a finer mesh, interpolated linearly (reference
 * `PiecewiseConstant.refine`).
 *
 * The new times are numpy's `linspace(t0, tN, (n - 1) * refineFactor + 1)` (the i-th is
 * `i * step + t0`, the last exactly `tN`). The new values are a linear interpolation
 * through the points `(t_i, values[i])`, with the last value repeated at `tN`, taken
 * at every new time but the last. Scalar values follow numpy's `interp` (exact at the
 * old times), per-sample arrays scipy's `interp1d` (`slope * (t - t_lo) + y_lo`), so
 * the results round like the reference's.
 *
 * @param pc The function.
 * @param refineFactor Number of new spans per old span (a positive integer).
 * @returns The refined function.
 * @throws {RangeError} When `refineFactor` is not a positive integer.
 */
export function refine(pc: PiecewiseConstant, refineFactor = 10): PiecewiseConstant {
  if (!Number.isInteger(refineFactor) || refineFactor < 1) {
    throw new RangeError(`expected a positive integer refine factor but found ${refineFactor}`);
  }
  const times = pc.transitionTimes;
  const nodes = [...pc.values, pc.values[pc.values.length - 1] as Vec];
  const refined = numpyLinspace(
    times[0] as number,
    times[times.length - 1] as number,
    (times.length - 1) * refineFactor + 1,
  );
  const values = refined.slice(0, -1).map((t) =>
    typeof nodes[0] === "number"
      ? numpyInterp(times, nodes as number[], t)
      : interp1dLinear(times, nodes as Float64Array[], t)
  );
  return piecewiseConstant(refined, values);
}

// --- private helpers ---

/** Checks the transition times of a step function with `valueCount` values. */
function checkTimes(times: readonly number[], valueCount: number): void {
  if (times.length !== valueCount + 1) {
    throw new RangeError(
      `expected one more transition time than values but found ${times.length} times and ` +
        `${valueCount} values`,
    );
  }
  if (valueCount === 0) {
    throw new RangeError("expected at least one value but found none");
  }
  for (let i = 1; i < times.length; i++) {
    if (!((times[i] as number) > (times[i - 1] as number))) {
      throw new RangeError(
        `expected sorted transition times without duplicates but found ${times.join(", ")}`,
      );
    }
  }
}

/** -1 for a scalar, the sample count for an array (numpy: shape () vs (n,)). */
function shapeOf(v: Vec): number {
  return typeof v === "number" ? -1 : v.length;
}

function describe(shape: number): string {
  return shape < 0 ? "a scalar" : `an array of ${shape}`;
}

function isNonZero(v: Vec): boolean {
  if (typeof v === "number") return v !== 0;
  if (v.length !== 1) {
    throw new TypeError(`expected a scalar value but found an array of ${v.length} samples`);
  }
  return v[0] !== 0;
}

/**
 * Index of the value that holds at `timeH`: 0 up to the first time, the last index
 * after the last time, else `i` with `times[i] < timeH <= times[i + 1]`.
 */
function spanIndex(times: readonly number[], timeH: number): number {
  const last = times.length - 1;
  if (timeH <= (times[0] as number)) return 0;
  if (timeH > (times[last] as number)) return last - 1;
  let i = 0;
  // (A NaN time falls through to the last span, as in the reference's loop.)
  while (i < last - 1 && !(timeH <= (times[i + 1] as number))) i++;
  return i;
}

/** numpy `linspace(start, stop, num)` for num >= 2: `i * step + start`, last exactly `stop`. */
function numpyLinspace(start: number, stop: number, num: number): number[] {
  const step = (stop - start) / (num - 1);
  const out = Array.from({ length: num }, (_, i) => i * step + start);
  out[num - 1] = stop;
  return out;
}

/**
 * numpy `interp(x, xp, fp)` at one point inside `[xp[0], xp[last]]`: exact at a node,
 * else `slope * (x - xp[j]) + fp[j]` (retried from the right node when that is NaN).
 */
function numpyInterp(xp: readonly number[], fp: readonly number[], x: number): number {
  const last = xp.length - 1;
  if (x <= (xp[0] as number)) return fp[0] as number;
  if (x >= (xp[last] as number)) return fp[last] as number;
  let j = 0;
  while ((xp[j + 1] as number) <= x) j++;
  const x0 = xp[j] as number, x1 = xp[j + 1] as number;
  const y0 = fp[j] as number, y1 = fp[j + 1] as number;
  if (x === x0) return y0;
  const slope = (y1 - y0) / (x1 - x0);
  let y = slope * (x - x0) + y0;
  if (Number.isNaN(y)) {
    y = slope * (x - x1) + y1;
    if (Number.isNaN(y) && y0 === y1) y = y0;
  }
  return y;
}

/**
 * scipy `interp1d(x, y, axis=0)` (linear) at one point inside `[x[0], x[last]]`, for
 * per-sample rows: the segment `(x[lo], x[lo + 1]]` holding `t` (the first segment
 * for `t = x[0]`), then `slope * (t - x_lo) + y_lo` per sample.
 */
function interp1dLinear(x: readonly number[], y: readonly Float64Array[], t: number): Float64Array {
  let hi = 1;
  while (hi < x.length - 1 && (x[hi] as number) < t) hi++;
  const lo = hi - 1;
  const xLo = x[lo] as number, dx = (x[hi] as number) - xLo;
  const yLo = y[lo] as Float64Array, yHi = y[hi] as Float64Array;
  const out = new Float64Array(yLo.length);
  for (let k = 0; k < out.length; k++) {
    const slope = ((yHi[k] as number) - (yLo[k] as number)) / dx;
    out[k] = slope * (t - xLo) + (yLo[k] as number);
  }
  return out;
}
