/**
 * Exposure of a population to the virus: inhaled and deposited dose (long range and
 * short range), probability of infection, expected new cases and reproduction number.
 *
 * Source: Henriques et al. (2022), doi:10.1101/2021.10.14.21264988 (dose-response with
 * ID63 = ID50 / ln 2); reference `ExposureModel` and `ExposureModelGroup`.
 *
 * @module
 */
import { releaseColumn, takeColumn } from "../kernel/column_arena.ts";
import { infectionPercentInto, withIntervalDoses } from "../kernel/columns.ts";
import { structurallyEqual } from "./_equal.ts";
import { type Cases, probabilityMeetInfectedPerson } from "./cases.ts";
import {
  type ConcentrationEvaluator,
  concentrationEvaluator,
  type ConcentrationOverrides,
  type EvaluatorOptions,
  stateChangeTimes,
  type VirusConcentrationModel,
} from "./concentration.ts";
import { boundaries, transitionTimes } from "./interval.ts";
import { inhaleEfficiency } from "./mask.ts";
import { valueAt } from "./piecewise_constant.ts";
import { airExchange } from "./ventilation.ts";
import { decayConstant } from "./virus.ts";
import { fractionDeposited } from "./particle.ts";
import {
  emissionRatePerAerosolPerPerson,
  emittedDiameter,
  type Population,
  populationAerosols,
  presenceInterval,
} from "./population.ts";
import {
  dilutionFactor,
  extractBetweenBounds,
  normedJetOriginConcentration,
  type ShortRangeModel,
} from "./short_range.ts";
import {
  add,
  addInto,
  addProductInto,
  isArray,
  lane,
  map2,
  mean,
  mul,
  sampleCount,
  type Vec,
} from "./vec.ts";
import { CM3_PER_M3 } from "../units.ts";
import { cacheSlot, createEvaluationCache, type EvaluationCache } from "./evaluation_cache.ts";

/** 1 / ln 2: ID50 × 1/ln 2 is ID63, the dose of the exponential dose-response. */
const ONE_OVER_LN2 = 1 / Math.log(2);
/** Upper bound on simultaneous infected in the total-probability rule, people. */
const MAX_INFECTED_IN_TOTAL_PROBABILITY = 10;

/** The exposure of one exposed population (reference `ExposureModel`). */
export interface ExposureModel {
  /** Long-range concentration models, one per infected population (same room and virus). */
  readonly concentrationModels: readonly VirusConcentrationModel[];
  /** Short-range interactions of the exposed with the infected. */
  readonly shortRange: readonly ShortRangeModel[];
  /** The exposed population (fixed number and presence). */
  readonly exposed: Population;
  /** Incidence data for probabilistic exposure. */
  readonly geographicalData: Cases;
  /** How many of the exposed have the short-range interactions, people. */
  readonly exposedToShortRange: number;
  /** Group identifier. */
  readonly identifier: string;
}

/** Computes and caches everything derived from an exposure model. */
export interface ExposureEvaluator {
  /** The model. */
  readonly model: ExposureModel;
  /** One evaluator per concentration model. */
  readonly concentrations: readonly ConcentrationEvaluator[];
  /** Sorted times (h) at which the exposed or infected presence changes. */
  populationStateChangeTimes(): number[];
  /** Long-range concentration averaged over diameters and summed over infected, virions/m³. */
  longRangeConcentration(timeH: number): number;
  /** Concentration breathed by someone in a short-range interaction at `timeH`, virions/m³. */
  concentration(timeH: number): number;
  /** Long-range deposited dose between two times, virions. */
  longRangeDepositedExposureBetweenBounds(time1H: number, time2H: number): Vec;
  /** Deposited dose between two times, short range included, virions. */
  depositedExposureBetweenBounds(time1H: number, time2H: number): Vec;
  /** Deposited dose over the whole presence of the exposed, virions. */
  depositedExposure(shortRange?: boolean): Vec;
  /** Probability of infection of one exposed person, %. */
  infectionProbability(shortRange?: boolean): Vec;
  /** Expected new cases among the exposed, people. */
  expectedNewCases(): Vec;
  /** Expected new cases caused by one infected person, people. */
  reproductionNumber(): Vec;
  /** Probability of at least one infection given the local incidence, %. */
  totalProbabilityRule(): number;
  /** Dilution factor of each short-range interaction (computed once), dimensionless. */
  shortRangeDilutions(): Vec[];
  /** Mean diluted jet concentration of each short-range interaction, virions/m³. */
  meanDilutedJetConcentrations(): number[];
  /** Mean jet dose of each short-range interaction per hour it lasts, virions/h. */
  meanJetDosesPerHour(): number[];
  /** Time-independent factors of each model's long-range dose (computed once). */
  longRangeDoseFactors(): readonly LongRangeDoseFactors[];
}

