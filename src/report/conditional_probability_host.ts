/**
 * The report's `conditional_probability_data` from per-sample columns kept outside the
 * kernel, for reports of more samples than a chunk (src/report/report_chunks.ts): the
 * same bins, membership rule and statistics as {@link conditionalProbabilityData}
 * (src/report/conditional_probability.ts), with the samples of each bin gathered here in
 * sample order and the kernel given one bin at a time, so that its memory (which is never
 * returned) holds at most one bin's values instead of every sample.
 *
 * Reference: `manufacture_conditional_probability_data` and
 * `conditional_prob_inf_given_vl_dist` in `calculator/report/virus_report_data.py`
 * (CAiMIRA 4.19.0).
 *
 * @module
 */
import { arange, groupStatistics } from "./_numpy.ts";
import {
  CONDITIONAL_PROBABILITY_BINS,
  CONDITIONAL_PROBABILITY_MAX_LOG10_VL,
  CONDITIONAL_PROBABILITY_MIN_LOG10_VL,
  type ConditionalProbabilityData,
} from "./conditional_probability.ts";

/** The 5th and 95th percentiles, as quantiles (the reference's). */
const LOWER_QUANTILE = 0.05;
const UPPER_QUANTILE = 0.95;

/**
 * {@link ConditionalProbabilityData} of the samples' log10 viral loads and probabilities
 * (the same numbers as `conditionalProbabilityData(viralLoad, probability)`).
 *
 * A sample is in the bin of centre c when (c − step/2 − v)·(c + step/2 − v) < 0, as in the
 * reference; with centres a step apart only the bins within two of floor((v − 2)/step) can
 * hold it, so only those are tested (the test itself decides).
 *
 * @param log10ViralLoad log10 viral load of each sample, log10(RNA copies/mL) (kept as
 *   the report's `log10_vl_in_sputum`).
 * @param probability Probability of infection of each sample, %.
 * @returns The data, keys as in the reference's JSON.
 * @throws {RangeError} When the columns' lengths differ.
 * @example Usage
 * ```ts
 * import { conditionalProbabilityDataOfLog10 } from "./conditional_probability_host.ts";
 * const data = conditionalProbabilityDataOfLog10([6, 6.02], Float64Array.of(40, 60));
 * if (data.pi_means[50] !== 50) throw new Error("both in the bin centred on 6");
 * ```
 */
export function conditionalProbabilityDataOfLog10(
  log10ViralLoad: number[],
  probability: Float64Array,
): ConditionalProbabilityData {
  const n = probability.length;
  if (log10ViralLoad.length !== n) {
    throw new RangeError(`expected ${n} viral-load samples but found ${log10ViralLoad.length}`);
  }
  const min = CONDITIONAL_PROBABILITY_MIN_LOG10_VL;
  const max = CONDITIONAL_PROBABILITY_MAX_LOG10_VL;
  const bins = CONDITIONAL_PROBABILITY_BINS;
  const step = (max - min) / bins;
  const centres = arange(min, max, step);
  const lows = Float64Array.from(centres, (c) => c - step / 2);
  const highs = Float64Array.from(centres, (c) => c + step / 2);
  // Two passes: the size of each bin, then the samples' indices bin after bin (the
  // candidates of a sample: the bins within two of its guess, clipped to the bins).
  const starts = new Uint32Array(bins + 1);
  for (let i = 0; i < n; i++) {
    const v = log10ViralLoad[i];
    const guess = Math.floor((v - min) / step);
    const last = Math.min(bins - 1, guess + 2);
    for (let b = Math.max(0, guess - 2); b <= last; b++) {
      if ((lows[b] - v) * (highs[b] - v) < 0) starts[b + 1]++;
    }
  }
  for (let b = 0; b < bins; b++) starts[b + 1] += starts[b];
  const members = new Uint32Array(starts[bins]);
  const next = starts.slice(0, bins);
  for (let i = 0; i < n; i++) {
    const v = log10ViralLoad[i];
    const guess = Math.floor((v - min) / step);
    const last = Math.min(bins - 1, guess + 2);
    for (let b = Math.max(0, guess - 2); b <= last; b++) {
      if ((lows[b] - v) * (highs[b] - v) < 0) members[next[b]++] = i;
    }
  }
  const piMeans: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (let b = 0; b < bins; b++) {
    const values = new Float64Array(starts[b + 1] - starts[b]);
    for (let k = 0; k < values.length; k++) values[k] = probability[members[starts[b] + k]];
    const stats = groupStatistics([values], LOWER_QUANTILE, UPPER_QUANTILE);
    piMeans.push(stats.means[0]);
    lower.push(stats.lower[0]);
    upper.push(stats.upper[0]);
  }
  return {
    viral_loads: centres,
    pi_means: piMeans,
    lower_percentiles: lower,
    upper_percentiles: upper,
    log10_vl_in_sputum: log10ViralLoad,
  };
}
