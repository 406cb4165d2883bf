import { strictEqual } from "node:assert/strict";
import { createKernel } from "../../src/kernel/kernel.ts";

Deno.test("infection_percent() is (1 − exp_glibc(−x)) · 100 element by element", () => {
  for (const softwareFma of [false, true]) {
    const kernel = createKernel({ softwareFma });
    const k = kernel.exports;
    // Odd length (the last value alone), zero, tiny and large doses, and exp's special
    // range (x >= 745 underflows e^(−x) to 0).
    const xs = [0, 1e-300, 1e-12, 0.01, 0.5, 1, 3.7, 20, 700, 745.2, 1e6, 0.25, 2e-5];
    kernel.scope(() => {
      const p = kernel.put(xs);
      k.infection_percent(p, xs.length);
      const got = kernel.f64(p, xs.length);
      xs.forEach((x, i) => {
        strictEqual(got[i], (1 - k.exp_glibc(-x)) * 100, `${softwareFma} x = ${x}`);
      });
    });
  }
});
