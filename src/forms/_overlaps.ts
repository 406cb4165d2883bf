/**
 * Finding overlapping time intervals in O(n log n), so that long lists in a request
 * cannot make validation quadratic.
 *
 * @module
 */
import type { TimeInterval } from "./virus_form.ts";

/**
 * Whether two intervals overlap, as the reference's `check_overlap` decides: each starts
 * strictly before the other ends (so touching intervals do not overlap, and an empty
 * interval overlaps only an interval that contains it strictly).
 *
 * @param a An interval.
 * @param b Another interval.
 * @returns True when they overlap.
 */
export function overlaps(a: TimeInterval, b: TimeInterval): boolean {
  return a.start < b.finish && b.start < a.finish;
}

/** An interval of a list that overlaps another one of the same list. */
export interface Overlap {
  /** Index of the interval. */
  readonly index: number;
  /** Index of an interval it overlaps, which starts no later. */
  readonly other: number;
}

/**
 * The intervals of a list that overlap an interval starting no later (ties: one listed
 * earlier), each with one such interval; every list with an overlapping pair gets at
 * least one entry.
 *
 * Sweeps the intervals by start, keeping the one that ends last among those that start
 * strictly earlier; intervals with the same start overlap each other when both are
 * non-empty.
 *
 * @param list The intervals, in any order (empty intervals allowed).
 * @returns The overlaps, by increasing `index`.
 */
export function findOverlaps(list: readonly TimeInterval[]): Overlap[] {
  const order = list.map((_, i) => i).sort((i, j) => list[i].start - list[j].start || i - j);
  const found: Overlap[] = [];
  // Among the intervals of earlier start groups: the one that ends last.
  let latest = -1;
  for (let g = 0; g < order.length;) {
    const start = list[order[g]].start;
    let end = g;
    while (end < order.length && list[order[end]].start === start) end++;
    let firstNonEmpty = -1;
    let groupLatest = latest;
    for (const i of order.slice(g, end)) {
      const iv = list[i];
      if (latest >= 0 && overlaps(list[latest], iv)) {
        found.push({ index: i, other: latest });
      } else if (iv.finish > iv.start && firstNonEmpty >= 0) {
        found.push({ index: i, other: firstNonEmpty });
      }
      if (iv.finish > iv.start && firstNonEmpty < 0) firstNonEmpty = i;
      if (groupLatest < 0 || iv.finish > list[groupLatest].finish) groupLatest = i;
    }
    latest = groupLatest;
    g = end;
  }
  return found.sort((a, b) => a.index - b.index);
}
