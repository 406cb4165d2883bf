// Ports caimira/tests/test_ventilation.py and the ventilation tests of
// caimira/tests/test_known_quantities.py (test_periodic_window, test_periodic_hepa,
// test_multiple_ventilation_HEPA_window[_transitions],
// test_multiple_ventilation_HEPA_HVAC_AirChange, test_windowopening), reference e624bcf3.
// Tolerances are the reference's (npt rtol).
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import {
  airChange,
  airExchange,
  customVentilation,
  dischargeCoefficient,
  hepaFilter,
  hingedWindow,
  type HingedWindowOptions,
  hvacMechanical,
  multipleVentilation,
  type SlidingWindow,
  slidingWindow,
  ventilationTransitionTimes,
} from "../../src/model/ventilation.ts";
import { periodicInterval, specificInterval } from "../../src/model/interval.ts";
import { piecewiseConstant } from "../../src/model/piecewise_constant.ts";
import { createRoom } from "../../src/model/room.ts";
import type { Vec } from "../../src/model/vec.ts";
import { assertClose } from "../_helpers/stats.ts";

const openTimes = specificInterval([[0, 4], [5, 9]]);

const baselineSlidingWindow: SlidingWindow = slidingWindow({
  active: openTimes,
  outsideTemp: piecewiseConstant([0, 24], [283]),
  windowHeight: 1.6,
  openingLength: 0.6,
});

const baselineHingedOptions: HingedWindowOptions = {
  active: openTimes,
  outsideTemp: piecewiseConstant([0, 24], [283]),
  windowHeight: 1.6,
  openingLength: 0.6,
  windowWidth: 1,
};
const baselineHingedWindow = hingedWindow(baselineHingedOptions);

/** numpy-style assert_allclose on a scalar or per-sample result. */
function assertAllClose(actual: Vec, expected: number | number[], rel: number, what = "value") {
  if (typeof expected === "number") {
    strictEqual(typeof actual, "number", `${what}: expected a scalar`);
    assertClose(actual as number, expected, { rel }, what);
    return;
  }
  ok(actual instanceof Float64Array, `${what}: expected an array`);
  strictEqual(actual.length, expected.length);
  expected.forEach((x, i) => assertClose(actual[i] as number, x, { rel }, `${what}[${i}]`));
}

// --- test_ventilation.py ---

Deno.test("airExchange() of n windows is n times that of one window", () => {
  const room = createRoom({ volume: 75, insideTemp: piecewiseConstant([0, 24], [293]) });
  const twoWindows = { ...baselineSlidingWindow, numberOfWindows: 2 };
  const one = airExchange(baselineSlidingWindow, room, 1) as number;
  const two = airExchange(twoWindows, room, 1) as number;
  ok(one !== 0);
  strictEqual(one * 2, two);
});

Deno.test("dischargeCoefficient() of a hinged window follows the BB101 table", () => {
  const cases: [number, number][] = [[0.5, 0.447], [1, 0.379], [2, 0.328], [4, 0.308]];
  for (const [windowWidth, expected] of cases) {
    const window = hingedWindow({ ...baselineHingedOptions, windowWidth });
    assertClose(
      dischargeCoefficient(window) as number,
      expected,
      { rel: 1e-2 },
      `W=${windowWidth}`,
    );
  }
  // numpy 2.4.6 on the reference expression, to 1e-14 (asin/exp may differ by an ulp).
  assertClose(dischargeCoefficient(baselineHingedWindow) as number, 0.38028669002906246, {
    rel: 1e-14,
  });
});

