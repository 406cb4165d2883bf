/**
 * The TypeScript side of the WebAssembly kernel: instantiation, memory and views.
 *
 * ## Memory
 * Each {@link Kernel} is a WebAssembly instance with its own linear memory, a shared
 * `WebAssembly.Memory` (up to 2 GiB: shared, so that it never moves). The kernel (compiled with
 * AssemblyScript's `stub` runtime) allocates nothing itself; this wrapper owns every byte
 * above the kernel's static data: a stack, and a heap of columns.
 *
 * - {@link Kernel.alloc} bumps the top of the stack (16-byte aligned) and grows the
 *   memory in 64 KiB pages when the request does not fit (a large request inside a
 *   scope is taken from the column heap instead, see below). Memory never shrinks.
 * - {@link Kernel.scope} records the top, runs its callback, and restores the top
 *   afterwards (also on throw), so everything allocated inside the callback is reused
 *   by the next call. Long-lived blocks (a generator state, the instance's scratch) are
 *   allocated outside any scope and live as long as the kernel.
 * - Per-sample columns that outlive a scope (a report's samples and intermediate
 *   columns) can live in the kernel's memory too, from {@link COLUMN_BASE} on (the stack
 *   stays below): {@link Kernel.column} and {@link Kernel.freeColumn}, blocks of any size
 *   that reuse freed ones (src/kernel/column_heap.ts; src/kernel/column_arena.ts frees
 *   them when its arena ends). The kernel then reads and writes them in place
 *   ({@link Kernel.ref}), with no copies. Large temporaries of one kernel call (a
 *   sampler's scratch) are taken there too rather than on the stack, so that they reuse
 *   the memory of freed columns.
 *
 * The memory is shared, so it never moves and a view of it stays valid when it grows
 * (with its old length).
 *
 * Only src/kernel/ handles byte offsets: the rest of the library calls the typed
 * operations of src/kernel/ (columns, statistics, the generator, the timeline pass...).
 *
 * @module
 */
import { KERNEL_WASM_BASE64 } from "./_wasm.ts";
import { createColumnHeap } from "./column_heap.ts";
import type { KernelExports, KernelFunctions } from "./functions.ts";

/** One kernel instance: its exports plus the stack allocator over its memory. */
export interface Kernel {
  /** The kernel's functions (pointers are byte offsets; see src/kernel/functions.ts). */
  readonly exports: KernelFunctions;
  /**
   * Allocates `bytes` (16-byte aligned), growing the memory when needed.
   * Inside {@link Kernel.scope} the block is released when the scope ends (from 256 KiB
   * on it comes from the column heap); outside, it lives as long as the kernel.
   */
  alloc(bytes: number): number;
  /** Runs `body` and then releases everything it allocated (also when it throws). */
  scope<T>(body: () => T): T;
  /** A view of `n` f64 at byte offset `ptr` (valid as long as that memory is allocated). */
  f64(ptr: number, n: number): Float64Array;
  /** A view of `n` u32 at byte offset `ptr` (valid as long as that memory is allocated). */
  u32(ptr: number, n: number): Uint32Array;
  /** A view of `n` bytes at byte offset `ptr` (valid as long as that memory is allocated). */
  u8(ptr: number, n: number): Uint8Array;
  /** Copies `values` into a new block and returns its byte offset. */
  put(values: ArrayLike<number>): number;
  /**
   * The byte offset of `values` for a kernel function that only reads them: where they
   * are when they are in this kernel's memory (see {@link Kernel.owns}), else of a copy
   * ({@link Kernel.put}).
   */
  ref(values: Float64Array): number;
  /** Whether `view` is a view of this kernel's memory (its byte offset is then its pointer). */
  owns(view: ArrayBufferView): boolean;
  /**
   * A column of `n` f64 in the kernel's column heap (contents unspecified), alive until
   * {@link Kernel.freeColumn}.
   */
  column(n: number): Float64Array;
  /**
   * Returns a column of {@link Kernel.column} to the heap (its memory is then reused: the
   * caller must not use it again). True when `view` is this kernel's (also when it was
   * already freed, or is a view of the stack, which is left alone).
   */
  freeColumn(view: Float64Array): boolean;
  /** Bytes of linear memory reserved by the instance: its stack's peak and its column heap. */
  memoryBytes(): number;
  /** Whether the host's fused multiply-add is used (else an exact software one). */
  readonly hardwareFma: boolean;
}

/** Options of {@link createKernel}. */
export interface KernelOptions {
  /**
   * Use the exact software fused multiply-add even when the host has one (slower;
   * results are identical).
   * @default false
   */
  softwareFma?: boolean;
}

const PAGE_BYTES = 65536;
/** Byte offset of the column heap (512 MiB): the stack must end below it. */
const COLUMN_BASE = 512 * 1024 * 1024;
const ALIGN = 16;
/**
 * Requests of {@link Kernel.alloc} from this size on (bytes, 256 KiB: a few thousand
 * values) made inside a {@link Kernel.scope} are taken from the column heap and given back
 * when the scope ends, so that a call's large temporaries (a sampler's scratch of 3 MB at
 * 250,000 samples, a copy of a column) reuse freed columns' memory and the columns
 * theirs, instead of keeping pages of their own on the stack.
 */
const LARGE_SCOPED_BYTES = 256 * 1024;
/** The kernel's declared maximum memory, 64 KiB pages (2 GiB). */
const MAX_PAGES = 32768;
let compiled: WebAssembly.Module | undefined;
/** Whether freed columns are filled with NaN (for tests: see src/kernel/testing.ts). */
let poisonFreedColumns = false;

