import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { createKernelRng, createRng } from "../../src/montecarlo/rng.ts";
import { createKernel } from "../../src/kernel/kernel.ts";
import { kernelTestFunctions } from "../../src/kernel/testing.ts";
import { interp, interpTable } from "../../src/montecarlo/interp.ts";
import {
  customDistribution,
  customKernelDistribution,
  type Distribution,
  generateSamples,
  logNormalDistribution,
  normalDistribution,
  skipSamples,
  uniformDistribution,
} from "../../src/montecarlo/distributions.ts";
import { releaseColumn, takeColumn, withColumnArena } from "../../src/kernel/column_arena.ts";
import { withKernelComputation } from "../../src/kernel/shared.ts";
import {
  assertCdf,
  assertClose,
  assertMoments,
  histogramDensity,
  linspace,
  normalCdf,
} from "../_helpers/stats.ts";

const N = 1_000_000;

// --- exact vectors -----------------------------------------------------------------

Deno.test("generateSamples() reproduces scikit-learn's weighted KDE sample (kde_case) exactly", async () => {
  // numpy 1.24.2 + scikit-learn 1.2.1, ../shared/fixtures/rng (copied to tests/fixtures).
  const fixture = JSON.parse(
    await Deno.readTextFile(
      new URL("../fixtures/numpy_legacy_mt19937.json", import.meta.url),
    ),
  );
  const c = fixture.kde_case;
  const [start, stop, num] = c.variable.linspace;
  const v = linspace(start, stop, num);
  const w = v.map((x) => Math.exp(-((Math.log(x) - 0.9) ** 2)));
  const dist = customKernelDistribution(v, w, c.bandwidth);
  deepStrictEqual(
    Array.from(generateSamples(dist, createRng(c.seed), c.n_samples)),
    c.samples,
  );
});

// --- statistics against the exact distributions --------------------------------------

Deno.test("Normal(1, 0.5) has the right moments and CDF", () => {
  const x = generateSamples(normalDistribution(1, 0.5), createRng(1), N);
  strictEqual(x.length, N);
  assertMoments(x, 1, 0.25);
  assertCdf(x, (t) => normalCdf((t - 1) / 0.5), [
    -0.2,
    0.25,
    0.7,
    1,
    1.3,
    1.75,
    2.2,
  ]);
});

Deno.test("Uniform(10, 100) has the right moments and CDF", () => {
  const x = generateSamples(uniformDistribution(10, 100), createRng(2), N);
  assertMoments(x, 55, 90 ** 2 / 12);
  assertCdf(x, (t) => (t - 10) / 90, [10.5, 20, 37.3, 55, 80, 99.5]);
  strictEqual(x.every((v) => v >= 10 && v < 100), true);
});

Deno.test("LogNormal(-0.687, 0.105) has the right moments and CDF", () => {
  // The reference's seated activity parameters (data registry).
  const mu = -0.6872121723362303;
  const sigma = 0.10498338229297108;
  const x = generateSamples(logNormalDistribution(mu, sigma), createRng(3), N);
  const m = Math.exp(mu + sigma ** 2 / 2);
  const variance = (Math.exp(sigma ** 2) - 1) * Math.exp(2 * mu + sigma ** 2);
  assertMoments(x, m, variance);
  assertCdf(x, (t) => normalCdf((Math.log(t) - mu) / sigma), [
    0.4,
    0.45,
    0.5,
    0.55,
    0.6,
    0.7,
  ]);
});

// The reference's test density: an inverted parabola on (0, 10), max 0.15, normalised.
const NORM = 500 / 3;
const parabola = (x: number) => (-((5 - x) ** 2) + 25) / NORM;
const parabolaCdf = (x: number) => (5 * x * x - x ** 3 / 3) / NORM;
const CDF_POINTS = [0.5, 1, 2, 3.3, 5, 6.1, 8, 9.5];

