/**
 * The virus report: from a `/virus/report` body to the reference's report data
 * (`virus_report_data.calculate_report_data`), with a seed for reproducible runs.
 *
 * @module
 */
import { buildVirusModels } from "../forms/build_virus_models.ts";
import { parseVirusForm } from "../forms/parse_virus_form.ts";
import type { VirusForm } from "../forms/virus_form.ts";
import { withKernelComputation } from "../kernel/shared.ts";
import { concentrationEvaluator } from "../model/concentration.ts";
import {
  type ExposureEvaluator,
  exposureEvaluator,
  type ExposureModel,
} from "../model/exposure.ts";
import { boundaries } from "../model/interval.ts";
import { presenceInterval } from "../model/population.ts";
import { isArray, lane, mean, sampleCount, toArray, type Vec } from "../model/vec.ts";
import { releaseColumn, takeColumn } from "../kernel/column_arena.ts";
import { createKernelRng, type Rng } from "../montecarlo/rng.ts";
import { histogram, sampleStatistics } from "../montecarlo/statistics.ts";
import { type DataRegistry, DEFAULT_REGISTRY } from "../registry/defaults.ts";
import type { Climatology } from "../weather/climatology.ts";
import type { WeatherDataset } from "../weather/dataset.ts";
import { type AlternativeScenarios, alternativeScenarios } from "./alternative_scenarios.ts";
import type { OutdoorTemperatureSource } from "../weather/outdoor_temperature_source.ts";
import { conditionalProbabilityWithHistogram } from "./conditional_probability.ts";
import { interestingTimes } from "./interesting_times.ts";
import { uncertaintiesPlot, VIRAL_LOAD_HISTOGRAM } from "./uncertainties_plot.ts";
import { viralLoadPercentileProbabilities } from "./viral_load_percentiles.ts";
import { createEvaluationCache } from "../model/evaluation_cache.ts";
import { exposureCurves } from "../model/exposure_curves.ts";

/**
 * Largest accepted Monte Carlo sample size.
 *
 * @example Usage
 * ```ts
 * import { MAX_SAMPLE_SIZE, virusReport } from "./mod.ts";
 * const body = {
 *   simulation_name: "Office",
 *   room_number: "123",
 *   calculator_version: "N/A",
 *   location_name: "Geneva",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 *   inside_temp: "293.",
 *   room_volume: "75",
 *   volume_type: "room_volume_explicit",
 *   total_people: "10",
 *   infected_people: "1",
 *   ventilation_type: "no_ventilation",
 * };
 * let refused = false;
 * try {
 *   virusReport(body, { sampleSize: MAX_SAMPLE_SIZE + 1 });
 * } catch (e) {
 *   refused = e instanceof RangeError;
 * }
 * if (!refused) throw new Error("too many samples");
 * ```
 */
export const MAX_SAMPLE_SIZE = 2_000_000;

/**
 * Options of {@link virusReport}.
 *
 * @example Usage
 * ```ts
 * import { virusReport, type VirusReportOptions } from "./mod.ts";
 * const options: VirusReportOptions = { seed: 42, sampleSize: 1000, probDist: false };
 * if (virusReport({
 *   simulation_name: "Office",
 *   room_number: "123",
 *   calculator_version: "N/A",
 *   location_name: "Geneva",
 *   inside_temp: "293.",
 *   room_volume: "75",
 *   volume_type: "room_volume_explicit",
 *   total_people: "10",
 *   infected_people: "1",
 *   ventilation_type: "no_ventilation",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 * }, options).seed !== 42) throw new Error("the seed given");
 * ```
 */
export interface VirusReportOptions {
  /**
   * Seed of the generator, an integer in [0, 2^32 − 1].
   *
   * @default {a random seed, reported back in the result}
   */
  readonly seed?: number;
  /**
   * Monte Carlo sample size.
   *
   * @default {the registry's (250000)}
   */
  readonly sampleSize?: number;
  /**
   * Include the per-sample infection probabilities (`prob_dist`, N numbers per group).
   *
   * @default {true}
   */
  readonly probDist?: boolean;
  /** Default parameters (the reference's registry by default). */
  readonly registry?: DataRegistry;
  /**
   * Weather data in the reference's format for natural ventilation (used unless the form
   * gives `outdoor_temperatures`; without it the embedded climatology is used).
   */
  readonly weather?: WeatherDataset;
  /**
   * The station climatology used by natural ventilation without explicit temperatures
   * or `weather`; `false` turns it off.
   *
   * @default {the embedded climatology}
   */
  readonly climatology?: Climatology | false;
  /**
   * Year whose time-zone rules give the location's UTC offset.
   *
   * @default {the current year}
   */
  readonly year?: number;
  /**
   * Add the web calculator's comparisons: `alternative_scenarios` (the form with masks,
   * ventilation, HEPA filter or short-range interactions changed, each sampled after the
   * report on the same generator; none with occupancy groups) and, when
   * `conditional_probability_viral_loads` is on, `alternative_viral_load` (the probability
   * at the viral-load percentiles).
   *
   * @default {false}
   */
  readonly alternativeScenarios?: boolean;
}

