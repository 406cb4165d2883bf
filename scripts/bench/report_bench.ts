/**
 * The virus report of every shared fixture at N = 250,000 (seed 0), five runs each after
 * three warm-up runs; and the web calculator's report data of every ui_report fixture
 * (the report with `alternativeScenarios`). The reference takes 1.9–18 s per report and
 * 30–130 s per UI report on these machines (each fixture's `.meta.json`;
 * scripts/bench/report_table.ts prints the ratios). Needs ../shared/fixtures (skipped
 * when absent). Run with `deno task bench`.
 */
import { virusReport } from "../../src/report/virus_report.ts";
import {
  fixtureWeather,
  readFixture,
  uiReportFixtureNames,
  virusFixtureNames,
} from "./_shared_fixtures.ts";

const names = virusFixtureNames();
if (names === undefined) console.log("../shared/fixtures not found: no report benchmarks");
const weather = names === undefined ? undefined : await fixtureWeather();

for (const name of names ?? []) {
  const input = await readFixture(`reference/${name}.in.json`);
  Deno.bench(`virus report ${name}`, { group: "report", n: 5, warmup: 3 }, () => {
    virusReport(input, { seed: 0, weather, year: 2026, probDist: false });
  });
}

for (const name of uiReportFixtureNames() ?? []) {
  const input = await readFixture(`ui_report/${name}.in.json`);
  Deno.bench(`UI report data ${name}`, { group: "ui report", n: 5, warmup: 3 }, () => {
    virusReport(input, {
      seed: 0,
      weather,
      year: 2026,
      probDist: false,
      alternativeScenarios: true,
    });
  });
}
