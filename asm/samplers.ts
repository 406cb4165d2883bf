// Vector fills with numpy legacy `RandomState` semantics, and the two compound
// samplers of the reference's `monte_carlo/sampleable.py` that run entirely here:
// rejection sampling against a linear-interpolation density, and weighted Gaussian
// kernel-density sampling (scikit-learn `KernelDensity.sample`).
//
// see: ../shared/spec/sampling-order.md, sections 1 and 2 (exact draw order).
// All pointers are byte offsets into linear memory; f64 columns are 8-byte aligned.

import { HostFma, pow10InRange, pow10Of, pow10Of2, SoftFma, useHostFma } from "./libm";
import { fillGaussian, fillUniform, skipGaussian } from "./mt19937";

/** `out`: n f64, `random_sample(n)` in [0, 1). */
export function fill_random(s: usize, out: usize, n: u32): void {
  fillUniform(s, out, n, 0.0, 1.0);
}

/** `out`: n f64, `uniform(low, high, n)` = low + (high - low) * random_sample. */
export function fill_uniform(s: usize, out: usize, n: u32, low: f64, high: f64): void {
  fillUniform(s, out, n, low, high - low);
}

/** `out`: n f64, `normal(loc, scale, n)` = loc + scale * gauss, in index order. */
export function fill_normal(s: usize, out: usize, n: u32, loc: f64, scale: f64): void {
  if (useHostFma()) fillGaussian<HostFma, u16>(s, out, n, loc, scale);
  else fillGaussian<SoftFma, u16>(s, out, n, loc, scale);
}

/** Advances the stream as `fill_normal` (or `fill_lognormal`) of n values would. */
export function skip_normal(s: usize, n: u32): void {
  if (useHostFma()) skipGaussian<HostFma>(s, n);
  else skipGaussian<SoftFma>(s, n);
}

/** `out`: n f64, `lognormal(mean, sigma, n)` = exp(mean + sigma * gauss), glibc's exp. */
export function fill_lognormal(s: usize, out: usize, n: u32, mean: f64, sigma: f64): void {
  if (useHostFma()) fillGaussian<HostFma, u8>(s, out, n, mean, sigma);
  else fillGaussian<SoftFma, u8>(s, out, n, mean, sigma);
}

/**
 * Fills the slopes of an interpolation table laid out at `t` as
 * [xp: m f64][fp: m f64][slope: m - 1 f64] (`xp` strictly increasing):
 * slope[j] = (fp[j+1] - fp[j]) / (xp[j+1] - xp[j]), numpy's expression.
 */
export function interp_init(t: usize, m: u32): void {
  const fp = t + (<usize>m << 3);
  const slope = fp + (<usize>m << 3);
  for (let j: u32 = 0; j + 1 < m; j++) {
    const o = <usize>j << 3;
    store<f64>(
      slope + o,
      (load<f64>(fp + o, 8) - load<f64>(fp + o)) / (load<f64>(t + o, 8) - load<f64>(t + o)),
    );
  }
}

/**
 * numpy `interp(x, xp, fp, left, right)` on a table prepared by `interp_init`: `left`
 * below xp[0], `right` above xp[m-1], fp[m-1] at xp[m-1], else slope[j] * (x - xp[j]) + fp[j]
 * for the j with xp[j] <= x < xp[j+1] (fp[j] when x == xp[j]). The segment is guessed as
 * if `xp` were evenly spaced and then corrected, so any increasing table works and
 * evenly spaced ones need no search.
 */
export function interp_at(x: f64, t: usize, m: u32, left: f64, right: f64): f64 {
  return interpAt(x, t, m, left, right, stepsPerUnit(t, m));
}

