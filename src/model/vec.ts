/**
 * Vectorised values: every model parameter is either one number (the same for every
 * Monte Carlo sample) or a Float64Array with one value per sample. All arrays in one
 * model have the same length N (the reference's contract, `models.py` docstring).
 *
 * These helpers apply numpy's elementwise semantics with a scalar fast path. They are
 * for the orchestration layer; the per-sample hot loops run in the kernel.
 *
 * @module
 */
import { takeColumn } from "../kernel/column_arena.ts";
import { elementwiseInKernel } from "../kernel/columns.ts";
import { kernelSum } from "../kernel/statistics.ts";

/** One value per Monte Carlo sample, or one value for all of them. */
export type Vec = number | Float64Array;

/** Whether `v` is a per-sample array. */
export function isArray(v: Vec): v is Float64Array {
  return typeof v !== "number";
}

/**
 * The common sample count of the arrays among `values`, or 1 when all are scalars.
 *
 * @throws {RangeError} When two arrays have different lengths.
 */
export function sampleCount(...values: Vec[]): number {
  let n = 1;
  let seen = false;
  for (const v of values) {
    if (typeof v === "number") continue;
    if (seen && v.length !== n) {
      throw new RangeError(`expected arrays of one length but found ${n} and ${v.length}`);
    }
    n = v.length;
    seen = true;
  }
  return n;
}

/**
 * A plain array copy of a column (for JSON output), in one allocation of the final size
 * (see {@link doubleArray}; `Array.from` of a typed array goes through its iterator and
 * grows the array step by step).
 */
export function toArray(column: Float64Array): number[] {
  const out = doubleArray(column.length);
  for (let i = 0; i < column.length; i++) out[i] = column[i];
  return out;
}

/**
 * An array for `n` doubles, to be written in order: grown from a one-double literal, it
 * stays an unboxed double array (8 bytes per value), where `new Array(n)` of more than
 * about 100,000 starts as a dictionary and costs more memory and time.
 */
export function doubleArray(n: number): number[] {
  const out = [0.5];
  out.length = n;
  return out;
}

/**
 * `v` as a column and the step between samples: sample i is `column[i * step]` (step 0
 * for a scalar, read from a one-value column). Loops over it stay monomorphic and call
 * nothing, so the engine keeps their doubles unboxed.
 */
export function lane(v: Vec): [Float64Array, number] {
  return typeof v === "number" ? [Float64Array.of(v), 0] : [v, 1];
}

/** Sample `i` of `v` (the value itself when `v` is a scalar). */
export function at(v: Vec, i: number): number {
  return typeof v === "number" ? v : v[i];
}

/** Elementwise f(a) with numpy broadcasting of a scalar. */
export function map1(a: Vec, f: (x: number) => number): Vec {
  if (typeof a === "number") return f(a);
  const out = takeColumn(a.length);
  for (let i = 0; i < a.length; i++) out[i] = f(a[i]);
  return out;
}

/** Elementwise f(a, b) with numpy broadcasting of scalars. */
export function map2(a: Vec, b: Vec, f: (x: number, y: number) => number): Vec {
  if (typeof a === "number" && typeof b === "number") return f(a, b);
  const n = sampleCount(a, b);
  const out = takeColumn(n);
  if (typeof a === "number") {
    const bb = b as Float64Array;
    for (let i = 0; i < n; i++) out[i] = f(a, bb[i]);
  } else if (typeof b === "number") {
    for (let i = 0; i < n; i++) out[i] = f(a[i], b);
  } else {
    for (let i = 0; i < n; i++) out[i] = f(a[i], b[i]);
  }
  return out;
}

/** Elementwise f(a, b, c) with numpy broadcasting of scalars. */
export function map3(
  a: Vec,
  b: Vec,
  c: Vec,
  f: (x: number, y: number, z: number) => number,
): Vec {
  if (typeof a === "number" && typeof b === "number" && typeof c === "number") return f(a, b, c);
  const n = sampleCount(a, b, c);
  const out = takeColumn(n);
  for (let i = 0; i < n; i++) {
    out[i] = f(
      typeof a === "number" ? a : a[i],
      typeof b === "number" ? b : b[i],
      typeof c === "number" ? c : c[i],
    );
  }
  return out;
}

/**
 * acc + a·b elementwise, written into `acc` when it is an array (the caller must own
 * it: a result of these helpers, not a model column); a new vector otherwise. Same
 * arithmetic as `add(acc, mul(a, b))` without the two temporary columns.
 */
export function addProductInto(acc: Vec, a: Vec, b: Vec): Vec {
  if (typeof acc === "number") {
    if (typeof a === "number" && typeof b === "number") return acc + a * b;
    return map2(a, b, (x, y) => acc + x * y);
  }
  const n = sampleCount(acc, a, b);
  if (typeof a === "number" && typeof b === "number") {
    const p = a * b;
    for (let i = 0; i < n; i++) acc[i] += p;
  } else if (typeof a === "number") {
    const y = b as Float64Array;
    for (let i = 0; i < n; i++) acc[i] += a * y[i];
  } else if (typeof b === "number") {
    for (let i = 0; i < n; i++) acc[i] += a[i] * b;
  } else {
    for (let i = 0; i < n; i++) acc[i] += a[i] * b[i];
  }
  return acc;
}

/** acc + b elementwise, written into `acc` when it is an (owned) array; see addProductInto. */
export function addInto(acc: Vec, b: Vec): Vec {
  if (typeof acc === "number") return add(acc, b);
  const n = sampleCount(acc, b);
  if (typeof b === "number") { for (let i = 0; i < n; i++) acc[i] += b; }
  else for (let i = 0; i < n; i++) acc[i] += b[i];
  return acc;
}

