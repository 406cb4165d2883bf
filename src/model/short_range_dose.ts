/**
 * The short-range part of an exposure evaluator: the jet of each short-range interaction
 * (reference `ShortRangeModel` and `ExposureModel.deposited_exposure_between_bounds`):
 * the per-interaction factors, computed once, and the dose between two times from the
 * long-range one.
 *
 * @module
 */
import { releaseColumn, takeColumn } from "../kernel/column_arena.ts";
import type { EvaluationCache } from "./evaluation_cache.ts";
import type { ExposureEvaluatorOptions, ExposureModel } from "./exposure.ts";
import { inhaleEfficiency } from "./mask.ts";
import { fractionDeposited, fractionDepositedOver } from "./particle.ts";
import { emissionRatePerAerosolPerPerson } from "./population.ts";
import {
  dilutionFactor,
  extractBetweenBounds,
  normedJetOriginConcentration,
} from "./short_range.ts";
import { CM3_PER_M3 } from "../units.ts";
import { isArray, lane, mean, sampleCount, type Vec } from "./vec.ts";

/**
 * The parts of `model` that {@link shortRangeDose} reads: the infected's exhalation rate
 * and the exposed's mask (the jet factor, computed first), then each interaction's
 * distance, expiration, jet constants, inhalation rate and infected; of an interaction's
 * infected that is also a concentration model's, only the exhalation rate (its emission
 * rate per aerosol is then in the evaluation cache, computed for the long-range dose).
 *
 * @param model The exposure model.
 * @param from The first interaction still to be computed.
 * @param jetFactor Whether the jet factor is still to be computed too (by default when
 *   no interaction is computed yet).
 * @returns The parts (values, columns and sub-models).
 */
export function shortRangeDoseInputs(
  model: ExposureModel,
  from = 0,
  jetFactor = from === 0,
): unknown[] {
  if (model.shortRange.length === 0) return [];
  const infected = new Set(model.concentrationModels.map((cm) => cm.infected));
  return [
    ...(jetFactor
      ? [model.concentrationModels[0].infected.activity.exhalationRate, model.exposed.mask]
      : []),
    ...model.shortRange.slice(from).map((interaction) => [
      interaction.distance,
      interaction.expiration,
      interaction.jet,
      interaction.activity.inhalationRate,
      infected.has(interaction.infected)
        ? interaction.infected.activity.exhalationRate
        : interaction.infected,
    ]),
  ];
}

/** The time-independent factors of one short-range interaction. */
export interface ShortRangePart {
  /** Dilution factor, dimensionless. */
  readonly dilution: Vec;
  /** Mean diluted jet concentration, virions/m³. */
  readonly meanDilutedJet: number;
  /** Jet dose per hour of interaction (mean over per-sample diameters), mL/m³. */
  readonly jetPerHour: Vec;
  /** The exposed's inhalation rate in the interaction, m³/h. */
  readonly inhalation: Vec;
}

/** The short-range dose of one exposure model. */
export interface ShortRangeDose {
  /** Per interaction, its time-independent factors. */
  readonly parts: readonly ShortRangePart[];
  /** Every column the short-range dose reads (their sample counts must agree). */
  readonly columns: readonly Vec[];
  /** Overlap (h) of [time1, time2] with each interaction. */
  overlapsWith(time1: number, time2: number): number[];
  /**
   * Doses between two times from the long-range ones (sample i at `longRange[i · step]`)
   * for the samples of `out`, written to it (or added to it with `add`).
   */
  withShortRangeInto(
    longRange: Float64Array,
    step: number,
    overlaps: readonly number[],
    out: Float64Array,
    add: boolean,
  ): void;
  /** Mean jet dose of each interaction per hour it lasts, virions/h (computed once). */
  meanJetDosesPerHour(): number[];
}

