// Ports caimira/tests/models/test_piecewiseconstant.py (reference e624bcf3), plus the
// occupancy comparison of caimira/tests/models/test_dynamic_population.py
// (test_population_number) and numpy/scipy parity checks of refine().
import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import {
  intPiecewiseConstant,
  occupancyAt,
  piecewiseConstant,
  refine,
  toInterval,
  valueAt,
} from "../../src/model/piecewise_constant.ts";
import { specificInterval, transitionTimes, triggered } from "../../src/model/interval.ts";
import { assertClose, sha1Hex } from "../_helpers/stats.ts";

Deno.test("piecewiseConstant() rejects wrong arguments", () => {
  // Number of values should be 1 + number of transition times.
  throws(() => piecewiseConstant([0, 1], [0, 0]), RangeError);
  throws(() => piecewiseConstant([0], [0, 0]), RangeError);
  // Two transition times cannot be equal.
  throws(() => piecewiseConstant([0, 2, 2], [0, 0]), /without duplicates/);
  // Unsorted transition times are not allowed.
  throws(() => piecewiseConstant([2, 0], [0]), /sorted/);
  // If vectors, must all be same length.
  throws(
    () => piecewiseConstant([0, 8, 16], [Float64Array.of(5, 7), Float64Array.of(8, 9, 10)]),
    /expected all values to have the same shape but found an array of 2 and an array of 3/,
  );
  throws(() => piecewiseConstant([0, 8, 16], [1, Float64Array.of(8)]), /same shape/);
});

Deno.test("valueAt() holds the first value before and the last value after the range", () => {
  const fun = piecewiseConstant([0, 8, 16, 24], [2, 5, 8]);
  const cases: [number, number][] = [[10, 5], [20.5, 8], [8, 2], [0, 2], [24, 8], [-1, 2], [25, 8]];
  for (const [time, expected] of cases) strictEqual(valueAt(fun, time), expected, `t=${time}`);
});

Deno.test("refine() interpolates linearly on a finer mesh", () => {
  const refined = refine(piecewiseConstant([0, 8, 16, 24], [2, 5, 8]), 2);
  deepStrictEqual(refined.transitionTimes, [0, 4, 8, 12, 16, 20, 24]);
  deepStrictEqual(refined.values, [2, 3.5, 5, 6.5, 8, 8]);
});

Deno.test("refine() interpolates per-sample values", () => {
  const refined = refine(
    piecewiseConstant([0, 8, 16, 24], [
      Float64Array.of(2, 3),
      Float64Array.of(5, 7),
      Float64Array.of(8, 9),
    ]),
    2,
  );
  deepStrictEqual(refined.transitionTimes, [0, 4, 8, 12, 16, 20, 24]);
  const expected = [[2, 3], [3.5, 5], [5, 7], [6.5, 8], [8, 9], [8, 9]];
  expected.forEach((row, i) =>
    row.forEach((x, k) =>
      // numpy.testing.assert_almost_equal (7 decimals).
      assertClose((refined.values[i] as Float64Array)[k] as number, x, { rel: 0, abs: 1.5e-7 })
    )
  );
});

Deno.test("refine() rounds like numpy interp (scalars) and scipy interp1d (arrays)", () => {
  // numpy 2.4.6 / scipy 1.17.1 (same linspace, interp and interp1d code as numpy 1.24.2 /
  // scipy 1.10.1): PiecewiseConstant((0.0, 1.1, 2.2), values).refine(8). At t = 1.1 numpy's
  // interp returns the node value exactly, interp1d gives slope * dx + y_lo (1 ulp lower).
  const times = [
    0.0,
    0.1375,
    0.275,
    0.41250000000000003,
    0.55,
    0.6875,
    0.8250000000000001,
    0.9625000000000001,
    1.1,
    1.2375,
    1.375,
    1.5125000000000002,
    1.6500000000000001,
    1.7875,
    1.9250000000000003,
    2.0625,
    2.2,
  ];
  const head = [
    279.09647569611315,
    251.48357951718717,
    223.8706833382612,
    196.25778715933524,
    168.64489098040926,
    141.0319948014833,
    113.4190986225573,
    85.80620244363132,
  ];
  const a = 279.09647569611315, b = 58.19330626470538;
  const scalar = refine(piecewiseConstant([0, 1.1, 2.2], [a, b]), 8);
  deepStrictEqual(scalar.transitionTimes, times);
  deepStrictEqual(scalar.values, [...head, ...Array(8).fill(b)]);

  const vector = refine(
    piecewiseConstant([0, 1.1, 2.2], [Float64Array.of(a, 1), Float64Array.of(b, 2)]),
    8,
  );
  deepStrictEqual(vector.transitionTimes, times);
  deepStrictEqual(
    vector.values.map((v) => (v as Float64Array)[0]),
    [...head, 58.19330626470537, ...Array(7).fill(b)],
  );
  deepStrictEqual(
    vector.values.map((v) => (v as Float64Array)[1]),
    [1, 1.125, 1.25, 1.375, 1.5, 1.625, 1.75, 1.875, 2, 2, 2, 2, 2, 2, 2, 2],
  );
});

