import { strictEqual } from "node:assert/strict";
import { createKernel } from "../../src/kernel/kernel.ts";

/** The summed doses as src/model/exposure.ts defines them, in plain TypeScript. */
function expected(rows: number[][], factors: (Float64Array | number)[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const f = (k: number) => {
      const v = factors[k];
      return typeof v === "number" ? v : v[i];
    };
    let total = 0;
    rows.forEach((row, p) => {
      let dose = 0 + row[0] * f(0);
      for (let k = 1; k < row.length; k++) dose = dose + row[k] * f(k);
      total = p === 0 ? dose : total + dose;
    });
    return total;
  });
}

Deno.test("interval_doses() equals the interval-by-interval sums bit for bit", () => {
  const kernel = createKernel();
  let state = 5;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  for (const n of [1, 2, 7, 1000]) {
    for (const intervals of [0, 1, 3, 8]) {
      for (const factorCount of [1, 2, 3]) {
        const rows = Array.from(
          { length: intervals },
          () => Array.from({ length: factorCount }, () => next() * 1e-3),
        );
        const factors = Array.from(
          { length: factorCount },
          (_, k) => k === 1 ? 0.3 : Float64Array.from({ length: n }, () => next() * 1e5),
        );
        const got = kernel.scope(() => {
          const ptrs = factors.map((f) => typeof f === "number" ? 0 : kernel.put(f));
          const factorPtrs = kernel.alloc(factorCount * 4);
          kernel.u32(factorPtrs, factorCount).set(ptrs);
          const scalars = kernel.put(factors.map((f) => typeof f === "number" ? f : 0));
          const out = kernel.alloc(n * 8);
          const exposures = kernel.put(rows.length > 0 ? rows.flat() : [0]);
          kernel.exports.interval_doses(
            out,
            n,
            exposures,
            intervals,
            factorCount,
            factorPtrs,
            scalars,
          );
          return Array.from(kernel.f64(out, n));
        });
        const want = expected(rows, factors, n);
        const differing = got.filter((v, i) => !Object.is(v, want[i])).length;
        strictEqual(differing, 0, `n ${n}, ${intervals} intervals, ${factorCount} factors`);
      }
    }
  }
});
