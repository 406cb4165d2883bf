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

/** Largest number of bytes one number takes ("-0.0000012345678901234567"). */
export const MAX_NUMBER_BYTES: u32 = 25;

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

/** The high 64 bits of the 128-bit product a · b. */
// @ts-ignore: decorator
@inline function mulHigh(a: u64, b: u64): u64 {
  const aLo = a & 0xffffffff;
  const aHi = a >> 32;
  const bLo = b & 0xffffffff;
  const bHi = b >> 32;
  const lo = aLo * bLo;
  const mid1 = aHi * bLo;
  const mid2 = aLo * bHi;
  const carry = ((lo >> 32) + (mid1 & 0xffffffff) + (mid2 & 0xffffffff)) >> 32;
  return aHi * bHi + (mid1 >> 32) + (mid2 >> 32) + carry;
}

/**
 * g · cp / 2^127 rounded to odd (its floor, with the lowest bit set when inexact), for
 * g = g1 · 2^63 + g0 (Giulietti, section 9.8.3).
 */
// @ts-ignore: decorator
@inline function roundToOdd(g1: u64, g0: u64, cp: u64): u64 {
  const x1 = mulHigh(g0, cp);
  const y0 = g1 * cp;
  const y1 = mulHigh(g1, cp);
  const z = (y0 >> 1) + x1;
  const high = y1 + (z >> 63);
  return high | (((z & MASK_63) + MASK_63) >> 63);
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
  const vb = roundToOdd(g1, g0, cb << h);
  const vbl = roundToOdd(g1, g0, cbl << h);
  const vbr = roundToOdd(g1, g0, cbr << h);
  const s = vb >> 2;
  // One digit fewer: at most one multiple of 10 lies in the interval.
  const sp10 = (s / 10) * 10;
  const tp10 = sp10 + 10;
  const upin = vbl + out <= sp10 << 2;
  const wpin = (tp10 << 2) + out <= vbr;
  if (upin != wpin) {
    let d = (upin ? sp10 : tp10) / 10;
    let e = k + 1;
    while (d % 10 == 0) {
      d /= 10;
      e++;
    }
    decimalExponent = e;
    return d;
  }
  // Otherwise s or s + 1, whichever is in the interval, or the closer one.
  const t = s + 1;
  const uin = vbl + out <= s << 2;
  const win = (t << 2) + out <= vbr;
  decimalExponent = k;
  if (uin != win) return uin ? s : t;
  const cmp = <i64>(vb - ((s + t) << 1));
  return cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : t;
}

/** Number of decimal digits of d (1 for 0). */
// @ts-ignore: decorator
@inline function digitCount(d: u64): u32 {
  // ⌊log10⌋ from the bit length (1233/4096 ≈ log10 2), corrected by one.
  const guess = <u32>(((64 - <u32>clz(d | 1)) * 1233) >> 12);
  return guess + <u32>(d >= load<u64>(POW10_TABLE + (<usize>guess << 3)));
}

/** The two ASCII digits of v < 100, tens first in memory. */
// @ts-ignore: decorator
@inline function pair(v: u32): u16 {
  return load<u16>(DIGIT_PAIRS + (<usize>v << 1));
}

/** Writes the 8 digits of v < 10^8 (with leading zeros) at p. */
// @ts-ignore: decorator
@inline function writeEight(p: usize, v: u32): void {
  const hi = v / 10000;
  const lo = v - hi * 10000;
  const a = hi / 100;
  const b = lo / 100;
  store<u64>(
    p,
    <u64>pair(a) | (<u64>pair(hi - a * 100) << 16) | (<u64>pair(b) << 32) |
      (<u64>pair(lo - b * 100) << 48),
  );
}

/** Writes the `len` digits of d (len = digitCount(d)) at p. */
// @ts-ignore: decorator
@inline function writeDigits(p: usize, d: u64, len: u32): void {
  let end = p + len;
  while (d >= 100000000) {
    const q = d / 100000000;
    end -= 8;
    writeEight(end, <u32>(d - q * 100000000));
    d = q;
  }
  let v = <u32>d;
  while (v >= 100) {
    const q = v / 100;
    end -= 2;
    store<u16>(end, pair(v - q * 100));
    v = q;
  }
  if (v >= 10) store<u16>(end - 2, pair(v));
  else store<u8>(end - 1, CHAR_0 + v);
}

/**
 * Writes the finite double x at p as Number::toString writes it; returns the end.
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
  if (<i32>len <= n && n <= 21) {
    // An integer: the digits, then n − len zeros.
    writeDigits(p, d, len);
    const end = p + <usize>n;
    for (let z = p + len; z < end; z += 8) store<u64>(z, EIGHT_ZEROS);
    return end;
  }
  if (0 < n && n <= 21) {
    // A point inside the digits: write them one byte on, move the first n back.
    writeDigits(p + 1, d, len);
    for (let i: usize = 0; i < <usize>n; i++) store<u8>(p + i, load<u8>(p + i + 1));
    store<u8>(p + <usize>n, CHAR_DOT);
    return p + len + 1;
  }
  if (-6 < n && n <= 0) {
    // "0." and −n zeros, then the digits.
    store<u64>(p, ZERO_POINT_ZEROS);
    const start = p + 2 + <usize>(-n);
    writeDigits(start, d, len);
    return start + len;
  }
  // Exponential: d1[.d2…]e±(n − 1).
  writeDigits(p + 1, d, len);
  store<u8>(p, load<u8>(p + 1));
  let end = p + 1;
  if (len > 1) {
    store<u8>(end, CHAR_DOT);
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
  const elen: u32 = e >= 100 ? 3 : e >= 10 ? 2 : 1;
  writeDigits(end + 2, e, elen);
  return end + 2 + elen;
}

/**
 * `out`: the n f64 at `x` as JSON numbers separated by commas (no brackets; at most
 * 26 · n bytes). Returns the number of bytes written, or −1 − i when x[i] is NaN or
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
