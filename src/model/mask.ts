/**
 * Face masks: inward and outward filtration efficiencies.
 *
 * @module
 */
import { map1, mul, type Vec } from "./vec.ts";

/** A mask worn by a population (reference `Mask`). */
export interface Mask {
  /** Filtration efficiency when inhaling (leaks included), fraction 0–1. */
  readonly etaInhale: Vec;
  /** Filtration efficiency when exhaling, fraction 0–1; absent: diameter-dependent model. */
  readonly etaExhale?: Vec;
  /** Factor applied to the diameter-dependent exhale efficiency, dimensionless. */
  readonly factorExhale: number;
}

/**
 * Overall exhale efficiency, leaks included: `etaExhale` when given, else the
 * diameter-dependent fit (0 below 0.5 µm, 0.5893 d + 0.1546 up to 0.94614 µm,
 * 0.0509 d + 0.664 up to 3 µm, 0.8167 above) times `factorExhale`.
 *
 * Unit: fraction 0–1. Source: CERN-OPEN-2021-004 (doi:10.17181/CERN.1GDQ.5Y75) and
 * Asadi et al. (2020) therein; reference `Mask.exhale_efficiency`.
 *
 * @param mask The mask.
 * @param diameterUm Particle diameter, µm.
 * @returns Exhale efficiency.
 */
export function exhaleEfficiency(mask: Mask, diameterUm: Vec): Vec {
  if (mask.etaExhale !== undefined) return mask.etaExhale;
  const eta = map1(diameterUm, (d) => {
    if (d < 0.5) return 0;
    if (d < 0.94614) return 0.5893 * d + 0.1546;
    if (d < 3) return 0.0509 * d + 0.664;
    return 0.8167;
  });
  return mul(eta, mask.factorExhale);
}

/**
 * Overall inhale efficiency, leaks included.
 *
 * @param mask The mask.
 * @returns Inhale efficiency, fraction 0–1.
 */
export function inhaleEfficiency(mask: Mask): Vec {
  return mask.etaInhale;
}

/** Fixed-value masks (the reference's `Mask.types`, used by its tests). */
export const MASK_TYPES: Readonly<Record<string, Mask>> = Object.freeze({
  "No mask": { etaInhale: 0, etaExhale: 0, factorExhale: 1 },
  "Type I": { etaInhale: 0.5, factorExhale: 1 },
  FFP2: { etaInhale: 0.865, factorExhale: 1 },
  Cloth: { etaInhale: 0.225, etaExhale: 0.35, factorExhale: 1 },
});
