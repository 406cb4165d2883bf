/**
 * The shared reference fixtures the report benchmarks run (../shared/fixtures, outside
 * the repository): the virus fixtures' names and inputs, and the weather data of the
 * natural-ventilation ones.
 *
 * @module
 */
import { loadWeatherDataset, type WeatherDataset } from "../../src/weather/dataset.ts";

/** ../shared/fixtures/ beside the checkout. */
export const SHARED_FIXTURES = new URL("../../../shared/fixtures/", import.meta.url);

/** Names of the virus fixtures (s1_…, s2_…), sorted; undefined when ../shared is absent. */
export function virusFixtureNames(): string[] | undefined {
  try {
    return [...Deno.readDirSync(new URL("reference/", SHARED_FIXTURES))]
      .map((e) => e.name)
      .filter((f) => /^s\d.*\.in\.json$/.test(f))
      .map((f) => f.replace(".in.json", ""))
      .sort();
  } catch {
    return undefined;
  }
}

/**
 * Names of the web calculator's report fixtures (`ui_report/u1_…`), sorted; undefined
 * when ../shared (or that folder) is absent.
 */
export function uiReportFixtureNames(): string[] | undefined {
  try {
    return [...Deno.readDirSync(new URL("ui_report/", SHARED_FIXTURES))]
      .map((e) => e.name)
      .filter((f) => /^u\d.*\.in\.json$/.test(f))
      .map((f) => f.replace(".in.json", ""))
      .sort();
  } catch {
    return undefined;
  }
}

/** A fixture's JSON file, e.g. `reference/s1_….in.json`. */
export async function readFixture(path: string): Promise<unknown> {
  return JSON.parse(await Deno.readTextFile(new URL(path, SHARED_FIXTURES)));
}

/** The weather dataset of the natural-ventilation fixtures (station list and synthetic set). */
export function fixtureWeather(): Promise<WeatherDataset> {
  return loadWeatherDataset({
    stationList: new URL("weather/hadisd_station_fullinfo_v311_202001p.txt", SHARED_FIXTURES),
    temperatures: new URL("weather/global_weather_set.synthetic.json", SHARED_FIXTURES),
  });
}
