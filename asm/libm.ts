// exp and log that round exactly like glibc 2.36 on x86-64 with FMA (the libm that
// numpy's legacy RandomState calls in the reference's runs), so seeded draws match
// the reference bit for bit. AssemblyScript's own Math.exp/Math.log are the same
// algorithms without fused multiply-adds and differ in about 1 result in 1,500.
//
// see: ARM optimized-routines `math/exp.c` and `math/log.c` (Szabolcs Nagy, 2018, MIT),
//      the code behind glibc's `__exp` / `__log`. The operation order and the places
//      where glibc's FMA build (`__ieee754_exp_fma`, `__ieee754_log_fma`) fuses a
//      multiply-add were read from its machine code; each `fma` below is one of those.
//      Measured: 0 differences from glibc 2.36 in 750,010 exp and 1,000,005 log
//      arguments (scripts/fixtures/glibc_libm_vectors.py with 250000 per region), with
//      the host FMA and with the software one; tests/kernel/libm_test.ts keeps a sample.

import {
  EXP_C2,
  EXP_C3,
  EXP_C4,
  EXP_C5,
  EXP_INV_LN2_N,
  EXP_NEG_LN2_HI_N,
  EXP_NEG_LN2_LO_N,
  EXP_SHIFT,
  EXP_TABLE,
  LOG_A,
  LOG_A_PAIRS,
  LOG_B,
  LOG_LN2_HI,
  LOG_LN2_LO,
  LOG_TABLE,
  POW10_LOG_HI,
  POW10_LOG_LO,
} from "./libm_data";

/** Whether `f64x2.relaxed_madd` is a true fused multiply-add on this host (see `init_fma`). */
let hardwareFma: bool = false;

/** Marker type: fused multiply-adds use the host's FMA instruction. */
export type HostFma = u8;
/** Marker type: fused multiply-adds use the exact software emulation. */
export type SoftFma = u16;

/** Whether the kernel currently uses the host's FMA (set by `init_fma`). */
export function useHostFma(): bool {
  return hardwareFma;
}

/**
 * Probes the host: with a = 1 + 2^-52, b = 1 - 2^-52, c = -1, a fused multiply-add
 * gives -2^-104 and an unfused one gives 0. The arguments come from the caller so the
 * optimiser cannot fold the probe. Returns 1 when the hardware path is used.
 */
export function init_fma(a: f64, b: f64, c: f64): u32 {
  hardwareFma = fmaOf<HostFma>(a, b, c) == fmaSoft(a, b, c);
  return hardwareFma ? 1 : 0;
}

/** Uses the software fused multiply-add from now on (for tests of that path). */
export function force_soft_fma(): void {
  hardwareFma = false;
}

/**
 * Exactly rounded a * b + c, with the implementation chosen at compile time by the
 * marker type `M` (a run-time switch per operation costs ten times the FMA itself, so
 * callers pick the instantiation once per call: see `exp_glibc`).
 */
// @ts-ignore: decorator
@inline export function fmaOf<M>(a: f64, b: f64, c: f64): f64 {
  if (sizeof<M>() == 1) {
    return f64x2.extract_lane(
      f64x2.relaxed_madd(f64x2.splat(a), f64x2.splat(b), f64x2.splat(c)),
      0,
    );
  }
  return fmaSoft(a, b, c);
}

/** Veltkamp splitting constant 2^27 + 1. */
const SPLITTER: f64 = 134217729.0;

/**
 * Software fused multiply-add for finite arguments away from overflow and underflow.
 * see: S. Boldo and G. Melquiond, "Emulation of FMA and correctly rounded sums: proved
 *      algorithms using rounding to odd", IEEE Trans. Computers 57 (2008),
 *      doi:10.1109/TC.2007.70819: RN(th + RO(tl + ul)) with exact product and sum.
 */
