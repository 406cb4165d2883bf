/**
 * Populations in the room: who is present when, their activity, mask, immunity and, for
 * the infected, the virus they emit.
 *
 * @module
 */
import { takeColumn } from "../kernel/column_arena.ts";
import { emissionPerAerosolColumn } from "../kernel/columns.ts";
import type { Activity } from "./activity.ts";
import {
  aerosols as expirationAerosols,
  type Expiration,
  expirationDiameter,
} from "./expiration.ts";
import type { Interval } from "./interval.ts";
import { triggered } from "./interval.ts";
import type { Mask } from "./mask.ts";
import { type IntPiecewiseConstant, occupancyAt, toInterval } from "./piecewise_constant.ts";
import { isArray, lane, map2, mul, sampleCount, type Vec } from "./vec.ts";
import type { Virus } from "./virus.ts";
import { CM3_PER_M3 } from "../units.ts";
import { cacheSlot, createEvaluationCache, type EvaluationCache } from "./evaluation_cache.ts";

/** Sample counts from which per-sample emission rates are computed in the kernel. */
const KERNEL_MIN_SAMPLES = 64;

/**
 * How many people and when: a fixed number present during an interval, or an occupancy
 * that changes with time (dynamic occupancy; then the presence is implied by it).
 */
export type Occupancy =
  | { readonly number: number; readonly presence: Interval }
  | { readonly number: IntPiecewiseConstant; readonly presence?: undefined };

/** A group of people with the same behaviour (reference `SimplePopulation`). */
export type SimplePopulation = Occupancy & {
  /** Physical activity. */
  readonly activity: Activity;
};

/** A population with masks and host immunity (reference `Population`). */
export type Population = SimplePopulation & {
  /** Mask worn. */
  readonly mask: Mask;
  /** Fraction of virions inactivated by the host's immunity (e.g. vaccination), 0–1. */
  readonly hostImmunity: Vec;
};

/** An infected population emitting virus through an expiration (reference `InfectedPopulation`). */
export type InfectedPopulation = Population & {
  /** Discriminant. */
  readonly kind: "infected";
  /** The virus. */
  readonly virus: Virus;
  /** The expiratory activity. */
  readonly expiration: Expiration;
};

/** A population with a known emission rate (reference `EmittingPopulation`). */
export type EmittingPopulation = Population & {
  /** Discriminant. */
  readonly kind: "emitting";
  /** The virus. */
  readonly virus: Virus;
  /** Emission rate of one person when present, virions/h. */
  readonly knownIndividualEmissionRate: Vec;
};

/** A population that emits virus. */
export type VirusPopulation = InfectedPopulation | EmittingPopulation;

/** The interval during which someone of the population is present. */
export function presenceInterval(population: Occupancy): Interval {
  return typeof population.number === "number"
    ? population.presence as Interval
    : toInterval(population.number);
}

/** Whether anyone of the population is present at `timeH` (hours). */
export function personPresent(population: Occupancy, timeH: number): boolean {
  return typeof population.number === "number"
    ? triggered(population.presence as Interval, timeH)
    : occupancyAt(population.number, timeH) !== 0;
}

/** Number of people present at `timeH` (hours). */
export function peoplePresent(population: Occupancy, timeH: number): number {
  if (typeof population.number === "number") {
    return personPresent(population, timeH) ? population.number : 0;
  }
  return occupancyAt(population.number, timeH);
}

/**
 * Fraction of the emitted virus that is infectious: viable-to-RNA ratio × (1 − immunity)
 * for an infected population, 1 for a known emission rate.
 */
export function fractionOfInfectiousVirus(population: VirusPopulation): Vec {
  if (population.kind === "emitting") return 1;
  return map2(
    population.virus.viableToRnaRatio,
    population.hostImmunity,
    (r, immunity) => r * (1 - immunity),
  );
}

/** Per population (populations are immutable): the columns the concentration, the dose
 * and the report all need, computed once per evaluation cache. */
const AEROSOLS = cacheSlot<VirusPopulation, Vec>("population aerosols");
const PER_AEROSOL = cacheSlot<VirusPopulation, Vec>("emission rate per aerosol per person");
const PER_PERSON = cacheSlot<VirusPopulation, Vec>("emission rate per person");

