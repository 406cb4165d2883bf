/**
 * Report data computed from the built models: the conditional probability of infection
 * given the viral load (`conditional_probability_data`) and the uncertainties figure
 * (`uncertainties_plot_src`, an SVG data URI).
 *
 * Reference: `calculator/report/virus_report_data.py` (CAiMIRA 4.19.0).
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
export { uncertaintiesPlot, uncertaintiesPlotSvg } from "./uncertainties_plot.ts";
export { SVG_DATA_URI_PREFIX, svgDataUri } from "./svg.ts";
export { MAX_SAMPLE_SIZE, virusReport, virusReportFromForm } from "./virus_report.ts";
export type { GroupReport, VirusReport, VirusReportOptions } from "./virus_report.ts";
export {
  fillBigGaps,
  interestingTimes,
  modelStartEnd,
  nonTemperatureTransitionTimes,
} from "./interesting_times.ts";
// The model type in the signatures above, re-exported so the documentation is complete.
export type { Vec } from "../model/vec.ts";
