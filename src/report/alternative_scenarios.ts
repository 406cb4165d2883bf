/**
 * The alternative scenarios of the web calculator's report: the user's room compared
 * with the same room without masks, without ventilation, with FFP2 masks instead of a
 * HEPA filter, ..., or without its short-range interactions. Each scenario is the form
 * with a few fields changed, built into a new Monte Carlo model (its own samples, drawn
 * on the report's generator after the report's models, in the reference's order), and
 * summarised by its mean probability of infection, expected new cases and mean
 * concentration at the report's times.
 *
 * Reference: `manufacture_alternative_scenarios`, `scenario_statistics`,
 * `comparison_report` and `alternative_scenarios_data` in
 * `calculator/report/virus_report_data.py` (CAiMIRA 4.19.0), called by the web
 * calculator's `VirusReportGenerator.prepare_context` only when the form has no
 * occupancy groups: with groups there are no scenarios.
 *
 * @module
 */
import { buildExposureModels } from "../forms/build_virus_models.ts";
import type { VirusForm } from "../forms/virus_form.ts";
import { createEvaluationCache } from "../model/evaluation_cache.ts";
import { type ExposureEvaluator, totalProbabilityRebuilds } from "../model/exposure.ts";
import { mean, sampleCount } from "../model/vec.ts";
import { withColumnArena } from "../kernel/column_arena.ts";
import { sharedKernel } from "../kernel/shared.ts";
import type { Rng } from "../montecarlo/rng.ts";
import type { DataRegistry } from "../registry/defaults.ts";
import type { Climatology } from "../weather/climatology.ts";
import type { WeatherDataset } from "../weather/dataset.ts";
import { evaluatorsSpendingSamples } from "./spent_samples.ts";
import { weightedMean, weightedMeanCurve } from "./streaming_statistics.ts";

/** Name of the user's own scenario in the statistics (reference `comparison_report`). */
export const CURRENT_SCENARIO = "Current scenario";

/** One alternative scenario: the reference's name and the changed form. */
export interface AlternativeScenarioForm {
  /** The reference's name of the scenario, e.g. "No ventilation with Type I masks". */
  readonly name: string;
  /** The form with the scenario's changes. */
  readonly form: VirusForm;
}

/** The statistics of one scenario (field names as the reference's). */
export interface ScenarioStatistics {
  /** Mean probability of infection of one exposed person, %. */
  readonly probability_of_infection: number;
  /** Mean expected new cases among the exposed, people. */
  readonly expected_new_cases: number;
  /** Mean virus concentration at each report time, virions/m³. */
  readonly concentrations: number[];
  /**
   * Probability (%) that at least one exposed person is infected given the local
   * incidence: only with short-range interactions and probabilistic exposure, else null
   * (the reference's rule); absent for the current scenario.
   */
  readonly prob_probabilistic_exposure?: number | null;
}

/** The report's `alternative_scenarios` (the reference's `comparison_report`). */
export interface AlternativeScenarios {
  /**
   * Statistics by scenario name, in the reference's order: "Current scenario" first
   * (without short-range interactions; the report's own numbers), then the scenarios of
   * {@link alternativeScenarioForms}.
   */
  readonly stats: Record<string, ScenarioStatistics>;
}

/**
 * The alternative scenarios of a form, in the order the reference creates (and samples)
 * them. Without short-range interactions (`short_range_no`):
 * - FFP2 masks worn and a HEPA filter: "Base scenario with HEPA filter and Type I masks"
 *   (Type I masks);
 * - otherwise with a HEPA filter: "Base scenario without HEPA filter, with FFP2 masks"
 *   (FFP2 masks worn, no HEPA filter);
 * - then, with Type I masks and no HEPA filter: with mechanical ventilation and masks
 *   worn, "Mechanical ventilation without masks"; with natural ventilation and masks
 *   worn, "Windows open without masks"; unless masks are worn without ventilation, "No
 *   ventilation with Type I masks" (masks on, no ventilation); unless masks are off
 *   without ventilation, "Neither ventilation nor masks" (masks off, no ventilation).
 *
 * With short-range interactions (`short_range_yes`): only "Base scenario without
 * short-range interactions" (no interactions, and the short-range occupants removed
 * from the total people; their number stays, as in the reference, so the expected new
 * cases are those of the remaining exposed).
 *
 * With occupancy groups: none (the reference's calculator makes no scenarios then).
 *
 * @param form The parsed form.
 * @returns The scenarios, possibly none.
 * @example Usage
 * ```ts ignore
 * alternativeScenarioForms(parseVirusForm(body)).map((s) => s.name);
 * // ["No ventilation with Type I masks", "Neither ventilation nor masks"]
 * ```
 */
