// binQuantiles (src/kernel/statistics.ts): the per-bin statistics of the evenly spaced
// fast path (asm/even_bins.ts) and of the general path equal those of the plain
// definition (each bin's values in sample order, by the product test), also for values
// on and next to the bin edges, outside the bins, NaN and infinities; and the range
// counts equal a plain count.
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { binQuantiles, evenBinsPerSpacing, groupQuantiles } from "../../src/kernel/statistics.ts";
import { arange } from "../../src/report/_numpy.ts";

/** The plain definition: each bin's values of p, in sample order, then their statistics. */
function plainBinQuantiles(
  v: Float64Array,
  p: Float64Array,
  lows: Float64Array,
  highs: Float64Array,
  q1: number,
  q2: number,
) {
  const groups = Array.from(lows, (low, b) => {
    const values: number[] = [];
    for (let i = 0; i < v.length; i++) {
      if ((low - v[i]) * (highs[b] - v[i]) < 0) values.push(p[i]);
    }
    return Float64Array.from(values);
  });
  return groupQuantiles(groups, q1, q2);
}

function plainRangeCounts(v: Float64Array, lo: number, hi: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const x of v) {
    if (x >= lo && x <= hi) counts[Math.min(bins - 1, Math.floor(((x - lo) / (hi - lo)) * bins))]++;
  }
  return counts;
}

/** Values around every edge (exactly on it, one and two ulps away) and random ones. */
function testValues(lows: Float64Array, highs: Float64Array, n: number, next: () => number) {
  const values: number[] = [NaN, Infinity, -Infinity, lows[0] - 1, highs[highs.length - 1] + 1];
  const ulp = (x: number, k: number) => {
    const buffer = new Float64Array([x]);
    const bits = new BigInt64Array(buffer.buffer);
    bits[0] += BigInt(x >= 0 ? k : -k);
    return buffer[0];
  };
  for (const edge of [...lows, ...highs]) {
    for (const k of [-2, -1, 0, 1, 2]) values.push(ulp(edge, k));
  }
  const span = highs[highs.length - 1] - lows[0];
  while (values.length < n) values.push(lows[0] - 0.1 * span + 1.2 * span * next());
  return Float64Array.from(values);
}

/** The conditional probability's bins (width 0.08 centred on 2, 2.08, …, 9.92). */
function conditionalBins() {
  const step = 0.08;
  const centres = arange(2, 10, step);
  const lows = Float64Array.from(centres, (c) => c - step / 2);
  const highs = Float64Array.from(centres, (c) => c + step / 2);
  return { step, centres, lows, highs };
}

/** binQuantiles() of the conditional probability's bins against the plain definition. */
function assertPlainConditional(v: Float64Array, p: Float64Array): void {
  const { centres, lows, highs } = conditionalBins();
  const range = { lo: 2, hi: 10, bins: 150 };
  const fast = binQuantiles(v, p, centres, lows, highs, 0.05, 0.95, { rangeCounts: range });
  const plain = plainBinQuantiles(v, p, lows, highs, 0.05, 0.95);
  deepStrictEqual(fast.means, plain.means);
  deepStrictEqual(fast.lower, plain.lower);
  deepStrictEqual(fast.upper, plain.upper);
  deepStrictEqual(fast.rangeCounts, plainRangeCounts(v, range.lo, range.hi, range.bins));
}

Deno.test("binQuantiles() equals the plain definition for the conditional probability's bins", () => {
  let seed = 99;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const { lows, highs } = conditionalBins();
  strictEqual(evenBinsPerSpacing(lows, highs) !== undefined, true, "the fast path applies");
  const v = testValues(lows, highs, 20000, next);
  assertPlainConditional(v, Float64Array.from(v, () => next() * 100));
});

Deno.test("binQuantiles() equals the plain definition with the edge values among clear ones", () => {
  // The fast path takes two samples at a time: each edge value, NaN and infinity here
  // is paired with a value clearly inside a bin, in either position, and the odd count
  // leaves one sample for the one-at-a-time tail.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const { step, centres, lows, highs } = conditionalBins();
  const edges = testValues(lows, highs, 0, next);
  const clear = (k: number) => centres[k % centres.length] + step / 4;
  const values: number[] = [];
  edges.forEach((x, k) => values.push(...(k % 2 === 0 ? [x, clear(k)] : [clear(k), x])));
  values.push(clear(3));
  const v = Float64Array.from(values);
  assertPlainConditional(v, Float64Array.from(v, () => next() * 100));
});

Deno.test("binQuantiles() equals the plain definition with overlapping and uneven bins", () => {
  let seed = 5;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const cases: [string, Float64Array, Float64Array, boolean][] = [];
  // Edges that overlap by a few ulps (a value there is in two bins) or leave gaps.
  const centres = Float64Array.from({ length: 40 }, (_, b) => -1 + 0.1 * b);
  cases.push([
    "overlapping edges",
    Float64Array.from(centres, (c) => c - 0.05 - 4e-16),
    Float64Array.from(centres, (c) => c + 0.05 + 4e-16),
    true,
  ]);
  cases.push([
    "gaps",
    Float64Array.from(centres, (c) => c - 0.03),
    Float64Array.from(centres, (c) => c + 0.03),
    true,
  ]);
  // Uneven spacing: the general path.
  const uneven = Float64Array.from({ length: 30 }, (_, b) => b * b * 0.01);
  cases.push([
    "uneven",
    Float64Array.from(uneven, (c) => c - 0.004),
    Float64Array.from(uneven, (c) => c + 0.004),
    false,
  ]);
  for (const [name, lows, highs, even] of cases) {
    strictEqual(evenBinsPerSpacing(lows, highs) !== undefined, even, `${name}: path`);
    const mids = Float64Array.from(lows, (low, b) => (low + highs[b]) / 2);
    const v = testValues(lows, highs, 5000, next);
    const p = Float64Array.from(v, () => next());
    const range = { lo: lows[0], hi: highs[highs.length - 1], bins: 7 };
    const got = binQuantiles(v, p, mids, lows, highs, 0.1, 0.9, { rangeCounts: range });
    const plain = plainBinQuantiles(v, p, lows, highs, 0.1, 0.9);
    deepStrictEqual(got.means, plain.means, name);
    deepStrictEqual(got.lower, plain.lower, name);
    deepStrictEqual(got.upper, plain.upper, name);
    deepStrictEqual(got.rangeCounts, plainRangeCounts(v, range.lo, range.hi, range.bins), name);
  }
});

Deno.test("evenBinsPerSpacing() refuses bins that are uneven or wider than their spacing", () => {
  strictEqual(evenBinsPerSpacing([0, 1, 2], [1, 2, 3]), 1);
  strictEqual(evenBinsPerSpacing([0, 1, 2.5], [1, 2, 3]), undefined);
  strictEqual(evenBinsPerSpacing([0, 1, 2], [1, 2.5, 3]), undefined);
  strictEqual(evenBinsPerSpacing([0], [1]), undefined);
  strictEqual(evenBinsPerSpacing([0, 0], [1, 1]), undefined);
});