Deno.test("valueAt() of a constant function is that constant everywhere", () => {
  const fun = piecewiseConstant([0, 24], [20]);
  for (const t of [0, 1, 8, 10, 16, 20.1, 24]) strictEqual(valueAt(fun, t), 20);
});

Deno.test("toInterval() gives the non-zero spans, matching the equivalent interval", () => {
  const fun = piecewiseConstant([0, 8, 16, 24], [0, 1, 0]);
  const interval = specificInterval([[8, 16]]);
  deepStrictEqual(transitionTimes(toInterval(fun)), transitionTimes(interval));
  for (const t of [0, 1, 8, 10, 16, 20.1, 24]) {
    strictEqual(triggered(toInterval(fun), t), triggered(interval, t), `t=${t}`);
  }
  // A multi-sample value has no truth value (numpy raises too).
  throws(() => toInterval(piecewiseConstant([0, 1], [Float64Array.of(0, 1)])), TypeError);
});

Deno.test("toInterval() of refined outside temperatures covers every transition time", async () => {
  // Adapted from test_piecewiseconstant_transition_times: GenevaTemperatures['Jan'] is the
  // hourly January row of the weather set, +273.15 K, refined 10 times. The real set is not
  // available; this is the row of station 067000-99999 (Geneva) in the synthetic set
  // ../shared/fixtures/weather/global_weather_set.synthetic.json, in °C.
  const januaryC = [
    -0.67,
    -0.91,
    -1.0,
    -0.91,
    -0.67,
    -0.27,
    0.25,
    0.85,
    1.5,
    2.15,
    2.75,
    3.27,
    3.67,
    3.91,
    4.0,
    3.91,
    3.67,
    3.27,
    2.75,
    2.15,
    1.5,
    0.85,
    0.25,
    -0.27,
  ];
  const hourly = piecewiseConstant(
    Array.from({ length: 25 }, (_, h) => h),
    januaryC.map((c) => 273.15 + c),
  );
  const outsideTemp = refine(hourly, 10);
  strictEqual(outsideTemp.transitionTimes.length, 241);
  deepStrictEqual(transitionTimes(toInterval(outsideTemp)), [...outsideTemp.transitionTimes]);
  // numpy 2.4.6 / scipy 1.17.1 on the same row: sha1 of the float64 times and values.
  strictEqual(
    await sha1Hex(Float64Array.from(outsideTemp.transitionTimes)),
    "471c2b86b7d0487987e979b6a1d67eaaeb750cfc",
  );
  strictEqual(
    await sha1Hex(Float64Array.from(outsideTemp.values as number[])),
    "a832e2738a11a709f8f931ed3524bf785b0ba11a",
  );
  assertClose(valueAt(outsideTemp, 3.75) as number, 272.40799999999996, { rel: 1e-15 });
  assertClose(valueAt(outsideTemp, 23.95) as number, 272.88, { rel: 1e-15 });
});

Deno.test("occupancyAt() is 0 outside the range and matches a constant population inside", () => {
  // test_dynamic_population.py::test_population_number: IntPiecewiseConstant((8, 12, 13, 17),
  // (1, 0, 1)) against one person present during ((8, 12), (13, 17)).
  const occupancy = intPiecewiseConstant([8, 12, 13, 17], [1, 0, 1]);
  const presence = specificInterval([[8, 12], [13, 17]]);
  for (const t of [4, 8, 10, 12, 13, 14, 16, 20, 24]) {
    strictEqual(occupancyAt(occupancy, t), triggered(presence, t) ? 1 : 0, `t=${t}`);
    strictEqual(occupancyAt(occupancy, t) !== 0, triggered(presence, t), `t=${t}`);
  }
  deepStrictEqual(toInterval(occupancy).presentTimes, [[8, 12], [13, 17]]);
  throws(() => intPiecewiseConstant([0, 1], [1.5]), TypeError);
  throws(() => intPiecewiseConstant([0, 1, 1], [1, 2]), RangeError);
});

Deno.test("refine() rejects a refine factor that is not a positive integer", () => {
  throws(() => refine(piecewiseConstant([0, 24], [1]), 0), RangeError);
  throws(() => refine(piecewiseConstant([0, 24], [1]), 2.5), RangeError);
});
