import { deepStrictEqual, notDeepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { histogram, sampleStatistics } from "../../src/montecarlo/statistics.ts";
import { hostHistogram } from "../../src/montecarlo/host_histogram.ts";
import { mean as vecMean, sum as vecSum } from "../../src/model/vec.ts";
import { assertClose } from "../_helpers/stats.ts";

// numpy results for deterministic columns (scripts/fixtures/numpy_statistics.py).
const fixture = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/numpy_statistics.json", import.meta.url)),
) as {
  cases: {
    n: number;
    scale: number;
    offset: number;
    sum: number;
    mean: number;
    std: number;
    counts: number[];
    edges: number[];
  }[];
};

function column(n: number, scale: number, offset: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = (i * 0.6180339887498949) % 1.0;
    x[i] = f * f * f * scale + offset;
  }
  return x;
}

for (const c of fixture.cases) {
  Deno.test(`statistics equal numpy's exactly (n=${c.n}, scale=${c.scale})`, () => {
    const x = column(c.n, c.scale, c.offset);
    const stats = sampleStatistics(x);
    strictEqual(stats.mean, c.mean, "mean");
    // np.std's inner sum may chunk differently from np.sum for some lengths (numpy 2.4
    // here; the reference used 1.24): equal within an ulp or two.
    assertClose(stats.std, c.std, { rel: 5e-16 }, "std");
    strictEqual(vecSum(x), c.sum, "TypeScript sum");
    strictEqual(vecMean(x), c.mean, "TypeScript mean");
    const h = histogram(x, 100);
    deepStrictEqual(Array.from(h.counts), c.counts);
    deepStrictEqual(Array.from(h.edges), c.edges);
  });
}

for (const n of [fixture.cases[0].n, 50_001]) {
  Deno.test(`histogram() with a divisor is the histogram of x / divisor (n=${n})`, () => {
    const x = column(n, fixture.cases[0].scale, fixture.cases[0].offset);
    const divided = histogram(x, 100, 100);
    const plain = histogram(x.map((v) => v / 100), 100);
    deepStrictEqual(Array.from(divided.counts), Array.from(plain.counts));
    deepStrictEqual(Array.from(divided.edges), Array.from(plain.edges));
    notDeepStrictEqual(Array.from(divided.edges), Array.from(histogram(x, 100).edges));
  });
}

Deno.test("histogram() rejects a bad bin count", () => {
  throws(() => histogram(Float64Array.of(1, 2), 0), /positive integer number of bins/);
});

Deno.test("histogram() bins values on and next to every edge as numpy's rules do", () => {
  // The kernel takes four samples at a time with its edge corrections done without
  // branches; hostHistogram (TypeScript) is the one-at-a-time reference here.
  const ulp = (x: number, k: number) => {
    const buffer = Float64Array.of(x);
    const bits = new BigInt64Array(buffer.buffer);
    bits[0] += BigInt(x >= 0 ? k : -k);
    return buffer[0];
  };
  // Far from 0 relative to their width, the last two bound the fast path (asm/reductions.ts):
  // its margin grows with max(|lo|, |hi|) / (hi − lo), and the last one turns it off.
  const ranges = [[0, 1, 30], [1e-3, 57.3, 100], [-2.5, 0.1, 7], [1e6, 1e6 + 1e-3, 30]];
  ranges.push([1e15, 1e15 + 4, 30]);
  for (const [lo, hi, bins] of ranges) {
    const edges = histogram(Float64Array.of(lo, hi), bins).edges;
    const values: number[] = [lo, hi];
    for (const edge of edges) {
      for (const k of [-2, -1, 0, 1, 2]) {
        const v = ulp(edge, k);
        if (v >= lo && v <= hi) values.push(v);
      }
    }
    let seed = 5;
    for (let i = 0; i < 999; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      values.push(lo + (hi - lo) * (seed / 2147483648));
    }
    // Each edge value in every position of a group of four.
    for (let shift = 0; shift < 4; shift++) {
      const x = Float64Array.from([...values.slice(shift), ...values.slice(0, shift)]);
      for (const divisor of [1, 100]) {
        const got = histogram(x, bins, divisor);
        const want = hostHistogram(x, bins, divisor);
        deepStrictEqual(Array.from(got.edges), Array.from(want.edges), `edges ${lo}..${hi}`);
        deepStrictEqual(Array.from(got.counts), Array.from(want.counts), `counts ${lo}..${hi}`);
      }
    }
  }
});
