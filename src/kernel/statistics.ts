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
const U16_BYTES = Uint16Array.BYTES_PER_ELEMENT;

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
    const n = x.length;
    const mean = kernel.exports.numpy_sum(p, n) / n;
    // np.std: sqrt(np.mean((x - mean)**2)), the squares summed as they are computed.
    return { mean, std: Math.sqrt(kernel.exports.numpy_squared_deviations(p, n, mean) / n) };
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
    const tallies = kernel.alloc(4 * bins * Uint32Array.BYTES_PER_ELEMENT);
    kernel.exports.numpy_histogram(p, n, bins, edges, counts, tallies);
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

/** Equal bins over a range, for {@link BinQuantilesOptions.rangeCounts}. */
export interface RangeBins {
  /** Low end of the range. */
  readonly lo: number;
  /** High end of the range (included). */
  readonly hi: number;
  /** Number of equal bins, a positive integer. */
  readonly bins: number;
}

/** Options of {@link binQuantiles}. */
export interface BinQuantilesOptions {
  /**
   * Also count the binned values in these equal bins: a value lo <= v <= hi goes to bin
   * min(bins − 1, floor((v − lo) / (hi − lo) · bins)) (the uncertainties figure's
   * histogram).
   */
  readonly rangeCounts?: RangeBins;
}

/** {@link GroupQuantiles} and, when asked for, the range counts. */
export interface BinQuantiles extends GroupQuantiles {
  /** The counts of {@link BinQuantilesOptions.rangeCounts} (absent when not asked for). */
  readonly rangeCounts?: number[];
}

/** Most bins of the evenly spaced path (its codes are 15 bits). */
const MAX_EVEN_BINS = 0x7ffe;

/**
 * {@link groupQuantiles} of the values of `p` of the samples in each bin (b: the samples
 * with (lows[b] − v)·(highs[b] − v) < 0), taken in sample order, where each sample can be
 * only in the bin of the last centre <= v or its two neighbours (centres at least a bin
 * width apart; asm/bin_membership.ts). Evenly spaced bins at most a spacing wide take a
 * faster path with the same result (asm/even_bins.ts, see {@link evenBinsPerSpacing}).
 *
 * @param v The binned value of each sample.
 * @param p The value of each sample that the statistics are of.
 * @param centres The bins' centres, increasing.
 * @param lows Each bin's low edge.
 * @param highs Each bin's high edge.
 * @param q1 First quantile, 0–1.
 * @param q2 Second quantile, q1–1.
 * @param options Equal bins to count the values of `v` in, in the same pass.
 * @returns The statistics, one value per bin (and the range counts when asked for).
 */
export function binQuantiles(
  v: Float64Array,
  p: Float64Array,
  centres: ArrayLike<number>,
  lows: Float64Array,
  highs: Float64Array,
  q1: number,
  q2: number,
  options: BinQuantilesOptions = {},
): BinQuantiles {
  const kernel = sharedKernel();
  const n = v.length;
  const bins = centres.length;
  const range = options.rangeCounts;
  const perSpacing = bins <= MAX_EVEN_BINS ? evenBinsPerSpacing(lows, highs) : undefined;
  return kernel.scope(() => {
    const countsPtr = kernel.alloc(bins * U32_BYTES);
    const startsPtr = kernel.alloc(bins * U32_BYTES);
    let gather: (out: number) => void;
    let rangeCounts: number[] | undefined;
    if (perSpacing !== undefined) {
      // One test for most samples, a 16-bit code each (asm/even_bins.ts).
      const codes = kernel.alloc(n * U16_BYTES);
      const rangeBins = range?.bins ?? 0;
      const rangePtr = kernel.alloc(rangeBins * U32_BYTES);
      kernel.exports.even_bin_codes(
        kernel.ref(v),
        n,
        kernel.put(lows),
        kernel.put(highs),
        bins,
        perSpacing,
        contiguousBins(lows, highs, perSpacing) ? 1 : 0,
        codes,
        countsPtr,
        range?.lo ?? 0,
        range?.hi ?? 0,
        rangeBins,
        rangePtr,
      );
      if (range !== undefined) rangeCounts = Array.from(kernel.u32(rangePtr, rangeBins));
      gather = (out) =>
        kernel.exports.even_bin_gather(kernel.ref(p), n, codes, countsPtr, bins, startsPtr, out);
    } else {
      const first = kernel.alloc(n * U32_BYTES);
      const hits = kernel.alloc(n * U32_BYTES);
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
      if (range !== undefined) rangeCounts = countInRange(v, range);
      gather = (out) =>
        kernel.exports.bin_gather(kernel.ref(p), n, first, hits, countsPtr, bins, startsPtr, out);
    }
    // As many values as bin memberships (at most 2n: a sample can be in two bins only
    // where two adjacent bins overlap by rounding at their shared edge).
    let total = 0;
    for (const count of kernel.u32(countsPtr, bins)) total += count;
    const out = kernel.alloc(total * F64_BYTES);
    gather(out);
    const starts = kernel.u32(startsPtr, bins).slice();
    const counts = kernel.u32(countsPtr, bins).slice();
    const stats = quantilesAt(kernel, out, starts, counts, q1, q2);
    return rangeCounts === undefined ? stats : { ...stats, rangeCounts };
  });
}

