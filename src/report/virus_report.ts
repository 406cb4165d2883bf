/**
 * The virus report: from a `/virus/report` body to the reference's report data
 * (`virus_report_data.calculate_report_data`), with a seed for reproducible runs.
 *
 * @module
 */
import { assertFiniteResults, NonFiniteResultError } from "./finite_results.ts";
import { checkOptions, type OptionKind } from "../options.ts";
import { buildVirusModels } from "../forms/build_virus_models.ts";
import { parseVirusForm } from "../forms/parse_virus_form.ts";
import type { VirusForm } from "../forms/virus_form.ts";
import { withKernelComputation } from "../kernel/shared.ts";
import { concentrationEvaluator, normalizationFactor } from "../model/concentration.ts";
import {
  type ExposureEvaluator,
  type ExposureModel,
  totalProbabilityRebuilds,
} from "../model/exposure.ts";
import { boundaries } from "../model/interval.ts";
import { presenceInterval } from "../model/population.ts";
import { doubleArray, isArray, lane, mean, sampleCount, type Vec } from "../model/vec.ts";
import { releaseColumn, takeColumn, withColumnArena } from "../kernel/column_arena.ts";
import { log10Into } from "../kernel/columns.ts";
import type { Kernel } from "../kernel/kernel.ts";
import { log10C } from "../kernel/libm.ts";
import { meanNewCases } from "../kernel/statistics.ts";
import { createKernelRng, type Rng } from "../montecarlo/rng.ts";
import { histogram, sampleStatistics } from "../montecarlo/statistics.ts";
import { hostHistogram } from "../montecarlo/host_histogram.ts";
import { type DataRegistry, DEFAULT_REGISTRY } from "../registry/defaults.ts";
import type { Climatology } from "../weather/climatology.ts";
import type { WeatherDataset } from "../weather/dataset.ts";
import { type AlternativeScenarios, alternativeScenarios } from "./alternative_scenarios.ts";
import type { OutdoorTemperatureSource } from "../weather/outdoor_temperature_source.ts";
import {
  type ConditionalProbabilityData,
  conditionalProbabilityWithHistogram,
} from "./conditional_probability.ts";
import { conditionalProbabilityDataOfLog10 } from "./conditional_probability_host.ts";
import { chunkSizes, MAX_SAMPLE_SIZE, REPORT_CHUNK_SIZE } from "./report_chunks.ts";
import {
  type MeanStdPart,
  mergeMeanStd,
  weightedMean,
  weightedMeanCurve,
} from "./streaming_statistics.ts";
import { type SampleArrays, sampleOutput } from "./sample_output.ts";
import { evaluatorsSpendingSamples, releaseSpentSamples, sampleColumns } from "./spent_samples.ts";
import { interestingTimes } from "./interesting_times.ts";
import { uncertaintiesPlot, VIRAL_LOAD_HISTOGRAM } from "./uncertainties_plot.ts";
import { viralLoadPercentileProbabilities } from "./viral_load_percentiles.ts";
import { createEvaluationCache } from "../model/evaluation_cache.ts";
import { type ExposureCurves, exposureCurves } from "../model/exposure_curves.ts";

