// Reductions over a column of samples that round exactly like numpy's.
//
// see: numpy `pairwise_sum` (numpy/core/src/umath/loops_utils.h.src): blocks of up to
//      128 values summed with 8 running partial sums, larger ranges split in halves at
//      a multiple of 8; `np.sum` of a contiguous float64 array reduces it in buffered
//      chunks of 8192 values (`np.getbufsize()`), each summed pairwise onto a running
//      total from 0. `np.std` = sqrt(sum((x - mean)²) / n). `np.histogram` with equal
//      bins: edges = linspace(min, max, bins + 1), index = floor((x - min) · (bins /
//      (max - min))), corrected by one against the edges, the last edge inclusive.

const CHUNK: u32 = 8192;

/**
 * Value i of the sequence a sum reduces, by `Src`: u8 the column p[i]; u16 the squared
 * deviation (p[i] − a)² (`np.std`); u32 the expected new cases p[i] / 100 · a + q[i] /
 * 100 · b (two probability columns, %, and their numbers of people); u64 the same with
 * q = p. Computed where the sum reads it, so no column of them is written.
 */
// @ts-ignore: decorator
@inline function valueAt<Src>(p: usize, q: usize, i: u32, a: f64, b: f64): f64 {
  const x = load<f64>(p + (<usize>i << 3));
  if (sizeof<Src>() == 1) return x;
  if (sizeof<Src>() == 2) {
    const d = x - a;
    return d * d;
  }
  if (sizeof<Src>() == 4) return x / 100.0 * a + load<f64>(q + (<usize>i << 3)) / 100.0 * b;
  // u64: the same with q = p, one division.
  const v = x / 100.0;
  return v * a + v * b;
}

/** numpy's pairwise sum of the n values of `Src` from index `start` (see `valueAt`). */
function pairwise<Src>(p: usize, q: usize, start: u32, n: u32, a: f64, b: f64): f64 {
  if (n < 8) {
    let s: f64 = -0.0;
    for (let i: u32 = 0; i < n; i++) s += valueAt<Src>(p, q, start + i, a, b);
    return s;
  }
  if (n <= 128) {
    let r0 = valueAt<Src>(p, q, start, a, b);
    let r1 = valueAt<Src>(p, q, start + 1, a, b);
    let r2 = valueAt<Src>(p, q, start + 2, a, b);
    let r3 = valueAt<Src>(p, q, start + 3, a, b);
    let r4 = valueAt<Src>(p, q, start + 4, a, b);
    let r5 = valueAt<Src>(p, q, start + 5, a, b);
    let r6 = valueAt<Src>(p, q, start + 6, a, b);
    let r7 = valueAt<Src>(p, q, start + 7, a, b);
    let i: u32 = 8;
    const end = n - (n % 8);
    for (; i < end; i += 8) {
      const j = start + i;
      r0 += valueAt<Src>(p, q, j, a, b);
      r1 += valueAt<Src>(p, q, j + 1, a, b);
      r2 += valueAt<Src>(p, q, j + 2, a, b);
      r3 += valueAt<Src>(p, q, j + 3, a, b);
      r4 += valueAt<Src>(p, q, j + 4, a, b);
      r5 += valueAt<Src>(p, q, j + 5, a, b);
      r6 += valueAt<Src>(p, q, j + 6, a, b);
      r7 += valueAt<Src>(p, q, j + 7, a, b);
    }
    let s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) s += valueAt<Src>(p, q, start + i, a, b);
    return s;
  }
  let half = n >> 1;
  half -= half % 8;
  return pairwise<Src>(p, q, start, half, a, b) + pairwise<Src>(p, q, start + half, n - half, a, b);
}

/** `np.sum` of the n values of `Src` (chunks of 8192 summed pairwise onto a total from 0). */
// @ts-ignore: decorator
@inline function sumOf<Src>(p: usize, q: usize, n: u32, a: f64, b: f64): f64 {
  let total: f64 = 0.0;
  for (let o: u32 = 0; o < n; o += CHUNK) {
    total += pairwise<Src>(p, q, o, min<u32>(CHUNK, n - o), a, b);
  }
  return total;
}

