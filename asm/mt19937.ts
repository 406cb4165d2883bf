// MT19937 with numpy's legacy `RandomState` semantics.
//
// see: M. Matsumoto and T. Nishimura, "Mersenne Twister: a 623-dimensionally
//      equidistributed uniform pseudo-random number generator", ACM TOMACS 8 (1998),
//      doi:10.1145/272991.272995 (init_genrand, genrand_int32, tempering).
// see: numpy `RandomState` (legacy): 53-bit doubles from two words, the polar
//      Gaussian with one cached value (../shared/spec/sampling-order.md, section 1).
//
import { expOf, expOf2, logOf, logOf2 } from "./libm";
import { ATTEMPTS_OFFSET, FACTORS_OFFSET, scratchAt } from "./scratch";

// State block layout (byte offsets from the state pointer `s`, STATE_BYTES in all):
//   [0, 2496)     624 u32 key words
//   2496          u32 position in the key (624 = the next output twists the block)
//   2500          u32 Gaussian cache flag (0 or 1)
//   2504          f64 cached Gaussian value
//   [2512, 5008)  624 u32 tempered key words (the outputs; rebuilt by each twist and by
//                 `mt_refresh` after the key is set from outside)

/** Number of 32-bit words in the MT19937 key. */
const N: u32 = 624;
const M: u32 = 397;
const MATRIX_A: u32 = 0x9908b0df;
const UPPER_MASK: u32 = 0x80000000;
const LOWER_MASK: u32 = 0x7fffffff;

const POS_OFFSET: usize = 2496;
const HAS_GAUSS_OFFSET: usize = 2500;
const GAUSS_OFFSET: usize = 2504;

const TEMPERED_OFFSET: usize = 2512;

const STATE_BYTES: u32 = 5008;

/** Bytes of one generator state block. */
export function state_bytes(): u32 {
  return STATE_BYTES;
}

/** 2^26 and 2^53, the scale factors of numpy's 53-bit double. */
const TWO_POW_26: f64 = 67108864.0;
const TWO_POW_53: f64 = 9007199254740992.0;
/** 2^-53: dividing by 2^53 and multiplying by this are the same exact operation. */
const TWO_POW_MINUS_53: f64 = 1.0 / 9007199254740992.0;
/** The same, in two lanes (see `UPPER_MASKS`). */
const TWO_POW_26S: usize = memory.data<f64>([TWO_POW_26, TWO_POW_26], 16);
const TWO_POW_MINUS_53S: usize = memory.data<f64>([TWO_POW_MINUS_53, TWO_POW_MINUS_53], 16);
/** (1, 1) and (-2, -2). */
const ONES: usize = memory.data<f64>([1.0, 1.0], 16);
const MINUS_TWOS: usize = memory.data<f64>([-2.0, -2.0], 16);

/** Seeds the state block `s` like numpy's `RandomState.seed(seed)` (init_genrand; clears the Gaussian cache). */
export function mt_seed(s: usize, seed: u32): void {
  let prev: u32 = seed;
  store<u32>(s, prev);
  for (let i: u32 = 1; i < N; i++) {
    prev = 1812433253 * (prev ^ (prev >> 30)) + i;
    store<u32>(s + (<usize>i << 2), prev);
  }
  store<u32>(s + POS_OFFSET, N);
  store<u32>(s + HAS_GAUSS_OFFSET, 0);
  store<f64>(s + GAUSS_OFFSET, 0.0);
}

/** One twisted word: y = upper bit of `a` | lower bits of `b`; `m` ^ (y >> 1) ^ (odd y ? A : 0). */
// @ts-ignore: decorator
@inline function twisted(a: u32, b: u32, m: u32): u32 {
  const y = (a & UPPER_MASK) | (b & LOWER_MASK);
  return m ^ (y >> 1) ^ (select<u32>(MATRIX_A, 0, y & 1));
}

/**
 * Four-lane constants read from linear memory: V8 rebuilds a `v128.const` at every use
 * inside a loop (three instructions), while a load from a constant address is one.
 */
