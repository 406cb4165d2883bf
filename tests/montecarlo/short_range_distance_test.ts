import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  SHORT_RANGE_DISTANCE_MAX_FREQUENCY,
  SHORT_RANGE_DISTANCE_TABLE,
  shortRangeDistanceDistribution,
} from "../../src/montecarlo/short_range_distance.ts";
import { generateSamples } from "../../src/montecarlo/distributions.ts";
import { interp } from "../../src/montecarlo/interp.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { assertCdf } from "../_helpers/stats.ts";
import { CONVERSATIONAL_DISTANCE } from "../_helpers/reference_params.ts";

Deno.test("the distance table is the reference's (monte_carlo/data.py)", () => {
  const t = SHORT_RANGE_DISTANCE_TABLE;
  deepStrictEqual(
    Array.from(t.xp),
    [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2],
  );
  strictEqual(t.fp.length, 16);
  strictEqual(t.fp.reduce((a, b) => a + b, 0), 0.9119609999999999);
  strictEqual(t.left, 0);
  strictEqual(t.right, 0);
  strictEqual(Math.max(...t.fp) <= SHORT_RANGE_DISTANCE_MAX_FREQUENCY, true);
});

Deno.test("shortRangeDistanceDistribution() samples the piecewise-linear frequency curve", () => {
  const dist = shortRangeDistanceDistribution(CONVERSATIONAL_DISTANCE);
  deepStrictEqual(dist.bounds, [0.5, 2]);
  strictEqual(dist.maxDensity, 0.13);
  strictEqual(dist.log10, false);
  const x = generateSamples(dist, createRng(11), 200_000);
  strictEqual(x.every((v) => v >= 0.5 && v < 2), true);
  // CDF of the normalised curve by integrating it numerically on a fine grid.
  const n = 15_000;
  const cum = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) {
    const a = 0.5 + ((i - 1) * 1.5) / n;
    const b = 0.5 + (i * 1.5) / n;
    cum[i] = cum[i - 1] +
      ((interp(SHORT_RANGE_DISTANCE_TABLE, a) + interp(SHORT_RANGE_DISTANCE_TABLE, b)) / 2) *
        (b - a);
  }
  const cdf = (v: number) => {
    const i = Math.min(n, Math.max(0, Math.round(((v - 0.5) / 1.5) * n)));
    return cum[i] / cum[n];
  };
  assertCdf(x, cdf, [0.55, 0.7, 0.85, 1.0, 1.2, 1.45, 1.7, 1.9]);
});