export function alternativeScenarioForms(form: VirusForm): AlternativeScenarioForm[] {
  if (form.occupancy.length > 0) return [];
  if (form.shortRangeOption !== "short_range_no") {
    return [{
      name: "Base scenario without short-range interactions",
      form: {
        ...form,
        shortRangeInteractions: [],
        totalPeople: form.totalPeople - form.shortRangeOccupants,
      },
    }];
  }
  const scenarios: AlternativeScenarioForm[] = [];
  const ffp2Worn = form.maskWearingOption === "mask_on" && form.maskType === "FFP2";
  if (form.hepaOption) {
    scenarios.push(
      ffp2Worn
        ? {
          name: "Base scenario with HEPA filter and Type I masks",
          form: { ...form, maskType: "Type I" },
        }
        : {
          name: "Base scenario without HEPA filter, with FFP2 masks",
          form: { ...form, maskType: "FFP2", maskWearingOption: "mask_on", hepaOption: false },
        },
    );
  }
  // The remaining scenarios: Type I masks (worn or not), no HEPA filter.
  const typeI: VirusForm = { ...form, maskType: "Type I", hepaOption: false };
  const withMask: VirusForm = { ...typeI, maskWearingOption: "mask_on" };
  const withoutMask: VirusForm = { ...typeI, maskWearingOption: "mask_off" };
  const masksWorn = form.maskWearingOption === "mask_on";
  if (form.ventilationType === "mechanical_ventilation" && masksWorn) {
    scenarios.push({ name: "Mechanical ventilation without masks", form: withoutMask });
  } else if (form.ventilationType === "natural_ventilation" && masksWorn) {
    scenarios.push({ name: "Windows open without masks", form: withoutMask });
  }
  const unventilated = form.ventilationType === "no_ventilation";
  if (!(masksWorn && unventilated)) {
    scenarios.push({
      name: "No ventilation with Type I masks",
      form: { ...withMask, ventilationType: "no_ventilation" },
    });
  }
  if (!(!masksWorn && unventilated)) {
    scenarios.push({
      name: "Neither ventilation nor masks",
      form: { ...withoutMask, ventilationType: "no_ventilation" },
    });
  }
  return scenarios;
}

/** What the scenarios share with the report they extend. */
export interface AlternativeScenariosContext {
  /** The report's form. */
  readonly form: VirusForm;
  /** Default parameters. */
  readonly registry: DataRegistry;
  /** The report's generator, after the report's own draws (its CO2 model included). */
  readonly rng: Rng;
  /** Monte Carlo sample size. */
  readonly sampleSize: number;
  /**
   * The report's chunk sizes (they sum to `sampleSize`; see src/report/report_chunks.ts):
   * each scenario is built and evaluated chunk after chunk, its means merged by weight.
   *
   * @default {one chunk of sampleSize}
   */
  readonly chunks?: readonly number[];
  /** Weather data (natural ventilation). */
  readonly weather?: WeatherDataset;
  /** The climatology of the report (see `VirusReportOptions.climatology`). */
  readonly climatology?: Climatology | false;
  /** Year whose time-zone rules give the location's UTC offset. */
  readonly year?: number;
  /** The report's times, h. */
  readonly times: readonly number[];
  /** The report's own numbers (its first group), for "Current scenario". */
  readonly current: {
    /** Mean probability of infection, %. */
    readonly probability: number;
    /** Mean expected new cases, people. */
    readonly expectedNewCases: number;
    /** Mean concentration at each report time, virions/m³. */
    readonly concentrations: readonly number[];
  };
}

/**
 * The statistics of the alternative scenarios of a report's form (the reference's
 * `alternative_scenarios_data(...)["alternative_scenarios"]`): each scenario is sampled on
 * the report's generator in turn and evaluated in the kernel like the report; its
 * samples are freed before the next one is drawn.
 *
 * @param context The report's form, generator, times and numbers.
 * @returns The statistics by scenario name.
 * @throws {WeatherDataUnavailableError} Natural ventilation without a weather dataset.
 */
