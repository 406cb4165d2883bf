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
    const p = kernel.ref(x);
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
    let p = kernel.ref(x);
    if (divisor !== 1) {
      // x / divisor in the kernel (on two threads with a helper).
      const from = p;
      p = kernel.alloc(x.length * 8);
      kernel.split("divide_column", x.length, (start, count) => [
        p + start * 8,
        from + start * 8,
        count,
        divisor,
      ]);
    }
    const edges = kernel.alloc((bins + 1) * 8);
    const n = x.length;
    if (!kernel.splits(n)) {
      const counts = kernel.alloc(bins * 8);
      kernel.exports.numpy_histogram(p, n, bins, edges, counts);
      return {
        counts: kernel.f64(counts, bins).slice(),
        edges: kernel.f64(edges, bins + 1).slice(),
      };
    }
    // The same steps by parts, on two threads: each part's range and counts, combined.
    const parts = kernel.parts(n);
    const ranges = kernel.alloc(parts.length * 16);
    const partCounts = kernel.alloc(parts.length * bins * 8);
    kernel.runParts("min_max", parts.map((q, i) => [p + q.start * 8, q.count, ranges + i * 16]));
    const range = kernel.f64(ranges, 2 * parts.length);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < parts.length; i++) {
      lo = Math.min(lo, range[2 * i]);
      hi = Math.max(hi, range[2 * i + 1]);
    }
    kernel.exports.histogram_edges(lo, hi, bins, edges);
    kernel.runParts(
      "histogram_counts",
      parts.map((q, i) => [p + q.start * 8, q.count, bins, edges, partCounts + i * bins * 8]),
    );
    const each = kernel.f64(partCounts, parts.length * bins);
    const total = new Float64Array(bins);
    for (let i = 0; i < parts.length; i++) {
      for (let b = 0; b < bins; b++) total[b] += each[i * bins + b];
    }
    return {
      counts: total,
      edges: kernel.f64(edges, bins + 1).slice(),
    };
  });
}