/** What each of {@link VirusReportOptions} may hold (checked by `checkOptions`). */
const VIRUS_REPORT_OPTIONS: Readonly<Record<keyof VirusReportOptions, OptionKind>> = {
  seed: "number",
  sampleSize: "number",
  probDist: "boolean",
  registry: "object",
  weather: "object",
  climatology: {
    test: (v) => v === false || (v !== null && typeof v === "object"),
    expected: "a climatology or false",
  },
  year: "number",
  alternativeScenarios: "boolean",
  sampleArrays: ["array", "float64", "kernel"],
};

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
   * Monte Carlo sample size N, an integer in 1..{@link MAX_SAMPLE_SIZE} (10,000,000).
   *
   * Up to {@link REPORT_CHUNK_SIZE} (250,000) samples the report is computed in one pass,
   * and a seeded report is the reference's. Above, it is computed in chunks of
   * {@link REPORT_CHUNK_SIZE} samples drawn one after the other on the seeded generator
   * (reproducible from the seed and N, but not the reference's single pass), and the
   * chunks' statistics are merged (weighted means, pooled standard deviation; the rules
   * are in src/report/report_chunks.ts). `alternative_viral_load` is then unavailable (a
   * RangeError).
   *
   * Cost, measured on a 2-core machine (`deno task bench`, the sample-size curve): time
   * linear in N, about 0.25 s per million samples for a one-group report (s1) and 0.4 s
   * with conditional probability (s6), plus the per-sample output with `probDist`; memory:
   * one chunk in the kernel (20–42 MB, reused from chunk to chunk) plus 8 bytes per sample
   * and group (the probabilities, kept for the histogram), about 8 more per sample with
   * conditional probability (`log10_vl_in_sputum`) and 8–20 more with `probDist` (the
   * output array). At 10,000,000 samples without `probDist` a report of s1 peaks at
   * about 195 MB in a fresh process, of s6 at about 350 MB.
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
   * at the viral-load percentiles; unavailable above {@link REPORT_CHUNK_SIZE} samples,
   * a RangeError).
   *
   * @default {false}
   */
  readonly alternativeScenarios?: boolean;
  /**
   * How the per-sample outputs (`prob_dist`, and `log10_vl_in_sputum` of
   * `conditional_probability_data`; N numbers per group each) are handed out: `"array"`
   * (`number[]`), `"float64"` (`Float64Array`: 8 bytes per sample, no JavaScript array of
   * N numbers), or `"kernel"` (`Float64Array` in the kernel's memory, which the caller
   * frees with `releaseSampleOutputs` once it has written them out: the server, whose
   * JSON writer formats them in the kernel; see src/report/sample_output.ts).
   *
   * @default {"array"}
   */
  readonly sampleArrays?: SampleArrays;
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
 * @throws {RangeError} On an invalid seed or sample size, or when a registry given takes
 *   the model beyond finite numbers.
 * @throws {TypeError} On an unknown option or one of the wrong kind.
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
  checkOptions(options, VIRUS_REPORT_OPTIONS, "virusReport");
  // The registry's activity presets and viruses are what the form may name.
  const form = parseVirusForm(body, { registry: options.registry });
  return reportOf(form, options);
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
 *
 * @throws {RangeError} On an invalid seed or sample size, or when a registry given takes
 *   the model beyond finite numbers.
 * @throws {TypeError} On an unknown option or one of the wrong kind.
 */
export function virusReportFromForm(
  form: VirusForm,
  options: VirusReportOptions = {},
): VirusReport {
  checkOptions(options, VIRUS_REPORT_OPTIONS, "virusReportFromForm");
  return reportOf(form, options);
}

/** {@link virusReportFromForm} once its options are checked. */
function reportOf(form: VirusForm, options: VirusReportOptions): VirusReport {
  const report = virusReportInChunks(form, options, REPORT_CHUNK_SIZE);
  if (options.registry !== undefined && options.registry !== DEFAULT_REGISTRY) {
    // A registry's values are only checked one by one: together they can take the model
    // beyond finite numbers (e.g. a breathing rate of e^1000 m³/h).
    try {
      assertFiniteResults(report);
    } catch (error) {
      if (!(error instanceof NonFiniteResultError)) throw error;
      throw new RangeError(
        `${error.message}: the registry given takes the model beyond finite numbers (check ` +
          "its distributions' parameters)",
      );
    }
  }
  return report;
}

/**
 * {@link virusReportFromForm} with another chunk size (for tests of the chunk merge: the
 * library always uses {@link REPORT_CHUNK_SIZE}).
 *
 * @param form The parsed form.
 * @param options Seed, sample size, weather.
 * @param chunkSize Largest number of samples computed at once.
 * @returns The report data.
 * @throws {RangeError} On an invalid seed, sample size or chunk size, or a field that a
 *   report of more samples than a chunk cannot give (`alternative_viral_load`).
 */
