/**
 * Test data of the weather tests: the synthetic hourly temperatures (copied into
 * tests/fixtures/weather from ../shared/fixtures/weather) and the HadISD station list,
 * which is third-party data read from ../shared/fixtures/weather only (tests that need
 * it are skipped, with a message, when it is absent).
 */
import type { WeatherStation } from "../../src/weather/mod.ts";

/** The synthetic hourly temperatures (°C), as text. */
export const SYNTHETIC_TEXT = await Deno.readTextFile(
  new URL("../fixtures/weather/global_weather_set.synthetic.json", import.meta.url),
);

/** The synthetic hourly temperatures (°C), parsed. */
export const SYNTHETIC = JSON.parse(SYNTHETIC_TEXT) as Record<string, Record<string, number[]>>;

/** Folder of the shared weather fixtures. */
export const SHARED_WEATHER_DIR = new URL("../../../shared/fixtures/weather/", import.meta.url);

/** The shared station list file. */
export const STATION_LIST_URL = new URL(
  "hadisd_station_fullinfo_v311_202001p.txt",
  SHARED_WEATHER_DIR,
);

/** The station list's text, or undefined (with a message) when the file is absent. */
export const STATION_LIST_TEXT: string | undefined = await (async () => {
  try {
    return await Deno.readTextFile(STATION_LIST_URL);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    console.log(
      `SKIP: ${STATION_LIST_URL.pathname} is absent; the weather tests that need the ` +
        `HadISD station list are ignored`,
    );
    return undefined;
  }
})();

/** Whether the tests that need the station list must be skipped. */
export const NO_STATION_LIST = STATION_LIST_TEXT === undefined;

/**
 * The 8 stations of the synthetic set, in the station list's order, with the
 * coordinates of the fixtures README (equal to the list's).
 */
export const SYNTHETIC_STATIONS: readonly WeatherStation[] = [
  { id: "067000-99999", name: "GENEVA COINTRIN", latitude: 46.238, longitude: 6.109 },
  { id: "476710-99999", name: "TOKYO INTL", latitude: 35.552, longitude: 139.78 },
  { id: "486980-99999", name: "SINGAPORE CHANGI INTL", latitude: 1.35, longitude: 103.994 },
  { id: "637400-99999", name: "NAIROBI JKIA", latitude: -1.319, longitude: 36.928 },
  { id: "688160-99999", name: "CAPE TOWN INTL", latitude: -33.965, longitude: 18.602 },
  {
    id: "744860-94789",
    name: "JOHN F KENNEDY INTERNATIONAL",
    latitude: 40.639,
    longitude: -73.764,
  },
  { id: "939860-99999", name: "CHATHAM ISLANDS", latitude: -43.81, longitude: -176.457 },
  { id: "948640-99999", name: "MELBOURNE ESSENDON", latitude: -37.728, longitude: 144.902 },
];