Deno.test("Custom with a function density follows the density (CDF)", () => {
  const dist = customDistribution([0, 10], (x) => x.map(parabola), 0.15);
  const x = generateSamples(dist, createRng(4), N);
  assertCdf(x, parabolaCdf, CDF_POINTS);
});

Deno.test("Custom with an interpolation table follows the piecewise-linear density", () => {
  const grid = linspace(0, 10, 41);
  const table = interpTable(grid, grid.map(parabola), { left: 0, right: 0 });
  const x = generateSamples(
    customDistribution([0, 10], table, 0.15),
    createRng(5),
    N,
  );
  assertCdf(x, tableCdf(table, 0, 10), CDF_POINTS);
});

Deno.test("LogCustom (log10) with the reference's viral-load table follows it in log10 space", async () => {
  const trace = await loadTrace("s1_rest_example_natural");
  const t = trace.tables["interp-26305f85b9ea"];
  const table = interpTable(t.xp_values, t.fp_values, {
    left: t.left,
    right: t.right,
  });
  const dist = customDistribution([2, 10], table, 0.2, { log10: true });
  const x = generateSamples(dist, createRng(6), N);
  const logs = x.map(Math.log10);
  strictEqual(logs.every((v) => v >= 2 && v <= 10), true);
  assertCdf(logs, tableCdf(table, 2, 10), [2.5, 4, 5.5, 6.2, 7, 8.5, 9.5]);
});

Deno.test("CustomKernel follows the Gaussian mixture of its weighted centres", () => {
  const v = linspace(0.1, 9.9, 100);
  const w = v.map(parabola);
  const x = generateSamples(
    customKernelDistribution(v, w, 0.1),
    createRng(7),
    N,
  );
  assertCdf(x, mixtureCdf(v, w, 0.1), [0.05, 1, 2.5, 5, 7.7, 9.9]);
});

Deno.test("LogCustomKernel (log10) follows the mixture in log10 space", () => {
  const v = linspace(0.1, 9.9, 100);
  const w = v.map(parabola);
  const dist = customKernelDistribution(v, w, 0.1, { log10: true });
  const x = generateSamples(dist, createRng(8), N);
  assertCdf(
    x.map(Math.log10),
    mixtureCdf(v, w, 0.1),
    [0.05, 1, 2.5, 5, 7.7, 9.9],
    5,
    1e-9,
  );
});

// Ported from the reference's tests/test_sampleable_distribution.py (same sizes,
// bins, selection windows and tolerances; a fixed seed replaces @retry).
Deno.test("reference test_normal: mean, std and histogram of Normal(1, 0.5)", () => {
  const x = generateSamples(
    normalDistribution(1, 0.5),
    createRng(10),
    2_000_000,
  );
  const { centres, density } = histogramDensity(x, 100);
  assertClose(
    x.reduce((a, b) => a + b, 0) / x.length,
    1,
    { rel: 0.01 },
    "mean",
  );
  assertClose(Math.sqrt(centralVariance(x)), 0.5, { rel: 0.01 }, "std");
  for (let i = 0; i < centres.length; i++) {
    const b = centres[i];
    if (b < 0.25 || b > 1.75) continue;
    const exact = Math.exp(-(((b - 1) / 0.5) ** 2) / 2) /
      (Math.sqrt(2 * Math.PI) * 0.5);
    assertClose(density[i], exact, { rel: 0.02 }, `density at ${b}`);
  }
});

Deno.test("reference test_custom: histogram of Custom and CustomKernel parabolas", () => {
  const function_ = (x: Float64Array) => x.map(parabola);
  const v = linspace(0.1, 9.9, 100);
  for (
    const dist of [
      customDistribution([0, 10], function_, 0.15),
      customKernelDistribution(v, v.map(parabola), 0.1),
    ] as Distribution[]
  ) {
    const x = generateSamples(dist, createRng(11), 2_000_000);
    const { centres, density } = histogramDensity(x, 100);
    for (let i = 0; i < centres.length; i++) {
      if (centres[i] < 1 || centres[i] > 9) continue;
      assertClose(
        density[i],
        parabola(centres[i]),
        { rel: 0.05 },
        `${dist.kind} at ${centres[i]}`,
      );
    }
  }
});