export function fmaSoft(a: f64, b: f64, c: f64): f64 {
  // Exact product a * b = uh + ul (Dekker, with Veltkamp splitting).
  const uh = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const ul = ((ah * bh - uh) + ah * bl + al * bh) + al * bl;
  // Exact sum c + uh = th + tl (Knuth's TwoSum).
  const th = c + uh;
  const bv = th - c;
  const tl = (c - (th - bv)) + (uh - bv);
  // v = RO(tl + ul): round to nearest, then to the odd neighbour when inexact.
  let v = tl + ul;
  const vb = v - tl;
  const err = (tl - (v - vb)) + (ul - vb);
  if (err != 0.0) {
    const bits = reinterpret<u64>(v);
    if ((bits & 1) == 0) {
      const sameSign = (bits >> 63) == (reinterpret<u64>(err) >> 63);
      v = reinterpret<f64>(sameSign ? bits + 1 : bits - 1);
    }
  }
  return th + v;
}

// @ts-ignore: decorator
@inline function d(bits: u64): f64 {
  return reinterpret<f64>(bits);
}

// Two-lane constants read from linear memory: V8 rebuilds a `v128.const` at every use
// inside a loop (three instructions), while a load from a constant address is one.
const EXP_SHIFT_2: usize = memory.data<u64>([EXP_SHIFT, EXP_SHIFT], 16);
const EXP_INV_LN2_N_2: usize = memory.data<u64>([EXP_INV_LN2_N, EXP_INV_LN2_N], 16);
const EXP_NEG_LN2_HI_N_2: usize = memory.data<u64>([EXP_NEG_LN2_HI_N, EXP_NEG_LN2_HI_N], 16);
const EXP_NEG_LN2_LO_N_2: usize = memory.data<u64>([EXP_NEG_LN2_LO_N, EXP_NEG_LN2_LO_N], 16);
const EXP_C2_2: usize = memory.data<u64>([EXP_C2, EXP_C2], 16);
const EXP_C3_2: usize = memory.data<u64>([EXP_C3, EXP_C3], 16);
const EXP_C4_2: usize = memory.data<u64>([EXP_C4, EXP_C4], 16);
const EXP_C5_2: usize = memory.data<u64>([EXP_C5, EXP_C5], 16);
const POW10_LOG_HI_2: usize = memory.data<u64>([POW10_LOG_HI, POW10_LOG_HI], 16);
const POW10_LOG_LO_2: usize = memory.data<u64>([POW10_LOG_LO, POW10_LOG_LO], 16);
const LOG_LN2_HI_2: usize = memory.data<u64>([LOG_LN2_HI, LOG_LN2_HI], 16);
const LOG_LN2_LO_2: usize = memory.data<u64>([LOG_LN2_LO, LOG_LN2_LO], 16);
const MINUS_ONE_2: usize = memory.data<f64>([-1.0, -1.0], 16);
/** log10(2) low and high parts and 1/ln 10 of fdlibm's log10, twice each. */
const LOG10_2LO_2: usize = memory.data<f64>([3.69423907715893078616e-13, 3.69423907715893078616e-13], 16);
const INV_LN10_2: usize = memory.data<f64>([4.34294481903251816668e-01, 4.34294481903251816668e-01], 16);
const LOG10_2HI_2: usize = memory.data<f64>([3.01029995663611771306e-01, 3.01029995663611771306e-01], 16);

/** A_i of the two-lane logarithm, in both lanes. */
// @ts-ignore: decorator
@inline function a2(i: usize): v128 {
  return v128.load(LOG_A_PAIRS + (i << 4));
}

/** Top 12 bits (sign and exponent) of x. */
// @ts-ignore: decorator
@inline function top12(x: f64): u32 {
  return <u32>(reinterpret<u64>(x) >> 52);
}

/** Scale-and-add of exp for results near overflow or in the subnormal range. */
function expSpecial<M>(tmp: f64, sbits: u64, ki: u64): f64 {
  if ((ki & 0x80000000) == 0) {
    // k > 0: the exponent of scale may have overflowed by up to 460.
    const scale = reinterpret<f64>(sbits - (<u64>1009 << 52));
    return 5.486124068793689e303 * fmaOf<M>(scale, tmp, scale); // 0x1p1009
  }
  // k < 0: care in the subnormal range.
  const scale = reinterpret<f64>(sbits + (<u64>1022 << 52));
  const st = scale * tmp;
  let y = scale + st;
  if (y < 1.0) {
    let lo = scale - y + st;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = (hi + lo) - 1.0;
    if (y == 0.0) y = 0.0;
  }
  return 2.2250738585072014e-308 * y; // 0x1p-1022
}