/**
 * Report data of one exposed group (field names as the reference's).
 *
 * @example Usage
 * ```ts
 * import { type GroupReport, virusReport } from "./mod.ts";
 * const groups = virusReport({
 *   simulation_name: "Office",
 *   room_number: "123",
 *   calculator_version: "N/A",
 *   location_name: "Geneva",
 *   inside_temp: "293.",
 *   room_volume: "75",
 *   volume_type: "room_volume_explicit",
 *   total_people: "10",
 *   infected_people: "1",
 *   ventilation_type: "no_ventilation",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 * }, { seed: 0, sampleSize: 1000 }).groups;
 * const group: GroupReport = Object.values(groups)[0];
 * if (typeof group.prob_inf !== "number") throw new Error("the mean probability of infection, %");
 * ```
 */
export type GroupReport = Record<string, unknown>;

/**
 * The report data (field names as the reference's `results`).
 *
 * @example Usage
 * ```ts
 * import { type VirusReport, virusReport } from "./mod.ts";
 * const report: VirusReport = virusReport({
 *   simulation_name: "Office",
 *   room_number: "123",
 *   calculator_version: "N/A",
 *   location_name: "Geneva",
 *   inside_temp: "293.",
 *   room_volume: "75",
 *   volume_type: "room_volume_explicit",
 *   total_people: "10",
 *   infected_people: "1",
 *   ventilation_type: "no_ventilation",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 * }, { seed: 0, sampleSize: 1000 });
 * if (report.times.length !== report.CO2_concentrations.length) throw new Error("one CO2 value per time");
 * ```
 */
export interface VirusReport {
  /** Report times, h. */
  readonly times: number[];
  /** Mean CO2 concentration at each time, ppm. */
  readonly CO2_concentrations: number[];
  /** Per exposed group. */
  readonly groups: Record<string, GroupReport>;
  /** The seed used. */
  readonly seed: number;
  /** A short description of the model. */
  readonly model: string;
  /**
   * With {@link VirusReportOptions.alternativeScenarios} and no occupancy groups: the
   * alternative scenarios' statistics (the reference's `comparison_report`).
   */
  readonly alternative_scenarios?: AlternativeScenarios;
  /**
   * With {@link VirusReportOptions.alternativeScenarios} and conditional probability on:
   * mean probability of infection (%) of the first group with every sample's viral load
   * set to its 1, 5, 25, 50, 75, 95 and 99 % quantile, keyed by that viral load (RNA
   * copies/mL, as Python's `str(float)`).
   */
  readonly alternative_viral_load?: Record<string, number>;
  /**
   * Where natural ventilation's outdoor temperatures came from: explicit, dataset or
   * climatology, with the station, its distance and a warning when it may not represent
   * the location (present only with natural ventilation).
   */
  readonly outdoor_temperature_source?: OutdoorTemperatureSource;
}

/**
 * Computes the virus report of a `/virus/report` body.
 *
 * @param body The form, in the reference's wire format or plain JSON.
 * @param options Seed, sample size, weather data.
 * @returns The report data.
 * @throws {FormError} When the body is invalid (names the field and the problem).
 * @throws {RangeError} On an invalid seed or sample size.
 * @example Usage
 * ```ts
 * import { virusReport } from "./mod.ts";
 * const report = virusReport({
 *   simulation_name: "Office",
 *   room_number: "123",
 *   calculator_version: "N/A",
 *   location_name: "Geneva",
 *   inside_temp: "293.",
 *   room_volume: "75",
 *   volume_type: "room_volume_explicit",
 *   total_people: "10",
 *   infected_people: "1",
 *   ventilation_type: "no_ventilation",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 * }, { seed: 0, sampleSize: 2000 });
 * if (report.seed !== 0 || report.times.length === 0) throw new Error("a report of seed 0");
 * ```
 */
