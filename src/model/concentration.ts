/**
 * Long-range concentration in a well-mixed room: the virus concentration emitted by an
 * infected population, and the CO2 concentration emitted by the occupants.
 *
 * Between two state changes (someone enters or leaves, a window opens, …) every
 * parameter is constant and the mass balance dC/dt = E(t)/V − λ C has the closed-form
 * solution C(t) = C∞ (1 − e^{−λΔt}) + C(t₀) e^{−λΔt}; the integral over a segment is
 * C∞ Δt + (C∞ − C(t₀)) (e^{−λΔt} − 1)/λ. The model is normalised by the emission of one
 * person (the normalisation factor) and multiplied back at the end.
 * Source: CERN-OPEN-2021-004, doi:10.17181/CERN.1GDQ.5Y75, and Henriques et al. (2022),
 * doi:10.1101/2021.10.14.21264988; reference `_ConcentrationModelBase`.
 *
 * @module
 */
import { takeColumn } from "../kernel/column_arena.ts";
import { allFiniteNonZeroInKernel, depositionRateColumn } from "../kernel/columns.ts";
import { boundaries, transitionTimes } from "./interval.ts";
import { settlingVelocity, settlingVelocityOfDiameter } from "./particle.ts";
import { valueAt } from "./piecewise_constant.ts";
import {
  emissionRatePerPerson,
  emittedDiameter,
  peoplePresent,
  presenceInterval,
  type SimplePopulation,
  type VirusPopulation,
} from "./population.ts";
import type { Room } from "./room.ts";
import { sharedKernel } from "../kernel/shared.ts";
import { chebyshevBatch } from "./chebyshev_batch.ts";
import {
  timelineBatch,
  type TimelineInputs,
  type TimelineRequest,
  type TimelineResult,
} from "./timeline.ts";
import { add, div, isArray, map1, mul, sampleCount, sum, type Vec } from "./vec.ts";
import { airExchange, type Ventilation, ventilationTransitionTimes } from "./ventilation.ts";
import { decayConstant } from "./virus.ts";
import { PPM_PER_FRACTION, S_PER_H } from "../units.ts";
import { cacheSlot, createEvaluationCache, type EvaluationCache } from "./evaluation_cache.ts";

/** Height of the emission source (mouth and nose) above the floor, m. */
export const EMISSION_HEIGHT_M = 1.5;

/** The long-range virus concentration model (reference `ConcentrationModel`). */
export interface VirusConcentrationModel {
  /** Discriminant. */
  readonly kind: "virus";
  /** The room. */
  readonly room: Room;
  /** The ventilation. */
  readonly ventilation: Ventilation;
  /** The emitting population. */
  readonly infected: VirusPopulation;
  /** Factor applied to the particle diameter once airborne (evaporation), dimensionless. */
  readonly evaporationFactor: number;
  /** Background concentration the room decays to, virions/m³. */
  readonly minBackgroundConcentration: number;
}

/** The CO2 concentration model (reference `CO2ConcentrationModel`). */
export interface CO2ConcentrationModel {
  /** Discriminant. */
  readonly kind: "co2";
  /** The room. */
  readonly room: Room;
  /** The ventilation. */
  readonly ventilation: Ventilation;
  /** The people exhaling CO2. */
  readonly emitters: SimplePopulation;
  /** CO2 concentration of the outdoor air, ppm. */
  readonly atmosphereConcentrationPpm: number;
  /** CO2 fraction of the exhaled air, fraction 0–1. */
  readonly fractionExhaled: number;
}

/**
 * A concentration model with given removal rate, background and normalisation (the
 * reference tests' `KnownConcentrationModelBase`; also useful to study the equations).
 */
export interface KnownConcentrationModel {
  /** Discriminant. */
  readonly kind: "known";
  /** The room. */
  readonly room: Room;
  /** The ventilation (only its transition times are used). */
  readonly ventilation: Ventilation;
  /** The emitting population. */
  readonly emitters: SimplePopulation;
  /** Removal rate, h⁻¹. */
  readonly removalRate: Vec;
  /** Background concentration. */
  readonly minBackgroundConcentration: Vec;
  /** Normalisation factor. */
  readonly normalizationFactor: Vec;
}

