import { strictEqual } from "node:assert/strict";
import { createKernel } from "../../src/kernel/kernel.ts";

/** Σ_i w_i T_k(x_i) for k < K, directly (recurrence per sample, long-double-free). */
function directMoments(x: Float64Array, w: Float64Array | number, K: number): number[] {
  const out = new Array<number>(K).fill(0);
  for (let i = 0; i < x.length; i++) {
    const wi = typeof w === "number" ? w : w[i];
    let older = 1;
    let newer = x[i];
    for (let k = 0; k < K; k++) {
      const t = k === 0 ? 1 : k === 1 ? x[i] : 2 * x[i] * newer - older;
      if (k >= 2) {
        older = newer;
        newer = t;
      }
      out[k] += wi * t;
    }
  }
  return out;
}

Deno.test("chebyshev_moments() equals the direct sums for any count, degree and weights", () => {
  const kernel = createKernel();
  let state = 11;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  // Counts around the block (256) and odd tails; degrees below, at and past a group of
  // four; one, two and three weights with scalars among them.
  for (const n of [1, 2, 7, 255, 256, 257, 1001]) {
    for (const K of [1, 2, 3, 6, 17]) {
      for (const nw of [1, 2, 3]) {
        const x = Float64Array.from({ length: n }, () => 2 * next() - 1);
        const weights: (Float64Array | number)[] = Array.from(
          { length: nw },
          (_, w) => w === 1 ? 0.75 : Float64Array.from({ length: n }, () => next()),
        );
        const got = kernel.scope(() => {
          const xp = kernel.put(x);
          const ptrs = weights.map((w) => typeof w === "number" ? 0 : kernel.put(w));
          const weightPtrs = kernel.alloc(nw * 4);
          kernel.u32(weightPtrs, nw).set(ptrs);
          const scalars = kernel.put(weights.map((w) => typeof w === "number" ? w : 0));
          const out = kernel.alloc(nw * K * 8);
          const scratch = kernel.alloc(6 * 256 * 8);
          kernel.exports.chebyshev_moments(xp, n, K, nw, weightPtrs, scalars, out, scratch);
          return Array.from(kernel.f64(out, nw * K));
        });
        weights.forEach((w, wi) => {
          const want = directMoments(x, w, K);
          for (let k = 0; k < K; k++) {
            const diff = Math.abs(got[wi * K + k] - want[k]);
            strictEqual(diff <= 1e-12 * n, true, `n ${n} K ${K} w ${wi} k ${k}: ${diff}`);
          }
        });
      }
    }
  }
});
