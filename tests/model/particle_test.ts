import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { takeColumn, withColumnArena } from "../../src/kernel/column_arena.ts";
import { sharedKernel } from "../../src/kernel/shared.ts";
import { aerosols } from "../../src/model/expiration.ts";
import {
  fractionDeposited,
  fractionDepositedOver,
  settlingVelocity,
  settlingVelocityOfDiameter,
} from "../../src/model/particle.ts";
import { EMISSION_HEIGHT_M } from "../../src/model/concentration.ts";
import { createKernel } from "../../src/kernel/kernel.ts";
import { assertClose } from "../_helpers/stats.ts";

// The kernel computes long diameter columns (asm/particles.ts); each value must equal its
// scalar TypeScript twin within an ulp or two (AS and V8 exp/log/pow differ in the last bit).
// 3001 diameters: several of the kernel's 256-sample chunks, a partial one and an odd tail.
const d = Float64Array.from({ length: 3001 }, (_, i) => 0.1 + i * 0.0333);

Deno.test("fractionDeposited() on a column equals the scalar formula per sample", () => {
  const column = fractionDeposited(d, 0.3) as Float64Array;
  strictEqual(column.length, d.length);
  d.forEach((x, i) => assertClose(column[i], fractionDeposited(x, 0.3) as number, { rel: 1e-15 }));
  strictEqual(fractionDeposited(undefined), 0.6);
  assertClose(settlingVelocity(2.5 / 0.3, 0.3) as number, 1.88e-4, { rel: 1e-15 });
});

for (
  const [name, mask] of [
    ["fitted exhale efficiency", { etaInhale: 0, factorExhale: 0.7 }],
    ["fixed exhale efficiency", { etaInhale: 0.2, etaExhale: 0.35, factorExhale: 1 }],
    ["per-sample exhale efficiency", {
      etaInhale: 0.2,
      etaExhale: Float64Array.from(d, (_, i) => 0.2 + (i % 7) * 0.04),
      factorExhale: 1,
    }],
  ] as const
) {
  Deno.test(`aerosols() on a column equals the scalar formula per sample (${name})`, () => {
    const column = aerosols({ kind: "single", diameter: d, cn: 0.7 }, mask) as Float64Array;
    d.forEach((x, i) => {
      const eta = mask.etaExhale;
      const one = { ...mask, etaExhale: typeof eta === "object" ? eta[i] : eta };
      assertClose(column[i], aerosols({ kind: "single", diameter: x, cn: 0.7 }, one) as number, {
        rel: 1e-15,
      });
    });
  });
}

Deno.test("the kernel's deposition rate equals the settling velocity per hour over 1.5 m", () => {
  const kernel = createKernel();
  const got = kernel.scope(() => {
    const out = kernel.alloc(d.length * 8);
    kernel.exports.deposition_rate(out, kernel.put(d), d.length, 0.3);
    return kernel.f64(out, d.length).slice();
  });
  // The same operations in the same order: equal to the last bit.
  d.forEach((x, i) =>
    strictEqual(got[i], (settlingVelocityOfDiameter(x, 0.3) * 3600) / EMISSION_HEIGHT_M, `${i}`)
  );
});

Deno.test("fractionDepositedOver(): the fractions of fractionDeposited, written over the diameters (in the kernel, outside it, and below the kernel's length)", () => {
  const diameters = (n: number) => Float64Array.from({ length: n }, (_, i) => 0.1 + i * 0.37);
  for (const n of [10, 63, 64, 1000, 20_000]) {
    for (const evaporation of [0.3, 1]) {
      withColumnArena(() => {
        const expected = fractionDeposited(diameters(n), evaporation) as Float64Array;
        // In the kernel's column heap (from 8,192 samples), else a plain array.
        const inKernel = takeColumn(n);
        inKernel.set(diameters(n));
        const plain = diameters(n);
        for (const column of [inKernel, plain]) {
          strictEqual(fractionDepositedOver(column, evaporation), column);
          deepStrictEqual(Array.from(column), Array.from(expected), `n = ${n}`);
        }
        strictEqual(sharedKernel().owns(inKernel), n >= 8192);
      }, sharedKernel());
    }
  }
});
