// conditional_probability_data: the numpy helpers against values printed by numpy, the
// binning against numpy on synthetic data, and case s6 (seed 0, N = 250000) against the
// reference's fixture at relative 1e-8 (absolute 1e-12 near zero; NaN equals NaN).
import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { buildVirusModels } from "../../src/forms/build_virus_models.ts";
import { parseVirusForm } from "../../src/forms/parse_virus_form.ts";
import { exposureEvaluator } from "../../src/model/exposure.ts";
import { mean, sum } from "../../src/model/vec.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { sampleStatistics } from "../../src/montecarlo/statistics.ts";
import { DEFAULT_REGISTRY } from "../../src/registry/defaults.ts";
import { arange, groupStatistics } from "../../src/report/_numpy.ts";
import {
  conditionalProbabilityByViralLoad,
  conditionalProbabilityData,
} from "../../src/report/conditional_probability.ts";
import { quantileSorted } from "../_helpers/sample_summary.ts";
import { assertClose } from "../_helpers/stats.ts";

const PARITY = { rel: 1e-8, abs: 1e-12 };
const CASE = "s6_precise_activity_cond_prob";

async function read(kind: "in" | "trim") {
  const url = new URL(`../fixtures/reference/${CASE}.${kind}.json`, import.meta.url);
  return JSON.parse(await Deno.readTextFile(url));
}

function assertAllClose(actual: readonly number[], expected: readonly number[], what: string) {
  strictEqual(actual.length, expected.length, `${what} length`);
  for (let i = 0; i < expected.length; i++) {
    assertClose(actual[i], expected[i], PARITY, `${what}[${i}]`);
  }
}

Deno.test("groupStatistics() matches np.mean and np.quantile's linear method", () => {
  // Expected values printed by numpy (np.quantile(a, q), np.mean(a)).
  const stats = groupStatistics(
    [
      Float64Array.of(4, 2, 3, 1),
      Float64Array.of(5),
      Float64Array.of(0.1, 0.7, 0.2, 0.9, 1e-5),
      new Float64Array(0),
      Float64Array.of(1, NaN, 2),
    ],
    0.05,
    0.95,
  );
  deepStrictEqual(stats.lower, [1.15, 5, 0.020008, NaN, NaN]);
  deepStrictEqual(stats.upper, [3.8499999999999996, 5, 0.86, NaN, NaN]);
  deepStrictEqual(stats.means.slice(0, 2), [2.5, 5]);
  strictEqual(stats.means[3], NaN);
  strictEqual(stats.means[4], NaN);
  deepStrictEqual(groupStatistics([Float64Array.of(1, 2, 3)], 0.5, 0.5).lower, [2]);
});

Deno.test("groupStatistics() equals the sorted quantiles for any size, ties and quantiles", () => {
  let seed = 777;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const [q1, q2] of [[0, 1], [0.01, 0.999], [0.05, 0.95], [0.05, 0.05], [0.5, 0.5]]) {
    for (const ties of [false, true]) {
      const groups = [1, 2, 3, 4, 5, 20, 21, 100, 101, 1000, 2501, 4097].map((n) =>
        Float64Array.from({ length: n }, () => ties ? Math.floor(next() * 5) : next())
      );
      const stats = groupStatistics(groups.map((g) => g.slice()), q1, q2);
      groups.forEach((g, k) => {
        const sorted = g.slice().sort();
        const what = `${g.length} values, ties ${ties}, q ${q1} ${q2}`;
        strictEqual(stats.lower[k], quantileSorted(sorted, q1), what);
        strictEqual(stats.upper[k], quantileSorted(sorted, q2), what);
        strictEqual(stats.means[k], sum(g) / g.length, what);
      });
    }
  }
});

