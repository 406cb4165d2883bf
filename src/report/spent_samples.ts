/**
 * The sample columns of a report's models freed as soon as nothing will read them, rather
 * than when the report's chunk ends.
 *
 * For the seeded parity with the reference every parameter is drawn for all N samples
 * before the next (../shared/spec/sampling-order.md), so all of a model's draws are in
 * memory before its first dose: 7 columns of 250,000 samples (14 MB) for a one-group
 * report, 16 (32 MB) with three short-range interactions. Building an exposure evaluator
 * turns most of them into the columns it keeps (the emission rate, the aerosol volume ×
 * deposited fraction, the deposition rate, the dose factor, each interaction's dilution
 * and jet dose...); after that, a report reads the models' own columns only for:
 *
 * - the probability of infection of a dose: the virus's infectious dose and
 *   transmissibility factor, and the exposed's host immunity (`probabilityOfDose` of
 *   src/model/exposure.ts);
 * - the short-range dose: each interaction's inhalation rate, which the evaluator keeps as
 *   it is (src/model/short_range_dose.ts);
 * - the conditional probability: the infected's viral load.
 *
 * So the report frees: the CO2 model's own draws once the CO2 curve is computed; during
 * each evaluator's construction, what its later steps and the evaluators still to be
 * built do not read ({@link spentSampleHooks}); and once all are built, every column but
 * those above ({@link columnsReadAfterConstruction}). Not when something builds new
 * evaluators of the same models: the viral-load percentiles, and the total probability
 * rule when it rebuilds the model (`totalProbabilityRebuilds`). Each infected population's
 * aerosol volume, a column of the evaluation cache rather than a draw, is taken out of the
 * cache and freed once its products are made. And a step that reads a draw last may take
 * the draw's column over (`adopt`) and write its result over it instead of into a new
 * column: the deposited fractions over the emitted diameters, long- and short-range. The
 * peak of a report's live columns at 250,000 samples: s1 30 to 15 MB, s3 (three
 * interactions) 62 to 31 MB, s4 (two groups) 42 to 23 MB; outputs unchanged, byte for
 * byte.
 *
 * A column freed too early would be read after its memory went to another column: the
 * parity tests run with freed kernel columns filled with NaN
 * (`withFreedColumnsPoisoned`), and freed columns below 8,192 samples (outside the
 * kernel) are detached, so that the tests' many small reports see an empty array.
 *
 * @module
 */
import { isArenaColumn, releaseArenaColumn } from "../kernel/column_arena.ts";
import type { EvaluationCache } from "../model/evaluation_cache.ts";
import {
  type ExposureEvaluator,
  exposureEvaluator,
  type ExposureEvaluatorOptions,
  type ExposureModel,
} from "../model/exposure.ts";
import { longRangeDoseInputs } from "../model/long_range_dose.ts";
import { takePopulationAerosols, type VirusPopulation } from "../model/population.ts";
import { shortRangeDoseInputs } from "../model/short_range_dose.ts";
import type { Vec } from "../model/vec.ts";

/** Options of {@link evaluatorsSpendingSamples}. */
export interface SpendingOptions {
  /** One cache for the evaluators (their models share columns). */
  readonly cache: EvaluationCache;
  /** Keep the infected's viral loads (the conditional probability reads them again). */
  readonly keepViralLoads: boolean;
  /**
   * Free the samples: false when something will build new models of the same draws (the
   * viral-load percentiles, the total probability rule when `totalProbabilityRebuilds`).
   */
  readonly free: boolean;
}

/**
 * The exposure evaluators of `models`, built in order, freeing the samples as soon as
 * nothing will read them (during each construction, {@link spentSampleHooks}; then every
 * column but {@link columnsReadAfterConstruction}'s) when `options.free`.
 *
 * @param models The exposure models of the report's groups (or of one scenario).
 * @param options The cache, and what to keep.
 * @returns The evaluators, index-aligned with `models`.
 */
