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
  const last = <i32>bins - 1;
  const low0 = load<f64>(lows);
  const histWidth = histHi - histLo;
  const histLast = <i32>histBins - 1;
  memory.fill(counts, 0, <usize>bins << 2);
  memory.fill(histCounts, 0, <usize>histBins << 2);
  for (let i: u32 = 0; i < n; i++) {
    const x = load<f64>(v + (<usize>i << 3));
    const t = (x - low0) * perSpacing;
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
    store<u16>(codes + (<usize>i << 1), <u16>code);
    if (code != NONE) {
      const c = counts + (<usize>(code & ~ALSO_NEXT) << 2);
      store<u32>(c, load<u32>(c) + 1);
      if ((code & ALSO_NEXT) != 0) store<u32>(c, load<u32>(c, 4) + 1, 4);
    }
    if (histBins > 0 && x >= histLo && x <= histHi) {
      const h = min<i32>(histLast, <i32>Math.floor(((x - histLo) / histWidth) * <f64>histBins));
      const c = histCounts + (<usize>h << 2);
      store<u32>(c, load<u32>(c) + 1);
    }
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
