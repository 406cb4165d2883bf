// The form field outdoor_temperatures (our addition): 24 hourly outdoor temperatures of
// the event's day, °C, local time, as a JSON list or a string holding one; optional.
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { assertRejected, parseWith } from "./_helpers.ts";

const DAY = Array.from({ length: 24 }, (_, h) => -10 + h * 1.5);
const FIELD = "outdoor_temperatures";

Deno.test("outdoor_temperatures: a JSON list or a string holding one, in °C", () => {
  deepStrictEqual(parseWith({ [FIELD]: DAY }).outdoorTemperatures, DAY);
  deepStrictEqual(parseWith({ [FIELD]: JSON.stringify(DAY) }).outdoorTemperatures, DAY);
  const extremes = [...Array(12).fill(-90), ...Array(12).fill(60)];
  deepStrictEqual(parseWith({ [FIELD]: extremes }).outdoorTemperatures, extremes);
});

Deno.test("outdoor_temperatures: omitted, empty or null is not given", () => {
  strictEqual(parseWith({}).outdoorTemperatures, undefined);
  strictEqual(parseWith({ [FIELD]: "" }).outdoorTemperatures, undefined);
  strictEqual(parseWith({ [FIELD]: null }).outdoorTemperatures, undefined);
});

Deno.test("outdoor_temperatures: not 24 values", () => {
  const expected = (n: number) =>
    `${FIELD}: expected 24 hourly temperatures (°C, local time, index i = hour i:00) but ` +
    `found ${n}`;
  assertRejected({ [FIELD]: DAY.slice(1) }, [expected(23)]);
  assertRejected({ [FIELD]: JSON.stringify([...DAY, 0]) }, [expected(25)]);
  assertRejected({ [FIELD]: [] }, [expected(0)]);
});

Deno.test("outdoor_temperatures: non-numbers and non-lists", () => {
  assertRejected({ [FIELD]: [...DAY.slice(1), "3"] }, [
    `${FIELD}[23]: expected a number (°C) but found "3"`,
  ]);
  assertRejected({ [FIELD]: [null, ...DAY.slice(1)] }, [
    `${FIELD}[0]: expected a number (°C) but found null`,
  ]);
  assertRejected({ [FIELD]: [...DAY.slice(1), NaN] }, [
    `${FIELD}[23]: expected a number (°C) but found NaN`,
  ]);
  assertRejected({ [FIELD]: "[1, 2," }, [
    `${FIELD}: expected a JSON list but found text that is not valid JSON ` +
    `(Unexpected end of JSON input)`,
  ]);
  assertRejected({ [FIELD]: "{}" }, [
    `${FIELD}: expected a JSON list but found a string holding an empty object`,
  ]);
  assertRejected({ [FIELD]: 5 }, [
    `${FIELD}: expected a JSON list or a string holding one but found 5`,
  ]);
});

Deno.test("outdoor_temperatures: kelvin and out-of-range values are refused with the unit", () => {
  assertRejected({ [FIELD]: DAY.map((c) => c + 273.15) }, [
    `${FIELD}: expected temperatures in °C (from -90 to 60) but found values that look ` +
    `like kelvin (e.g. ${DAY[0]! + 273.15}): subtract 273.15`,
  ]);
  assertRejected({ [FIELD]: JSON.stringify(Array(24).fill(293)) }, [
    `${FIELD}: expected temperatures in °C (from -90 to 60) but found values that look ` +
    `like kelvin (e.g. 293): subtract 273.15`,
  ]);
  assertRejected({ [FIELD]: [...DAY.slice(1), 75] }, [
    `${FIELD}[23]: expected an outdoor temperature in °C from -90 to 60 (kelvin values ` +
    `are refused: subtract 273.15) but found 75`,
  ]);
  assertRejected({ [FIELD]: [-100, ...DAY.slice(1)] }, [
    `${FIELD}[0]: expected an outdoor temperature in °C from -90 to 60 but found -100`,
  ]);
});
