// The outdoor temperature profile of natural ventilation (reference: outside_temp in
// virus_validator.py, refine_hourly_data in weather.py). Literal expected values were
// computed with numpy 2.4.6 (same interp code as the reference's numpy 1.24.2):
//   b, step = np.linspace(0, 24, 241, retstep=True)
//   np.interp(b[:-1] + step / 2, np.arange(24) + offset, 273.15 + np.array(celsius), period=24)
// on the synthetic set; the hand formulas below reproduce them bit for bit.
import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { refine, valueAt } from "../../src/model/piecewise_constant.ts";
import {
  createWeatherDataset,
  hourlyTemperatures,
  hourlyTemperatureSteps,
  localTemperatureProfile,
  MissingTemperaturesError,
  outsideTemperature,
  STEPS_PER_HOUR,
} from "../../src/weather/mod.ts";
import { sha1Hex } from "../_helpers/stats.ts";
import { SYNTHETIC, SYNTHETIC_STATIONS } from "./_data.ts";

const dataset = createWeatherDataset(SYNTHETIC_STATIONS, SYNTHETIC);
const kelvin = (id: string, month: number) => SYNTHETIC[id]![String(month)]!.map((c) => 273.15 + c);
const STEP = 24 / 240;
/** Middle of step i, as numpy computes it. */
const mid = (i: number) => i * STEP + STEP / 2;
/** numpy's interpolation between (x0, y0) and (x1, y1) at x. */
const lerp = (x: number, x0: number, y0: number, x1: number, y1: number) =>
  ((y1 - y0) / (x1 - x0)) * (x - x0) + y0;

Deno.test("outsideTemperature() in Geneva in January: station, zone, UTC+1, profile", async () => {
  const out = outsideTemperature(dataset, {
    latitude: 46.20833,
    longitude: 6.14275,
    month: 1,
    year: 2025,
  });
  strictEqual(out.station.id, "067000-99999");
  strictEqual(out.timeZone, "Europe/Zurich");
  strictEqual(out.utcOffsetH, 1);
  const { transitionTimes, values } = out.temperature;
  strictEqual(values.length, 240);
  strictEqual(transitionTimes.length, 241);
  strictEqual(transitionTimes[0], 0);
  strictEqual(transitionTimes[1], 0.1);
  strictEqual(transitionTimes[240], 24);
  transitionTimes.forEach((t, i) => strictEqual(t, i * STEP));

  // UTC hour h sits at local h + 1; local 0:00 is UTC hour 23 (-0.27 °C), 1:00 UTC hour 0
  // (-0.67 °C). Step 0 (0:00-0:06) takes the value at 0:03.
  const k = kelvin("067000-99999", 1);
  strictEqual(values[0], lerp(mid(0), 0, k[23]!, 1, k[0]!));
  strictEqual(values[0], 272.86);
  strictEqual(values[1], 272.82);
  // 12:00-12:06 local = 11:00-11:06 UTC: between UTC hours 11 and 12.
  strictEqual(values[120], lerp(mid(120), 12, k[11]!, 13, k[12]!));
  strictEqual(values[120], 276.43999999999994);
  // 23:54-24:00 local: between UTC 22 (at 23:00) and UTC 23 (wrapped to 24:00).
  strictEqual(values[239], lerp(mid(239), 23, k[22]!, 24, k[23]!));
  strictEqual(values[239], 272.906);
  strictEqual(
    await sha1Hex(Float64Array.from(values as number[])),
    "4f7c9c88a40bd602054b303dfb2b1c465d42c95b",
  );
  // valueAt() reads the step that holds a time.
  strictEqual(valueAt(out.temperature, 0.05), values[0]);
  strictEqual(valueAt(out.temperature, 12.1), values[120]);
});

Deno.test("outsideTemperature() in Geneva in July uses UTC+2 (DST on the 1st)", () => {
  const out = outsideTemperature(dataset, {
    latitude: 46.20833,
    longitude: 6.14275,
    month: 7,
    year: 2025,
  });
  strictEqual(out.utcOffsetH, 2);
  const k = kelvin("067000-99999", 7);
  // Local 0:00 is UTC hour 22, 1:00 UTC hour 23.
  strictEqual(out.temperature.values[0], lerp(mid(0), 0, k[22]!, 1, k[23]!));
});

