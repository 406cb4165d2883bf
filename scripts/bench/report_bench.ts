/**
 * The virus report of every shared fixture at N = 250,000 (seed 0), five runs each after
 * three warm-up runs. The reference takes 1.9–18 s per report on these machines (each
 * fixture's `.meta.json`; scripts/bench/report_table.ts prints the ratios). Needs
 * ../shared/fixtures (skipped when absent). Run with `deno task bench`.
 */
import { virusReport } from "../../src/report/virus_report.ts";
import { fixtureWeather, readFixture, virusFixtureNames } from "./_shared_fixtures.ts";

const names = virusFixtureNames();
if (names === undefined) console.log("../shared/fixtures not found: no report benchmarks");
const weather = names === undefined ? undefined : await fixtureWeather();

for (const name of names ?? []) {
  const input = await readFixture(`reference/${name}.in.json`);
  Deno.bench(`virus report ${name}`, { group: "report", n: 5, warmup: 3 }, () => {
    virusReport(input, { seed: 0, weather, year: 2026, probDist: false });
  });
}