/** Any concentration model. */
export type ConcentrationModel =
  | VirusConcentrationModel
  | CO2ConcentrationModel
  | KnownConcentrationModel;

/** The population whose emissions the model follows. */
export function emitters(model: ConcentrationModel): SimplePopulation {
  return model.kind === "virus" ? model.infected : model.emitters;
}

/**
 * Removal rate at `timeH`: for the virus, deposition (settling velocity × 3600 / 1.5 m)
 * + viral decay + air exchange; for CO2, the air exchange alone.
 *
 * Unit: h⁻¹. Source: reference `ConcentrationModel.removal_rate`.
 *
 * @param model The model.
 * @param timeH The time, h.
 * @param cache The evaluation's cache (the per-sample deposition rate is computed once
 *   per model in it).
 * @returns The removal rate, h⁻¹.
 */
export function removalRate(
  model: ConcentrationModel,
  timeH: number,
  cache: EvaluationCache = createEvaluationCache(),
): Vec {
  if (model.kind === "known") return model.removalRate;
  const air = airExchange(model.ventilation, model.room, timeH);
  if (model.kind === "co2") return air;
  const deposition = depositionRate(model, cache);
  const decay = decayConstant(model.room.humidity, valueAt(model.room.insideTemp, timeH));
  return add(add(deposition, decay), air);
}

/**
 * Removal rate by deposition: settling velocity (m/s) × 3600 s/h / emission height
 * (1.5 m), per sample of the emitted diameter.
 *
 * Unit: h⁻¹. Source: reference `ConcentrationModel.removal_rate`.
 */
function depositionRate(model: VirusConcentrationModel, cache: EvaluationCache): Vec {
  // Models are immutable: one column per model in an evaluation's cache, shared by every
  // evaluator of it (the exposure models of several groups), which also lets them share
  // the Chebyshev moments keyed by this column.
  return cache.get(DEPOSITION_RATES, model, () => computeDepositionRate(model));
}

/** The deposition rate of a model. */
const DEPOSITION_RATES = cacheSlot<VirusConcentrationModel, Vec>("deposition rate");

function computeDepositionRate(model: VirusConcentrationModel): Vec {
  const diameter = emittedDiameter(model.infected);
  const f = model.evaporationFactor;
  const perHour = (v: number) => (v * S_PER_H) / EMISSION_HEIGHT_M;
  if (diameter === undefined) return perHour(settlingVelocity(undefined) as number);
  if (!isArray(diameter)) return perHour(settlingVelocityOfDiameter(diameter, f));
  // perHour(settlingVelocityOfDiameter(d, f)) per sample in the kernel (asm/particles.ts,
  // the same operations).
  return depositionRateColumn(diameter, f);
}

/** Background concentration, in the unit of the concentration (virions/m³ or ppm). */
export function minBackgroundConcentration(model: ConcentrationModel): Vec {
  if (model.kind === "co2") return model.atmosphereConcentrationPpm;
  return model.minBackgroundConcentration;
}

/**
 * Normalisation factor: emission rate of one infected person (virions/h), or CO2 exhaled
 * per person, 10⁶ × exhalation rate × CO2 fraction (ppm · m³/h).
 *
 * @param model The model.
 * @param cache The evaluation's cache.
 * @returns The factor.
 */
export function normalizationFactor(
  model: ConcentrationModel,
  cache: EvaluationCache = createEvaluationCache(),
): Vec {
  if (model.kind === "known") return model.normalizationFactor;
  if (model.kind === "virus") return emissionRatePerPerson(model.infected, cache);
  const q = model.emitters.activity.exhalationRate;
  const fraction = model.fractionExhaled;
  if (typeof q === "number") return (PPM_PER_FRACTION * q) * fraction;
  const out = takeColumn(q.length);
  for (let i = 0; i < q.length; i++) out[i] = (PPM_PER_FRACTION * q[i]) * fraction;
  return out;
}

