import { strictEqual, throws } from "node:assert/strict";
import { bloDistribution, bloIntegral } from "../../src/montecarlo/blo.ts";
import { linspace } from "../../src/montecarlo/linspace.ts";
import { assertClose } from "../_helpers/stats.ts";
import { BLO_FACTORS, BLO_MODEL } from "../_helpers/reference_params.ts";

/** Trapezoid rule on a geometric grid of 2·10^5 + 1 points (ln d uniform). */
function trapezoidIntegral(
  factors: { B: number; L: number; O: number },
  dMin: number,
  dMax: number,
): number {
  const n = 200_001;
  const logs = linspace(Math.log(dMin), Math.log(dMax), n);
  const d = logs.map(Math.exp);
  const f = bloDistribution(BLO_MODEL, factors, d);
  let s = 0;
  for (let i = 1; i < n; i++) s += ((f[i] + f[i - 1]) / 2) * (d[i] - d[i - 1]);
  return s;
}

Deno.test("bloIntegral() equals a fine trapezoid integral of bloDistribution()", () => {
  for (const [name, factors] of Object.entries(BLO_FACTORS)) {
    for (const [dMin, dMax] of [[0.1, 20], [0.1, 100], [0.5, 3], [2, 50]]) {
      assertClose(
        trapezoidIntegral(factors, dMin, dMax),
        bloIntegral(BLO_MODEL, factors, dMin, dMax),
        { rel: 1e-8 },
        `${name} on [${dMin}, ${dMax}]`,
      );
    }
  }
});

Deno.test("bloIntegral() equals the reference's cn values bit for bit", () => {
  // numpy/scipy on glibc (same log and erf as the reference's scalar code paths).
  const cases: [keyof typeof BLO_FACTORS, number, number][] = [
    ["Breathing", 20, 0.05999999999999938],
    ["Breathing", 100, 0.06],
    ["Speaking", 20, 0.259850818409283],
    ["Speaking", 100, 0.2602628788149383],
    ["Shouting", 20, 1.0592540920464173],
    ["Shouting", 100, 1.0613143940746916],
  ];
  for (const [name, dMax, cn] of cases) {
    strictEqual(bloIntegral(BLO_MODEL, BLO_FACTORS[name], 0.1, dMax), cn, `${name} to ${dMax}`);
  }
  strictEqual(
    bloIntegral(BLO_MODEL, { B: 1, L: 1 / 3, O: 1 / 3 }, 0.1, 20),
    0.12661693946976058,
    "office",
  );
});

Deno.test("bloIntegral() over all diameters is Σ A·cn", () => {
  const total = 1 * 0.06 + 5 * 0.2 + 5 * 0.0010008;
  assertClose(bloIntegral(BLO_MODEL, BLO_FACTORS.Shouting, 1e-6, 1e6), total, { rel: 1e-15 });
  strictEqual(bloIntegral(BLO_MODEL, BLO_FACTORS.Speaking, 3, 3), 0);
});

Deno.test("bloDistribution() is the sum of its three lognormal modes", () => {
  const d = linspace(0.1, 100, 3000);
  const all = bloDistribution(BLO_MODEL, { B: 2, L: 3, O: 4 }, d);
  const b = bloDistribution(BLO_MODEL, { B: 2, L: 0, O: 0 }, d);
  const l = bloDistribution(BLO_MODEL, { B: 0, L: 3, O: 0 }, d);
  const o = bloDistribution(BLO_MODEL, { B: 0, L: 0, O: 4 }, d);
  for (let i = 0; i < d.length; i++) {
    strictEqual(all[i], b[i] + l[i] + o[i], `d = ${d[i]}`);
  }
});

Deno.test("bloDistribution() has the lognormal mode density at each mode's median", () => {
  // A single mode at d = e^μ is A·cn / (e^μ σ √(2π)).
  for (const m of ["B", "L", "O"] as const) {
    const factors = { B: 0, L: 0, O: 0, [m]: 1 };
    const median = Math.exp(BLO_MODEL.mu[m]);
    const expected = BLO_MODEL.cn[m] / (median * BLO_MODEL.sigma[m] * Math.sqrt(2 * Math.PI));
    const [value] = bloDistribution(BLO_MODEL, factors, [median]);
    assertClose(value, expected, { rel: 1e-15 }, `mode ${m}`);
  }
});

Deno.test("bloDistribution() and bloIntegral() reject bad parameters", () => {
  const bad = { ...BLO_MODEL, sigma: { ...BLO_MODEL.sigma, L: 0 } };
  throws(() => bloDistribution(bad, BLO_FACTORS.Speaking, [1]), RangeError);
  throws(() => bloDistribution(BLO_MODEL, { B: 1, L: -1, O: 0 }, [1]), RangeError);
  throws(() => bloIntegral(BLO_MODEL, BLO_FACTORS.Speaking, 0, 20), RangeError);
  throws(() => bloIntegral(BLO_MODEL, BLO_FACTORS.Speaking, 20, 0.1), RangeError);
});
