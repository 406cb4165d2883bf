// Numbers as JSON text: each double written as the shortest decimal that reads back as
// the same double, laid out exactly as ECMAScript's Number::toString writes it (and so
// JSON.stringify): "0" for ±0, integers without ".0", plain notation for 1e-7 < |x| <
// 1e21 ("0.000001", "123.5", "100000000000000000000"), otherwise d.ddde±n ("1e+21",
// "1.5e-7", "5e-324").
//
// see: R. Giulietti, "The Schubfach way to render doubles" (2020; the algorithm of
//      Java's Double.toString since JDK 19): one 126-bit approximation g of a power of
//      ten per decimal exponent, three round-to-odd products give the scaled value and
//      its rounding interval, then at most two candidate decimals are tested. Java asks
//      for two digits at least; ECMAScript asks for the fewest, which is the paper's
//      plain algorithm (no s ≥ 100 test, no rescaling of the smallest subnormals).
// see: ECMA-262 §6.1.6.1.20 Number::toString (the fewest digits k; among those the
//      decimal closest to x, the even one on a tie; the layout by the exponent n).
//
// The tables (g, powers of ten, digit pairs) are generated with exact integer
// arithmetic by scripts/build_json_number_tables.ts (asm/json_number_tables.ts).

import { DIGIT_PAIRS, G_K_MIN, G_TABLE, POW10_TABLE } from "./json_number_tables";

const C_MIN: u64 = 1 << 52;
const Q_MIN: i32 = -1074;
const MASK_63: u64 = 0x7fffffffffffffff;
const CHAR_0: u32 = 48;
const CHAR_DOT: u32 = 46;
const CHAR_COMMA: u32 = 44;
const CHAR_MINUS: u32 = 45;
const CHAR_E: u32 = 101;
const CHAR_PLUS: u32 = 43;
/** "0.000000" as 8 little-endian bytes. */
const ZERO_POINT_ZEROS: u64 = 0x3030303030302e30;
/** "00000000" as 8 little-endian bytes. */
const EIGHT_ZEROS: u64 = 0x3030303030303030;

/** The exponent e of the last {@link shortestDecimal}: the decimal is its result · 10^e. */
let decimalExponent: i32 = 0;

/**
 * The high 64 bits of the 128-bit product a · b, from four 32 × 32-bit products (the
 * carries of the middle ones added in sequence: fewer operations than adding the three
 * low halves at once, 4 % less time for the whole formatter).
 */
// @ts-ignore: decorator
@inline function mulHigh(a: u64, b: u64): u64 {
  const aLo = a & 0xffffffff;
  const aHi = a >> 32;
  const bLo = b & 0xffffffff;
  const bHi = b >> 32;
  const middle = aHi * bLo + ((aLo * bLo) >> 32);
  const otherMiddle = aLo * bHi + (middle & 0xffffffff);
  return aHi * bHi + (middle >> 32) + (otherMiddle >> 32);
}

/**
 * ⌊d / 10⌋. A 64-bit division by a constant is what the engine turns into its own
 * 64 × 64 → 128-bit multiply-high (V8's optimizing tier: one instruction), which
 * WebAssembly does not offer otherwise; 6 % less time for the whole formatter than the
 * multiply-high above with a reciprocal.
 */
// @ts-ignore: decorator
@inline function div10(d: u64): u64 {
  return d / 10;
}

/**
 * The shortest decimal d · 10^e that rounds to the positive double c · 2^q (c, q as
 * IEEE 754 decodes it), the closest to it among the shortest (the even one on a tie).
 * Returns d (without trailing zeros); e goes to {@link decimalExponent}.
 */
