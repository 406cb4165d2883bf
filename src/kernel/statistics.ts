/**
 * Typed statistics operations of the kernel that round like numpy's (asm/reductions.ts,
 * asm/group_statistics.ts, asm/bin_membership.ts): `np.mean` and `np.std`, `np.histogram`
 * with equal bins, per-group means and quantiles, and the grouping of samples by bins.
 *
 * @module
 */
import type { Kernel } from "./kernel.ts";
import { sharedKernel } from "./shared.ts";

const F64_BYTES = Float64Array.BYTES_PER_ELEMENT;
const U32_BYTES = Uint32Array.BYTES_PER_ELEMENT;

/**
 * `np.mean` and `np.std` (ddof 0) of the samples.
 *
 * @param kernel The kernel to compute in.
 * @param x The samples.
 * @returns The mean and the population standard deviation.
 */
export function numpyMeanStd(kernel: Kernel, x: Float64Array): { mean: number; std: number } {
  return kernel.scope(() => {
    const p = kernel.ref(x);
    const scratch = kernel.alloc(x.length * F64_BYTES);
    const k = kernel.exports;
    return { mean: k.numpy_sum(p, x.length) / x.length, std: k.numpy_std(p, x.length, scratch) };
  });
}

/**
 * `np.histogram(x / divisor, bins)`: the counts and edges of `bins` equal bins between the
 * smallest and the largest value.
 *
 * @param kernel The kernel to compute in.
 * @param x The samples (no NaN).
 * @param bins Number of bins, a positive integer (checked by the caller).
 * @param divisor The histogram is of x / divisor.
 * @returns The counts (bins values) and edges (bins + 1 values).
 */
export function numpyHistogram(
  kernel: Kernel,
  x: Float64Array,
  bins: number,
  divisor: number,
): { counts: Float64Array; edges: Float64Array } {
  return kernel.scope(() => {
    const n = x.length;
    let p = kernel.ref(x);
    if (divisor !== 1) {
      const from = p;
      p = kernel.alloc(n * F64_BYTES);
      kernel.exports.divide_column(p, from, n, divisor);
    }
    const edges = kernel.alloc((bins + 1) * F64_BYTES);
    const counts = kernel.alloc(bins * F64_BYTES);
    kernel.exports.numpy_histogram(p, n, bins, edges, counts);
    return {
      counts: kernel.f64(counts, bins).slice(),
      edges: kernel.f64(edges, bins + 1).slice(),
    };
  });
}

/** Per group: the mean and two quantiles. */
export interface GroupQuantiles {
  /** `np.mean` of each group (NaN when empty). */
  readonly means: number[];
  /** The quantile q1 of each group (NaN when empty or holding a NaN). */
  readonly lower: number[];
  /** The quantile q2 of each group (NaN when empty or holding a NaN). */
  readonly upper: number[];
}

/**
 * `np.mean` and `np.quantile(g, [q1, q2])` (the "linear" method) of each group, rounded
 * like numpy's (asm/group_statistics.ts).
 *
 * @param groups The groups' values.
 * @param q1 First quantile, 0–1.
 * @param q2 Second quantile, q1–1.
 * @returns The statistics, one value per group.
 */
export function groupQuantiles(
  groups: readonly Float64Array[],
  q1: number,
  q2: number,
): GroupQuantiles {
  const kernel = sharedKernel();
  return kernel.scope(() => {
    const total = groups.reduce((sum, g) => sum + g.length, 0);
    const values = kernel.alloc(total * F64_BYTES);
    const starts = new Uint32Array(groups.length);
    let at = 0;
    groups.forEach((g, k) => {
      starts[k] = at;
      kernel.f64(values, total).set(g, at);
      at += g.length;
    });
    const counts = Uint32Array.from(groups, (g) => g.length);
    return quantilesAt(kernel, values, starts, counts, q1, q2);
  });
}

/**
 * {@link groupQuantiles} of the values of `p` of the samples in each bin (b: the samples
 * with (lows[b] − v)·(highs[b] − v) < 0), taken in sample order, where each sample can be
 * only in the bin of the last centre <= v or its two neighbours (centres at least a bin
 * width apart; asm/bin_membership.ts).
 *
 * @param v The binned value of each sample.
 * @param p The value of each sample that the statistics are of.
 * @param centres The bins' centres, increasing.
 * @param lows Each bin's low edge.
 * @param highs Each bin's high edge.
 * @param q1 First quantile, 0–1.
 * @param q2 Second quantile, q1–1.
 * @returns The statistics, one value per bin.
 */
export function binQuantiles(
  v: Float64Array,
  p: Float64Array,
  centres: ArrayLike<number>,
  lows: Float64Array,
  highs: Float64Array,
  q1: number,
  q2: number,
): GroupQuantiles {
  const kernel = sharedKernel();
  const n = v.length;
  const bins = centres.length;
  return kernel.scope(() => {
    const first = kernel.alloc(n * U32_BYTES);
    const hits = kernel.alloc(n * U32_BYTES);
    const countsPtr = kernel.alloc(bins * U32_BYTES);
    kernel.exports.bin_candidates(
      kernel.ref(v),
      n,
      kernel.put(centres),
      kernel.put(lows),
      kernel.put(highs),
      bins,
      first,
      hits,
      countsPtr,
    );
    const startsPtr = kernel.alloc(bins * U32_BYTES);
    // As many values as bin memberships (at most 2n: a sample can be in two bins only
    // where two adjacent bins overlap by rounding at their shared edge).
    let total = 0;
    for (const count of kernel.u32(countsPtr, bins)) total += count;
    const out = kernel.alloc(total * F64_BYTES);
    kernel.exports.bin_gather(kernel.ref(p), n, first, hits, countsPtr, bins, startsPtr, out);
    const starts = kernel.u32(startsPtr, bins).slice();
    const counts = kernel.u32(countsPtr, bins).slice();
    return quantilesAt(kernel, out, starts, counts, q1, q2);
  });
}

/** {@link groupQuantiles} of groups in the kernel's memory from `values`. */
function quantilesAt(
  kernel: Kernel,
  values: number,
  starts: Uint32Array,
  counts: Uint32Array,
  q1: number,
  q2: number,
): GroupQuantiles {
  const groups = starts.length;
  return kernel.scope(() => {
    const startsPtr = kernel.alloc(groups * U32_BYTES);
    kernel.u32(startsPtr, groups).set(starts);
    const countsPtr = kernel.alloc(groups * U32_BYTES);
    kernel.u32(countsPtr, groups).set(counts);
    const stats = kernel.alloc(groups * 3 * F64_BYTES);
    kernel.exports.group_statistics(values, startsPtr, countsPtr, groups, q1, q2, stats);
    const all = kernel.f64(stats, groups * 3);
    return {
      means: Array.from({ length: groups }, (_, g) => all[3 * g]),
      lower: Array.from({ length: groups }, (_, g) => all[3 * g + 1]),
      upper: Array.from({ length: groups }, (_, g) => all[3 * g + 2]),
    };
  });
}
