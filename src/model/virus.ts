/**
 * Virus properties and the inactivation of the virus in room air.
 *
 * @module
 */
import { map2, type Vec } from "./vec.ts";
import { KELVIN_AT_0_CELSIUS, MIN_PER_H } from "../units.ts";

/** A virus (variant) and its Monte Carlo parameters (reference `Virus`, `SARSCoV2`). */
export interface Virus {
  /** Viral load in the respiratory fluid, RNA copies/mL. */
  readonly viralLoadInSputum: Vec;
  /** Dose that initiates infection (ID50), RNA copies. */
  readonly infectiousDose: Vec;
  /** Viable-to-RNA virus ratio, fraction 0–1. */
  readonly viableToRnaRatio: Vec;
  /** Reported transmissibility factor of the variant relative to the wild type (≤ 1 is more transmissible). */
  readonly transmissibilityFactor: number;
  /** Days an infected person is contagious (used for incidence-based probabilities), days. */
  readonly infectiousnessDays: number;
}

/** Upper bound of the SARS-CoV-2 half-life in air, h (reference maximum 6.43 h). */
export const MAX_HALFLIFE_H = 6.43;

/**
 * Half-life of SARS-CoV-2 in aerosols as a function of humidity and temperature.
 *
 * Unit: h. Source: Dabisch et al. (2021), doi:10.1080/02786826.2020.1829536, with the
 * reference's correction: negative or larger values are replaced by 6.43 h (reference
 * `SARSCoV2.halflife`; CERN-OPEN-2021-004, doi:10.17181/CERN.1GDQ.5Y75).
 *
 * @param humidity Relative humidity, fraction 0–1.
 * @param insideTempK Air temperature, K.
 * @returns Half-life, h.
 */
export function halflife(humidity: Vec, insideTempK: Vec): Vec {
  return map2(humidity, insideTempK, (rh, t) => {
    const tempTerm = ((t - KELVIN_AT_0_CELSIUS) - 20.615) / 10.585;
    const decayPerMinute = 0.16030 + 0.04018 * tempTerm +
      0.02176 * (((rh * 100) - 45.235) / 28.665) -
      0.14369 -
      0.02636 * ((t - KELVIN_AT_0_CELSIUS) - 20.615) / 10.585;
    const hl = (Math.LN2 / decayPerMinute) / MIN_PER_H;
    return hl <= 0 ? MAX_HALFLIFE_H : Math.min(MAX_HALFLIFE_H, hl);
  });
}

/**
 * Viral inactivation rate in room air, ln 2 / half-life.
 *
 * Unit: h⁻¹. Source: reference `Virus.decay_constant`.
 *
 * @param humidity Relative humidity, fraction 0–1.
 * @param insideTempK Air temperature, K.
 * @returns Decay constant, h⁻¹.
 */
export function decayConstant(humidity: Vec, insideTempK: Vec): Vec {
  return map2(1, halflife(humidity, insideTempK), (_, hl) => Math.LN2 / hl);
}

/**
 * Fixed-value variants (the reference's `Virus.types`, used by its tests and expert app):
 * viral load 1e9 RNA copies/mL, infectious dose 50, viable-to-RNA ratio 0.5.
 */
export const VIRUS_TYPES: Readonly<Record<string, Virus>> = Object.freeze({
  SARS_CoV_2: fixedVirus(1.0),
  SARS_CoV_2_ALPHA: fixedVirus(0.78),
  SARS_CoV_2_BETA: fixedVirus(0.8),
  SARS_CoV_2_GAMMA: fixedVirus(0.72),
  SARS_CoV_2_DELTA: fixedVirus(0.51),
  SARS_CoV_2_OMICRON: fixedVirus(0.2),
});

function fixedVirus(transmissibilityFactor: number): Virus {
  return {
    viralLoadInSputum: 1e9,
    infectiousDose: 50,
    viableToRnaRatio: 0.5,
    transmissibilityFactor,
    infectiousnessDays: 14,
  };
}
