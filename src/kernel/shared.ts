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
  return withColumnArena(() => kernel.scope(() => body(kernel)), kernel);
}
