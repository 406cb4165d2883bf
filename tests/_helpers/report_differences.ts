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

/**
 * Objects whose keys are numbers written by Python's `str(float)` (the viral loads of
 * `alternative_viral_load`): compared as numbers, like the values.
 */
const NUMERIC_KEYS = new Set(["alternative_viral_load"]);

/** The fixtures of the web calculator's report data (tests/fixtures/ui_report). */
export const UI_REPORT_FIXTURES = [
  "u1_natural",
  "u2_hepa_classroom",
  "u3_mech_masks_shortrange",
  "u6_precise_cond_prob",
  "u8_hepa_ffp2_mech",
] as const;

/** The ui_report fixtures that use natural ventilation (they need the station list). */
export const NATURAL_UI_REPORT_FIXTURES: ReadonlySet<string> = new Set(["u1_natural"]);

/** Pairs each expected key with the actual key nearest to it as a number, in order. */
function numericKeyDifferences(
  actual: unknown,
  expected: Record<string, unknown>,
  path: string,
  out: string[],
): void {
  if (actual === null || typeof actual !== "object") {
    out.push(`${path}: missing`);
    return;
  }
  const actualEntries = Object.entries(actual as Record<string, unknown>);
  const expectedEntries = Object.entries(expected);
  if (actualEntries.length !== expectedEntries.length) {
    out.push(`${path}: expected ${expectedEntries.length} keys but found ${actualEntries.length}`);
    return;
  }
  expectedEntries.forEach(([key, value], i) => {
    const [actualKey, actualValue] = actualEntries[i];
    differences(Number(actualKey), Number(key), `${path} key ${i}`, out);
    differences(actualValue, value, `${path}[${key}]`, out);
  });
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
      if (NUMERIC_KEYS.has(key)) {
        numericKeyDifferences(
          (actual as Record<string, unknown> | null)?.[key],
          value as Record<string, unknown>,
          `${path}.${key}`,
          out,
        );
        continue;
      }
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
