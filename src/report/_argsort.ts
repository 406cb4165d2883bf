/**
 * numpy's default `argsort` (kind "quicksort") for float64, as numpy 1.24 runs it: an
 * introsort (median-of-3 quicksort, insertion sort below 17 elements, heapsort when
 * the recursion gets too deep; `numpy/core/src/npysort/quicksort.cpp` `aquicksort_`,
 * `heapsort.cpp` `aheapsort_`). It is not stable, so ties come out in numpy's order only
 * when the same steps are taken, which matters where ties decide (scipy's peak
 * distance filter).
 *
 * @module
 */

/** numpy's float order: NaN after everything. */
function less(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}

/** Partitions below this size are insertion-sorted (numpy `SMALL_QUICKSORT`). */
const SMALL_QUICKSORT = 15;

/** Index of the most significant bit of n > 0 (numpy `npy_get_msb`). */
function msb(n: number): number {
  let depth = 0;
  while ((n >>= 1) > 0) depth++;
  return depth;
}

/** Heapsort of `order[start .. start+n)` by `v` (numpy `aheapsort_`, 1-based heap). */
export function heapsort(
  v: ArrayLike<number>,
  order: Int32Array,
  start: number,
  n: number,
): void {
  const a = (k: number) => start + k - 1; // 1-based heap position -> array index
  /** Moves `tmp` down from heap position `i` within a heap of `size` entries. */
  const siftDown = (tmp: number, i: number, size: number) => {
    for (let j = i << 1; j <= size;) {
      if (j < size && less(v[order[a(j)]], v[order[a(j + 1)]])) j += 1;
      if (!less(v[tmp], v[order[a(j)]])) break;
      order[a(i)] = order[a(j)];
      i = j;
      j += j;
    }
    order[a(i)] = tmp;
  };
  for (let l = n >> 1; l > 0; --l) siftDown(order[a(l)], l, n);
  for (; n > 1;) {
    const tmp = order[a(n)];
    order[a(n)] = order[a(1)];
    n -= 1;
    siftDown(tmp, 1, n);
  }
}

/**
 * The indices that sort `v` ascending, exactly as `numpy.argsort(v)` returns them.
 *
 * @param v The values.
 * @returns The permutation.
 */
export function argsort(v: ArrayLike<number>): Int32Array {
  const num = v.length;
  const order = new Int32Array(num);
  for (let i = 0; i < num; i++) order[i] = i;
  if (num < 2) return order;
  const swap = (i: number, j: number) => {
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  };
  const stack: number[] = [];
  const depths: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let cdepth = msb(num) * 2;
  for (;;) {
    if (cdepth < 0) {
      heapsort(v, order, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (less(v[order[pm]], v[order[pl]])) swap(pm, pl);
        if (less(v[order[pr]], v[order[pm]])) swap(pr, pm);
        if (less(v[order[pm]], v[order[pl]])) swap(pm, pl);
        const vp = v[order[pm]];
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi; while (less(v[order[pi]], vp));
          do --pj; while (less(vp, v[order[pj]]));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // The larger partition waits on the stack.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = order[pi];
        const vv = v[vi];
        let pj = pi;
        while (pj > pl && less(vv, v[order[pj - 1]])) {
          order[pj] = order[pj - 1];
          pj--;
        }
        order[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depths.pop()!;
  }
  return order;
}