/** e^x, rounded as glibc's FMA build (the host's FMA when it has one). */
export function exp_glibc(x: f64): f64 {
  return hardwareFma ? expOf<HostFma>(x) : expOf<SoftFma>(x);
}

/** e^x, rounded as glibc's FMA build, with the FMA implementation `M`. */
export function expOf<M>(x: f64): f64 {
  let abstop = top12(x) & 0x7ff;
  if (abstop - 0x3c9 >= 0x3f) { // outside 2^-54 <= |x| < 512
    if (<i32>(abstop - 0x3c9) < 0) return 1.0 + x; // tiny
    if (abstop >= 0x409) { // |x| >= 1024, inf or nan
      if (reinterpret<u64>(x) == 0xfff0000000000000) return 0.0;
      if (abstop >= 0x7ff) return 1.0 + x;
      return (reinterpret<u64>(x) >> 63) != 0 ? 0.0 : Infinity;
    }
    abstop = 0; // 512 <= |x| < 1024: special-cased below
  }
  const shift = d(EXP_SHIFT);
  let kd = fmaOf<M>(x, d(EXP_INV_LN2_N), shift);
  const ki = reinterpret<u64>(kd);
  kd -= shift;
  const r = fmaOf<M>(kd, d(EXP_NEG_LN2_LO_N), fmaOf<M>(kd, d(EXP_NEG_LN2_HI_N), x));
  const idx = EXP_TABLE + (<usize>((ki & 127) << 1) << 3);
  const top = ki << 45;
  const tail = load<f64>(idx);
  const sbits = load<u64>(idx, 8) + top;
  const r2 = r * r;
  const p = fmaOf<M>(r, d(EXP_C3), d(EXP_C2));
  const q = fmaOf<M>(r, d(EXP_C5), d(EXP_C4));
  const tmp = fmaOf<M>(r2 * r2, q, fmaOf<M>(p, r2, tail + r));
  if (abstop == 0) return expSpecial<M>(tmp, sbits, ki);
  const scale = reinterpret<f64>(sbits);
  return fmaOf<M>(scale, tmp, scale);
}

/**
 * e^x for the two lanes of `x` at once, with the host's FMA (call only when
 * `useHostFma()`): the same operations as `expOf<HostFma>` lane by lane, so the same
 * results. Lanes outside 2^-54 <= |x| < 512 go through the scalar path.
 */
// @ts-ignore: decorator
@inline export function expOf2(x: v128): v128 {
  const x0 = f64x2.extract_lane(x, 0);
  const x1 = f64x2.extract_lane(x, 1);
  if ((top12(x0) & 0x7ff) - 0x3c9 >= 0x3f || (top12(x1) & 0x7ff) - 0x3c9 >= 0x3f) {
    return f64x2(expOf<HostFma>(x0), expOf<HostFma>(x1));
  }
  const shift = v128.load(EXP_SHIFT_2);
  let kd = f64x2.relaxed_madd(x, v128.load(EXP_INV_LN2_N_2), shift);
  const ki = kd;
  kd = f64x2.sub(kd, shift);
  const r = f64x2.relaxed_madd(
    kd,
    v128.load(EXP_NEG_LN2_LO_N_2),
    f64x2.relaxed_madd(kd, v128.load(EXP_NEG_LN2_HI_N_2), x),
  );
  return expScaled2(ki, r);
}

/**
 * The last steps of the two-lane exp (and pow): 2^(k/128) · e^r ≈ scale + scale · tmp from
 * the table entry of k (the low bits of `ki`, the shifted kd's bits) and the polynomial in
 * the reduced argument r, with the host's FMA.
 */