const UPPER_MASKS: usize = memory.data<u32>([UPPER_MASK, UPPER_MASK, UPPER_MASK, UPPER_MASK], 16);
const LOWER_MASKS: usize = memory.data<u32>([LOWER_MASK, LOWER_MASK, LOWER_MASK, LOWER_MASK], 16);
const MATRIX_AS: usize = memory.data<u32>([MATRIX_A, MATRIX_A, MATRIX_A, MATRIX_A], 16);
const TEMPER_B: u32 = 0x9d2c5680;
const TEMPER_C: u32 = 0xefc60000;
const TEMPER_BS: usize = memory.data<u32>([TEMPER_B, TEMPER_B, TEMPER_B, TEMPER_B], 16);
const TEMPER_CS: usize = memory.data<u32>([TEMPER_C, TEMPER_C, TEMPER_C, TEMPER_C], 16);

/**
 * The same for four consecutive words at once, with the masks (upper, lower) and the
 * matrix A in four lanes (`UPPER_MASKS`, …, loaded once by the caller).
 */
// @ts-ignore: decorator
@inline function twisted4(a: v128, b: v128, m: v128, upper: v128, lower: v128, matrix: v128): v128 {
  const y = v128.or(v128.and(a, upper), v128.and(b, lower));
  // All ones where y is odd: the low bit moved to the top and shifted back with its sign.
  const odd = i32x4.shr_s(i32x4.shl(y, 31), 31);
  return v128.xor(v128.xor(m, i32x4.shr_u(y, 1)), v128.and(odd, matrix));
}

/** Word `k` of the key. */
// @ts-ignore: decorator
@inline function word(s: usize, k: u32): u32 {
  return load<u32>(s + (<usize>k << 2));
}

/**
 * Regenerates the 624-word block (the MT19937 "twist"), four words at a time: word k
 * needs the old words k + 1 and k + 397 (k < 227) or the new word k − 227, which are
 * never inside the same group of four. Each new group is tempered into the output block
 * as it is made.
 */
function twist(s: usize): void {
  // The lane constants in locals for the whole block (V8 keeps them in registers).
  const upper = v128.load(UPPER_MASKS);
  const lower = v128.load(LOWER_MASKS);
  const matrix = v128.load(MATRIX_AS);
  const b = v128.load(TEMPER_BS);
  const c = v128.load(TEMPER_CS);
  let kk: u32 = 0;
  for (; kk + 4 <= N - M; kk += 4) {
    const at = s + (<usize>kk << 2);
    const y = twisted4(
      v128.load(at),
      v128.load(at, 4),
      v128.load(at + (<usize>M << 2)),
      upper,
      lower,
      matrix,
    );
    v128.store(at, y);
    v128.store(at + TEMPERED_OFFSET, temperedWith(y, b, c));
  }
  for (; kk < N - M; kk++) {
    store<u32>(s + (<usize>kk << 2), twisted(word(s, kk), word(s, kk + 1), word(s, kk + M)));
  }
  for (; kk + 4 <= N - 1; kk += 4) {
    const at = s + (<usize>kk << 2);
    const y = twisted4(
      v128.load(at),
      v128.load(at, 4),
      v128.load(at - (<usize>(N - M) << 2)),
      upper,
      lower,
      matrix,
    );
    v128.store(at, y);
    v128.store(at + TEMPERED_OFFSET, temperedWith(y, b, c));
  }
  for (; kk < N - 1; kk++) {
    store<u32>(s + (<usize>kk << 2), twisted(word(s, kk), word(s, kk + 1), word(s, kk + M - N)));
  }
  store<u32>(s + (<usize>(N - 1) << 2), twisted(word(s, N - 1), word(s, 0), word(s, M - 1)));
  store<u32>(s + POS_OFFSET, 0);
  // The groups written one word at a time (and the last word): 224..227 and 620..623.
  temperGroup(s, (N - M) & ~3);
  temperGroup(s, (N - 1) & ~3);
}

/** MT19937 tempering of four words. */
// @ts-ignore: decorator
@inline function tempered4(x: v128): v128 {
  return temperedWith(x, v128.load(TEMPER_BS), v128.load(TEMPER_CS));
}

/** `tempered4` with its two masks in four lanes (`TEMPER_BS`, `TEMPER_CS`) given. */
// @ts-ignore: decorator
@inline function temperedWith(x: v128, b: v128, c: v128): v128 {
  let y = x;
  y = v128.xor(y, i32x4.shr_u(y, 11));
  y = v128.xor(y, v128.and(i32x4.shl(y, 7), b));
  y = v128.xor(y, v128.and(i32x4.shl(y, 15), c));
  return v128.xor(y, i32x4.shr_u(y, 18));
}

/** Tempers the group of four key words starting at word k into the output block. */
// @ts-ignore: decorator
@inline function temperGroup(s: usize, k: u32): void {
  const o = <usize>k << 2;
  v128.store(s + TEMPERED_OFFSET + o, tempered4(v128.load(s + o)));
}

