// Elementwise arithmetic of two per-sample operands, each a column or one value for every
// sample (src/model/vec.ts `add`, `sub`, `mul`, `div`), two samples at a time: each lane
// does the same IEEE operation as the scalar loop, so the results are identical.

/** Operation codes of `elementwise`. */
const ADD: u32 = 0;
const SUB: u32 = 1;
const MUL: u32 = 2;
const DIV: u32 = 3;

/** The operation of `Op` (u8 add, u16 subtract, u32 multiply, u64 divide) on two lanes. */
// @ts-ignore: decorator
@inline function apply2<Op>(a: v128, b: v128): v128 {
  if (sizeof<Op>() == 1) return f64x2.add(a, b);
  if (sizeof<Op>() == 2) return f64x2.sub(a, b);
  if (sizeof<Op>() == 4) return f64x2.mul(a, b);
  return f64x2.div(a, b);
}

/** The same on one value. */
// @ts-ignore: decorator
@inline function apply1<Op>(a: f64, b: f64): f64 {
  if (sizeof<Op>() == 1) return a + b;
  if (sizeof<Op>() == 2) return a - b;
  if (sizeof<Op>() == 4) return a * b;
  return a / b;
}

/**
 * out[i] = a[i] op b[i] for n f64; `A`, `B` = u8 for a column, u16 for the one value
 * `sa`, `sb` (the pointer is then unused).
 */
// @ts-ignore: decorator
@inline function run<Op, A, B>(out: usize, a: usize, sa: f64, b: usize, sb: f64, n: u32): void {
  const las = f64x2.splat(sa);
  const lbs = f64x2.splat(sb);
  let i: u32 = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    const x = sizeof<A>() == 1 ? v128.load(a + o) : las;
    const y = sizeof<B>() == 1 ? v128.load(b + o) : lbs;
    v128.store(out + o, apply2<Op>(x, y));
  }
  if (i < n) {
    const o = <usize>i << 3;
    const x = sizeof<A>() == 1 ? load<f64>(a + o) : sa;
    const y = sizeof<B>() == 1 ? load<f64>(b + o) : sb;
    store<f64>(out + o, apply1<Op>(x, y));
  }
}

// @ts-ignore: decorator
@inline function shaped<Op>(out: usize, a: usize, sa: f64, b: usize, sb: f64, n: u32): void {
  if (a != 0 && b != 0) run<Op, u8, u8>(out, a, sa, b, sb, n);
  else if (a != 0) run<Op, u8, u16>(out, a, sa, b, sb, n);
  else if (b != 0) run<Op, u16, u8>(out, a, sa, b, sb, n);
  else run<Op, u16, u16>(out, a, sa, b, sb, n);
}

/**
 * out[i] = a[i] op b[i] for n f64, op = 0 add, 1 subtract, 2 multiply, 3 divide; an
 * operand whose pointer is 0 is its one value (`sa`, `sb`) for every sample. `out` may
 * be `a` or `b`.
 */
export function elementwise(
  op: u32,
  out: usize,
  a: usize,
  sa: f64,
  b: usize,
  sb: f64,
  n: u32,
): void {
  if (op == ADD) shaped<u8>(out, a, sa, b, sb, n);
  else if (op == SUB) shaped<u16>(out, a, sa, b, sb, n);
  else if (op == MUL) shaped<u32>(out, a, sa, b, sb, n);
  else if (op == DIV) shaped<u64>(out, a, sa, b, sb, n);
}

/** (1, 1), read from memory (V8 rebuilds a `v128.const` at each use in a loop). */
const ONES: usize = memory.data<f64>([1.0, 1.0], 16);

/**
 * out[i] = a[i] · (b[i] · (1 − c[i])) for n f64; `A`, `B`, `C` = u8 for a column, u16
 * for the one value `sa`, `sb`, `sc`.
 */
