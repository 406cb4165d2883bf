/**
 * Parity with the reference's fixtures (../shared/fixtures/reference): the virus reports
 * (s1…, seed 0, N = 250000) and the CO2 routes (s_co2_*: transition times, and the fit
 * with the default, reference-compatible search); and the web calculator's report data
 * (../shared/fixtures/ui_report, u1…: the virus report with `alternativeScenarios`, whose
 * `alternative_viral_load` keys, viral loads, are compared as numbers). Prints, per fixture, the number of compared values, the largest
 * relative difference and the time, and exits 1 when any value differs by more than
 * relative 1e-8 (absolute 1e-12 near zero); per-sample columns are compared through the
 * fixtures' summaries (tests/_helpers/sample_summary.ts). Run with `deno task parity`.
 *
 * @module
 */
import { co2Report, co2TransitionTimes } from "../src/report/co2_report.ts";
import { virusReport } from "../src/report/virus_report.ts";
import { createWeatherDataset } from "../src/weather/dataset.ts";
import { SUMMARIZED_COLUMNS, summarizeLike } from "../tests/_helpers/sample_summary.ts";

const SHARED = new URL("../../shared/fixtures/", import.meta.url);
const SKIPPED = new Set([
  "uncertainties_plot_src",
]);

let stations: string;
try {
  stations = await Deno.readTextFile(
    new URL("weather/hadisd_station_fullinfo_v311_202001p.txt", SHARED),
  );
} catch {
  console.log("../shared/fixtures not found: nothing to compare");
  Deno.exit(0);
}
const weather = createWeatherDataset(
  stations,
  JSON.parse(await Deno.readTextFile(new URL("weather/global_weather_set.synthetic.json", SHARED))),
);

/** Fixture names in a folder of SHARED whose input file matches `pattern`. */
function fixtureNames(folder: string, pattern: RegExp): string[] {
  try {
    return [...Deno.readDirSync(new URL(`${folder}/`, SHARED))]
      .map((e) => e.name)
      .filter((f) => pattern.test(f))
      .map((f) => `${folder}/${f.replace(".in.json", "")}`)
      .sort();
  } catch {
    return [];
  }
}
const names = [
  ...fixtureNames("reference", /^s(\d|_co2_).*\.in\.json$/),
  ...fixtureNames("ui_report", /^u\d.*\.in\.json$/),
];

let failed = false;
console.log("| fixture | values | worst diff / tolerance | failures | ms |");
console.log("| --- | --- | --- | --- | --- |");
for (const path of names) {
  const [folder, name] = path.split("/");
  const read = async (kind: string) =>
    JSON.parse(await Deno.readTextFile(new URL(`${path}.${kind}.json`, SHARED)));
  const t0 = performance.now();
  const input = await read("in");
  const report = name === "s_co2_report"
    ? co2Report(input)
    : name.startsWith("s_co2_")
    ? co2TransitionTimes(input)
    : virusReport(input, {
      seed: 0,
      weather,
      year: 2026,
      probDist: true,
      alternativeScenarios: folder === "ui_report",
    });
  const ms = performance.now() - t0;
  let count = 0;
  let worst = 0;
  let failures = 0;
  const walk = (a: unknown, b: unknown): void => {
    if (typeof b === "number") {
      count++;
      const x = a as number;
      if (Number.isNaN(x) && Number.isNaN(b)) return;
      const ratio = Math.abs(x - b) / (1e-12 + 1e-8 * Math.abs(b));
      if (Number.isFinite(ratio)) worst = Math.max(worst, ratio);
      if (typeof a !== "number" || !(ratio <= 1)) failures++;
    } else if (Array.isArray(b)) {
      b.forEach((v, i) => walk(Array.isArray(a) ? a[i] : undefined, v));
    } else if (b !== null && typeof b === "object") {
      const actual = a as Record<string, unknown> | undefined;
      for (const [k, v] of Object.entries(b)) {
        if (SKIPPED.has(k)) continue;
        if (k === "alternative_viral_load") {
          walkByNumericKeys(actual?.[k], v as Record<string, unknown>);
        } else if (Object.hasOwn(SUMMARIZED_COLUMNS, k)) {
          const values = actual?.[SUMMARIZED_COLUMNS[k]];
          walk(Array.isArray(values) ? summarizeLike(values, v) : undefined, v);
        } else {
          walk(actual?.[k], v);
        }
      }
    }
  };
  /** Keys that are numbers (viral loads): each expected key is compared with the actual
   * key nearest to it, and their values likewise. */
  const walkByNumericKeys = (a: unknown, b: Record<string, unknown>): void => {
    const actual = Object.entries((a ?? {}) as Record<string, unknown>);
    for (const [key, value] of Object.entries(b)) {
      const nearest = actual.reduce<[string, unknown] | undefined>(
        (best, entry) =>
          best === undefined ||
            Math.abs(Number(entry[0]) - Number(key)) < Math.abs(Number(best[0]) - Number(key))
            ? entry
            : best,
        undefined,
      );
      walk(nearest === undefined ? undefined : Number(nearest[0]), Number(key));
      walk(nearest?.[1], value);
    }
    if (actual.length !== Object.keys(b).length) failures++;
  };
  walk(report, (await read("trim")).results);
  failed ||= failures > 0;
  console.log(
    `| ${name} | ${count} | ${worst.toExponential(1)} | ${failures} | ${ms.toFixed(0)} |`,
  );
}
Deno.exit(failed ? 1 : 0);
