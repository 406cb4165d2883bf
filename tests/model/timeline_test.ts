import { strictEqual } from "node:assert/strict";
import {
  concentrationEvaluator,
  type VirusConcentrationModel,
} from "../../src/model/concentration.ts";
import { periodicInterval, specificInterval } from "../../src/model/interval.ts";
import { MASK_TYPES } from "../../src/model/mask.ts";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import { createRoom } from "../../src/model/room.ts";
import { airChange, hepaFilter, multipleVentilation } from "../../src/model/ventilation.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";
import { mean, mul, type Vec } from "../../src/model/vec.ts";
import { assertClose } from "../_helpers/stats.ts";

function model(diameter: Vec, viralLoad: Vec = 1e9): VirusConcentrationModel {
  return {
    kind: "virus",
    room: createRoom({ volume: 60, humidity: 0.4 }),
    ventilation: multipleVentilation([
      airChange(periodicInterval(60, 10, 8), 4),
      hepaFilter(specificInterval([[12, 14]]), 300),
    ]),
    infected: {
      kind: "infected",
      number: 2,
      presence: specificInterval([[8.5, 12.25], [13, 17.5]]),
      mask: MASK_TYPES["Type I"],
      activity: ACTIVITY_TYPES.Standing,
      virus: { ...VIRUS_TYPES.SARS_CoV_2_DELTA, viralLoadInSputum: viralLoad },
      expiration: { kind: "single", diameter, cn: 0.4 },
      hostImmunity: 0.2,
    },
    evaporationFactor: 0.3,
    minBackgroundConcentration: 0,
  };
}

const diameters = Float64Array.from({ length: 257 }, (_, i) => 0.3 + i * 0.07);
const loads = Float64Array.from({ length: 257 }, (_, i) => 1e6 * (1 + i));
const times = [0, 3, 8.5, 8.7, 9, 9.1666, 12.25, 12.3, 13.99, 17.5, 18, 23];
const intervals: [number, number][] = [[0, 24], [8.5, 12.25], [9.01, 9.02], [13, 17.5], [5, 8.6], [
  17,
  20,
]];

Deno.test("batch() in the kernel equals the per-call evaluation (per-sample diameters)", () => {
  const ev = concentrationEvaluator(model(diameters, loads));
  const reference = concentrationEvaluator(model(diameters, loads));
  const { sums: [sums, ones], integrals, integralSums: [cumulative] } = ev.batch({
    times,
    weights: [ev.normalization, 1],
    intervals,
    integralTimes: [0, 8.6, 12.25, 23],
    integralWeights: [loads],
  });
  times.forEach((t, k) => {
    const expected = mean(mul(reference.normedConcentration(t), reference.normalization)) *
      diameters.length;
    assertClose(sums[k], expected, { rel: 1e-12, abs: 1e-300 }, `sum at ${t}`);
    const unweighted = mean(reference.normedConcentration(t)) * diameters.length;
    assertClose(ones[k], unweighted, { rel: 1e-12, abs: 1e-300 }, `unweighted sum at ${t}`);
  });
  [0, 8.6, 12.25, 23].forEach((t, k) => {
    const perSample = mul(reference.normedIntegratedConcentration(0, t), loads);
    assertClose(
      cumulative[k],
      mean(perSample) * loads.length,
      { rel: 1e-11, abs: 1e-300 },
      `∫ to ${t}`,
    );
  });
  intervals.forEach(([a, b], k) => {
    const expected = reference.normedIntegratedConcentration(a, b) as Float64Array;
    const got = integrals[k] as Float64Array;
    strictEqual(got.length, expected.length);
    for (let i = 0; i < got.length; i++) {
      assertClose(got[i], expected[i], { rel: 1e-11, abs: 1e-25 }, `integral ${a}-${b} [${i}]`);
    }
  });
});

Deno.test("batch() with scalar parameters equals the per-call evaluation", () => {
  const ev = concentrationEvaluator(model(2.5));
  const { sums: [sums], integrals } = ev.batch({ times, intervals });
  times.forEach((t, k) =>
    assertClose(sums[k], ev.normedConcentration(t) as number, { rel: 1e-12, abs: 1e-300 })
  );
  intervals.forEach(([a, b], k) => {
    const got = integrals[k];
    const value = typeof got === "number" ? got : got[0];
    assertClose(
      value,
      ev.normedIntegratedConcentration(a, b) as number,
      { rel: 1e-11 },
      `${a}-${b}`,
    );
  });
});
