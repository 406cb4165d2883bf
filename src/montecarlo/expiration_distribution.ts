/**
 * The expiration's particle-diameter distribution and total aerosol concentration built
 * from the BLO model (reference: CAiMIRA 4.19.0 `expiration_distribution` in
 * `monte_carlo/data.py`, and `build_expiration` in the virus form validator for mixes
 * of expiratory activities).
 *
 * The diameter is drawn from a weighted Gaussian kernel density (bandwidth 0.1 µm) over
 * a grid of 3000 diameters spanning the particle size range, weighted by the BLO
 * distribution n(d); cn is the closed-form integral of n(d) over the same range.
 *
 * @module
 */
import { bloDistribution, type BloFactors, bloIntegral, type BloModelParams } from "./blo.ts";
import { type CustomKernelDistribution, customKernelDistribution } from "./distributions.ts";
import { linspace } from "./linspace.ts";

/** Number of grid diameters of the kernel density (reference constant). */
export const EXPIRATION_GRID_POINTS = 3000;

/** Kernel bandwidth of the diameter density, µm (reference constant). */
export const EXPIRATION_KERNEL_BANDWIDTH_UM = 0.1;

/**
 * A particle size range, µm (the registry's `expiration_particle.particle_size_range`:
 * long range 0.1-20 µm, short range 0.1-100 µm in CAiMIRA 4.19.0).
 */
export interface DiameterRange {
  /** Smallest diameter, µm (> 0). */
  readonly minDiameter: number;
  /** Largest diameter, µm (> minDiameter). */
  readonly maxDiameter: number;
}

/** The sampleable part of an expiration. */
export interface ExpirationDistribution {
  /** Distribution of the particle diameter at emission, µm (KDE over the BLO grid). */
  readonly diameter: CustomKernelDistribution;
  /**
   * Total aerosol concentration over the size range, cm⁻³ (c_n,i of Eq. 4 in
   * doi:10.1101/2021.10.14.21264988); a plain number, not sampled.
   */
  readonly cn: number;
}

/**
 * The diameter distribution and cn of an expiratory activity with BLO factors `factors`.
 *
 * Grid: `linspace(minDiameter, maxDiameter, 3000)` (numpy semantics); weights: the BLO
 * distribution on the grid; diameter: `CustomKernel(grid, weights, 0.1)`;
 * cn: `bloIntegral(minDiameter, maxDiameter)`.
 *
 * @param params The BLO mode parameters.
 * @param factors The activity's BLO factors (possibly blended, see {@link blendBloFactors}).
 * @param range The particle size range, µm.
 * @returns The diameter distribution (µm) and cn (cm⁻³).
 * @throws {RangeError} When the range is not 0 < min < max.
 * @example Usage
 * ```ts
 * import { expirationDistribution } from "./expiration_distribution.ts";
 * const params = {
 *   cn: { B: 0.06, L: 0.2, O: 0.0010008 },
 *   mu: { B: 0.989541, L: 1.38629, O: 4.97673 },
 *   sigma: { B: 0.262364, L: 0.506818, O: 0.585005 },
 * };
 * const speaking = expirationDistribution(params, { B: 1, L: 1, O: 1 }, {
 *   minDiameter: 0.1,
 *   maxDiameter: 20,
 * });
 * if (speaking.diameter.variable.length !== 3000) throw new Error("bad grid");
 * ```
 */
export function expirationDistribution(
  params: BloModelParams,
  factors: BloFactors,
  range: DiameterRange,
): ExpirationDistribution {
  const { minDiameter, maxDiameter } = range;
  if (!(minDiameter > 0) || !(maxDiameter > minDiameter) || !Number.isFinite(maxDiameter)) {
    throw new RangeError(
      `expected a diameter range 0 < min < max but found ${minDiameter} to ${maxDiameter}`,
    );
  }
  const grid = linspace(minDiameter, maxDiameter, EXPIRATION_GRID_POINTS);
  const weights = bloDistribution(params, factors, grid);
  return {
    diameter: customKernelDistribution(grid, weights, EXPIRATION_KERNEL_BANDWIDTH_UM),
    cn: bloIntegral(params, factors, minDiameter, maxDiameter),
  };
}

/**
 * BLO factors of a mix of expiratory activities: the weighted mean of each activity's
 * factors, as the reference combines e.g. the office mix {Speaking: 1, Breathing: 2}
 * into one expiration (`build_expiration`). Each activity contributes
 * `(factor * weight) / totalWeight`, and the contributions are added per mode in the
 * order given (totalWeight is the plain left-to-right sum of the weights).
 *
 * @param parts The activities' factors with their relative weights (>= 0, positive sum),
 *   in the reference's dict order.
 * @returns The blended factors.
 * @throws {RangeError} When `parts` is empty, a weight is negative or the weights sum to 0.
 * @example Usage
 * ```ts
 * import { blendBloFactors } from "./expiration_distribution.ts";
 * const office = blendBloFactors([
 *   [{ B: 1, L: 1, O: 1 }, 1], // Speaking
 *   [{ B: 1, L: 0, O: 0 }, 2], // Breathing
 * ]);
 * if (office.B !== 1 || office.L !== 1 / 3) throw new Error("bad");
 * ```
 */
export function blendBloFactors(
  parts: ReadonlyArray<readonly [BloFactors, number]>,
): BloFactors {
  if (parts.length === 0) throw new RangeError("expected at least one activity but found none");
  let total = 0;
  for (const [, w] of parts) {
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(`expected non-negative finite weights but found ${w}`);
    }
    total += w;
  }
  if (!(total > 0)) throw new RangeError("expected weights with a positive sum but found 0");
  const share = (f: BloFactors, w: number, key: keyof BloFactors) => (f[key] * w) / total;
  const [first, w0] = parts[0];
  let B = share(first, w0, "B");
  let L = share(first, w0, "L");
  let O = share(first, w0, "O");
  for (let i = 1; i < parts.length; i++) {
    const [f, w] = parts[i];
    B += share(f, w, "B");
    L += share(f, w, "L");
    O += share(f, w, "O");
  }
  return { B, L, O };
}
