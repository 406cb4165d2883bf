// Parity of the virus report with the reference (../shared/fixtures/reference, copied to
// tests/fixtures/reference): every fixture s1–s7 is computed with seed 0 and N = 250000
// and every number of the reference's results is compared at relative 1e-8 (absolute
// 1e-12 near zero): times, CO2 concentrations, probabilities, histograms, expected new
// cases, presence intervals, concentrations, cumulative doses, short-range outputs and
// probabilistic exposure, conditional probability data, and the summaries the fixtures
// keep of the per-sample columns (prob_dist, log10_vl_in_sputum: n, mean, std, min, max,
// sum, first16, values at listed indices, quantiles). Not compared: the plot (ours is an
// SVG). Every column the kernel frees is filled with NaN first
// (withFreedColumnsPoisoned): a column freed while something still reads it (the report's
// spent samples, src/report/spent_samples.ts) shows as differences.
// Natural ventilation (s1, s5) needs the station list from ../shared (skipped if absent).
import { AssertionError } from "node:assert/strict";
import { withFreedColumnsPoisoned } from "../../src/kernel/testing.ts";
import { virusReport } from "../../src/report/virus_report.ts";
import { differences, NATURAL_FIXTURES, weather } from "../_helpers/report_differences.ts";
import { VIRUS_FIXTURES } from "../forms/_helpers.ts";

for (const name of VIRUS_FIXTURES) {
  Deno.test(`virusReport(): ${name} equals the reference's results (seed 0)`, async () => {
    const dataset = NATURAL_FIXTURES.has(name) ? await weather() : undefined;
    if (NATURAL_FIXTURES.has(name) && dataset === undefined) {
      console.log(`SKIP ${name}: ../shared/fixtures/weather station list not found`);
      return;
    }
    const read = async (kind: string) =>
      JSON.parse(
        await Deno.readTextFile(
          new URL(`../fixtures/reference/${name}.${kind}.json`, import.meta.url),
        ),
      );
    const input = await read("in");
    const report = withFreedColumnsPoisoned(() =>
      virusReport(input, { seed: 0, weather: dataset, year: 2026, probDist: true })
    );
    const out: string[] = [];
    differences(report, (await read("trim")).results, "results", out);
    if (out.length > 0) {
      throw new AssertionError({
        message: `${out.length} differences:\n${out.slice(0, 20).join("\n")}`,
      });
    }
  });
}