/**
 * Background concentration over the normalisation factor. A zero background gives one
 * number rather than a column of zeros when every factor is finite and non-zero (then
 * 0 / x is ±0 for every sample, and the sign of zero changes no result).
 */
function normedBackground(background: Vec, normalization: Vec): Vec {
  if (background === 0 && isArray(normalization)) {
    let allFiniteNonZero = allFiniteNonZeroInKernel(normalization);
    if (allFiniteNonZero === undefined) {
      allFiniteNonZero = true;
      for (let i = 0; i < normalization.length && allFiniteNonZero; i++) {
        const x = normalization[i];
        allFiniteNonZero = x !== 0 && Number.isFinite(x);
      }
    }
    if (allFiniteNonZero) return 0;
  }
  return div(background, normalization);
}

/** Sorted times (h) at which any state of the model changes, including 0. */
export function stateChangeTimes(model: ConcentrationModel): number[] {
  const times = new Set<number>([0]);
  for (const t of transitionTimes(presenceInterval(emitters(model)))) times.add(t);
  for (const t of ventilationTransitionTimes(model.ventilation, model.room)) times.add(t);
  return [...times].sort((a, b) => a - b);
}

/** Per-model evaluator with the caches the recursion needs. */
export interface ConcentrationEvaluator {
  /** The model. */
  readonly model: ConcentrationModel;
  /** Normalisation factor of the model (see {@link normalizationFactor}). */
  readonly normalization: Vec;
  /** Concentration at `timeH`, virions/m³ (or ppm). */
  concentration(timeH: number): Vec;
  /**
   * Concentrations at many times (same values as {@link concentration}, without caching
   * each time: for long series such as sensor readings).
   */
  concentrations(timesH: readonly number[]): Vec[];
  /** Concentration at `timeH` divided by the normalisation factor. */
  normedConcentration(timeH: number): Vec;
  /** Integral of the concentration over [startH, stopH], virions·h/m³ (or ppm·h). */
  integratedConcentration(startH: number, stopH: number): Vec;
  /** Integral of the normalised concentration over [startH, stopH]. */
  normedIntegratedConcentration(startH: number, stopH: number): Vec;
  /** Asymptotic normalised concentration with the parameters in force at `timeH`. */
  normedConcentrationLimit(timeH: number): Vec;
  /** The state-change times, h. */
  readonly stateChangeTimes: readonly number[];
  /** First time anyone of the emitters is present, h (the concentration is background before). */
  readonly firstPresenceTime: number;
  /** The latest state change strictly before `timeH` (the first one when none), h. */
  lastStateChange(timeH: number): number;
  /**
   * Many evaluations at once (in one kernel pass when the model allows it, see
   * src/model/timeline.ts): Σ_i weight_i × normalised concentration at each time, and
   * the per-sample normalised integral over each interval.
   */
  batch(request: TimelineRequest): TimelineResult;
}

/**
 * Which implementation `ConcentrationEvaluator.batch` (and an exposure evaluator's dose
 * over the exposed's presence) uses; every one gives the same values up to rounding:
 *
 * - "auto": the fastest that applies: the Chebyshev expansion in the per-sample removal
 *   rate (src/model/chebyshev_batch.ts) when it is accurate enough, else the kernel's
 *   exact timeline pass (src/model/timeline.ts); for doses, the fused one-pass sum
 * - "timeline": the kernel's timeline pass, never the Chebyshev expansion
 * - "plain": the plain definitions, time by time and interval by interval
 */
export type FastPath = "auto" | "timeline" | "plain";

