/**
 * Benchmarks of the generator and the samplers at the reference's sample size
 * (n = 250,000), each against the same loop in plain TypeScript where one exists.
 * Run with `deno task bench`; divide the time per iteration by 250,000 for ns/sample.
 */
import { createRng } from "../../src/montecarlo/rng.ts";
import { interpTable } from "../../src/montecarlo/interp.ts";
import {
  customDistribution,
  customKernelDistribution,
  generateSamples,
  logNormalDistribution,
  normalDistribution,
  uniformDistribution,
} from "../../src/montecarlo/distributions.ts";
import { TsMt19937 } from "../../tests/_helpers/ts_mt19937.ts";

const N = 250_000;
const rng = createRng(0);
const twin = new TsMt19937(0);
const out = new Float64Array(N);

// The reference's viral-load table (Weibull pdf of log10 viral load), from the s1 trace.
const trace = JSON.parse(
  await Deno.readTextFile(
    new URL("../../tests/fixtures/reference/s1_rest_example_natural.trace.json", import.meta.url),
  ),
);
const vl = trace.tables["interp-26305f85b9ea"];
const viralLoad = customDistribution(
  [2, 10],
  interpTable(vl.xp_values, vl.fp_values, { left: 0, right: 0 }),
  0.2,
  { log10: true },
);
// A 3000-point grid like the reference's particle-diameter KDE (0.1-20 µm).
const grid = Float64Array.from({ length: 3000 }, (_, i) => 0.1 + i * (19.9 / 2999));
const weights = grid.map((d) => Math.exp(-((Math.log(d) - 0.9) ** 2)));
const diameter = customKernelDistribution(grid, weights, 0.1);

Deno.bench("random_sample: kernel MT19937", { group: "random_sample", baseline: true }, () => {
  rng.randomSample(N);
});
Deno.bench("random_sample: plain TypeScript MT19937", { group: "random_sample" }, () => {
  twin.uniform(0, 1, out);
});
Deno.bench("Uniform(10, 100): kernel", { group: "uniform" }, () => {
  generateSamples(uniformDistribution(10, 100), rng, N);
});
Deno.bench("Normal(1, 0.5): kernel", { group: "normal" }, () => {
  generateSamples(normalDistribution(1, 0.5), rng, N);
});
Deno.bench(
  "LogNormal: kernel (glibc-exact exp/log)",
  { group: "lognormal", baseline: true },
  () => {
    generateSamples(logNormalDistribution(-0.687, 0.105), rng, N);
  },
);
Deno.bench("LogNormal: plain TypeScript (V8 Math.exp/log)", { group: "lognormal" }, () => {
  twin.lognormal(-0.687, 0.105, out);
});
Deno.bench("LogCustom viral load (rejection + 10^x)", { group: "custom" }, () => {
  generateSamples(viralLoad, rng, N);
});
Deno.bench("CustomKernel diameter (3000-point KDE)", { group: "kde" }, () => {
  generateSamples(diameter, rng, N);
});
