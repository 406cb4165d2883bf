// Mean and two quantiles of each group of a column (the conditional probability's bins),
// as numpy computes them: `np.mean` (pairwise sum) and `np.quantile`'s default linear
// method (Hyndman & Fan type 7), the order statistics found by selection.
//
// Called through src/report/_numpy.ts (`groupStatistics`), whose tests pin it to numpy's
// values and to the quantiles of the sorted values.

import { log_glibc } from "./libm";
import { numpy_sum } from "./reductions";

// @ts-ignore: decorator
@inline function at(a: usize, i: i32): f64 {
  return load<f64>(a + (<usize>i << 3));
}

// @ts-ignore: decorator
@inline function swap(a: usize, i: i32, j: i32): void {
  const t = at(a, i);
  store<f64>(a + (<usize>i << 3), at(a, j));
  store<f64>(a + (<usize>j << 3), t);
}

/** Ranges longer than this get their pivot from a sample first (Floyd & Rivest). */
const SAMPLED_RANGE: i32 = 600;

/** x^(1/3) for x >= 1, to a few ulps (Newton's iteration from above; a window size only). */
function cubeRoot(x: f64): f64 {
  let y = Math.sqrt(x);
  for (let i = 0; i < 40; i++) {
    const next = (2.0 * y + x / (y * y)) / 3.0;
    if (next >= y) break;
    y = next;
  }
  return y;
}

/**
 * Rearranges a[from..to] (inclusive) so that a[k] is the k-th smallest of them (those
 * before `from` being <= the rest), smaller-or-equal before it and greater-or-equal
 * after. Returns an index e >= k such that every value of a(e..to] is >= every value of
 * a[k..e] (so the next order statistic is the smallest of a(k..e] when e > k).
 *
 * Quickselect whose partitions have no branches on the comparisons; the pivot of a long
 * range is the k-th smallest of a window around k, selected first (Floyd & Rivest,
 * "Algorithm 489: SELECT", CACM 18(3), 1975: the window holds the range's k-th smallest
 * with high probability, so one partition leaves little of the range), of a short range
 * the median of three.
 */
function selectRange(a: usize, from: i32, to: i32, k: i32): i32 {
  let left = from;
  let right = to;
  let end = to;
  while (right > left) {
    if (right > k) end = right;
    if (right - left > SAMPLED_RANGE) {
      const n = <f64>(right - left + 1);
      const i = <f64>(k - left + 1);
      const z = log_glibc(n);
      const s = 0.5 * cubeRoot(n) * cubeRoot(n);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i < n / 2.0 ? -1.0 : 1.0);
      const windowLeft = max<i32>(left, <i32>(<f64>k - (i * s) / n + sd));
      const windowRight = min<i32>(right, <i32>(<f64>k + ((n - i) * s) / n + sd));
      selectRange(a, windowLeft, windowRight, k);
      // The window's k-th smallest is the pivot, moved to `right`.
      swap(a, k, right);
    } else {
      const mid = (left + right) >> 1;
      // Median of three as the pivot, moved to `right`.
      if (at(a, mid) < at(a, left)) swap(a, mid, left);
      if (at(a, right) < at(a, left)) swap(a, right, left);
      if (at(a, mid) < at(a, right)) swap(a, mid, right);
    }
    const pivot = at(a, right);
    // a[left..below) < pivot <= a[below..i): each value is swapped to `below` and kept
    // there only when it is below the pivot.
    let below = left;
    for (let i = left; i < right; i++) {
      const v = at(a, i);
      store<f64>(a + (<usize>i << 3), at(a, below));
      store<f64>(a + (<usize>below << 3), v);
      below += <i32>(v < pivot);
    }
    swap(a, below, right);
    let equalEnd = below;
    // Values equal to the pivot gather next to it, so long runs of ties end quickly.
    for (let i = below + 1; i <= right; i++) {
      if (at(a, i) == pivot) swap(a, i, ++equalEnd);
    }
    if (k < below) right = below - 1;
    else if (k > equalEnd) left = equalEnd + 1;
    else return equalEnd > k ? k + 1 : right > k ? right : end;
  }
  return end;
}

/** Index of the last order statistic placed in the group being reduced (−1: none). */
let placed: i32 = -1;
/**
 * An index >= `placed` such that the values after it are >= those of (placed, it]
 * (−1: unknown); the next order statistic is then the smallest of (placed, it].
 */
let placedBound: i32 = -1;

/** The k-th smallest value of the n at `a` (k not below the previous call's). */
function orderStatistic(a: usize, n: i32, k: i32): f64 {
  if (k == placed + 1 && placed >= 0) {
    // Everything after `placed` is >= it: the next one is their minimum, among the
    // values up to the bound when there is one.
    const last = placedBound >= k ? placedBound : n - 1;
    let m = k;
    for (let i = k + 1; i <= last; i++) if (at(a, i) < at(a, m)) m = i;
    swap(a, k, m);
    placedBound = last;
  } else if (k > placed) {
    placedBound = selectRange(a, placed + 1, n - 1, k);
  }
  if (k > placed) placed = k;
  return at(a, k);
}

/** numpy's linear quantile q of the n values at `a` (reordered), n >= 1, no NaN. */
function quantile(a: usize, n: i32, q: f64): f64 {
  const index = <f64>(n - 1) * q;
  let lower: i32;
  let upper: i32;
  if (index >= <f64>(n - 1)) {
    lower = upper = n - 1;
  } else if (index < 0.0) {
    lower = upper = 0;
  } else {
    lower = <i32>Math.floor(index);
    upper = lower + 1;
  }
  const gamma = index >= <f64>(n - 1) ? index + 1.0 : index - (index < 0.0 ? 0.0 : Math.floor(index));
  const x = orderStatistic(a, n, lower);
  const y = upper == lower ? x : orderStatistic(a, n, upper);
  const diff = y - x;
  return gamma >= 0.5 ? y - diff * (1.0 - gamma) : x + diff * gamma;
}

/**
 * For each of `groups` groups (the counts[g] f64 values from `values` + starts[g] · 8,
 * u32 arrays): stats[3g] = the mean (NaN when empty), stats[3g + 1] and stats[3g + 2] =
 * the quantiles q1 <= q2 (NaN when empty or holding a NaN). Reorders each group after
 * its mean is taken.
 */
export function group_statistics(
  values: usize,
  starts: usize,
  counts: usize,
  groups: u32,
  q1: f64,
  q2: f64,
  stats: usize,
): void {
  for (let g: u32 = 0; g < groups; g++) {
    const a = values + (<usize>load<u32>(starts + (<usize>g << 2)) << 3);
    const n = load<u32>(counts + (<usize>g << 2));
    const out = stats + <usize>(g * 24);
    const sum = n == 0 ? NaN : numpy_sum(a, n);
    store<f64>(out, sum / <f64>n);
    // A NaN makes the sum NaN: only then (or with infinities of both signs) look for one.
    let hasNaN = n == 0;
    if (isNaN(sum)) {
      for (let i: u32 = 0; i < n && !hasNaN; i++) hasNaN = isNaN(at(a, <i32>i));
    }
    placed = -1;
    placedBound = -1;
    store<f64>(out, hasNaN ? NaN : quantile(a, <i32>n, q1), 8);
    store<f64>(out, hasNaN ? NaN : quantile(a, <i32>n, q2), 16);
  }
}
