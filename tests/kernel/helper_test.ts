import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { createKernel, type Kernel, type KernelHelper } from "../../src/kernel/kernel.ts";
import { startHelper } from "../../src/kernel/helper.ts";
import { sharedKernel } from "../../src/kernel/shared.ts";
import { virusReport } from "../../src/report/virus_report.ts";
import { assertSameJson } from "../_helpers/same_json.ts";
import { fillGaussianColumn, type GaussianMode } from "../../src/montecarlo/gaussian_column.ts";
import { createRng, type Rng } from "../../src/montecarlo/rng.ts";
import { customDistribution, generateSamples } from "../../src/montecarlo/distributions.ts";
import { interpTable } from "../../src/montecarlo/interp.ts";
import { histogram } from "../../src/montecarlo/statistics.ts";
import { expirationDistribution } from "../../src/montecarlo/expiration_distribution.ts";

// The helper thread must change nothing but the time: every value, and the generator's
// state afterwards, as on one thread (src/kernel/helper.ts, Kernel.runParts).

/**
 * Fails on the first difference between two lists of columns, with a short message (a
 * failing deep comparison of columns this long would try to print them all).
 */
function assertSameColumns(got: Float64Array[], expected: Float64Array[]): void {
  strictEqual(got.length, expected.length);
  got.forEach((column, c) => {
    strictEqual(column.length, expected[c].length, `column ${c} length`);
    const i = column.findIndex((v, j) => !Object.is(v, expected[c][j]));
    strictEqual(i, -1, `column ${c} differs at ${i}: ${column[i]} ≠ ${expected[c][i]}`);
  });
}

/** A helper that does nothing itself (`ready` false unless overridden), for the kernel's own paths. */
function fakeHelper(fields: Partial<KernelHelper>): KernelHelper {
  return {
    ready: () => false,
    keepAwake: () => {},
    run: () => [],
    later: () => {},
    finishLater: () => [],
    ...fields,
  };
}

/**
 * A kernel with a started helper, once the helper is ready; undefined (the test then
 * records itself as skipped) when no helper comes up.
 */