/** `interp_at` with `perStep` = (m − 1) / (xp[m−1] − xp[0]) precomputed (the guess only). */
// @ts-ignore: decorator
@inline function interpAt(x: f64, t: usize, m: u32, left: f64, right: f64, perStep: f64): f64 {
  const last = m - 1;
  const x0 = load<f64>(t);
  const xl = load<f64>(t + (<usize>last << 3));
  const fp = t + (<usize>m << 3);
  if (x > xl) return right;
  if (x < x0) return left;
  if (x == xl) return load<f64>(fp + (<usize>last << 3));
  let j = <i32>((x - x0) * perStep);
  if (j > <i32>last - 1) j = <i32>last - 1;
  if (j < 0) j = 0;
  while (j > 0 && load<f64>(t + (<usize>j << 3)) > x) j--;
  while (j < <i32>last - 1 && load<f64>(t + (<usize>(j + 1) << 3)) <= x) j++;
  const o = <usize>j << 3;
  const xj = load<f64>(t + o);
  const yj = load<f64>(fp + o);
  if (xj == x) return yj;
  return load<f64>(fp + (<usize>m << 3) + o) * (x - xj) + yj;
}

/** Extra f64 of `interp_rejection`'s scratch beyond n: the later rounds' x values in parts. */
const REJECTION_EXTRA: u32 = 8192;

/** The f64 of scratch `interp_rejection` needs for n samples: n + REJECTION_EXTRA. */
export function rejection_scratch_f64(n: u32): u32 {
  return n + REJECTION_EXTRA;
}

/**
 * Rejection sampling against an interpolated density (reference `Custom`):
 * `out` (n f64) receives x; `scratch` is n + REJECTION_EXTRA f64; `idx` is n u32 of scratch;
 * `table` is an m-point table prepared by `interp_init`.
 * Round 0 draws all fvalues, then all x. Each later round redraws the rejected
 * indices (ascending): all their fvalues first, then all their x. A sample is rejected
 * when fvalue > f(x) (strict). Returns the number of redraw rounds.
 *
 * A round's draws go to contiguous rows of `scratch` (its fvalues, then its x values,
 * in the order drawn) and are tested from there; x is written to its index whether or
 * not it is accepted (a rejected one is overwritten by a later round), and the rejected
 * indices are kept in place without a branch, so the test's outcome is never guessed.
 */
export function interp_rejection(
  s: usize,
  out: usize,
  scratch: usize,
  idx: usize,
  n: u32,
  lo: f64,
  hi: f64,
  fmax: f64,
  table: usize,
  m: u32,
  left: f64,
  right: f64,
): u32 {
  fill_uniform(s, scratch, n, 0.0, fmax);
  fill_uniform(s, out, n, lo, hi);
  const rejected = interp_scan(out, scratch, n, 0, idx, table, m, left, right, 0);
  return interp_rounds(s, out, scratch, n, idx, rejected, lo, hi, fmax, table, m, left, right);
}

/** (m − 1) / (xp[m−1] − xp[0]) of a table: `interpAt`'s segment guess per unit. */
// @ts-ignore: decorator
@inline function stepsPerUnit(table: usize, m: u32): f64 {
  return <f64>(m - 1) / (load<f64>(table + (<usize>(m - 1) << 3)) - load<f64>(table));
}

/**
 * Round 0 of `interp_rejection` over n candidates x (at `x`) with their fvalues (at `f`):
 * writes `first` + i for each rejected i (fvalue > f(x)), in order, to `idx`, and returns
 * how many (also stored as u32 at `count` when it is not 0). Parts of a round can be
 * scanned separately (their lists then follow each other).
 */
export function interp_scan(
  x: usize,
  f: usize,
  n: u32,
  first: u32,
  idx: usize,
  table: usize,
  m: u32,
  left: f64,
  right: f64,
  count: usize,
): u32 {
  const perStep = stepsPerUnit(table, m);
  let rejected: u32 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<u32>(idx + (<usize>rejected << 2), first + i);
    rejected += <u32>(load<f64>(f + o) > interpAt(load<f64>(x + o), table, m, left, right, perStep));
  }
  if (count != 0) store<u32>(count, rejected);
  return rejected;
}