/** Volume of respiratory fluid per volume of exhaled air, mL/cm³ (1 for a known rate). */
export function populationAerosols(
  population: VirusPopulation,
  cache: EvaluationCache = createEvaluationCache(),
): Vec {
  return cache.get(
    AEROSOLS,
    population,
    () =>
      population.kind === "emitting"
        ? 1
        : expirationAerosols(population.expiration, population.mask),
  );
}

/**
 * Takes the aerosol volume of a population out of the cache (see `EvaluationCache.take`):
 * a report frees it once the columns derived from it are made and nothing will read it.
 *
 * @param population The population.
 * @param cache The evaluation's cache.
 * @returns The aerosol volume, mL/cm³, or undefined when it is not in the cache.
 */
export function takePopulationAerosols(
  population: VirusPopulation,
  cache: EvaluationCache,
): Vec | undefined {
  return cache.take(AEROSOLS, population);
}

/**
 * Diameter-independent part of the emission rate when present: viral load × exhalation
 * rate × infectious fraction × 10⁶ (m³ → cm³), or the known individual rate.
 *
 * Unit: (virions · cm³)/(mL · h). Source: reference
 * `InfectedPopulation.emission_rate_per_aerosol_per_person_when_present`.
 */
export function emissionRatePerAerosolPerPerson(
  population: VirusPopulation,
  cache: EvaluationCache = createEvaluationCache(),
): Vec {
  return cache.get(PER_AEROSOL, population, () => computePerAerosol(population));
}

function computePerAerosol(population: VirusPopulation): Vec {
  if (population.kind === "emitting") return population.knownIndividualEmissionRate;
  // (load × exhalation) × (viable-to-RNA ratio × (1 − immunity)) × 10⁶, in one pass.
  const load = population.virus.viralLoadInSputum;
  const exhalation = population.activity.exhalationRate;
  const ratio = population.virus.viableToRnaRatio;
  const immunity = population.hostImmunity;
  const scalar = ![load, exhalation, ratio, immunity].some(isArray);
  const n = scalar ? 1 : sampleCount(load, exhalation, ratio, immunity);
  if (n >= KERNEL_MIN_SAMPLES) {
    // The same expression per sample in the kernel (asm/particles.ts).
    return emissionPerAerosolColumn(n, load, exhalation, ratio, immunity, CM3_PER_M3);
  }
  const out = scalar ? new Float64Array(1) : takeColumn(n);
  const [v, vs] = lane(load);
  const [q, qs] = lane(exhalation);
  const [r, rs] = lane(ratio);
  const [im, ims] = lane(immunity);
  for (let i = 0; i < out.length; i++) {
    out[i] = ((v[i * vs] * q[i * qs]) * (r[i * rs] * (1 - im[i * ims]))) * CM3_PER_M3;
  }
  return scalar ? out[0] : out;
}

/**
 * Emission rate of one person when present, virions/h.
 *
 * @param population The population.
 * @param cache The evaluation's cache.
 * @returns The rate, virions/h.
 */
export function emissionRatePerPerson(
  population: VirusPopulation,
  cache: EvaluationCache = createEvaluationCache(),
): Vec {
  return cache.get(
    PER_PERSON,
    population,
    () =>
      mul(
        emissionRatePerAerosolPerPerson(population, cache),
        populationAerosols(population, cache),
      ),
  );
}

/**
 * Emission rate of the population at `timeH` (hours), virions/h.
 *
 * @param population The population.
 * @param timeH The time, h.
 * @param cache The evaluation's cache.
 * @returns The rate, virions/h.
 */
export function emissionRate(
  population: VirusPopulation,
  timeH: number,
  cache: EvaluationCache = createEvaluationCache(),
): Vec {
  if (!personPresent(population, timeH)) return 0;
  return mul(emissionRatePerPerson(population, cache), peoplePresent(population, timeH));
}

/** Diameter of the particles emitted by the population, µm (undefined: default particle). */
export function emittedDiameter(population: VirusPopulation): Vec | undefined {
  return population.kind === "infected" ? expirationDiameter(population.expiration) : undefined;
}
