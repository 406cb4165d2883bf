/**
 * The summary the reference fixtures store in place of a per-sample column
 * (../shared/fixtures/README.md, "Trimming"): `{n, mean, std, min, max, sum, first16, at,
 * quantiles}` with numpy's pairwise sums, the population standard deviation (ddof 0) and
 * numpy's default (linear) quantiles. `at` and `quantiles` use the keys of the expected
 * summary, so any index or level the fixture lists is compared.
 */
import { sum } from "../../src/model/vec.ts";

/** A fixture's summary of a per-sample column. */
export interface SampleSummary {
  n: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  sum: number;
  first16: number[];
  at: Record<string, number>;
  quantiles: Record<string, number>;
}

/** Summarises `values` with the keys of `like` (its `at` indices and `quantiles` levels). */
export function summarizeLike(values: ArrayLike<number>, like: SampleSummary): SampleSummary {
  const x = Float64Array.from(values);
  const total = sum(x);
  const mean = total / x.length;
  const squares = Float64Array.from(x, (v) => (v - mean) ** 2);
  const sorted = x.slice().sort();
  return {
    n: x.length,
    mean,
    std: Math.sqrt(sum(squares) / x.length),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    sum: total,
    first16: Array.from(x.subarray(0, 16)),
    at: Object.fromEntries(Object.keys(like.at).map((i) => [i, x[Number(i)]])),
    quantiles: Object.fromEntries(
      Object.keys(like.quantiles).map((q) => [q, quantileSorted(sorted, Number(q))]),
    ),
  };
}

/** Fixture keys holding a summary, with the report key of the column they summarise. */
export const SUMMARIZED_COLUMNS: Readonly<Record<string, string>> = {
  prob_dist_summary: "prob_dist",
  log10_vl_in_sputum_summary: "log10_vl_in_sputum",
};

/**
 * `np.quantile(x, q)` with the default "linear" method (Hyndman & Fan type 7) of values
 * sorted ascending: the virtual index (n − 1)·q blends its two neighbouring order
 * statistics a ≤ b with γ = index − floor(index) as a + (b − a)·γ when γ < 0.5 and
 * b − (b − a)·(1 − γ) otherwise (numpy's `_lerp`). NaN when empty or holding a NaN (NaN
 * sorts last).
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(sorted[n - 1])) return NaN;
  const index = (n - 1) * q;
  const lower = Math.min(Math.max(Math.floor(index), 0), n - 1);
  const upper = Math.min(lower + 1, n - 1);
  const gamma = index - Math.floor(index);
  const a = sorted[lower];
  const diff = sorted[upper] - a;
  return gamma >= 0.5 ? sorted[upper] - diff * (1 - gamma) : a + diff * gamma;
}
