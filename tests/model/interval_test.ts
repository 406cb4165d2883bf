// Intervals. The reference has no test file of its own for them: its Interval checks sit in
// caimira/tests/models/test_piecewiseconstant.py (ported in piecewise_constant_test.ts) and
// caimira/tests/test_known_quantities.py (periodic window/HEPA, in ventilation_test.ts).
// This file checks the semantics those tests rely on, with values from numpy where noted.
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  boundaries,
  neverInterval,
  periodicInterval,
  specificInterval,
  transitionTimes,
  triggered,
} from "../../src/model/interval.ts";

Deno.test("triggered() is open at the start and closed at the end of each span", () => {
  const interval = specificInterval([[0, 4], [5, 9]]);
  const cases: [number, boolean][] = [
    [-1, false],
    [0, false],
    [0.001, true],
    [4, true],
    [4.5, false],
    [5, false],
    [9, true],
    [9.0001, false],
  ];
  for (const [t, expected] of cases) strictEqual(triggered(interval, t), expected, `t=${t}`);
});

Deno.test("boundaries() of periodicInterval(120, 15) are 15-minute spans every 2 hours", () => {
  const spans = boundaries(periodicInterval(120, 15));
  deepStrictEqual(spans, Array.from({ length: 12 }, (_, i) => [2 * i, 2 * i + 0.25]));
});

Deno.test("boundaries() of a periodic interval round like numpy arange", () => {
  // numpy 2.4.6 (same float arange fill as numpy 1.24): [(float(i), float(i + d/60)) for i in
  // np.arange(start, 24, period/60)]; the interval of the reference's conftest
  // `exposure_model_w_outside_temp_changes` (period 2.2*60, duration 1.8*60).
  deepStrictEqual(boundaries(periodicInterval(2.2 * 60, 1.8 * 60)), [
    [0.0, 1.8],
    [2.2, 4.0],
    [4.4, 6.2],
    [6.6000000000000005, 8.4],
    [8.8, 10.600000000000001],
    [11.0, 12.8],
    [13.200000000000001, 15.000000000000002],
    [15.400000000000002, 17.200000000000003],
    [17.6, 19.400000000000002],
    [19.8, 21.6],
    [22.0, 23.8],
  ]);
  // np.arange(8.3, 24, 35/60): 27 starts; here start + i*step would differ from numpy.
  const spans = boundaries(periodicInterval(35, 10, 8.3));
  strictEqual(spans.length, 27);
  deepStrictEqual(spans.slice(0, 3), [
    [8.3, 8.466666666666667],
    [8.883333333333335, 9.05],
    [9.466666666666669, 9.633333333333335],
  ]);
  deepStrictEqual(spans[26], [23.466666666666683, 23.63333333333335]);
});

Deno.test("boundaries() is empty for a zero period or duration and for neverInterval()", () => {
  deepStrictEqual(boundaries(periodicInterval(0, 15)), []);
  deepStrictEqual(boundaries(periodicInterval(60, 0)), []);
  deepStrictEqual(boundaries(neverInterval()), []);
  strictEqual(triggered(neverInterval(), 12), false);
  deepStrictEqual(transitionTimes(neverInterval()), []);
});

Deno.test("periodicInterval() with duration >= period is always on after its start", () => {
  const always = periodicInterval(120, 120, 9);
  strictEqual(triggered(always, 9), false);
  for (const t of [9.01, 11, 13.999, 23.5, 24, 25]) strictEqual(triggered(always, t), true);
  strictEqual(triggered(always, 26.01), false);
});

Deno.test("transitionTimes() is sorted and without duplicates", () => {
  deepStrictEqual(transitionTimes(specificInterval([[5, 9], [0, 4], [4, 5], [8, 8.5]])), [
    0,
    4,
    5,
    8,
    8.5,
    9,
  ]);
});
