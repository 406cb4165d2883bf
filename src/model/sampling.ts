/**
 * Monte Carlo versions of the model objects: the same shapes with any numeric field
 * given as a distribution, and builders that draw every distribution in the reference's
 * order (the dataclass field order walked by `MCModelBase.build_model`), so a seeded
 * build draws exactly the reference's samples (../shared/spec/sampling-order.md).
 *
 * @module
 */
import { raiseNonPositiveInKernel } from "../kernel/columns.ts";
import { type Distribution, generateSamples, skipSamples } from "../montecarlo/distributions.ts";
import type { Rng } from "../montecarlo/rng.ts";
import type { Activity } from "./activity.ts";
import type { Expiration, SingleExpiration } from "./expiration.ts";
import type { Mask } from "./mask.ts";
import type { InfectedPopulation, Occupancy, Population } from "./population.ts";
import { type JetConstants, type ShortRangeModel, shortRangeModel } from "./short_range.ts";
import type { Vec } from "./vec.ts";
import type { Virus } from "./virus.ts";

/** A value, or a distribution to draw one value per sample from. */
export type Sampleable = Vec | Distribution;

/** Draws `n` samples when `value` is a distribution, else returns it unchanged. */
export function sampleValue(value: Sampleable, rng: Rng, n: number): Vec {
  if (typeof value === "number" || value instanceof Float64Array) return value;
  return generateSamples(value, rng, n);
}

/** An activity with sampleable rates. */
export interface ActivitySpec {
  /** Inhalation rate, m³/h. */
  readonly inhalationRate: Sampleable;
  /** Exhalation rate, m³/h. */
  readonly exhalationRate: Sampleable;
}

/**
 * A drawn field (of an activity or a mask) whose values are not needed: drawn as usual
 * for the stream's sake but not computed, and NaN in the model (so any use of it shows).
 */
export type UnusedField = "inhalationRate" | "exhalationRate" | "etaInhale" | "etaExhale";

/** Draws `value` unless `field` is in `unused` (then skips its draws, see {@link UnusedField}). */
function sampleUnless(
  field: UnusedField,
  unused: readonly UnusedField[],
  value: Sampleable,
  rng: Rng,
  n: number,
): Vec {
  return unused.includes(field) ? skipValue(value, rng, n) : sampleValue(value, rng, n);
}

/** Draws an activity: inhalation rate, then exhalation rate (see {@link UnusedField}). */
export function sampleActivity(
  spec: ActivitySpec,
  rng: Rng,
  n: number,
  unused: readonly UnusedField[] = [],
): Activity {
  const inhalationRate = sampleUnless("inhalationRate", unused, spec.inhalationRate, rng, n);
  const exhalationRate = sampleUnless("exhalationRate", unused, spec.exhalationRate, rng, n);
  return { inhalationRate, exhalationRate };
}

/** Advances `rng` as {@link sampleValue} would and gives NaN for a distribution. */
function skipValue(value: Sampleable, rng: Rng, n: number): Vec {
  if (typeof value === "number" || value instanceof Float64Array) return value;
  skipSamples(value, rng, n);
  return NaN;
}

/** A mask with sampleable efficiencies. */
export interface MaskSpec {
  /** Inhale efficiency, fraction 0–1. */
  readonly etaInhale: Sampleable;
  /** Exhale efficiency, fraction 0–1 (absent: diameter-dependent). */
  readonly etaExhale?: Sampleable;
  /** Factor on the diameter-dependent exhale efficiency. */
  readonly factorExhale: number;
}

/** Draws a mask: η_inhale, then η_exhale when given (see {@link UnusedField}). */
export function sampleMask(
  spec: MaskSpec,
  rng: Rng,
  n: number,
  unused: readonly UnusedField[] = [],
): Mask {
  const etaInhale = sampleUnless("etaInhale", unused, spec.etaInhale, rng, n);
  if (spec.etaExhale === undefined) return { etaInhale, factorExhale: spec.factorExhale };
  const etaExhale = sampleUnless("etaExhale", unused, spec.etaExhale, rng, n);
  return { etaInhale, etaExhale, factorExhale: spec.factorExhale };
}

/** A virus with sampleable parameters. */
export interface VirusSpec {
  /** Viral load, RNA copies/mL. */
  readonly viralLoadInSputum: Sampleable;
  /** ID50, RNA copies. */
  readonly infectiousDose: Sampleable;
  /** Viable-to-RNA ratio, fraction. */
  readonly viableToRnaRatio: Sampleable;
  /** Transmissibility factor. */
  readonly transmissibilityFactor: number;
  /** Infectious days. */
  readonly infectiousnessDays: number;
}

/** Draws a virus: viral load, infectious dose, viable-to-RNA ratio. */
export function sampleVirus(spec: VirusSpec, rng: Rng, n: number): Virus {
  const viralLoadInSputum = sampleValue(spec.viralLoadInSputum, rng, n);
  const infectiousDose = sampleValue(spec.infectiousDose, rng, n);
  const viableToRnaRatio = sampleValue(spec.viableToRnaRatio, rng, n);
  return {
    viralLoadInSputum,
    infectiousDose,
    viableToRnaRatio,
    transmissibilityFactor: spec.transmissibilityFactor,
    infectiousnessDays: spec.infectiousnessDays,
  };
}