/** The factors of one concentration model's long-range dose besides the exposure ∫C dt. */
export interface LongRangeDoseFactors {
  /** Whether the emitted diameter is per sample (the dose then averages over it). */
  readonly perSampleDiameter: boolean;
  /** Aerosol volume emitted (mL/cm³) × fraction deposited. */
  readonly aerosolsTimesDeposited: Vec;
  /** Emission rate per aerosol per person × inhalation rate (m³/h) × (1 − η_inhale). */
  readonly doseFactor: Vec;
}

/**
 * Creates an exposure model, checking the reference's constraints.
 *
 * @throws {RangeError} With several infected populations and short-range interactions,
 *   different viruses or rooms, per-sample diameters combined with per-sample removal
 *   terms, or an exposed population with dynamic occupancy.
 */
export function exposureModel(fields: ExposureModel): ExposureModel {
  const models = fields.concentrationModels;
  if (models.length === 0) {
    throw new RangeError("expected at least one concentration model but found none");
  }
  if (models.length > 1 && fields.shortRange.length > 0) {
    throw new RangeError(
      "expected one infected population with short-range interactions but found several",
    );
  }
  if (models.some((m) => !structurallyEqual(m.infected.virus, models[0].infected.virus))) {
    throw new RangeError("expected all infected to carry the same virus but found different ones");
  }
  if (models.some((m) => !structurallyEqual(m.room, models[0].room))) {
    throw new RangeError(
      "expected all concentration models in the same room but found different rooms",
    );
  }
  for (const cm of models) {
    const diameter = emittedDiameter(cm.infected);
    if (diameter === undefined || !isArray(diameter)) continue;
    for (const t of stateChangeTimes(cm)) {
      const decay = decayConstant(cm.room.humidity, valueAt(cm.room.insideTemp, t));
      if (isArray(add(decay, airExchange(cm.ventilation, cm.room, t)))) {
        throw new RangeError(
          "expected scalar ventilation and virus decay parameters with per-sample particle diameters but found per-sample values",
        );
      }
    }
  }
  if (typeof fields.exposed.number !== "number" || fields.exposed.presence === undefined) {
    throw new RangeError(
      "expected an exposed population with a fixed number and presence but found dynamic occupancy",
    );
  }
  return fields;
}

/**
 * Aerosol volume emitted (mL/cm³) × fraction deposited of a concentration model: one
 * column per (immutable) model, shared by the exposure models of every group (which also
 * lets them share the Chebyshev moments keyed by it).
 */
function aerosolsTimesDeposited(cm: VirusConcentrationModel, cache: EvaluationCache): Vec {
  return cache.get(AEROSOLS_TIMES_DEPOSITED, cm, () => {
    const fdep = fractionDeposited(emittedDiameter(cm.infected), cm.evaporationFactor);
    const value = mul(populationAerosols(cm.infected, cache), fdep);
    releaseColumn(fdep); // a fresh temporary
    return value;
  });
}

/** Aerosol volume × fraction deposited of a concentration model. */
const AEROSOLS_TIMES_DEPOSITED = cacheSlot<VirusConcentrationModel, Vec>(
  "aerosols times deposited",
);

/**
 * Builds the evaluator of an exposure model.
 *
 * @param model The exposure model.
 * @param concentrationOverrides Optional known parts of each concentration model's
 *   evaluation (index-aligned with `model.concentrationModels`).
 * @param options The cache (shared with its concentration evaluators) and the fast
 *   paths to take.
 * @returns The evaluator.
 */
