/**
 * Evenly spaced grids computed exactly like numpy's `linspace` (endpoint included).
 *
 * @module
 */

/**
 * `num` evenly spaced values from `start` to `stop`, bit-identical to
 * `numpy.linspace(start, stop, num)`: element i is `i * step + start` with
 * `step = (stop - start) / (num - 1)`, and the last element is exactly `stop`.
 *
 * @param start First value (any unit; the result has the same unit).
 * @param stop Last value.
 * @param num Number of values, an integer >= 2.
 * @returns The grid.
 * @throws {RangeError} When `num` is not an integer >= 2 or an end is not finite.
 * @example Usage
 * ```ts
 * import { linspace } from "./linspace.ts";
 * const g = linspace(0.1, 20, 3000);
 * if (g[2999] !== 20 || g[1] !== 1 * ((20 - 0.1) / 2999) + 0.1) throw new Error("bad");
 * ```
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  if (!Number.isSafeInteger(num) || num < 2) {
    throw new RangeError(`expected an integer number of points >= 2 but found ${num}`);
  }
  if (!Number.isFinite(start) || !Number.isFinite(stop)) {
    throw new RangeError(`expected finite ends but found ${start} and ${stop}`);
  }
  const out = new Float64Array(num);
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  out[num - 1] = stop;
  return out;
}
