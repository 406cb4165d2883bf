/**
 * Per-sample columns freed as soon as a computation is done with them, instead of when
 * the garbage collector gets to them. V8 collects array buffers only after their total
 * has grown by tens of megabytes, so back-to-back reports would otherwise hold the
 * previous report's samples and intermediate columns while computing the next one.
 *
 * Columns made with {@link newColumn} (or passed to {@link keepColumn}) while
 * {@link withColumnArena} runs are detached (freed at once) when it returns; outside an
 * arena they are ordinary arrays. The arena's result must not hold such columns.
 *
 * @module
 */

/** The columns of each open arena (innermost last). */
const arenas: Float64Array[][] = [];

/**
 * A new zero-filled column of `n` values, freed with the innermost open arena.
 *
 * @param n Number of values.
 * @returns The column.
 */
export function newColumn(n: number): Float64Array {
  return keepColumn(new Float64Array(n));
}

/**
 * Records a column that owns its buffer (e.g. a copy out of the kernel) in the
 * innermost open arena, if any.
 *
 * @param column The column.
 * @returns The same column.
 */
export function keepColumn(column: Float64Array): Float64Array {
  if (arenas.length > 0) arenas[arenas.length - 1].push(column);
  return column;
}

/**
 * Runs `body` and then frees every column recorded while it ran (also when it throws).
 * `body` must return data that holds none of them (copies, numbers, strings).
 *
 * @param body The computation.
 * @returns What `body` returns.
 */
export function withColumnArena<T>(body: () => T): T {
  const columns: Float64Array[] = [];
  arenas.push(columns);
  try {
    return body();
  } finally {
    arenas.pop();
    for (const column of columns) release(column);
  }
}

function release(column: Float64Array): void {
  const buffer = column.buffer;
  // Only a buffer that is this column alone (not a view into shared memory).
  if (!(buffer instanceof ArrayBuffer) || buffer.detached) return;
  if (column.byteOffset !== 0 || column.byteLength !== buffer.byteLength) return;
  try {
    buffer.transfer(0);
  } catch {
    // Not transferable: left to the garbage collector.
  }
}

/**
 * Frees a column now (a temporary the caller made and nothing else holds). Scalars and
 * views into shared memory are left alone.
 *
 * @param column The column (or a scalar).
 */
export function releaseColumn(column: Float64Array | number): void {
  if (typeof column !== "number") release(column);
}