export function exposureEvaluator(
  model: ExposureModel,
  concentrationOverrides: readonly ConcentrationOverrides[] = [],
  options: EvaluatorOptions = {},
): ExposureEvaluator {
  const cache = options.cache ?? createEvaluationCache();
  const fastPath = options.fastPath ?? "auto";
  const evaluatorOptions: EvaluatorOptions = { cache, fastPath };
  const concentrations = model.concentrationModels.map((cm, k) =>
    concentrationEvaluator(cm, concentrationOverrides[k], evaluatorOptions)
  );
  const exposed = model.exposed;
  const exposedSpans = boundaries(presenceInterval(exposed));
  const integralCache = new Map<string, Vec>();
  const probabilityCache = new Map<boolean, Vec>();

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

  /** Per-model parts of the long-range dose that do not depend on time (computed once). */
  const staticParts: LongRangeDoseFactors[] = model.concentrationModels.map((cm) => {
    const diameter = emittedDiameter(cm.infected);
    // Emission per aerosol × (inhalation × (1 − η_in)), in one pass.
    const emission = emissionRatePerAerosolPerPerson(cm.infected, cache);
    const inhalation = exposed.activity.inhalationRate;
    const eta = inhaleEfficiency(exposed.mask);
    const scalar = ![emission, inhalation, eta].some(isArray);
    const out = scalar ? new Float64Array(1) : takeColumn(sampleCount(emission, inhalation, eta));
    const [e, es] = lane(emission);
    const [q, qs] = lane(inhalation);
    const [h, hs] = lane(eta);
    for (let i = 0; i < out.length; i++) out[i] = e[i * es] * (q[i * qs] * (1 - h[i * hs]));
    const doseFactor: Vec = scalar ? out[0] : out;
    return {
      perSampleDiameter: diameter !== undefined && isArray(diameter),
      aerosolsTimesDeposited: aerosolsTimesDeposited(cm, cache),
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

  /** A column reused for per-sample values that are only averaged (never kept). */
  let scratch: Float64Array | undefined;
  const scratchColumn = (n: number): Float64Array => {
    if (scratch === undefined || scratch.length !== n) scratch = takeColumn(n);
    return scratch;
  };

  // Emission per aerosol without breathing × (1 − η_in): the same for every interaction.
  const jetFactor: Vec = (() => {
    if (model.shortRange.length === 0) return 0;
    const infected = model.concentrationModels[0].infected;
    const emission = emissionRatePerAerosolPerPerson(infected, cache);
    const exhalation = infected.activity.exhalationRate;
    const inhaleEta = inhaleEfficiency(exposed.mask);
    const scalar = ![emission, exhalation, inhaleEta].some(isArray);
    const out = scalar
      ? new Float64Array(1)
      : takeColumn(sampleCount(emission, exhalation, inhaleEta));
    const [e, es] = lane(emission);
    const [q, qs] = lane(exhalation);
    const [h, hs] = lane(inhaleEta);
    for (let i = 0; i < out.length; i++) {
      out[i] = (e[i * es] / (q[i * qs] * CM3_PER_M3)) * (1 - h[i * hs]);
    }
    return scalar ? out[0] : out;
  })();

  /** Per-interaction parts of the short-range dose that do not depend on time (computed once). */
  const shortRangeParts = model.shortRange.map((interaction) => {
    const dilution = dilutionFactor(interaction);
    const diameter = interaction.expiration.diameter;
    const origin = normedJetOriginConcentration(interaction);
    const deposition = fractionDeposited(diameter, 1.0);
    // The normalisation factor (shortRangeNormalizationFactor), emission per aerosol /
    // exhalation rate, is divided out sample by sample rather than kept as a column.
    const emission = emissionRatePerAerosolPerPerson(interaction.infected, cache);
    const exhalation = interaction.infected.activity.exhalationRate;
    const inhalation = interaction.activity.inhalationRate;
    // Mean over samples of (1 / dilution · jet origin) · normalisation (reference
    // `diluted_jet_concentration`).
    const columns = [dilution, origin, emission, exhalation];
    let meanDilutedJet: number;
    if (!columns.some(isArray)) {
      meanDilutedJet = 1 / (dilution as number) * (origin as number) *
        ((emission as number) / (exhalation as number));
    } else {
      const diluted = scratchColumn(sampleCount(...columns));
      const [f, fs] = lane(dilution);
      const [o, os] = lane(origin);
      const [e, es] = lane(emission);
      const [q, qs] = lane(exhalation);
      for (let i = 0; i < diluted.length; i++) {
        diluted[i] = 1 / f[i * fs] * o[i * os] * (e[i * es] / q[i * qs]);
      }
      meanDilutedJet = mean(diluted);
    }
    // Jet dose per hour of interaction: origin concentration (mL/cm³ → mL/m³) × deposition,
    // averaged over the diameters when they are per sample.
    let jetPerHour: Vec;
    if (!isArray(origin) && !isArray(deposition)) {
      jetPerHour = (origin * CM3_PER_M3) * deposition;
    } else {
      const n = sampleCount(origin, deposition);
      const column = isArray(diameter) ? scratchColumn(n) : takeColumn(n);
      const [o, os] = lane(origin);
      const [dep, ds] = lane(deposition);
      for (let i = 0; i < n; i++) column[i] = (o[i * os] * CM3_PER_M3) * dep[i * ds];
      jetPerHour = isArray(diameter) ? mean(column) : column;
    }
    // The jet dose factor's columns must agree (see withShortRangeInto): throws otherwise.
    sampleCount(inhalation, dilution, jetFactor);
    // Fresh temporaries of this interaction, not kept.
    releaseColumn(origin);
    releaseColumn(deposition);
    return { dilution, meanDilutedJet, jetPerHour, inhalation };
  });

  // The short-range columns as lanes (see `lane`), for the per-sample loops below.
  const jetLanes = shortRangeParts.map((p) => {
    const [jet, jetStep] = lane(p.jetPerHour);
    const [inhalation, inhalationStep] = lane(p.inhalation);
    const [dilution, dilutionStep] = lane(p.dilution);
    return { jet, jetStep, inhalation, inhalationStep, dilution, dilutionStep };
  });
  const [jetFactors, jetFactorStep] = lane(jetFactor);

  let meanJetDoses: number[] | undefined;

  /** Overlap (h) of [time1, time2] with each short-range interaction. */
  const overlapsWith = (time1: number, time2: number): number[] =>
    model.shortRange.map((interaction) => {
      const [start, stop] = extractBetweenBounds(interaction, time1, time2);
      return stop - start;
    });

  /**
   * Doses between two times from the long-range ones (sample i at `longRange[i · step]`),
   * for the n samples of `out`: Σ_s (jet per hour · overlap · jet dose factor − long range
   * / dilution), plus the long range (the reference's order of operations), with the jet
   * dose factor inhalation / dilution × emission per aerosol without breathing × (1 − η_in).
   * Written to `out`, or added to it when `add` (`out` may be `longRange` itself).
   * Kept from the reference for parity (models.py since commit 6caf9272): the
   * long-range dose entrained in the jet is subtracted over the whole interval
   * [time1, time2], even where the interaction does not overlap it. Physically only
   * the overlap should count (C_LR + (C_jet − C_LR)/S, Henriques et al. 2022); the
   * effect is ~0.2 % on the fixtures and up to ~15 % with many short interactions
   * (tests/model/full_algorithm_test.ts, ignored test).
   */
  const withShortRangeInto = (
    longRange: Float64Array,
    step: number,
    overlaps: readonly number[],
    out: Float64Array,
    add: boolean,
  ): void => {
    for (let i = 0; i < out.length; i++) {
      const lr = longRange[i * step];
      let deposited = 0;
      for (let s = 0; s < jetLanes.length; s++) {
        const l = jetLanes[s];
        const dilution = l.dilution[i * l.dilutionStep];
        // Without overlap the jet term is (x · 0) · f = ±0 for finite x and f (the jet
        // rates and 1 / dilution, dilution >= 1, are finite), and adding ±0 changes
        // nothing (deposited is never −0 here): skipped.
        if (overlaps[s] !== 0) {
          const factor = (l.inhalation[i * l.inhalationStep] / dilution) *
            jetFactors[i * jetFactorStep];
          deposited = deposited + (l.jet[i * l.jetStep] * overlaps[s]) * factor;
        }
        deposited = deposited - lr / dilution;
      }
      out[i] = add ? out[i] + (deposited + lr) : deposited + lr;
    }
  };
  const shortRangeColumns: Vec[] = [jetFactor];
  for (const p of shortRangeParts) shortRangeColumns.push(p.jetPerHour, p.inhalation, p.dilution);

  const betweenBounds = (time1: number, time2: number): Vec => {
    const lr = longRange(time1, time2);
    if (model.shortRange.length === 0) return lr;
    const overlaps = overlapsWith(time1, time2);
    const inputs = [lr, ...shortRangeColumns];
    // The long-range dose is a fresh column of this call: overwritten in place.
    const n = inputs.some(isArray) ? sampleCount(...inputs) : 1;
    const out = isArray(lr) ? lr : new Float64Array(n);
    const [lrs, step] = lane(lr);
    withShortRangeInto(lrs, step, overlaps, out, false);
    return inputs.some(isArray) ? out : out[0];
  };

  const populationTimes = (): number[] => {
    const times = new Set<number>(transitionTimes(presenceInterval(exposed)));
    for (const cm of model.concentrationModels) {
      for (const t of transitionTimes(presenceInterval(cm.infected))) times.add(t);
    }
    return [...times].sort((a, b) => a - b);
  };

  /**
   * The dose summed over the intervals between `times` in one pass over the samples,
   * when every model's long-range dose between two times is a number × its dose factor
   * (per-sample diameters): the same operations, in the same order, as summing
   * {@link betweenBounds} (or {@link longRange}) interval by interval, without a column
   * per interval. Undefined when some exposure is per sample.
   */
  const fusedDeposited = (times: readonly number[], shortRange: boolean): Vec | undefined => {
    if (times.length < 2) return undefined;
    const intervals = times.slice(1).map((t2, p) => [times[p], t2] as const);
    const exposures: number[][] = [];
    for (const [t1, t2] of intervals) {
      const row: number[] = [];
      for (let k = 0; k < staticParts.length; k++) {
        const e = staticParts[k].perSampleDiameter ? meanWeightedExposure(k, t1, t2) : undefined;
        if (e === undefined) return undefined;
        row.push(e);
      }
      exposures.push(row);
    }
    const overlaps = intervals.map(([t1, t2]) => overlapsWith(t1, t2));
    const inputs = shortRange
      ? [...staticParts.map((p) => p.doseFactor), ...shortRangeColumns]
      : staticParts.map((p) => p.doseFactor);
    const perSample = inputs.some(isArray);
    const n = perSample ? sampleCount(...inputs) : 1;
    const total = perSample ? takeColumn(n) : new Float64Array(1);
    // Into `into` (n values): per sample, Σ_k exposure_k · factor_k of each of the rows
    // (an interval each), summed over them in order; the dose factors go into the kernel
    // once, for every interval.
    withIntervalDoses(staticParts.map((p) => p.doseFactor), n, (longRangeInto) => {
      if (!shortRange) {
        longRangeInto(exposures, total);
      } else {
        // Interval by interval: each adds its short range to its column of long ranges.
        const longRange = scratchColumn(n);
        for (let p = 0; p < exposures.length; p++) {
          longRangeInto([exposures[p]], longRange);
          withShortRangeInto(longRange, 1, overlaps[p], total, p > 0);
        }
      }
    });
    return perSample ? total : total[0];
  };

  const deposited = (shortRange = true): Vec => {
    const times = populationTimes();
    const pairs: [number, number][] = [];
    for (let k = 0; k + 1 < times.length; k++) pairs.push(...spansBetween(times[k], times[k + 1]));
    prefetchWeighted(pairs.flat());
    if (staticParts.some((p) => !p.perSampleDiameter)) prefetch(pairs);
    const fused = fastPath === "plain"
      ? undefined
      : fusedDeposited(times, shortRange && model.shortRange.length > 0);
    if (fused !== undefined) return fused;
    let total: Vec | undefined;
    for (let k = 0; k + 1 < times.length; k++) {
      const part = shortRange
        ? betweenBounds(times[k], times[k + 1])
        : longRange(times[k], times[k + 1]);
      total = total === undefined ? part : addInto(total, part);
    }
    return total ?? 0;
  };

  /**
   * Probability of infection (%) for a deposited dose (virions) × `times` / `per`, per
   * sample; written into `into` when given (an owned array of the sample count).
   */
  const probabilityOfDose = (deposit: Vec, times = 1, per = 1, into?: Float64Array): Vec => {
    const virus = model.concentrationModels[0].infected.virus;
    const transmissibility = virus.transmissibilityFactor;
    const immunity = exposed.hostImmunity;
    const id50 = virus.infectiousDose;
    const scalar = ![deposit, immunity, id50].some(isArray);
    const n = scalar ? 1 : sampleCount(deposit, immunity, id50);
    const out = scalar
      ? new Float64Array(1)
      : into !== undefined && into.length === n
      ? into
      : takeColumn(n);
    // (1 − e^(−x)) · 100 in the kernel, with glibc's exp as numpy's.
    infectionPercentInto(n, (x) => {
      const [vd, vs] = lane(deposit);
      const [im, ims] = lane(immunity);
      const [id, ids] = lane(id50);
      // The dose in units of ID63 (= ID50 / ln 2, scaled by the transmissibility).
      for (let i = 0; i < n; i++) {
        const dose = (vd[i * vs] * times / per) * (1 - im[i * ims]);
        const id63 = ONE_OVER_LN2 * id[i * ids];
        x[i] = dose / (id63 * transmissibility);
      }
    }, out);
    return scalar ? out[0] : out;
  };

  const probability = (shortRange = true): Vec => {
    // Without interactions both doses are the long-range one.
    const key = shortRange && model.shortRange.length > 0;
    const cached = probabilityCache.get(key);
    if (cached !== undefined) return cached;
    // The dose is a fresh column of this call: the probabilities replace it.
    const dose = deposited(key);
    const p = probabilityOfDose(dose, 1, 1, isArray(dose) ? dose : undefined);
    probabilityCache.set(key, p);
    return p;
  };

  const expectedNewCases = (): Vec => {
    const number = exposed.number as number;
    const atShortRange = model.exposedToShortRange;
    const longRange = probability(false);
    const shortRange = probability(true);
    const scalar = !isArray(longRange) && !isArray(shortRange);
    const out = scalar ? new Float64Array(1) : takeColumn(sampleCount(longRange, shortRange));
    const [lr, lrStep] = lane(longRange);
    const [sr, srStep] = lane(shortRange);
    const away = number - atShortRange;
    for (let i = 0; i < out.length; i++) {
      out[i] = lr[i * lrStep] / 100 * away + sr[i * srStep] / 100 * atShortRange;
    }
    return scalar ? out[0] : out;
  };

  const withInfected = (
    changes: { number: number; presence?: ReturnType<typeof presenceInterval> },
  ) =>
    exposureEvaluator(
      {
        ...model,
        concentrationModels: model.concentrationModels.map((cm) => ({
          ...cm,
          infected: {
            ...cm.infected,
            number: changes.number,
            presence: changes.presence ?? cm.infected.presence,
          } as typeof cm.infected,
        })),
      },
      concentrationOverrides,
      evaluatorOptions,
    );

  return {
    model,
    concentrations,
    populationStateChangeTimes: populationTimes,
    longRangeConcentration: (t) => {
      let c = 0;
      for (const ev of concentrations) c += mean(ev.concentration(t));
      return c;
    },
    concentration: (t) => {
      let c = 0;
      for (const ev of concentrations) c += mean(ev.concentration(t));
      for (let s = 0; s < model.shortRange.length; s++) {
        const [start, stop] = boundaries(model.shortRange[s].presence)[0];
        if (start <= t && t <= stop) {
          c += shortRangeParts[s].meanDilutedJet;
          const dilution = shortRangeParts[s].dilution;
          let entrained = 0;
          for (const ev of concentrations) {
            entrained += mean(map2(dilution, ev.concentration(t), (f, x) => 1 / f * x));
          }
          c -= entrained;
        }
      }
      return c;
    },
    longRangeDepositedExposureBetweenBounds: longRange,
    depositedExposureBetweenBounds: betweenBounds,
    depositedExposure: deposited,
    infectionProbability: probability,
    expectedNewCases,
    reproductionNumber: () => {
      if (model.concentrationModels.length > 1) {
        throw new RangeError(
          "expected one infected population for the reproduction number but found several",
        );
      }
      const infected = model.concentrationModels[0].infected;
      if (infected.number === 1) return expectedNewCases();
      return withInfected({ number: 1, presence: presenceInterval(infected) }).expectedNewCases();
    },
    shortRangeDilutions: () => shortRangeParts.map((p) => p.dilution),
    meanDilutedJetConcentrations: () => shortRangeParts.map((p) => p.meanDilutedJet),
    meanJetDosesPerHour: () =>
      meanJetDoses ??= shortRangeParts.map((p, s) => {
        const columns = [p.jetPerHour, p.inhalation, p.dilution, jetFactor];
        const l = jetLanes[s];
        const product = columns.some(isArray)
          ? scratchColumn(sampleCount(...columns))
          : new Float64Array(1);
        for (let i = 0; i < product.length; i++) {
          const dilution = l.dilution[i * l.dilutionStep];
          product[i] = l.jet[i * l.jetStep] *
            ((l.inhalation[i * l.inhalationStep] / dilution) * jetFactors[i * jetFactorStep]);
        }
        return columns.some(isArray) ? mean(product) : product[0];
      }),
    longRangeDoseFactors: () => staticParts,
    totalProbabilityRule: () => {
      if (
        model.concentrationModels.length > 1 ||
        typeof model.concentrationModels[0].infected.number !== "number"
      ) {
        throw new RangeError(
          "expected a fixed number of infected for the total probability but found dynamic occupancy",
        );
      }
      const geo = model.geographicalData;
      if (geo.geographicPopulation === 0 || geo.geographicCases === 0) return 0;
      const virus = model.concentrationModels[0].infected.virus;
      const totalPeople = (model.concentrationModels[0].infected.number as number) +
        (exposed.number as number);
      const maxInfected = totalPeople < MAX_INFECTED_IN_TOTAL_PROBABILITY
        ? totalPeople
        : MAX_INFECTED_IN_TOTAL_PROBABILITY;
      // Without short range and with a zero background the dose is proportional to the
      // number of infected (the concentration is), so the model is evaluated once and its
      // dose scaled; otherwise the model is rebuilt for each number, as the reference does.
      const current = model.concentrationModels[0].infected.number as number;
      const linear = current > 0 && model.shortRange.length === 0 &&
        model.concentrationModels.every((cm) => cm.minBackgroundConcentration === 0);
      const baseDose = linear ? deposited(true) : undefined;
      // One buffer for the probabilities of every number of infected.
      const scratch = isArray(baseDose ?? 0) ? takeColumn(sampleCount(baseDose!)) : undefined;
      const probabilityWith = (nInfected: number): Vec => {
        if (baseDose === undefined) {
          return withInfected({ number: nInfected }).infectionProbability();
        }
        return probabilityOfDose(baseDose, nInfected, current, scratch);
      };
      let sum = 0;
      for (let nInfected = 1; nInfected <= maxInfected; nInfected++) {
        const pIndividual = mean(probabilityWith(nInfected)) / 100;
        const n = totalPeople - nInfected;
        const atLeastOne = 1 - (1 - pIndividual) ** n;
        sum += atLeastOne * probabilityMeetInfectedPerson(geo, virus, nInfected, totalPeople);
      }
      return sum * 100;
    },
  };
}

/** Several exposed groups in the same room (reference `ExposureModelGroup`). */
export interface ExposureModelGroup {
  /** One exposure model per exposed group (same infected populations). */
  readonly exposureModels: readonly ExposureModel[];
}

/**
 * Creates a group of exposure models, checking that they share the infected populations.
 *
 * @throws {RangeError} When the models differ in their number of infected populations,
 *   or in the number or presence of an infected population.
 */
export function exposureModelGroup(exposureModels: readonly ExposureModel[]): ExposureModelGroup {
  if (exposureModels.length === 0) {
    throw new RangeError("expected at least one exposure model but found none");
  }
  const first = exposureModels[0].concentrationModels;
  for (const model of exposureModels.slice(1)) {
    if (model.concentrationModels.length !== first.length) {
      throw new RangeError(
        "expected the same number of infected populations in every exposure model but found different numbers",
      );
    }
    model.concentrationModels.forEach((cm, i) => {
      if (
        cm.infected.number !== first[i].infected.number ||
        cm.infected.presence !== first[i].infected.presence
      ) {
        throw new RangeError(
          "expected the same infected number and presence in every exposure model but found different ones",
        );
      }
    });
  }
  return { exposureModels: [...exposureModels] };
}

/** Expected new cases summed over the groups, people. */
export function groupExpectedNewCases(evaluators: readonly ExposureEvaluator[]): Vec {
  return evaluators.map((e) => e.expectedNewCases()).reduce((a, b) => add(a, b), 0 as Vec);
}

/** Reproduction number summed over the groups, people. */
export function groupReproductionNumber(evaluators: readonly ExposureEvaluator[]): Vec {
  return evaluators.map((e) => e.reproductionNumber()).reduce((a, b) => add(a, b), 0 as Vec);
}
