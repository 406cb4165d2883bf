// Membership of samples in evenly spaced open bins (low_b, high_b): the fast path of the
// conditional probability's binning (src/kernel/statistics.ts, `binQuantiles`).
//
// The test is asm/bin_membership.ts's: v is in bin b when (low_b − v)·(high_b − v) < 0.
// When bin b starts at low_0 + b·spacing (within a ten-millionth of a spacing) and is at
// most a spacing wide (as much more), a value v with t = (v − low_0) / spacing can only be
// in bin floor(t) or its neighbours; when t is more than 1e-5 away from an integer,
// only in bin floor(t), and when the bins are also at least a spacing wide (as much
// less), surely in it (v is then more than 1e-5 spacings inside both of its edges, far
// beyond their tolerance and rounding). So most samples take one test or none, and a
// sample is in two bins only at a shared edge (by rounding), never three.

import { closeGather, openGather } from "./bin_membership";

/** Code of a sample in no bin. */
const NONE: u32 = 0xffff;
/** Flag of a code: the sample is also in the next bin. */
const ALSO_NEXT: u32 = 0x8000;
/** Distance of t from an integer below which the neighbours are tested too. */
const EDGE: f64 = 1e-5;

// @ts-ignore: decorator
@inline function holds(lows: usize, highs: usize, b: i32, x: f64): bool {
  const o = <usize>b << 3;
  return (load<f64>(lows + o) - x) * (load<f64>(highs + o) - x) < 0.0;
}

/**
 * For each of the n samples at `v`: `codes[i]` (u16) = the first bin holding it, with
 * 0x8000 added when the next bin holds it too, or 0xffff when none does; `counts` (bins
 * u32) = the number of samples of each bin (overwritten). `lows`, `highs`: bins f64
 * (bins < 0x7fff), evenly spaced (see above), `perSpacing` = 1 / the spacing.
 * With `contiguous` = 1 the bins are also at least a spacing wide (as much less), so a
 * value within their span and away from the edges is in its bin without a test.
 * With `histBins` > 0 also `histCounts` (histBins u32, overwritten): the samples with
 * histLo <= v <= histHi counted in bin min(histBins − 1, floor((v − histLo) /
 * (histHi − histLo) · histBins)).
 */
export function even_bin_codes(
  v: usize,
  n: u32,
  lows: usize,
  highs: usize,
  bins: u32,
  perSpacing: f64,
  contiguous: u32,
  codes: usize,
  counts: usize,
  histLo: f64,
  histHi: f64,
  histBins: u32,
  histCounts: usize,
): void {
  memory.fill(counts, 0, <usize>bins << 2);
  memory.fill(histCounts, 0, <usize>histBins << 2);
  let i: u32 = 0;
  if (contiguous != 0) {
    // Two samples at a time: a pair whose both values are clearly inside a bin (the
    // common case) takes its codes from one vector computation, else each value takes
    // the one-sample path. The lanes compute exactly what the scalar operations do.
    const low0 = f64x2.splat(load<f64>(lows));
    const per = f64x2.splat(perSpacing);
    const edge = f64x2.splat(EDGE);
    const farEdge = f64x2.splat(1.0 - EDGE);
    const zero = f64x2.splat(0.0);
    const lastBin = f64x2.splat(<f64>(bins - 1));
    const hLo = f64x2.splat(histLo);
    const hWidth = f64x2.splat(histHi - histLo);
    const hBins = f64x2.splat(<f64>histBins);
    for (; i + 2 <= n; i += 2) {
      const at = v + (<usize>i << 3);
      const x = v128.load(at);
      const t = f64x2.mul(f64x2.sub(x, low0), per);
      const whole = f64x2.floor(t);
      const frac = f64x2.sub(t, whole);
      const clean = v128.and(
        v128.and(f64x2.gt(frac, edge), f64x2.lt(frac, farEdge)),
        v128.and(f64x2.ge(whole, zero), f64x2.le(whole, lastBin)),
      );
      const codeAt = codes + (<usize>i << 1);
      if (i64x2.all_true(clean)) {
        const b = i32x4.trunc_sat_f64x2_s_zero(whole);
        const b0 = i32x4.extract_lane(b, 0);
        const b1 = i32x4.extract_lane(b, 1);
        store<u32>(codeAt, <u32>b0 | (<u32>b1 << 16));
        increment(counts + (<usize>b0 << 2));
        increment(counts + (<usize>b1 << 2));
      } else {
        const x0 = load<f64>(at);
        const x1 = load<f64>(at, 8);
        codeSample(x0, lows, highs, bins, perSpacing, contiguous, codeAt, counts);
        codeSample(x1, lows, highs, bins, perSpacing, contiguous, codeAt + 2, counts);
      }
      if (histBins > 0) {
        const h = f64x2.floor(f64x2.mul(f64x2.div(f64x2.sub(x, hLo), hWidth), hBins));
        const x0 = f64x2.extract_lane(x, 0);
        const x1 = f64x2.extract_lane(x, 1);
        histSample(x0, f64x2.extract_lane(h, 0), histLo, histHi, histBins, histCounts);
        histSample(x1, f64x2.extract_lane(h, 1), histLo, histHi, histBins, histCounts);
      }
    }
  }
  const histWidth = histHi - histLo;
  for (; i < n; i++) {
    const x = load<f64>(v + (<usize>i << 3));
    codeSample(x, lows, highs, bins, perSpacing, contiguous, codes + (<usize>i << 1), counts);
    if (histBins > 0) {
      const h = Math.floor(((x - histLo) / histWidth) * <f64>histBins);
      histSample(x, h, histLo, histHi, histBins, histCounts);
    }
  }
}

