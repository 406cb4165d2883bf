/**
 * Sharding of a sweep across machines: shard `i/n` takes the rows whose index is `i`
 * modulo `n` (0 ≤ i < n), so `n` runs on the same input cover every row exactly once.
 *
 * @module
 */

/** One shard of `count`. */
export interface Shard {
  /** 0-based shard index. */
  readonly index: number;
  /** Number of shards, ≥ 1. */
  readonly count: number;
}

/** Every row: the single shard of one. */
export const WHOLE: Shard = { index: 0, count: 1 };

/**
 * Parses `i/n`.
 *
 * @param text E.g. "2/8".
 * @returns The shard.
 * @throws {RangeError} When the text is not `i/n` with integers 0 ≤ i < n.
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) {
    throw new RangeError(`--shard: expected i/n with 0 ≤ i < n (e.g. 0/4) but found "${text}"`);
  }
  return { index, count };
}

/**
 * Whether the row at `index` belongs to `shard`.
 *
 * @param index 0-based row index.
 * @param shard The shard.
 * @returns True when the shard computes that row.
 */
export function inShard(index: number, shard: Shard): boolean {
  return index % shard.count === shard.index;
}
