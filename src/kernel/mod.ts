/**
 * The WebAssembly kernel: creation, memory management and raw exports.
 *
 * @module
 */
export { createKernel } from "./kernel.ts";
export { setKernelHelper } from "./shared.ts";
export type {
  Kernel,
  KernelExports,
  KernelHelper,
  KernelOptions,
  Part,
  SplitTask,
} from "./kernel.ts";
export { KERNEL_WASM_BYTES, KERNEL_WASM_SHA256 } from "./_wasm.ts";