/**
 * One part of a later round of `interp_rejection`: for the n candidates k of the part,
 * sample i = `from[k]` (u32) takes the value `x[k]` (written to `out` at i) and stays
 * rejected when `f[k]` is above the interpolated density there; the rejected samples'
 * indices are written in order to `to` (u32; may be `from` itself) and their number is
 * returned (also stored as u32 at `count` when it is not 0).
 */
export function interp_rescan(
  out: usize,
  x: usize,
  f: usize,
  n: u32,
  from: usize,
  to: usize,
  table: usize,
  m: u32,
  left: f64,
  right: f64,
  count: usize,
): u32 {
  const perStep = stepsPerUnit(table, m);
  let still: u32 = 0;
  for (let k: u32 = 0; k < n; k++) {
    const o = <usize>k << 3;
    const i = load<u32>(from + (<usize>k << 2));
    const xk = load<f64>(x + o);
    store<f64>(out + (<usize>i << 3), xk);
    store<u32>(to + (<usize>still << 2), i);
    still += <u32>(load<f64>(f + o) > interpAt(xk, table, m, left, right, perStep));
  }
  if (count != 0) store<u32>(count, still);
  return still;
}

/**
 * The later rounds of `interp_rejection`, from the `rejected` indices at `idx` after
 * round 0 (`scratch`: n + REJECTION_EXTRA f64); returns the number of rounds. A round
 * draws its fvalues (into the start of `scratch`), then its x values in parts that fit
 * after them (at least REJECTION_EXTRA at a time), each part tested as it is drawn: the
 * draws come in the same order as all fvalues then all x values at once.
 */
export function interp_rounds(
  s: usize,
  out: usize,
  scratch: usize,
  n: u32,
  idx: usize,
  rejected: u32,
  lo: f64,
  hi: f64,
  fmax: f64,
  table: usize,
  m: u32,
  left: f64,
  right: f64,
): u32 {
  const range = hi - lo;
  let rounds: u32 = 0;
  while (rejected > 0) {
    rounds++;
    const fvalues = scratch;
    const xs = scratch + (<usize>rejected << 3);
    const room = n + REJECTION_EXTRA - rejected;
    // uniform(0, fmax) is 0 + fmax · u: the same value as fmax · u.
    fillUniform(s, fvalues, rejected, 0.0, fmax);
    let still: u32 = 0;
    for (let k: u32 = 0; k < rejected; k += room) {
      const part = min<u32>(room, rejected - k);
      fillUniform(s, xs, part, lo, range);
      // The indices still rejected are compacted in place (never ahead of those read).
      still += interp_rescan(
        out,
        xs,
        fvalues + (<usize>k << 3),
        part,
        idx + (<usize>k << 2),
        idx + (<usize>still << 2),
        table,
        m,
        left,
        right,
        0,
      );
    }
    rejected = still;
  }
  return rounds;
}

/**
 * Weighted Gaussian kernel-density sampling (scikit-learn `KernelDensity.sample`):
 * `u = uniform(0, 1, n)`; `c` = sequential cumulative sum of the k weights `w`
 * (written to `cum`, k f64 of scratch); `i_j` = the smallest index with
 * `c[i] >= u_j * c[k-1]`; then `out[j] = v[i_j] + h * gauss()` for j in order.
 * `out`: n f64; `v`, `w`: k f64 (grid and weights); `lut`: k u32 of scratch.
 * (`kde_prepare`, `fill_random`, `kde_search` and the mode-2 Gaussian draws are the same
 * steps, for a caller that splits the search and the values.)
 */
export function kde_sample(
  s: usize,
  out: usize,
  n: u32,
  v: usize,
  w: usize,
  cum: usize,
  lut: usize,
  k: u32,
  h: f64,
): void {
  const total = kde_prepare(w, cum, lut, k);
  fill_random(s, out, n);
  kde_search(out, n, v, cum, lut, k, total);
  // In place: x_j + h * gauss(), in index order (numpy `normal(loc=x, scale=h)`).
  if (useHostFma()) fillGaussian<HostFma, u32>(s, out, n, 0.0, h);
  else fillGaussian<SoftFma, u32>(s, out, n, 0.0, h);
}

