/**
 * The sample columns of a report's models that nothing reads once the exposure evaluators
 * are built, freed then instead of when the report's chunk ends.
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
 * Every other column reachable from the models goes back to the kernel at once, which
 * takes about a third off a report's peak of columns (s1 30 to 18 MB, s3 62 to 34 MB).
 * Freed columns below 8,192 samples are detached, so that a later read of one sees an
 * empty array: the tests' many small reports check that nothing reads one.
 *
 * @module
 */
import { releaseArenaColumn } from "../kernel/column_arena.ts";
import type { ExposureModel } from "../model/exposure.ts";
import type { Vec } from "../model/vec.ts";

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
      const virus = cm.infected.virus;
      keep.add(virus.infectiousDose);
      if (keepViralLoads) keep.add(virus.viralLoadInSputum);
    }
    for (const interaction of model.shortRange) keep.add(interaction.activity.inhalationRate);
  }
  return keep;
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