/** Options of the evaluators. */
export interface EvaluatorOptions {
  /**
   * The cache of derived columns (deposition rates, Chebyshev moments...); share one
   * between the evaluators of models that share columns (a report's groups).
   *
   * @default {a new cache}
   */
  readonly cache?: EvaluationCache;
  /**
   * The implementation of the batch evaluations (see {@link FastPath}).
   *
   * @default {"auto"}
   */
  readonly fastPath?: FastPath;
}

/**
 * Replacements for parts of the evaluation, to study the equations with known inputs
 * (the reference's tests subclass the model for this).
 */
export interface ConcentrationOverrides {
  /** Normalised concentration at a time (replaces the recursion). */
  readonly normedConcentration?: (timeH: number, model: ConcentrationModel) => Vec;
  /** Normalised asymptotic concentration at a time. */
  readonly normedConcentrationLimit?: (timeH: number, model: ConcentrationModel) => Vec;
  /** Removal rate at a time, h⁻¹. */
  readonly removalRate?: (timeH: number, model: ConcentrationModel) => Vec;
  /** State-change times, h (sorted). */
  readonly stateChangeTimes?: readonly number[];
  /**
   * The normalisation factor (see {@link normalizationFactor}), when the caller has
   * computed it (e.g. to free the draws it is made of before the evaluator's columns).
   */
  readonly normalization?: Vec;
}

/**
 * Builds the evaluator of a concentration model (state changes, removal rates and the
 * concentration at each state change are computed once and cached).
 *
 * @param model The model.
 * @param overrides Optional known parts (see {@link ConcentrationOverrides}).
 * @param options The cache to use and the fast paths to take.
 * @returns The evaluator.
 */
