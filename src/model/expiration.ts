/**
 * Expiration of aerosols: volume of respiratory fluid emitted per volume of exhaled air.
 *
 * @module
 */
import { aerosolVolumeColumn } from "../kernel/columns.ts";
import { exhaleEfficiency, type Mask } from "./mask.ts";
import { add, map2, mul, type Vec } from "./vec.ts";
import { ML_PER_UM3 } from "../units.ts";

/**
 * One expiratory activity with a particle diameter (reference `Expiration`): a fixed
 * equivalent diameter, or one diameter per Monte Carlo sample drawn from the BLO model.
 */
export interface SingleExpiration {
  /** Discriminant. */
  readonly kind: "single";
  /** Particle diameter at emission, µm. */
  readonly diameter: Vec;
  /**
   * Total aerosol concentration integrated over the diameter range, cm⁻³
   * (c_n,i of Eq. 4 in doi:10.1101/2021.10.14.21264988); 1 for fixed diameters.
   */
  readonly cn: number;
  /** Name of the expiratory activity (e.g. "Speaking"). */
  readonly name?: string;
}

/**
 * A weighted mix of fixed-diameter expirations (reference `MultipleExpiration`), each the
 * main mode for a fraction of the time given by its weight.
 */
export interface MultipleExpiration {
  /** Discriminant. */
  readonly kind: "multiple";
  /** The expirations (scalar diameters only). */
  readonly expirations: readonly Expiration[];
  /** Relative weight of each expiration. */
  readonly weights: readonly number[];
}

/** An expiration model. */
export type Expiration = SingleExpiration | MultipleExpiration;

/**
 * A single expiration.
 *
 * @param diameter Diameter at emission, µm.
 * @param cn Total aerosol concentration, cm⁻³ (default 1).
 * @param name Optional name.
 * @returns The expiration.
 */
export function singleExpiration(diameter: Vec, cn = 1, name?: string): SingleExpiration {
  return name === undefined
    ? { kind: "single", diameter, cn }
    : { kind: "single", diameter, cn, name };
}

/**
 * A weighted mix of fixed-diameter expirations.
 *
 * @throws {RangeError} When lengths differ or a diameter is per-sample.
 */
export function multipleExpiration(
  expirations: readonly Expiration[],
  weights: readonly number[],
): MultipleExpiration {
  if (expirations.length !== weights.length) {
    throw new RangeError(
      `expected as many weights as expirations but found ${weights.length} and ${expirations.length}`,
    );
  }
  if (expirations.some((e) => e.kind === "single" && typeof e.diameter !== "number")) {
    throw new RangeError("expected scalar diameters in a multiple expiration but found an array");
  }
  return { kind: "multiple", expirations: [...expirations], weights: [...weights] };
}

/**
 * Particle diameter of an expiration, µm (undefined for a mix: the default particle).
 */
export function expirationDiameter(expiration: Expiration): Vec | undefined {
  return expiration.kind === "single" ? expiration.diameter : undefined;
}

/**
 * Volume of respiratory fluid expired per volume of exhaled air, after the mask's
 * outward filtration: cn · (π d³ / 6) · (1 − η_out(d)) · 10⁻¹² (µm³ → mL).
 *
 * Unit: mL/cm³. Source: Henriques et al. (2022), doi:10.1101/2021.10.14.21264988, Eq. 4;
 * reference `Expiration.aerosols` and `MultipleExpiration.aerosols` (weighted mean).
 *
 * @param expiration The expiration.
 * @param mask The mask worn while exhaling.
 * @returns Aerosol volume, mL/cm³.
 */
export function aerosols(expiration: Expiration, mask: Mask): Vec {
  if (expiration.kind === "single") {
    const d = expiration.diameter;
    const eta = mask.etaExhale;
    if (
      typeof d !== "number" && d.length >= KERNEL_MIN_LENGTH &&
      (eta === undefined || typeof eta === "number" || eta.length === d.length)
    ) {
      return kernelAerosols(d, expiration.cn, mask);
    }
    const volume = map2(
      d,
      exhaleEfficiency(mask, d),
      (x, eta) => ((Math.PI * x ** 3) / 6) * (1 - eta),
    );
    return mul(mul(expiration.cn, volume), ML_PER_UM3);
  }
  let totalWeight = 0;
  for (const w of expiration.weights) totalWeight += w;
  let result: Vec = 0;
  expiration.expirations.forEach((e, i) => {
    result = add(
      result,
      map2(expiration.weights[i], aerosols(e, mask), (w, a) => w * a / totalWeight),
    );
  });
  return result;
}

/** Columns at least this long are computed in the kernel. */
const KERNEL_MIN_LENGTH = 64;

/** The single-expiration aerosol volume over a diameter column, in the kernel (asm/particles.ts). */
function kernelAerosols(d: Float64Array, cn: number, mask: Mask): Float64Array {
  return aerosolVolumeColumn(d, cn, mask.etaExhale, mask.factorExhale);
}

/**
 * Fixed equivalent diameters giving the BLO model's total aerosol volume between 0.1 and
 * 30 µm (the reference's `Expiration.types`, for its tests), µm.
 */
export const EXPIRATION_TYPES: Readonly<Record<string, SingleExpiration>> = Object.freeze({
  Breathing: singleExpiration(1.3844),
  Speaking: singleExpiration(5.8925),
  Shouting: singleExpiration(10.0411),
  Singing: singleExpiration(10.0411),
});
