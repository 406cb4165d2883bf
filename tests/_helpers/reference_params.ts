/**
 * Reference parameter values (CAiMIRA 4.19.0 data registry, `store/data_registry.py`,
 * and `monte_carlo/data.py`) for the Monte Carlo tests, kept here so the tests do not
 * depend on the registry module.
 */
import type { BloFactors, BloModelParams } from "../../src/montecarlo/blo.ts";
import type { DiameterRange } from "../../src/montecarlo/expiration_distribution.ts";
import type { WeibullViralLoadParams } from "../../src/montecarlo/viral_load.ts";

/** `expiration_particle.BLOmodel`. */
export const BLO_MODEL: BloModelParams = {
  cn: { B: 0.06, L: 0.2, O: 0.0010008 },
  mu: { B: 0.989541, L: 1.38629, O: 4.97673 },
  sigma: { B: 0.262364, L: 0.506818, O: 0.585005 },
};

/** `expiration_particle.expiration_BLO_factors`. */
export const BLO_FACTORS: Record<"Breathing" | "Speaking" | "Singing" | "Shouting", BloFactors> = {
  Breathing: { B: 1, L: 0, O: 0 },
  Speaking: { B: 1, L: 1, O: 1 },
  Singing: { B: 1, L: 5, O: 5 },
  Shouting: { B: 1, L: 5, O: 5 },
};

/** `expiration_particle.particle_size_range.long_range`, µm. */
export const LONG_RANGE: DiameterRange = { minDiameter: 0.1, maxDiameter: 20 };

/** `expiration_particle.particle_size_range.short_range`, µm. */
export const SHORT_RANGE: DiameterRange = { minDiameter: 0.1, maxDiameter: 100 };

/** `short_range_model.conversational_distance`, m. */
export const CONVERSATIONAL_DISTANCE = { minDistance: 0.5, maxDistance: 2.0 };

/** `virological_data.covid_overal_vl_data.parameters`. */
export const COVID_OVERALL_VL: WeibullViralLoadParams = {
  shapeFactor: 3.47,
  scaleFactor: 7.01,
  start: 0.01,
  stop: 0.99,
  num: 30,
  minBound: 2,
  maxBound: 10,
  interpolationFpLeft: 0,
  interpolationFpRight: 0,
  maxFunction: 0.2,
};