// @ts-ignore: decorator
@inline function expScaled2(ki: v128, r: v128): v128 {
  const k0 = i64x2.extract_lane(ki, 0);
  const k1 = i64x2.extract_lane(ki, 1);
  const idx0 = EXP_TABLE + (<usize>((k0 & 127) << 1) << 3);
  const idx1 = EXP_TABLE + (<usize>((k1 & 127) << 1) << 3);
  const tail = f64x2(load<f64>(idx0), load<f64>(idx1));
  const sbits = i64x2.add(i64x2(load<i64>(idx0, 8), load<i64>(idx1, 8)), i64x2.shl(ki, 45));
  const r2 = f64x2.mul(r, r);
  const p = f64x2.relaxed_madd(r, v128.load(EXP_C3_2), v128.load(EXP_C2_2));
  const q = f64x2.relaxed_madd(r, v128.load(EXP_C5_2), v128.load(EXP_C4_2));
  const tmp = f64x2.relaxed_madd(
    f64x2.mul(r2, r2),
    q,
    f64x2.relaxed_madd(p, r2, f64x2.add(tail, r)),
  );
  return f64x2.relaxed_madd(sbits, tmp, sbits);
}

/**
 * Whether `pow10Of` computes 10^y itself: 2^-53 <= |y| < 222, where pow's main path
 * applies (2^-54 <= |y · ln 10| < 512); false for NaN.
 */
// @ts-ignore: decorator
@inline export function pow10InRange(y: f64): bool {
  const a = Math.abs(y);
  return a >= 1.1102230246251565e-16 && a < 222.0;
}

/**
 * 10^y rounded as glibc's FMA build of `pow(10, y)` (ARM optimized-routines `pow.c`),
 * for y with `pow10InRange(y)` (the caller handles the rest): e^(y · ln 10) with ln 10 =
 * hi + lo from pow's own logarithm, y · hi split exactly into ehi + a tail, and the
 * tail added to exp's reduced argument (`exp_inline`).
 */
// @ts-ignore: decorator
@inline export function pow10Of<M>(y: f64): f64 {
  const hi = d(POW10_LOG_HI);
  const ehi = y * hi;
  const elo = fmaOf<M>(y, d(POW10_LOG_LO), fmaOf<M>(y, hi, -ehi));
  const shift = d(EXP_SHIFT);
  let kd = fmaOf<M>(ehi, d(EXP_INV_LN2_N), shift);
  const ki = reinterpret<u64>(kd);
  kd -= shift;
  let r = fmaOf<M>(kd, d(EXP_NEG_LN2_LO_N), fmaOf<M>(kd, d(EXP_NEG_LN2_HI_N), ehi));
  r += elo;
  const idx = EXP_TABLE + (<usize>((ki & 127) << 1) << 3);
  const tail = load<f64>(idx);
  const scale = reinterpret<f64>(load<u64>(idx, 8) + (ki << 45));
  const r2 = r * r;
  const p = fmaOf<M>(r, d(EXP_C3), d(EXP_C2));
  const q = fmaOf<M>(r, d(EXP_C5), d(EXP_C4));
  const tmp = fmaOf<M>(r2 * r2, q, fmaOf<M>(p, r2, tail + r));
  return fmaOf<M>(scale, tmp, scale);
}

/**
 * `pow10Of` of the two lanes of `y` at once, with the host's FMA (call only when
 * `useHostFma()` and both lanes are `pow10InRange`): the same operations lane by lane.
 */
// @ts-ignore: decorator
@inline export function pow10Of2(y: v128): v128 {
  const hi = v128.load(POW10_LOG_HI_2);
  const ehi = f64x2.mul(y, hi);
  const elo = f64x2.relaxed_madd(
    y,
    v128.load(POW10_LOG_LO_2),
    f64x2.relaxed_madd(y, hi, f64x2.neg(ehi)),
  );
  const shift = v128.load(EXP_SHIFT_2);
  let kd = f64x2.relaxed_madd(ehi, v128.load(EXP_INV_LN2_N_2), shift);
  const ki = kd;
  kd = f64x2.sub(kd, shift);
  const r = f64x2.add(
    f64x2.relaxed_madd(
      kd,
      v128.load(EXP_NEG_LN2_LO_N_2),
      f64x2.relaxed_madd(kd, v128.load(EXP_NEG_LN2_HI_N_2), ehi),
    ),
    elo,
  );
  return expScaled2(ki, r);
}

// @ts-ignore: decorator
@inline function a(i: usize): f64 {
  return load<f64>(LOG_A + (i << 3));
}

// @ts-ignore: decorator
@inline function b(i: usize): f64 {
  return load<f64>(LOG_B + (i << 3));
}

