/**
 * The WebAssembly kernel behind the numerics: internal to the package (its memory,
 * byte offsets and functions are handled only in src/kernel/). Only its identity is
 * public, for reproducibility checks.
 *
 * @module
 */
export { KERNEL_WASM_BYTES, KERNEL_WASM_SHA256 } from "./_wasm.ts";
