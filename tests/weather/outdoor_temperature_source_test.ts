// The precedence of outdoor temperature sources (explicit > dataset > climatology),
// what each reports (station, great-circle distance, citation, warnings), and the
// profiles: explicit values at local hours, the climatology's cosine day shifted from
// the station's solar time to the location's local time.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { valueAt } from "../../src/model/piecewise_constant.ts";
import {
  CLIMATE_CONTRAST_C,
  type Climatology,
  createWeatherDataset,
  diurnalTemperature,
  explicitTemperatureProfile,
  FAR_STATION_KM,
  greatCircleKm,
  parseClimatologyRows,
  resolveOutdoorTemperature,
  utcOffsetHours,
  WeatherDataUnavailableError,
} from "../../src/weather/mod.ts";
import { assertClose } from "../_helpers/stats.ts";
import { SYNTHETIC, SYNTHETIC_STATIONS } from "./_data.ts";

const GENEVA = { latitude: 46.20833, longitude: 6.14275, month: 1, year: 2025 };
const DATASET = createWeatherDataset(SYNTHETIC_STATIONS, SYNTHETIC);
const RAMP = Array.from({ length: 24 }, (_, h) => h - 5); // °C at local hours 0..23
const TOL = { rel: 1e-12, abs: 1e-9 };
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b) / xs.length;

Deno.test("resolveOutdoorTemperature(): explicit values win over a dataset and the climatology", () => {
  const { temperature, source } = resolveOutdoorTemperature(
    { explicitC: RAMP, dataset: DATASET },
    GENEVA,
  );
  strictEqual(source.kind, "explicit");
  strictEqual(source.station, undefined);
  // 07:00-07:06 local: between 2 °C (07:00) and 3 °C (08:00), at 07:03.
  assertClose(valueAt(temperature, 7.05) as number, 273.15 + 2.05, TOL, "07:03");
});

Deno.test("resolveOutdoorTemperature(): a dataset wins over the climatology, with station and distance", () => {
  const { source } = resolveOutdoorTemperature({ dataset: DATASET }, GENEVA);
  strictEqual(source.kind, "dataset");
  deepStrictEqual(source.station, {
    id: "067000-99999",
    name: "GENEVA COINTRIN",
    latitude: 46.238,
    longitude: 6.109,
  });
  const km = greatCircleKm(GENEVA.latitude, GENEVA.longitude, 46.238, 6.109);
  strictEqual(source.distance_km, Math.round(km * 10) / 10);
  strictEqual(source.warning, undefined);
});

Deno.test("resolveOutdoorTemperature(): a dataset station over 300 km away gets a warning", () => {
  // Reykjavik: the synthetic set's nearest station is Geneva, about 2,600 km away.
  const { source } = resolveOutdoorTemperature({ dataset: DATASET }, {
    latitude: 64.13,
    longitude: -21.9,
    month: 1,
    year: 2025,
  });
  strictEqual(source.kind, "dataset");
  ok(source.distance_km! > FAR_STATION_KM);
  ok(
    /GENEVA COINTRIN.*more than 300 km.*outdoor_temperatures/.test(source.warning!),
    source.warning,
  );
});

Deno.test("resolveOutdoorTemperature(): without explicit values or dataset, the embedded climatology", () => {
  const { temperature, source } = resolveOutdoorTemperature({}, GENEVA);
  strictEqual(source.kind, "climatology");
  strictEqual(source.station?.id, "06700");
  ok(/Deutscher Wetterdienst/.test(source.source!), source.source);
  strictEqual(source.warning, undefined); // the next station (Grand St-Bernard) is far
  strictEqual(temperature.values.length, 240);
});

Deno.test("resolveOutdoorTemperature({ climatology: false }) with nothing else: the flag and the variable", () => {
  throws(
    () => resolveOutdoorTemperature({ climatology: false }, GENEVA),
    (e: unknown) =>
      e instanceof WeatherDataUnavailableError &&
      /outdoor_temperatures/.test(e.message) && /--weather-data/.test(e.message) &&
      /CAIMIRA_WEATHER_DATA/.test(e.message),
  );
});

