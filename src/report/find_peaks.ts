/**
 * Peaks of a sampled signal with the semantics of `scipy.signal.find_peaks` (scipy
 * `signal/_peak_finding.py` and `_peak_finding_utils.pyx`): local maxima (plateaus give
 * their middle sample), then the distance filter (higher peaks first, numpy's argsort
 * order for ties), then the prominence filter, then the width filter (width at
 * `relHeight` of the prominence, interpolated between samples). Comparisons with NaN
 * are false, as there, so NaN samples are never peaks and stop the base searches.
 *
 * @module
 */
import { argsort } from "./_argsort.ts";

/** Conditions of {@link findPeaks} (each optional; a bound is inclusive). */
export interface FindPeaksOptions {
  /** Smallest horizontal distance between neighbouring peaks, samples ≥ 1 (rounded up). */
  readonly distance?: number;
  /** Smallest prominence, in the signal's unit. */
  readonly prominence?: number;
  /** Smallest width, samples. */
  readonly width?: number;
  /**
   * Height at which widths are measured, as a fraction of the prominence below the peak.
   *
   * @default {0.5}
   */
  readonly relHeight?: number;
}

/** A peak found by {@link findPeaks}. */
export interface Peak {
  /** Sample index. */
  readonly index: number;
  /** Prominence (when a prominence or width condition was given). */
  readonly prominence?: number;
  /** Width, samples (when a width condition was given). */
  readonly width?: number;
}

/** Local maxima: the middle sample of each strict maximum or plateau (scipy `_local_maxima_1d`). */
export function localMaxima(x: ArrayLike<number>): number[] {
  const midpoints: number[] = [];
  let i = 1;
  const iMax = x.length - 1;
  while (i < iMax) {
    if (x[i - 1] < x[i]) {
      let ahead = i + 1;
      while (ahead < iMax && x[ahead] === x[i]) ahead++;
      if (x[ahead] < x[i]) {
        midpoints.push((i + ahead - 1) >> 1);
        i = ahead;
      }
    }
    i++;
  }
  return midpoints;
}

/** Which peaks survive the distance condition (scipy `_select_by_peak_distance`). */
function selectByDistance(x: ArrayLike<number>, peaks: number[], distance: number): boolean[] {
  const d = Math.ceil(distance);
  const keep = peaks.map(() => true);
  const byHeight = argsort(peaks.map((p) => x[p]));
  for (let i = peaks.length - 1; i >= 0; i--) {
    const j = byHeight[i];
    if (!keep[j]) continue;
    for (let k = j - 1; k >= 0 && peaks[j] - peaks[k] < d; k--) keep[k] = false;
    for (let k = j + 1; k < peaks.length && peaks[k] - peaks[j] < d; k++) keep[k] = false;
  }
  return keep;
}

/** Prominence and bases of one peak (scipy `_peak_prominences`, no window). */
function prominenceOf(x: ArrayLike<number>, peak: number) {
  let leftBase = peak;
  let leftMin = x[peak];
  for (let i = peak; i >= 0 && x[i] <= x[peak]; i--) {
    if (x[i] < leftMin) {
      leftMin = x[i];
      leftBase = i;
    }
  }
  let rightBase = peak;
  let rightMin = x[peak];
  for (let i = peak; i < x.length && x[i] <= x[peak]; i++) {
    if (x[i] < rightMin) {
      rightMin = x[i];
      rightBase = i;
    }
  }
  // Python's max(a, b): b only when b > a.
  const base = rightMin > leftMin ? rightMin : leftMin;
  return { prominence: x[peak] - base, leftBase, rightBase };
}

/** Width of one peak at `relHeight` of its prominence (scipy `_peak_widths`). */
function widthOf(
  x: ArrayLike<number>,
  peak: number,
  prominence: number,
  leftBase: number,
  rightBase: number,
  relHeight: number,
): number {
  const height = x[peak] - prominence * relHeight;
  let i = peak;
  while (leftBase < i && height < x[i]) i--;
  let left = i;
  if (x[i] < height) left += (height - x[i]) / (x[i + 1] - x[i]);
  i = peak;
  while (i < rightBase && height < x[i]) i++;
  let right = i;
  if (x[i] < height) right -= (height - x[i]) / (x[i - 1] - x[i]);
  return right - left;
}

/**
 * Finds the peaks of `x` that meet the conditions.
 *
 * @example Usage
 * ```ts
 * import { findPeaks } from "./mod.ts";
 * const peaks = findPeaks([0, 5, 0, 1, 0, 9, 0], { prominence: 2 });
 * if (peaks.map((p) => p.index).join() !== "1,5") throw new Error("bad");
 * ```
 *
 * @param x The signal.
 * @param options Distance, prominence and width conditions.
 * @returns The peaks in index order.
 * @throws {RangeError} On a distance below 1 or a negative relative height.
 */
export function findPeaks(x: ArrayLike<number>, options: FindPeaksOptions = {}): Peak[] {
  const { distance, prominence, width, relHeight = 0.5 } = options;
  if (distance !== undefined && !(distance >= 1)) {
    throw new RangeError(`expected a distance >= 1 but found ${distance}`);
  }
  if (!(relHeight >= 0)) throw new RangeError(`expected relHeight >= 0 but found ${relHeight}`);
  let peaks = localMaxima(x);
  if (distance !== undefined) {
    const keep = selectByDistance(x, peaks, distance);
    peaks = peaks.filter((_, i) => keep[i]);
  }
  if (prominence === undefined && width === undefined) return peaks.map((index) => ({ index }));
  let found = peaks.map((index) => ({ index, ...prominenceOf(x, index) }));
  if (prominence !== undefined) found = found.filter((p) => prominence <= p.prominence);
  if (width === undefined) {
    return found.map(({ index, prominence }) => ({ index, prominence }));
  }
  return found
    .map((p) => ({
      index: p.index,
      prominence: p.prominence,
      width: widthOf(x, p.index, p.prominence, p.leftBase, p.rightBase, relHeight),
    }))
    .filter((p) => width <= p.width);
}
