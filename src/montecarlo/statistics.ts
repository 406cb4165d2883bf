/**
 * Sample statistics that round exactly like numpy's (`np.mean`, `np.std`,
 * `np.histogram` with equal bins), computed in the kernel (asm/reductions.ts).
 *
 * @module
 */
import type { Kernel } from "../kernel/kernel.ts";

/** A histogram with equal bins (numpy `np.histogram(x, bins)`). */
export interface Histogram {
  /** Counts per bin (bins values). */
  readonly counts: Float64Array;
  /** Bin edges (bins + 1 values); the last bin includes its right edge. */
  readonly edges: Float64Array;
}

/** Summary statistics of a column of samples. */
export interface SampleStatistics {
  /** `np.mean`. */
  readonly mean: number;
  /** `np.std` (population, ddof 0). */
  readonly std: number;
}

/**
 * Mean and standard deviation rounded like numpy's.
 *
 * @param kernel Kernel instance for the computation.
 * @param x The samples.
 * @returns Mean and population standard deviation.
 */
export function sampleStatistics(kernel: Kernel, x: Float64Array): SampleStatistics {
  return kernel.scope(() => {
    const p = kernel.put(x);
    const scratch = kernel.alloc(x.length * 8);
    const k = kernel.exports;
    return { mean: k.numpy_sum(p, x.length) / x.length, std: k.numpy_std(p, x.length, scratch) };
  });
}

/**
 * Histogram with `bins` equal bins between the minimum and the maximum, like numpy's.
 *
 * @param kernel Kernel instance for the computation.
 * @param x The samples (no NaN).
 * @param bins Number of bins, a positive integer.
 * @param divisor The histogram is of `x / divisor` (numpy's `np.histogram(x / divisor)`).
 * @returns Counts and edges.
 * @throws {RangeError} When `bins` is not a positive integer.
 */
export function histogram(
  kernel: Kernel,
  x: Float64Array,
  bins: number,
  divisor = 1,
): Histogram {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`expected a positive integer number of bins but found ${bins}`);
  }
  return kernel.scope(() => {
    const p = kernel.alloc(x.length * 8);
    const values = kernel.f64(p, x.length);
    if (divisor === 1) values.set(x);
    else for (let i = 0; i < x.length; i++) values[i] = x[i] / divisor;
    const edges = kernel.alloc((bins + 1) * 8);
    const counts = kernel.alloc(bins * 8);
    const n = x.length;
    if (!kernel.splits(n)) {
      kernel.exports.numpy_histogram(p, n, bins, edges, counts);
      return {
        counts: kernel.f64(counts, bins).slice(),
        edges: kernel.f64(edges, bins + 1).slice(),
      };
    }
    // The same steps on two threads: each half's range and counts, then combined.
    // (The second part's outputs start empty: split may yet run everything here.)
    const ranges = kernel.alloc(4 * 8);
    kernel.f64(ranges, 4).set([Infinity, -Infinity, Infinity, -Infinity]);
    const secondCounts = kernel.alloc(bins * 8);
    kernel.f64(secondCounts, bins).fill(0);
    kernel.split(
      "min_max",
      n,
      (start, count) => [p + start * 8, count, ranges + (start === 0 ? 0 : 16)],
    );
    const [lo0, hi0, lo1, hi1] = kernel.f64(ranges, 4);
    kernel.exports.histogram_edges(Math.min(lo0, lo1), Math.max(hi0, hi1), bins, edges);
    kernel.split("histogram_counts", n, (start, count) => [
      p + start * 8,
      count,
      bins,
      edges,
      start === 0 ? counts : secondCounts,
    ]);
    const first = kernel.f64(counts, bins);
    const second = kernel.f64(secondCounts, bins);
    return {
      counts: Float64Array.from(first, (c, k) => c + second[k]),
      edges: kernel.f64(edges, bins + 1).slice(),
    };
  });
}