Deno.test("hinged window results are per-sample exactly when an input is", () => {
  const samples = Float64Array.of(0.15, 0.2, 0.25);
  const defaults = {
    active: periodicInterval(60, 30),
    windowHeight: 0.15 as Vec,
    windowWidth: 0.15 as Vec,
    openingLength: 0.15 as Vec,
    outsideTemp: piecewiseConstant([0, 2, 3], [10, 15]),
  };
  const room = createRoom({ volume: 75, insideTemp: piecewiseConstant([0, 2, 3], [20, 25]) });
  const t = 0.5;
  // Expected values: numpy 2.4.6 on the reference expressions.
  const cases: [Partial<typeof defaults>, number | number[], number[]][] = [
    [
      { windowHeight: samples },
      [0.5119257922980608, 0.5178996576891969, 0.47877802535583225],
      [0.22355770629276264, 0.34820609028981236, 0.44987304010012524],
    ],
    [
      { windowWidth: samples },
      [0.5119257922980608, 0.5119257922980608, 0.5119257922980608],
      [0.22355770629276264, 0.22355770629276264, 0.22355770629276264],
    ],
    [
      { openingLength: samples },
      [0.5119257922980608, 0.5431450283550205, 0.5568413080507655],
      [0.22355770629276264, 0.3162548388853686, 0.4052871447053101],
    ],
    [
      {
        outsideTemp: piecewiseConstant([0, 2, 3], [
          Float64Array.of(20, 30, 28),
          Float64Array.of(25, 30, 27),
        ]),
      },
      0.5119257922980608,
      [0.015807917010612408, 0.012907110190754273, 0.013360128319914372],
    ],
  ];
  for (const [override, cd, rate] of cases) {
    const window = hingedWindow({ ...defaults, ...override });
    const what = Object.keys(override)[0];
    assertAllClose(dischargeCoefficient(window), cd, 1e-14, `Cd ${what}`);
    assertAllClose(airExchange(window, room, t), rate, 1e-14, `rate ${what}`);
  }
});

Deno.test("dischargeCoefficient() of a sliding window is 0.6", () => {
  strictEqual(dischargeCoefficient(baselineSlidingWindow), 0.6);
});

Deno.test("airExchange() of HVAC and HEPA is the flow over the volume, per sample", () => {
  const room = createRoom({ volume: 50 });
  const qAirMech = Float64Array.of(250, 500);
  for (const v of [hvacMechanical(openTimes, qAirMech), hepaFilter(openTimes, qAirMech)]) {
    deepStrictEqual(airExchange(v, room, 0.5), Float64Array.of(250 / 50, 500 / 50));
  }
});

Deno.test("airExchange() of multiple ventilations is the sum of the parts", () => {
  const v = multipleVentilation([baselineHingedWindow, baselineSlidingWindow]);
  const room = createRoom({ volume: 75 });
  strictEqual(
    airExchange(v, room, 1),
    (airExchange(baselineSlidingWindow, room, 1) as number) +
      (airExchange(baselineHingedWindow, room, 1) as number),
  );
});

Deno.test("airExchange() of multiple ventilations adds per-sample rates", () => {
  const arange = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
  const v1 = airChange(openTimes, arange(10));
  const v2 = airChange(openTimes, arange(5));
  const v3 = airChange(openTimes, 10);
  const room = createRoom({ volume: 75 });
  strictEqual(airExchange(multipleVentilation([v1, v2]), room, 4.5), 0);
  // The reference's numpy error is "operands could not be broadcast together".
  throws(() => airExchange(multipleVentilation([v1, v2]), room, 2), RangeError);
  deepStrictEqual(
    airExchange(multipleVentilation([v2, v3]), room, 2),
    Float64Array.of(10, 11, 12, 13, 14),
  );
});

// --- test_known_quantities.py ---

const baselineRoom = createRoom({ volume: 75, insideTemp: piecewiseConstant([0, 24], [293]) });

const baselinePeriodicHepa = hepaFilter(periodicInterval(120, 15), 514.74);

// Interesting times for a period of 120 min and a duration of 15 min.
const periodicTimes = [
  0,
  14 / 60,
  15 / 60,
  16 / 60,
  119 / 60,
  120 / 60,
  121 / 60,
  239 / 60,
  240 / 60,
];
const periodicOnOff = [0, 1, 1, 0, 0, 0, 1, 0, 0];

Deno.test("airExchange() of a periodic window follows its openings", () => {
  const window = slidingWindow({
    active: periodicInterval(120, 15),
    outsideTemp: piecewiseConstant([0, 24], [283]),
    windowHeight: 1.6,
    openingLength: 0.6,
  });
  const rate = 6.86347;
  periodicTimes.forEach((t, i) =>
    assertClose(airExchange(window, baselineRoom, t) as number, periodicOnOff[i]! * rate, {
      rel: 1e-5,
    }, `t=${t}`)
  );
  // numpy 2.4.6 on the reference expression (no transcendental function: exact).
  strictEqual(airExchange(window, baselineRoom, 1 / 60), 6.863470056885713);
});

Deno.test("airExchange() of a periodic HEPA filter follows its runs", () => {
  const rate = 514.74 / 75;
  periodicTimes.forEach((t, i) =>
    assertClose(
      airExchange(baselinePeriodicHepa, baselineRoom, t) as number,
      periodicOnOff[i]! * rate,
      { rel: 1e-5 },
      `t=${t}`,
    )
  );
});

