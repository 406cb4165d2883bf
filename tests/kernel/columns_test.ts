import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { takeColumn } from "../../src/kernel/column_arena.ts";
import {
  allFiniteNonZeroInKernel,
  chebyshevMoments,
  clenshawColumn,
  columnRangeInKernel,
  elementwiseInKernel,
  type ElementwiseOp,
  infectionPercentInto,
  infectionPercentOfDoseInKernel,
  log10Into,
  productWithComplementInKernel,
  sumGrid,
} from "../../src/kernel/columns.ts";
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

Deno.test("elementwiseInKernel() gives the scalar loop's doubles, bit for bit", () => {
  const specials = [
    0,
    -0,
    1,
    -1,
    5e-324,
    -2.2250738585072014e-308,
    1e308,
    Infinity,
    -Infinity,
    NaN,
  ];
  const n = 8193; // odd: the last sample alone
  const source = (seed: number) =>
    Float64Array.from({ length: n }, (_, i) => {
      if (i < specials.length * specials.length) {
        return specials[(seed === 0 ? i : Math.floor(i / specials.length)) % specials.length];
      }
      const f = ((i * 0.6180339887498949 + seed * 0.37) % 1) - 0.5;
      return f * 10 ** ((i % 41) - 20);
    });
  const ops: [ElementwiseOp, (x: number, y: number) => number][] = [
    ["add", (x, y) => x + y],
    ["sub", (x, y) => x - y],
    ["mul", (x, y) => x * y],
    ["div", (x, y) => x / y],
  ];
  withKernelComputation((kernel) => {
    const a = takeColumn(n);
    const b = takeColumn(n);
    a.set(source(0));
    b.set(source(1));
    strictEqual(kernel.owns(a) && kernel.owns(b), true, "the operands are kernel columns");
    for (const [op, f] of ops) {
      for (const [x, y] of [[a, b], [a, 3.5], [-0.25, b]] as const) {
        const out = takeColumn(n);
        strictEqual(elementwiseInKernel(op, out, x, y), true, `${op} ran in the kernel`);
        for (let i = 0; i < n; i++) {
          const expected = f(typeof x === "number" ? x : x[i], typeof y === "number" ? y : y[i]);
          if (!Object.is(out[i], expected)) {
            throw new Error(`${op} at ${i}: expected ${expected} but found ${out[i]}`);
          }
        }
      }
    }
    // In place: the result over its left operand.
    const copy = a.slice();
    strictEqual(elementwiseInKernel("mul", a, a, b), true);
    for (let i = 0; i < n; i++) strictEqual(Object.is(a[i], copy[i] * b[i]), true, `at ${i}`);
  });
});

Deno.test("elementwiseInKernel() leaves columns outside the kernel, and short ones, to the caller", () => {
  const outside = new Float64Array(10_000);
  strictEqual(elementwiseInKernel("add", outside, outside, 1), false);
  withKernelComputation(() => {
    const inside = takeColumn(10_000);
    strictEqual(elementwiseInKernel("add", inside, outside, 1), false, "an operand outside");
    strictEqual(elementwiseInKernel("add", inside, inside.subarray(1), 1), false, "lengths");
    strictEqual(elementwiseInKernel("add", inside.subarray(0, 10), 1, 2), false, "10 samples");
  });
});

Deno.test("infectionPercentOfDoseInKernel() equals infectionPercentInto() with the doses in ID63, bit for bit", () => {
  const n = 8193;
  const oneOverLn2 = 1 / Math.LN2;
  withKernelComputation(() => {
    const column = (f: (i: number) => number) => {
      const c = takeColumn(n);
      for (let i = 0; i < n; i++) c[i] = f(i);
      return c;
    };
    const dose = column((i) => (i % 13 === 0 ? 0 : 10 ** ((i % 97) / 10 - 4) * (1 + i / n)));
    const immunity = column((i) => (i % 5) / 6);
    const id50 = column((i) => 20 + (i % 31) * 7.5);
    for (const [im, id] of [[immunity, id50], [immunity, 50], [0.3, id50], [0, 50]] as const) {
      for (const [times, per] of [[1, 1], [3, 8]]) {
        const expected = takeColumn(n);
        infectionPercentInto(n, (x) => {
          for (let i = 0; i < n; i++) {
            const d = (dose[i] * times / per) *
              (1 - (typeof im === "number" ? im : im[i]));
            x[i] = d / (oneOverLn2 * (typeof id === "number" ? id : id[i]) * 1.5);
          }
        }, expected);
        const out = takeColumn(n);
        const ran = infectionPercentOfDoseInKernel(out, dose, times, per, im, id, oneOverLn2, 1.5);
        strictEqual(ran, true, "in the kernel");
        for (let i = 0; i < n; i++) {
          if (!Object.is(out[i], expected[i])) {
            throw new Error(`at ${i}: expected ${expected[i]} but found ${out[i]}`);
          }
        }
      }
    }
    // In place over the doses, and a column outside the kernel refused.
    const copy = dose.slice();
    strictEqual(infectionPercentOfDoseInKernel(dose, dose, 1, 1, 0, 50, oneOverLn2, 1), true);
    const expected = takeColumn(n);
    infectionPercentInto(n, (x) => {
      for (let i = 0; i < n; i++) x[i] = (copy[i] * 1 / 1) * (1 - 0) / (oneOverLn2 * 50 * 1);
    }, expected);
    for (let i = 0; i < n; i++) strictEqual(Object.is(dose[i], expected[i]), true, `at ${i}`);
    strictEqual(infectionPercentOfDoseInKernel(takeColumn(n), copy, 1, 1, 0, 50, 1, 1), false);
  });
});

