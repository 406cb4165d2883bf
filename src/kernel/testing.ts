/**
 * For tests: the kernel functions exported for tests only ({@link KernelTestFunctions}),
 * which the library's kernel interface leaves out, and a mode in which freed columns are
 * filled with NaN ({@link withFreedColumnsPoisoned}).
 *
 * @module
 */
import type { KernelTestFunctions } from "./functions.ts";
import { type Kernel, setFreedColumnPoisoning } from "./kernel.ts";

/**
 * The test-only functions of `kernel`'s instance.
 *
 * @param kernel A kernel.
 * @returns Its test-only functions.
 */
export function kernelTestFunctions(kernel: Kernel): KernelTestFunctions {
  return kernel.exports as unknown as KernelTestFunctions;
}

/**
 * Runs `body` with every kernel column filled with NaN when it is freed: a computation
 * that reads a column after it was freed (e.g. a sample column released as spent while
 * something still needed it) then gives NaN rather than the numbers of whatever column
 * reused its memory. (Freed columns outside the kernel, below 8,192 samples, are detached
 * anyway: a later read sees an empty array.)
 *
 * @param body The computation.
 * @returns What `body` returns.
 */
export function withFreedColumnsPoisoned<T>(body: () => T): T {
  const previous = setFreedColumnPoisoning(true);
  try {
    return body();
  } finally {
    setFreedColumnPoisoning(previous);
  }
}
