/**
 * The WebAssembly kernel: creation, memory management and raw exports.
 *
 * @module
 */
export { createKernel } from "./kernel.ts";
export type { Kernel, KernelExports, KernelOptions } from "./kernel.ts";
export { KERNEL_WASM_BYTES, KERNEL_WASM_SHA256 } from "./_wasm.ts";
