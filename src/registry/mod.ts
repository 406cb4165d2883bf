/**
 * The default parameters of CAiMIRA (the reference's `DataRegistry`, CAiMIRA 4.19.0),
 * typed and documented with units and sources; validated overrides; and the vaccine
 * effectiveness tables.
 *
 * Distribution-valued entries are {@link Parameter}s; {@link toDistribution} turns one
 * into a sampleable distribution (or a number for constants).
 *
 * @example Usage
 * ```ts
 * import { DEFAULT_REGISTRY, loadRegistry, toDistribution } from "./mod.ts";
 * const registry = loadRegistry({
 *   activityDistributions: { Seated: { inhalationRate: { standardDeviationGaussian: 0.2 } } },
 * });
 * const rate = toDistribution(registry.activityDistributions.Seated.inhalationRate);
 * if (typeof rate === "number" || rate.kind !== "lognormal") throw new Error("bad");
 * if (DEFAULT_REGISTRY.monteCarlo.sampleSize !== 250_000) throw new Error("bad");
 * ```
 *
 * @module
 */
export {
  ACTIVITY_NAMES,
  DEFAULT_REGISTRY,
  EXPIRATION_NAMES,
  MASK_NAMES,
  VIRAL_LOAD_REFERENCES,
  VIRUS_NAMES,
} from "./defaults.ts";
export type {
  ActivityName,
  ActivityRates,
  BloModes,
  ConcentrationModelData,
  DataRegistry,
  ExpirationName,
  ExpirationParticleData,
  MaskData,
  MaskName,
  ParticleSizeRange,
  PopulationScenario,
  RoomData,
  ShortRangeModelData,
  VentilationData,
  ViralLoadReference,
  VirologicalData,
  VirusData,
  VirusName,
  WeibullViralLoadData,
} from "./defaults.ts";
export { toDistribution } from "./parameters.ts";
// The distribution types that toDistribution returns (defined in montecarlo/).
export type {
  CustomDistribution,
  CustomKernelDistribution,
  Density,
  Distribution,
  LogNormalDistribution,
  NormalDistribution,
  UniformDistribution,
} from "../montecarlo/distributions.ts";
export type { InterpTable } from "../montecarlo/interp.ts";
export type {
  ConstantParameter,
  LogCustomKernelParameter,
  LogNormalParameter,
  NormalParameter,
  Parameter,
  ParameterKind,
  UniformParameter,
} from "./parameters.ts";
export { loadRegistry } from "./load.ts";
export type { LoadRegistryOptions, RegistryFormat } from "./load.ts";
export { RegistryError } from "./error.ts";
export {
  boosterVaccineEffectiveness,
  primaryVaccineEffectiveness,
  VACCINE_BOOSTER_HOST_IMMUNITY,
  VACCINE_PRIMARY_HOST_IMMUNITY,
} from "./vaccines.ts";
export type { VaccineBoosterEffectiveness } from "./vaccines.ts";
