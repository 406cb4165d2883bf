/**
 * The long-range part of an exposure evaluator: the deposited dose from the room's
 * well-mixed concentration, Σ_k ∫ C_k dt over the exposed's presence × the model's
 * aerosols × deposited fraction × emission × inhalation × (1 − η_in), with the Monte
 * Carlo mean over per-sample diameters taken before the diameter-independent factors
 * (reference `ExposureModel._long_range_normed_exposure_between_bounds` and
 * `long_range_deposited_exposure_between_bounds`).
 *
 * @module
 */
import { takeColumn } from "../kernel/column_arena.ts";
import { productWithComplementInKernel } from "../kernel/columns.ts";
import type { ConcentrationEvaluator, VirusConcentrationModel } from "./concentration.ts";
import { cacheSlot, type EvaluationCache } from "./evaluation_cache.ts";
import type { ExposureEvaluatorOptions, ExposureModel, LongRangeDoseFactors } from "./exposure.ts";
import { boundaries } from "./interval.ts";
import { inhaleEfficiency } from "./mask.ts";
import { fractionDeposited, fractionDepositedOver } from "./particle.ts";
import {
  emissionRatePerAerosolPerPerson,
  emittedDiameter,
  populationAerosols,
  presenceInterval,
} from "./population.ts";
import {
  add,
  addProductInto,
  isArray,
  lane,
  mean,
  mul,
  mulInto,
  sampleCount,
  type Vec,
} from "./vec.ts";

/**
 * The parts of `model` that {@link longRangeDose} reads besides each infected population's
 * emission rate per aerosol and aerosol volume, which it takes from the evaluation cache
 * (computed with the concentration evaluators' normalisation): the exposed's inhalation
 * rate and mask (the dose factor), and each infected population's expiration (the
 * deposited fraction of its diameters).
 *
 * @param model The exposure model.
 * @param from The first concentration model whose deposited fraction is still to be
 *   computed.
 * @returns The parts (columns and sub-models).
 */
export function longRangeDoseInputs(model: ExposureModel, from = 0): unknown[] {
  return [
    model.exposed.activity.inhalationRate,
    model.exposed.mask,
    ...model.concentrationModels.slice(from).map((cm) =>
      cm.infected.kind === "infected" ? cm.infected.expiration : undefined
    ),
  ];
}

/** The long-range dose of one exposure model, and what the fused dose needs of it. */
export interface LongRangeDose {
  /** Per concentration model: the dose factors that do not depend on time. */
  readonly staticParts: readonly LongRangeDoseFactors[];
  /** The exposed's presence spans within [time1, time2], clipped to it, h. */
  spansBetween(time1: number, time2: number): [number, number][];
  /** Computes the integrals of many spans in one pass per concentration model. */
  prefetch(pairs: readonly (readonly [number, number])[]): void;
  /** Computes the weighted cumulative sums at these times in one pass per model. */
  prefetchWeighted(spanTimes: readonly number[]): void;
  /**
   * mean_i(E_i · AF_i) of model k between two times from the weighted cumulative sums
   * (per-sample diameters), or undefined when they are not all prefetched.
   */
  meanWeightedExposure(k: number, time1: number, time2: number): number | undefined;
  /** The long-range deposited dose between two times, virions. */
  longRange(time1: number, time2: number): Vec;
}

/**
 * Aerosol volume emitted (mL/cm³) × fraction deposited of a concentration model: one
 * column per (immutable) model, shared by the exposure models of every group (which also
 * lets them share the Chebyshev moments keyed by it).
 */
function aerosolsTimesDeposited(
  cm: VirusConcentrationModel,
  cache: EvaluationCache,
  overwritable: (diameter: Float64Array) => boolean,
): Vec {
  return cache.get(AEROSOLS_TIMES_DEPOSITED, cm, () => {
    // The fraction deposited is a fresh temporary, or written over the diameters when
    // nothing reads them after it: the product is written over it.
    const diameter = emittedDiameter(cm.infected);
    const fdep = diameter instanceof Float64Array && overwritable(diameter)
      ? fractionDepositedOver(diameter, cm.evaporationFactor)
      : fractionDeposited(diameter, cm.evaporationFactor);
    return mulInto(fdep, populationAerosols(cm.infected, cache));
  });
}

/** Aerosol volume × fraction deposited of a concentration model. */
const AEROSOLS_TIMES_DEPOSITED = cacheSlot<VirusConcentrationModel, Vec>(
  "aerosols times deposited",
);

/**
 * The long-range dose of `model`.
 *
 * @param model The exposure model.
 * @param concentrations Its concentration evaluators (index-aligned).
 * @param cache The evaluation's cache.
 * @param hooks `onAerosolsDeposited`, called once every concentration model's aerosol
 *   volume × fraction deposited is computed, before the dose factors (after which the
 *   dose reads no aerosol volume); `adopt`, whether the deposited fraction of a
 *   concentration model may be written over its emitted diameters.
 * @returns The long-range dose.
 */
