/**
 * Per-sample columns freed as soon as a computation is done with them, instead of when
 * the garbage collector gets to them, and their memory reused. V8 collects array buffers
 * only after their total has grown by tens of megabytes, so back-to-back reports would
 * otherwise hold the previous report's samples and intermediate columns while computing
 * the next one; and fresh 2 MB buffers cost a page fault per 4 KiB page when first written
 * (about 1.5 ms per 250,000-value column on these machines, ten times the cost of zeroing
 * a reused one).
 *
 * Columns made with {@link newColumn} or {@link takeColumn} (or passed to
 * {@link keepColumn}) while {@link withColumnArena} runs are detached when it returns:
 * every view of them becomes empty, and their memory goes to a bounded pool that later
 * columns of the same size come from. Outside an arena they are ordinary arrays. The
 * arena's result must not hold such columns.
 *
 * @module
 */

/** The columns of each open arena (innermost last). */
const arenas: Float64Array[][] = [];

/** Buffers of released columns by byte length, ready for reuse. */
const pool = new Map<number, ArrayBuffer[]>();
/** Bytes held by the pool, and its bound. */
let pooledBytes = 0;
const MAX_POOLED_BYTES = 64 * 1024 * 1024;
/** Smallest buffer worth pooling, bytes. */
const MIN_POOLED_BYTES = 64 * 1024;

/**
 * A new zero-filled column of `n` values, freed with the innermost open arena.
 *
 * @param n Number of values.
 * @returns The column.
 */
export function newColumn(n: number): Float64Array {
  const reused = fromPool(n);
  return keepColumn(reused === undefined ? new Float64Array(n) : reused.fill(0));
}

/**
 * A new column of `n` values whose content is unspecified (for a caller that writes
 * every value, e.g. a copy out of the kernel), freed with the innermost open arena.
 *
 * @param n Number of values.
 * @returns The column.
 */
export function takeColumn(n: number): Float64Array {
  return keepColumn(fromPool(n) ?? new Float64Array(n));
}

/**
 * A copy of `values` (e.g. a view of the kernel's memory) as a column freed with the
 * innermost open arena.
 *
 * @param values The values.
 * @returns The copy.
 */
export function copyColumn(values: Float64Array): Float64Array {
  const column = takeColumn(values.length);
  column.set(values);
  return column;
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

function fromPool(n: number): Float64Array | undefined {
  const buffers = pool.get(n * 8);
  const buffer = buffers?.pop();
  if (buffer === undefined) return undefined;
  pooledBytes -= buffer.byteLength;
  return new Float64Array(buffer);
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
  const bytes = buffer.byteLength;
  try {
    if (bytes >= MIN_POOLED_BYTES && pooledBytes + bytes <= MAX_POOLED_BYTES) {
      // transfer() moves the memory to a new buffer and detaches the old one (and so
      // every view of it): nothing that held the column can see it reused.
      const moved = buffer.transfer();
      const buffers = pool.get(bytes);
      if (buffers === undefined) pool.set(bytes, [moved]);
      else buffers.push(moved);
      pooledBytes += bytes;
    } else {
      buffer.transfer(0);
    }
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
