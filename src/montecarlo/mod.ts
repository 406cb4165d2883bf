/**
 * Monte Carlo machinery: the numpy-compatible seeded generator, the sampleable
 * distributions of the reference, and the reference's predefined random inputs built
 * on them (BLO expiration diameters, short-range distance, viral load).
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
export { erf, erfc } from "./erf.ts";
export { linspace } from "./linspace.ts";
export { bloDistribution, bloIntegral } from "./blo.ts";
export type { BloFactors, BloModelParams, BloTriple } from "./blo.ts";
export {
  blendBloFactors,
  EXPIRATION_GRID_POINTS,
  EXPIRATION_KERNEL_BANDWIDTH_UM,
  expirationDistribution,
} from "./expiration_distribution.ts";
export type { DiameterRange, ExpirationDistribution } from "./expiration_distribution.ts";
export {
  SHORT_RANGE_DISTANCE_MAX_FREQUENCY,
  SHORT_RANGE_DISTANCE_TABLE,
  shortRangeDistanceDistribution,
} from "./short_range_distance.ts";
export type { ConversationalDistanceRange } from "./short_range_distance.ts";
export {
  COVID_OVERALL_VL_TABLE,
  covidOverallViralLoadDistribution,
  weibullViralLoadTable,
} from "./viral_load.ts";
export type { WeibullViralLoadParams } from "./viral_load.ts";
export { histogram, sampleStatistics } from "./statistics.ts";
export type { Histogram, SampleStatistics } from "./statistics.ts";