/** log(x) for x within [1 - 2^-4, 1 + 0x1.09p-4): a polynomial in r = x - 1. */
function logNearOne<M>(x: f64): f64 {
  if (x == 1.0) return 0.0;
  const r = x - 1.0;
  const r2 = r * r;
  const r3 = r * r2;
  const pa = fmaOf<M>(r2, b(3), fmaOf<M>(r, b(2), b(1)));
  const pb = fmaOf<M>(r2, b(6), fmaOf<M>(r, b(5), b(4)));
  const pc = fmaOf<M>(r3, b(10), fmaOf<M>(r2, b(9), fmaOf<M>(r, b(8), b(7))));
  const inner = fmaOf<M>(fmaOf<M>(pc, r3, pb), r3, pa);
  // r = rhi + rlo with rhi of 26 bits, so rhi^2 * B0 is exact.
  const w = r * 134217728.0; // 0x1p27
  const rhi = (r + w) - w;
  const rlo = r - rhi;
  const w2 = rhi * rhi * b(0);
  const hi = r + w2;
  let lo = r - hi + w2;
  lo = fmaOf<M>(b(0) * rlo, rhi + r, lo);
  return fmaOf<M>(r3, inner, lo) + hi;
}

/** `b(i)` in both lanes. */
// @ts-ignore: decorator
@inline function b2(i: usize): v128 {
  return v128.load64_splat(LOG_B + (i << 3));
}

/**
 * `logNearOne<HostFma>` of both lanes (the same operations lane by lane, the host's FMA
 * as `relaxed_madd`; 1 gives 0).
 */
// @ts-ignore: decorator
@inline function logNearOne2(x: v128): v128 {
  const one = f64x2.splat(1.0);
  const r = f64x2.sub(x, one);
  const r2 = f64x2.mul(r, r);
  const r3 = f64x2.mul(r, r2);
  const pa = f64x2.relaxed_madd(r2, b2(3), f64x2.relaxed_madd(r, b2(2), b2(1)));
  const pb = f64x2.relaxed_madd(r2, b2(6), f64x2.relaxed_madd(r, b2(5), b2(4)));
  const pc = f64x2.relaxed_madd(
    r3,
    b2(10),
    f64x2.relaxed_madd(r2, b2(9), f64x2.relaxed_madd(r, b2(8), b2(7))),
  );
  const inner = f64x2.relaxed_madd(f64x2.relaxed_madd(pc, r3, pb), r3, pa);
  const w = f64x2.mul(r, f64x2.splat(134217728.0)); // 0x1p27
  const rhi = f64x2.sub(f64x2.add(r, w), w);
  const rlo = f64x2.sub(r, rhi);
  const w2 = f64x2.mul(f64x2.mul(rhi, rhi), b2(0));
  const hi = f64x2.add(r, w2);
  let lo = f64x2.add(f64x2.sub(r, hi), w2);
  lo = f64x2.relaxed_madd(f64x2.mul(b2(0), rlo), f64x2.add(rhi, r), lo);
  const y = f64x2.add(f64x2.relaxed_madd(r3, inner, lo), hi);
  return v128.bitselect(f64x2.splat(0.0), y, f64x2.eq(x, one));
}

/** Natural logarithm, rounded as glibc's FMA build (the host's FMA when it has one). */
export function log_glibc(x: f64): f64 {
  return hardwareFma ? logOf<HostFma>(x) : logOf<SoftFma>(x);
}

