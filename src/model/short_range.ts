/**
 * Short-range exposure: the two-stage (jet, then puff) expiratory jet of an infected
 * person talking to an exposed person at a given distance.
 *
 * Source: Jia et al. (2022), doi:10.1016/j.buildenv.2022.109166; reference `ShortRangeModel`.
 *
 * @module
 */
import { takeColumn } from "../kernel/column_arena.ts";
import type { Activity } from "./activity.ts";
import { aerosols, type SingleExpiration } from "./expiration.ts";
import { boundaries, type Interval } from "./interval.ts";
import { MASK_TYPES } from "./mask.ts";
import { emissionRatePerAerosolPerPerson, type InfectedPopulation } from "./population.ts";
import { div, lane, map1, map2, mul, sampleCount, type Vec } from "./vec.ts";
import { CM3_PER_M3, S_PER_H } from "../units.ts";

/** Constants of the jet model (reference registry `short_range_model.dilution_factor`). */
export interface JetConstants {
  /** Average mouth opening diameter, m. */
  readonly mouthDiameterM: number;
  /** Ratio of the breathing-cycle duration to the exhalation duration, dimensionless. */
  readonly exhalationCoefficient: number;
  /** Duration of one breathing cycle, s. */
  readonly breathingCycleS: number;
  /** Radial penetration coefficient of the jet stage, β_r1. */
  readonly betaR1: number;
  /** Radial penetration coefficient of the puff stage, β_r2. */
  readonly betaR2: number;
  /** Streamwise penetration coefficient of the jet stage, β_x1. */
  readonly betaX1: number;
}

/** The reference's default jet constants (Jia et al. 2022). */
export const DEFAULT_JET_CONSTANTS: JetConstants = Object.freeze({
  mouthDiameterM: 0.02,
  exhalationCoefficient: 2,
  breathingCycleS: 4,
  betaR1: 0.18,
  betaR2: 0.2,
  betaX1: 2.4,
});

/** One short-range interaction (reference `ShortRangeModel`). */
export interface ShortRangeModel {
  /** The infected population the emitter belongs to. */
  readonly infected: InfectedPopulation;
  /** Physical activity of the emitter during the interaction. */
  readonly activity: Activity;
  /** Expiratory activity during the interaction (short-range diameter range). */
  readonly expiration: SingleExpiration;
  /** When the interaction happens (one span), h. */
  readonly presence: Interval;
  /** Interpersonal distance, m. */
  readonly distance: Vec;
  /** Jet model constants. */
  readonly jet: JetConstants;
}

/**
 * Creates a short-range interaction, checking that it happens while the infected are present.
 *
 * @throws {RangeError} When the interaction starts before or ends after the infected presence.
 */
export function shortRangeModel(
  fields: Omit<ShortRangeModel, "jet"> & { jet?: JetConstants },
): ShortRangeModel {
  const own = boundaries(fields.presence);
  const infectedPresence = fields.infected.presence;
  if (infectedPresence !== undefined && own.length > 0) {
    const spans = boundaries(infectedPresence);
    if (own[0][0] < spans[0][0] || own[own.length - 1][1] > spans[spans.length - 1][1]) {
      throw new RangeError(
        "expected the short-range interaction within the presence of the infected but found it outside",
      );
    }
  }
  return { ...fields, jet: fields.jet ?? DEFAULT_JET_CONSTANTS };
}

/**
 * Dilution factor of the jet at the interpersonal distance: linear growth in the jet
 * stage up to the transition point x*, cubic in the puff stage beyond.
 *
 * Unit: dimensionless. Source: Jia et al. (2022), doi:10.1016/j.buildenv.2022.109166;
 * reference `ShortRangeModel.dilution_factor`.
 */
