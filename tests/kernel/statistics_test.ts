import { strictEqual } from "node:assert/strict";
import { takeColumn } from "../../src/kernel/column_arena.ts";
import { withKernelComputation } from "../../src/kernel/shared.ts";
import {
  kernelSum,
  meanNewCases,
  numpyMeanStd,
  weightedTotals,
} from "../../src/kernel/statistics.ts";
import { mean, sum } from "../../src/model/vec.ts";

/**
 * A column of n probabilities (%), spread over 0–100 and tiny (in the kernel's memory
 * inside a kernel computation when n >= 8192).
 */
function probabilities(n: number, seed: number): Float64Array {
  const column = takeColumn(n);
  for (let i = 0; i < n; i++) {
    const f = (i * 0.6180339887498949 + seed * 0.1234) % 1;
    column[i] = i % 7 === 0 ? f * 1e-9 : 100 * f * f;
  }
  return column;
}

Deno.test("meanNewCases() is np.mean of the new-cases column, bit for bit", () => {
  // Lengths across numpy's buffered chunks (8192) and pairwise blocks (8, 128); columns
  // of 8192 values and more are the kernel's (64 KiB, see column_arena.ts).
  for (const n of [8192, 8193, 8192 + 135, 2 * 8192 + 77, 250_000]) {
    withKernelComputation(() => {
      const lr = probabilities(n, 1);
      const sr = probabilities(n, 2);
      for (const [away, near] of [[7, 0], [3, 2], [0, 5]]) {
        const column = new Float64Array(n);
        for (let i = 0; i < n; i++) column[i] = lr[i] / 100 * away + sr[i] / 100 * near;
        strictEqual(meanNewCases(lr, sr, away, near), mean(column), `n ${n}, ${away} + ${near}`);
        // One column for both (no short-range interactions).
        for (let i = 0; i < n; i++) column[i] = lr[i] / 100 * away + lr[i] / 100 * near;
        strictEqual(meanNewCases(lr, lr, away, near), mean(column), `n ${n}, one column`);
      }
    });
  }
});

Deno.test("meanNewCases() leaves columns outside the kernel, or of unequal lengths, to the caller", () => {
  const outside = new Float64Array(1000).fill(50);
  strictEqual(meanNewCases(outside, outside, 1, 0), undefined);
  withKernelComputation(() => {
    strictEqual(meanNewCases(probabilities(1000, 3), probabilities(1000, 3), 1, 0), undefined);
    const inside = probabilities(10_000, 3);
    strictEqual(meanNewCases(inside, new Float64Array(10_000), 1, 0), undefined);
    strictEqual(meanNewCases(inside, inside.subarray(0, 9_999), 1, 0), undefined);
  });
});

Deno.test("numpyMeanStd() gives np.mean and np.std (two passes), bit for bit", () => {
  withKernelComputation((kernel) => {
    for (const n of [1, 9, 130, 8193, 50_001]) {
      const x = probabilities(n, 4);
      const m = mean(x);
      // np.std: sqrt(np.mean((x - mean)**2)).
      const squares = x.map((v) => (v - m) * (v - m));
      const { mean: found, std } = numpyMeanStd(kernel, x);
      strictEqual(found, m, `mean, n ${n}`);
      strictEqual(std, Math.sqrt(mean(squares)), `std, n ${n}`);
    }
  });
});

Deno.test("sum() of a kernel column (in the kernel) equals the TypeScript sum of a copy", () => {
  withKernelComputation(() => {
    for (const n of [8192, 8199, 3 * 8192 + 1000, 250_000]) {
      const x = probabilities(n, 5);
      const copy = x.slice();
      const inKernel = kernelSum(x);
      strictEqual(inKernel !== undefined, true, `n ${n}: summed in the kernel`);
      strictEqual(inKernel, sum(copy), `n ${n}`);
      strictEqual(sum(x), sum(copy), `n ${n}: sum() goes through the kernel`);
      strictEqual(kernelSum(copy), undefined, `n ${n}: a copy is not in the kernel`);
    }
  });
});

Deno.test("weightedTotals() equals the running sums of a loop, bit for bit", () => {
  withKernelComputation(() => {
    const n = 8192 + 333;
    const b = probabilities(n, 6);
    const w = probabilities(n, 7);
    for (const weights of [w, 1, 0.37]) {
      let total = 0;
      let weighted = 0;
      for (let i = 0; i < n; i++) {
        const wi = typeof weights === "number" ? weights : weights[i];
        total += wi;
        weighted += wi * b[i];
      }
      const found = weightedTotals(weights, b);
      strictEqual(found?.[0], total, "Σ w");
      strictEqual(found?.[1], weighted, "Σ w b");
    }
    strictEqual(weightedTotals(w, b.slice()), undefined, "b outside the kernel");
    strictEqual(weightedTotals(w.slice(), b), undefined, "w outside the kernel");
    strictEqual(weightedTotals(1, probabilities(100, 1)), undefined, "100 samples");
  });
});
