// Reports in chunks (src/report/report_chunks.ts): a report of at most one chunk is the
// unchunked report; a report of several chunks equals the statistics computed directly
// from the concatenation of the chunks' samples, drawn here independently chunk after
// chunk on the same seeded generator (means, standard deviation, histogram, per-sample
// output, conditional probability, curves).
import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { buildVirusModels } from "../../src/forms/build_virus_models.ts";
import { parseVirusForm } from "../../src/forms/parse_virus_form.ts";
import type { VirusForm } from "../../src/forms/virus_form.ts";
import { withColumnArena } from "../../src/kernel/column_arena.ts";
import { withKernelComputation } from "../../src/kernel/shared.ts";
import { exposureEvaluator } from "../../src/model/exposure.ts";
import { exposureCurves } from "../../src/model/exposure_curves.ts";
import { mean } from "../../src/model/vec.ts";
import { createKernelRng } from "../../src/montecarlo/rng.ts";
import { histogram, sampleStatistics } from "../../src/montecarlo/statistics.ts";
import { DEFAULT_REGISTRY } from "../../src/registry/defaults.ts";
import { conditionalProbabilityData } from "../../src/report/conditional_probability.ts";
import { chunkSizes, MAX_SAMPLE_SIZE, REPORT_CHUNK_SIZE } from "../../src/report/report_chunks.ts";
import {
  type VirusReport,
  virusReportFromForm,
  virusReportInChunks,
} from "../../src/report/virus_report.ts";
import { assertClose } from "../_helpers/stats.ts";

const SEED = 20;

function form(name: string): VirusForm {
  return parseVirusForm(JSON.parse(
    Deno.readTextFileSync(new URL(`../fixtures/reference/${name}.in.json`, import.meta.url)),
  ));
}

/** What the chunks give when drawn directly: the first group's per-sample columns. */
interface Direct {
  probability: Float64Array;
  expectedNewCases: Float64Array;
  viralLoad: Float64Array;
  longRangeProbability?: Float64Array;
  /** Per chunk: mean concentration curve and its weight. */
  concentrations: number[][];
}

/** The report's draws, chunk after chunk, the first group's columns concatenated. */
function drawDirectly(
  f: VirusForm,
  sizes: readonly number[],
  times: readonly number[] = [8.5, 12],
): Direct {
  const n = sizes.reduce((a, b) => a + b, 0);
  const out: Direct = {
    probability: new Float64Array(n),
    expectedNewCases: new Float64Array(n),
    viralLoad: new Float64Array(n),
    concentrations: [],
  };
  withKernelComputation((kernel) => {
    const rng = createKernelRng(SEED, kernel);
    let offset = 0;
    for (const size of sizes) {
      withColumnArena(() => {
        const models = buildVirusModels(f, {
          registry: DEFAULT_REGISTRY,
          rng,
          sampleSize: size,
          reportRatesOnly: true,
        });
        const model = models.exposureModels[0];
        const ev = exposureEvaluator(model);
        out.probability.set(ev.infectionProbability() as Float64Array, offset);
        out.expectedNewCases.set(ev.expectedNewCases() as Float64Array, offset);
        const vl = model.concentrationModels[0].infected.virus.viralLoadInSputum;
        if (typeof vl !== "number") out.viralLoad.set(vl, offset);
        if (model.shortRange.length > 0) {
          out.longRangeProbability ??= new Float64Array(n);
          out.longRangeProbability.set(ev.infectionProbability(false) as Float64Array, offset);
        }
        out.concentrations.push(exposureCurves(ev, times).concentrations);
      }, kernel);
      offset += size;
    }
  });
  return out;
}

Deno.test("chunkSizes: full chunks, then the remainder", () => {
  deepStrictEqual(chunkSizes(7, 3), [3, 3, 1]);
  deepStrictEqual(chunkSizes(6, 3), [3, 3]);
  deepStrictEqual(chunkSizes(2, 3), [2]);
  deepStrictEqual(chunkSizes(250_000), [250_000]);
  strictEqual(chunkSizes(10_000_000).length, 40);
  throws(() => chunkSizes(0, 3), RangeError);
  throws(() => chunkSizes(3, 1.5), RangeError);
});

Deno.test("a report of at most one chunk is the unchunked report", () => {
  const f = form("s1_rest_example_natural");
  const options = { seed: SEED, sampleSize: 1500 };
  const oneChunk = virusReportInChunks(f, options, 1500);
  deepStrictEqual(virusReportInChunks(f, options, REPORT_CHUNK_SIZE), oneChunk);
  deepStrictEqual(virusReportFromForm(f, options), oneChunk);
  // The unchunked statistics, computed directly from the report's draws.
  const direct = drawDirectly(f, [1500]);
  const group = Object.values(oneChunk.groups)[0];
  const stats = sampleStatistics(direct.probability);
  strictEqual(group.prob_inf, stats.mean);
  strictEqual(group.prob_inf_sd, stats.std);
  deepStrictEqual(group.prob_dist, Array.from(direct.probability));
});

