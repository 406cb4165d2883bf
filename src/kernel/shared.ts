/**
 * The kernel instance shared by stateless column operations (that allocate only scratch
 * inside `scope` and keep nothing between calls) and by the reports, created on first
 * use.
 *
 * @module
 */
import { withColumnArena } from "./column_arena.ts";
import { createKernel, type Kernel } from "./kernel.ts";

let shared: Kernel | undefined;
/** Computations running in the shared kernel ({@link withKernelComputation}, nested). */
let running = 0;

/**
 * The shared kernel. Use it only for stateless computations whose allocations are all
 * inside {@link Kernel.scope}.
 *
 * @returns The shared kernel instance.
 */
export function sharedKernel(): Kernel {
  shared ??= createKernel();
  return shared;
}

/**
 * Memory reserved by the shared kernel ({@link Kernel.memoryBytes}), without creating one.
 *
 * @returns Bytes; 0 when there is none (never created, or dropped).
 */
export function sharedKernelBytes(): number {
  return shared?.memoryBytes() ?? 0;
}

/**
 * Runs one computation (e.g. a report) in the shared kernel: `body` gets the kernel (to
 * hold a generator's state, see `createKernelRng`); every column it makes lives in the
 * kernel's column heap, where the kernel's functions use it without copies, and is freed
 * when it returns, with everything it allocated in the kernel (also when it throws).
 * `body` must return data that holds none of those columns.
 *
 * @param body The computation.
 * @returns What `body` returns.
 */
export function withKernelComputation<T>(body: (kernel: Kernel) => T): T {
  const kernel = sharedKernel();
  running++;
  try {
    return withColumnArena(() => kernel.scope(() => body(kernel)), kernel);
  } finally {
    running--;
  }
}

/**
 * Drops the shared kernel if its memory has grown past `maxBytes`, so that the next
 * {@link sharedKernel} is a new instance with a small memory: a WebAssembly memory never
 * shrinks, and a long-running process (a server worker) would otherwise keep its largest
 * report's columns for good. The old memory goes back to the system when the garbage
 * collector frees it (a server calls `gc()` right after, see src/server/worker.ts).
 * Nothing is dropped while a computation runs in it.
 *
 * @param maxBytes The memory a kernel may keep ({@link Kernel.memoryBytes}), bytes.
 * @returns Whether the kernel was dropped.
 */
export function releaseSharedKernel(maxBytes: number): boolean {
  if (shared === undefined || running > 0 || shared.memoryBytes() <= maxBytes) return false;
  shared = undefined;
  return true;
}