Deno.test("outsideTemperature() in Melbourne in January uses UTC+11", () => {
  const out = outsideTemperature(dataset, {
    latitude: -37.81739,
    longitude: 144.96751,
    month: 1,
    year: 2025,
  });
  strictEqual(out.station.id, "948640-99999");
  strictEqual(out.timeZone, "Australia/Melbourne");
  strictEqual(out.utcOffsetH, 11);
  const k = kelvin("948640-99999", 1);
  const v = out.temperature.values;
  // Local 0:00 is UTC hour 13, 1:00 UTC hour 14.
  strictEqual(v[0], lerp(mid(0), 0, k[13]!, 1, k[14]!));
  strictEqual(v[0], 291.34299999999996);
  strictEqual(v[120], 296.957);
  strictEqual(v[239], 291.4665);
  // July: UTC+10.
  strictEqual(
    outsideTemperature(dataset, { latitude: -37.81739, longitude: 144.96751, month: 7, year: 2025 })
      .utcOffsetH,
    10,
  );
});

Deno.test("outsideTemperature() in Adelaide (UTC+10:30) interpolates between half hours", async () => {
  // Adelaide's nearest synthetic station is Melbourne's, but the zone is Adelaide's.
  const out = outsideTemperature(dataset, {
    latitude: -34.9285,
    longitude: 138.6007,
    month: 1,
    year: 2025,
  });
  strictEqual(out.station.id, "948640-99999");
  strictEqual(out.timeZone, "Australia/Adelaide");
  strictEqual(out.utcOffsetH, 10.5);
  const k = kelvin("948640-99999", 1);
  const v = out.temperature.values;
  // UTC hour 13 sits at local 23:30 (wrapped to -0:30), hour 14 at 0:30, hour 15 at 1:30:
  // nothing is rounded to whole hours.
  strictEqual(v[0], lerp(mid(0), -0.5, k[13]!, 0.5, k[14]!));
  strictEqual(v[4], lerp(mid(4), -0.5, k[13]!, 0.5, k[14]!));
  strictEqual(v[5], lerp(mid(5), 0.5, k[14]!, 1.5, k[15]!));
  deepStrictEqual([v[0], v[4], v[5], v[6], v[239]], [
    290.77299999999997,
    290.317,
    290.2165,
    290.1295,
    290.887,
  ]);
  strictEqual(
    await sha1Hex(Float64Array.from(v as number[])),
    "410d36ebfd9cc5b49540fc9ba02a6a9552d07926",
  );
});

Deno.test("localTemperatureProfile() with negative and quarter-hour offsets", () => {
  // New York in July (UTC-4): local 0:00 is UTC hour 4.
  const ny = localTemperatureProfile(kelvin("744860-94789", 7), -4);
  strictEqual(ny.values[0], 295.8535);
  strictEqual(ny.values[100], 298.20799999999997);
  // Chatham Islands in January (UTC+13:45): UTC hour 10 sits at 23:45 (-0:15), 11 at 0:45.
  const k = kelvin("939860-99999", 1);
  const chatham = localTemperatureProfile(k, 13.75);
  strictEqual(chatham.values[0], lerp(mid(0), -0.25, k[10]!, 0.75, k[11]!));
  deepStrictEqual([0, 2, 3, 239].map((i) => chatham.values[i]), [
    286.878,
    286.77,
    286.716,
    286.93199999999996,
  ]);
  // Offsets of whole days change nothing.
  deepStrictEqual(localTemperatureProfile(k, 13.75 - 24).values, chatham.values);
});

