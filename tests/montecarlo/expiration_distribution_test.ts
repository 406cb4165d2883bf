import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import {
  blendBloFactors,
  EXPIRATION_GRID_POINTS,
  EXPIRATION_KERNEL_BANDWIDTH_UM,
  expirationDistribution,
} from "../../src/montecarlo/expiration_distribution.ts";
import { bloDistribution, bloIntegral } from "../../src/montecarlo/blo.ts";
import { generateSamples } from "../../src/montecarlo/distributions.ts";
import { erf } from "../../src/montecarlo/erf.ts";
import { linspace } from "../../src/montecarlo/linspace.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { assertClose, mean } from "../_helpers/stats.ts";
import { sum as numpySum } from "../../src/model/vec.ts";
import { BLO_FACTORS, BLO_MODEL, LONG_RANGE, SHORT_RANGE } from "../_helpers/reference_params.ts";

Deno.test("expirationDistribution() is a KDE over linspace(dMin, dMax, 3000) with BLO weights", () => {
  const e = expirationDistribution(BLO_MODEL, BLO_FACTORS.Speaking, SHORT_RANGE);
  const grid = linspace(0.1, 100, 3000);
  strictEqual(EXPIRATION_GRID_POINTS, 3000);
  strictEqual(e.diameter.bandwidth, EXPIRATION_KERNEL_BANDWIDTH_UM);
  strictEqual(e.diameter.bandwidth, 0.1);
  strictEqual(e.diameter.log10, false);
  deepStrictEqual(e.diameter.variable, grid);
  deepStrictEqual(e.diameter.frequencies, bloDistribution(BLO_MODEL, BLO_FACTORS.Speaking, grid));
  strictEqual(e.cn, bloIntegral(BLO_MODEL, BLO_FACTORS.Speaking, 0.1, 100));
  // numpy.linspace(0.1, 100, 3000) (numpy's values)
  strictEqual(grid[1], 0.13331110370123375);
  strictEqual(grid[2999], 100);
});

Deno.test("blendBloFactors() gives the reference's weighted mean of the factors", () => {
  // activity "office" = {Speaking: 1, Breathing: 2}
  deepStrictEqual(
    blendBloFactors([[BLO_FACTORS.Speaking, 1], [BLO_FACTORS.Breathing, 2]]),
    { B: 1, L: 0.3333333333333333, O: 0.3333333333333333 },
  );
  // "smallmeeting" with one person: Breathing has weight 0
  deepStrictEqual(
    blendBloFactors([[BLO_FACTORS.Speaking, 1], [BLO_FACTORS.Breathing, 0]]),
    BLO_FACTORS.Speaking,
  );
  // a precise activity, Breathing 60 % / Speaking 40 %: (f*w)/100 summed in order
  deepStrictEqual(
    blendBloFactors([[BLO_FACTORS.Breathing, 60], [BLO_FACTORS.Speaking, 40]]),
    { B: 0.6 + 0.4, L: 0 + 0.4, O: 0 + 0.4 },
  );
  throws(() => blendBloFactors([]), RangeError);
  throws(() => blendBloFactors([[BLO_FACTORS.Speaking, 0]]), RangeError);
  throws(() => blendBloFactors([[BLO_FACTORS.Speaking, -1]]), RangeError);
});

Deno.test("blended expirations give the reference's Σw of every traced case", () => {
  // ../shared/spec/sampling-order.md, section 5 (numpy sum of the KDE weights). s1-s7 only
  // show these mixes; the short-range ones are checked in trace_replay_test.ts.
  const { Breathing, Speaking } = BLO_FACTORS;
  const cases: [string, [typeof Speaking, number][], number][] = [
    ["office (s1, s3, s5, s7)", [[Speaking, 1], [Breathing, 2]], 19.081626654007138],
    ["secondary-school (s2)", [[Breathing, 7], [Speaking, 3]], 18.07768509413405],
    ["smallmeeting, 1 infected (s4)", [[Speaking, 1], [Breathing, 0]], 39.160457851468834],
    [
      "precise Breathing 60 / Speaking 40 (s6)",
      [[Breathing, 60], [Speaking, 40]],
      21.089509773753306,
    ],
  ];
  for (const [name, mix, sum] of cases) {
    const e = expirationDistribution(BLO_MODEL, blendBloFactors(mix), LONG_RANGE);
    strictEqual(numpySum(e.diameter.frequencies), sum, name);
  }
});

Deno.test("expirationDistribution() rejects an empty or reversed diameter range", () => {
  throws(
    () =>
      expirationDistribution(BLO_MODEL, BLO_FACTORS.Speaking, { minDiameter: 0, maxDiameter: 20 }),
    RangeError,
  );
  throws(
    () =>
      expirationDistribution(BLO_MODEL, BLO_FACTORS.Speaking, { minDiameter: 20, maxDiameter: 20 }),
    RangeError,
  );
});

// --- port of caimira/tests/test_expiration.py::test_expiration_aerosols -------------
// Expected aerosol volume per volume of exhaled air (mL/cm³, no mask) from the
// analytical moments of the lognormal modes: ∫ A cn (π/6) d³ n_m(d) dd over [0.1, 20] µm.

/** A (π/6 · 1e-12 · cn) · d³ times a lognormal mode, integrated analytically. */
function volumeIntegral(
  a: number,
  logd0: number,
  sigma: number,
  dMin: number,
  dMax: number,
): number {
  const n = 3;
  const shift = (n * sigma) / Math.SQRT2;
  const yMin = (Math.log(dMin) - logd0) / (Math.SQRT2 * sigma) - shift;
  const yMax = (Math.log(dMax) - logd0) / (Math.SQRT2 * sigma) - shift;
  return (a * Math.exp(n * logd0 + (n * sigma) ** 2 / 2) * (erf(yMax) - erf(yMin))) / 2;
}

function expectedAerosols(w: { B: number; L: number; O: number }): number {
  const k = (Math.PI / 6) * 1e-12;
  return w.B * volumeIntegral(0.06 * k, 0.989541, 0.262364, 0.1, 20) +
    w.L * volumeIntegral(0.2 * k, 1.38629, 0.506818, 0.1, 20) +
    w.O * volumeIntegral(0.0010008 * k, 4.97673, 0.585005, 0.1, 20);
}

for (const name of ["Breathing", "Speaking", "Shouting"] as const) {
  Deno.test(`the sampled aerosol volume of ${name} matches its analytical value`, () => {
    const factors = BLO_FACTORS[name];
    const e = expirationDistribution(BLO_MODEL, factors, LONG_RANGE);
    const d = generateSamples(e.diameter, createRng(2024), 100_000);
    // reference `Expiration.aerosols(No mask)`: cn · (π d³ / 6) · 1e-12, averaged
    const aerosols = e.cn * mean(d.map((x) => (Math.PI * x ** 3) / 6)) * 1e-12;
    assertClose(aerosols, expectedAerosols(factors), { rel: 1e-2 }, name);
  });
}