export function alternativeScenarios(context: AlternativeScenariosContext): AlternativeScenarios {
  const { form, current } = context;
  const stats: Record<string, ScenarioStatistics> = {};
  if (form.shortRangeOption === "short_range_no") {
    stats[CURRENT_SCENARIO] = {
      probability_of_infection: current.probability,
      expected_new_cases: current.expectedNewCases,
      concentrations: [...current.concentrations],
    };
  }
  const withProbabilisticExposure = form.shortRangeOption === "short_range_yes" &&
    form.exposureOption === "p_probabilistic_exposure" && form.occupancy.length === 0;
  const chunks = context.chunks ?? [context.sampleSize];
  for (const scenario of alternativeScenarioForms(form)) {
    // Each chunk's columns are freed before the next chunk (and scenario) is drawn, in
    // the report's kernel.
    const parts = chunks.map((size) =>
      withColumnArena(() => {
        const models = buildExposureModels(scenario.form, {
          registry: context.registry,
          rng: context.rng,
          sampleSize: size,
          weather: context.weather,
          climatology: context.climatology,
          year: context.year,
          reportRatesOnly: true,
        });
        // Its draws go back to the kernel as soon as nothing will read them, unless the
        // total probability rule builds new models of them.
        const [evaluator] = evaluatorsSpendingSamples(models.exposureModels, {
          cache: createEvaluationCache(),
          keepViralLoads: false,
          free: !(withProbabilisticExposure &&
            totalProbabilityRebuilds(models.exposureModels[0])),
        });
        if (chunks.length === 1) {
          return {
            statistics: scenarioStatistics(evaluator, context.times, withProbabilisticExposure),
          };
        }
        return {
          statistics: scenarioStatistics(evaluator, context.times, false),
          // The total probability rule's means, and a rule to combine them (scalars only).
          ...(withProbabilisticExposure
            ? {
              means: evaluator.meanProbabilitiesByInfectedNumber(),
              rule: evaluator.totalProbabilityRule,
            }
            : {}),
        };
      }, sharedKernel())
    );
    stats[scenario.name] = parts.length === 1
      ? parts[0].statistics
      : mergeScenarioChunks(parts, chunks, withProbabilisticExposure);
  }
  return { stats };
}

/** A scenario's statistics from its chunks' (weighted means; see src/report/report_chunks.ts). */
function mergeScenarioChunks(
  parts: readonly {
    statistics: ScenarioStatistics;
    means?: number[];
    rule?: (means: readonly number[]) => number;
  }[],
  chunks: readonly number[],
  withProbabilisticExposure: boolean,
): ScenarioStatistics {
  const of = (pick: (s: ScenarioStatistics) => number) =>
    weightedMean(parts.map((p) => pick(p.statistics)), chunks);
  return {
    probability_of_infection: of((s) => s.probability_of_infection),
    expected_new_cases: of((s) => s.expected_new_cases),
    concentrations: weightedMeanCurve(parts.map((p) => p.statistics.concentrations), chunks),
    prob_probabilistic_exposure: withProbabilisticExposure
      ? parts[0].rule!(weightedMeanCurve(parts.map((p) => p.means!), chunks))
      : null,
  };
}

/**
 * One scenario's statistics (reference `scenario_statistics`).
 *
 * @param evaluator The evaluator of the scenario's exposure model.
 * @param times Report times, h.
 * @param withProbabilisticExposure Compute `prob_probabilistic_exposure` (else null).
 * @returns The statistics.
 */
export function scenarioStatistics(
  evaluator: ExposureEvaluator,
  times: readonly number[],
  withProbabilisticExposure: boolean,
): ScenarioStatistics {
  return {
    probability_of_infection: mean(evaluator.infectionProbability()),
    expected_new_cases: evaluator.meanExpectedNewCases(),
    concentrations: meanConcentrations(evaluator, times),
    prob_probabilistic_exposure: withProbabilisticExposure
      ? evaluator.totalProbabilityRule()
      : null,
  };
}

/**
 * Mean concentration at each time, virions/m³ (reference `ExposureModel.concentration`):
 * without short-range interactions one kernel pass per concentration model, Σ_i
 * normalisation_i · normed concentration_i(t) / N.
 */
function meanConcentrations(evaluator: ExposureEvaluator, times: readonly number[]): number[] {
  if (evaluator.model.shortRange.length > 0) return times.map((t) => evaluator.concentration(t));
  const out = new Array<number>(times.length).fill(0);
  for (const concentration of evaluator.concentrations) {
    const n = sampleCount(concentration.normalization);
    const { sums } = concentration.batch({
      times: [...times],
      weights: [concentration.normalization],
    });
    sums[0].forEach((s, j) => out[j] += s / n);
  }
  return out;
}