/** Adds one to the u32 at `at`. */
// @ts-ignore: decorator
@inline function increment(at: usize): void {
  store<u32>(at, load<u32>(at) + 1);
}

/**
 * The code of one sample x (see `even_bin_codes`) stored at `codeAt`, and its bins'
 * counts incremented.
 */
// @ts-ignore: decorator
@inline function codeSample(
  x: f64,
  lows: usize,
  highs: usize,
  bins: u32,
  perSpacing: f64,
  contiguous: u32,
  codeAt: usize,
  counts: usize,
): void {
  const last = <i32>bins - 1;
  const t = (x - load<f64>(lows)) * perSpacing;
  let code: u32 = NONE;
  // Beyond one spacing outside the bins (or NaN): in none.
  if (t > -1.0 && t < <f64>(bins + 1)) {
    const floorT = Math.floor(t);
    const b = <i32>floorT;
    const frac = t - floorT;
    if (frac > EDGE && frac < 1.0 - EDGE && b >= 0 && b <= last) {
      if (contiguous != 0 || holds(lows, highs, b, x)) code = <u32>b;
    } else {
      const from = max<i32>(b - 1, 0);
      const to = min<i32>(b + 1, last);
      for (let k = from; k <= to; k++) {
        if (holds(lows, highs, k, x)) {
          code = <u32>k;
          if (k < last && holds(lows, highs, k + 1, x)) code |= ALSO_NEXT;
          break;
        }
      }
    }
  }
  store<u16>(codeAt, <u16>code);
  if (code != NONE) {
    const c = counts + (<usize>(code & ~ALSO_NEXT) << 2);
    increment(c);
    if ((code & ALSO_NEXT) != 0) increment(c + 4);
  }
}

/**
 * Counts x in the range bins when histLo <= x <= histHi: in bin min(histBins − 1, h),
 * h = floor((x − histLo) / (histHi − histLo) · histBins).
 */
// @ts-ignore: decorator
@inline function histSample(
  x: f64,
  h: f64,
  histLo: f64,
  histHi: f64,
  histBins: u32,
  histCounts: usize,
): void {
  if (x >= histLo && x <= histHi) {
    increment(histCounts + (<usize>min<i32>(<i32>histBins - 1, <i32>h) << 2));
  }
}

/**
 * The values `p` (n f64) of each bin's samples, in sample order, one bin after the
 * other into `out`, from `even_bin_codes`' `codes` and `counts`; `starts` (bins u32)
 * receives each bin's first index in `out`. Returns the number of values written.
 */
export function even_bin_gather(
  p: usize,
  n: u32,
  codes: usize,
  counts: usize,
  bins: u32,
  starts: usize,
  out: usize,
): u32 {
  const total = openGather(counts, bins, starts);
  for (let i: u32 = 0; i < n; i++) {
    const code = <u32>load<u16>(codes + (<usize>i << 1));
    if (code == NONE) continue;
    const value = load<f64>(p + (<usize>i << 3));
    const c = counts + (<usize>(code & ~ALSO_NEXT) << 2);
    const at = load<u32>(c);
    store<f64>(out + (<usize>at << 3), value);
    store<u32>(c, at + 1);
    if ((code & ALSO_NEXT) != 0) {
      const atNext = load<u32>(c, 4);
      store<f64>(out + (<usize>atNext << 3), value);
      store<u32>(c, atNext + 1, 4);
    }
  }
  closeGather(counts, bins, starts);
  return total;
}
