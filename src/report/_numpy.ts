/**
 * Small numpy routines the report needs, rounded like numpy's float64 versions
 * (numpy 1.24, the reference's version): `np.arange` with a float step, and `np.mean`
 * with `np.quantile`'s default "linear" method over groups of values.
 *
 * @module
 */
import type { Kernel } from "../kernel/kernel.ts";
import { sharedKernel } from "../kernel/shared.ts";

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
export interface GroupStatistics {
  /** `np.mean` of each group (NaN when empty). */
  readonly means: number[];
  /** The quantile q1 of each group (NaN when empty or holding a NaN). */
  readonly lower: number[];
  /** The quantile q2 of each group (NaN when empty or holding a NaN). */
  readonly upper: number[];
}

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
 * @param kernel The kernel instance holding the values.
 * @param values Byte offset of the groups' values, one group after the other (reordered
 *   within each group).
 * @param starts Each group's first index, u32.
 * @param counts Each group's number of values, u32.
 * @param q1 First quantile, 0–1.
 * @param q2 Second quantile, q1–1.
 * @returns The statistics, one value per group.
 */
export function groupStatisticsAt(
  kernel: Kernel,
  values: number,
  starts: Uint32Array,
  counts: Uint32Array,
  q1: number,
  q2: number,
): GroupStatistics {
  const groups = starts.length;
  return kernel.scope(() => {
    const startsPtr = kernel.alloc(groups * 4);
    kernel.u32(startsPtr, groups).set(starts);
    const countsPtr = kernel.alloc(groups * 4);
    kernel.u32(countsPtr, groups).set(counts);
    const stats = kernel.alloc(groups * 3 * 8);
    kernel.exports.group_statistics(values, startsPtr, countsPtr, groups, q1, q2, stats);
    const all = kernel.f64(stats, groups * 3);
    return {
      means: Array.from({ length: groups }, (_, g) => all[3 * g]),
      lower: Array.from({ length: groups }, (_, g) => all[3 * g + 1]),
      upper: Array.from({ length: groups }, (_, g) => all[3 * g + 2]),
    };
  });
}

/**
 * {@link groupStatisticsAt} of groups given as arrays.
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
  const kernel = sharedKernel();
  return kernel.scope(() => {
    const total = groups.reduce((sum, g) => sum + g.length, 0);
    const values = kernel.alloc(total * 8);
    const starts = new Uint32Array(groups.length);
    let at = 0;
    groups.forEach((g, k) => {
      starts[k] = at;
      kernel.f64(values + at * 8, g.length).set(g);
      at += g.length;
    });
    const counts = Uint32Array.from(groups, (g) => g.length);
    return groupStatisticsAt(kernel, values, starts, counts, q1, q2);
  });
}
