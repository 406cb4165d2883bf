import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import {
  add,
  addInto,
  addProductInto,
  div,
  map1,
  map3,
  mean,
  mul,
  mulInto,
  sampleCount,
  sub,
  sum,
  toArray,
} from "../../src/model/vec.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { takeColumn, withColumnArena } from "../../src/kernel/column_arena.ts";
import { withKernelComputation } from "../../src/kernel/shared.ts";
import { generateSamples, logNormalDistribution } from "../../src/montecarlo/distributions.ts";

Deno.test("arithmetic broadcasts scalars like numpy and keeps scalars scalar", () => {
  strictEqual(add(1, 2), 3);
  deepStrictEqual(mul(Float64Array.of(1, 2), 3), Float64Array.of(3, 6));
  deepStrictEqual(sub(10, Float64Array.of(1, 2)), Float64Array.of(9, 8));
  deepStrictEqual(
    Array.from(div(Float64Array.of(1, 0), Float64Array.of(0, 0)) as Float64Array),
    [Infinity, NaN],
  );
  deepStrictEqual(map1(Float64Array.of(0), Math.exp), Float64Array.of(1));
  throws(() => add(new Float64Array(2), new Float64Array(3)), /one length but found 2 and 3/);
  strictEqual(sampleCount(1, new Float64Array(4), 2), 4);
});

Deno.test("sum() and mean() round exactly like numpy (reference trace sums)", async () => {
  // s1 trace, draws 1-2: LogNormal(-0.687.., 0.105..), numpy's np.sum of the 250000 values.
  const trace = JSON.parse(
    await Deno.readTextFile(
      new URL("../fixtures/reference/s1_rest_example_natural.trace.json", import.meta.url),
    ),
  );
  const rng = createRng(0);
  for (const draw of trace.draws.slice(0, 2)) {
    const p = draw.params;
    const x = generateSamples(
      logNormalDistribution(p.mean_gaussian, p.sd_gaussian),
      rng,
      draw.size,
    );
    strictEqual(sum(x), draw.sum);
    strictEqual(mean(x), draw.sum / draw.size);
  }
  strictEqual(mean(3), 3);
});

Deno.test("map3 broadcasts scalars and keeps an all-scalar result scalar", () => {
  strictEqual(map3(1, 2, 3, (a, b, c) => a * b + c), 5);
  deepStrictEqual(
    map3(Float64Array.of(1, 2), 10, Float64Array.of(0.5, 0.25), (a, b, c) => a * b + c),
    Float64Array.of(10.5, 20.25),
  );
  throws(() => map3(Float64Array.of(1, 2), Float64Array.of(1, 2, 3), 0, (a) => a), RangeError);
});

Deno.test("addProductInto and addInto accumulate into an owned array like add(mul())", () => {
  const rng = createRng(3);
  const a = rng.randomSample(64);
  const b = rng.randomSample(64);
  const acc = rng.randomSample(64);
  const aBefore = a.slice();
  const expected = add(add(acc, mul(a, b)), b) as Float64Array;
  const copy = acc.slice();
  const result = addInto(addProductInto(copy, a, b), b);
  strictEqual(result, copy); // written in place
  deepStrictEqual(result, expected); // same arithmetic, bit for bit
  deepStrictEqual(a, aBefore); // inputs untouched
  // A scalar accumulator gives a new vector and leaves the inputs alone.
  const fresh = addProductInto(0, a, 2) as Float64Array;
  deepStrictEqual(fresh, mul(a, 2));
  strictEqual(addInto(1, 2), 3);
});

Deno.test("mulInto() multiplies into an owned array like mul(), in the kernel and out", () => {
  withKernelComputation((kernel) =>
    withColumnArena(() => {
      for (const n of [64, 250_000]) {
        const rng = createRng(5);
        const a = rng.randomSample(n);
        const acc = takeColumn(n);
        acc.set(rng.randomSample(n));
        const expected = mul(a, acc) as Float64Array;
        const aBefore = a.slice();
        strictEqual(mulInto(acc, a), acc, `${n}: written in place`);
        deepStrictEqual(acc, expected, `${n}: same products`);
        deepStrictEqual(a, aBefore);
        const scaled = takeColumn(n);
        scaled.set(aBefore);
        deepStrictEqual(mulInto(scaled, 3), mul(aBefore, 3));
      }
      deepStrictEqual(mulInto(2, Float64Array.of(1, 3)), Float64Array.of(2, 6));
    }, kernel)
  );
});

Deno.test("toArray() copies a column into a plain array of the same values", () => {
  const column = Float64Array.of(1.5, -0, NaN, 1e300, 2);
  const copy = toArray(column);
  strictEqual(Array.isArray(copy), true);
  deepStrictEqual(copy, Array.from(column));
  column[0] = 7;
  strictEqual(copy[0], 1.5);
  deepStrictEqual(toArray(new Float64Array(0)), []);
  // Past the length where `new Array(n)` starts as a dictionary: every value, in order.
  const long = Float64Array.from({ length: 300_001 }, (_, i) => i / 7);
  const longCopy = toArray(long);
  strictEqual(longCopy.length, long.length);
  strictEqual(longCopy.every((v, i) => Object.is(v, long[i])), true);
});
