import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { createKernelRng, createRng } from "../../src/montecarlo/rng.ts";
import { createKernel } from "../../src/kernel/kernel.ts";
import type { Rng } from "../../src/montecarlo/rng.ts";
import { TsMt19937 } from "../_helpers/ts_mt19937.ts";

// Vectors from numpy 1.24.2's legacy RandomState (../shared/fixtures/rng, copied here).
interface Step {
  call: "random_sample" | "uniform" | "normal" | "lognormal";
  args: number[];
  values?: number[];
  count?: number;
  last5?: number[];
}
const fixture = JSON.parse(
  await Deno.readTextFile(
    new URL("../fixtures/numpy_legacy_mt19937.json", import.meta.url),
  ),
) as { cases: { name: string; seed: number; steps: Step[] }[] };

function run(rng: Rng, step: Step): Float64Array {
  const a = step.args;
  switch (step.call) {
    case "random_sample":
      return rng.randomSample(a[0]);
    case "uniform":
      return rng.uniform(a[0], a[1], a[2]);
    case "normal":
      return rng.normal(a[0], a[1], a[2]);
    case "lognormal":
      return rng.lognormal(a[0], a[1], a[2]);
  }
}

for (const c of fixture.cases) {
  Deno.test(`createRng(${c.seed}) reproduces numpy's "${c.name}" vectors bit for bit`, () => {
    const rng = createRng(c.seed);
    for (const step of c.steps) {
      const got = Array.from(run(rng, step));
      if (step.values) {
        deepStrictEqual(got, step.values, `${step.call}(${step.args})`);
      }
      if (step.last5) {
        strictEqual(got.length, step.count);
        deepStrictEqual(
          got.slice(-5),
          step.last5,
          `${step.call}(${step.args}) tail`,
        );
      }
    }
  });
}

Deno.test("createRng() gives the MT19937 reference outputs for init_genrand(5489)", () => {
  // Matsumoto & Nishimura's mt19937ar.c with init_genrand(5489): first outputs.
  const rng = createRng(5489);
  deepStrictEqual(
    [rng.nextUint32(), rng.nextUint32(), rng.nextUint32()],
    [3499211612, 581869302, 3890346734],
  );
});

Deno.test("normal() keeps the second Gaussian cached across calls and distributions", () => {
  const a = createRng(3);
  const pair = a.normal(0, 1, 2);
  const b = createRng(3);
  const first = b.normal(0, 1, 1);
  const second = b.lognormal(0, 1, 1); // consumes the cached value
  strictEqual(first[0], pair[0]);
  strictEqual(second[0], Math.exp(pair[1]));
  // uniform() neither uses nor clears the cache
  const c = createRng(3);
  c.normal(0, 1, 1);
  c.uniform(0, 1, 5);
  const d = createRng(3);
  d.normal(0, 1, 1);
  strictEqual(c.normal(0, 1, 1)[0], d.normal(0, 1, 1)[0]);
});

Deno.test("seed() restarts the stream and clears the Gaussian cache", () => {
  const rng = createRng(11);
  const first = rng.normal(0, 1, 3);
  rng.seed(11);
  deepStrictEqual(rng.normal(0, 1, 3), first);
  strictEqual(rng.getState().hasGauss, true);
  rng.seed(11);
  strictEqual(rng.getState().hasGauss, false);
  strictEqual(rng.getState().pos, 624);
});

Deno.test("getState()/setState() resume the exact stream, cache included", () => {
  const rng = createRng(99);
  rng.normal(0, 1, 3); // leaves one value cached
  const saved = rng.getState();
  const expected = rng.normal(1, 2, 5);
  const other = createRng(0);
  other.setState(saved);
  deepStrictEqual(other.normal(1, 2, 5), expected);
  throws(() => other.setState({ ...saved, pos: 625 }), RangeError);
});

Deno.test("setState() refuses a state that is not one (all-zero key, bad words, bad cache)", () => {
  const rng = createRng(3);
  const saved = rng.getState();
  const cases: [unknown, RegExp][] = [
    [{ ...saved, key: new Uint32Array(624) }, /non-zero word/],
    [{ ...saved, key: Array(624).fill("x") }, /key\[0\] to be an integer/],
    [{ ...saved, key: Array.from(saved.key, (w, i) => (i === 5 ? 2 ** 32 : w)) }, /key\[5\]/],
    [{ ...saved, hasGauss: "yes" }, /hasGauss to be true or false/],
    [{ ...saved, hasGauss: true, cachedGaussian: NaN }, /cachedGaussian to be a finite number/],
    [null, /expected a generator state/],
    [{}, /expected 624 key words/],
  ];
  for (const [state, message] of cases) {
    throws(() => rng.setState(state as never), message, String(message));
  }
  // Nothing was changed by the refused states.
  deepStrictEqual(rng.getState(), saved);
});

