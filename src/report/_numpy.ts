/**
 * Small numpy routines the report needs, rounded like numpy's float64 versions
 * (numpy 1.24, the reference's version): `np.arange` with a float step, and `np.mean`
 * with `np.quantile`'s default "linear" method over groups of values.
 *
 * @module
 */
import { type GroupQuantiles, groupQuantiles } from "../kernel/statistics.ts";

/**
 * `np.arange(start, stop, step)` for float64: ceil((stop − start) / step) values, the
 * i-th being start + i·δ where δ = (start + step) − start (numpy fills the array from
 * its first two values, so δ carries the rounding of start + step).
 *
 * @param start First value.
 * @param stop End (excluded, up to rounding).
 * @param step Spacing, non-zero.
 * @returns The values.
 * @throws {RangeError} When `step` is zero or not finite.
 */
export function arange(start: number, stop: number, step: number): number[] {
  if (step === 0 || !Number.isFinite(step)) {
    throw new RangeError(`expected a finite non-zero step but found ${step}`);
  }
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const delta = (start + step) - start;
  const out: number[] = new Array(n);
  if (n > 0) out[0] = start;
  if (n > 1) out[1] = start + step;
  for (let i = 2; i < n; i++) out[i] = start + i * delta;
  return out;
}

/** Per group: the mean and two quantiles (see {@link groupStatistics}). */
export type GroupStatistics = GroupQuantiles;

/**
 * `np.mean` and `np.quantile(x, [q1, q2])` (the default "linear" method, Hyndman & Fan
 * type 7) of each group of values, rounded as numpy's: the mean sums the group in order
 * with numpy's pairwise summation; for a quantile the virtual index is (n − 1)·q and the
 * two neighbouring order statistics a ≤ b (found by selection) are blended with
 * γ = index − floor(index) as a + (b − a)·γ when γ < 0.5 and b − (b − a)·(1 − γ)
 * otherwise (numpy's `_lerp`). In the kernel (asm/group_statistics.ts).
 *
 * Unlike numpy (which raises `IndexError`), an empty group gives NaN quantiles; a NaN
 * among the values gives NaN, as in numpy.
 *
 * @param groups The groups' values.
 * @param q1 First quantile, 0–1.
 * @param q2 Second quantile, q1–1.
 * @returns The statistics, one value per group.
 */
export function groupStatistics(
  groups: readonly Float64Array[],
  q1: number,
  q2: number,
): GroupStatistics {
  return groupQuantiles(groups, q1, q2);
}
