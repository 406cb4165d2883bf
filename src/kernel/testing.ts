/**
 * For tests of the kernel's maths: the kernel functions exported for tests only
 * ({@link KernelTestFunctions}), which the library's kernel interface leaves out.
 *
 * @module
 */
import type { KernelTestFunctions } from "./functions.ts";
import type { Kernel } from "./kernel.ts";

/**
 * The test-only functions of `kernel`'s instance.
 *
 * @param kernel A kernel.
 * @returns Its test-only functions.
 */
export function kernelTestFunctions(kernel: Kernel): KernelTestFunctions {
  return kernel.exports as unknown as KernelTestFunctions;
}