/** A single expiration with a sampleable diameter (e.g. the BLO kernel density). */
export interface SingleExpirationSpec {
  /** Discriminant. */
  readonly kind: "single";
  /** Diameter, µm. */
  readonly diameter: Sampleable;
  /** Total aerosol concentration, cm⁻³. */
  readonly cn: number;
  /** Name. */
  readonly name?: string;
}

/** An expiration with sampleable diameters. */
export type ExpirationSpec = SingleExpirationSpec | Extract<Expiration, { kind: "multiple" }>;

/** Draws an expiration's diameter (multiple expirations have fixed diameters). */
export function sampleExpiration(spec: ExpirationSpec, rng: Rng, n: number): Expiration {
  if (spec.kind === "multiple") return spec;
  return sampleSingleExpiration(spec, rng, n);
}

/**
 * Draws a single expiration's diameter. A diameter drawn from a kernel density at or
 * below 0 µm is replaced by the density's smallest centre (0.1 µm with the registry's
 * grids).
 *
 * The reference draws the diameters from a Gaussian kernel density (scikit-learn's
 * `KernelDensity.sample`, bandwidth 0.1 µm) over a grid that starts at 0.1 µm, so a few
 * draws fall at or below 0 (at 250,000 samples, about one report in a thousand has one).
 * Such a diameter has no positive volume: its deposited fraction (`d ** 2.8`, `log(d)`)
 * or its normalised background (0 / 0) is NaN, which the means over the samples pass on:
 * the reference's report is then NaN throughout (and our server's a 500). Every other
 * draw, and the draw order, are the reference's.
 */
export function sampleSingleExpiration(
  spec: SingleExpirationSpec,
  rng: Rng,
  n: number,
): SingleExpiration {
  const diameter = sampleValue(spec.diameter, rng, n);
  const density = spec.diameter;
  // Only drawn columns: a caller's own column (or value) is left as it is.
  const drawn = typeof density === "object" && !(density instanceof Float64Array);
  if (
    drawn && density.kind === "customKernel" && !density.log10 && diameter instanceof Float64Array
  ) {
    let smallest = Infinity;
    for (const centre of density.variable) smallest = Math.min(smallest, centre);
    if (!raiseNonPositiveInKernel(diameter, smallest)) {
      for (let i = 0; i < diameter.length; i++) if (diameter[i] <= 0) diameter[i] = smallest;
    }
  }
  return spec.name === undefined
    ? { kind: "single", diameter, cn: spec.cn }
    : { kind: "single", diameter, cn: spec.cn, name: spec.name };
}

/** A population with sampleable activity and mask. */
export type PopulationSpec = Occupancy & {
  /** Activity. */
  readonly activity: ActivitySpec;
  /** Mask. */
  readonly mask: MaskSpec;
  /** Host immunity, fraction. */
  readonly hostImmunity: Vec;
};

/** Draws a population: activity (inhalation, exhalation), then mask. */
export function samplePopulation(
  spec: PopulationSpec,
  rng: Rng,
  n: number,
  unused: readonly UnusedField[] = [],
): Population {
  const activity = sampleActivity(spec.activity, rng, n, unused);
  const mask = sampleMask(spec.mask, rng, n, unused);
  return { ...occupancyOf(spec), activity, mask, hostImmunity: spec.hostImmunity };
}

/** An infected population with sampleable parameters. */
export type InfectedPopulationSpec = PopulationSpec & {
  /** Virus. */
  readonly virus: VirusSpec;
  /** Expiration. */
  readonly expiration: ExpirationSpec;
};

/**
 * Draws an infected population in the reference's field order: activity, mask, virus
 * (viral load, infectious dose, viable-to-RNA ratio), then the expiration's diameter.
 */
export function sampleInfectedPopulation(
  spec: InfectedPopulationSpec,
  rng: Rng,
  n: number,
  unused: readonly UnusedField[] = [],
): InfectedPopulation {
  const activity = sampleActivity(spec.activity, rng, n, unused);
  const mask = sampleMask(spec.mask, rng, n, unused);
  const virus = sampleVirus(spec.virus, rng, n);
  const expiration = sampleExpiration(spec.expiration, rng, n);
  return {
    kind: "infected",
    ...occupancyOf(spec),
    activity,
    mask,
    hostImmunity: spec.hostImmunity,
    virus,
    expiration,
  };
}

/** A short-range interaction with a sampleable diameter and distance. */
export type ShortRangeSpec = Omit<ShortRangeModel, "expiration" | "distance" | "jet"> & {
  /** Jet constants (default: the reference's). */
  readonly jet?: JetConstants;
  /** Expiration during the interaction. */
  readonly expiration: SingleExpirationSpec;
  /** Interpersonal distance, m. */
  readonly distance: Sampleable;
};

/** Draws a short-range interaction: the expiration's diameter, then the distance. */
export function sampleShortRange(spec: ShortRangeSpec, rng: Rng, n: number): ShortRangeModel {
  const expiration = sampleSingleExpiration(spec.expiration, rng, n);
  const distance = sampleValue(spec.distance, rng, n);
  return shortRangeModel({ ...spec, expiration, distance });
}

function occupancyOf(spec: Occupancy): Occupancy {
  return typeof spec.number === "number"
    ? { number: spec.number, presence: spec.presence! }
    : { number: spec.number };
}