/** Tempers the 624 key words into the output block (MT19937 tempering, four at a time). */
function temperAll(s: usize): void {
  for (let k: u32 = 0; k < N; k += 4) temperGroup(s, k);
}

/** Rebuilds the tempered outputs after the key words were written from outside (setState). */
export function mt_refresh(s: usize): void {
  temperAll(s);
}

/** Next tempered 32-bit output. */
// @ts-ignore: decorator
@inline export function nextU32(s: usize): u32 {
  let pos = load<u32>(s + POS_OFFSET);
  if (pos >= N) {
    twist(s);
    pos = 0;
  }
  store<u32>(s + POS_OFFSET, pos + 1);
  return load<u32>(s + TEMPERED_OFFSET + (<usize>pos << 2));
}

/** Next double in [0, 1) from two outputs: ((a >> 5) * 2^26 + (b >> 6)) / 2^53. */
// @ts-ignore: decorator
@inline export function nextDouble(s: usize): f64 {
  const a = nextU32(s) >> 5;
  const b = nextU32(s) >> 6;
  return (<f64>a * TWO_POW_26 + <f64>b) / TWO_POW_53;
}

/** The double numpy builds from two outputs a, b: ((a >> 5) · 2^26 + (b >> 6)) / 2^53. */
// @ts-ignore: decorator
@inline function doubleOf(a: u32, b: u32): f64 {
  return (<f64>(a >> 5) * TWO_POW_26 + <f64>(b >> 6)) * TWO_POW_MINUS_53;
}

/**
 * Key position of the fill in progress: read from the state block when a fill starts
 * (`beginDraws`) and written back when it ends (`endDraws`), so the draws in between do
 * not go through linear memory for it.
 */
let cursor: u32 = 0;

// @ts-ignore: decorator
@inline function beginDraws(s: usize): void {
  cursor = load<u32>(s + POS_OFFSET);
}

// @ts-ignore: decorator
@inline function endDraws(s: usize): void {
  store<u32>(s + POS_OFFSET, cursor);
}

/** The next double of the stream (between `beginDraws` and `endDraws`). */
// @ts-ignore: decorator
@inline function drawDouble(s: usize): f64 {
  if (cursor <= N - 2) {
    const t = s + TEMPERED_OFFSET + (<usize>cursor << 2);
    cursor += 2;
    return doubleOf(load<u32>(t), load<u32>(t, 4));
  }
  // Across the end of the block: word by word, twisting when needed.
  store<u32>(s + POS_OFFSET, cursor);
  const x = nextDouble(s);
  cursor = load<u32>(s + POS_OFFSET);
  return x;
}

/**
 * The next two doubles of the stream, as two `drawDouble` calls (between `beginDraws`
 * and `endDraws`): from four words a0 b0 a1 b1 in the block, both at once
 * ((a >> 5) · 2^26 + (b >> 6)) · 2^-53, every step exact.
 */
// @ts-ignore: decorator
@inline function drawPair(s: usize): v128 {
  if (cursor <= N - 4) {
    const x = pairAt(s, cursor);
    cursor += 4;
    return x;
  }
  const first = drawDouble(s);
  return f64x2(first, drawDouble(s));
}

/**
 * The two doubles made from the four tempered words at key position `pos` (<= N − 4):
 * a0 b0 a1 b1 → ((a >> 5) · 2^26 + (b >> 6)) · 2^-53, every step exact. The loops that
 * call it directly keep the position in a local: V8 keeps `cursor`, a global, in memory.
 */
// @ts-ignore: decorator
@inline function pairAt(s: usize, pos: u32): v128 {
  const w = v128.load(s + TEMPERED_OFFSET + (<usize>pos << 2));
  // (a0 >> 5, a1 >> 5, b0 >> 6, b1 >> 6), all below 2^27: their signed conversion (one
  // x86 instruction) gives the doubles of the unsigned one (which V8 emulates).
  const parts = i32x4.shuffle(i32x4.shr_u(w, 5), i32x4.shr_u(w, 6), 0, 2, 5, 7);
  const high = f64x2.convert_low_i32x4_s(parts);
  const low = f64x2.convert_low_i32x4_s(i32x4.shuffle(parts, parts, 2, 3, 0, 1));
  return f64x2.mul(
    f64x2.add(f64x2.mul(high, v128.load(TWO_POW_26S)), low),
    v128.load(TWO_POW_MINUS_53S),
  );
}