// --- equivalences and validation ------------------------------------------------------

Deno.test("Custom draws the same stream with a table (kernel) and with a function (TypeScript)", () => {
  const grid = linspace(0.5, 2, 16);
  const fp = grid.map((d) => 0.02 + 0.1 * Math.exp(-((d - 1) ** 2)));
  const table = interpTable(grid, fp, { left: 0, right: 0 });
  const a = createRng(12);
  const b = createRng(12);
  const fromTable = generateSamples(
    customDistribution([0.5, 2], table, 0.13),
    a,
    50_000,
  );
  const asFunction = (x: Float64Array) => x.map((v) => interp(table, v));
  const fromFunction = generateSamples(
    customDistribution([0.5, 2], asFunction, 0.13),
    b,
    50_000,
  );
  deepStrictEqual(fromTable, fromFunction);
  deepStrictEqual(a.getState(), b.getState());
});

Deno.test("Custom that rejects most candidates (later rounds drawn in parts) draws the TypeScript stream", () => {
  // About one candidate in eight is accepted: the first redraw rounds hold more rejected
  // samples than the kernel's scratch has room for at once, so their x values are drawn
  // and tested in parts; the stream and the samples must not change.
  const grid = linspace(0.5, 2, 64);
  const fp = grid.map((d) => 0.01 + Math.exp(-(((d - 1.2) / 0.05) ** 2)));
  const table = interpTable(grid, fp, { left: 0, right: 0 });
  for (const n of [60_000, 100_001]) {
    const a = createRng(21);
    const b = createRng(21);
    const fromTable = generateSamples(customDistribution([0.5, 2], table, 1.05), a, n);
    const asFunction = (x: Float64Array) => x.map((v) => interp(table, v));
    const fromFunction = generateSamples(customDistribution([0.5, 2], asFunction, 1.05), b, n);
    deepStrictEqual(fromTable, fromFunction);
    deepStrictEqual(a.getState(), b.getState());
  }
});

Deno.test("Custom on an unevenly spaced table equals the TypeScript interp, knots included", () => {
  const xp = Float64Array.from({ length: 12 }, (_, i) => 0.5 + 1.5 * (i / 11) ** 2);
  const table = interpTable(xp, xp.map((d) => 0.13 * Math.exp(-d)), { left: 0, right: 0.01 });
  const a = createRng(13);
  const b = createRng(13);
  const fromTable = generateSamples(customDistribution([0.4, 2.1], table, 0.13), a, 20_000);
  const asFunction = (x: Float64Array) => x.map((v) => interp(table, v));
  const fromFunction = generateSamples(customDistribution([0.4, 2.1], asFunction, 0.13), b, 20_000);
  deepStrictEqual(fromTable, fromFunction);
  // The kernel's interp at every knot and between knots equals numpy's formula in TS.
  const k = createKernel();
  k.scope(() => {
    const m = xp.length;
    const t = k.alloc((3 * m - 1) * 8);
    k.f64(t, m).set(table.xp);
    k.f64(t + m * 8, m).set(table.fp);
    k.exports.interp_init(t, m);
    const probes = [...xp, ...xp.map((x) => x + 1e-9), 0.3, 2.2, 1.7];
    for (const x of probes) {
      strictEqual(
        kernelTestFunctions(k).interp_at(x, t, m, table.left, table.right),
        interp(table, x),
        `x=${x}`,
      );
    }
  });
});