// @ts-ignore: decorator
@inline function runComplement<A, B, C>(
  out: usize,
  a: usize,
  sa: f64,
  b: usize,
  sb: f64,
  c: usize,
  sc: f64,
  n: u32,
): void {
  const las = f64x2.splat(sa);
  const lbs = f64x2.splat(sb);
  const lcs = f64x2.splat(sc);
  let i: u32 = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    const x = sizeof<A>() == 1 ? v128.load(a + o) : las;
    const y = sizeof<B>() == 1 ? v128.load(b + o) : lbs;
    const z = sizeof<C>() == 1 ? v128.load(c + o) : lcs;
    v128.store(out + o, f64x2.mul(x, f64x2.mul(y, f64x2.sub(v128.load(ONES), z))));
  }
  if (i < n) {
    const o = <usize>i << 3;
    const x = sizeof<A>() == 1 ? load<f64>(a + o) : sa;
    const y = sizeof<B>() == 1 ? load<f64>(b + o) : sb;
    const z = sizeof<C>() == 1 ? load<f64>(c + o) : sc;
    store<f64>(out + o, x * (y * (1.0 - z)));
  }
}

/**
 * out[i] = a[i] · (b[i] · (1 − c[i])) for n f64 (e.g. an emission × (inhalation × (1 −
 * a mask's inhalation efficiency))); an operand whose pointer is 0 is its one value
 * (`sa`, `sb`, `sc`) for every sample. `out` may be an operand.
 */
export function product_with_complement(
  out: usize,
  a: usize,
  sa: f64,
  b: usize,
  sb: f64,
  c: usize,
  sc: f64,
  n: u32,
): void {
  if (a != 0) {
    if (b != 0) {
      if (c != 0) runComplement<u8, u8, u8>(out, a, sa, b, sb, c, sc, n);
      else runComplement<u8, u8, u16>(out, a, sa, b, sb, c, sc, n);
    } else if (c != 0) runComplement<u8, u16, u8>(out, a, sa, b, sb, c, sc, n);
    else runComplement<u8, u16, u16>(out, a, sa, b, sb, c, sc, n);
  } else if (b != 0) {
    if (c != 0) runComplement<u16, u8, u8>(out, a, sa, b, sb, c, sc, n);
    else runComplement<u16, u8, u16>(out, a, sa, b, sb, c, sc, n);
  } else if (c != 0) runComplement<u16, u16, u8>(out, a, sa, b, sb, c, sc, n);
  else runComplement<u16, u16, u16>(out, a, sa, b, sb, c, sc, n);
}

/**
 * 1 when every one of the n f64 at `x` is finite and not ±0, else 0 (two at a time:
 * 0 < |v| < ∞ is false for ±0, ±∞ and NaN).
 */
export function all_finite_nonzero(x: usize, n: u32): u32 {
  const zero = f64x2.splat(0.0);
  const infinity = f64x2.splat(Infinity);
  let ok = v128.not(zero);
  let i: u32 = 0;
  for (; i + 2 <= n; i += 2) {
    const a = f64x2.abs(v128.load(x + (<usize>i << 3)));
    ok = v128.and(ok, v128.and(f64x2.gt(a, zero), f64x2.lt(a, infinity)));
  }
  let all = i64x2.all_true(ok);
  if (i < n) {
    const a = Math.abs(load<f64>(x + (<usize>i << 3)));
    all = all && a > 0.0 && a < Infinity;
  }
  return all ? 1 : 0;
}

/**
 * In place, every value of `x` (n f64) at or below 0 (−0 included; NaN is not) becomes
 * `floor`, two at a time (src/model/sampling.ts: kernel-density diameters).
 */
export function raise_nonpositive(x: usize, n: u32, floor: f64): void {
  const zero = f64x2.splat(0.0);
  const f = f64x2.splat(floor);
  let i: u32 = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    const v = v128.load(x + o);
    const low = f64x2.le(v, zero);
    if (v128.any_true(low)) v128.store(x + o, v128.bitselect(f, v, low));
  }
  if (i < n) {
    const o = <usize>i << 3;
    if (load<f64>(x + o) <= 0.0) store<f64>(x + o, floor);
  }
}
