import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { parseHourlyTemperatures } from "../../src/weather/mod.ts";
import { SYNTHETIC, SYNTHETIC_TEXT } from "./_data.ts";

const hours = (f: (h: number) => number) => Array.from({ length: 24 }, (_, h) => f(h));

Deno.test("parseHourlyTemperatures() reads the synthetic set and converts °C to K", () => {
  const data = parseHourlyTemperatures(SYNTHETIC_TEXT);
  deepStrictEqual([...data.keys()], Object.keys(SYNTHETIC));
  strictEqual(data.size, 8);
  for (const [id, months] of data) {
    deepStrictEqual([...months.keys()], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const [month, values] of months) {
      // The reference computes 273.15 + np.array(values): the same double additions.
      deepStrictEqual(values, SYNTHETIC[id]![String(month)]!.map((c) => 273.15 + c));
    }
  }
  // Geneva, January, 00:00 UTC: -0.67 °C.
  strictEqual(data.get("067000-99999")?.get(1)?.[0], 273.15 + -0.67);
});

Deno.test("parseHourlyTemperatures() takes parsed JSON as well as text", () => {
  deepStrictEqual(parseHourlyTemperatures(SYNTHETIC), parseHourlyTemperatures(SYNTHETIC_TEXT));
});

Deno.test("parseHourlyTemperatures() reads Python's bare NaN tokens as missing values", () => {
  const text = `{"X": {"1": [NaN, ${hours(() => 1).slice(1).join(", ")}], "2": [${
    hours(() => 2).join(",")
  }]}, "NaN \\" Infinity": {}}`;
  const data = parseHourlyTemperatures(text);
  const january = data.get("X")?.get(1) ?? [];
  strictEqual(Number.isNaN(january[0]), true);
  strictEqual(january[1], 274.15);
  strictEqual(data.get("X")?.get(2)?.[0], 275.15);
  // Tokens inside strings are left alone.
  deepStrictEqual([...data.keys()], ["X", 'NaN " Infinity']);
  // null also stands for a missing value.
  strictEqual(
    Number.isNaN(
      parseHourlyTemperatures({
        Y: {
          3: [
            null,
            ...hours(() => 0).slice(1),
          ],
        },
      }).get("Y")?.get(3)?.[0],
    ),
    true,
  );
});

Deno.test("parseHourlyTemperatures() rejects malformed data", () => {
  throws(() => parseHourlyTemperatures("{"), SyntaxError);
  throws(() => parseHourlyTemperatures("[]"), { name: "TypeError", message: /object of stations/ });
  throws(() => parseHourlyTemperatures({ X: [] }), { name: "TypeError", message: /months/ });
  throws(() => parseHourlyTemperatures({ X: { 13: hours(() => 0) } }), {
    name: "TypeError",
    message: /month keys "1" to "12" for station X but found "13"/,
  });
  throws(() => parseHourlyTemperatures({ X: { "01": hours(() => 0) } }), TypeError);
  throws(() => parseHourlyTemperatures({ X: { 1: hours(() => 0).slice(1) } }), {
    name: "TypeError",
    message: /expected 24 hourly temperatures for station X in month 1 but found an array of 23/,
  });
  throws(() => parseHourlyTemperatures({ X: { 1: [...hours(() => 0).slice(1), "5"] } }), {
    name: "TypeError",
    message: /number at hour 23/,
  });
});

Deno.test("parseHourlyTemperatures() refuses a temperature no air has (below -90 or above 60 °C)", () => {
  const month = (value: number) => ({
    "067000-99999": { "1": Array(24).fill(10).fill(value, 5, 6) },
  });
  for (const value of [-300, -273.15, -90.5, 60.5, 1e6]) {
    throws(
      () => parseHourlyTemperatures(month(value)),
      new RegExp(
        `from -90 to 60 °C at hour 5 for station 067000-99999 in month 1 but found ${value}`,
      ),
    );
  }
  for (const value of [-90, 60]) strictEqual(parseHourlyTemperatures(month(value)).size, 1);
  // A NaN stays a missing value (refused when its month is asked for).
  strictEqual(
    Number.isNaN(parseHourlyTemperatures(month(NaN)).get("067000-99999")!.get(1)![5]),
    true,
  );
});