/**
 * One accepted attempt of numpy's legacy polar method: x1, x2 = 2u − 1 for two doubles
 * u, redrawn while r2 = x1² + x2² is >= 1 or 0. Returns (x1, x2).
 */
// @ts-ignore: decorator
@inline function polarAttempt(s: usize): v128 {
  let x1: f64, x2: f64, r2: f64;
  let x: v128;
  do {
    x = polarCandidate(s);
    x1 = f64x2.extract_lane(x, 0);
    x2 = f64x2.extract_lane(x, 1);
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  return x;
}

/** One attempt of the polar method, accepted or not: (x1, x2) = 2u − 1 for two doubles u. */
// @ts-ignore: decorator
@inline function polarCandidate(s: usize): v128 {
  return candidateOf(drawPair(s));
}

/** The attempt (2u0 − 1, 2u1 − 1) of two doubles u (u + u is 2u exactly). */
// @ts-ignore: decorator
@inline function candidateOf(u: v128): v128 {
  return f64x2.sub(f64x2.add(u, u), v128.load(ONES));
}

/** 1 when the attempt (x1, x2) is accepted (0 < x1² + x2² < 1), else 0, without a branch. */
// @ts-ignore: decorator
@inline function accepted(x: v128): u32 {
  const r2 = radius2(x);
  return <u32>(r2 < 1.0) & <u32>(r2 != 0.0);
}

/**
 * Accepted attempts drawn ahead of their values by `fillGaussian`, and of their factors
 * computed ahead of the values (both in the instance's scratch block, asm/scratch.ts).
 */
const ATTEMPT_CHUNK: u32 = 256;

/**
 * Writes the next `pairs` accepted attempts of the stream to `buf` (16 bytes each): every
 * attempt is written at the next free slot and the slot is
 * kept only when the attempt is accepted, so the accept test is never guessed.
 */
// @ts-ignore: decorator
@inline function acceptedAttempts(s: usize, buf: usize, pairs: u32): void {
  let p: u32 = 0;
  while (p < pairs) {
    // The attempts inside the current block, with the position in a local.
    let pos = cursor;
    while (p < pairs && pos <= N - 4) {
      const x = candidateOf(pairAt(s, pos));
      pos += 4;
      v128.store(buf + (<usize>p << 4), x);
      p += accepted(x);
    }
    cursor = pos;
    // One attempt across the end of the block (or none when done).
    if (p < pairs) {
      const x = polarCandidate(s);
      v128.store(buf + (<usize>p << 4), x);
      p += accepted(x);
    }
  }
}

/** Advances the stream past the next `pairs` accepted attempts. */
// @ts-ignore: decorator
@inline function skipAttempts(s: usize, pairs: u32): void {
  let p: u32 = 0;
  while (p < pairs) {
    // Two at a time while two more are wanted, then one at a time.
    let pos = cursor;
    while (p + 2 <= pairs && pos <= N - 8) {
      p += popcnt<u32>(acceptedMask(candidateOf(pairAt(s, pos)), candidateOf(pairAt(s, pos + 4))));
      pos += 8;
    }
    while (p < pairs && pos <= N - 4) {
      p += accepted(candidateOf(pairAt(s, pos)));
      pos += 4;
    }
    cursor = pos;
    if (p < pairs) p += accepted(polarCandidate(s));
  }
}

/**
 * `accepted` of two attempts at once: bit 0 for `a`, bit 1 for `b` (r2 = x1·x1 + x2·x2
 * of each in its lane, the same operations).
 */
// @ts-ignore: decorator
@inline function acceptedMask(a: v128, b: v128): u32 {
  const aa = f64x2.mul(a, a);
  const bb = f64x2.mul(b, b);
  const r2 = f64x2.add(i64x2.shuffle(aa, bb, 0, 2), i64x2.shuffle(aa, bb, 1, 3));
  return i64x2.bitmask(v128.and(f64x2.lt(r2, v128.load(ONES)), f64x2.ne(r2, f64x2.splat(0.0))));
}

/** x1² + x2² of an attempt (x1, x2). */
// @ts-ignore: decorator
@inline function radius2(x: v128): f64 {
  const x1 = f64x2.extract_lane(x, 0);
  const x2 = f64x2.extract_lane(x, 1);
  return x1 * x1 + x2 * x2;
}

/**
 * Fills `out` (n f64) with `low + range · random_sample` drawn exactly as n successive
 * `nextDouble` calls. (With low = 0 and range = 1 the values are the doubles themselves:
 * 0 + 1 · x = x.)
 */
export function fillUniform(s: usize, out: usize, n: u32, low: f64, range: f64): void {
  beginDraws(s);
  const lows = f64x2.splat(low);
  const ranges = f64x2.splat(range);
  let i: u32 = 0;
  while (i + 2 <= n) {
    let pos = cursor;
    for (; i + 2 <= n && pos <= N - 4; i += 2) {
      v128.store(out + (<usize>i << 3), f64x2.add(lows, f64x2.mul(ranges, pairAt(s, pos))));
      pos += 4;
    }
    cursor = pos;
    if (i + 2 <= n) {
      v128.store(out + (<usize>i << 3), f64x2.add(lows, f64x2.mul(ranges, drawPair(s))));
      i += 2;
    }
  }
  if (i < n) store<f64>(out + (<usize>i << 3), low + range * drawDouble(s));
  endDraws(s);
}

/**
 * Fills `out` (n f64) with `loc + scale · gauss`: e^(that) when `Mode` is `u8`, the
 * value itself when `u16`, and with `u32` `loc` is each element's current value
 * (out_i + scale · gauss, numpy's `normal(loc=out, scale)`).
 *
 * gauss is numpy's legacy polar method with its one-value cache: a cached value is used
 * first; otherwise, from an accepted attempt (x1, x2, r2) (`polarAttempt`),
 * f = √(−2 ln r2 / r2) and the values are x2 · f then x1 · f (the second one cached when n
 * runs out mid-pair). The attempts of up to ATTEMPT_CHUNK pairs are drawn first, then
 * their values (`attemptValues`); values need no draws, so this order consumes the
 * stream as numpy does.
 */
export function fillGaussian<M, Mode>(s: usize, out: usize, n: u32, loc: f64, scale: f64): void {
  if (n == 0) return;
  let i = headValue<M, Mode>(s, out, loc, scale);
  beginDraws(s);
  const attempts = scratchAt(ATTEMPTS_OFFSET);
  const factors = scratchAt(FACTORS_OFFSET);
  while (i + 2 <= n) {
    const pairs = min<u32>(ATTEMPT_CHUNK, (n - i) >> 1);
    acceptedAttempts(s, attempts, pairs);
    attemptValues<M, Mode>(attempts, out + (<usize>i << 3), pairs, loc, scale, factors);
    i += pairs << 1;
  }
  if (i < n) tailValue<M, Mode>(s, out + (<usize>i << 3), loc, scale);
  endDraws(s);
}

/** The value of `Mode` from the Gaussian value g at `at`: loc + scale · g, or e^(that), or out + scale · g. */
// @ts-ignore: decorator
@inline function valueOf<M, Mode>(at: usize, g: f64, loc: f64, scale: f64): f64 {
  const v = (sizeof<Mode>() == 4 ? load<f64>(at) : loc) + scale * g;
  return sizeof<Mode>() == 1 ? expOf<M>(v) : v;
}

/** Writes the cached Gaussian's value at `out` and clears the cache; returns 1, or 0 when none. */
// @ts-ignore: decorator
@inline function headValue<M, Mode>(s: usize, out: usize, loc: f64, scale: f64): u32 {
  if (load<u32>(s + HAS_GAUSS_OFFSET) == 0) return 0;
  store<u32>(s + HAS_GAUSS_OFFSET, 0);
  const cached = load<f64>(s + GAUSS_OFFSET);
  store<f64>(s + GAUSS_OFFSET, 0.0);
  store<f64>(out, valueOf<M, Mode>(out, cached, loc, scale));
  return 1;
}

/**
 * One more accepted attempt (between `beginDraws` and `endDraws`): its first value at
 * `at`, its second one cached.
 */
// @ts-ignore: decorator
@inline function tailValue<M, Mode>(s: usize, at: usize, loc: f64, scale: f64): void {
  const x = polarAttempt(s);
  const x1 = f64x2.extract_lane(x, 0);
  const x2 = f64x2.extract_lane(x, 1);
  const r2 = x1 * x1 + x2 * x2;
  const f = Math.sqrt(-2.0 * logOf<M>(r2) / r2);
  store<f64>(at, valueOf<M, Mode>(at, f * x2, loc, scale));
  store<f64>(s + GAUSS_OFFSET, f * x1);
  store<u32>(s + HAS_GAUSS_OFFSET, 1);
}

/**
 * The 2 · `pairs` values (see `fillGaussian`) of the accepted attempts at `buf` into
 * `out`. With the host FMA: by chunks of up to ATTEMPT_CHUNK attempts, first their
 * factors √(−2 ln r2 / r2) into `factors` (short independent iterations the processor
 * overlaps), then the values, two attempts at a time with two-lane logarithms and
 * exponentials (the same operations per lane as the scalar path, which takes the rest).
 */
export function attemptValues<M, Mode>(
  buf: usize,
  out: usize,
  pairs: u32,
  loc: f64,
  scale: f64,
  factors: usize,
): void {
  let q: u32 = 0;
  if (sizeof<M>() == 1) {
    const scales = f64x2.splat(scale);
    const add = sizeof<Mode>() == 4;
    while (q + 2 <= pairs) {
      const first = q;
      const end = min<u32>(pairs & ~1, first + ATTEMPT_CHUNK);
      for (let p = first; p < end; p += 2) {
        const a = v128.load(buf + (<usize>p << 4));
        const b = v128.load(buf + (<usize>p << 4), 16);
        const r2 = f64x2(radius2(a), radius2(b));
        const f = f64x2.sqrt(f64x2.div(f64x2.mul(v128.load(MINUS_TWOS), logOf2(r2)), r2));
        v128.store(factors + (<usize>(p - first) << 3), f);
      }
      for (; q < end; q += 2) {
        const at = out + (<usize>q << 4);
        const a = v128.load(buf + (<usize>q << 4));
        const b = v128.load(buf + (<usize>q << 4), 16);
        const fa = v128.load64_splat(factors + (<usize>(q - first) << 3));
        const fb = v128.load64_splat(factors + (<usize>(q - first) << 3), 8);
        // (x2 · f, x1 · f) of each attempt.
        const ga = f64x2.mul(fa, i64x2.shuffle(a, a, 1, 0));
        const gb = f64x2.mul(fb, i64x2.shuffle(b, b, 1, 0));
        const loc0 = add ? v128.load(at) : f64x2.splat(loc);
        const loc1 = add ? v128.load(at, 16) : f64x2.splat(loc);
        let v0 = f64x2.add(loc0, f64x2.mul(scales, ga));
        let v1 = f64x2.add(loc1, f64x2.mul(scales, gb));
        if (sizeof<Mode>() == 1) {
          v0 = expOf2(v0);
          v1 = expOf2(v1);
        }
        v128.store(at, v0);
        v128.store(at, v1, 16);
      }
    }
  }
  for (; q < pairs; q++) {
    const x = v128.load(buf + (<usize>q << 4));
    const x1 = f64x2.extract_lane(x, 0);
    const x2 = f64x2.extract_lane(x, 1);
    const r2 = x1 * x1 + x2 * x2;
    const f = Math.sqrt(-2.0 * logOf<M>(r2) / r2);
    const at = out + (<usize>q << 4);
    store<f64>(at, valueOf<M, Mode>(at, f * x2, loc, scale));
    store<f64>(at + 8, valueOf<M, Mode>(at + 8, f * x1, loc, scale));
  }
}

/**
 * Advances the stream exactly as `fillGaussian` of n values would, without computing
 * the values (only the accept/reject test of each attempt), except the second value of a
 * pair split by the end of n, which is cached as numpy caches it.
 */
export function skipGaussian<M>(s: usize, n: u32): void {
  let i: u32 = 0;
  if (n == 0) return;
  if (load<u32>(s + HAS_GAUSS_OFFSET) != 0) {
    store<u32>(s + HAS_GAUSS_OFFSET, 0);
    store<f64>(s + GAUSS_OFFSET, 0.0);
    i = 1;
  }
  beginDraws(s);
  const pairs = (n - i) >> 1;
  skipAttempts(s, pairs);
  i += pairs << 1;
  if (i < n) {
    const x = polarAttempt(s);
    const r2 = radius2(x);
    const f = Math.sqrt(-2.0 * logOf<M>(r2) / r2);
    store<f64>(s + GAUSS_OFFSET, f * f64x2.extract_lane(x, 0));
    store<u32>(s + HAS_GAUSS_OFFSET, 1);
  }
  endDraws(s);
}

/** Exported for tests: the next raw 32-bit output of state `s`. */
export function mt_next_u32(s: usize): u32 {
  return nextU32(s);
}