export function evaluatorsSpendingSamples(
  models: readonly ExposureModel[],
  options: SpendingOptions,
): ExposureEvaluator[] {
  const { cache } = options;
  if (!options.free) return models.map((model) => exposureEvaluator(model, [], { cache }));
  const keep = columnsReadAfterConstruction(models, options.keepViralLoads);
  const adopted = new Set<Vec>();
  const evaluators = models.map((model, g) =>
    exposureEvaluator(model, [], { cache, ...spentSampleHooks(models, g, keep, cache, adopted) })
  );
  releaseSpentSamples(models, new Set([...keep, ...adopted]));
  return evaluators;
}

/**
 * Frees every sample column reachable from `spent` (made in an open column arena) that is
 * not in `keep`.
 *
 * @param spent Models that nothing will evaluate again.
 * @param keep Columns still to be read.
 * @returns The number of columns freed.
 */
export function releaseSpentSamples(spent: unknown, keep: ReadonlySet<Vec>): number {
  let freed = 0;
  for (const column of sampleColumns(spent)) {
    if (!keep.has(column) && releaseArenaColumn(column)) freed++;
  }
  return freed;
}

/**
 * The sample columns of `models` that a report still reads once their exposure
 * evaluators are built (see the module's documentation).
 *
 * @param models The exposure models of the report's groups.
 * @param keepViralLoads Whether the infected's viral loads are read again (the
 *   conditional probability).
 * @returns The columns.
 */
export function columnsReadAfterConstruction(
  models: readonly ExposureModel[],
  keepViralLoads: boolean,
): Set<Vec> {
  const keep = new Set<Vec>();
  for (const model of models) {
    keep.add(model.exposed.hostImmunity);
    for (const cm of model.concentrationModels) {
      // The concentration evaluators compute removal rates as they are asked for: the air
      // exchange and the viral decay read the room and the ventilation (numbers from a
      // form, but a model may hold columns there).
      for (const column of sampleColumns([cm.room, cm.ventilation])) keep.add(column);
      const virus = cm.infected.virus;
      keep.add(virus.infectiousDose);
      if (keepViralLoads) keep.add(virus.viralLoadInSputum);
    }
    for (const interaction of model.shortRange) keep.add(interaction.activity.inhalationRate);
  }
  return keep;
}

/**
 * The construction hooks of the exposure evaluator of `models[g]` that free its samples as
 * soon as its construction has no more use for them (the evaluators of `models` are built
 * in order, with one evaluation cache): once its concentration evaluators are built (the
 * infected's emission rates in the cache), every column of the model but those in
 * `keep`, those the long- and short-range parts read, and those of the models still to be
 * built; once its long-range parts are computed, the same but those the short-range parts
 * read; as an interaction stops reading them, that interaction's distance (once its
 * dilution factor is computed) and expiration (once its parts' per-sample columns are),
 * but those still to be read. Freeing during construction lowers its peak,
 * when the draws and the columns derived from them are in memory together.
 *
 * @param models The exposure models of the report's groups.
 * @param g The model whose evaluator is built.
 * @param keep The columns read once every evaluator is built
 *   ({@link columnsReadAfterConstruction}).
 * @param cache The evaluators' cache (the aerosol volumes are taken out of it).
 * @param adopted The draws the evaluators have taken over (see `adopt`): shared by the
 *   hooks of every model, and never freed as draws.
 * @returns The hooks, for `exposureEvaluator`'s options.
 */
export function spentSampleHooks(
  models: readonly ExposureModel[],
  g: number,
  keep: ReadonlySet<Vec>,
  cache: EvaluationCache,
  adopted: Set<Vec> = new Set(),
): Pick<
  ExposureEvaluatorOptions,
  | "onEmissionRates"
  | "onConcentrations"
  | "onAerosolsDeposited"
  | "onLongRangeParts"
  | "onJetFactor"
  | "onInteractionSpent"
  | "adopt"