function hepaAndWindow() {
  const window = slidingWindow({
    active: specificInterval([[1 / 60, 24]]),
    outsideTemp: piecewiseConstant([0, 1, 2.5], [273.15, 283.15]),
    windowHeight: 1,
    openingLength: 0.6,
  });
  return multipleVentilation([window, baselinePeriodicHepa]);
}

Deno.test("airExchange() of a window plus a HEPA filter adds both", () => {
  const room = createRoom({ volume: 68, insideTemp: piecewiseConstant([0, 24], [293.15]) });
  const cases: [number, number][] = [
    [0, 0],
    [1 / 60, 514.74 / 68],
    [14 / 60, 514.74 / 68 + 5.3842316],
    [15 / 60, 514.74 / 68 + 5.3842316],
    [16 / 60, 5.3842316],
    [1, 5.3842316],
    [1.5, 3.7393925],
    [121 / 60, 514.74 / 68 + 3.7393925],
    [2.5, 3.7393925],
  ];
  const vent = hepaAndWindow();
  for (const [t, expected] of cases) {
    assertClose(airExchange(vent, room, t) as number, expected, { rel: 1e-5 }, `t=${t}`);
  }
});

Deno.test("ventilationTransitionTimes() of a window plus a HEPA filter merges all times", () => {
  const room = createRoom({ volume: 68, insideTemp: piecewiseConstant([0, 24], [293.15]) });
  deepStrictEqual(
    ventilationTransitionTimes(hepaAndWindow(), room),
    [
      0.0,
      1 / 60,
      0.25,
      1.0,
      2.0,
      2.25,
      2.5,
      4.0,
      4.25,
      6.0,
      6.25,
      8.0,
      8.25,
      10.0,
      10.25,
      12.0,
      12.25,
      14.0,
      14.25,
      16.0,
      16.25,
      18.0,
      18.25,
      20.0,
      20.25,
      22.0,
      22.25,
      24,
    ],
  );
});

Deno.test("airExchange() of HEPA + HVAC + air change adds the three rates", () => {
  const allDay = specificInterval([[0, 24]]);
  const vent = multipleVentilation([
    hepaFilter(allDay, 500),
    hvacMechanical(allDay, 100),
    airChange(allDay, 3),
  ]);
  for (const volume of [24.5, 70]) {
    const expected = 500 / volume + 100 / volume + 3;
    assertClose(airExchange(vent, createRoom({ volume }), 10) as number, expected, {
      rel: 1e-5,
    }, `V=${volume}`);
  }
});

Deno.test("airExchange() of a window follows the outside temperature", () => {
  const window = slidingWindow({
    active: specificInterval([[0, 24]]),
    outsideTemp: piecewiseConstant([0, 10, 24], [273.15, 283.15]),
    windowHeight: 1,
    openingLength: 0.6,
  });
  const room = createRoom({ volume: 68, insideTemp: piecewiseConstant([0, 24], [293.15]) });
  for (const [t, expected] of [[8, 5.3842316], [16, 3.7393925]] as const) {
    assertClose(airExchange(window, room, t) as number, expected, { rel: 1e-5 }, `t=${t}`);
  }
});

// --- not in the reference's tests ---

Deno.test("airExchange() of a window uses at least minDeltaT of temperature difference", () => {
  // Outside warmer than inside: the inside is raised to outside + 0.1 K.
  const window = { ...baselineSlidingWindow, outsideTemp: piecewiseConstant([0, 24], [300]) };
  const expected = (3600 / (3 * 75)) * 0.6 * (1.6 * 0.6 * 1) *
    Math.sqrt(9.81 * 1.6 * (((300 + 0.1) - 300) / 300));
  strictEqual(airExchange(window, baselineRoom, 1), expected);
  strictEqual(airExchange(window, baselineRoom, 4.5), 0);
});

Deno.test("airExchange() and ventilationTransitionTimes() of a custom ventilation use it", () => {
  const v = customVentilation(piecewiseConstant([8, 10, 12.5], [1.5, 0.25]));
  strictEqual(airExchange(v, baselineRoom, 7), 1.5);
  strictEqual(airExchange(v, baselineRoom, 10), 1.5);
  strictEqual(airExchange(v, baselineRoom, 11), 0.25);
  deepStrictEqual(ventilationTransitionTimes(v, baselineRoom), [8, 10, 12.5]);
  strictEqual(airExchange(multipleVentilation([]), baselineRoom, 11), 0);
});
