/**
 * Sample statistics that round exactly like numpy's (`np.mean`, `np.std`,
 * `np.histogram` with equal bins), computed in the kernel (asm/reductions.ts).
 *
 * @module
 */
import { sharedKernel } from "../kernel/shared.ts";
import { numpyHistogram, numpyMeanStd } from "../kernel/statistics.ts";
import { hostHistogram } from "./host_histogram.ts";

/**
 * Columns longer than this (and not in the kernel's memory) are binned in TypeScript
 * ({@link hostHistogram}, the same numbers) instead of being copied into the kernel's
 * stack, whose memory is never returned: the per-sample columns of a report of more
 * samples than one chunk (`REPORT_CHUNK_SIZE` of src/report/report_chunks.ts, 250,000).
 */
const KERNEL_HISTOGRAM_MAX_COPY = 250_000;

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
 * @param x The samples.
 * @returns Mean and population standard deviation.
 */
export function sampleStatistics(x: Float64Array): SampleStatistics {
  return numpyMeanStd(sharedKernel(), x);
}

/**
 * Histogram with `bins` equal bins between the minimum and the maximum, like numpy's.
 *
 * @param x The samples (no NaN).
 * @param bins Number of bins, a positive integer.
 * @param divisor The histogram is of `x / divisor` (numpy's `np.histogram(x / divisor)`).
 * @returns Counts and edges.
 * @throws {RangeError} When `bins` is not a positive integer.
 */
export function histogram(
  x: Float64Array,
  bins: number,
  divisor = 1,
): Histogram {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`expected a positive integer number of bins but found ${bins}`);
  }
  const kernel = sharedKernel();
  if (x.length > KERNEL_HISTOGRAM_MAX_COPY && !kernel.owns(x)) {
    return hostHistogram(x, bins, divisor);
  }
  return numpyHistogram(kernel, x, bins, divisor);
}