export function longRangeDose(
  model: ExposureModel,
  concentrations: readonly ConcentrationEvaluator[],
  cache: EvaluationCache,
  hooks: Pick<ExposureEvaluatorOptions, "onAerosolsDeposited" | "adopt"> = {},
): LongRangeDose {
  const exposed = model.exposed;
  const exposedSpans = boundaries(presenceInterval(exposed));
  const integralCache = new Map<string, Vec>();

  const normedIntegral = (k: number, a: number, b: number): Vec => {
    const key = `${k}:${a}:${b}`;
    let v = integralCache.get(key);
    if (v === undefined) {
      v = concentrations[k].normedIntegratedConcentration(a, b);
      integralCache.set(key, v);
    }
    return v;
  };

  /** The clipped exposed spans whose integrals a dose between time1 and time2 needs. */
  const spansBetween = (time1: number, time2: number): [number, number][] => {
    const spans: [number, number][] = [];
    for (const [start, stop] of exposedSpans) {
      if (stop < time1) continue;
      if (start > time2) break;
      spans.push([Math.max(start, time1), Math.min(stop, time2)]);
    }
    return spans;
  };

  /** Computes the integrals of many intervals in one pass per concentration model. */
  const prefetch = (pairs: readonly (readonly [number, number])[]): void => {
    concentrations.forEach((ev, k) => {
      const missing = pairs.filter(([a, b]) => !integralCache.has(`${k}:${a}:${b}`));
      if (missing.length === 0) return;
      const { integrals } = ev.batch({ intervals: missing });
      missing.forEach(([a, b], m) => integralCache.set(`${k}:${a}:${b}`, integrals[m]));
    });
  };

  /** Normalised exposure to model k between two times, restricted to the exposed presence. */
  const normedExposure = (k: number, time1: number, time2: number): Vec => {
    let exposure: Vec = 0;
    for (const [a, b] of spansBetween(time1, time2)) {
      exposure = add(exposure, normedIntegral(k, a, b));
    }
    return exposure;
  };

  const deposited = model.concentrationModels.map((cm, k) =>
    aerosolsTimesDeposited(
      cm,
      cache,
      (diameter) => hooks.adopt?.(diameter, { kind: "deposition", model: k }) ?? false,
    )
  );
  hooks.onAerosolsDeposited?.();
  /** Per-model parts of the long-range dose that do not depend on time (computed once). */
  const staticParts: LongRangeDoseFactors[] = model.concentrationModels.map((cm, k) => {
    const diameter = emittedDiameter(cm.infected);
    // Emission per aerosol × (inhalation × (1 − η_in)), in one pass.
    const emission = emissionRatePerAerosolPerPerson(cm.infected, cache);
    const inhalation = exposed.activity.inhalationRate;
    const eta = inhaleEfficiency(exposed.mask);
    const scalar = ![emission, inhalation, eta].some(isArray);
    const out = scalar ? new Float64Array(1) : takeColumn(sampleCount(emission, inhalation, eta));
    if (scalar || !productWithComplementInKernel(out, emission, inhalation, eta)) {
      const [e, es] = lane(emission);
      const [q, qs] = lane(inhalation);
      const [h, hs] = lane(eta);
      for (let i = 0; i < out.length; i++) out[i] = e[i * es] * (q[i * qs] * (1 - h[i * hs]));
    }
    const doseFactor: Vec = scalar ? out[0] : out;
    return {
      perSampleDiameter: diameter !== undefined && isArray(diameter),
      aerosolsTimesDeposited: deposited[k],
      doseFactor,
    };
  });

  /**
   * With per-sample diameters only the mean over the samples of exposure × aerosols ×
   * deposition enters the dose: Σ_i w_i ∫₀ᵗ C_i at every needed time, one batch per model.
   */
  const weightedCumulative = model.concentrationModels.map(() => new Map<number, number>());
  const prefetchWeighted = (spanTimes: readonly number[]): void => {
    staticParts.forEach((parts, k) => {
      if (!parts.perSampleDiameter) return;
      const cache = weightedCumulative[k];
      const missing = [...new Set(spanTimes)].filter((t) => !cache.has(t));
      if (missing.length === 0) return;
      const { integralSums } = concentrations[k].batch({
        integralTimes: missing,
        integralWeights: [parts.aerosolsTimesDeposited],
      });
      const sorted = [...new Set(missing)].sort((a, b) => a - b);
      sorted.forEach((t, j) => cache.set(t, integralSums[0][j]));
    });
  };
  /** mean_i(E_i · AF_i) between two times from the weighted cumulative sums, or undefined. */
  const meanWeightedExposure = (k: number, time1: number, time2: number): number | undefined => {
    const cache = weightedCumulative[k];
    const n = sampleCount(staticParts[k].aerosolsTimesDeposited);
    let total = 0;
    for (const [a, b] of spansBetween(time1, time2)) {
      const sa = cache.get(a);
      const sb = cache.get(b);
      if (sa === undefined || sb === undefined) return undefined;
      total += sb - sa;
    }
    return total / n;
  };

  const longRange = (time1: number, time2: number): Vec => {
    let deposited: Vec = 0;
    staticParts.forEach((parts, k) => {
      // Monte Carlo integration over the diameters before the diameter-independent factors.
      let integrated: Vec | undefined = parts.perSampleDiameter
        ? meanWeightedExposure(k, time1, time2)
        : undefined;
      if (integrated === undefined) {
        const perDiameter = mul(normedExposure(k, time1, time2), parts.aerosolsTimesDeposited);
        integrated = parts.perSampleDiameter ? mean(perDiameter) : perDiameter;
      }
      deposited = addProductInto(deposited, integrated, parts.doseFactor);
    });
    return deposited;
  };

  return { staticParts, spansBetween, prefetch, prefetchWeighted, meanWeightedExposure, longRange };
}