Deno.test("groupStatistics() equals the sorted quantiles of large groups in any order", () => {
  // Groups long enough for the sampled pivots (over 600 values), in orders and with ties
  // that stress the selection, and quantile pairs whose order statistics are adjacent.
  let seed = 2024;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const layouts: [string, (n: number) => Float64Array][] = [
    ["random", (n) => Float64Array.from({ length: n }, next)],
    ["ascending", (n) => Float64Array.from({ length: n }, (_, i) => i / n)],
    ["descending", (n) => Float64Array.from({ length: n }, (_, i) => (n - i) / n)],
    ["constant", (n) => new Float64Array(n).fill(0.25)],
    ["three values", (n) => Float64Array.from({ length: n }, () => Math.floor(next() * 3))],
    ["organ pipe", (n) => Float64Array.from({ length: n }, (_, i) => Math.min(i, n - i))],
    ["skewed", (n) => Float64Array.from({ length: n }, () => next() ** 8 * 100)],
    // Signs, signed zeros, infinities and the extremes of the doubles.
    ["signed", (n) => Float64Array.from({ length: n }, () => next() * 2 - 1)],
    ["with −0", (n) => Float64Array.from({ length: n }, (_, i) => (i % 7 === 0 ? -0 : next()))],
    [
      "with infinity",
      (n) => Float64Array.from({ length: n }, (_, i) => (i % 5 ? next() : Infinity)),
    ],
    [
      "tiny and huge",
      (n) => Float64Array.from({ length: n }, (_, i) => (i % 2 ? 5e-324 : 1e308) * next()),
    ],
  ];
  for (const [q1, q2] of [[0.05, 0.95], [0.001, 0.999], [0.3, 0.30001], [0, 1], [0.5, 0.5]]) {
    for (const [name, make] of layouts) {
      const groups = [601, 602, 1999, 8191, 8192, 8193, 30001].map(make);
      const stats = groupStatistics(groups.map((g) => g.slice()), q1, q2);
      groups.forEach((g, k) => {
        const sorted = g.slice().sort();
        const what = `${name}, ${g.length} values, q ${q1} ${q2}`;
        strictEqual(stats.lower[k], quantileSorted(sorted, q1), what);
        strictEqual(stats.upper[k], quantileSorted(sorted, q2), what);
      });
    }
  }
});

Deno.test("arange() gives np.arange's length and rounding", () => {
  const v = arange(2, 10, 0.08);
  strictEqual(v.length, 100);
  // np.arange(2, 10, 0.08): start + i·((start + step) − start).
  strictEqual(v[4], 2.3200000000000003);
  strictEqual(v[50], 6.0000000000000036);
  strictEqual(v[99], 9.920000000000007);
  deepStrictEqual(arange(0, 1, 0.25), [0, 0.25, 0.5, 0.75]);
  deepStrictEqual(arange(1, 1, 0.5), []);
  throws(() => arange(0, 1, 0), RangeError);
});

Deno.test("conditionalProbabilityByViralLoad() equals numpy bit for bit on synthetic data", () => {
  const n = 20000;
  const p = new Float64Array(n);
  const lg = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    p[k] = ((k * 7919) % 10007) / 100.07;
    lg[k] = 2 + 8 * ((k * 104729) % 9973) / 9973;
  }
  const r = conditionalProbabilityByViralLoad(p, arange(2, 10, 0.08), lg, 0.08);
  // Printed by numpy 2.4 (same pairwise sum and quantile arithmetic as 1.24) for the
  // reference's loop on the same arrays.
  const want: [number, number, number, number][] = [
    [0, 48.331756006089854, 4.205556110722495, 92.92645148396123],
    [1, 51.080567132419084, 6.700809433396623, 95.90736484460878],
    [37, 49.35509789611918, 4.89157589687219, 93.78934745678025],
    [50, 51.182736440927, 6.860197861496952, 95.548116318577],
    [99, 50.70040971320076, 5.687518736884182, 96.29759168581992],
  ];
  for (const [bin, m, lo, hi] of want) {
    strictEqual(r.piMeans[bin], m, `pi_means[${bin}]`);
    strictEqual(r.lowerPercentiles[bin], lo, `lower_percentiles[${bin}]`);
    strictEqual(r.upperPercentiles[bin], hi, `upper_percentiles[${bin}]`);
  }
  // Python's sum() over the 100 values of each list.
  const pySum = (x: number[]) => x.reduce((a, b) => a + b, 0);
  strictEqual(pySum(r.piMeans), 4998.624238934667);
  strictEqual(pySum(r.lowerPercentiles), 525.5186369541321);
  strictEqual(pySum(r.upperPercentiles), 9475.360747476763);
});