/**
 * The cumulative weights of `kde_sample` into `cum` (k f64) and its bucket guesses into
 * `lut` (k u32): lut[b] is the smallest i with cum[i] >= (b / k) · total. Returns the total.
 */
export function kde_prepare(w: usize, cum: usize, lut: usize, k: u32): f64 {
  let acc: f64 = 0.0;
  for (let j: u32 = 0; j < k; j++) {
    acc += load<f64>(w + (<usize>j << 3));
    store<f64>(cum + (<usize>j << 3), acc);
  }
  const total = acc;
  const buckets = k;
  let g: u32 = 0;
  for (let b: u32 = 0; b < buckets; b++) {
    const threshold = (<f64>b / <f64>buckets) * total;
    while (g < k - 1 && load<f64>(cum + (<usize>g << 3)) < threshold) g++;
    store<u32>(lut + (<usize>b << 2), g);
  }
  return total;
}

/**
 * In place over `out` (n uniform draws u): v[i] for the smallest i with cum[i] >= u · total
 * (numpy's `searchsorted(cum, u · total, side="left")`), with `kde_prepare`'s tables.
 */
export function kde_search(
  out: usize,
  n: u32,
  v: usize,
  cum: usize,
  lut: usize,
  k: u32,
  total: f64,
): void {
  const buckets = k;
  for (let j: u32 = 0; j < n; j++) {
    const p = out + (<usize>j << 3);
    const target = load<f64>(p) * total;
    // Starting from the bucket guess and walking to it (exact for ties and flat runs).
    const bucket = min<u32>(<u32>(load<f64>(p) * <f64>buckets), buckets - 1);
    let i = <i32>load<u32>(lut + (<usize>bucket << 2));
    // The answer is normally between this bucket's start and the next one's: a binary
    // search there whose steps are selects, not branches; the walks below then confirm it
    // (and find it when rounding put it outside).
    const end = bucket + 1 < buckets ? <i32>load<u32>(lut + (<usize>(bucket + 1) << 2)) : <i32>k - 1;
    let len = end - i + 1;
    while (len > 1) {
      const half = len >> 1;
      const below = load<f64>(cum + (<usize>(i + half - 1) << 3)) < target;
      i = select<i32>(i + half, i, below);
      len -= half;
    }
    while (i > 0 && load<f64>(cum + (<usize>(i - 1) << 3)) >= target) i--;
    while (i < <i32>k - 1 && load<f64>(cum + (<usize>i << 3)) < target) i++;
    store<f64>(p, load<f64>(v + (<usize>i << 3)));
  }
}

/**
 * x → 10^x in place for the n f64 at `x`, from index `start`, rounded as glibc's
 * `pow(10, x)` (the reference's LogCustom `10 ** x`). Stops at the first value outside
 * `pow10InRange` (tiny, huge, not finite) and returns its index, or n when done.
 */
export function pow10_column(x: usize, start: u32, n: u32): u32 {
  const host = useHostFma();
  let i = start;
  if (host) {
    // Two at a time while both are in range (a pair that is not goes one by one below).
    for (; i + 2 <= n; i += 2) {
      const at = x + (<usize>i << 3);
      const y = v128.load(at);
      if (!pow10InRange(f64x2.extract_lane(y, 0)) || !pow10InRange(f64x2.extract_lane(y, 1))) {
        break;
      }
      v128.store(at, pow10Of2(y));
    }
  }
  for (; i < n; i++) {
    const at = x + (<usize>i << 3);
    const y = load<f64>(at);
    if (!pow10InRange(y)) return i;
    store<f64>(at, host ? pow10Of<HostFma>(y) : pow10Of<SoftFma>(y));
  }
  return n;
}
