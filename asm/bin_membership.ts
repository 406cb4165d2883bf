// Membership of samples in open bins (low_b, high_b) given as centres ± a half width,
// for the conditional probability by viral load (src/report/conditional_probability.ts).
//
// A sample v is in bin b when (low_b − v)·(high_b − v) < 0, the reference's test. With
// increasing centres at least a bin width apart only the bin of the last centre <= v and
// its two neighbours can hold v, so each sample is tested against those three.

/**
 * For each of the n samples at `v`: `first[i]` (i32) = the first of its three candidate
 * bins, `hits[i]` (u32) = a bit per candidate that holds it; `counts` (bins u32) = the
 * number of samples of each bin (overwritten). `centres`, `lows`, `highs`: bins f64 each.
 */
export function bin_candidates(
  v: usize,
  n: u32,
  centres: usize,
  lows: usize,
  highs: usize,
  bins: u32,
  first: usize,
  hits: usize,
  counts: usize,
): void {
  const last = <i32>bins;
  const c0 = load<f64>(centres);
  const spacing = bins > 1 ? (load<f64>(centres + (<usize>(bins - 1) << 3)) - c0) / <f64>(bins - 1) : 1.0;
  const perSpacing = 1.0 / spacing;
  memory.fill(counts, 0, <usize>bins << 2);
  for (let i: u32 = 0; i < n; i++) {
    const x = load<f64>(v + (<usize>i << 3));
    // The number of centres <= x (0 below them all or for NaN): guessed as if the centres
    // were evenly spaced, then corrected.
    let lo: i32 = 0;
    if (x >= c0) {
      const guess = (x - c0) * perSpacing + 1.0;
      lo = guess < <f64>last ? <i32>guess : last;
    }
    while (lo > 0 && load<f64>(centres + (<usize>(lo - 1) << 3)) > x) lo--;
    while (lo < last && load<f64>(centres + (<usize>lo << 3)) <= x) lo++;
    const from = max<i32>(lo - 2, 0);
    const to = min<i32>(lo, last - 1);
    let bits: u32 = 0;
    for (let b = from; b <= to; b++) {
      const o = <usize>b << 3;
      const hit = <u32>((load<f64>(lows + o) - x) * (load<f64>(highs + o) - x) < 0.0);
      bits |= hit << <u32>(b - from);
      const c = counts + (<usize>b << 2);
      store<u32>(c, load<u32>(c) + hit);
    }
    store<i32>(first + (<usize>i << 2), from);
    store<u32>(hits + (<usize>i << 2), bits);
  }
}

/**
 * The values `p` (n f64) of each bin's samples, in sample order, one bin after the
 * other into `out` (n f64 at most: a sample in two bins counts twice, none when in
 * none), from `bin_candidates`' `first`, `hits` and `counts`; `starts` (bins u32)
 * receives each bin's first index in `out`. Returns the number of values written.
 */
export function bin_gather(
  p: usize,
  n: u32,
  first: usize,
  hits: usize,
  counts: usize,
  bins: u32,
  starts: usize,
  out: usize,
): u32 {
  const total = openGather(counts, bins, starts);
  for (let i: u32 = 0; i < n; i++) {
    let bits = load<u32>(hits + (<usize>i << 2));
    let b = load<u32>(first + (<usize>i << 2));
    const value = load<f64>(p + (<usize>i << 3));
    while (bits != 0) {
      if ((bits & 1) != 0) {
        const c = counts + (<usize>b << 2);
        const at = load<u32>(c);
        store<f64>(out + (<usize>at << 3), value);
        store<u32>(c, at + 1);
      }
      bits >>= 1;
      b++;
    }
  }
  closeGather(counts, bins, starts);
  return total;
}

/**
 * Starts a counting-sort gather of values into bins: `starts[b]` becomes the index of bin
 * b's first value (the counts summed before it) and `counts[b]` its next free index;
 * returns the number of values gathered. {@link closeGather} gives `counts` back.
 */
export function openGather(counts: usize, bins: u32, starts: usize): u32 {
  let total: u32 = 0;
  for (let b: u32 = 0; b < bins; b++) {
    store<u32>(starts + (<usize>b << 2), total);
    total += load<u32>(counts + (<usize>b << 2));
  }
  memory.copy(counts, starts, <usize>bins << 2);
  return total;
}

/** Ends a gather of {@link openGather}: `counts[b]` is bin b's count again. */
export function closeGather(counts: usize, bins: u32, starts: usize): void {
  for (let b: u32 = 0; b < bins; b++) {
    const c = counts + (<usize>b << 2);
    store<u32>(c, load<u32>(c) - load<u32>(starts + (<usize>b << 2)));
  }
}