/** Natural logarithm, rounded as glibc's FMA build, with the FMA implementation `M`. */
export function logOf<M>(x: f64): f64 {
  let ix = reinterpret<u64>(x);
  // 1 - 2^-4 <= x < 1 + 0x1.09p-4
  if (ix - 0x3fee000000000000 < 0x3090000000000) return logNearOne<M>(x);
  const top = <u32>(ix >> 48);
  if (top - 0x0010 >= 0x7ff0 - 0x0010) {
    // x < 0x1p-1022 or inf or nan
    if ((ix << 1) == 0) return -Infinity;
    if (ix == 0x7ff0000000000000) return x;
    if ((top & 0x8000) != 0 || (top & 0x7ff0) == 0x7ff0) return NaN;
    // subnormal: normalise
    ix = reinterpret<u64>(x * 4503599627370496.0) - (<u64>52 << 52); // 0x1p52
  }
  // x = 2^k z with z in [0x1.6p-1, 0x1.6p0) split into 128 subintervals.
  const tmp = ix - 0x3fe6000000000000;
  const i = <usize>((tmp >> 45) & 127);
  const k = <i64>tmp >> 52;
  const z = reinterpret<f64>(ix - (tmp & 0xfff0000000000000));
  const entry = LOG_TABLE + (i << 4);
  const invc = load<f64>(entry);
  const logc = load<f64>(entry, 8);
  const kd = <f64>k;
  const r = fmaOf<M>(z, invc, -1.0);
  const w = fmaOf<M>(kd, d(LOG_LN2_HI), logc);
  const hi = r + w;
  const lo = fmaOf<M>(kd, d(LOG_LN2_LO), (w - hi) + r);
  const r2 = r * r;
  const p1 = fmaOf<M>(r, a(2), a(1));
  const p2 = fmaOf<M>(r, a(4), a(3));
  const base = fmaOf<M>(r2, a(0), lo);
  return fmaOf<M>(r * r2, fmaOf<M>(p2, r2, p1), base) + hi;
}

/** Exported for tests: `logOf2` of (x0, x1) written to `out` (2 f64); host FMA only. */
export function log2_glibc(x0: f64, x1: f64, out: usize): void {
  v128.store(out, logOf2(f64x2(x0, x1)));
}

/**
 * ln x for the two lanes of `x` at once, with the host's FMA (call only when
 * `useHostFma()`): the same operations as `logOf<HostFma>` lane by lane, so the same
 * results. When a lane is near 1 (the polynomial path) or outside the normal positive
 * range, both lanes go through the scalar path.
 */
// @ts-ignore: decorator
@inline export function logOf2(x: v128): v128 {
  const x0 = f64x2.extract_lane(x, 0);
  const x1 = f64x2.extract_lane(x, 1);
  const ix0 = reinterpret<u64>(x0);
  const ix1 = reinterpret<u64>(x1);
  const near0 = ix0 - 0x3fee000000000000 < 0x3090000000000;
  const near1 = ix1 - 0x3fee000000000000 < 0x3090000000000;
  if (
    (!near0 && <u32>(ix0 >> 48) - 0x0010 >= 0x7ff0 - 0x0010) ||
    (!near1 && <u32>(ix1 >> 48) - 0x0010 >= 0x7ff0 - 0x0010)
  ) {
    return f64x2(logOf<HostFma>(x0), logOf<HostFma>(x1));
  }
  const table = logTable2(ix0, ix1);
  if (!(near0 || near1)) return table;
  // A lane near 1 takes the polynomial, computed for both lanes (the other lane's is
  // not used), as `logNearOne` does.
  const lanes = i64x2(near0 ? -1 : 0, near1 ? -1 : 0);
  return v128.bitselect(logNearOne2(x), table, lanes);
}

/**
 * `logOf<HostFma>`'s table path for two positive normal doubles given by their bits (not
 * near 1): the same operations lane by lane.
 */
// @ts-ignore: decorator
@inline function logTable2(ix0: u64, ix1: u64): v128 {
  const tmp0 = ix0 - 0x3fe6000000000000;
  const tmp1 = ix1 - 0x3fe6000000000000;
  const entry0 = LOG_TABLE + (<usize>((tmp0 >> 45) & 127) << 4);
  const entry1 = LOG_TABLE + (<usize>((tmp1 >> 45) & 127) << 4);
  const z = i64x2(ix0 - (tmp0 & 0xfff0000000000000), ix1 - (tmp1 & 0xfff0000000000000));
  const invc = f64x2(load<f64>(entry0), load<f64>(entry1));
  const logc = f64x2(load<f64>(entry0, 8), load<f64>(entry1, 8));
  const kd = f64x2(<f64>(<i64>tmp0 >> 52), <f64>(<i64>tmp1 >> 52));
  const r = f64x2.relaxed_madd(z, invc, v128.load(MINUS_ONE_2));
  const w = f64x2.relaxed_madd(kd, v128.load(LOG_LN2_HI_2), logc);
  const hi = f64x2.add(r, w);
  const lo = f64x2.relaxed_madd(
    kd,
    v128.load(LOG_LN2_LO_2),
    f64x2.add(f64x2.sub(w, hi), r),
  );
  const r2 = f64x2.mul(r, r);
  const p1 = f64x2.relaxed_madd(r, a2(2), a2(1));
  const p2 = f64x2.relaxed_madd(r, a2(4), a2(3));
  const base = f64x2.relaxed_madd(r2, a2(0), lo);
  return f64x2.add(
    f64x2.relaxed_madd(f64x2.mul(r, r2), f64x2.relaxed_madd(p2, r2, p1), base),
    hi,
  );
}

