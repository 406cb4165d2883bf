/**
 * Report data computed from the built models: the virus report (`virusReport`), the web
 * calculator's alternative scenarios and viral-load percentiles (`alternativeScenarios`,
 * `viralLoadPercentileProbabilities`), the conditional probability of infection given the viral load
 * (`conditional_probability_data`) and the uncertainties figure (`uncertainties_plot_src`,
 * an SVG data URI); the CO2 transition times (`co2TransitionTimes`: change points found
 * with scipy's `find_peaks` semantics) and the ventilation fit (`co2Report`: scipy's
 * Powell search, or bounded least squares).
 *
 * Reference: `calculator/report/virus_report_data.py`, `validators/co2/co2_validator.py`,
 * `models.CO2DataModel` (CAiMIRA 4.19.0).
 *
 * @example Usage
 * ```ts ignore
 * import { conditionalProbabilityData, uncertaintiesPlot } from "./mod.ts";
 *
 * const prob = exposureEvaluator(model).infectionProbability();
 * const viralLoad = model.concentrationModels[0].infected.virus.viralLoadInSputum;
 * const data = conditionalProbabilityData(viralLoad, prob);
 * const src = uncertaintiesPlot(prob, data);
 * ```
 *
 * @module
 */
export {
  CONDITIONAL_PROBABILITY_BINS,
  CONDITIONAL_PROBABILITY_MAX_LOG10_VL,
  CONDITIONAL_PROBABILITY_MIN_LOG10_VL,
  conditionalProbabilityByViralLoad,
  conditionalProbabilityData,
} from "./conditional_probability.ts";
export type {
  ConditionalProbabilityByViralLoad,
  ConditionalProbabilityData,
} from "./conditional_probability.ts";
export {
  uncertaintiesPlot,
  uncertaintiesPlotSvg,
  VIRAL_LOAD_HISTOGRAM,
} from "./uncertainties_plot.ts";
export type { UncertaintiesPlotInputs } from "./uncertainties_plot.ts";
export { SVG_DATA_URI_PREFIX, svgDataUri } from "./svg.ts";
export { virusReport, virusReportFromForm } from "./virus_report.ts";
export { chunkSizes, MAX_SAMPLE_SIZE, REPORT_CHUNK_SIZE } from "./report_chunks.ts";
export {
  alternativeScenarioForms,
  alternativeScenarios,
  CURRENT_SCENARIO,
  scenarioStatistics,
} from "./alternative_scenarios.ts";
export type {
  AlternativeScenarioForm,
  AlternativeScenarios,
  AlternativeScenariosContext,
  ScenarioStatistics,
} from "./alternative_scenarios.ts";
export {
  VIRAL_LOAD_PERCENTILES,
  viralLoadPercentileProbabilities,
} from "./viral_load_percentiles.ts";
export type { GroupReport, VirusReport, VirusReportOptions } from "./virus_report.ts";
export type { SampleArrays } from "./sample_output.ts";
export {
  fillBigGaps,
  interestingTimes,
  modelStartEnd,
  nonTemperatureTransitionTimes,
} from "./interesting_times.ts";
export {
  co2Report,
  co2ReportFromForm,
  co2TransitionTimes,
  co2TransitionTimesFromForm,
} from "./co2_report.ts";
export type { Co2Report, Co2ReportOptions, Co2TransitionTimes } from "./co2_report.ts";
export { fitCo2, REFERENCE_XTOL } from "./co2_fit.ts";
export type { Co2FitMethod, Co2FitOptions, Co2FitResult } from "./co2_fit.ts";
export { co2Plot, co2PlotSvg } from "./co2_plot.ts";
export type { Co2PlotData } from "./co2_plot.ts";
export {
  findChangePoints,
  MIN_PEAK_DISTANCE_MIN,
  MIN_VALLEY_WIDTH_MIN,
  PEAK_PROMINENCE_PPM,
  SMOOTHING_WINDOW_MIN,
  VALLEY_PROMINENCE_PPM,
} from "./change_points.ts";
export { findPeaks, localMaxima } from "./find_peaks.ts";
export type { FindPeaksOptions, Peak } from "./find_peaks.ts";
export { centeredRollingMean } from "./rolling_mean.ts";
export { minimizePowell, minimizeScalarBounded } from "./powell.ts";
export type { PowellOptions, PowellResult } from "./powell.ts";
export { boundedLeastSquares } from "./bounded_least_squares.ts";
export type {
  BoundedLeastSquaresOptions,
  BoundedLeastSquaresResult,
} from "./bounded_least_squares.ts";
// The model type in the signatures above, re-exported so the documentation is complete.
export type { Vec } from "../model/vec.ts";
