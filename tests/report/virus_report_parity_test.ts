// Parity of the virus report with the reference (../shared/fixtures/reference, copied to
// tests/fixtures/reference): every fixture s1–s7 is computed with seed 0 and N = 250000
// and every number of the reference's results is compared at relative 1e-8 (absolute
// 1e-12 near zero): times, CO2 concentrations, probabilities, histograms, expected new
// cases, presence intervals, concentrations, cumulative doses, short-range outputs and
// probabilistic exposure, conditional probability data, and the summaries the fixtures
// keep of the per-sample columns (prob_dist, log10_vl_in_sputum: n, mean, std, min, max,
// sum, first16, values at listed indices, quantiles). Not compared: the plot (ours is an
// SVG).
// Natural ventilation (s1, s5) needs the station list from ../shared (skipped if absent).
import { AssertionError } from "node:assert/strict";
import { virusReport } from "../../src/report/virus_report.ts";
import { SUMMARIZED_COLUMNS, summarizeLike } from "../_helpers/sample_summary.ts";
import { VIRUS_FIXTURES } from "../forms/_helpers.ts";
import { createWeatherDataset, type WeatherDataset } from "../../src/weather/dataset.ts";

const STATIONS = new URL(
  "../../../shared/fixtures/weather/hadisd_station_fullinfo_v311_202001p.txt",
  import.meta.url,
);
const SKIPPED_KEYS = new Set([
  "uncertainties_plot_src",
]);

async function weather(): Promise<WeatherDataset | undefined> {
  try {
    const temperatures = JSON.parse(
      await Deno.readTextFile(
        new URL("../fixtures/weather/global_weather_set.synthetic.json", import.meta.url),
      ),
    );
    return createWeatherDataset(await Deno.readTextFile(STATIONS), temperatures);
  } catch {
    return undefined;
  }
}

/** Collects the paths where `actual` differs from `expected` (numbers at rel 1e-8, abs 1e-12). */
function differences(actual: unknown, expected: unknown, path: string, out: string[]): void {
  if (typeof expected === "number") {
    const a = actual as number;
    const same = (Number.isNaN(a) && Number.isNaN(expected)) ||
      Math.abs(a - expected) <= 1e-12 + 1e-8 * Math.abs(expected);
    if (typeof actual !== "number" || !same) {
      out.push(`${path}: expected ${expected} but found ${actual}`);
    }
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(
        `${path}: expected ${expected.length} values but found ${
          Array.isArray(actual) ? actual.length : actual
        }`,
      );
      return;
    }
    expected.forEach((v, i) => differences(actual[i], v, `${path}[${i}]`, out));
  } else if (expected !== null && typeof expected === "object") {
    for (const [key, value] of Object.entries(expected)) {
      if (SKIPPED_KEYS.has(key)) continue;
      if (Object.hasOwn(SUMMARIZED_COLUMNS, key)) {
        const column = SUMMARIZED_COLUMNS[key];
        const values = (actual as Record<string, unknown> | null)?.[column];
        if (!Array.isArray(values)) out.push(`${path}.${column}: missing`);
        else differences(summarizeLike(values, value), value, `${path}.${key}`, out);
        continue;
      }
      if (actual === null || typeof actual !== "object" || !(key in actual)) {
        out.push(`${path}.${key}: missing`);
        continue;
      }
      differences((actual as Record<string, unknown>)[key], value, `${path}.${key}`, out);
    }
  } else if (actual !== expected) {
    out.push(`${path}: expected ${expected} but found ${actual}`);
  }
}

const NATURAL = new Set(["s1_rest_example_natural", "s5_dims_breaks_vaccine_delta"]);

for (const name of VIRUS_FIXTURES) {
  Deno.test(`virusReport(): ${name} equals the reference's results (seed 0)`, async () => {
    const dataset = NATURAL.has(name) ? await weather() : undefined;
    if (NATURAL.has(name) && dataset === undefined) {
      console.log(`SKIP ${name}: ../shared/fixtures/weather station list not found`);
      return;
    }
    const read = async (kind: string) =>
      JSON.parse(
        await Deno.readTextFile(
          new URL(`../fixtures/reference/${name}.${kind}.json`, import.meta.url),
        ),
      );
    const report = virusReport(await read("in"), {
      seed: 0,
      weather: dataset,
      year: 2026,
      probDist: true,
    });
    const out: string[] = [];
    differences(report, (await read("trim")).results, "results", out);
    if (out.length > 0) {
      throw new AssertionError({
        message: `${out.length} differences:\n${out.slice(0, 20).join("\n")}`,
      });
    }
  });
}
