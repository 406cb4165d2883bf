/**
 * The distance between the infected and the exposed person during a short-range
 * (face-to-face) interaction, m: an empirical distribution derived from Fig. 8 a)
 * "stand-stand" of Zhang et al., Int. J. Environ. Res. Public Health 17 (4), 1445, 2020
 * (doi:10.3390/ijerph17041445), sampled by rejection under its piecewise-linear
 * frequency curve (reference: CAiMIRA 4.19.0 `short_range_distances`,
 * `monte_carlo/data.py`).
 *
 * @module
 */
import { type CustomDistribution, customDistribution } from "./distributions.ts";
import { type InterpTable, interpTable } from "./interp.ts";

/** Tabulated distances, m (0.5 to 2.0 by 0.1). */
const DISTANCES_M = [
  0.5,
  0.6,
  0.7,
  0.8,
  0.9,
  1.0,
  1.1,
  1.2,
  1.3,
  1.4,
  1.5,
  1.6,
  1.7,
  1.8,
  1.9,
  2.0,
];

/** Relative frequency of each tabulated distance (dimensionless, unnormalised). */
const DISTANCE_FREQUENCIES = [
  0.0598036,
  0.0946154,
  0.1299152,
  0.1064905,
  0.1099066,
  0.0998209,
  0.0845298,
  0.0479286,
  0.0406084,
  0.039795,
  0.0205997,
  0.0152316,
  0.0118155,
  0.0118155,
  0.018485,
  0.0205997,
];

/**
 * The frequency curve of the conversational distance: x in m, y the relative frequency,
 * linear between the 16 points from 0.5 to 2.0 m and 0 outside.
 */
export const SHORT_RANGE_DISTANCE_TABLE: InterpTable = interpTable(
  DISTANCES_M,
  DISTANCE_FREQUENCIES,
  { left: 0, right: 0 },
);

/** Rejection envelope of the distance curve (its maximum is 0.1299152). */
export const SHORT_RANGE_DISTANCE_MAX_FREQUENCY = 0.13;

/**
 * Range of conversational distances, m (the registry's
 * `short_range_model.conversational_distance`: 0.5 to 2.0 m in CAiMIRA 4.19.0).
 */
export interface ConversationalDistanceRange {
  /** Smallest distance, m. */
  readonly minDistance: number;
  /** Largest distance, m (> minDistance). */
  readonly maxDistance: number;
}

/**
 * The short-range interaction distance, m: `Custom(bounds, interp(x, table, left=0,
 * right=0), max 0.13)`, drawn by rejection sampling like the reference.
 *
 * @param range The sampled interval of distances, m (reference: 0.5 to 2.0 m).
 * @returns The distribution of the distance, m.
 * @example Usage
 * ```ts
 * import { shortRangeDistanceDistribution } from "./short_range_distance.ts";
 * const d = shortRangeDistanceDistribution({ minDistance: 0.5, maxDistance: 2 });
 * if (d.maxDensity !== 0.13) throw new Error("bad");
 * ```
 */
export function shortRangeDistanceDistribution(
  range: ConversationalDistanceRange,
): CustomDistribution {
  return customDistribution(
    [range.minDistance, range.maxDistance],
    SHORT_RANGE_DISTANCE_TABLE,
    SHORT_RANGE_DISTANCE_MAX_FREQUENCY,
  );
}
