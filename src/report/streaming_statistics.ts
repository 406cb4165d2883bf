/**
 * Streaming reductions for reports computed in chunks of samples
 * (src/report/report_chunks.ts): the statistics of a whole sample from those of its
 * consecutive parts, without the parts' samples.
 *
 * - Means: weighted by the parts' sizes, Σ nᵢ·meanᵢ / Σ nᵢ.
 * - Standard deviations (population, ddof 0, as `np.std`): the pairwise update of Chan,
 *   Golub & LeVeque ("Updating formulae and a pairwise algorithm for computing sample
 *   variances", 1979): with δ = mean_b − mean_a and n = n_a + n_b,
 *   mean = mean_a + δ·n_b/n and M2 = M2_a + M2_b + δ²·n_a·n_b/n, where M2 = n·std².
 *
 * A single part is returned as it is (no rounding through the merge), so a report of one
 * chunk keeps today's numbers bit for bit. Merged values round differently from numpy's
 * one-pass pairwise sums over the concatenated samples (relative differences of the order
 * of 1e-15).
 *
 * @module
 */

/** Size, mean and population standard deviation of one part of a sample. */
export interface MeanStdPart {
  /** Number of samples (> 0). */
  readonly n: number;
  /** Their mean. */
  readonly mean: number;
  /** Their population standard deviation (ddof 0). */
  readonly std: number;
}

/**
 * The mean and population standard deviation of the concatenation of the parts (Chan et
 * al.'s pairwise merge, in the parts' order).
 *
 * @param parts The parts (at least one).
 * @returns The merged statistics.
 * @throws {RangeError} When there is no part.
 * @example Usage
 * ```ts
 * import { mergeMeanStd } from "./streaming_statistics.ts";
 * // [1, 3] and [5]: mean 3, std sqrt(8/3).
 * const all = mergeMeanStd([{ n: 2, mean: 2, std: 1 }, { n: 1, mean: 5, std: 0 }]);
 * if (all.mean !== 3 || Math.abs(all.std - Math.sqrt(8 / 3)) > 1e-15) throw new Error("merge");
 * ```
 */
export function mergeMeanStd(parts: readonly MeanStdPart[]): MeanStdPart {
  if (parts.length === 0) throw new RangeError("expected at least one part but found none");
  if (parts.length === 1) return parts[0];
  let n = parts[0].n;
  let mean = parts[0].mean;
  let m2 = parts[0].std * parts[0].std * parts[0].n;
  for (const part of parts.slice(1)) {
    const total = n + part.n;
    const delta = part.mean - mean;
    mean += delta * (part.n / total);
    m2 += part.std * part.std * part.n + delta * delta * (n * part.n / total);
    n = total;
  }
  return { n, mean, std: Math.sqrt(m2 / n) };
}

/**
 * The mean of the values weighted by `weights` (the parts' sample counts): Σ wᵢ·vᵢ / Σ wᵢ;
 * a single value is returned as it is.
 *
 * @param values One value per part.
 * @param weights One positive weight per part.
 * @returns The weighted mean.
 * @throws {RangeError} When the lengths differ or there is no value.
 * @example Usage
 * ```ts
 * import { weightedMean } from "./streaming_statistics.ts";
 * if (weightedMean([1, 4], [2, 1]) !== 2) throw new Error("(2·1 + 1·4) / 3");
 * ```
 */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  checkParts(values.length, weights.length);
  if (values.length === 1) return values[0];
  let total = 0;
  let weight = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i] * weights[i];
    weight += weights[i];
  }
  return total / weight;
}

/**
 * Point by point {@link weightedMean} of curves of the same length (one per part); a
 * single curve is returned as a copy.
 *
 * @param curves One curve per part, all of the same length.
 * @param weights One positive weight per part.
 * @returns The weighted mean curve.
 * @throws {RangeError} When the counts or the curves' lengths differ.
 * @example Usage
 * ```ts
 * import { weightedMeanCurve } from "./streaming_statistics.ts";
 * const c = weightedMeanCurve([[0, 3], [3, 0]], [2, 1]);
 * if (c[0] !== 1 || c[1] !== 2) throw new Error("point by point");
 * ```
 */
export function weightedMeanCurve(
  curves: readonly (readonly number[])[],
  weights: readonly number[],
): number[] {
  checkParts(curves.length, weights.length);
  const length = curves[0].length;
  if (curves.some((c) => c.length !== length)) {
    throw new RangeError("expected curves of the same length but found different lengths");
  }
  return Array.from({ length }, (_, j) => weightedMean(curves.map((c) => c[j]), weights));
}

function checkParts(values: number, weights: number): void {
  if (values === 0) throw new RangeError("expected at least one part but found none");
  if (values !== weights) {
    throw new RangeError(`expected ${values} weights but found ${weights}`);
  }
}
