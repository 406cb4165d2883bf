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
 * An arena given a kernel takes its large columns from the kernel's column heap instead
 * (`Kernel.column`), so that the kernel reads and writes them where they are, with no
 * copies ({@link kernelColumn}, `Kernel.ref`); they go back to that heap when the arena
 * ends (views of them are not detached then: nothing may keep one).
 *
 * @module
 */
import type { Kernel } from "./kernel.ts";

/** An open arena: its columns, and the kernel whose column heap it takes them from. */
interface Arena {
  readonly columns: Float64Array[];
  readonly kernel?: Kernel;
}

/** The open arenas (innermost last). */
const arenas: Arena[] = [];

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
  const reused = fromKernel(n) ?? fromPool(n);
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
  return keepColumn(fromKernel(n) ?? fromPool(n) ?? new Float64Array(n));
}

/**
 * A column of `n` values written by `fill(ptr)` in `kernel` (freed with the innermost
 * open arena): written where it is when it is in the kernel's memory, else written in a
 * scratch block and copied. For the typed operations of src/kernel/ only.
 *
 * @param kernel The kernel.
 * @param n Number of values.
 * @param fill Writes the n f64 at byte offset `ptr` of the kernel's memory.
 * @returns The column.
 */
export function kernelColumn(kernel: Kernel, n: number, fill: (ptr: number) => void): Float64Array {
  const column = takeColumn(n);
  kernel.scope(() => {
    if (kernel.owns(column)) {
      fill(column.byteOffset);
    } else {
      const ptr = kernel.alloc(n * 8);
      fill(ptr);
      column.set(kernel.f64(ptr, n));
    }
  });
  return column;
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
  if (arenas.length > 0) arenas[arenas.length - 1].columns.push(column);
  return column;
}

/** A column of the innermost arena's kernel, when it has one and `n` is large enough. */
function fromKernel(n: number): Float64Array | undefined {
  const kernel = arenas.length > 0 ? arenas[arenas.length - 1].kernel : undefined;
  return kernel !== undefined && n * 8 >= MIN_POOLED_BYTES ? kernel.column(n) : undefined;
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
 * @param kernel Take the large columns from this kernel's column heap.
 * @returns What `body` returns.
 */
export function withColumnArena<T>(body: () => T, kernel?: Kernel): T {
  const arena: Arena = { columns: [], kernel };
  arenas.push(arena);
  try {
    return body();
  } finally {
    arenas.pop();
    for (const column of arena.columns) release(column, kernel);
  }
}

/** The kernels of the open arenas, innermost first. */
function arenaKernels(): Kernel[] {
  const kernels: Kernel[] = [];
  for (let i = arenas.length - 1; i >= 0; i--) {
    const kernel = arenas[i].kernel;
    if (kernel !== undefined && !kernels.includes(kernel)) kernels.push(kernel);
  }
  return kernels;
}

function release(column: Float64Array, kernel?: Kernel, reuse = true): void {
  // A kernel's column goes back to its heap (a view of its stack is left alone).
  if (kernel?.freeColumn(column)) return;
  for (const other of arenaKernels()) if (other.freeColumn(column)) return;
  const buffer = column.buffer;
  // Only a buffer that is this column alone (not a view into shared memory).
  if (!(buffer instanceof ArrayBuffer) || buffer.detached) return;
  if (column.byteOffset !== 0 || column.byteLength !== buffer.byteLength) return;
  const bytes = buffer.byteLength;
  try {
    if (reuse && bytes >= MIN_POOLED_BYTES && pooledBytes + bytes <= MAX_POOLED_BYTES) {
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

/**
 * Whether `column` was made in an open arena (which frees it when it ends), rather than
 * outside every arena (e.g. a constant).
 *
 * @param column The column.
 * @returns Whether an open arena holds it.
 */
export function isArenaColumn(column: Float64Array): boolean {
  return arenas.some((arena) => arena.columns.includes(column));
}

/**
 * Frees a column of an open arena now, before its arena ends (e.g. a sample column that
 * every computation still to come has no use for): as {@link releaseColumn}, but only a
 * column recorded in an open arena (one made while it runs); any other (a scalar, a
 * column made outside every arena, a constant) is left alone.
 *
 * @param column The column (or a scalar).
 * @returns Whether it was freed.
 */
export function releaseArenaColumn(column: Float64Array | number): boolean {
  if (typeof column === "number") return false;
  for (let a = arenas.length - 1; a >= 0; a--) {
    const columns = arenas[a].columns;
    const at = columns.lastIndexOf(column);
    if (at < 0) continue;
    columns.splice(at, 1);
    release(column, arenas[a].kernel);
    return true;
  }
  return false;
}

/**
 * Gives a column's memory back to the system now, without keeping it for reuse (for a
 * column the process may not need again, e.g. a report's output once written out).
 * Views into shared memory are left alone; every view of a freed column becomes empty.
 *
 * @param column The column (it must own its whole buffer to be freed).
 */
export function freeColumnNow(column: Float64Array): void {
  release(column, undefined, false);
}
