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

/**
 * The loop `chebyshev_coefficients` replaced (src/model/chebyshev_batch.ts before it):
 * one expansion's coefficients and degree (0 when refused) from its values at K nodes.
 */
function coefficientsInTypeScript(
  values: (j: number) => number,
  K: number,
  cos: Float64Array,
  tail: number,
): { a: Float64Array; degree: number } {
  const folds = K / 2;
  const even = new Float64Array(folds);
  const odd = new Float64Array(folds);
  for (let j = 0; j < folds; j++) {
    const left = values(j);
    const right = values(K - 1 - j);
    even[j] = left + right;
    odd[j] = left - right;
  }
  const a = new Float64Array(K);
  for (let first = 0; first < K; first += 8) {
    for (let parity = 0; parity < 2; parity++) {
      const folded = parity === 0 ? even : odd;
      const k = first + parity;
      const sums = [0, 0, 0, 0];
      for (let j = 0; j < folds; j++) {
        for (let q = 0; q < 4; q++) sums[q] += folded[j] * cos[(k + 2 * q) * K + j];
      }
      a[k] = (k === 0 ? 1 : 2) * sums[0] / K;
      for (let q = 1; q < 4; q++) a[k + 2 * q] = 2 * sums[q] / K;
    }
  }
  let largest = 0;
  for (let k = 0; k < K; k++) largest = Math.max(largest, Math.abs(a[k]));
  const last = Math.max(Math.abs(a[K - 1]), Math.abs(a[K - 2]), Math.abs(a[K - 3]));
  if (!(last <= tail * largest || largest === 0)) return { a, degree: 0 };
  let degree = K;
  while (degree > 1 && Math.abs(a[degree - 1]) <= tail * largest) degree--;
  return { a, degree };
}

Deno.test("chebyshev_coefficients() equals the TypeScript loop bit for bit, refusals included", () => {
  const kernel = createKernel();
  let state = 5;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  for (const K of [8, 16, 64]) {
    const cos = Float64Array.from(
      { length: K * K },
      (_, i) => Math.cos(Math.PI * Math.floor(i / K) * ((i % K) + 0.5) / K),
    );
    const nodes = Array.from({ length: K }, (_, j) => Math.cos(Math.PI * (j + 0.5) / K));
    // Smooth expansions (cut early), rough ones (refused), constants and zeros.
    const shapes: ((x: number) => number)[] = [
      (x) => Math.exp(-3 * (x + 1)),
      (x) => (1 - Math.exp(-2 * (x + 1.5))) / (x + 1.5),
      () => 0,
      () => 2.5,
      () => next() - 0.5,
      (x) => Math.abs(x),
    ];
    const count = shapes.length * 3;
    const values = new Float64Array(K * count);
    for (let e = 0; e < count; e++) {
      const scale = 1 + e;
      for (let j = 0; j < K; j++) {
        values[j * count + e] = scale * shapes[e % shapes.length](nodes[j]);
      }
    }
    const expected = Array.from(
      { length: count },
      (_, e) => coefficientsInTypeScript((j) => values[j * count + e], K, cos, 1e-13),
    );
    kernel.scope(() => {
      const out = kernel.alloc(count * K * 8);
      const degrees = kernel.alloc(count * 4);
      const refused = kernel.exports.chebyshev_coefficients(
        kernel.put(values),
        count,
        K,
        kernel.put(cos),
        1e-13,
        out,
        degrees,
        kernel.alloc(K * 8),
      );
      const a = kernel.f64(out, count * K);
      const d = kernel.u32(degrees, count);
      strictEqual(refused, expected.filter((x) => x.degree === 0).length);
      // Both paths are exercised: refused expansions and expansions cut early.
      strictEqual(refused > 0, true, `K ${K}: some expansion is refused`);
      strictEqual(expected.some((x) => x.degree > 0 && x.degree < K), true, `K ${K}: some cut`);
      for (let e = 0; e < count; e++) {
        strictEqual(d[e], expected[e].degree, `K ${K}, expansion ${e}: degree`);
        for (let k = 0; k < K; k++) {
          strictEqual(
            Object.is(a[e * K + k], expected[e].a[k]),
            true,
            `K ${K}, expansion ${e}, a_${k}: ${a[e * K + k]} against ${expected[e].a[k]}`,
          );
        }
      }
    });
  }
});