export function virusReportInChunks(
  form: VirusForm,
  options: VirusReportOptions,
  chunkSize: number,
): VirusReport {
  const registry = options.registry ?? DEFAULT_REGISTRY;
  const seed = options.seed ?? crypto.getRandomValues(new Uint32Array(1))[0];
  const sampleSize = options.sampleSize ?? registry.monteCarlo.sampleSize;
  if (!Number.isInteger(sampleSize) || sampleSize < 1 || sampleSize > MAX_SAMPLE_SIZE) {
    throw new RangeError(`expected a sample size in 1..${MAX_SAMPLE_SIZE} but found ${sampleSize}`);
  }
  const chunks = chunkSizes(sampleSize, chunkSize);
  if (chunks.length > 1 && options.alternativeScenarios && form.conditionalProbabilityViralLoads) {
    throw new RangeError(
      `alternative_viral_load: the viral-load percentiles need every sample at once, so they ` +
        `are available up to ${chunkSize} samples but ${sampleSize} were asked for`,
    );
  }
  // One kernel computation: the generator's state lives in the kernel's memory; each
  // chunk's samples and intermediate columns are freed when the chunk is done (the report
  // holds copies).
  return withKernelComputation((kernel) =>
    report(form, registry, createKernelRng(seed, kernel), kernel, chunks, {
      ...options,
      seed,
      sampleSize,
    })
  );
}

/** What the report takes from its first chunk: what does not depend on the samples. */
interface ReportLayout {
  readonly times: number[];
  readonly model: string;
  readonly outdoorTemperatureSource?: OutdoorTemperatureSource;
  readonly groups: readonly GroupLayout[];
}

/** The sample-independent parts of one group's report. */
interface GroupLayout {
  readonly identifier: string;
  readonly exposedPresenceIntervals: number[][];
  /** With short-range interactions: the interactions by expiration, and which times are breathing. */
  readonly shortRange?: {
    readonly interactions: { expiration: string; presence_interval: [number, number][] }[];
    readonly breathing: boolean[];
  };
  readonly conditional: boolean;
  readonly probabilisticExposure: boolean;
}

/** What one chunk gives for one group (sample means and its statistics). */
interface GroupChunk {
  readonly stats: MeanStdPart;
  readonly expectedNewCases: number;
  readonly curves: ExposureCurves;
  readonly longRangeProb?: number;
  readonly longRangeExpectedNewCases?: number;
  /** Of a report of one chunk: the conditional probability data (computed in the chunk). */
  readonly conditionalData?: ConditionalProbabilityData;
  /** With {@link GroupChunk.conditionalData}: the figure's viral-load histogram counts. */
  readonly viralLoadCounts?: number[];
}

/**
 * Per group, the whole sample's per-sample columns: with one chunk the chunk's own
 * (in the kernel, used in place); above, kept outside the kernel.
 */
interface GroupColumns {
  /** Probability of infection of every sample, %. */
  readonly probability: Float64Array;
  /** log10 viral load of every sample (with conditional probability, above one chunk). */
  readonly log10ViralLoad?: number[];
}

