/**
 * Aerosol particles: settling velocity and fraction deposited in the respiratory tract.
 *
 * @module
 */
import { releaseColumn } from "../kernel/column_arena.ts";
import { fractionDepositedColumn } from "../kernel/columns.ts";
import { map1, type Vec } from "./vec.ts";

/** Columns at least this long are computed in the kernel. */
const KERNEL_MIN_LENGTH = 64;

/** Settling velocity of a 2.5 µm particle (after evaporation), m/s. */
export const DEFAULT_SETTLING_VELOCITY_M_S = 1.88e-4;

/** Deposition fraction used when no diameter is modelled, fraction 0–1. */
export const DEFAULT_FRACTION_DEPOSITED = 0.6;

/**
 * Settling (gravitational deposition) velocity of particles of diameter d after
 * evaporation by `evaporationFactor`: 1.88e-4 · (d · f / 2.5)² m/s, or 1.88e-4 m/s when
 * no diameter is given.
 *
 * Unit: m/s. Source: Henriques et al. (2022), doi:10.1101/2021.10.14.21264988; reference
 * `Particle.settling_velocity`.
 *
 * @param diameterUm Diameter at emission, µm (undefined: the default particle).
 * @param evaporationFactor Factor applied to the diameter once airborne, dimensionless.
 * @returns Settling velocity, m/s.
 */
export function settlingVelocity(diameterUm: Vec | undefined, evaporationFactor = 0.3): Vec {
  if (diameterUm === undefined) return DEFAULT_SETTLING_VELOCITY_M_S;
  return map1(diameterUm, (d) => settlingVelocityOfDiameter(d, evaporationFactor));
}

/**
 * {@link settlingVelocity} of one diameter (µm): 1.88e-4 · (d · f / 2.5)² m/s.
 *
 * @param diameterUm Diameter at emission, µm.
 * @param evaporationFactor Factor applied to the diameter once airborne, dimensionless.
 * @returns Settling velocity, m/s.
 */
export function settlingVelocityOfDiameter(diameterUm: number, evaporationFactor: number): number {
  // x ** 2 is x · x exactly (fdlibm, glibc and numpy alike), without a call to pow.
  const scaled = diameterUm * evaporationFactor / 2.5;
  return DEFAULT_SETTLING_VELOCITY_M_S * (scaled * scaled);
}

/**
 * Fraction of inhaled particles deposited in the respiratory tract (ICRP model as in
 * W. C. Hinds, Aerosol Technology, Wiley 1999, pp. 233–259), or 0.6 when no diameter is
 * given.
 *
 * Unit: fraction 0–1. Source: reference `Particle.fraction_deposited`.
 *
 * @param diameterUm Diameter at emission, µm (undefined: the default particle).
 * @param evaporationFactor Factor applied to the diameter once airborne, dimensionless.
 * @returns Deposited fraction.
 */
export function fractionDeposited(diameterUm: Vec | undefined, evaporationFactor = 0.3): Vec {
  if (diameterUm === undefined) return DEFAULT_FRACTION_DEPOSITED;
  if (typeof diameterUm !== "number" && diameterUm.length >= KERNEL_MIN_LENGTH) {
    // The same expression per sample in the kernel (asm/particles.ts).
    return fractionDepositedColumn(diameterUm, evaporationFactor);
  }
  return map1(diameterUm, (diameter) => {
    const d = diameter * evaporationFactor;
    const inhalable = 1 - 0.5 * (1 - (1 / (1 + (0.00076 * (d ** 2.8)))));
    return inhalable * (0.0587 +
      (0.911 / (1 + Math.exp(4.77 + 1.485 * Math.log(d)))) +
      (0.943 / (1 + Math.exp(0.508 - 2.58 * Math.log(d)))));
  });
}

/**
 * {@link fractionDeposited} of every diameter of a column, written over it (for diameters
 * nothing reads afterwards: no new column).
 *
 * @param diameterUm Diameters at emission, µm: overwritten by their deposited fractions.
 * @param evaporationFactor Factor applied to the diameter once airborne, dimensionless.
 * @returns `diameterUm`, now the deposited fractions.
 */
export function fractionDepositedOver(
  diameterUm: Float64Array,
  evaporationFactor: number,
): Float64Array {
  // The same branches as fractionDeposited's (the kernel's values from 64 samples on).
  if (diameterUm.length >= KERNEL_MIN_LENGTH) {
    return fractionDepositedColumn(diameterUm, evaporationFactor, diameterUm);
  }
  const fractions = fractionDeposited(diameterUm, evaporationFactor) as Float64Array;
  diameterUm.set(fractions);
  releaseColumn(fractions);
  return diameterUm;
}