export function concentrationEvaluator(
  model: ConcentrationModel,
  overrides: ConcentrationOverrides = {},
  options: EvaluatorOptions = {},
): ConcentrationEvaluator {
  const cache = options.cache ?? createEvaluationCache();
  const population = emitters(model);
  const times = overrides.stateChangeTimes
    ? [...overrides.stateChangeTimes]
    : stateChangeTimes(model);
  const firstPresence = boundaries(presenceInterval(population))[0][0];
  const normalization = overrides.normalization ?? normalizationFactor(model, cache);
  const background = normedBackground(minBackgroundConcentration(model), normalization);
  const volume = model.room.volume;
  const normedCache = new Map<number, Vec>();
  // Removal rate and limit are constant within a state segment (t_{k-1}, t_k] (every
  // state change is in `times`), so they are computed once per segment.
  const rateCache = new Map<number, Vec>();
  const limitCache = new Map<number, Vec>();

  /** Index k of the segment (times[k-1], times[k]] holding t (times.length after the last). */
  const segmentOf = (t: number): number => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const rate = (t: number): Vec => {
    const k = segmentOf(t);
    let r = rateCache.get(k);
    if (r === undefined) {
      r = overrides.removalRate ? overrides.removalRate(t, model) : removalRate(model, t, cache);
      rateCache.set(k, r);
    }
    return r;
  };

  const computedLimit = (t: number): Vec => {
    const k = segmentOf(t);
    let l = limitCache.get(k);
    if (l === undefined) {
      const people = peoplePresent(population, t);
      const inverse = map1(rate(t), (rr) => rr === 0 ? NaN : 1 / rr);
      l = add(div(mul(people, inverse), volume), background);
      limitCache.set(k, l);
    }
    return l;
  };

  const knownLimit = overrides.normedConcentrationLimit;
  const limit = knownLimit ? (t: number) => knownLimit(t, model) : computedLimit;

  const lastStateChange = (t: number): number => times[Math.max(segmentOf(t) - 1, 0)];

  /** The normalised concentration at t from the (cached) one at the last state change. */
  const normedFromLastChange = (t: number): Vec => {
    if (t <= firstPresence) return background;
    const tLast = lastStateChange(t);
    const previous = normed(tLast);
    const dt = t - tLast;
    const people = peoplePresent(population, t);
    return segmentConcentration(rate(t), limit(t), previous, dt, people, volume);
  };
  const computedNormed = (t: number): Vec => {
    const cached = normedCache.get(t);
    if (cached !== undefined) return cached;
    const value = normedFromLastChange(t);
    normedCache.set(t, value);
    return value;
  };
  const knownNormed = overrides.normedConcentration;
  const normed = knownNormed ? (t: number) => knownNormed(t, model) : computedNormed;

  /**
   * Concentrations at many times: the segment's rate, limit, starting value and people
   * are looked up once per segment; each value is computed as `normedFromLastChange`
   * does (same operations, same rounding), without caching the times.
   */
  const concentrations = (ts: readonly number[]): Vec[] => {
    const scalar = !knownNormed && typeof normalization === "number" &&
      typeof volume === "number" && typeof background === "number";
    if (!scalar) return ts.map((t) => mul(normed(t), normalization));
    const out = new Array<Vec>(ts.length);
    let segment = -1;
    let rr: Vec = 0;
    let lim: Vec = 0;
    let c0: Vec = 0;
    let people = 0;
    let tLast = 0;
    // The segment k of the time kAt: a later time (readings increase) moves it forward.
    let k = 0;
    let kAt = -Infinity;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i];
      if (t <= firstPresence) {
        out[i] = (background as number) * normalization;
        continue;
      }
      if (t >= kAt) {
        while (k < times.length && times[k] < t) k++;
      } else {
        k = segmentOf(t);
      }
      kAt = t;
      if (k !== segment) {
        segment = k;
        tLast = times[Math.max(k - 1, 0)];
        c0 = normed(tLast);
        rr = rate(t);
        lim = limit(t);
        people = peoplePresent(population, t);
      }
      if (typeof rr !== "number" || typeof lim !== "number" || typeof c0 !== "number") {
        out[i] = mul(normedFromLastChange(t), normalization);
        continue;
      }
      const dt = t - tLast;
      const fac = Math.exp(-rr * dt);
      const current = rr === 0 ? dt * people / (volume as number) : lim * (1 - fac);
      out[i] = (current + c0 * fac) * normalization;
    }
    return out;
  };

  const normedIntegral = (start: number, stop: number): Vec => {
    if (stop <= firstPresence) return mul(stop - start, background);
    const changes = stop > times[times.length - 1] ? [...times, stop] : times;
    let total: Vec = 0;
    for (let k = 0; k + 1 < changes.length; k++) {
      const a = changes[k];
      const b = changes[k + 1];
      if (start > b || stop < a) continue;
      const s = Math.max(a, start);
      const e = Math.min(b, stop);
      total = add(total, segmentIntegral(rate(e), limit(e), normed(s), e - s));
    }
    return total;
  };

  const kernelInputs = overrides.normedConcentration || overrides.normedConcentrationLimit ||
      overrides.removalRate || overrides.stateChangeTimes
    ? undefined
    : timelineInputs(model, times, firstPresence, background, cache);
  const fastPath = options.fastPath ?? "auto";
  const batch = (request: TimelineRequest): TimelineResult => {
    if (kernelInputs && fastPath !== "plain") {
      const kernel = sharedKernel();
      return (fastPath === "auto"
        ? chebyshevBatch(kernel, cache, kernelInputs, request)
        : undefined) ??
        timelineBatch(kernel, kernelInputs, request);
    }
    const times = request.times ?? [];
    const samples = sampleCount(
      normalization,
      ...(request.weights ?? []),
      ...(request.integralWeights ?? []),
    );
    const total = (v: Vec) => typeof v === "number" ? v * samples : sum(v);
    const sums = (request.weights ?? [1]).map((w) =>
      Float64Array.from(times, (t) => total(mul(normed(t), w)))
    );
    const integrals = (request.intervals ?? []).map(([a, b]) => normedIntegral(a, b));
    const integralTimes = [...new Set(request.integralTimes ?? [])].sort((a, b) => a - b);
    const integralSums = (request.integralWeights ?? []).map((w) =>
      Float64Array.from(integralTimes, (t) => total(mul(normedIntegral(0, t), w)))
    );
    return { sums, integrals, integralSums };
  };

  return {
    model,
    normalization,
    batch,
    stateChangeTimes: times,
    firstPresenceTime: firstPresence,
    lastStateChange,
    normedConcentration: normed,
    concentration: (t) => mul(normed(t), normalization),
    concentrations,
    normedIntegratedConcentration: normedIntegral,
    integratedConcentration: (a, b) => mul(normedIntegral(a, b), normalization),
    normedConcentrationLimit: limit,
  };
}

