/**
 * Scalar `exp` and `log` rounded exactly like the C library the reference ran on
 * (glibc 2.36, x86-64 FMA build), through the WebAssembly kernel's `exp_glibc` /
 * `log_glibc` (on the shared kernel instance).
 *
 * @module
 */
import type { KernelFunctions } from "./functions.ts";
import { sharedKernel } from "./shared.ts";

function exports(): KernelFunctions {
  return sharedKernel().exports;
}

/**
 * e^x, bit-identical to glibc's `exp` (the C `exp` called by scipy's special functions).
 *
 * @param x Argument (dimensionless).
 * @returns e^x.
 */
export function expC(x: number): number {
  return exports().exp_glibc(x);
}

/**
 * Natural logarithm, bit-identical to glibc's `log` (numpy's scalar fallback for `np.log`).
 *
 * @param x Argument, > 0 (NaN below 0, -Infinity at 0).
 * @returns ln x.
 */
export function logC(x: number): number {
  return exports().log_glibc(x);
}

/**
 * Base-10 logarithm, bit-identical to glibc's `log10` (numpy's `np.log10`).
 *
 * @param x Argument, > 0 (NaN below 0, -Infinity at 0).
 * @returns log10 x.
 */
export function log10C(x: number): number {
  return exports().log10_glibc(x);
}