/**
 * log10 x rounded as glibc's `log10` (fdlibm's `__ieee754_log10`: x = 2^n · m with m in
 * [1, 2) for n >= 0 and [0.5, 1) for n < 0, then n · log10(2)_lo + log(m) / ln 10 +
 * n · log10(2)_hi, unfused, with glibc's FMA-build `log` as `logOf`).
 */
// @ts-ignore: decorator
@inline export function log10Of<M>(value: f64): f64 {
  let x = value;
  let bits = reinterpret<u64>(x);
  let hx = <i32>(bits >> 32);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if ((bits << 1) == 0) return -Infinity; // ±0
    if (hx < 0) return NaN; // x < 0
    k -= 54;
    x *= 18014398509481984.0; // 2^54: subnormal, scaled up
    bits = reinterpret<u64>(x);
    hx = <i32>(bits >> 32);
  }
  if (hx >= 0x7ff00000) return x + x; // inf or NaN
  k += (hx >> 20) - 1023;
  const i = <i32>((<u32>k) >> 31);
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const y = <f64>(k + i);
  const m = reinterpret<f64>((<u64>(<u32>hx) << 32) | (bits & 0xffffffff));
  const z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-01 * logOf<M>(m);
  return z + y * 3.01029995663611771306e-01;
}

/** log10 x rounded as glibc's `log10` (see `log10Of`). */
export function log10_glibc(x: f64): f64 {
  return hardwareFma ? log10Of<HostFma>(x) : log10Of<SoftFma>(x);
}

/** Whether x is a positive normal double (log10Of's main path). */
// @ts-ignore: decorator
@inline function positiveNormal(x: f64): bool {
  const hx = <i32>(reinterpret<u64>(x) >> 32);
  return hx >= 0x00100000 && hx < 0x7ff00000;
}

/** (n, m) of log10Of's main path, as f64: y = n and the reduced argument m. */
// @ts-ignore: decorator
@inline function log10Split(x: f64): v128 {
  const bits = reinterpret<u64>(x);
  let hx = <i32>(bits >> 32);
  const k = (hx >> 20) - 1023;
  const i = <i32>((<u32>k) >> 31);
  hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  return f64x2(<f64>(k + i), reinterpret<f64>((<u64>(<u32>hx) << 32) | (bits & 0xffffffff)));
}

/**
 * out[i] = log10 x[i] for n f64, rounded as glibc's `log10` (numpy's `np.log10`); with
 * the host's FMA two values at a time (the same operations per lane as `log10Of`).
 */
export function log10_column(x: usize, out: usize, n: u32): void {
  let i: u32 = 0;
  if (hardwareFma) {
    for (; i + 2 <= n; i += 2) {
      const o = <usize>i << 3;
      const x0 = load<f64>(x + o);
      const x1 = load<f64>(x + o, 8);
      if (!positiveNormal(x0) || !positiveNormal(x1)) {
        store<f64>(out + o, log10Of<HostFma>(x0));
        store<f64>(out + o, log10Of<HostFma>(x1), 8);
        continue;
      }
      const a = log10Split(x0);
      const b = log10Split(x1);
      const y = i64x2.shuffle(a, b, 0, 2);
      const logs = logOf2(i64x2.shuffle(a, b, 1, 3));
      const z = f64x2.add(
        f64x2.mul(y, v128.load(LOG10_2LO_2)),
        f64x2.mul(v128.load(INV_LN10_2), logs),
      );
      v128.store(out + o, f64x2.add(z, f64x2.mul(y, v128.load(LOG10_2HI_2))));
    }
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, log10_glibc(load<f64>(x + o)));
  }
}