Deno.test("conditionalProbabilityByViralLoad() bins like testing every bin, edges included", () => {
  const centres = arange(2, 10, 0.08);
  const h = 0.04;
  // Values on and one ulp around every bin edge, outside the range, NaN, and a spread.
  const values: number[] = [1, 11, NaN, -Infinity, Infinity];
  for (const c of centres) {
    for (const edge of [c - h, c + h]) {
      values.push(edge, edge + Number.EPSILON * edge, edge - Number.EPSILON * edge);
    }
  }
  for (let k = 0; k < 5000; k++) values.push(1.9 + 8.2 * ((k * 7919) % 4999) / 4999);
  const lg = Float64Array.from(values);
  const p = Float64Array.from(values, (_, i) => (i * 37) % 101);
  const got = conditionalProbabilityByViralLoad(p, centres, lg, 0.08);
  const means = centres.map((c) => {
    const inBin = p.filter((_, i) => (c - h - lg[i]) * (c + h - lg[i]) < 0);
    return inBin.length === 0 ? NaN : sum(inBin) / inBin.length;
  });
  deepStrictEqual(got.piMeans, means);
});

Deno.test("conditionalProbabilityByViralLoad() gives NaN for empty bins", () => {
  const r = conditionalProbabilityByViralLoad(Float64Array.of(10, 20), [2, 3, 4], 3.01, 0.08);
  deepStrictEqual(r.piMeans, [NaN, 15, NaN]);
  deepStrictEqual(r.lowerPercentiles, [NaN, 10.5, NaN]);
  deepStrictEqual(r.upperPercentiles, [NaN, 19.5, NaN]);
  // A sample exactly on a bin edge falls in no bin, as in the reference.
  const edge = conditionalProbabilityByViralLoad(5, [2], 2 - 0.04, 0.08);
  deepStrictEqual(edge.piMeans, [NaN]);
});

Deno.test("conditionalProbabilityData() rejects columns of different lengths", () => {
  throws(
    () => conditionalProbabilityData(new Float64Array(3).fill(1e6), new Float64Array(4)),
    RangeError,
  );
});

Deno.test(`conditionalProbabilityData(): ${CASE} gives the reference's data`, async () => {
  let want;
  try {
    want = (await read("trim")).results.groups.group_1.conditional_probability_data;
  } catch {
    console.log(`SKIP ${CASE}: tests/fixtures/reference/${CASE}.trim.json not copied`);
    return;
  }
  const form = parseVirusForm(await read("in"));
  const models = buildVirusModels(form, {
    registry: DEFAULT_REGISTRY,
    rng: createRng(0),
    year: 2026,
  });
  strictEqual(models.exposureModels.length, 1);
  const model = models.exposureModels[0];
  const prob = exposureEvaluator(model).infectionProbability();
  const viralLoad = model.concentrationModels[0].infected.virus.viralLoadInSputum;
  const got = conditionalProbabilityData(viralLoad, prob);

  deepStrictEqual(
    Object.keys(got).sort(),
    ["log10_vl_in_sputum", "lower_percentiles", "pi_means", "upper_percentiles", "viral_loads"],
  );
  deepStrictEqual(got.viral_loads, want.viral_loads);
  assertAllClose(got.pi_means, want.pi_means, "pi_means");
  assertAllClose(got.lower_percentiles, want.lower_percentiles, "lower_percentiles");
  assertAllClose(got.upper_percentiles, want.upper_percentiles, "upper_percentiles");

  // The per-sample list, compared through the fixture's summary (README "Trimming").
  const s = want.log10_vl_in_sputum_summary;
  const log10 = Float64Array.from(got.log10_vl_in_sputum);
  strictEqual(log10.length, s.n);
  const sorted = log10.slice().sort();
  assertClose(mean(log10), s.mean, PARITY, "log10 mean");
  assertClose(sampleStatistics(log10).std, s.std, PARITY, "log10 std");
  assertClose(sum(log10), s.sum, PARITY, "log10 sum");
  assertClose(sorted[0], s.min, PARITY, "log10 min");
  assertClose(sorted[sorted.length - 1], s.max, PARITY, "log10 max");
  assertAllClose(Array.from(log10.subarray(0, 16)), s.first16, "log10 first16");
  for (const [index, value] of Object.entries(s.at)) {
    assertClose(log10[Number(index)], value as number, PARITY, `log10 at ${index}`);
  }
  for (const [q, value] of Object.entries(s.quantiles)) {
    assertClose(
      quantileSorted(sorted, Number(q)),
      value as number,
      PARITY,
      `log10 quantile ${q}`,
    );
  }
});
