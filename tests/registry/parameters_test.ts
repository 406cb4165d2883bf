import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { DEFAULT_REGISTRY, toDistribution } from "../../src/registry/mod.ts";
import {
  customKernelDistribution,
  logNormalDistribution,
  normalDistribution,
  uniformDistribution,
} from "../../src/montecarlo/distributions.ts";

Deno.test("toDistribution() maps a lognormal parameter to a LogNormal distribution", () => {
  deepStrictEqual(
    toDistribution(DEFAULT_REGISTRY.activityDistributions.Seated.inhalationRate),
    // reference data_registry.py, "Seated" inhalation_rate
    logNormalDistribution(-0.6872121723362303, 0.10498338229297108),
  );
});

Deno.test("toDistribution() maps a uniform parameter to a Uniform distribution", () => {
  deepStrictEqual(
    toDistribution(DEFAULT_REGISTRY.virologicalData.virusDistributions.SARS_CoV_2.viableToRnaRatio),
    uniformDistribution(0.01, 0.6),
  );
});

Deno.test("toDistribution() maps a normal parameter to a Normal distribution", () => {
  deepStrictEqual(
    toDistribution({ kind: "normal", mean: 1, standardDeviation: 0.5 }),
    normalDistribution(1, 0.5),
  );
});

Deno.test("toDistribution() maps a log custom kernel to a kernel density over log10 values", () => {
  const param = DEFAULT_REGISTRY.virologicalData.symptomaticVlFrequencies;
  if (param.kind !== "logCustomKernel") throw new Error("expected the default kernel");
  const dist = toDistribution(param);
  deepStrictEqual(
    dist,
    customKernelDistribution(param.logVariable, param.frequencies, 0.1, { log10: true }),
  );
  if (typeof dist === "number" || dist.kind !== "customKernel") throw new Error("bad kind");
  strictEqual(dist.log10, true);
  strictEqual(dist.variable.length, 38);
});

Deno.test("toDistribution() returns the value of a constant", () => {
  strictEqual(toDistribution({ kind: "constant", value: 0.42 }), 0.42);
});

Deno.test("toDistribution() throws on invalid numbers", () => {
  throws(() => toDistribution({ kind: "uniform", low: 2, high: 1 }), RangeError);
  throws(
    () =>
      toDistribution({ kind: "logCustomKernel", logVariable: [1], frequencies: [1], bandwidth: 0 }),
    RangeError,
  );
});
