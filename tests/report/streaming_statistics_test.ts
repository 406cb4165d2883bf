// The streaming reductions of chunked reports against the same statistics of the
// concatenated samples (numpy-rounded, in the kernel), and the host histogram against the
// kernel's on random and edge-case columns.
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { numpyHistogram } from "../../src/kernel/statistics.ts";
import { sharedKernel } from "../../src/kernel/shared.ts";
import { hostHistogram } from "../../src/montecarlo/host_histogram.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { sampleStatistics } from "../../src/montecarlo/statistics.ts";
import {
  mergeMeanStd,
  weightedMean,
  weightedMeanCurve,
} from "../../src/report/streaming_statistics.ts";
import { assertClose } from "../_helpers/stats.ts";

Deno.test("mergeMeanStd and weightedMean equal the statistics of the concatenation", () => {
  const rng = createRng(7);
  const parts = [1000, 1000, 333, 1].map((n, i) => rng.lognormal(i, 1 + i / 2, n));
  const all = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const direct = sampleStatistics(all);
  const merged = mergeMeanStd(parts.map((p) => ({ n: p.length, ...sampleStatistics(p) })));
  strictEqual(merged.n, all.length);
  assertClose(merged.mean, direct.mean, { rel: 1e-13 }, "mean");
  assertClose(merged.std, direct.std, { rel: 1e-12 }, "std");
  const means = parts.map((p) => sampleStatistics(p).mean);
  const sizes = parts.map((p) => p.length);
  assertClose(weightedMean(means, sizes), direct.mean, { rel: 1e-13 }, "weighted mean");
  // One part is returned unchanged.
  const one = { n: 3, mean: 0.1 + 0.2, std: 1 / 3 };
  strictEqual(mergeMeanStd([one]), one);
  strictEqual(weightedMean([0.1 + 0.2], [7]), 0.1 + 0.2);
  deepStrictEqual(weightedMeanCurve([[1, 2], [3, 6]], [1, 3]), [2.5, 5]);
});

Deno.test("hostHistogram equals the kernel's histogram bit for bit", () => {
  const rng = createRng(11);
  const columns: Float64Array[] = [
    rng.lognormal(0, 3, 100_000),
    rng.uniform(-5, 5, 10_001),
    Float64Array.of(0, -0, 5e-324, 1e-310, 1e21, 2 ** 53, 1e308),
    Float64Array.of(4.2),
    new Float64Array(1000).fill(7),
    new Float64Array(0),
    Float64Array.from({ length: 1000 }, (_, i) => i / 10),
    // Every remainder of the kernel's four-at-a-time count, with runs in one bin.
    Float64Array.of(1, 2),
    Float64Array.of(3, 1, 2),
    Float64Array.of(0, 0, 0, 0, 9),
    Float64Array.of(2, 2, 2, 2, 2, 8),
  ];
  const kernel = sharedKernel();
  for (const x of columns) {
    for (const [bins, divisor] of [[100, 100], [30, 1], [7, 3]]) {
      const expected = numpyHistogram(kernel, x, bins, divisor);
      const found = hostHistogram(x, bins, divisor);
      deepStrictEqual(found.edges, expected.edges, `edges, n ${x.length}, bins ${bins}`);
      deepStrictEqual(found.counts, expected.counts, `counts, n ${x.length}, bins ${bins}`);
    }
  }
});
