/**
 * Small numpy routines the report needs, rounded like numpy's float64 versions
 * (numpy 1.24, the reference's version): `np.arange` with a float step and
 * `np.quantile` with the default "linear" method.
 *
 * @module
 */

/**
 * `np.arange(start, stop, step)` for float64: ceil((stop − start) / step) values, the
 * i-th being start + i·δ where δ = (start + step) − start (numpy fills the array from
 * its first two values, so δ carries the rounding of start + step).
 *
 * @param start First value.
 * @param stop End (excluded, up to rounding).
 * @param step Spacing, non-zero.
 * @returns The values.
 * @throws {RangeError} When `step` is zero or not finite.
 */
export function arange(start: number, stop: number, step: number): number[] {
  if (step === 0 || !Number.isFinite(step)) {
    throw new RangeError(`expected a finite non-zero step but found ${step}`);
  }
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const delta = (start + step) - start;
  const out: number[] = new Array(n);
  if (n > 0) out[0] = start;
  if (n > 1) out[1] = start + step;
  for (let i = 2; i < n; i++) out[i] = start + i * delta;
  return out;
}

/**
 * `np.quantile(x, q)` with the default "linear" method (Hyndman & Fan type 7), from
 * values sorted in ascending order. The virtual index is (n − 1)·q; the two
 * neighbouring order statistics a ≤ b are blended with γ = index − floor(index) as
 * a + (b − a)·γ when γ < 0.5 and b − (b − a)·(1 − γ) otherwise (numpy's `_lerp`).
 *
 * Unlike numpy (which raises `IndexError`), an empty input gives NaN. A NaN among the
 * values gives NaN, as in numpy (NaN sorts last there).
 *
 * @param sorted The values, ascending (NaN, if any, last).
 * @param q Quantile, 0–1.
 * @returns The quantile.
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0 || Number.isNaN(sorted[n - 1])) return NaN;
  return blendOrderStatistics(n, q, (k) => sorted[k]);
}

/**
 * {@link quantileSorted} of unsorted values, reordering them in place: the two order
 * statistics it blends are found by selection (O(n)) instead of a full sort. Equal to
 * `quantileSorted` of the sorted values (up to the sign of a zero result, as selection
 * does not order −0 before +0).
 *
 * @param values The values (reordered).
 * @param q Quantile, 0–1.
 * @returns The quantile.
 */
export function quantileUnsorted(values: Float64Array, q: number): number {
  return quantilesUnsorted(values, [q])[0];
}

/**
 * {@link quantileUnsorted} of several quantiles of the same values, in ascending order:
 * each selection works only right of the previous one, and an order statistic right after
 * a selected one is the minimum of what lies beyond it.
 *
 * @param values The values (reordered).
 * @param qs Quantiles, 0–1, ascending.
 * @returns The quantiles, in the order of `qs`.
 */
export function quantilesUnsorted(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  let hasNaN = n === 0;
  for (let i = 0; i < n && !hasNaN; i++) hasNaN = Number.isNaN(values[i]);
  if (hasNaN) return qs.map(() => NaN);
  // values[0..placed] hold the placed + 1 smallest values, values[placed] the largest of
  // them; everything after is >= it.
  let placed = -1;
  const orderStatistic = (k: number): number => {
    if (k === placed + 1 && placed >= 0) {
      let m = k;
      for (let i = k + 1; i < n; i++) if (values[i] < values[m]) m = i;
      swap(values, k, m);
    } else if (k > placed) {
      selectKth(values, k, placed + 1);
    }
    placed = Math.max(placed, k);
    return values[k];
  };
  return qs.map((q) => blendOrderStatistics(n, q, orderStatistic));
}

/**
 * Rearranges a[left..] so that a[k] is the k-th smallest value of `a` (given that every
 * value before `left` is <= those from `left` on), with smaller-or-equal values before it
 * and greater-or-equal after (quickselect, median-of-three pivots, partition without
 * branches on the comparisons).
 */
function selectKth(a: Float64Array, k: number, left: number): void {
  let right = a.length - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    // Median of three as the pivot, moved to `right`.
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[mid] < a[right]) swap(a, mid, right);
    const pivot = a[right];
    // a[left..store) < pivot <= a[store..i): each value is swapped to `store` and kept
    // there only when it is below the pivot.
    let store = left;
    for (let i = left; i < right; i++) {
      const v = a[i];
      a[i] = a[store];
      a[store] = v;
      store += v < pivot ? 1 : 0;
    }
    swap(a, store, right);
    // Values equal to the pivot gather next to it, so long runs of ties end quickly.
    let equalEnd = store;
    for (let i = store + 1; i <= right; i++) {
      if (a[i] === pivot) swap(a, i, ++equalEnd);
    }
    if (k < store) right = store - 1;
    else if (k > equalEnd) left = equalEnd + 1;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** The linear-method blend of the order statistics `at(k)` (see {@link quantileSorted}). */
function blendOrderStatistics(n: number, q: number, at: (k: number) => number): number {
  const index = (n - 1) * q;
  let lower: number;
  let upper: number;
  if (index >= n - 1) {
    lower = upper = n - 1;
  } else if (index < 0) {
    lower = upper = 0;
  } else {
    lower = Math.floor(index);
    upper = lower + 1;
  }
  // numpy takes γ from the index before it is clamped; with a == b it does not matter
  // unless the values are infinite, where numpy's arithmetic gives NaN as here.
  const gamma = index >= n - 1 ? index + 1 : index - (index < 0 ? 0 : Math.floor(index));
  const a = at(lower);
  const b = upper === lower ? a : at(upper);
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}