export function virusReport(body: unknown, options: VirusReportOptions = {}): VirusReport {
  const form = parseVirusForm(body);
  return virusReportFromForm(form, options);
}

/**
 * The virus report of an already parsed form (see {@link virusReport}).
 * @example Usage
 * ```ts
 * import { parseVirusForm } from "../forms/mod.ts";
 * import { virusReportFromForm } from "./mod.ts";
 * const form = parseVirusForm({
 *   simulation_name: "Office",
 *   room_number: "123",
 *   calculator_version: "N/A",
 *   location_name: "Geneva",
 *   inside_temp: "293.",
 *   room_volume: "75",
 *   volume_type: "room_volume_explicit",
 *   total_people: "10",
 *   infected_people: "1",
 *   ventilation_type: "no_ventilation",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 * });
 * const report = virusReportFromForm(form, { seed: 1, sampleSize: 2000, probDist: false });
 * if (Object.keys(report.groups).length !== 1) throw new Error("one exposed group");
 * ```
 */
export function virusReportFromForm(
  form: VirusForm,
  options: VirusReportOptions = {},
): VirusReport {
  const registry = options.registry ?? DEFAULT_REGISTRY;
  const seed = options.seed ?? crypto.getRandomValues(new Uint32Array(1))[0];
  const sampleSize = options.sampleSize ?? registry.monteCarlo.sampleSize;
  if (!Number.isInteger(sampleSize) || sampleSize < 1 || sampleSize > MAX_SAMPLE_SIZE) {
    throw new RangeError(`expected a sample size in 1..${MAX_SAMPLE_SIZE} but found ${sampleSize}`);
  }
  // One kernel computation: the generator's state, the samples and the intermediate
  // columns live in the kernel's memory and are freed when the report is done (it holds
  // copies).
  return withKernelComputation((kernel) =>
    report(form, registry, createKernelRng(seed, kernel), { ...options, seed, sampleSize })
  );
}

function report(
  form: VirusForm,
  registry: DataRegistry,
  rng: Rng,
  options: VirusReportOptions & { seed: number; sampleSize: number },
): VirusReport {
  const { seed, sampleSize } = options;
  const models = buildVirusModels(form, {
    registry,
    rng,
    sampleSize,
    weather: options.weather,
    climatology: options.climatology,
    year: options.year,
    reportRatesOnly: true,
  });
  const times = interestingTimes(models.exposureModels);
  // One cache for the evaluators of every group: their models share columns.
  const cache = createEvaluationCache();
  const evaluators = models.exposureModels.map((model) => exposureEvaluator(model, [], { cache }));
  const groups: Record<string, GroupReport> = {};
  for (const ev of evaluators) {
    groups[ev.model.identifier] = groupReport(
      form,
      registry,
      ev,
      times,
      options.probDist ?? true,
    );
  }
  const co2 = concentrationEvaluator(models.co2Model, {}, { cache });
  const co2Sums = co2.batch({ times, weights: [co2.normalization] }).sums[0];
  const co2Samples = sampleCount(co2.normalization);
  const result: VirusReport = {
    times,
    CO2_concentrations: Array.from(co2Sums, (s) => s / co2Samples),
    groups,
    seed,
    model: describe(form, models.exposureModels, sampleSize),
    ...(models.outdoorTemperatureSource === undefined
      ? {}
      : { outdoor_temperature_source: models.outdoorTemperatureSource }),
  };
  if (!options.alternativeScenarios) return result;
  // The web calculator's comparisons, after every draw of the report (CO2 model included).
  const first = groups[evaluators[0].model.identifier];
  return {
    ...result,
    ...(form.occupancy.length === 0
      ? {
        alternative_scenarios: alternativeScenarios({
          form,
          registry,
          rng,
          sampleSize,
          weather: options.weather,
          climatology: options.climatology,
          year: options.year,
          times,
          current: {
            probability: first.prob_inf as number,
            expectedNewCases: first.expected_new_cases as number,
            concentrations: first.concentrations as number[],
          },
        }),
      }
      : {}),
    ...(form.conditionalProbabilityViralLoads
      ? { alternative_viral_load: viralLoadPercentileProbabilities(evaluators[0]) }
      : {}),
  };
}

function describe(form: VirusForm, models: readonly ExposureModel[], n: number): string {
  return `ExposureModelGroup(${
    models.map((m) => m.identifier).join(", ")
  }; virus ${form.virusType}; ` +
    `activity ${form.activityType}; ventilation ${form.ventilationType}; samples ${n})`;
}