function report(
  form: VirusForm,
  registry: DataRegistry,
  rng: Rng,
  kernel: Kernel,
  chunks: readonly number[],
  options: VirusReportOptions & { seed: number; sampleSize: number },
): VirusReport {
  const { seed, sampleSize } = options;
  const sampleArrays = options.sampleArrays ?? "array";
  let layout: ReportLayout | undefined;
  const parts: GroupChunk[][] = [];
  const columns: GroupColumns[] = [];
  const co2Curves: number[][] = [];
  /** Per chunk, the means the total probability rule combines (per group). */
  const totalProbabilityMeans: number[][][] = [];
  const totalProbability: (number | undefined)[] = [];
  let viralLoadPercentiles: Record<string, number> | undefined;
  const groups: Record<string, GroupReport> = {};
  let offset = 0;
  chunks.forEach((size, k) =>
    withColumnArena(() => {
      const models = buildVirusModels(form, {
        registry,
        rng,
        sampleSize: size,
        weather: options.weather,
        climatology: options.climatology,
        year: options.year,
        reportRatesOnly: true,
      });
      layout ??= reportLayout(form, registry, models.exposureModels, sampleSize, models);
      const { times } = layout;
      // The CO2 curve first (it draws nothing), in an arena and a cache of its own: its
      // columns go back to the kernel before the groups are evaluated, so that the two
      // are never in memory together.
      co2Curves.push(withColumnArena(() => {
        // Its normalisation (the CO2 exhaled per person) is all it reads of its own draws
        // (the exposed's exhalation rates): they go back before its other columns are made.
        const normalization = normalizationFactor(models.co2Model);
        releaseSpentSamples(models.co2Model, sampleColumns(models.exposureModels));
        const co2 = concentrationEvaluator(models.co2Model, { normalization }, {
          cache: createEvaluationCache(),
        });
        const co2Sums = co2.batch({ times, weights: [co2.normalization] }).sums[0];
        const co2Samples = sampleCount(co2.normalization);
        return Array.from(co2Sums, (s) => s / co2Samples);
      }, kernel));
      // The draws go back to the kernel as soon as nothing will read them, unless
      // something builds new models of them (the viral-load percentiles, and the total
      // probability rule with short range or a background).
      const rebuilt = (options.alternativeScenarios && form.conditionalProbabilityViralLoads) ||
        layout.groups.some((group, g) =>
          group.probabilisticExposure && totalProbabilityRebuilds(models.exposureModels[g])
        );
      const evaluators = evaluatorsSpendingSamples(models.exposureModels, {
        // One cache for the evaluators of every group: their models share columns.
        cache: createEvaluationCache(),
        keepViralLoads: form.conditionalProbabilityViralLoads,
        free: !rebuilt,
      });
      evaluators.forEach((ev, g) => {
        const group = layout!.groups[g];
        if (chunks.length === 1) {
          // One chunk: the whole sample is the chunk's (its columns, used in place).
          (parts[g] ??= []).push(groupChunk(ev, times, group, sampleArrays));
          columns[g] = { probability: ev.infectionProbability() as Float64Array };
        } else {
          columns[g] ??= {
            probability: new Float64Array(sampleSize),
            ...(group.conditional ? { log10ViralLoad: doubleArray(sampleSize) } : {}),
          };
          (parts[g] ??= []).push(
            groupChunk(ev, times, group, sampleArrays, { columns: columns[g], offset }),
          );
        }
        if (group.probabilisticExposure) {
          (totalProbabilityMeans[g] ??= []).push(ev.meanProbabilitiesByInfectedNumber());
          // Combined once, on the last chunk, from the means merged over the chunks.
          if (k === chunks.length - 1) {
            totalProbability[g] = ev.totalProbabilityRule(
              mergedMeans(totalProbabilityMeans[g], chunks),
            );
          }
        }
      });
      // Refused above one chunk (see virusReportInChunks); no draws.
      if (options.alternativeScenarios && form.conditionalProbabilityViralLoads) {
        viralLoadPercentiles = viralLoadPercentileProbabilities(evaluators[0]);
      }
      offset += size;
      if (k < chunks.length - 1) return;
      // The groups' reports, in the last chunk (with one chunk, its columns are the
      // whole sample's); they hold copies only.
      layout.groups.forEach((group, g) => {
        groups[group.identifier] = groupReport(
          group,
          parts[g],
          columns[g],
          chunks,
          times,
          options.probDist ?? true,
          sampleArrays,
          totalProbability[g],
        );
      });
    }, kernel)
  );
  const { times } = layout!;
  const result: VirusReport = {
    times,
    CO2_concentrations: weightedMeanCurve(co2Curves, chunks),
    groups,
    seed,
    model: layout!.model,
    ...(layout!.outdoorTemperatureSource === undefined
      ? {}
      : { outdoor_temperature_source: layout!.outdoorTemperatureSource }),
  };
  if (!options.alternativeScenarios) return result;
  // The web calculator's comparisons, after every draw of the report (CO2 model included).
  const first = groups[layout!.groups[0].identifier];
  return {
    ...result,
    ...(form.occupancy.length === 0
      ? {
        alternative_scenarios: alternativeScenarios({
          form,
          registry,
          rng,
          sampleSize,
          chunks,
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
    ...(viralLoadPercentiles !== undefined ? { alternative_viral_load: viralLoadPercentiles } : {}),
  };
}

/** Per number of infected, the chunks' means weighted by their sizes. */
function mergedMeans(perChunk: readonly number[][], chunks: readonly number[]): number[] {
  return weightedMeanCurve(perChunk, chunks.slice(0, perChunk.length));
}

function reportLayout(
  form: VirusForm,
  registry: DataRegistry,
  models: readonly ExposureModel[],
  sampleSize: number,
  built: { outdoorTemperatureSource?: OutdoorTemperatureSource },
): ReportLayout {
  const times = interestingTimes(models);
  const virusData = registry.virologicalData.virusDistributions[form.virusType];
  const conditional = form.conditionalProbabilityViralLoads &&
    virusData.viralLoadInSputum === "covidOverallVlData";
  const formInteractions = form.shortRangeInteractions.flatMap((g) => g.interactions);
  return {
    times,
    model: describe(form, models, sampleSize),
    ...(built.outdoorTemperatureSource === undefined
      ? {}
      : { outdoorTemperatureSource: built.outdoorTemperatureSource }),
    groups: models.map((model) => {
      const byExpiration = new Map<string, [number, number][]>();
      for (const sr of model.shortRange) {
        const name = sr.expiration.name ?? "";
        const spans = byExpiration.get(name) ?? [];
        spans.push(...boundaries(sr.presence).map(([a, b]) => [a, b] as [number, number]));
        byExpiration.set(name, spans);
      }
      return {
        identifier: model.identifier,
        exposedPresenceIntervals: boundaries(presenceInterval(model.exposed)).map((
          [a, b],
        ) => [a, b]),
        ...(model.shortRange.length > 0
          ? {
            shortRange: {
              interactions: [...byExpiration].map(([expiration, spans]) => ({
                expiration,
                presence_interval: spans,
              })),
              breathing: times.map((t) =>
                model.shortRange.some((sr, j) => {
                  const [a, b] = boundaries(sr.presence)[0];
                  return a <= t && t <= b && formInteractions[j]?.expiration === "Breathing";
                })
              ),
            },
          }
          : {}),
        conditional,
        probabilisticExposure: form.exposureOption === "p_probabilistic_exposure",
      };
    }),
  };
}

function describe(form: VirusForm, models: readonly ExposureModel[], n: number): string {
  return `ExposureModelGroup(${
    models.map((m) => m.identifier).join(", ")
  }; virus ${form.virusType}; ` +
    `activity ${form.activityType}; ventilation ${form.ventilationType}; samples ${n})`;
}

/**
 * One chunk of one group: its statistics and means; of a report of several chunks
 * (`into`), its probabilities (and log10 viral loads) copied into the group's columns at
 * the chunk's offset.
 */
function groupChunk(
  ev: ExposureEvaluator,
  times: number[],
  group: GroupLayout,
  sampleArrays: SampleArrays,
  into?: { columns: GroupColumns; offset: number },
): GroupChunk {
  const model = ev.model;
  // The curves before the probabilities: their temporary weight columns are then never in
  // memory with the probabilities' (the same numbers in either order).
  const curves = exposureCurves(ev, times);
  const prob = ev.infectionProbability() as Float64Array;
  into?.columns.probability.set(prob, into.offset);
  const stats = sampleStatistics(prob);
  const expectedNewCases = ev.meanExpectedNewCases();
  let conditionalData: ConditionalProbabilityData | undefined;
  let viralLoadCounts: number[] | undefined;
  if (group.conditional) {
    const viralLoad = model.concentrationModels[0].infected.virus.viralLoadInSputum;
    if (into === undefined) {
      ({ data: conditionalData, viralLoadCounts } = conditionalProbabilityWithHistogram(
        viralLoad,
        prob,
        VIRAL_LOAD_HISTOGRAM,
        sampleArrays,
      ));
    } else {
      const log10 = takeColumn(prob.length);
      if (typeof viralLoad === "number") log10.fill(log10C(viralLoad));
      else log10Into(viralLoad, log10);
      const out = into.columns.log10ViralLoad!;
      for (let i = 0; i < log10.length; i++) out[into.offset + i] = log10[i];
    }
  }
  if (model.shortRange.length === 0) {
    return {
      stats: { n: prob.length, ...stats },
      expectedNewCases,
      curves,
      conditionalData,
      viralLoadCounts,
    };
  }
  // The same model without its interactions: probability from the long-range dose,
  // and new cases with every exposed person at that probability.
  const longRangeProbability = ev.infectionProbability(false);
  const exposedNumber = model.exposed.number as number;
  const away = exposedNumber - model.exposedToShortRange;
  const near = model.exposedToShortRange;
  return {
    stats: { n: prob.length, ...stats },
    expectedNewCases,
    curves,
    conditionalData,
    viralLoadCounts,
    longRangeProb: mean(longRangeProbability),
    longRangeExpectedNewCases: meanLongRangeNewCases(longRangeProbability, away, near),
  };
}

/** A group's report from its chunks (field order as the reference's). */
function groupReport(
  group: GroupLayout,
  parts: readonly GroupChunk[],
  columns: GroupColumns,
  chunks: readonly number[],
  times: number[],
  withDist: boolean,
  sampleArrays: SampleArrays,
  totalProbability: number | undefined,
): GroupReport {
  const prob = columns.probability;
  const stats = mergeMeanStd(parts.map((p) => p.stats));
  // Above one chunk, binned outside the kernel (whose memory then holds one chunk only).
  const h = parts.length === 1 ? histogram(prob, 100, 100) : hostHistogram(prob, 100, 100);
  const n = prob.length;
  const report: GroupReport = {
    prob_inf: stats.mean,
    prob_inf_sd: stats.std,
    ...(withDist ? { prob_dist: sampleOutput(prob, sampleArrays) } : {}),
    prob_hist_count: Array.from(h.counts, (c, i) => c / (h.edges[i + 1] - h.edges[i]) / n),
    prob_hist_bins: Array.from(h.edges),
    expected_new_cases: weightedMean(parts.map((p) => p.expectedNewCases), chunks),
    exposed_presence_intervals: group.exposedPresenceIntervals,
  };
  if (group.conditional) {
    const data = parts.length === 1
      ? parts[0].conditionalData!
      : conditionalProbabilityDataOfLog10(columns.log10ViralLoad!, prob);
    report.conditional_probability_data = data;
    // What the figure takes from the report: its mean label is the report's prob_inf.
    report.uncertainties_plot_src = uncertaintiesPlot(prob, data, {
      viralLoadCounts: parts.length === 1 ? parts[0].viralLoadCounts : undefined,
      meanProbability: stats.mean,
    });
  }
  if (totalProbability !== undefined) report.prob_probabilistic_exposure = totalProbability;
  const curve = (pick: (c: ExposureCurves) => number[]) =>
    weightedMeanCurve(parts.map((p) => pick(p.curves)), chunks);
  const concentrations = curve((c) => c.concentrations);
  report.concentrations = concentrations;
  report.cumulative_doses = cumulativeSum(curve((c) => c.doses));
  if (group.shortRange !== undefined) {
    report.long_range_prob = weightedMean(parts.map((p) => p.longRangeProb!), chunks);
    report.long_range_expected_new_cases = weightedMean(
      parts.map((p) => p.longRangeExpectedNewCases!),
      chunks,
    );
    report.short_range_interactions = group.shortRange.interactions;
    const longRange = curve((c) => c.longRangeConcentrations);
    report.concentrations_zoomed = times.map((_, k) =>
      group.shortRange!.breathing[k] ? concentrations[k] : longRange[k]
    );
    report.long_range_cumulative_doses = cumulativeSum(curve((c) => c.longRangeDoses));
  }
  return report;
}

/**
 * The sample mean of {@link longRangeNewCases}, summed in the kernel without the column
 * when the probabilities are there.
 */
function meanLongRangeNewCases(probability: Vec, away: number, near: number): number {
  const inKernel = isArray(probability)
    ? meanNewCases(probability, probability, away, near)
    : undefined;
  return inKernel ?? meanOfTemporary(longRangeNewCases(probability, away, near));
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

function cumulativeSum(values: number[]): number[] {
  let total = 0;
  return values.map((v) => (total += v));
}

/** The mean of a column only needed for it, which is then returned to the arena. */
function meanOfTemporary(values: Vec): number {
  const value = mean(values);
  releaseColumn(values);
  return value;
}
