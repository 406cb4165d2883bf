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
import { infectionPercentInto, infectionPercentOfDoseInKernel } from "../kernel/columns.ts";
import { meanNewCases } from "../kernel/statistics.ts";
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
import { createEvaluationCache } from "./evaluation_cache.ts";
import { fusedDose } from "./fused_dose.ts";
import { boundaries, transitionTimes } from "./interval.ts";
import { longRangeDose } from "./long_range_dose.ts";
import { valueAt } from "./piecewise_constant.ts";
import {
  emissionRatePerAerosolPerPerson,
  emittedDiameter,
  type Population,
  presenceInterval,
} from "./population.ts";
import type { ShortRangeModel } from "./short_range.ts";
import { shortRangeDose } from "./short_range_dose.ts";
import { add, addInto, isArray, lane, map2, mean, sampleCount, type Vec } from "./vec.ts";
import { airExchange } from "./ventilation.ts";
import { decayConstant } from "./virus.ts";

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
  /**
   * Probability of infection (%) of one exposed person for a deposited dose (virions, per
   * sample): the dose-response of {@link ExposureEvaluator.infectionProbability}.
   */
  infectionProbabilityOfDose(dose: Vec): Vec;
  /** Expected new cases among the exposed, people. */
  expectedNewCases(): Vec;
  /**
   * The sample mean of {@link ExposureEvaluator.expectedNewCases} (rounded as `np.mean`),
   * people; with per-sample probabilities in the kernel, summed without the column.
   */
  meanExpectedNewCases(): number;
  /** Expected new cases caused by one infected person, people. */
  reproductionNumber(): Vec;
  /**
   * The mean probability of infection (%) of one exposed person with 1, 2, … infected in
   * the room, up to the total probability rule's maximum (empty when the incidence data
   * make the rule 0): the sample means that {@link ExposureEvaluator.totalProbabilityRule}
   * combines.
   */
  meanProbabilitiesByInfectedNumber(): number[];
  /**
   * Probability of at least one infection given the local incidence, %: from this model's
   * samples, or from `meansByInfected` (the means of
   * {@link ExposureEvaluator.meanProbabilitiesByInfectedNumber}, e.g. merged over chunks).
   */
  totalProbabilityRule(meansByInfected?: readonly number[]): number;
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

/** A draw of a short-range interaction that its dose stops reading (see `shortRangeDose`). */
export type InteractionDraw = "distance" | "expiration";

/**
 * A step of an exposure evaluator's construction that reads a draw last: the deposited
 * fraction of concentration model `model`'s emitted diameters (long range), or short-range
 * interaction `index`'s parts.
 */
export type ConstructionStep =
  | { readonly kind: "deposition"; readonly model: number }
  | { readonly kind: "interaction"; readonly index: number };

/**
 * Options of {@link exposureEvaluator}: the concentration evaluators', and where its
 * construction has got to (a report frees the samples nothing will read from then on:
 * src/report/spent_samples.ts).
 */