/**
 * The short-range dose of `model`.
 *
 * @param model The exposure model.
 * @param cache The evaluation's cache.
 * @param scratchColumn A column for values that are only averaged.
 * @param hooks Where the construction has got to: `onJetFactor` once the jet factor is
 *   computed; `onInteractionSpent` as each interaction stops reading its own draws (its
 *   index): its distance once its dilution factor is computed, its expiration once the
 *   per-sample columns of its parts are, before the columns only averaged; and `adopt`,
 *   whether an interaction's deposited fractions may be written over its diameters.
 * @returns The short-range dose.
 */
export function shortRangeDose(
  model: ExposureModel,
  cache: EvaluationCache,
  scratchColumn: (n: number) => Float64Array,
  hooks: Pick<ExposureEvaluatorOptions, "onJetFactor" | "onInteractionSpent" | "adopt"> = {},
): ShortRangeDose {
  const { onInteractionSpent } = hooks;
  const exposed = model.exposed;
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
  hooks.onJetFactor?.();

  /** Per-interaction parts of the short-range dose that do not depend on time (computed once). */
  const shortRangeParts = model.shortRange.map((interaction, index) => {
    const dilution = dilutionFactor(interaction);
    onInteractionSpent?.(index, "distance");
    const diameter = interaction.expiration.diameter;
    const origin = normedJetOriginConcentration(interaction);
    // Written over the diameters when nothing reads them after this interaction; the
    // per-sample values only averaged below then go over that column too (no new one).
    const overDiameters = isArray(diameter) &&
      (hooks.adopt?.(diameter, { kind: "interaction", index }) ?? false);
    const deposition = overDiameters
      ? fractionDepositedOver(diameter as Float64Array, 1.0)
      : fractionDeposited(diameter, 1.0);
    const averaged = overDiameters ? () => deposition as Float64Array : scratchColumn;
    // From here on the diameters are only tested for being per sample.
    onInteractionSpent?.(index, "expiration");
    // The normalisation factor (shortRangeNormalizationFactor), emission per aerosol /
    // exhalation rate, is divided out sample by sample rather than kept as a column.
    const emission = emissionRatePerAerosolPerPerson(interaction.infected, cache);
    const exhalation = interaction.infected.activity.exhalationRate;
    const inhalation = interaction.activity.inhalationRate;
    // Jet dose per hour of interaction: origin concentration (mL/cm³ → mL/m³) × deposition,
    // averaged over the diameters when they are per sample (first: the deposition's
    // column may then take the diluted jet's values).
    let jetPerHour: Vec;
    if (!isArray(origin) && !isArray(deposition)) {
      jetPerHour = (origin * CM3_PER_M3) * deposition;
    } else {
      const n = sampleCount(origin, deposition);
      const column = isArray(diameter) ? averaged(n) : takeColumn(n);
      const [o, os] = lane(origin);
      const [dep, ds] = lane(deposition);
      for (let i = 0; i < n; i++) column[i] = (o[i * os] * CM3_PER_M3) * dep[i * ds];
      jetPerHour = isArray(diameter) ? mean(column) : column;
    }
    // Mean over samples of (1 / dilution · jet origin) · normalisation (reference
    // `diluted_jet_concentration`).
    const columns = [dilution, origin, emission, exhalation];
    let meanDilutedJet: number;
    if (!columns.some(isArray)) {
      meanDilutedJet = 1 / (dilution as number) * (origin as number) *
        ((emission as number) / (exhalation as number));
    } else {
      const diluted = averaged(sampleCount(...columns));
      const [f, fs] = lane(dilution);
      const [o, os] = lane(origin);
      const [e, es] = lane(emission);
      const [q, qs] = lane(exhalation);
      for (let i = 0; i < diluted.length; i++) {
        diluted[i] = 1 / f[i * fs] * o[i * os] * (e[i * es] / q[i * qs]);
      }
      meanDilutedJet = mean(diluted);
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

  return {
    parts: shortRangeParts,
    columns: shortRangeColumns,
    overlapsWith,
    withShortRangeInto,
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
  };
}