Deno.test("uniform(), normal(), lognormal() refuse parameters numpy refuses or that give no number", () => {
  const rng = createRng(0);
  const cases: [() => unknown, RegExp][] = [
    [() => rng.uniform(NaN, 1, 3), /low to be a finite number/],
    [() => rng.uniform(0, "a" as never, 3), /high to be a finite number/],
    [() => rng.uniform(-1e308, 1e308, 3), /high - low to be a finite number/],
    [() => rng.normal(0, -1, 3), /scale >= 0 but found -1/],
    [() => rng.normal("x" as never, 1, 3), /loc to be a finite number/],
    [() => rng.lognormal(0, -1, 3), /sigma >= 0/],
    [() => rng.lognormal(Infinity, 1, 3), /mean to be a finite number/],
  ];
  for (const [call, message] of cases) throws(call, message, String(message));
  // Refused calls draw nothing: the stream is where a fresh one starts.
  deepStrictEqual(rng.randomSample(2), createRng(0).randomSample(2));
  // Reversed bounds are numpy's too (values in (high, low]).
  strictEqual(rng.uniform(1, 0, 4).every((v) => v > 0 && v <= 1), true);
});

Deno.test("createRng() rejects seeds numpy rejects", () => {
  for (const bad of [-1, 2 ** 32, 1.5, NaN]) {
    throws(() => createRng(bad), /seed that is an integer in \[0, 2\^32 - 1\]/);
  }
  throws(() => createRng(1).uniform(0, 1, -2), /non-negative integer/);
});

Deno.test("draws of any size and zero size work across memory growth", () => {
  const rng = createRng(5);
  strictEqual(rng.uniform(0, 1, 0).length, 0);
  const big = rng.randomSample(3_000_000); // grows the kernel memory past 16 MiB
  strictEqual(big.length, 3_000_000);
  const again = createRng(5);
  again.uniform(0, 1, 0);
  const head = again.randomSample(10);
  deepStrictEqual(Array.from(big.subarray(0, 10)), Array.from(head));
});

Deno.test("the kernel's doubles equal the plain-TypeScript twin's over a long stream", () => {
  const twin = new TsMt19937(20261127);
  const expected = twin.uniform(-3, 5, new Float64Array(100_000));
  deepStrictEqual(createRng(20261127).uniform(-3, 5, 100_000), expected);
});

Deno.test("a generator in a given kernel's scope draws the same stream and frees its state", () => {
  const kernel = createKernel();
  const own = createRng(7);
  const top = kernel.alloc(0);
  const drawn = kernel.scope(() => {
    const shared = createKernelRng(7, kernel);
    return [shared.lognormal(0.5, 0.3, 1001), shared.uniform(0, 1, 999)];
  });
  deepStrictEqual(drawn, [own.lognormal(0.5, 0.3, 1001), own.uniform(0, 1, 999)]);
  strictEqual(kernel.alloc(0), top, "the state block is released with the scope");
});

Deno.test("normal and lognormal draws split into odd chunks continue one stream exactly", () => {
  for (const kind of ["normal", "lognormal"] as const) {
    const whole = createRng(99)[kind](0.2, 0.7, 5000);
    const split = createRng(99);
    const parts: number[] = [];
    // Sizes that end mid-pair, start from the cached value and cross key blocks.
    for (const n of [1, 2, 3, 1, 623, 624, 625, 0, 7, 3114]) {
      parts.push(...split[kind](0.2, 0.7, n));
    }
    strictEqual(parts.length, 5000);
    deepStrictEqual(parts, Array.from(whole), kind);
  }
});

Deno.test("long normal and lognormal draws equal the same draws taken one value at a time", () => {
  // Long fills draw their accepted attempts in chunks ahead of the values; single values
  // take the one-attempt path.
  for (const kind of ["normal", "lognormal"] as const) {
    const whole = createRng(2024)[kind](-0.3, 1.1, 3001);
    const single = createRng(2024);
    const one = Array.from({ length: 3001 }, () => single[kind](-0.3, 1.1, 1)[0]);
    deepStrictEqual(Array.from(whole), one, kind);
  }
});

Deno.test("skipNormal(n) leaves the generator where normal(…, n) does, cache included", () => {
  for (const [before, n] of [[0, 0], [0, 1], [0, 2], [1, 2], [1, 3], [3, 1250], [0, 2497]]) {
    const drawn = createRng(5);
    const skipped = createRng(5);
    drawn.normal(0, 1, before);
    skipped.normal(0, 1, before);
    drawn.lognormal(0.1, 0.5, n);
    skipped.skipNormal(n);
    deepStrictEqual(skipped.getState(), drawn.getState(), `${before} then ${n}`);
    deepStrictEqual(skipped.lognormal(0.1, 0.5, 9), drawn.lognormal(0.1, 0.5, 9));
  }
  throws(() => createRng(1).skipNormal(-1), /non-negative integer/);
});
