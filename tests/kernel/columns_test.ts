import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { takeColumn } from "../../src/kernel/column_arena.ts";
import { chebyshevMoments, clenshawColumn, log10Into, sumGrid } from "../../src/kernel/columns.ts";
import { createKernel } from "../../src/kernel/kernel.ts";
import { sharedKernel, withKernelComputation } from "../../src/kernel/shared.ts";

/** T_k(x) by the defining recurrence T_0 = 1, T_1 = x, T_{k+1} = 2x T_k − T_{k−1}. */
function chebyshevT(k: number, x: number): number {
  let [a, b] = [1, x];
  if (k === 0) return a;
  for (let j = 1; j < k; j++) [a, b] = [b, 2 * x * b - a];
  return b;
}

Deno.test("sumGrid() covers the items in order, in at most 64 parts of whole steps", () => {
  deepStrictEqual(sumGrid(10, 2), [{ start: 0, count: 10 }]);
  deepStrictEqual(sumGrid(0, 2), [{ start: 0, count: 0 }]);
  for (const [n, step] of [[16_384, 2], [250_000, 256], [1_000_001, 1], [99_999, 256]]) {
    const grid = sumGrid(n, step);
    strictEqual(grid.length <= 64, true, `${n}: ${grid.length} parts`);
    let next = 0;
    grid.forEach((part, i) => {
      strictEqual(part.start, next, `${n}: part ${i} starts where the previous ended`);
      if (i < grid.length - 1) strictEqual(part.count % step, 0, `${n}: part ${i} whole steps`);
      next += part.count;
    });
    strictEqual(next, n);
  }
});

Deno.test("chebyshevMoments() equals Σ_i w_i T_k(x_i) summed plainly", () => {
  const kernel = createKernel();
  const n = 40_000;
  const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.37));
  const w = Float64Array.from({ length: n }, (_, i) => 1 + (i % 13) / 7);
  const K = 12;
  const [byColumn, byScalar] = chebyshevMoments(kernel, x, [w, 2.5], K);
  for (let k = 0; k < K; k++) {
    let plainColumn = 0;
    let plainScalar = 0;
    for (let i = 0; i < n; i++) {
      plainColumn += w[i] * chebyshevT(k, x[i]);
      plainScalar += 2.5 * chebyshevT(k, x[i]);
    }
    const scale = n * 3;
    strictEqual(Math.abs(byColumn[k] - plainColumn) <= 1e-12 * scale, true, `k=${k} column`);
    strictEqual(Math.abs(byScalar[k] - plainScalar) <= 1e-12 * scale, true, `k=${k} scalar`);
  }
});

Deno.test("clenshawColumn() equals Σ_k a_k T_k(x) term by term", () => {
  const kernel = createKernel();
  const a = [0.5, -1.25, 0.75, 0.1, -0.02, 0.003];
  const x = Float64Array.from({ length: 1001 }, (_, i) => -1 + i / 500);
  const got = clenshawColumn(kernel, a, x);
  x.forEach((xi, i) => {
    const plain = a.reduce((sum, ak, k) => sum + ak * chebyshevT(k, xi), 0);
    strictEqual(Math.abs(got[i] - plain) <= 1e-14 * 4, true, `x=${xi}: ${got[i]} vs ${plain}`);
  });
});

Deno.test("log10Into() writes a kernel column in place and a plain array by copy, alike", () => {
  const x = Float64Array.from({ length: 10_001 }, (_, i) => 10 ** (2 + (8 * i) / 10_000) * 1.0001);
  const plain = new Float64Array(x.length);
  log10Into(x, plain);
  // Every value is glibc's log10 to within an ulp of V8's.
  plain.forEach((v, i) => {
    strictEqual(Math.abs(v - Math.log10(x[i])) <= 2 * Number.EPSILON * Math.abs(v), true, `${i}`);
  });
  const inKernel = withKernelComputation(() => {
    const column = takeColumn(x.length);
    strictEqual(sharedKernel().owns(column), true, "a kernel column");
    log10Into(x, column);
    return column.slice();
  });
  deepStrictEqual(inKernel, plain);
  throws(() => log10Into(x, new Float64Array(3)), RangeError);
});