export function dilutionFactor(model: ShortRangeModel): Vec {
  const c = model.jet;
  const d = c.mouthDiameterM;
  const mouthArea = Math.PI * (d ** 2) / 4;
  const tStar = c.breathingCycleS / 2;
  const x0 = d / 2 / c.betaR1;
  const exhalation = model.activity.exhalationRate;
  const distance = model.distance;
  const n = sampleCount(exhalation, distance);
  // Exhalation airflow (m³/s), initial velocity (m/s), virtual-origin time (s) and the
  // jet-to-puff transition point x* (m), per sample of the exhalation rate. (x^0.25 as
  // √√x and x³ as x·x·x: within an ulp of pow, in a plain loop for speed.)
  const t0Factor = Math.sqrt(Math.PI) * (d ** 3) / (8 * (c.betaR1 ** 2) * (c.betaX1 ** 2));
  const scalar = typeof exhalation === "number" && typeof distance === "number";
  const out = scalar ? new Float64Array(1) : takeColumn(n);
  const [q, qs] = lane(exhalation);
  const [x, xs] = lane(distance);
  for (let i = 0; i < n; i++) {
    const qExh = c.exhalationCoefficient * (q[i * qs] / S_PER_H);
    const u0 = qExh / mouthArea;
    const t0 = t0Factor / qExh;
    const xStar = c.betaX1 * Math.sqrt(Math.sqrt(qExh * u0)) * Math.sqrt(tStar + t0) - x0;
    const xi = x[i * xs];
    if (xi < xStar) {
      out[i] = 2 * c.betaR1 * (xi + x0) / d;
    } else {
      const sxStar = 2 * c.betaR1 * (xStar + x0) / d;
      const g = 1 + c.betaR2 * (xi - xStar) / c.betaR1 / (xStar + x0);
      out[i] = sxStar * (g * g * g);
    }
  }
  return scalar ? out[0] : out;
}

/** Jet concentration at the mouth divided by the normalisation factor (no mask), mL/cm³. */
export function normedJetOriginConcentration(model: ShortRangeModel): Vec {
  return aerosols(model.expiration, MASK_TYPES["No mask"]);
}

/**
 * Normalisation factor: the emission rate per aerosol without the breathing rate,
 * (virions · cm³)/(mL · m³).
 */
export function shortRangeNormalizationFactor(model: ShortRangeModel): Vec {
  return div(
    emissionRatePerAerosolPerPerson(model.infected),
    model.infected.activity.exhalationRate,
  );
}

/** Jet concentration at the mouth, virions/m³. */
export function jetOriginConcentration(model: ShortRangeModel): Vec {
  return mul(normedJetOriginConcentration(model), shortRangeNormalizationFactor(model));
}

/** Diluted jet concentration at the exposed person, virions/m³. */
export function dilutedJetConcentration(model: ShortRangeModel): Vec {
  const diluted = map2(
    dilutionFactor(model),
    normedJetOriginConcentration(model),
    (f, c) => 1 / f * c,
  );
  return mul(diluted, shortRangeNormalizationFactor(model));
}

/**
 * Intersection of [time1H, time2H] with the interaction, or [0, 0] when they do not meet.
 *
 * @throws {RangeError} When time1H > time2H.
 */
export function extractBetweenBounds(
  model: ShortRangeModel,
  time1H: number,
  time2H: number,
): [number, number] {
  if (time1H > time2H) {
    throw new RangeError(`expected time1 <= time2 but found ${time1H} > ${time2H}`);
  }
  const [start, stop] = boundaries(model.presence)[0];
  if (stop < time1H || start > time2H) return [0, 0];
  return [Math.max(start, time1H), Math.min(stop, time2H)];
}

/**
 * Undiluted jet exposure between two times, normalised: jet origin concentration
 * (mL/m³) × the overlap with the interaction (h).
 */
export function normedJetExposureBetweenBounds(
  model: ShortRangeModel,
  time1H: number,
  time2H: number,
): Vec {
  const [start, stop] = extractBetweenBounds(model, time1H, time2H);
  return map1(normedJetOriginConcentration(model), (c) => c * CM3_PER_M3 * (stop - start));
}