function shortestDecimal(c: u64, q: i32): u64 {
  // Integers below 2^53: the digits of the integer itself.
  if (q < 0 && q > -53) {
    const f = c >> <u64>(-q);
    if (f << <u64>(-q) == c) {
      decimalExponent = 0;
      return f;
    }
  }
  // Bounds of the rounding interval, in quarters of 2^q: included when c is even.
  const out: u64 = c & 1;
  const cb = c << 2;
  const cbr = cb + 2;
  let cbl: u64;
  let k: i32;
  if (c != C_MIN || q == Q_MIN) {
    cbl = cb - 2;
    k = <i32>((<i64>q * 661971961083) >> 41); // ⌊q log10 2⌋
  } else {
    // A power of two: the interval below is half as wide.
    cbl = cb - 1;
    k = <i32>((<i64>q * 661971961083 - 274743187321) >> 41); // ⌊log10(3/4 · 2^q)⌋
  }
  const h = q + <i32>((<i64>(-k) * 913124641741) >> 38) + 2; // q + ⌊−k log2 10⌋ + 2
  const entry = G_TABLE + (<usize>(k - G_K_MIN) << 4);
  const g1 = load<u64>(entry);
  const g0 = load<u64>(entry, 8);
  // The three products g · cp share their partial products: cbl << h and cbr << h are
  // cb << h minus and plus a power of two.
  const cp = cb << h;
  const x1 = mulHigh(g0, cp);
  const x0 = g0 * cp;
  const y1 = mulHigh(g1, cp);
  const y0 = g1 * cp;
  const vb = oddFromProducts(x1, y0, y1);
  const sr = <u64>(h + 1);
  const rx0 = x0 + (g0 << sr);
  const rx1 = x1 + (g0 >> (64 - sr)) + <u64>(rx0 < x0);
  const ry0 = y0 + (g1 << sr);
  const ry1 = y1 + (g1 >> (64 - sr)) + <u64>(ry0 < y0);
  const vbr = oddFromProducts(rx1, ry0, ry1);
  const sl = <u64>(h + 1) - <u64>(cb - cbl == 1);
  const dx0 = g0 << sl;
  const lx1 = x1 - (g0 >> (64 - sl)) - <u64>(x0 < dx0);
  const dy0 = g1 << sl;
  const ly0 = y0 - dy0;
  const ly1 = y1 - (g1 >> (64 - sl)) - <u64>(y0 < dy0);
  const vbl = oddFromProducts(lx1, ly0, ly1);
  const s = vb >> 2;
  // One digit fewer: at most one multiple of 10 lies in the interval.
  const s10 = div10(s);
  const sp10 = s10 * 10;
  const tp10 = sp10 + 10;
  const upin = vbl + out <= sp10 << 2;
  const wpin = (tp10 << 2) + out <= vbr;
  // Otherwise s or s + 1, whichever is in the interval, or the closer one.
  const t = s + 1;
  const uin = vbl + out <= s << 2;
  const win = (t << 2) + out <= vbr;
  const cmp = <i64>(vb - ((s + t) << 1));
  const closer = cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : t;
  const fine = uin != win ? (uin ? s : t) : closer;
  const coarse = upin != wpin;
  let d = coarse ? s10 + <u64>wpin : fine;
  let e = k + <i32>coarse;
  if (coarse) {
    for (;;) {
      const q = div10(d);
      if (q * 10 != d) break;
      d = q;
      e++;
    }
  }
  decimalExponent = e;
  return d;
}

/**
 * g · cp / 2^127 rounded to odd (its floor, with the lowest bit set when inexact) for
 * g = g1 · 2^63 + g0, from the partial products x1 = ⌊g0 · cp / 2^64⌋ and
 * y1 · 2^64 + y0 = g1 · cp (Giulietti, section 9.8.3, "rop").
 */
// @ts-ignore: decorator
@inline function oddFromProducts(x1: u64, y0: u64, y1: u64): u64 {
  const z = (y0 >> 1) + x1;
  return (y1 + (z >> 63)) | (((z & MASK_63) + MASK_63) >> 63);
}

/** Number of decimal digits of d (1 for 0). */
// @ts-ignore: decorator
@inline function digitCount(d: u64): u32 {
  const guess = <u32>(((64 - <u32>clz(d | 1)) * 1233) >> 12);
  return guess + <u32>(d >= load<u64>(POW10_TABLE + (<usize>guess << 3)));
}

/** The 8 ASCII digits of v < 10^8 (leading zeros kept), first digit in the lowest byte. */
// @ts-ignore: decorator
@inline function eightDigits(v: u32): u64 {
  const x = <u64>v;
  const high = (x * 109951163) >> 40;
  const y = (x << 32) - high * 42949672959999;
  const pairs = ((y * 5243) >> 19) & 0x0000007f0000007f;
  const z = (y << 16) - pairs * 6553599;
  const tens = ((z * 103) >> 10) & 0x000f000f000f000f;
  return (z << 8) - tens * 2559 + 0x3030303030303030;
}

/** The two ASCII digits of v < 100, tens first in memory. */
// @ts-ignore: decorator
@inline function pair(v: u32): u16 {
  return load<u16>(DIGIT_PAIRS + (<usize>v << 1));
}

/**
 * Where the 17 digits of the current number are written, ahead of its text (they are
 * then copied into place, 17 bytes at a time: no loop over the digits).
 */