async function kernelWithHelper(
  t: Deno.TestContext,
  kernel: Kernel = createKernel(),
): Promise<{ kernel: Kernel; helper: KernelHelper } | undefined> {
  const helper = startHelper(kernel);
  for (let i = 0; i < 200 && helper !== undefined && !helper.ready(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (helper === undefined || !helper.ready()) {
    await t.step({ name: "no worker thread here: skipped", ignore: true, fn: () => {} });
    return undefined;
  }
  return { kernel, helper };
}

/** Draws a mix of columns (sizes around the split threshold, odd ones, cached values). */
function draws(rng: Rng): Float64Array[] {
  const params = {
    cn: { B: 0.06, L: 0.2, O: 0.0010008 },
    mu: { B: 0.989541, L: 1.38629, O: 4.97673 },
    sigma: { B: 0.262364, L: 0.506818, O: 0.585005 },
  };
  const diameter = expirationDistribution(params, { B: 1, L: 1, O: 1 }, {
    minDiameter: 0.1,
    maxDiameter: 30,
  }).diameter;
  // A peaked density: about half of round 0 is rejected, and later rounds follow.
  const grid = Array.from({ length: 200 }, (_, i) => i / 20);
  const viralLoad = customDistribution(
    [0, 9.95],
    interpTable(grid, grid.map((x) => Math.exp(-((x - 4) ** 2)))),
    1,
    { log10: true },
  );
  // 10^x of values around 0: about one in nine below 2^-53, left by the kernel to `**`.
  const nearOne = customDistribution([-1e-15, 1e-15], (x) => x.map(() => 1), 1, { log10: true });
  return [
    rng.normal(1, 2, 3),
    generateSamples(viralLoad, rng, 60_001),
    generateSamples(nearOne, rng, 30_001),
    rng.lognormal(-0.69, 0.1, 70_001),
    rng.normal(0, 1, 40_000),
    rng.lognormal(0.5, 0.3, 65_536),
    generateSamples(diameter, rng, 50_001),
    rng.randomSample(5),
  ];
}

Deno.test("a helper thread leaves every draw and the generator's state unchanged", async (t) => {
  const pair = await kernelWithHelper(t);
  if (pair === undefined) return;
  const parallel = createRng(7, { kernel: pair.kernel });
  const serial = createRng(7);
  strictEqual(pair.kernel.splits(100_000), true);
  const columns = draws(parallel);
  assertSameColumns(columns, draws(serial));
  deepStrictEqual(parallel.getState(), serial.getState());
  const withHelper = histogram(pair.kernel, columns[1], 100);
  deepStrictEqual(withHelper, histogram(createKernel(), columns[1], 100));
  strictEqual(withHelper.counts.reduce((a, b) => a + b, 0), columns[1].length);
  strictEqual(columns[2].every((v) => Math.abs(v - 1) < 1e-14), true);
});

Deno.test("parts() is a fixed grid of whole steps covering the items", () => {
  const kernel = createKernel();
  deepStrictEqual(kernel.parts(10), [{ start: 0, count: 10 }]);
  deepStrictEqual(kernel.parts(0), [{ start: 0, count: 0 }]);
  for (const [n, step] of [[16_386, 2], [100_001, 2], [250_000, 256], [125_000, 1], [5e6, 2]]) {
    const parts = kernel.parts(n, step);
    strictEqual(parts.length > 1 && parts.length <= 64, true, `${n}: ${parts.length} parts`);
    let next = 0;
    for (const [i, part] of parts.entries()) {
      strictEqual(part.start, next);
      if (i < parts.length - 1) strictEqual(part.count % step, 0);
      strictEqual(part.count > 0, true);
      next += part.count;
    }
    strictEqual(next, n);
    // The same grid for a kernel with a (fake) helper.
    const other = createKernel();
    other.attachHelper(fakeHelper({ ready: () => true, run: () => undefined }));
    deepStrictEqual(other.parts(n, step), parts);
  }
});

Deno.test("split() runs a column task by parts on both threads, as on one", async (t) => {
  const pair = await kernelWithHelper(t);
  if (pair === undefined) return;
  const n = 100_001;
  const d = Float64Array.from({ length: n }, (_, i) => 0.1 + (i % 3000) * 0.01);
  const run = (kernel: Kernel) =>
    kernel.scope(() => {
      const input = kernel.put(d);
      const out = kernel.alloc(n * 8);
      kernel.split("fraction_deposited", n, (start, count) => [
        out + start * 8,
        input + start * 8,
        count,
        0.3,
      ]);
      return kernel.f64(out, n).slice();
    });
  assertSameColumns([run(pair.kernel)], [run(createKernel())]);
});

Deno.test("runParts() does the parts the helper left undone when it fails, each once", () => {
  const kernel = createKernel();
  const calls: number[][] = [];
  kernel.attachHelper(fakeHelper({
    ready: () => true,
    run(_task, parts, runHere) {
      // This thread takes the first part; the helper finished the second one (played
      // here) and failed on the others, which it leaves to this thread.
      calls.push([parts.length]);
      runHere(0);
      runHere(1);
      return parts.map((_, i) => i).slice(2);
    },
  }));
  const n = 40_000;
  const p = kernel.put(Float64Array.from({ length: n }, (_, i) => i / n));
  // In place: a part done twice would show.
  kernel.split("infection_percent", n, (start, count) => [p + start * 8, count]);
  const got = kernel.f64(p, n).slice();
  const reference = createKernel();
  const q = reference.put(Float64Array.from({ length: n }, (_, i) => i / n));
  reference.exports.infection_percent(q, n);
  assertSameColumns([got], [reference.f64(q, n).slice()]);
  deepStrictEqual(calls, [[kernel.parts(n).length]]);
  strictEqual(kernel.parts(n).length > 1, true);
  // Not used again.
  strictEqual(kernel.splits(n), false);
});

Deno.test("fillGaussianColumn() equals fill_normal / fill_lognormal, cache included", () => {
  for (const mode of ["normal", "lognormal"] as GaussianMode[]) {
    for (const n of [1, 2, 3, 1001, 20_000]) {
      const a = createRng(3);
      const b = createRng(3);
      // An odd draw first leaves a cached value for the next one.
      a.normal(0, 1, 1);
      b.normal(0, 1, 1);
      const expected = mode === "normal" ? a.normal(0.5, 2, n) : a.lognormal(0.5, 0.2, n);
      const got = b.kernel.scope(() => {
        const out = b.kernel.alloc(n * 8);
        fillGaussianColumn(b.kernel, b.statePtr, out, n, 0.5, mode === "normal" ? 2 : 0.2, mode);
        return b.kernel.f64(out, n).slice();
      });
      assertSameColumns([got], [expected]);
      deepStrictEqual(b.getState(), a.getState(), `${mode} n=${n} state`);
    }
  }
});

Deno.test("a report is the same with and without the helper thread", async (t) => {
  const pair = await kernelWithHelper(t, sharedKernel());
  if (pair === undefined) return;
  const { kernel, helper } = pair;
  const read = async (name: string) =>
    JSON.parse(
      await Deno.readTextFile(new URL(`../fixtures/reference/${name}.in.json`, import.meta.url)),
    );
  // Short-range interactions, dynamic occupancy, masks, the conditional probability:
  // every split task is reached.
  const options = { seed: 5, sampleSize: 40_000, year: 2026 };
  const names = [
    "s3_mech_masks_shortrange",
    "s4_dynamic_occupancy_hvac_ffp2",
    "s6_precise_activity_cond_prob",
  ];
  for (const name of names) {
    const input = await read(name);
    kernel.attachHelper(helper);
    const withHelper = virusReport(input, options);
    kernel.attachHelper(fakeHelper({}));
    assertSameJson(virusReport(input, options), withHelper, name);
  }
  kernel.attachHelper(helper);
});

Deno.test("runParts() throws a part's error once every part taken is done", async (t) => {
  const pair = await kernelWithHelper(t);
  if (pair === undefined) return;
  const { kernel } = pair;
  const n = 16 * 16_384;
  const d = Float64Array.from({ length: n }, (_, i) => 0.1 + (i % 3000) * 0.01);
  const input = kernel.put(d);
  const out = kernel.alloc(n * 8);
  const parts = kernel.parts(n);
  // The last part points past the end of the memory and traps, on whichever thread
  // takes it; every part before it is taken first and must be complete.
  throws(() =>
    kernel.runParts(
      "fraction_deposited",
      parts.map((q, i) => [
        i === parts.length - 1 ? 2 ** 31 : out + q.start * 8,
        input + q.start * 8,
        q.count,
        0.3,
      ]),
    )
  );
  const done = parts[parts.length - 1].start;
  const reference = createKernel();
  const expected = reference.scope(() => {
    const r = reference.alloc(done * 8);
    reference.exports.fraction_deposited(r, reference.put(d.subarray(0, done)), done, 0.3);
    return reference.f64(r, done).slice();
  });
  assertSameColumns([kernel.f64(out, done).slice()], [expected]);
});

Deno.test("awake() keeps the helper awake for its body, also when the body throws", () => {
  const kernel = createKernel();
  const calls: boolean[] = [];
  kernel.attachHelper(fakeHelper({
    ready: () => true,
    keepAwake: (on) => calls.push(on),
    run: () => undefined,
  }));
  strictEqual(kernel.awake(() => kernel.awake(() => 7)), 7);
  throws(() =>
    kernel.awake(() => {
      throw new Error("boom");
    }), /boom/);
  deepStrictEqual(calls, [true, true, false, false, true, false]);
  // Without a helper the body just runs.
  strictEqual(createKernel().awake(() => 8), 8);
});

Deno.test("later() runs a task in the background on the helper, the same as here", async (t) => {
  const pair = await kernelWithHelper(t);
  if (pair === undefined) return;
  const { kernel } = pair;
  const n = 200_001;
  const d = kernel.column(n);
  d.set(Float64Array.from({ length: n }, (_, i) => 0.1 + (i % 3000) * 0.01));
  const out = kernel.column(n);
  const args = (k: Kernel, o: number, x: number) =>
    k.parts(n).map((q) => [o + q.start * 8, x + q.start * 8, q.count, 0.3]);
  const finish = kernel.awake(() => {
    const f = kernel.later("fraction_deposited", args(kernel, out.byteOffset, d.byteOffset));
    // The helper works meanwhile; a second finish is harmless.
    const until = performance.now() + 5;
    while (performance.now() < until);
    f();
    return f;
  });
  finish();
  const reference = createKernel();
  const expected = reference.scope(() => {
    const o = reference.alloc(n * 8);
    reference.exports.fraction_deposited(o, reference.put(d), n, 0.3);
    return reference.f64(o, n).slice();
  });
  assertSameColumns([out.slice()], [expected]);
  strictEqual(kernel.splits(n), true);
});

Deno.test("later(): parts the helper left undone are done here; awake() finishes it", () => {
  const kernel = createKernel();
  const finished: string[] = [];
  kernel.attachHelper(fakeHelper({
    ready: () => true,
    later: (task) => finished.push(`later ${task}`),
    // The helper did nothing and failed: every part is left to this thread.
    finishLater: () => {
      finished.push("finish");
      return kernel.parts(n).map((_, i) => i);
    },
  }));
  const n = 40_000;
  const p = kernel.put(Float64Array.from({ length: n }, (_, i) => i / n));
  const args = kernel.parts(n).map((q) => [p + q.start * 8, q.count]);
  kernel.awake(() => {
    kernel.later("infection_percent", args);
  });
  deepStrictEqual(finished, ["later infection_percent", "finish"]);
  const reference = createKernel();
  const q = reference.put(Float64Array.from({ length: n }, (_, i) => i / n));
  reference.exports.infection_percent(q, n);
  assertSameColumns([kernel.f64(p, n).slice()], [reference.f64(q, n).slice()]);
  // Not used again: without a helper, later() runs the parts at once.
  strictEqual(kernel.splits(n), false);
  const r = kernel.put([1, 2]);
  kernel.later("infection_percent", [[r, 1], [r + 8, 1]]);
  strictEqual(kernel.f64(r, 2)[1], (1 - Math.exp(-2)) * 100);
});

Deno.test("later(): a part that throws is thrown by the finish, which does not hang", async (t) => {
  const pair = await kernelWithHelper(t);
  if (pair === undefined) return;
  const { kernel } = pair;
  const n = 16 * 16_384;
  const d = kernel.column(n).fill(1);
  const out = kernel.column(n);
  const parts = kernel.parts(n);
  // Every part points past the end of the memory and traps, on either thread.
  const args = parts.map((q) => [2 ** 31 + q.start * 8, d.byteOffset, q.count, 0.3]);
  const started = performance.now();
  throws(() => kernel.awake(() => kernel.later("fraction_deposited", args)()));
  strictEqual(performance.now() - started < 5000, true);
  // Still usable (with or without its helper).
  kernel.split("fraction_deposited", n, (start, count) => [
    out.byteOffset + start * 8,
    d.byteOffset + start * 8,
    count,
    0.3,
  ]);
  strictEqual(
    out[n - 1],
    kernel.scope(() => {
      const o = kernel.alloc(8);
      kernel.exports.fraction_deposited(o, kernel.put([1]), 1, 0.3);
      return kernel.f64(o, 1)[0];
    }),
  );
});