Deno.test("productWithComplementInKernel() gives a · (b · (1 − c)) of the scalar loop, bit for bit", () => {
  const n = 8193;
  withKernelComputation(() => {
    const column = (f: (i: number) => number) => {
      const c = takeColumn(n);
      for (let i = 0; i < n; i++) c[i] = f(i);
      return c;
    };
    const a = column((i) => 10 ** ((i % 37) - 18) * (1 + i / n));
    const b = column((i) => 0.3 + (i % 11) / 7);
    const c = column((i) => (i % 9) / 8);
    const shapes = [a, 2.5].flatMap((x) =>
      [b, 0.51].flatMap((y) => [c, 0.2].map((z) => [x, y, z] as const))
    );
    strictEqual(shapes.length, 8);
    for (const [x, y, z] of shapes) {
      if (![x, y, z].some((v) => typeof v !== "number")) continue;
      const out = takeColumn(n);
      strictEqual(productWithComplementInKernel(out, x, y, z), true);
      const at = (v: Float64Array | number, i: number) => (typeof v === "number" ? v : v[i]);
      for (let i = 0; i < n; i++) {
        const expected = at(x, i) * (at(y, i) * (1 - at(z, i)));
        if (!Object.is(out[i], expected)) {
          throw new Error(`at ${i}: expected ${expected} but found ${out[i]}`);
        }
      }
    }
    strictEqual(productWithComplementInKernel(takeColumn(n), new Float64Array(n), 1, 0), false);
  });
});

Deno.test("raise_nonpositive(): values at or below 0 (−0 too, NaN not) become the floor, the rest stay", () => {
  const kernel = createKernel();
  for (const n of [0, 1, 2, 3, 8, 9]) {
    const values = Float64Array.from(
      { length: n },
      (_, i) => [-1e-3, 0.2, -0, 0, NaN, 5, -Infinity, 1e-300, -2][i % 9],
    );
    const expected = values.map((v) => (v <= 0 ? 0.1 : v));
    const got = kernel.scope(() => {
      const ptr = kernel.put(values);
      kernel.exports.raise_nonpositive(ptr, n, 0.1);
      return Array.from(kernel.f64(ptr, n));
    });
    for (let i = 0; i < n; i++) {
      strictEqual(Object.is(got[i], expected[i]), true, `n ${n}, value ${i}: ${got[i]}`);
    }
  }
});

Deno.test("allFiniteNonZeroInKernel(): false for ±0, ±∞ or NaN at any position, else true", () => {
  withKernelComputation(() => {
    // Columns long enough to live in the kernel; even and odd lengths (a last lone value).
    for (const n of [8192, 8193, 8194, 8195]) {
      const clean = Float64Array.from({ length: n }, (_, i) => [1e-300, -2, 5e-324, 1e300][i % 4]);
      const column = takeColumn(n);
      strictEqual(sharedKernel().owns(column), true, "a kernel column");
      column.set(clean);
      strictEqual(allFiniteNonZeroInKernel(column), true, `n ${n}`);
      for (const at of [0, 1, 500, n - 2, n - 1]) {
        for (const v of [0, -0, Infinity, -Infinity, NaN]) {
          column.set(clean);
          column[at] = v;
          strictEqual(allFiniteNonZeroInKernel(column), false, `n ${n}, ${v} at ${at}`);
        }
      }
    }
  });
  const outside = new Float64Array(3).fill(1);
  strictEqual(allFiniteNonZeroInKernel(outside), undefined, "not in the kernel");
});

Deno.test("columnRangeInKernel(): the smallest and largest value as the scalar tests find them (NaNs skipped, odd lengths, empty), undefined outside the kernel", () => {
  const k = sharedKernel();
  const scalarRange = (v: Float64Array) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of v) {
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    return [lo, hi];
  };
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const cases: number[][] = [
    [],
    [3],
    [NaN],
    [NaN, 2, NaN],
    [-1e308, 5e-324, 1e308],
    [0.5, -0.25, Infinity, -Infinity, 7],
    Array.from({ length: 1001 }, () => (random() - 0.5) * 1e6),
    Array.from({ length: 250_000 }, (_, i) => (i % 97 === 0 ? NaN : Math.sin(i) * 40)),
  ];
  for (const values of cases) {
    const column = k.column(values.length);
    column.set(values);
    deepStrictEqual(columnRangeInKernel(column), scalarRange(column), `${values.length} values`);
    k.freeColumn(column);
  }
  strictEqual(columnRangeInKernel(Float64Array.of(1, 2)), undefined);
});