/** A climatology of hand-made stations (tenths of °C: Tmax, Tmin the same every month). */
function climatology(stations: [string, number, number, number, number][]): Climatology {
  return parseClimatologyRows(
    stations.map(([id, lat, lon, tx, tn]) =>
      `${id};S${id};${lat};${lon};100;${Array(12).fill(tx)};${Array(12).fill(tn)}`
    ),
    "hand-made",
  );
}

Deno.test("resolveOutdoorTemperature(): the climatology's day is the cosine cycle in local time", () => {
  // A station at 0°, 90° E: solar time = UTC + 6 h; the location's zone is Asia/Dhaka (UTC+6).
  const c = climatology([["1", 23.7, 90, 300, 200]]);
  const where = { latitude: 23.8, longitude: 90.4, month: 3, year: 2025 };
  strictEqual(utcOffsetHours("Asia/Dhaka", 2025, 3), 6);
  const { temperature, source } = resolveOutdoorTemperature({ climatology: c }, where);
  strictEqual(source.kind, "climatology");
  strictEqual(source.source, "hand-made");
  // The mean over the day is the mid-range (the resampling keeps the mean of a
  // piecewise-linear day), the value at local hour h is linear between the hourly
  // values of the cycle (local = solar here).
  assertClose(mean(temperature.values as number[]), 273.15 + 25, TOL, "daily mean");
  const at = (h: number) => 273.15 + diurnalTemperature(30, 20, h);
  assertClose(valueAt(temperature, 15.05) as number, 0.95 * at(15) + 0.05 * at(16), TOL, "15:03");
  assertClose(valueAt(temperature, 3.05) as number, 0.95 * at(3) + 0.05 * at(4), TOL, "03:03");
});

Deno.test("resolveOutdoorTemperature(): contrasting stations at similar distances get a warning", () => {
  // Two stations 20 and 30 km away whose means differ by 10 °C; then the second 250 km away.
  const near = climatology([["1", 0.18, 0, 300, 200], ["2", -0.27, 0, 200, 100]]);
  const { source } = resolveOutdoorTemperature({ climatology: near }, {
    latitude: 0,
    longitude: 0,
    month: 6,
    year: 2025,
  });
  ok(10 > CLIMATE_CONTRAST_C);
  ok(/differ by 10\.0 °C in mean June temperature/.test(source.warning!), source.warning);
  const far = climatology([["1", 0.18, 0, 300, 200], ["2", -2.25, 0, 200, 100]]);
  strictEqual(
    resolveOutdoorTemperature({ climatology: far }, { latitude: 0, longitude: 0, month: 6 })
      .source.warning,
    undefined,
  );
});

Deno.test("resolveOutdoorTemperature(): the nearest climatology station over 300 km away gets a warning", () => {
  const c = climatology([["1", 5, 0, 300, 200]]);
  const { source } = resolveOutdoorTemperature({ climatology: c }, {
    latitude: 0,
    longitude: 0,
    month: 6,
  });
  ok(source.distance_km! > FAR_STATION_KM);
  ok(/S1 \(1\), is 556 km from the location/.test(source.warning!), source.warning);
});

Deno.test("explicitTemperatureProfile(): 24 finite °C values, else a RangeError", () => {
  const profile = explicitTemperatureProfile(RAMP);
  assertClose(valueAt(profile, 0.05) as number, 273.15 - 5 + 0.05, TOL, "00:03");
  // 23:00-24:00 goes back towards the 00:00 value (a periodic day).
  assertClose(valueAt(profile, 23.55) as number, 273.15 + 18 - 23 * 0.55, TOL, "23:33");
  throws(() => explicitTemperatureProfile(RAMP.slice(1)), /24 finite hourly temperatures/);
  throws(() => explicitTemperatureProfile([...RAMP.slice(1), NaN]), /non-finite/);
});
