/**
 * Comparison of a virus report with the reference's trimmed results (the parity rule:
 * relative 1e-8, absolute 1e-12 near zero; per-sample columns through their summaries),
 * and the weather data of the natural-ventilation fixtures.
 *
 * @module
 */
import { SUMMARIZED_COLUMNS, summarizeLike } from "./sample_summary.ts";
import { createWeatherDataset, type WeatherDataset } from "../../src/weather/dataset.ts";

/** The station list (third-party data, read from ../shared only). */
export const STATIONS = new URL(
  "../../../shared/fixtures/weather/hadisd_station_fullinfo_v311_202001p.txt",
  import.meta.url,
);
const SKIPPED_KEYS = new Set([
  "uncertainties_plot_src",
]);

/** The synthetic weather set with the shared station list; undefined when ../shared is absent. */
export async function weather(): Promise<WeatherDataset | undefined> {
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
export function differences(actual: unknown, expected: unknown, path: string, out: string[]): void {
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

/** The fixtures that use natural ventilation (they need the station list). */
export const NATURAL_FIXTURES: ReadonlySet<string> = new Set([
  "s1_rest_example_natural",
  "s5_dims_breaks_vaccine_delta",
]);