/** `np.sum` of n f64 at `p` (chunks of 8192 summed pairwise onto a total from 0). */
export function numpy_sum(p: usize, n: u32): f64 {
  return sumOf<u8>(p, 0, n, 0.0, 0.0);
}

/**
 * `np.sum((x - mean)**2)` of n f64 at `p`: the sum inside `np.std` (which is then
 * sqrt(this / n)), with the mean `np.mean` gives.
 */
export function numpy_squared_deviations(p: usize, n: u32, mean: f64): f64 {
  return sumOf<u16>(p, 0, n, mean, 0.0);
}

/**
 * `np.sum(lr / 100 * away + sr / 100 * near)` of two columns of n probabilities (%) at
 * `lr` and `sr` (the same column twice when there is no short-range exposure): the
 * expected new cases summed over the samples.
 */
export function new_cases_sum(lr: usize, sr: usize, n: u32, away: f64, near: f64): f64 {
  if (lr == sr) return sumOf<u64>(lr, lr, n, away, near);
  return sumOf<u32>(lr, sr, n, away, near);
}

/**
 * Σ w_i and Σ w_i · b_i over n samples, each a running sum in sample order from +0 (the
 * two written at `out`); the weight w_i from the column at `w`, or the one value `sw`
 * where `w` is 0.
 */
export function weighted_totals(w: usize, sw: f64, b: usize, n: u32, out: usize): void {
  let total: f64 = 0.0;
  let weighted: f64 = 0.0;
  if (w != 0) {
    for (let i: u32 = 0; i < n; i++) {
      const o = <usize>i << 3;
      const wi = load<f64>(w + o);
      total += wi;
      weighted += wi * load<f64>(b + o);
    }
  } else {
    for (let i: u32 = 0; i < n; i++) {
      total += sw;
      weighted += sw * load<f64>(b + (<usize>i << 3));
    }
  }
  store<f64>(out, total);
  store<f64>(out, weighted, 8);
}

/**
 * `np.histogram(x, bins)` of n f64 at `p`: writes bins + 1 edges (f64) to `edges` and
 * bins counts (f64) to `counts`; `tallies` is scratch for 4 · bins u32. NaNs are not
 * handled (numpy raises): the samples' range, then `histogram_edges` and
 * `histogram_counts`.
 */
export function numpy_histogram(
  p: usize,
  n: u32,
  bins: u32,
  edges: usize,
  counts: usize,
  tallies: usize,
): void {
  const range = rangeOf(p, n);
  histogram_edges(f64x2.extract_lane(range, 0), f64x2.extract_lane(range, 1), bins, edges);
  histogram_counts(p, n, bins, edges, counts, tallies);
}

/**
 * Writes the smallest and the largest of the n f64 at `p` to `out` (2 f64; ∞ and −∞ when
 * n = 0; NaNs are skipped, as by the scalar tests `v < lo`, `v > hi`).
 */
export function column_range(p: usize, n: u32, out: usize): void {
  v128.store(out, rangeOf(p, n));
}

/**
 * (smallest, largest) of n f64 at `p`, (∞, −∞) when n = 0: two samples at a time, each
 * lane keeping its first smallest and largest (`pmin(a, v)` = v < a ? v : a, `pmax(a, v)`
 * = a < v ? v : a, as the scalar tests), then the two lanes.
 */