/** The first group of a chunked report against the directly concatenated samples. */
function checkMerged(report: VirusReport, direct: Direct): void {
  const group = Object.values(report.groups)[0];
  const p = direct.probability;
  const stats = sampleStatistics(p);
  // Merged means and the pooled standard deviation round differently from numpy's
  // one-pass pairwise sums: equal to ~1e-15.
  assertClose(group.prob_inf as number, stats.mean, { rel: 1e-12 }, "prob_inf");
  assertClose(group.prob_inf_sd as number, stats.std, { rel: 1e-12 }, "prob_inf_sd");
  assertClose(
    group.expected_new_cases as number,
    mean(direct.expectedNewCases),
    { rel: 1e-12 },
    "expected_new_cases",
  );
  // The whole distribution: exactly the concatenation's.
  deepStrictEqual(group.prob_dist, Array.from(p));
  const h = histogram(p, 100, 100);
  deepStrictEqual(group.prob_hist_bins, Array.from(h.edges));
  deepStrictEqual(
    group.prob_hist_count,
    Array.from(h.counts, (c, i) => c / (h.edges[i + 1] - h.edges[i]) / p.length),
  );
  if (direct.longRangeProbability !== undefined) {
    assertClose(
      group.long_range_prob as number,
      mean(direct.longRangeProbability),
      { rel: 1e-12 },
      "long_range_prob",
    );
  }
}

Deno.test("a report of several chunks merges like the concatenated samples (s1, 3 chunks)", () => {
  const f = form("s1_rest_example_natural");
  const sizes = chunkSizes(3000, 1000);
  const report = virusReportInChunks(f, { seed: SEED, sampleSize: 3000 }, 1000);
  checkMerged(report, drawDirectly(f, sizes));
  // Not the single pass of 3000 samples (the stream is chunk-wise), but reproducible.
  const single = virusReportInChunks(f, { seed: SEED, sampleSize: 3000 }, 3000);
  strictEqual(report.groups.group_1.prob_inf === single.groups.group_1.prob_inf, false);
  deepStrictEqual(virusReportInChunks(f, { seed: SEED, sampleSize: 3000 }, 1000), report);
  strictEqual(report.model.endsWith("samples 3000)"), true);
});

Deno.test("chunked with a remainder and short-range interactions (s3, 1000+1000+500)", () => {
  const f = form("s3_mech_masks_shortrange");
  const sizes = chunkSizes(2500, 1000);
  const report = virusReportInChunks(f, { seed: SEED, sampleSize: 2500 }, 1000);
  const direct = drawDirectly(f, sizes, report.times);
  checkMerged(report, direct);
  // Curves: weighted means of the chunks' curves.
  const c = report.groups.group_1.concentrations as number[];
  strictEqual(c.length, report.times.length);
  report.times.forEach((t, k) => {
    const expected = direct.concentrations.reduce((s, curve, i) => s + curve[k] * sizes[i], 0) /
      2500;
    assertClose(c[k], expected, { rel: 1e-12, abs: 1e-300 }, `concentration at ${t} h`);
  });
});

Deno.test("chunked conditional probability equals that of the concatenated samples (s6)", () => {
  const f = form("s6_precise_activity_cond_prob");
  const sizes = chunkSizes(3000, 1000);
  const report = virusReportInChunks(f, { seed: SEED, sampleSize: 3000, probDist: false }, 1000);
  const direct = drawDirectly(f, sizes);
  const group = report.groups.group_1;
  strictEqual("prob_dist" in group, false);
  const expected = withKernelComputation(() =>
    conditionalProbabilityData(direct.viralLoad, direct.probability)
  );
  deepStrictEqual(group.conditional_probability_data, expected);
  strictEqual(typeof group.uncertainties_plot_src, "string");
});

Deno.test("chunked: the viral-load percentiles are refused, not approximated", () => {
  const f = form("s6_precise_activity_cond_prob");
  throws(
    () => virusReportInChunks(f, { seed: 1, sampleSize: 2000, alternativeScenarios: true }, 1000),
    (e: unknown) => e instanceof RangeError && /alternative_viral_load/.test(e.message),
  );
});

Deno.test("chunked alternative scenarios and probabilistic exposure merge by weight (s5)", () => {
  const f = form("s5_dims_breaks_vaccine_delta");
  const chunked = virusReportInChunks(
    f,
    { seed: SEED, sampleSize: 2000, probDist: false, alternativeScenarios: true },
    1000,
  );
  const group = chunked.groups.group_1;
  const total = group.prob_probabilistic_exposure as number;
  strictEqual(Number.isFinite(total) && total > 0 && total < 100, true);
  const stats = chunked.alternative_scenarios!.stats;
  const current = stats["Current scenario"];
  strictEqual(current.probability_of_infection, group.prob_inf);
  for (const [name, s] of Object.entries(stats)) {
    strictEqual(s.concentrations.length, chunked.times.length, name);
    strictEqual(Number.isFinite(s.probability_of_infection), true, name);
  }
});

Deno.test("sample size bounds: 1..10,000,000", () => {
  strictEqual(MAX_SAMPLE_SIZE, 10_000_000);
  const f = form("s1_rest_example_natural");
  for (const sampleSize of [0, MAX_SAMPLE_SIZE + 1, 2.5]) {
    throws(() => virusReportFromForm(f, { seed: 1, sampleSize }), RangeError);
  }
});