/** a·acc elementwise, written into `acc` when it is an (owned) array; see addProductInto. */
export function mulInto(acc: Vec, a: Vec): Vec {
  if (typeof acc === "number") return mul(a, acc);
  const n = sampleCount(acc, a);
  if (elementwiseInKernel("mul", acc, a, acc)) return acc;
  if (typeof a === "number") { for (let i = 0; i < n; i++) acc[i] = a * acc[i]; }
  else for (let i = 0; i < n; i++) acc[i] = a[i] * acc[i];
  return acc;
}

/** a + b, elementwise. */
export function add(a: Vec, b: Vec): Vec {
  if (typeof a === "number" && typeof b === "number") return a + b;
  const n = sampleCount(a, b);
  const out = takeColumn(n);
  if (elementwiseInKernel("add", out, a, b)) return out;
  if (typeof a === "number") {
    const y = b as Float64Array;
    for (let i = 0; i < n; i++) out[i] = a + y[i];
  } else if (typeof b === "number") {
    for (let i = 0; i < n; i++) out[i] = a[i] + b;
  } else {
    for (let i = 0; i < n; i++) out[i] = a[i] + b[i];
  }
  return out;
}

/** a - b, elementwise. */
export function sub(a: Vec, b: Vec): Vec {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const n = sampleCount(a, b);
  const out = takeColumn(n);
  if (elementwiseInKernel("sub", out, a, b)) return out;
  if (typeof a === "number") {
    const y = b as Float64Array;
    for (let i = 0; i < n; i++) out[i] = a - y[i];
  } else if (typeof b === "number") {
    for (let i = 0; i < n; i++) out[i] = a[i] - b;
  } else {
    for (let i = 0; i < n; i++) out[i] = a[i] - b[i];
  }
  return out;
}

/** a * b, elementwise. */
export function mul(a: Vec, b: Vec): Vec {
  if (typeof a === "number" && typeof b === "number") return a * b;
  const n = sampleCount(a, b);
  const out = takeColumn(n);
  if (elementwiseInKernel("mul", out, a, b)) return out;
  if (typeof a === "number") {
    const y = b as Float64Array;
    for (let i = 0; i < n; i++) out[i] = a * y[i];
  } else if (typeof b === "number") {
    for (let i = 0; i < n; i++) out[i] = a[i] * b;
  } else {
    for (let i = 0; i < n; i++) out[i] = a[i] * b[i];
  }
  return out;
}

/** a / b, elementwise (IEEE: x / 0 is ±Infinity or NaN, as numpy). */
export function div(a: Vec, b: Vec): Vec {
  if (typeof a === "number" && typeof b === "number") return a / b;
  const n = sampleCount(a, b);
  const out = takeColumn(n);
  if (elementwiseInKernel("div", out, a, b)) return out;
  if (typeof a === "number") {
    const y = b as Float64Array;
    for (let i = 0; i < n; i++) out[i] = a / y[i];
  } else if (typeof b === "number") {
    for (let i = 0; i < n; i++) out[i] = a[i] / b;
  } else {
    for (let i = 0; i < n; i++) out[i] = a[i] / b[i];
  }
  return out;
}

/** Arithmetic mean, rounded like numpy's `mean` (see {@link sum}); a scalar is its own mean. */
export function mean(a: Vec): number {
  if (typeof a === "number") return a;
  return sum(a) / a.length;
}

/** Elements per inner-loop call of numpy's buffered reduction (`np.getbufsize()`). */
const NUMPY_REDUCE_CHUNK = 8192;

/**
 * Sum rounded exactly like numpy's `np.sum` of a contiguous float64 array: the array is
 * reduced in chunks of 8192 elements, each summed pairwise ({@link pairwiseSum}) and
 * added to a running total that starts at 0. (Checked against the sums recorded in the
 * reference's sampling traces.) A column in the kernel's memory is summed there, the same
 * way.
 */
export function sum(x: Float64Array): number {
  const inKernel = kernelSum(x);
  if (inKernel !== undefined) return inKernel;
  let total = 0;
  for (let offset = 0; offset < x.length; offset += NUMPY_REDUCE_CHUNK) {
    total += pairwiseSum(x, offset, Math.min(NUMPY_REDUCE_CHUNK, x.length - offset));
  }
  return total;
}

/**
 * numpy's pairwise summation of `x[offset .. offset + n)` (blocks of 128 summed with
 * eight running partial sums), so sums and means round like numpy's.
 */
export function pairwiseSum(x: Float64Array, offset: number, n: number): number {
  if (n < 8) {
    let s = -0;
    for (let i = 0; i < n; i++) s += x[offset + i];
    return s;
  }
  if (n <= 128) {
    let r0 = x[offset], r1 = x[offset + 1], r2 = x[offset + 2], r3 = x[offset + 3];
    let r4 = x[offset + 4], r5 = x[offset + 5], r6 = x[offset + 6], r7 = x[offset + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const o = offset + i;
      r0 += x[o];
      r1 += x[o + 1];
      r2 += x[o + 2];
      r3 += x[o + 3];
      r4 += x[o + 4];
      r5 += x[o + 5];
      r6 += x[o + 6];
      r7 += x[o + 7];
    }
    let s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) s += x[offset + i];
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(x, offset, half) + pairwiseSum(x, offset + half, n - half);
}