const AHEAD: usize = 48;

/** Writes d < 10^17 as 17 digits (leading zeros kept) at p + AHEAD; returns the address after them. */
// @ts-ignore: decorator
@inline function writeSeventeen(p: usize, d: u64): usize {
  // A division by a constant: a multiply-high, as in div10.
  const high = d / 100000000;
  const low = <u32>(d - high * 100000000);
  const top = <u32>high / 100000000;
  const mid = <u32>high - top * 100000000;
  const a = p + AHEAD;
  store<u8>(a, CHAR_0 + top);
  store<u64>(a, eightDigits(mid), 1);
  store<u64>(a, eightDigits(low), 9);
  return a + 17;
}

/** Copies 17 bytes from src to dst (dst < src − 16). */
// @ts-ignore: decorator
@inline function copy17(dst: usize, src: usize): void {
  v128.store(dst, v128.load(src));
  store<u8>(dst, load<u8>(src, 16), 16);
}

/**
 * Writes the finite double x at p as Number::toString writes it; returns the end. Bytes
 * up to p + 82 may be written (scratch digits ahead, 8- and 16-byte stores).
 */
function writeNumber(p: usize, x: f64): usize {
  const bits = reinterpret<u64>(x);
  const t = bits & (C_MIN - 1);
  const bq = <i32>((bits >> 52) & 0x7ff);
  if (bq == 0 && t == 0) {
    store<u8>(p, CHAR_0);
    return p + 1;
  }
  if (bits >> 63) {
    store<u8>(p, CHAR_MINUS);
    p++;
  }
  const d = bq == 0 ? shortestDecimal(t, Q_MIN) : shortestDecimal(t | C_MIN, bq - 1075);
  const len = digitCount(d);
  // ECMAScript's n: the decimal is 0.d1…dlen · 10^n.
  const n = decimalExponent + <i32>len;
  const digits = writeSeventeen(p, d) - len;
  if (<i32>len <= n && n <= 21) {
    // An integer: the digits, then n − len zeros.
    copy17(p, digits);
    const end = p + <usize>n;
    for (let z = p + len; z < end; z += 8) store<u64>(z, EIGHT_ZEROS);
    return end;
  }
  if (0 < n && n <= 21) {
    // A point after the first n digits.
    copy17(p, digits);
    copy17(p + <usize>n + 1, digits + <usize>n);
    store<u8>(p + <usize>n, CHAR_DOT);
    return p + len + 1;
  }
  if (-6 < n && n <= 0) {
    // "0." and −n zeros, then the digits.
    store<u64>(p, ZERO_POINT_ZEROS);
    const start = p + 2 + <usize>(-n);
    copy17(start, digits);
    return start + len;
  }
  // Exponential: d1[.d2…]e±(n − 1).
  store<u8>(p, load<u8>(digits));
  let end = p + 1;
  if (len > 1) {
    store<u8>(end, CHAR_DOT);
    copy17(end + 1, digits + 1);
    end = p + len + 1;
  }
  store<u8>(end, CHAR_E);
  let exponent = n - 1;
  if (exponent < 0) {
    store<u8>(end + 1, CHAR_MINUS);
    exponent = -exponent;
  } else {
    store<u8>(end + 1, CHAR_PLUS);
  }
  const e = <u32>exponent;
  if (e >= 100) {
    const h = e / 100;
    store<u8>(end + 2, CHAR_0 + h);
    store<u16>(end + 3, pair(e - h * 100));
    return end + 5;
  }
  if (e >= 10) {
    store<u16>(end + 2, pair(e));
    return end + 4;
  }
  store<u8>(end + 2, CHAR_0 + e);
  return end + 3;
}

/**
 * `out`: the n f64 at `x` as JSON numbers separated by commas (no brackets; the text is
 * at most 26 · n bytes, and up to 26 · n + 64 bytes may be written). Returns the number of bytes written, or −1 − i when x[i] is NaN or
 * infinite (nothing is written for it: JSON has no such number).
 */
export function json_numbers(x: usize, n: u32, out: usize): i32 {
  let p = out;
  for (let i: u32 = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    if ((reinterpret<u64>(v) & 0x7ff0000000000000) == 0x7ff0000000000000) return -1 - <i32>i;
    if (i > 0) {
      store<u8>(p, CHAR_COMMA);
      p++;
    }
    p = writeNumber(p, v);
  }
  return <i32>(p - out);
}

