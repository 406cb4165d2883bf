/**
 * Sample statistics that round exactly like numpy's (`np.mean`, `np.std`,
 * `np.histogram` with equal bins), computed in the kernel (asm/reductions.ts).
 *
 * @module
 */
import { sharedKernel } from "../kernel/shared.ts";
import { numpyHistogram, numpyMeanStd } from "../kernel/statistics.ts";

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
  return numpyHistogram(sharedKernel(), x, bins, divisor);
}