function groupReport(
  form: VirusForm,
  registry: DataRegistry,
  ev: ExposureEvaluator,
  times: number[],
  withDist: boolean,
): GroupReport {
  const model = ev.model;
  const prob = ev.infectionProbability() as Float64Array;
  const stats = sampleStatistics(prob);
  const h = histogram(prob, 100, 100);
  const n = prob.length;
  const report: GroupReport = {
    prob_inf: stats.mean,
    prob_inf_sd: stats.std,
    ...(withDist ? { prob_dist: toArray(prob) } : {}),
    prob_hist_count: Array.from(h.counts, (c, i) => c / (h.edges[i + 1] - h.edges[i]) / n),
    prob_hist_bins: Array.from(h.edges),
    expected_new_cases: meanOfTemporary(ev.expectedNewCases()),
    exposed_presence_intervals: boundaries(presenceInterval(model.exposed)).map(([a, b]) => [a, b]),
  };
  const virusData = registry.virologicalData.virusDistributions[form.virusType];
  if (
    form.conditionalProbabilityViralLoads && virusData.viralLoadInSputum === "covidOverallVlData"
  ) {
    const { data, viralLoadCounts } = conditionalProbabilityWithHistogram(
      model.concentrationModels[0].infected.virus.viralLoadInSputum,
      prob,
      VIRAL_LOAD_HISTOGRAM,
    );
    report.conditional_probability_data = data;
    report.uncertainties_plot_src = uncertaintiesPlot(prob, data, viralLoadCounts);
  }
  if (form.exposureOption === "p_probabilistic_exposure") {
    report.prob_probabilistic_exposure = ev.totalProbabilityRule();
  }
  const curves = exposureCurves(ev, times);
  report.concentrations = curves.concentrations;
  report.cumulative_doses = cumulativeSum(curves.doses);
  if (model.shortRange.length > 0) {
    // The same model without its interactions: probability from the long-range dose,
    // and new cases with every exposed person at that probability.
    const longRangeProbability = ev.infectionProbability(false);
    const exposedNumber = model.exposed.number as number;
    report.long_range_prob = mean(longRangeProbability);
    const away = exposedNumber - model.exposedToShortRange;
    const near = model.exposedToShortRange;
    report.long_range_expected_new_cases = meanOfTemporary(
      longRangeNewCases(longRangeProbability, away, near),
    );
    const byExpiration = new Map<string, [number, number][]>();
    for (const sr of model.shortRange) {
      const name = sr.expiration.name ?? "";
      const spans = byExpiration.get(name) ?? [];
      spans.push(...boundaries(sr.presence).map(([a, b]) => [a, b] as [number, number]));
      byExpiration.set(name, spans);
    }
    report.short_range_interactions = [...byExpiration].map(([expiration, spans]) => ({
      expiration,
      presence_interval: spans,
    }));
    const formInteractions = form.shortRangeInteractions.flatMap((g) => g.interactions);
    report.concentrations_zoomed = times.map((t, k) => {
      const breathing = model.shortRange.some((sr, j) => {
        const [a, b] = boundaries(sr.presence)[0];
        return a <= t && t <= b && formInteractions[j]?.expiration === "Breathing";
      });
      return breathing ? curves.concentrations[k] : curves.longRangeConcentrations[k];
    });
    report.long_range_cumulative_doses = cumulativeSum(curves.longRangeDoses);
  }
  return report;
}

/**
 * New cases per sample (one value for a scalar probability) with every exposed person at
 * the long-range probability p (%): p/100 · away + p/100 · near.
 */
function longRangeNewCases(probability: Vec, away: number, near: number): Float64Array {
  const [p, step] = lane(probability);
  const out = isArray(probability) ? takeColumn(probability.length) : new Float64Array(1);
  for (let i = 0; i < out.length; i++) {
    out[i] = (p[i * step] / 100) * away + (p[i * step] / 100) * near;
  }
  return out;
}

/**
 * The mean of a column made for it alone, which is freed at once (so that the report's
 * later columns reuse its memory instead of growing the kernel's column heap).
 */
function meanOfTemporary(values: Vec): number {
  const value = mean(values);
  releaseColumn(values);
  return value;
}

function cumulativeSum(values: number[]): number[] {
  let total = 0;
  return values.map((v) => (total += v));
}
