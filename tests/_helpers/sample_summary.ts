/**
 * The summary the reference fixtures store in place of a per-sample column
 * (../shared/fixtures/README.md, "Trimming"): `{n, mean, std, min, max, sum, first16, at,
 * quantiles}` with numpy's pairwise sums, the population standard deviation (ddof 0) and
 * numpy's default (linear) quantiles. `at` and `quantiles` use the keys of the expected
 * summary, so any index or level the fixture lists is compared.
 */
import { sum } from "../../src/model/vec.ts";
import { quantileSorted } from "../../src/report/_numpy.ts";

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
