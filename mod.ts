/**
 * CAiMIRA in TypeScript: the airborne-infection risk model of CERN's CAiMIRA
 * (virus concentration in a room, long- and short-range exposure, Monte Carlo
 * uncertainty, infection probability, CO2 model), with its vectorised loops in a
 * WebAssembly kernel and a random stream that reproduces the reference's seeded runs.
 *
 * This release provides the foundation: the numpy-compatible generator and the
 * reference's sampleable distributions.
 *
 * @example Usage
 * ```ts
 * import { createRng, generateSamples, uniformDistribution } from "./mod.ts";
 *
 * const rng = createRng(0);
 * const infectiousDose = generateSamples(uniformDistribution(10, 100), rng, 250_000);
 * console.log(infectiousDose[0]); // 59.393215353459226, as numpy.random.seed(0) gives
 * ```
 *
 * @module
 */

// Monte Carlo: seeded generator and distributions
export {
  checkCount,
  createRng,
  customDistribution,
  customKernelDistribution,
  generateSamples,
  interp,
  interpTable,
  logNormalDistribution,
  normalDistribution,
  uniformDistribution,
} from "./src/montecarlo/mod.ts";
export type {
  CustomDistribution,
  CustomKernelDistribution,
  Density,
  Distribution,
  InterpTable,
  LogNormalDistribution,
  NormalDistribution,
  Rng,
  RngState,
  UniformDistribution,
} from "./src/montecarlo/mod.ts";

// Kernel: the WebAssembly instance behind the numerics
export { createKernel, KERNEL_WASM_BYTES, KERNEL_WASM_SHA256 } from "./src/kernel/mod.ts";
export type { Kernel, KernelExports, KernelOptions } from "./src/kernel/mod.ts";

// Package metadata
export { VERSION } from "./src/version.ts";