/**
 * The kernel timeline inputs of a model, or undefined when the model has per-sample
 * values where the kernel pass needs one number (room volume, decay, air exchange).
 */
function timelineInputs(
  model: ConcentrationModel,
  times: readonly number[],
  firstPresence: number,
  background: Vec,
  cache: EvaluationCache,
): TimelineInputs | undefined {
  const volume = model.room.volume;
  if (typeof volume !== "number") return undefined;
  const population = emitters(model);
  let dep: Vec = 0;
  let baseAt: (t: number) => Vec;
  if (model.kind === "virus") {
    dep = depositionRate(model, cache);
    baseAt = (t) =>
      add(
        decayConstant(model.room.humidity, valueAt(model.room.insideTemp, t)),
        airExchange(model.ventilation, model.room, t),
      );
  } else if (model.kind === "co2") {
    baseAt = (t) => airExchange(model.ventilation, model.room, t);
  } else {
    dep = model.removalRate;
    baseAt = () => 0;
  }
  for (const t of [...times, times[times.length - 1] + 1]) {
    if (typeof baseAt(t) !== "number") return undefined;
  }
  return {
    dep,
    background,
    stateTimes: times,
    baseAt: (t) => baseAt(t) as number,
    peopleOverVolumeAt: (t) => peoplePresent(population, t) / volume,
    firstPresence,
  };
}

/**
 * Normalised concentration after `dt` hours in a segment with removal rate `rr`,
 * limit `cLimit` and starting value `c0`: cLimit (1 − e^{−rr dt}) + c0 e^{−rr dt}, or
 * dt · people / V + c0 when rr = 0.
 */
function segmentConcentration(
  rr: Vec,
  cLimit: Vec,
  c0: Vec,
  dt: number,
  people: number,
  volume: Vec,
): Vec {
  const n = sampleCount(rr, cLimit, c0, volume);
  if (
    n === 1 && typeof rr === "number" && typeof cLimit === "number" && typeof c0 === "number" &&
    typeof volume === "number"
  ) {
    const fac = Math.exp(-rr * dt);
    const current = rr === 0 ? dt * people / volume : cLimit * (1 - fac);
    return current + c0 * fac;
  }
  const out = takeColumn(n);
  for (let i = 0; i < n; i++) {
    const r = at(rr, i);
    const fac = Math.exp(-r * dt);
    const current = r === 0 ? dt * people / at(volume, i) : at(cLimit, i) * (1 - fac);
    out[i] = current + at(c0, i) * fac;
  }
  return out;
}

/** Integral over `dt` hours of a segment: cLimit dt + (cLimit − c0)(e^{−rr dt} − 1)/rr. */
function segmentIntegral(rr: Vec, cLimit: Vec, c0: Vec, dt: number): Vec {
  const n = sampleCount(rr, cLimit, c0);
  if (typeof rr === "number" && typeof cLimit === "number" && typeof c0 === "number") {
    return cLimit * dt + (cLimit - c0) * (Math.exp(-rr * dt) - 1) / rr;
  }
  const out = takeColumn(n);
  for (let i = 0; i < n; i++) {
    const r = at(rr, i);
    const l = at(cLimit, i);
    out[i] = l * dt + (l - at(c0, i)) * (Math.exp(-r * dt) - 1) / r;
  }
  return out;
}

function at(v: Vec, i: number): number {
  return typeof v === "number" ? v : v[i];
}
