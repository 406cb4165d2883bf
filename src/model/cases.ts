/**
 * Geographic incidence: the probability that people in the event are infected.
 *
 * @module
 */
import type { Virus } from "./virus.ts";

/** Incidence data of the location (reference `Cases`). */
export interface Cases {
  /** Population of the location, people. */
  readonly geographicPopulation: number;
  /** New cases in the location (weekly, as entered), people. */
  readonly geographicCases: number;
  /** Ascertainment bias: true cases per reported case, dimensionless. */
  readonly ascertainmentBias: number;
}

/** No incidence data (probabilistic exposure off). */
export const NO_CASES: Cases = Object.freeze({
  geographicPopulation: 0,
  geographicCases: 0,
  ascertainmentBias: 0,
});

/**
 * Probability that a random person of the location is infectious:
 * cases × infectiousness days × ascertainment bias / population.
 *
 * Source: reference `Cases.probability_random_individual`.
 */
export function probabilityRandomIndividual(cases: Cases, virus: Virus): number {
  return cases.geographicCases * virus.infectiousnessDays * cases.ascertainmentBias /
    cases.geographicPopulation;
}

/**
 * Probability that exactly `nInfected` of the `eventPopulation` people are infected
 * (binomial probability mass).
 *
 * Source: Lelieveld et al. / Chande et al. (2020), doi:10.1038/s41562-020-01000-9;
 * reference `Cases.probability_meet_infected_person`.
 */
export function probabilityMeetInfectedPerson(
  cases: Cases,
  virus: Virus,
  nInfected: number,
  eventPopulation: number,
): number {
  return binomialPmf(nInfected, eventPopulation, probabilityRandomIndividual(cases, virus));
}

/**
 * Binomial probability mass C(n, k) p^k (1 − p)^(n − k), computed in log space with an
 * exact log-binomial coefficient for integer arguments.
 */
export function binomialPmf(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0) return NaN;
  if (!(p >= 0 && p <= 1)) return NaN;
  if (k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  let logCoefficient = 0;
  const m = Math.min(k, n - k);
  for (let i = 1; i <= m; i++) logCoefficient += Math.log((n - m + i) / i);
  return Math.exp(logCoefficient + k * Math.log(p) + (n - k) * Math.log1p(-p));
}