> {
  const model = models[g];
  // The evaluators still to be built read their own model's parts, but not the emission
  // rates of infected populations whose concentration evaluators are built (cached).
  const cached = new Set<unknown>(
    models.slice(0, g + 1).flatMap((m) => m.concentrationModels.map((cm) => cm.infected)),
  );
  // Walked once, for all the hooks (one per interaction with short range).
  const keepAndLater = new Set<Vec>([
    ...keep,
    ...sampleColumns(
      models.slice(g + 1).map((m) =>
        // A cached population's emission rate and aerosol volume are in the cache.
        constructionInputs(m, (infected) => cached.has(infected) ? undefined : infected)
      ),
    ),
  ]);
  const stillRead = (parts: unknown): Set<Vec> =>
    new Set<Vec>([...keepAndLater, ...adopted, ...sampleColumns(parts)]);
  return {
    onEmissionRates: () => {
      // The emission rate per aerosol is cached: its aerosol volume is still to be made.
      const inputs = constructionInputs(
        model,
        (infected) =>
          infected.kind === "infected" ? [infected.expiration, infected.mask] : undefined,
      );
      releaseSpentSamples(model, stillRead(inputs));
    },
    onConcentrations: () => {
      releaseSpentSamples(
        model,
        stillRead([longRangeDoseInputs(model), shortRangeDoseInputs(model)]),
      );
    },
    onAerosolsDeposited: () => {
      // Each infected population's aerosol volume, once its products are made (the
      // emission rate, and the deposited aerosols of every concentration model of this
      // model), unless a model still to be built has the same population.
      const later = new Set(
        models.slice(g + 1).flatMap((m) => m.concentrationModels.map((cm) => cm.infected)),
      );
      for (const { infected } of model.concentrationModels) {
        if (later.has(infected)) continue;
        const aerosols = takePopulationAerosols(infected, cache);
        if (aerosols !== undefined && !keepAndLater.has(aerosols)) releaseArenaColumn(aerosols);
      }
    },
    onLongRangeParts: () => {
      releaseSpentSamples(model, stillRead(shortRangeDoseInputs(model)));
    },
    onJetFactor: () => {
      releaseSpentSamples(model, stillRead(shortRangeDoseInputs(model, 0, false)));
    },
    onInteractionSpent: (index, spent) => {
      const interaction = model.shortRange[index];
      releaseSpentSamples(
        interaction[spent],
        stillRead(shortRangeDoseInputs(model, index + 1)),
      );
    },
    adopt: (column, after) => {
      // What the construction reads after the step: the rest of the long-range parts and
      // the short-range dose's, or the later interactions'.
      const later = after.kind === "deposition"
        ? [longRangeDoseInputs(model, after.model + 1), shortRangeDoseInputs(model)]
        : shortRangeDoseInputs(model, after.index + 1);
      if (stillRead(later).has(column) || !isArenaColumn(column)) return false;
      adopted.add(column);
      return true;
    },
  };
}

/**
 * The parts of `model` that building its exposure evaluator reads: its concentration
 * evaluators' (the room, the ventilation, the background, and `infectedParts` of the
 * infected population: all of it, or what is still read once its emission rate is
 * cached), and its long- and short-range dose's.
 */
function constructionInputs(
  model: ExposureModel,
  infectedParts: (infected: VirusPopulation) => unknown,
): unknown[] {
  return [
    model.concentrationModels.map((cm) => [
      cm.room,
      cm.ventilation,
      cm.minBackgroundConcentration,
      infectedParts(cm.infected),
    ]),
    longRangeDoseInputs(model),
    shortRangeDoseInputs(model),
  ];
}

/**
 * The sample columns (Float64Array) reachable from `value` through plain objects and
 * arrays (a model's columns).
 *
 * @param value Models.
 * @returns The columns.
 */
export function sampleColumns(value: unknown): Set<Float64Array> {
  const columns = new Set<Float64Array>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Float64Array) {
      columns.add(v);
    } else if (Array.isArray(v)) {
      for (const item of v) visit(item);
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return;
      for (const item of Object.values(v)) visit(item);
    }
  };
  visit(value);
  return columns;
}
