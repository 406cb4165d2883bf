/**
 * The allocator of a kernel's column heap: blocks of any size over the byte range
 * [base, top), `top` growing as needed. A request takes the smallest free block that
 * holds it (the lowest such on a tie), split when larger, or else room at the top; a
 * released block merges with the free blocks next to it (and lowers the top when it
 * ends there). So a report's temporaries of unusual sizes (a sampler's scratch, 3 MB at
 * 250,000 samples) reuse the memory of freed columns and the other way round, instead of
 * each size keeping memory of its own.
 *
 * @module
 */

/** A kernel's column heap. */
export interface ColumnHeap {
  /**
   * Takes a block of `bytes` (a multiple of the alignment the caller keeps, > 0).
   *
   * @returns Its byte offset.
   * @throws {RangeError} When it fits nowhere below the limit.
   */
  allocate(bytes: number): number;
  /** Gives back the block of `bytes` at `ptr` (as {@link allocate} gave it). */
  release(ptr: number, bytes: number): void;
  /** The highest the top has been, bytes above the base. */
  readonly peakBytes: number;
  /** Free blocks now (for tests). */
  readonly freeBlocks: number;
}

/**
 * Creates an empty heap.
 *
 * @param base Byte offset where the heap starts.
 * @param limit Byte offset it may not pass.
 * @param reserve Called with the new top before it is used (to grow the memory).
 * @returns The heap.
 * @example Usage
 * ```ts
 * import { createColumnHeap } from "./column_heap.ts";
 * const heap = createColumnHeap(0, 1 << 20, () => {});
 * const a = heap.allocate(3000);
 * const b = heap.allocate(2000);
 * heap.release(a, 3000);
 * if (heap.allocate(1000) !== a) throw new Error("not reused");
 * if (heap.allocate(2000) !== a + 1000) throw new Error("not split");
 * heap.release(b, 2000);
 * ```
 */
export function createColumnHeap(
  base: number,
  limit: number,
  reserve: (end: number) => void,
): ColumnHeap {
  let top = base;
  let peak = base;
  /** Free blocks by increasing offset, never adjacent (merged). */
  const starts: number[] = [];
  const sizes: number[] = [];
  return {
    allocate(bytes) {
      let best = -1;
      for (let i = 0; i < starts.length; i++) {
        if (sizes[i] >= bytes && (best < 0 || sizes[i] < sizes[best])) best = i;
      }
      if (best >= 0) {
        const ptr = starts[best];
        if (sizes[best] === bytes) {
          starts.splice(best, 1);
          sizes.splice(best, 1);
        } else {
          starts[best] += bytes;
          sizes[best] -= bytes;
        }
        return ptr;
      }
      if (top + bytes > limit) {
        throw new RangeError(`kernel column heap full: no room for ${bytes} bytes`);
      }
      const ptr = top;
      top += bytes;
      if (top > peak) {
        reserve(top);
        peak = top;
      }
      return ptr;
    },
    release(ptr, bytes) {
      // The first free block after it.
      let i = 0;
      while (i < starts.length && starts[i] < ptr) i++;
      let start = ptr;
      let size = bytes;
      if (i > 0 && starts[i - 1] + sizes[i - 1] === start) {
        i--;
        start = starts[i];
        size += sizes[i];
        starts.splice(i, 1);
        sizes.splice(i, 1);
      }
      if (i < starts.length && start + size === starts[i]) {
        size += sizes[i];
        starts.splice(i, 1);
        sizes.splice(i, 1);
      }
      if (start + size === top) {
        top = start;
        return;
      }
      starts.splice(i, 0, start);
      sizes.splice(i, 0, size);
    },
    get peakBytes() {
      return peak - base;
    },
    get freeBlocks() {
      return starts.length;
    },
  };
}