export interface ExposureEvaluatorOptions extends EvaluatorOptions {
  /**
   * Called once each infected population's emission rate per aerosol is in the cache,
   * before its aerosol volume and the concentration evaluators' columns (which read the
   * infected's expiration and mask, and the models' rooms, ventilation and backgrounds).
   */
  readonly onEmissionRates?: () => void;
  /**
   * Called once the concentration evaluators are built (with each infected population's
   * emission rate and aerosol volume in the cache), before the long-range dose's parts
   * (which read the model's parts listed by `longRangeDoseInputs`).
   */
  readonly onConcentrations?: () => void;
  /**
   * Called once the long-range dose's aerosol volume × fraction deposited is computed
   * for every concentration model, before its dose factors (see `longRangeDose`).
   */
  readonly onAerosolsDeposited?: () => void;
  /**
   * Called once the long-range dose's time-independent parts are computed, before the
   * short-range dose's (which reads the model's parts listed by `shortRangeDoseInputs`).
   */
  readonly onLongRangeParts?: () => void;
  /**
   * Called once the short-range dose's jet factor is computed, the first of its parts
   * (after which it reads the parts `shortRangeDoseInputs(model, 0, false)` lists).
   */
  readonly onJetFactor?: () => void;
  /**
   * Called as short-range interaction `index` stops reading its own draws: its
   * `"distance"` once its dilution factor is computed, its `"expiration"` once its
   * parts' per-sample columns are (see `shortRangeDose`).
   */
  readonly onInteractionSpent?: (index: number, spent: InteractionDraw) => void;
  /**
   * Whether the step may write over `column`, a draw it reads last: true when nothing
   * reads the column once the step is done (the column is then the evaluator's, and whoever
   * frees spent draws leaves it alone). The deposited fractions are then written over
   * the diameters rather than into new columns. By default nothing is overwritten.
   */
  readonly adopt?: (column: Float64Array, after: ConstructionStep) => boolean;
}

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
  options: ExposureEvaluatorOptions = {},
): ExposureEvaluator {
  const cache = options.cache ?? createEvaluationCache();
  const fastPath = options.fastPath ?? "auto";
  const evaluatorOptions: EvaluatorOptions = { cache, fastPath };
  // The emission rates per aerosol first (cached), so that the draws only they read can
  // be freed before the aerosol volumes and the concentrations' columns are made.
  for (const cm of model.concentrationModels) {
    if (cm.kind === "virus") emissionRatePerAerosolPerPerson(cm.infected, cache);
  }
  options.onEmissionRates?.();
  const concentrations = model.concentrationModels.map((cm, k) =>
    concentrationEvaluator(cm, concentrationOverrides[k], evaluatorOptions)
  );
  options.onConcentrations?.();
  const exposed = model.exposed;
  const probabilityCache = new Map<boolean, Vec>();
  const long = longRangeDose(model, concentrations, cache, options);
  options.onLongRangeParts?.();
  const { staticParts, spansBetween, prefetch, prefetchWeighted, longRange } = long;

  /** A column reused for per-sample values that are only averaged (never kept). */
  let scratch: Float64Array | undefined;
  const scratchColumn = (n: number): Float64Array => {
    if (scratch === undefined || scratch.length !== n) scratch = takeColumn(n);
    return scratch;
  };

  const short = shortRangeDose(model, cache, scratchColumn, options);
  const shortRangeParts = short.parts;
  const { overlapsWith, withShortRangeInto } = short;

  const betweenBounds = (time1: number, time2: number): Vec => {
    const lr = longRange(time1, time2);
    if (model.shortRange.length === 0) return lr;
    const overlaps = overlapsWith(time1, time2);
    const inputs = [lr, ...short.columns];
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

  const deposited = (shortRange = true): Vec => {
    const times = populationTimes();
    const pairs: [number, number][] = [];
    for (let k = 0; k + 1 < times.length; k++) pairs.push(...spansBetween(times[k], times[k + 1]));
    prefetchWeighted(pairs.flat());
    if (staticParts.some((p) => !p.perSampleDiameter)) prefetch(pairs);
    const fused = fastPath === "plain"
      ? undefined
      : fusedDose(long, short, scratchColumn, times, shortRange && model.shortRange.length > 0);
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
    // (1 − e^(−x)) · 100 in the kernel, with glibc's exp as numpy's: all of it there when
    // the columns are, else with the doses in units of ID63 computed here.
    if (
      !scalar && typeof deposit !== "number" &&
      infectionPercentOfDoseInKernel(
        out,
        deposit,
        times,
        per,
        immunity,
        id50,
        ONE_OVER_LN2,
        transmissibility,
      )
    ) {
      return out;
    }
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

  const meanExpectedNewCases = (): number => {
    const longRange = probability(false);
    const shortRange = probability(true);
    if (isArray(longRange) && isArray(shortRange)) {
      const near = model.exposedToShortRange;
      const away = (exposed.number as number) - near;
      const fused = meanNewCases(longRange, shortRange, away, near);
      if (fused !== undefined) return fused;
    }
    const values = expectedNewCases();
    const value = mean(values);
    releaseColumn(values);
    return value;
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

  /**
   * The parts of the total probability rule: the event's population, the largest number
   * of infected it sums over, and (when `withMeans`) the mean probability of infection
   * (%) of one exposed person with 1, 2, … of them (a sample mean: chunked reports merge
   * it by weight). totalPeople is 0 when the incidence data make the rule 0.
   */
  const totalProbabilityTerms = (withMeans = true) => {
    if (
      model.concentrationModels.length > 1 ||
      typeof model.concentrationModels[0].infected.number !== "number"
    ) {
      throw new RangeError(
        "expected a fixed number of infected for the total probability but found dynamic occupancy",
      );
    }
    const geo = model.geographicalData;
    const means: number[] = [];
    if (geo.geographicPopulation === 0 || geo.geographicCases === 0) {
      return { totalPeople: 0, maxInfected: 0, means };
    }
    const totalPeople = (model.concentrationModels[0].infected.number as number) +
      (exposed.number as number);
    const maxInfected = totalPeople < MAX_INFECTED_IN_TOTAL_PROBABILITY
      ? totalPeople
      : MAX_INFECTED_IN_TOTAL_PROBABILITY;
    if (!withMeans) return { totalPeople, maxInfected, means };
    const current = model.concentrationModels[0].infected.number as number;
    const baseDose = totalProbabilityRebuilds(model) ? undefined : deposited(true);
    // One buffer for the probabilities of every number of infected.
    const scratch = isArray(baseDose ?? 0) ? takeColumn(sampleCount(baseDose!)) : undefined;
    const probabilityWith = (nInfected: number): Vec => {
      if (baseDose === undefined) {
        return withInfected({ number: nInfected }).infectionProbability();
      }
      return probabilityOfDose(baseDose, nInfected, current, scratch);
    };
    for (let nInfected = 1; nInfected <= maxInfected; nInfected++) {
      means.push(mean(probabilityWith(nInfected)));
    }
    return { totalPeople, maxInfected, means };
  };

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
    infectionProbabilityOfDose: (dose) => probabilityOfDose(dose),
    expectedNewCases,
    meanExpectedNewCases,
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
    meanJetDosesPerHour: short.meanJetDosesPerHour,
    longRangeDoseFactors: () => staticParts,
    meanProbabilitiesByInfectedNumber: () => totalProbabilityTerms().means,
    totalProbabilityRule: (meansByInfected?: readonly number[]) => {
      const terms = totalProbabilityTerms(meansByInfected === undefined);
      if (terms.totalPeople === 0) return 0;
      const means = meansByInfected ?? terms.means;
      if (means.length !== terms.maxInfected) {
        throw new RangeError(
          `expected ${terms.maxInfected} mean probabilities by number of infected but found ${means.length}`,
        );
      }
      const geo = model.geographicalData;
      const virus = model.concentrationModels[0].infected.virus;
      let sum = 0;
      for (let nInfected = 1; nInfected <= terms.maxInfected; nInfected++) {
        const pIndividual = means[nInfected - 1] / 100;
        const n = terms.totalPeople - nInfected;
        const atLeastOne = 1 - (1 - pIndividual) ** n;
        sum += atLeastOne *
          probabilityMeetInfectedPerson(geo, virus, nInfected, terms.totalPeople);
      }
      return sum * 100;
    },
  };
}

/**
 * Whether the total probability rule of `model` (probabilistic exposure) evaluates new
 * models, one per number of infected, as the reference does. Without short range and with
 * a zero background the dose is proportional to the number of infected (the concentration
 * is), so the model's own dose is scaled instead.
 *
 * @param model The exposure model (a fixed number of infected).
 * @returns Whether new models are evaluated.
 */
export function totalProbabilityRebuilds(model: ExposureModel): boolean {
  const current = model.concentrationModels[0].infected.number;
  return !(typeof current === "number" && current > 0 && model.shortRange.length === 0 &&
    model.concentrationModels.every((cm) => cm.minBackgroundConcentration === 0));
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
