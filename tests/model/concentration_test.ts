// Ports caimira/tests/models/test_concentration_model.py (reference e624bcf3). The
// reference's KnownConcentrationModelBase is our `kind: "known"` model.
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  concentrationEvaluator,
  type KnownConcentrationModel,
  minBackgroundConcentration,
  normalizationFactor,
  removalRate,
  type VirusConcentrationModel,
} from "../../src/model/concentration.ts";
import { periodicInterval } from "../../src/model/interval.ts";
import { piecewiseConstant } from "../../src/model/piecewise_constant.ts";
import { createRoom } from "../../src/model/room.ts";
import type { Vec } from "../../src/model/vec.ts";
import { airChange } from "../../src/model/ventilation.ts";
import { assertClose } from "../_helpers/stats.ts";
import { dummyPopulation, EVAPORATION_FACTOR, simpleConcModel } from "./_fixtures.ts";

/** numpy.testing.assert_almost_equal default: |a − b| < 1.5e-7. */
const ALMOST = { rel: 0, abs: 1.5e-7 };

function assertVecClose(
  actual: Vec,
  expected: Vec | number[],
  tol = ALMOST,
  what = "value",
): void {
  if (typeof expected === "number") {
    strictEqual(typeof actual, "number", `${what}: expected a scalar`);
    assertClose(actual as number, expected, tol, what);
    return;
  }
  strictEqual(actual instanceof Float64Array, true, `${what}: expected an array`);
  const a = actual as Float64Array;
  strictEqual(a.length, expected.length);
  expected.forEach((e, i) => assertClose(a[i], e, tol, `${what}[${i}]`));
}

function known(
  fields: Pick<
    KnownConcentrationModel,
    "removalRate" | "minBackgroundConcentration" | "normalizationFactor"
  >,
): KnownConcentrationModel {
  const base = simpleConcModel();
  return {
    kind: "known",
    room: base.room,
    ventilation: base.ventilation,
    emitters: dummyPopulation(base),
    ...fields,
  };
}

for (
  const [name, override] of [
    ["volume", { volume: Float64Array.of(100, 120) }],
    ["humidity", { humidity: Float64Array.of(0.5, 0.4) }],
    ["air_change", { airChange: Float64Array.of(100, 120) }],
    ["viral_load_in_sputum", { viralLoad: Float64Array.of(5e8, 1e9) }],
  ] as const
) {
  Deno.test(`concentration() is vectorised over ${name}`, () => {
    const p = { volume: 75, humidity: 0.5, airChange: 100, viralLoad: 1e9, ...override };
    const always = periodicInterval(240, 240);
    const model: VirusConcentrationModel = {
      kind: "virus",
      room: createRoom({
        volume: p.volume,
        insideTemp: piecewiseConstant([0, 24], [293]),
        humidity: p.humidity,
      }),
      ventilation: airChange(always, p.airChange),
      infected: {
        kind: "infected",
        number: 1,
        presence: always,
        mask: { etaInhale: 0.3, factorExhale: 0.95 },
        activity: { inhalationRate: 0.51, exhalationRate: 0.75 },
        virus: {
          viralLoadInSputum: p.viralLoad,
          infectiousDose: 50,
          viableToRnaRatio: 0.5,
          transmissibilityFactor: 1,
          infectiousnessDays: 14,
        },
        expiration: { kind: "single", diameter: 1.3844, cn: 1 },
        hostImmunity: 0,
      },
      evaporationFactor: EVAPORATION_FACTOR,
      minBackgroundConcentration: 0,
    };
    const c = concentrationEvaluator(model).concentration(10);
    strictEqual(c instanceof Float64Array, true);
    strictEqual((c as Float64Array).length, 2);
  });
}

Deno.test("lastStateChange() returns the latest state change strictly before the time", () => {
  const ev = concentrationEvaluator(simpleConcModel());
  const cases: [number, number][] = [
    [-15, 0],
    [0, 0],
    [0.5, 0],
    [0.51, 0.5],
    [1, 0.5],
    [1.05, 1],
    [1.1, 1],
    [1.11, 1.1],
    [2, 1.1],
    [2.1, 2],
    [3, 2],
    [15, 3],
  ];
  for (const [t, expected] of cases) strictEqual(ev.lastStateChange(t), expected, `t=${t}`);
});

Deno.test("firstPresenceTime is the start of the first presence", () => {
  strictEqual(concentrationEvaluator(simpleConcModel()).firstPresenceTime, 0.5);
});

Deno.test("integratedConcentration() is additive over adjacent intervals", () => {
  const ev = concentrationEvaluator(simpleConcModel());
  const c1 = ev.integratedConcentration(0, 2) as number;
  const c2 = ev.integratedConcentration(0, 1) as number;
  const c3 = ev.integratedConcentration(1, 2) as number;
  strictEqual(c1 !== 0, true);
  assertClose(c1, c2 + c3, { rel: 0, abs: 1.5e-15 });
});