Deno.test("localTemperatureProfile() with offset 0 is the reference's refine_hourly_data doctest", () => {
  // refine_hourly_data(range(24), range(24), 24) -> [0.5, 1.5, ..., 22.5, 11.5]: the last
  // step interpolates between 23 (at 23:00) and 0 (wrapped to 24:00).
  const profile = localTemperatureProfile(Array.from({ length: 24 }, (_, h) => h), 0, 1);
  deepStrictEqual(profile.transitionTimes, Array.from({ length: 25 }, (_, h) => h));
  deepStrictEqual(profile.values, [...Array.from({ length: 23 }, (_, h) => h + 0.5), 11.5]);
  // Its second doctest places the sources at 6..27, 4, 5: offset 6 modulo 24.
  const shifted = localTemperatureProfile(Array.from({ length: 24 }, (_, h) => h), 6, 1);
  deepStrictEqual(shifted.values, [
    ...[18.5, 19.5, 20.5, 21.5, 22.5, 11.5],
    ...Array.from({ length: 18 }, (_, h) => h + 0.5),
  ]);
  strictEqual(STEPS_PER_HOUR, 10);
});

Deno.test("localTemperatureProfile() rejects bad input", () => {
  throws(() => localTemperatureProfile([1, 2, 3], 0), { name: "RangeError", message: /24 finite/ });
  throws(() => localTemperatureProfile(Array(24).fill(NaN), 0), RangeError);
  throws(() => localTemperatureProfile(Array(24).fill(280), NaN), RangeError);
  throws(() => localTemperatureProfile(Array(24).fill(280), 0, 2.5), RangeError);
});

Deno.test("hourlyTemperatureSteps() refined by 10 is the reference's GenevaTemperatures", () => {
  // GenevaTemperatures_hourly: the UTC rows (no time-zone shift) on times 0..24;
  // GenevaTemperatures = .refine(refine_factor=10).
  const hourly = hourlyTemperatureSteps(hourlyTemperatures(dataset, "067000-99999", 1));
  deepStrictEqual(hourly.transitionTimes, Array.from({ length: 25 }, (_, h) => h));
  deepStrictEqual(hourly.values, kelvin("067000-99999", 1));
  const refined = refine(hourly, 10);
  strictEqual(refined.values.length, 240);
  strictEqual(refined.values[0], kelvin("067000-99999", 1)[0]);
  throws(() => hourlyTemperatureSteps([1]), RangeError);
});

Deno.test("outsideTemperature() defaults to the current year", () => {
  const now = outsideTemperature(dataset, { latitude: 46.20833, longitude: 6.14275, month: 1 });
  const explicit = outsideTemperature(dataset, {
    latitude: 46.20833,
    longitude: 6.14275,
    month: 1,
    year: new Date().getFullYear(),
  });
  strictEqual(now.utcOffsetH, explicit.utcOffsetH);
  deepStrictEqual(now.temperature, explicit.temperature);
});

Deno.test("outsideTemperature() refuses a month without data and invalid input", () => {
  const sparse = createWeatherDataset(SYNTHETIC_STATIONS.slice(0, 1), {
    "067000-99999": {
      "1": SYNTHETIC["067000-99999"]!["1"],
      "2": [NaN, ...SYNTHETIC["067000-99999"]!["2"]!.slice(1)],
    },
  });
  const geneva = { latitude: 46.20833, longitude: 6.14275, year: 2025 };
  throws(() => outsideTemperature(sparse, { ...geneva, month: 7 }), (error: unknown) => {
    strictEqual(error instanceof MissingTemperaturesError, true);
    const e = error as MissingTemperaturesError;
    strictEqual(e.name, "MissingTemperaturesError");
    strictEqual(e.stationId, "067000-99999");
    strictEqual(e.month, 7);
    strictEqual(
      e.message,
      "expected 24 hourly temperatures for station 067000-99999 in month 7 but found no data for that month",
    );
    return true;
  });
  throws(() => outsideTemperature(sparse, { ...geneva, month: 2 }), {
    name: "MissingTemperaturesError",
    message: /but found 1 missing values \(NaN\)/,
  });
  throws(() => outsideTemperature(dataset, { ...geneva, month: 0 }), RangeError);
  throws(() => outsideTemperature(dataset, { ...geneva, month: 1.5 }), RangeError);
  throws(() => outsideTemperature(dataset, { ...geneva, month: 1, latitude: 91 }), RangeError);
  throws(() => outsideTemperature(dataset, { ...geneva, month: 1, longitude: 181 }), RangeError);
});