/**
 * Makes every kernel fill a column with NaN when it is freed (before its memory is
 * reused), so that a computation reading a column after freeing it gives NaN instead of
 * another column's numbers. For tests (`withFreedColumnsPoisoned` of testing.ts).
 *
 * @param on Whether to fill.
 * @returns The previous setting.
 */
export function setFreedColumnPoisoning(on: boolean): boolean {
  const previous = poisonFreedColumns;
  poisonFreedColumns = on;
  return previous;
}

/**
 * The compiled kernel, compiled once per thread.
 *
 * @returns The module.
 */
function kernelModule(): WebAssembly.Module {
  if (!compiled) {
    const binary = atob(KERNEL_WASM_BASE64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

/**
 * Creates a kernel instance with its own memory. The compiled module is shared
 * (compiled once per process); instantiation takes microseconds.
 *
 * @param options See {@link KernelOptions}.
 * @returns A new {@link Kernel}.
 * @example Usage
 * ```ts
 * import { createKernel } from "./kernel.ts";
 * const k = createKernel();
 * const total = k.scope(() => {
 *   const p = k.put([1, 2, 3]);
 *   return k.f64(p, 3).reduce((a, b) => a + b, 0);
 * });
 * if (total !== 6) throw new Error("unexpected");
 * ```
 */
export function createKernel(options: KernelOptions = {}): Kernel {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
  const instance = instantiateKernel(memory);
  const exports = instance.exports as unknown as KernelExports;
  let hardwareFma = exports.init_fma(1 + 2 ** -52, 1 - 2 ** -52, -1) === 1;
  if (options.softwareFma) {
    exports.force_soft_fma();
    hardwareFma = false;
  }
  let top = alignUp(exports.heap_base());
  /** The highest the stack has been. */
  let stackPeak = top;

  /** Every buffer object of the memory seen so far (a new one after each growth). */
  const buffers = new WeakSet<ArrayBufferLike>();
  /**
   * The memory's current buffer: only `reserve` grows the memory (the kernel's code
   * never does), so it is read again only after a growth, not at every view.
   */
  let current = memory.buffer;
  buffers.add(current);
  const buffer = () => current;
  const reserve = (end: number) => {
    const missing = end - current.byteLength;
    if (missing > 0) {
      memory.grow(Math.ceil(missing / PAGE_BYTES));
      current = memory.buffer;
      buffers.add(current);
    }
  };
  const heap = createColumnHeap(COLUMN_BASE, MAX_PAGES * PAGE_BYTES, reserve);
  /** Large blocks taken in open scopes (offset, bytes), freed as their scope ends. */
  const scopedBlocks: [number, number][] = [];
  let scopeDepth = 0;
  function alloc(bytes: number): number {
    if (!Number.isInteger(bytes) || bytes < 0) {
      throw new RangeError(`expected a non-negative integer byte count but found ${bytes}`);
    }
    if (scopeDepth > 0 && bytes >= LARGE_SCOPED_BYTES) {
      const size = alignUp(bytes);
      const block = heap.allocate(size);
      scopedBlocks.push([block, size]);
      return block;
    }
    const ptr = top;
    const end = alignUp(ptr + bytes);
    if (end > COLUMN_BASE) {
      throw new RangeError(`kernel stack full: ${bytes} bytes more do not fit below 512 MiB`);
    }
    reserve(end);
    top = end;
    stackPeak = Math.max(stackPeak, end);
    return ptr;
  }
  const liveColumns = new WeakSet<Float64Array>();
  const owns = (view: ArrayBufferView) => buffers.has(view.buffer);
  const put = (values: ArrayLike<number>): number => {
    const ptr = alloc(values.length * 8);
    new Float64Array(buffer(), ptr, values.length).set(values);
    return ptr;
  };
  exports.set_scratch(alloc(exports.scratch_bytes()));
  return {
    exports,
    alloc,
    scope<T>(body: () => T): T {
      const mark = top;
      const blocks = scopedBlocks.length;
      scopeDepth++;
      try {
        return body();
      } finally {
        scopeDepth--;
        top = mark;
        while (scopedBlocks.length > blocks) heap.release(...scopedBlocks.pop()!);
      }
    },
    f64: (ptr, n) => new Float64Array(buffer(), ptr, n),
    u32: (ptr, n) => new Uint32Array(buffer(), ptr, n),
    u8: (ptr, n) => new Uint8Array(buffer(), ptr, n),
    put,
    ref: (values) => (owns(values) ? values.byteOffset : put(values)),
    owns,
    column(n) {
      const ptr = heap.allocate(Math.max(ALIGN, alignUp(n * 8)));
      const column = new Float64Array(buffer(), ptr, n);
      liveColumns.add(column);
      return column;
    },
    freeColumn(view) {
      if (!owns(view)) return false;
      if (liveColumns.delete(view)) {
        if (poisonFreedColumns) view.fill(NaN);
        heap.release(view.byteOffset, Math.max(ALIGN, alignUp(view.length * 8)));
      }
      return true;
    },
    memoryBytes: () => stackPeak + heap.peakBytes,
    hardwareFma,
  };
}

/**
 * A new instance of the kernel on `memory` (a shared memory of at most 2 GiB).
 *
 * @param memory The linear memory.
 * @param module The compiled kernel (by default this thread's).
 * @returns The instance.
 */
function instantiateKernel(
  memory: WebAssembly.Memory,
  module: WebAssembly.Module = kernelModule(),
): WebAssembly.Instance {
  return new WebAssembly.Instance(module, { env: { memory } });
}

function alignUp(x: number): number {
  return Math.ceil(x / ALIGN) * ALIGN;
}