/** The counts of {@link BinQuantilesOptions.rangeCounts}, in plain TypeScript. */
function countInRange(v: Float64Array, { lo, hi, bins }: RangeBins): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (!(x >= lo && x <= hi)) continue;
    counts[Math.min(bins - 1, Math.floor(((x - lo) / (hi - lo)) * bins))]++;
  }
  return counts;
}

/** Relative tolerance of {@link evenBinsPerSpacing} on the bins' starts and widths. */
const EVEN_TOLERANCE = 1e-7;

/**
 * 1 / the spacing of bins that start evenly spaced (low_b = low_0 + b · spacing within a
 * ten-millionth of a spacing) and are at most a spacing wide (as much more), else
 * undefined. A value v can then only be in bin b − 1, b or b + 1 for
 * b = floor((v − low_0) / spacing), and only in bin b when (v − low_0) / spacing is more
 * than 1e-5 away from an integer (asm/even_bins.ts).
 *
 * @param lows Each bin's low edge.
 * @param highs Each bin's high edge.
 * @returns The inverse spacing, or undefined.
 */
export function evenBinsPerSpacing(
  lows: ArrayLike<number>,
  highs: ArrayLike<number>,
): number | undefined {
  const bins = lows.length;
  if (bins < 2 || highs.length !== bins) return undefined;
  const spacing = (lows[bins - 1] - lows[0]) / (bins - 1);
  if (!(spacing > 0 && Number.isFinite(spacing))) return undefined;
  const tolerance = spacing * EVEN_TOLERANCE;
  for (let b = 0; b < bins; b++) {
    if (!(Math.abs(lows[b] - (lows[0] + b * spacing)) <= tolerance)) return undefined;
    if (!(highs[b] - lows[b] <= spacing + tolerance)) return undefined;
  }
  return 1 / spacing;
}

/**
 * Whether evenly spaced bins (see {@link evenBinsPerSpacing}) are also at least a spacing
 * wide, within a ten-millionth of it: they then tile their span, and a value more than
 * 1e-5 spacings inside one is in it (asm/even_bins.ts).
 */
function contiguousBins(
  lows: ArrayLike<number>,
  highs: ArrayLike<number>,
  perSpacing: number,
): boolean {
  const spacing = 1 / perSpacing;
  const tolerance = spacing * EVEN_TOLERANCE;
  for (let b = 0; b < lows.length; b++) {
    if (!(highs[b] - lows[b] >= spacing - tolerance)) return false;
  }
  return true;
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

/**
 * `np.mean(lr / 100 * away + sr / 100 * near)`: the expected new cases averaged over the
 * samples, from the long- and short-range probabilities of infection (%) of the same
 * samples, summed as they are computed (no column of them is written). Undefined when
 * the columns are not both in the shared kernel's memory with the same length (at least
 * 64): the caller then computes the column itself.
 *
 * @param longRange Probability of infection at long range per sample, %.
 * @param shortRange Probability with the short-range interactions per sample, % (may be
 *   `longRange` itself).
 * @param away Exposed people away from the interactions.
 * @param near Exposed people in the interactions.
 * @returns The mean, people, or undefined.
 */
export function meanNewCases(
  longRange: Float64Array,
  shortRange: Float64Array,
  away: number,
  near: number,
): number | undefined {
  const kernel = sharedKernel();
  const n = longRange.length;
  if (n < 64 || shortRange.length !== n) return undefined;
  if (!kernel.owns(longRange) || !kernel.owns(shortRange)) return undefined;
  return kernel.exports.new_cases_sum(longRange.byteOffset, shortRange.byteOffset, n, away, near) /
    n;
}

/**
 * `np.sum` of a column in the shared kernel's memory (at least 8192 values), in the
 * kernel; undefined for another column (the caller then sums it).
 *
 * @param x The values.
 * @returns The sum, or undefined.
 */
export function kernelSum(x: Float64Array): number | undefined {
  if (x.length < 8192) return undefined;
  const kernel = sharedKernel();
  return kernel.owns(x) ? kernel.exports.numpy_sum(x.byteOffset, x.length) : undefined;
}

/**
 * Σ w_i and Σ w_i · b_i of the samples, each a running sum in sample order (so rounded as
 * a loop that adds them one by one), in the kernel, when `b` and a column `w` are in the
 * shared kernel's memory (at least 8192 values); undefined otherwise (the caller then
 * sums them).
 *
 * @param w The weights, per sample or one for all.
 * @param b The values.
 * @returns [Σ w_i, Σ w_i · b_i], or undefined.
 */
export function weightedTotals(
  w: Float64Array | number,
  b: Float64Array,
): [number, number] | undefined {
  const n = b.length;
  if (n < 8192) return undefined;
  const kernel = sharedKernel();
  if (!kernel.owns(b)) return undefined;
  if (typeof w !== "number" && (w.length !== n || !kernel.owns(w))) return undefined;
  return kernel.scope(() => {
    const out = kernel.alloc(2 * F64_BYTES);
    kernel.exports.weighted_totals(
      typeof w === "number" ? 0 : w.byteOffset,
      typeof w === "number" ? w : 0,
      b.byteOffset,
      n,
      out,
    );
    const [total, weighted] = kernel.f64(out, 2);
    return [total, weighted];
  });
}
