import { strictEqual } from "node:assert/strict";
import { pythonFloatString } from "../../src/report/_python_float.ts";

Deno.test("pythonFloatString() writes floats as Python's str()", () => {
  // Expected texts: CPython 3.11 str(float).
  const cases: [number, string][] = [
    [0, "0.0"],
    [-0, "-0.0"],
    [1, "1.0"],
    [1e9, "1000000000.0"],
    [0.5, "0.5"],
    [-2.25, "-2.25"],
    [1e-4, "0.0001"],
    [1.5e-5, "1.5e-05"],
    [1e-5, "1e-05"],
    [1e16, "1e+16"],
    [1.5e16, "1.5e+16"],
    [9999999999999998, "9999999999999998.0"],
    [123456789012345.6, "123456789012345.6"],
    [1e22, "1e+22"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [5e-324, "5e-324"],
    [Infinity, "inf"],
    [-Infinity, "-inf"],
    [NaN, "nan"],
  ];
  for (const [x, text] of cases) strictEqual(pythonFloatString(x), text, String(x));
});

Deno.test("pythonFloatString() gives back the viral loads of the reference's alternative_viral_load keys", () => {
  const results = JSON.parse(
    Deno.readTextFileSync(
      new URL("../fixtures/ui_report/u6_precise_cond_prob.trim.json", import.meta.url),
    ),
  ).results;
  for (const key of Object.keys(results.alternative_viral_load)) {
    strictEqual(pythonFloatString(Number(key)), key);
  }
});