Deno.test("CustomKernel equals searchsorted + normal written in TypeScript, with zero weights", () => {
  const v = linspace(0.1, 20, 300);
  const w = v.map((x, i) => (i % 7 === 0 || i < 20 ? 0 : Math.exp(-((Math.log(x) - 0.9) ** 2))));
  const n = 50_000;
  const got = generateSamples(customKernelDistribution(v, w, 0.1), createRng(14), n);
  const rng = createRng(14);
  const u = rng.uniform(0, 1, n);
  const cum = new Float64Array(w.length);
  let acc = 0;
  w.forEach((x, i) => cum[i] = acc += x);
  const g = rng.normal(0, 1, n);
  const expected = u.map((uj, j) => {
    const target = uj * acc;
    let lo = 0;
    let hi = cum.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return v[lo] + 0.1 * g[j];
  });
  deepStrictEqual(got, expected);
});

Deno.test("interp() follows numpy at and outside the table ends", () => {
  const t = interpTable([1, 2, 4], [10, 20, 0], { left: -1, right: -2 });
  deepStrictEqual(
    [0.5, 1, 1.5, 2, 3, 4, 4.5].map((x) => interp(t, x)),
    [-1, 10, 15, 20, 10, 0, -2],
  );
  throws(() => interpTable([1, 1], [0, 0]), /strictly increasing/);
  throws(() => interpTable([1, 2], [0]), /same length/);
});

Deno.test("distribution factories reject invalid parameters with a clear message", () => {
  throws(
    () => normalDistribution(0, -1),
    /non-negative finite standard deviation/,
  );
  throws(() => uniformDistribution(2, 1), /expected high >= low/);
  throws(() => logNormalDistribution(NaN, 1), /finite mean of the Gaussian/);
  throws(() => customDistribution([1, 1], (x) => x, 1), /high > low/);
  throws(
    () => customDistribution([0, 1], (x) => x, 0),
    /positive finite maximum density/,
  );
  throws(
    () => customKernelDistribution([1, 2], [1], 0.1),
    /same non-zero length/,
  );
  throws(() => customKernelDistribution([1, 2], [0, 0], 0.1), /positive sum/);
  throws(
    () => customKernelDistribution([1, 2], [1, -1], 0.1),
    /frequencies\[1\]/,
  );
  throws(
    () => customKernelDistribution([1, 2], [1, 1], 0),
    /positive finite bandwidth/,
  );
  throws(
    () => generateSamples(uniformDistribution(0, 1), createRng(0), 1.5),
    /sample count/,
  );
  const wrongLength = customDistribution([0, 1], () => [1], 1);
  throws(
    () => generateSamples(wrongLength, createRng(0), 3),
    /return 3 values/,
  );
});

// --- helpers ----------------------------------------------------------------------------

function centralVariance(x: Float64Array): number {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let s = 0;
  for (const v of x) s += (v - m) ** 2;
  return s / x.length;
}

/** CDF of the normalised piecewise-linear density of `table` on [lo, hi]. */
function tableCdf(
  table: ReturnType<typeof interpTable>,
  lo: number,
  hi: number,
) {
  const steps = 200_000;
  const h = (hi - lo) / steps;
  const cumulative = new Float64Array(steps + 1);
  for (let i = 1; i <= steps; i++) {
    const a = interp(table, lo + (i - 1) * h);
    const b = interp(table, lo + i * h);
    cumulative[i] = cumulative[i - 1] + 0.5 * (a + b) * h;
  }
  const total = cumulative[steps];
  return (t: number) => {
    if (t <= lo) return 0;
    if (t >= hi) return 1;
    const i = Math.floor((t - lo) / h);
    const frac = (t - lo - i * h) / h;
    return (cumulative[i] + frac * (cumulative[i + 1] - cumulative[i])) / total;
  };
}

/** CDF of the weighted Gaussian mixture with centres v, weights w, deviation h. */
function mixtureCdf(v: Float64Array, w: Float64Array, h: number) {
  const total = w.reduce((a, b) => a + b, 0);
  return (t: number) => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += w[i] * normalCdf((t - v[i]) / h);
    return s / total;
  };
}

