/**
 * The Monte Carlo parameter sets of the reference (`monte_carlo/data.py`), built from
 * a data registry: activities, viruses, masks, BLO expirations and short-range distances
 * as sampleable specifications (see sampling.ts).
 *
 * @module
 */
import { blendBloFactors, expirationDistribution } from "../montecarlo/expiration_distribution.ts";
import type { BloFactors } from "../montecarlo/blo.ts";
import { shortRangeDistanceDistribution } from "../montecarlo/short_range_distance.ts";
import { covidOverallViralLoadDistribution } from "../montecarlo/viral_load.ts";
import type { Distribution } from "../montecarlo/distributions.ts";
import type {
  ActivityName,
  DataRegistry,
  ExpirationName,
  MaskName,
  VirusName,
} from "../registry/defaults.ts";
import { toDistribution } from "../registry/parameters.ts";
import type { ActivitySpec, MaskSpec, SingleExpirationSpec, VirusSpec } from "./sampling.ts";
import { DEFAULT_JET_CONSTANTS, type JetConstants } from "./short_range.ts";

/** Breathing rates of a named activity (log-normal distributions by default). */
export function activitySpec(registry: DataRegistry, name: ActivityName): ActivitySpec {
  const rates = registry.activityDistributions[name];
  return {
    inhalationRate: toDistribution(rates.inhalationRate),
    exhalationRate: toDistribution(rates.exhalationRate),
  };
}

/** A virus variant with its viral load, infectious dose and viable-to-RNA distributions. */
export function virusSpec(registry: DataRegistry, name: VirusName): VirusSpec {
  const data = registry.virologicalData.virusDistributions[name];
  return {
    viralLoadInSputum: viralLoadDistribution(registry, data.viralLoadInSputum),
    infectiousDose: toDistribution(data.infectiousDose),
    viableToRnaRatio: toDistribution(data.viableToRnaRatio),
    transmissibilityFactor: data.transmissibilityFactor,
    infectiousnessDays: data.infectiousnessDays,
  };
}

function viralLoadDistribution(
  registry: DataRegistry,
  value: DataRegistry["virologicalData"]["virusDistributions"][VirusName]["viralLoadInSputum"],
): Distribution | number {
  if (value === "covidOverallVlData") {
    return covidOverallViralLoadDistribution(registry.virologicalData.covidOverallVlData);
  }
  if (value === "symptomaticVlFrequencies") {
    return toDistribution(registry.virologicalData.symptomaticVlFrequencies);
  }
  return toDistribution(value);
}

/** A mask: "No mask" (no filtration) or a registry mask with its efficiency distributions. */
export function maskSpec(registry: DataRegistry, name: MaskName | "No mask"): MaskSpec {
  if (name === "No mask") return { etaInhale: 0, etaExhale: 0, factorExhale: 1 };
  const data = registry.maskDistributions[name];
  const etaInhale = toDistribution(data.etaInhale);
  return data.etaExhale === undefined
    ? { etaInhale, factorExhale: data.factorExhale }
    : { etaInhale, etaExhale: toDistribution(data.etaExhale), factorExhale: data.factorExhale };
}

/** BLO factors of one expiration, or the weighted mean of several (reference `build_expiration`). */
export function bloFactors(
  registry: DataRegistry,
  expiration: ExpirationName | Readonly<Partial<Record<ExpirationName, number>>>,
): BloFactors {
  const table = registry.expirationParticle.expirationBloFactors;
  if (typeof expiration === "string") return table[expiration];
  const parts = Object.entries(expiration).map(([name, weight]) =>
    [table[name as ExpirationName], weight as number] as const
  );
  return blendBloFactors(parts);
}

/**
 * An expiration whose diameter follows the BLO model (kernel density over 3000 points of
 * the long- or short-range diameter range), with its total concentration cn.
 */
export function expirationSpec(
  registry: DataRegistry,
  expiration: ExpirationName | Readonly<Partial<Record<ExpirationName, number>>>,
  options: { shortRange?: boolean } = {},
): SingleExpirationSpec {
  const particle = registry.expirationParticle;
  const range = options.shortRange
    ? particle.particleSizeRange.shortRange
    : particle.particleSizeRange.longRange;
  const { diameter, cn } = expirationDistribution(
    particle.bloModel,
    bloFactors(registry, expiration),
    {
      minDiameter: range.minimumDiameter,
      maxDiameter: range.maximumDiameter,
    },
  );
  const name = options.shortRange && typeof expiration === "string" ? expiration : undefined;
  return name === undefined
    ? { kind: "single", diameter, cn }
    : { kind: "single", diameter, cn, name };
}

/** The interpersonal-distance distribution of short-range interactions, m. */
export function shortRangeDistanceSpec(registry: DataRegistry): Distribution {
  const range = registry.shortRangeModel.conversationalDistance;
  return shortRangeDistanceDistribution({
    minDistance: range.minimumDistance,
    maxDistance: range.maximumDistance,
  });
}

/** The jet-model constants of the registry. */
export function jetConstants(registry: DataRegistry): JetConstants {
  const d = registry.shortRangeModel.dilutionFactor;
  const constants: JetConstants = {
    mouthDiameterM: d.mouthDiameter,
    exhalationCoefficient: d.exhalationCoefficient,
    breathingCycleS: d.breathingCycle,
    betaR1: d.penetrationCoefficients.betaR1,
    betaR2: d.penetrationCoefficients.betaR2,
    betaX1: d.penetrationCoefficients.betaX1,
  };
  return Object.keys(constants).every((k) =>
      constants[k as keyof JetConstants] === DEFAULT_JET_CONSTANTS[k as keyof JetConstants]
    )
    ? DEFAULT_JET_CONSTANTS
    : constants;
}
