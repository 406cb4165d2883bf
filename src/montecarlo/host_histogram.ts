/**
 * numpy's `np.histogram(x / divisor, bins)` with equal bins, computed here in TypeScript
 * rather than in the kernel: for columns too large to copy into the kernel's stack (a
 * report of millions of samples keeps its per-sample probabilities outside the kernel,
 * and the kernel's memory never shrinks). The same arithmetic as the kernel's
 * (asm/reductions.ts, after numpy 1.24's `histogram`): edges = linspace(min, max,
 * bins + 1) as i·step + min with the last edge exactly max ([v − 0.5, v + 0.5] for a
 * single value v, [0, 1] for no value); each value's bin guessed as
 * floor((v − min)·(bins / (max − min))) and corrected by one against the edges, the last
 * edge inclusive. So the counts and edges are bit for bit the kernel's.
 *
 * @module
 */

/**
 * Counts and edges of `bins` equal bins between the smallest and the largest of x / divisor.
 *
 * @param x The samples (no NaN).
 * @param bins Number of bins, a positive integer (checked by the caller).
 * @param divisor The histogram is of x / divisor.
 * @returns The counts (bins values) and edges (bins + 1 values).
 * @example Usage
 * ```ts
 * import { hostHistogram } from "./host_histogram.ts";
 * const h = hostHistogram(Float64Array.of(0, 1, 2, 4), 2, 1);
 * if (h.edges.join() !== "0,2,4" || h.counts.join() !== "2,2") throw new Error("numpy's bins");
 * ```
 */
export function hostHistogram(
  x: Float64Array,
  bins: number,
  divisor: number,
): { counts: Float64Array; edges: Float64Array } {
  const n = x.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i] / divisor;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) {
    lo = 0;
    hi = 1;
  }
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  const step = (hi - lo) / bins;
  for (let k = 0; k <= bins; k++) edges[k] = k * step + lo;
  edges[bins] = hi;
  const counts = new Float64Array(bins);
  const norm = bins / (hi - lo);
  for (let i = 0; i < n; i++) {
    const v = x[i] / divisor;
    if (!(v >= lo && v <= hi)) continue;
    // The kernel truncates to an integer (i64); v − lo >= 0 here, so floor is the same.
    let k = Math.floor((v - lo) * norm);
    if (k === bins) k--;
    if (v < edges[k]) k--;
    else if (k !== bins - 1 && v >= edges[k + 1]) k++;
    counts[k]++;
  }
  return { counts, edges };
}
