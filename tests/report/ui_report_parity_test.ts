// Parity of the web calculator's report data with the reference
// (../shared/fixtures/ui_report, copied to tests/fixtures/ui_report): every fixture u1–u8
// is computed with seed 0, N = 250000 and `alternativeScenarios`, and every number of the
// reference's results is compared at relative 1e-8 (absolute 1e-12 near zero): the
// report itself, the alternative scenarios' statistics (probability of infection,
// expected new cases, concentrations, probabilistic exposure) and the probabilities at
// the viral-load percentiles (whose keys, viral loads, are compared as numbers). Every
// column the kernel frees is filled with NaN first (withFreedColumnsPoisoned): a column
// freed while something still reads it shows as differences.
// Natural ventilation (u1) needs the station list from ../shared (skipped if absent).
import { AssertionError } from "node:assert/strict";
import { withFreedColumnsPoisoned } from "../../src/kernel/testing.ts";
import { virusReport } from "../../src/report/virus_report.ts";
import {
  differences,
  NATURAL_UI_REPORT_FIXTURES,
  UI_REPORT_FIXTURES,
  weather,
} from "../_helpers/report_differences.ts";

for (const name of UI_REPORT_FIXTURES) {
  Deno.test(`virusReport({ alternativeScenarios }): ${name} equals the reference's UI report data (seed 0)`, async () => {
    const dataset = NATURAL_UI_REPORT_FIXTURES.has(name) ? await weather() : undefined;
    if (NATURAL_UI_REPORT_FIXTURES.has(name) && dataset === undefined) {
      console.log(`SKIP ${name}: ../shared/fixtures/weather station list not found`);
      return;
    }
    const read = async (kind: string) =>
      JSON.parse(
        await Deno.readTextFile(
          new URL(`../fixtures/ui_report/${name}.${kind}.json`, import.meta.url),
        ),
      );
    const input = await read("in");
    const report = withFreedColumnsPoisoned(() =>
      virusReport(input, {
        seed: 0,
        weather: dataset,
        year: 2026,
        probDist: true,
        alternativeScenarios: true,
      })
    );
    const expected = (await read("trim")).results;
    const out: string[] = [];
    differences(report, expected, "results", out);
    // Nothing more than the reference's scenarios.
    const names = Object.keys(report.alternative_scenarios?.stats ?? {});
    const expectedNames = Object.keys(expected.alternative_scenarios.stats);
    if (names.join("|") !== expectedNames.join("|")) {
      out.push(`scenarios: expected ${expectedNames.join(", ")} but found ${names.join(", ")}`);
    }
    if (("alternative_viral_load" in report) !== ("alternative_viral_load" in expected)) {
      out.push("alternative_viral_load: present in only one of the reports");
    }
    if (out.length > 0) {
      throw new AssertionError({
        message: `${out.length} differences:\n${out.slice(0, 20).join("\n")}`,
      });
    }
  });
}