// @ts-ignore: decorator
@inline function rangeOf(p: usize, n: u32): v128 {
  let lows = f64x2.splat(Infinity);
  let highs = f64x2.splat(-Infinity);
  let i: u32 = 0;
  for (; i + 2 <= n; i += 2) {
    const v = v128.load(p + (<usize>i << 3));
    lows = f64x2.pmin(lows, v);
    highs = f64x2.pmax(highs, v);
  }
  let lo = min<f64>(f64x2.extract_lane(lows, 0), f64x2.extract_lane(lows, 1));
  let hi = max<f64>(f64x2.extract_lane(highs, 0), f64x2.extract_lane(highs, 1));
  if (i < n) {
    const v = load<f64>(p + (<usize>i << 3));
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return f64x2(lo, hi);
}

/**
 * numpy's bins + 1 edges from the samples' smallest and largest values (∞ and −∞ for no
 * samples: the range [0, 1]; a single value v: [v − 0.5, v + 0.5]).
 */
export function histogram_edges(lo: f64, hi: f64, bins: u32, edges: usize): void {
  if (lo > hi) {
    lo = 0.0;
    hi = 1.0;
  }
  if (lo == hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  // linspace(lo, hi, bins + 1): i · step + lo, the last edge exactly hi.
  const step = (hi - lo) / <f64>bins;
  for (let k: u32 = 0; k <= bins; k++) store<f64>(edges + (<usize>k << 3), <f64>k * step + lo);
  store<f64>(edges + (<usize>bins << 3), hi);
}

/**
 * numpy's bin of v in the bins of `histogram_edges` (lo = the first edge, hi = the last,
 * norm = bins / (hi − lo)): its guess (v − lo) · norm corrected against the edges; −1
 * outside [lo, hi].
 */
// @ts-ignore: decorator
@inline function binOf(v: f64, lo: f64, hi: f64, norm: f64, bins: u32, edges: usize): i32 {
  if (!(v >= lo && v <= hi)) return -1;
  let k = <i32>((v - lo) * norm);
  if (k == <i32>bins) k--;
  if (v < load<f64>(edges + (<usize>k << 3))) k--;
  else if (k != <i32>bins - 1 && v >= load<f64>(edges + (<usize>(k + 1) << 3))) k++;
  return k;
}

/**
 * {@link binOf} of a v inside [lo, hi] from its guess k = trunc((v − lo) · norm):
 * corrected against the edges without branches.
 */
// @ts-ignore: decorator
@inline function binFrom(v: f64, guess: i32, bins: u32, edges: usize): i32 {
  const k = guess - <i32>(guess == <i32>bins);
  const below = <i32>(v < load<f64>(edges + (<usize>k << 3)));
  // Edge k + 1 exists for every k (bins + 1 edges): read it unconditionally.
  const above = <i32>(k != <i32>bins - 1) & <i32>(v >= load<f64>(edges + (<usize>(k + 1) << 3)));
  return k - below + above;
}

/** Adds one to tally k (u32) of the table at `table` (nothing for k = −1). */
// @ts-ignore: decorator
@inline function tally(table: usize, k: i32): void {
  if (k < 0) return;
  const c = table + (<usize>k << 2);
  store<u32>(c, load<u32>(c) + 1);
}

/**
 * Counts (f64, overwritten) of n f64 at `p` in the bins of `histogram_edges`. Four
 * samples at a time into four tables of `tallies` (4 · bins u32), one per sample of the
 * four, summed at the end: runs of samples in the same bin (common: most probabilities
 * are near 0) then do not wait for each other's count. Four samples all inside [lo, hi]
 * get their guesses from two vector operations; when each guess is clearly inside its
 * bin (see `margin`) it is the bin, else the edges correct it without branches
 * ({@link binFrom}); the others take {@link binOf}.
 */
export function histogram_counts(
  p: usize,
  n: u32,
  bins: u32,
  edges: usize,
  counts: usize,
  tallies: usize,
): void {
  const lo = load<f64>(edges);
  const hi = load<f64>(edges + (<usize>bins << 3));
  const stride = <usize>bins << 2;
  memory.fill(tallies, 0, stride << 2);
  const norm = <f64>bins / (hi - lo);
  const lo2 = f64x2.splat(lo);
  const hi2 = f64x2.splat(hi);
  const norm2 = f64x2.splat(norm);
  // A guess t = (v − lo) · norm whose fraction is more than `margin` from 0 and 1 is the
  // bin itself: t and the edges each differ from their exact values by a few ulps of
  // bins and of max(|lo|, |hi|), which `margin` bounds 8 times over (in units of bins).
  const largest = max(Math.abs(lo), Math.abs(hi));
  const margin = 8.0 * 2.220446049250313e-16 * (<f64>bins + largest * norm);
  const near = f64x2.splat(margin < 0.25 ? margin : 2.0);
  const far = f64x2.splat(1.0 - margin);
  let i: u32 = 0;
  for (; i + 4 <= n; i += 4) {
    const at = p + (<usize>i << 3);
    const a = v128.load(at);
    const b = v128.load(at, 16);
    // Both pairs inside [lo, hi] (no NaN): the guesses of four samples at once.
    const inside = v128.and(
      v128.and(f64x2.ge(a, lo2), f64x2.le(a, hi2)),
      v128.and(f64x2.ge(b, lo2), f64x2.le(b, hi2)),
    );
    if (i64x2.all_true(inside)) {
      const ta = f64x2.mul(f64x2.sub(a, lo2), norm2);
      const tb = f64x2.mul(f64x2.sub(b, lo2), norm2);
      const ga = i32x4.trunc_sat_f64x2_s_zero(ta);
      const gb = i32x4.trunc_sat_f64x2_s_zero(tb);
      const fa = f64x2.sub(ta, f64x2.floor(ta));
      const fb = f64x2.sub(tb, f64x2.floor(tb));
      const clear = v128.and(
        v128.and(f64x2.gt(fa, near), f64x2.lt(fa, far)),
        v128.and(f64x2.gt(fb, near), f64x2.lt(fb, far)),
      );
      if (i64x2.all_true(clear)) {
        // Four samples clearly inside their bins: no edge to compare with.
        tally(tallies, i32x4.extract_lane(ga, 0));
        tally(tallies + stride, i32x4.extract_lane(ga, 1));
        tally(tallies + 2 * stride, i32x4.extract_lane(gb, 0));
        tally(tallies + 3 * stride, i32x4.extract_lane(gb, 1));
        continue;
      }
      const k0 = binFrom(f64x2.extract_lane(a, 0), i32x4.extract_lane(ga, 0), bins, edges);
      const k1 = binFrom(f64x2.extract_lane(a, 1), i32x4.extract_lane(ga, 1), bins, edges);
      const k2 = binFrom(f64x2.extract_lane(b, 0), i32x4.extract_lane(gb, 0), bins, edges);
      const k3 = binFrom(f64x2.extract_lane(b, 1), i32x4.extract_lane(gb, 1), bins, edges);
      tally(tallies, k0);
      tally(tallies + stride, k1);
      tally(tallies + 2 * stride, k2);
      tally(tallies + 3 * stride, k3);
      continue;
    }
    tally(tallies, binOf(load<f64>(at), lo, hi, norm, bins, edges));
    tally(tallies + stride, binOf(load<f64>(at, 8), lo, hi, norm, bins, edges));
    tally(tallies + 2 * stride, binOf(load<f64>(at, 16), lo, hi, norm, bins, edges));
    tally(tallies + 3 * stride, binOf(load<f64>(at, 24), lo, hi, norm, bins, edges));
  }
  for (; i < n; i++) tally(tallies, binOf(load<f64>(p + (<usize>i << 3)), lo, hi, norm, bins, edges));
  for (let k: u32 = 0; k < bins; k++) {
    const t = tallies + (<usize>k << 2);
    const sum = load<u32>(t) + load<u32>(t + stride) + load<u32>(t + 2 * stride) +
      load<u32>(t + 3 * stride);
    store<f64>(counts + (<usize>k << 3), <f64>sum);
  }
}

/** out[i] = x[i] / divisor for n f64 (the histogram of `x / divisor`), two at a time. */
export function divide_column(out: usize, x: usize, n: u32, divisor: f64): void {
  const d = f64x2.splat(divisor);
  let i: u32 = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    v128.store(out + o, f64x2.div(v128.load(x + o), d));
  }
  if (i < n) store<f64>(out + (<usize>i << 3), load<f64>(x + (<usize>i << 3)) / divisor);
}
