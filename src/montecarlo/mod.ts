/**
 * Monte Carlo machinery: the numpy-compatible seeded generator and the sampleable
 * distributions of the reference.
 *
 * @example Usage
 * ```ts
 * import { createRng, generateSamples, logNormalDistribution } from "./mod.ts";
 * const rng = createRng(0);
 * const inhalation = generateSamples(logNormalDistribution(-0.687, 0.105), rng, 1000);
 * if (inhalation.length !== 1000) throw new Error("bad");
 * ```
 *
 * @module
 */
export { checkCount, createRng } from "./rng.ts";
export type { Rng, RngState } from "./rng.ts";
export { interp, interpTable } from "./interp.ts";
export type { InterpTable } from "./interp.ts";
export {
  customDistribution,
  customKernelDistribution,
  generateSamples,
  logNormalDistribution,
  normalDistribution,
  uniformDistribution,
} from "./distributions.ts";
export type {
  CustomDistribution,
  CustomKernelDistribution,
  Density,
  Distribution,
  LogNormalDistribution,
  NormalDistribution,
  UniformDistribution,
} from "./distributions.ts";
