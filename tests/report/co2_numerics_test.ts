// The CO2 numerics against pandas and scipy (tests/fixtures/co2_numerics.json, written by
// scripts/fixtures/co2_numerics_vectors.py): centred rolling mean, find_peaks, Powell.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { argsort, heapsort } from "../../src/report/_argsort.ts";
import { sum } from "../../src/model/vec.ts";
import { findPeaks } from "../../src/report/find_peaks.ts";
import { minimizePowell } from "../../src/report/powell.ts";
import { centeredRollingMean } from "../../src/report/rolling_mean.ts";

const V = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/co2_numerics.json", import.meta.url)),
);
const fromJson = (a: (number | null)[]) => a.map((v) => (v === null ? NaN : v));

function closeTo(actual: number, expected: number, rel: number, what: string) {
  ok(
    Object.is(actual, expected) || Math.abs(actual - expected) <= rel * Math.abs(expected),
    `${what}: expected ${expected} but found ${actual}`,
  );
}

Deno.test("centeredRollingMean() equals pandas rolling(window, center=True).mean()", () => {
  for (const { values, window, expected } of V.rolling_mean) {
    const mean = centeredRollingMean(values, window);
    deepStrictEqual(mean, fromJson(expected), `window ${window} over ${values.length} values`);
  }
  throws(() => centeredRollingMean([1, 2], 0), /window of at least 1/);
});

Deno.test("findPeaks() equals scipy.signal.find_peaks (peaks, prominences, widths)", () => {
  for (const [i, c] of V.find_peaks.entries()) {
    const found = findPeaks(fromJson(c.x), c.options);
    const what = `case ${i} ${JSON.stringify(c.options)}`;
    deepStrictEqual(found.map((p) => p.index), c.peaks, what);
    if (c.prominences) {
      found.forEach((p, k) => closeTo(p.prominence!, c.prominences[k], 1e-12, what));
    }
    if (c.widths) found.forEach((p, k) => closeTo(p.width!, c.widths[k], 1e-12, what));
  }
});

Deno.test("findPeaks(): the distance filter keeps the higher peak, then the earlier of equals", () => {
  // Heights 5, 4.5 and 6 within 3 samples: 6 wins, removing 4.5; 5 is 4 samples away.
  deepStrictEqual(findPeaks([0, 5, 0, 4.5, 0, 6, 0], { distance: 3 }).map((p) => p.index), [
    1,
    5,
  ]);
  // Equal heights: numpy's argsort puts the later one last, so it is kept.
  deepStrictEqual(findPeaks([0, 5, 0, 5, 0], { distance: 3 }).map((p) => p.index), [3]);
  throws(() => findPeaks([0, 1, 0], { distance: 0.5 }), /distance >= 1/);
});

Deno.test("argsort(): numpy's introsort order (insertion sort below 17, NaN last)", () => {
  deepStrictEqual([...argsort([3, 1, 2, 1, NaN, 0])], [5, 1, 3, 2, 0, 4]);
  // Small arrays are insertion-sorted: ties keep their order.
  deepStrictEqual([...argsort([2, 1, 2, 1, 2])], [1, 3, 0, 2, 4]);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const n of [16, 17, 100, 1000, 5000]) {
    const v = Array.from({ length: n }, () => Math.floor(random() * n / 3));
    const order = [...argsort(v)];
    deepStrictEqual([...order].sort((a, b) => a - b), [...Array(n).keys()], `permutation ${n}`);
    for (let i = 1; i < n; i++) ok(v[order[i - 1]] <= v[order[i]], `sorted ${n} at ${i}`);
  }
});

Deno.test("heapsort(): numpy's fallback sorts the index range it is given", () => {
  const v = Array.from({ length: 200 }, (_, i) => (i * 7919) % 31 + (i % 3) / 10);
  const order = Int32Array.from(v.keys());
  heapsort(v, order, 20, 150);
  deepStrictEqual([...order.slice(0, 20)], [...Array(20).keys()]);
  deepStrictEqual([...order.slice(170)], Array.from({ length: 30 }, (_, i) => 170 + i));
  const middle = [...order.slice(20, 170)];
  deepStrictEqual([...middle].sort((a, b) => a - b), Array.from({ length: 150 }, (_, i) => 20 + i));
  for (let i = 1; i < middle.length; i++) ok(v[middle[i - 1]] <= v[middle[i]], `at ${i}`);
});

Deno.test("minimizePowell() follows scipy's Powell with bounds (same point and evaluations)", () => {
  const t: number[] = V.decay_data.t;
  const y: number[] = V.decay_data.y;
  const objectives: Record<string, (p: readonly number[]) => number> = {
    decay: (p) =>
      Math.sqrt(
        sum(Float64Array.from(t, (ti, i) => (y[i] - (p[0] * Math.exp(-p[1] * ti) + p[2])) ** 2)),
      ),
    rosenbrock: (p) => (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2,
    bounded_quadratic: (p) =>
      (p[0] + 1) ** 2 + (p[1] - 2) ** 2 + 0.5 * p[0] * p[1] + (p[2] - 0.3) ** 2,
  };
  for (const c of V.powell) {
    const r = minimizePowell(objectives[c.name], c.x0, {
      lowerBounds: c.x0.map(() => 0),
      upperBounds: c.x0.map(() => Infinity),
      xtol: c.xtol,
    });
    strictEqual(r.evaluations, c.nfev, `${c.name} evaluations`);
    strictEqual(r.iterations, c.nit, `${c.name} iterations`);
    r.x.forEach((v, i) => closeTo(v, c.x[i], 1e-9, `${c.name} x[${i}]`));
    closeTo(r.fun, c.fun, 1e-9, `${c.name} fun`);
    ok(r.x.every((v) => v >= 0), `${c.name} within bounds`);
  }
});
