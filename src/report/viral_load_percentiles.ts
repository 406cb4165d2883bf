/**
 * The probability of infection at the percentiles of the infected's viral load: for
 * each of the quantiles 1, 5, 25, 50, 75, 95 and 99 % of the sampled viral loads, the
 * mean probability of infection with every sample's viral load replaced by that quantile
 * (no new draws). The web calculator's report shows it when conditional probability is
 * on.
 *
 * Reference: `calculate_vl_scenarios_percentiles` in
 * `calculator/report/virus_report_data.py` (CAiMIRA 4.19.0). At that commit the function
 * raises `AttributeError` (it replaces the viral load of `model.concentration_model`
 * only when it is a list, and the exposure model holds a tuple), so the reference's UI
 * report fails whenever conditional probability is on. We do what the function intends,
 * as the reference's fixtures were made: the viral load is replaced in every
 * concentration model of the exposure model (not in its short-range models, whose
 * infected enter the dose only through the first concentration model's emission rate).
 *
 * @module
 */
import { releaseColumn, takeColumn } from "../kernel/column_arena.ts";
import { type ExposureEvaluator, exposureEvaluator } from "../model/exposure.ts";
import { isArray, lane, mean, type Vec } from "../model/vec.ts";
import { groupStatistics } from "./_numpy.ts";
import { pythonFloatString } from "./_python_float.ts";

/** The viral-load quantiles of the reference, in its order. */
export const VIRAL_LOAD_PERCENTILES: readonly number[] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

/**
 * The mean probability of infection (%) at each viral-load percentile, keyed by the
 * viral load (RNA copies/mL) as Python's `str(float)` writes it (the reference's
 * `alternative_viral_load`). Equal quantiles share one key, as in the reference's dict.
 *
 * The deposited dose is proportional to the infected's viral load (through the emission
 * rate, `InfectedPopulation.emission_rate_per_aerosol_per_person_when_present`) when the
 * minimum background concentration is zero (the registry's default), so each sample's
 * dose is rescaled from the report's own (dose_i / vl_i · quantile) and the exposure
 * model is evaluated once; otherwise the model is rebuilt with each quantile, as the
 * reference does.
 *
 * @param evaluator The evaluator of the report's exposure model (its first group).
 * @returns Mean probability of infection, %, by viral load.
 * @example Usage
 * ```ts ignore
 * const byViralLoad = viralLoadPercentileProbabilities(exposureEvaluator(model));
 * // { "223.75495209498712": 0.000146…, …, "5991994308.254378": 99.13… }
 * ```
 */
export function viralLoadPercentileProbabilities(
  evaluator: ExposureEvaluator,
): Record<string, number> {
  const model = evaluator.model;
  const viralLoad = model.concentrationModels[0].infected.virus.viralLoadInSputum;
  const quantiles = viralLoadQuantiles(viralLoad);
  const linear = isArray(viralLoad) &&
    model.concentrationModels.every((cm) =>
      cm.minBackgroundConcentration === 0 && cm.infected.virus.viralLoadInSputum === viralLoad
    );
  const probabilities = linear
    ? rescaledProbabilities(evaluator, viralLoad, quantiles)
    : quantiles.map((q) => rebuiltProbability(evaluator, q));
  const out: Record<string, number> = {};
  quantiles.forEach((q, k) => out[pythonFloatString(q)] = probabilities[k]);
  return out;
}

/** `np.quantile(viralLoad, q)` (linear method) for each of {@link VIRAL_LOAD_PERCENTILES}. */
function viralLoadQuantiles(viralLoad: Vec): number[] {
  if (!isArray(viralLoad)) return VIRAL_LOAD_PERCENTILES.map(() => viralLoad);
  const out: number[] = [];
  // Two quantiles per selection pass (in the kernel).
  for (let k = 0; k < VIRAL_LOAD_PERCENTILES.length; k += 2) {
    const q1 = VIRAL_LOAD_PERCENTILES[k];
    const q2 = VIRAL_LOAD_PERCENTILES[Math.min(k + 1, VIRAL_LOAD_PERCENTILES.length - 1)];
    const stats = groupStatistics([viralLoad], q1, q2);
    out.push(stats.lower[0]);
    if (k + 1 < VIRAL_LOAD_PERCENTILES.length) out.push(stats.upper[0]);
  }
  return out;
}

/** Mean probabilities with each sample's dose scaled by quantile / its viral load. */
function rescaledProbabilities(
  evaluator: ExposureEvaluator,
  viralLoad: Float64Array,
  quantiles: readonly number[],
): number[] {
  const dose = evaluator.depositedExposure(true);
  const n = viralLoad.length;
  const perViralLoad = takeColumn(n);
  const [d, step] = lane(dose);
  for (let i = 0; i < n; i++) perViralLoad[i] = d[i * step] / viralLoad[i];
  const scaled = takeColumn(n);
  const out = quantiles.map((q) => {
    for (let i = 0; i < n; i++) scaled[i] = perViralLoad[i] * q;
    const probability = evaluator.infectionProbabilityOfDose(scaled);
    const value = mean(probability);
    releaseColumn(probability);
    return value;
  });
  for (const column of [perViralLoad, scaled]) releaseColumn(column);
  releaseColumn(dose);
  return out;
}

/** Mean probability of the exposure model rebuilt with the viral load `q` (reference path). */
function rebuiltProbability(evaluator: ExposureEvaluator, q: number): number {
  const model = evaluator.model;
  const withViralLoad = {
    ...model,
    concentrationModels: model.concentrationModels.map((cm) => ({
      ...cm,
      infected: {
        ...cm.infected,
        virus: { ...cm.infected.virus, viralLoadInSputum: q },
      },
    })),
  };
  return mean(exposureEvaluator(withViralLoad).infectionProbability());
}