// deno-lint-ignore no-explicit-any
async function loadTrace(name: string): Promise<any> {
  const url = new URL(
    `../fixtures/reference/${name}.trace.json`,
    import.meta.url,
  );
  return JSON.parse(await Deno.readTextFile(url));
}

Deno.test("customKernelDistribution() names the first invalid centre or weight", () => {
  throws(
    () => customKernelDistribution([1, NaN, 3], [1, 1, 1], 0.1),
    /expected a finite variable\[1\] but found NaN/,
  );
  throws(
    () => customKernelDistribution([1, 2, 3], [1, 1, -2], 0.1),
    /expected a non-negative finite frequencies\[2\] but found -2/,
  );
  throws(
    () => customKernelDistribution([1, 2], [1, Infinity], 0.1),
    /frequencies\[1\] but found Infinity/,
  );
  throws(() => customKernelDistribution([1, 2], [0, 0], 0.1), /positive sum/);
  strictEqual(customKernelDistribution([1, 2], [0, 3], 0.1).frequencies[1], 3);
});

Deno.test("skipSamples() advances as generateSamples() and keeps no column of the draws", () => {
  const n = 250_000;
  for (const dist of [uniformDistribution(0.1, 0.2), normalDistribution(1, 2)]) {
    // As in a report: the generators' states and the columns in one kernel computation.
    withKernelComputation((kernel) =>
      withColumnArena(() => {
        const drawn = createKernelRng(11, kernel);
        generateSamples(dist, drawn, n);
        // A free block of n samples in the kernel: reused by the skip's column, which must
        // be given back.
        const probe = takeColumn(n);
        const offset = probe.byteOffset;
        releaseColumn(probe);
        const skipped = createKernelRng(11, kernel);
        skipSamples(dist, skipped, n);
        deepStrictEqual(skipped.getState(), drawn.getState(), dist.kind);
        strictEqual(takeColumn(n).byteOffset, offset, `${dist.kind}: the draws' block is free`);
      }, kernel)
    );
  }
});

Deno.test("custom and kernel densities that could never give a sample are refused, not run for ever", () => {
  const rng = createRng(0);
  const zero = (x: Float64Array) => new Float64Array(x.length);
  throws(
    () => generateSamples(customDistribution([0, 1], zero, 1), rng, 2),
    /none of 2 was accepted in 100000 rounds/,
  );
  throws(
    () => generateSamples(customDistribution([0, 1], (x) => x.map(() => NaN), 1), rng, 2),
    /expected the density to return numbers but found NaN/,
  );
  for (
    const table of [
      interpTable([0, 1], [0, 0]),
      interpTable([0, 1], [1, 1], { right: -1 }),
      interpTable([0, 0.5, 1], [-1, 0, -1]),
    ]
  ) {
    const bounds: [number, number] = table.right === -1 ? [5, 6] : [0, 1];
    throws(
      () => generateSamples(customDistribution(bounds, table, 1), rng, 3),
      /expected a density table positive somewhere in the bounds/,
    );
  }
  // Positive only between knots inside the bounds, or only at one bound: still sampled.
  const peak = generateSamples(
    customDistribution([0, 1], interpTable([0, 0.5, 1], [0, 1, 0]), 1),
    rng,
    50,
  );
  ok(peak.every((v) => v > 0 && v < 1));
  // Weights whose sum overflows would send every draw to the last centre.
  throws(
    () => customKernelDistribution([0, 10], [1e308, 1e308], 0.1),
    /frequencies with a finite sum but found Infinity/,
  );
});

Deno.test("generateSamples() refuses a generator that createRng did not make", () => {
  const fake = { normal: () => 1 } as unknown as ReturnType<typeof createRng>;
  throws(() => generateSamples(normalDistribution(0, 1), fake, 3), /generator made by createRng/);
});
