/**
 * The kernel instance shared by stateless column operations (that allocate only scratch
 * inside `scope` and keep nothing between calls) and by the reports, created on first
 * use.
 *
 * @module
 */
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