// Expected values from the reference (quad integration of the normed concentration, 0–2 h).
for (
  const [background, expected] of [
    [0.0, 0.00018533333708996207],
    [240.0, 48.000185340695275],
    [440.0, 88.00018534069527],
    [600, 120.00018534069527],
    [1000, 200.0001853407918],
  ]
) {
  Deno.test(`normedIntegratedConcentration() with background ${background}`, () => {
    const ev = concentrationEvaluator(
      known({ removalRate: 100, minBackgroundConcentration: background, normalizationFactor: 10 }),
    );
    assertVecClose(ev.normedIntegratedConcentration(0, 2), expected);
  });
}

const vectorCases: [Vec, Vec, Vec, number[]][] = [
  [Float64Array.of(0.25, 10), 0, 10, [0.012161005755130391, 0.0017333437605308818]],
  [100, Float64Array.of(0, 240), 10, [0.00018533333708996207, 48.000185340695275]],
  [100, 440, Float64Array.of(10, 20), [88.00018534069527, 44.000185340695275]],
  [Float64Array.of(10, 100), Float64Array.of(600, 800), 10, [
    120.00173334473946,
    160.0001853406953,
  ]],
  [Float64Array.of(50, 100), Float64Array.of(1000, 1100), Float64Array.of(10, 20), [
    200.00036800764332,
    110.00018534069527,
  ]],
];
vectorCases.forEach(([rr, background, norm, expected], i) => {
  Deno.test(`normedIntegratedConcentration() is vectorised (case ${i})`, () => {
    const ev = concentrationEvaluator(
      known({ removalRate: rr, minBackgroundConcentration: background, normalizationFactor: norm }),
    );
    assertVecClose(ev.normedIntegratedConcentration(0, 2), expected);
  });
});

const zeroVentilation: [Vec, Vec, Vec][] = [
  [0, 240, 240 + 0.5 / 75],
  [0.0001, 240, 240 + 0.5 / 75],
  [1e-6, 240, 240 + 0.5 / 75],
  [0, Float64Array.of(240, 240), [240 + 0.5 / 75, 240 + 0.5 / 75] as unknown as Vec],
  [
    Float64Array.of(0.0001, 1e-6),
    Float64Array.of(240, 240),
    [240 + 0.5 / 75, 240 + 0.5 / 75] as unknown as Vec,
  ],
];
zeroVentilation.forEach(([rr, background, expected], i) => {
  Deno.test(`concentration() with a zero or tiny removal rate (case ${i})`, () => {
    const ev = concentrationEvaluator(
      known({ removalRate: rr, minBackgroundConcentration: background, normalizationFactor: 1 }),
    );
    const expectedVec = Array.isArray(expected)
      ? Float64Array.from(expected as number[])
      : expected;
    const got = ev.concentration(1);
    if (typeof expectedVec === "number") {
      assertClose(got as number, expectedVec, { rel: 0, abs: 1e-6 });
    } else {(got as Float64Array).forEach((g, k) =>
        assertClose(g, expectedVec[k], { rel: 0, abs: 1e-6 })
      );}
  });
});

for (const t of [3.1, 10]) {
  Deno.test(`normedConcentrationLimit() after the last state change is the background (t=${t})`, () => {
    const model = simpleConcModel();
    const ev = concentrationEvaluator(model);
    assertVecClose(
      ev.normedConcentrationLimit(t),
      (minBackgroundConcentration(model) as number) / (normalizationFactor(model) as number),
    );
  });
}

for (const [start, stop] of [[10, 19], [3, 19], [0, 19], [0, 20]]) {
  Deno.test(`concentration after the last state change equals a model with a later re-entry (${start}-${stop})`, () => {
    const simple = simpleConcModel();
    const extended = simpleConcModel([[0.5, 1], [1.1, 2], [2, 3], [20, 20.001]]);
    const a = concentrationEvaluator(simple);
    const b = concentrationEvaluator(extended);
    const t = (start + stop) / 2;
    assertVecClose(removalRate(simple, t), removalRate(extended, t) as number);
    assertVecClose(a.concentration(t), b.concentration(t) as number);
    assertVecClose(a.normedConcentration(t), b.normedConcentration(t) as number);
    assertVecClose(
      a.normedIntegratedConcentration(start, stop),
      b.normedIntegratedConcentration(start, stop) as number,
    );
  });
}

Deno.test("stateChangeTimes include 0, the presence and the ventilation changes", () => {
  deepStrictEqual([...concentrationEvaluator(simpleConcModel()).stateChangeTimes], [
    0,
    0.5,
    1,
    1.1,
    2,
    3,
  ]);
});
