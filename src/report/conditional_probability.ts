/**
 * Probability of infection conditional on the infected person's viral load: the
 * Monte Carlo samples are grouped by the log10 viral load of the infected (bins of width
 * 0.08 centred on 2, 2.08, …, 9.92) and each bin reports the mean and the 5th and 95th
 * percentiles of the per-sample probability of infection.
 *
 * Reference: `manufacture_conditional_probability_data` and
 * `conditional_prob_inf_given_vl_dist` in `calculator/report/virus_report_data.py`
 * (CAiMIRA 4.19.0); the figure they feed is `uncertaintiesPlot`.
 *
 * @module
 */
import { log10Into } from "../kernel/columns.ts";
import { log10C } from "../kernel/libm.ts";
import { binQuantiles, type RangeBins } from "../kernel/statistics.ts";
import { takeColumn } from "../kernel/column_arena.ts";
import type { Vec } from "../model/vec.ts";
import { arange, type GroupStatistics, groupStatistics } from "./_numpy.ts";
import { type SampleArrays, sampleOutput } from "./sample_output.ts";

/** Smallest bin centre of log10 viral load, log10(RNA copies/mL). */
export const CONDITIONAL_PROBABILITY_MIN_LOG10_VL = 2;
/** The bin centres stop before this log10 viral load, log10(RNA copies/mL). */
export const CONDITIONAL_PROBABILITY_MAX_LOG10_VL = 10;
/** Number of viral-load bins. */
export const CONDITIONAL_PROBABILITY_BINS = 100;
/** The percentiles reported per bin, as quantiles. */
const LOWER_QUANTILE = 0.05;
const UPPER_QUANTILE = 0.95;

/**
 * The report's `conditional_probability_data` (keys as in the reference's JSON).
 * Probabilities are in %, viral loads in log10(RNA copies/mL).
 */
export interface ConditionalProbabilityData {
  /** Bin centres of log10 viral load (`np.arange(2, 10, 0.08)`, 100 values). */
  readonly viral_loads: number[];
  /** Mean probability of infection of the samples in each bin, % (NaN for an empty bin). */
  readonly pi_means: number[];
  /** 5th percentile of the probability of infection in each bin, % (NaN for an empty bin). */
  readonly lower_percentiles: number[];
  /** 95th percentile of the probability of infection in each bin, % (NaN for an empty bin). */
  readonly upper_percentiles: number[];
  /**
   * log10 of the infected person's viral load, one value per sample, log10(RNA copies/mL)
   * (a `Float64Array` with the report option `sampleArrays: "float64"`).
   */
  readonly log10_vl_in_sputum: number[] | Float64Array;
}

/** Per-bin statistics of the probability of infection (see {@link conditionalProbabilityByViralLoad}). */
export interface ConditionalProbabilityByViralLoad {
  /** Mean per bin, in the unit of the probabilities (NaN for an empty bin). */
  readonly piMeans: number[];
  /** 5th percentile per bin (numpy's linear method; NaN for an empty bin). */
  readonly lowerPercentiles: number[];
  /** 95th percentile per bin (numpy's linear method; NaN for an empty bin). */
  readonly upperPercentiles: number[];
}

/** A Vec as an array of n values (a scalar is repeated, numpy broadcasting). */
function column(v: Vec, n: number, what: string): Float64Array {
  if (typeof v === "number") return new Float64Array(n).fill(v);
  if (v.length !== n) {
    throw new RangeError(`expected ${n} values of ${what} but found ${v.length}`);
  }
  return v;
}

/**
 * Mean and 5th/95th percentiles of the probability of infection among the samples
 * whose log10 viral load lies strictly inside each bin [centre − step/2, centre + step/2].
 *
 * A sample belongs to a bin when (c − step/2 − v)·(c + step/2 − v) < 0, evaluated in that
 * order as the reference does, so samples on a bin edge fall in no bin (and the rounding
 * decides for samples within an ulp of an edge exactly as the reference's). The mean
 * sums the bin's samples in sample order with numpy's pairwise summation; the
 * percentiles use numpy's default linear interpolation. An empty bin gives NaN for all
 * three (the reference's numpy 1.24 gives NaN for the mean but raises `IndexError` for the
 * percentiles, which fails the whole report).
 *
 * @param probability Probability of infection per sample (any unit; the results share it).
 * @param binCentres Bin centres, log10 viral load.
 * @param log10ViralLoad log10 viral load per sample (a scalar applies to every sample).
 * @param step Bin width, log10 units.
 * @returns The statistics, one value per bin.
 * @throws {RangeError} When `probability` and `log10ViralLoad` have different lengths.
 */
export function conditionalProbabilityByViralLoad(
  probability: Vec,
  binCentres: readonly number[],
  log10ViralLoad: Vec,
  step: number,
): ConditionalProbabilityByViralLoad {
  const n = typeof probability === "number"
    ? (typeof log10ViralLoad === "number" ? 1 : log10ViralLoad.length)
    : probability.length;
  const p = column(probability, n, "probability");
  const vl = column(log10ViralLoad, n, "log10 viral load");
  // np.mean of an empty selection is 0/0 = NaN, like the statistics' mean.
  const stats = binStatistics(binCentres, vl, p, step / 2, step);
  return { piMeans: stats.means, lowerPercentiles: stats.lower, upperPercentiles: stats.upper };
}

/**
 * The mean and 5th/95th percentiles ({@link groupStatistics}) of the values of `p` of the
 * samples of each bin, taken in sample order: the samples with (c − h − v)·(c + h − v) < 0.
 * With increasing centres at least `step` apart only the bin of the last centre <= v and
 * its two neighbours can hold v (the others are more than half a step away, far beyond
 * rounding), so each sample is tested against three bins; otherwise against every bin.
 */
function binStatistics(
  centres: readonly number[],
  vl: Float64Array,
  p: Float64Array,
  h: number,
  step: number,
  range?: RangeBins,
): GroupStatistics & { rangeCounts?: number[] } {
  const bins = centres.length;
  const n = vl.length;
  const lows = Float64Array.from(centres, (c) => c - h);
  const highs = Float64Array.from(centres, (c) => c + h);
  let spaced = true;
  for (let b = 1; b < bins && spaced; b++) spaced = centres[b] - centres[b - 1] >= step;
  if (!spaced) {
    // Any layout: every bin is a candidate (one pass per bin keeps sample order).
    const values: Float64Array[] = [];
    for (let b = 0; b < bins; b++) {
      let count = 0;
      for (let i = 0; i < n; i++) if ((lows[b] - vl[i]) * (highs[b] - vl[i]) < 0) count++;
      const list = takeColumn(count);
      let k = 0;
      for (let i = 0; i < n; i++) if ((lows[b] - vl[i]) * (highs[b] - vl[i]) < 0) list[k++] = p[i];
      values.push(list);
    }
    const stats = groupStatistics(values, LOWER_QUANTILE, UPPER_QUANTILE);
    return range === undefined ? stats : { ...stats, rangeCounts: countInRange(vl, range) };
  }
  // In the kernel (asm/bin_membership.ts): the first candidate bin of each sample (the
  // bin of the last centre <= v, less two) and a bit per candidate that holds it, then
  // the values of each bin gathered in sample order, bin after bin.
  return binQuantiles(vl, p, centres, lows, highs, LOWER_QUANTILE, UPPER_QUANTILE, {
    rangeCounts: range,
  });
}

/** The values of `v` counted in equal bins over a range (see `RangeBins`). */
function countInRange(v: Float64Array, { lo, hi, bins }: RangeBins): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x >= lo && x <= hi) counts[Math.min(bins - 1, Math.floor(((x - lo) / (hi - lo)) * bins))]++;
  }
  return counts;
}

/**
 * The report's `conditional_probability_data` of one exposure model: the probability
 * of infection per viral-load bin (centres `np.arange(2, 10, 0.08)`, width 0.08 in log10
 * units) and the log10 viral load of every sample.
 *
 * The viral load is the infected's, `model.concentrationModels[0].infected.virus
 * .viralLoadInSputum` (all infected of one exposure model carry the same virus). The
 * reference computes this only when the virus's viral load follows the `COVID_OVERALL`
 * distribution; with a single (scalar) viral load every sample falls in the same bin and
 * the per-sample list repeats that value.
 *
 * @param viralLoadInSputum Viral load of the infected per sample, RNA copies/mL.
 * @param probability Probability of infection per sample, % (for the model above,
 *   `exposureEvaluator(model).infectionProbability()`).
 * @returns The data, keys as in the reference's JSON.
 * @throws {RangeError} When the two arguments have different sample counts.
 *
 * @example Usage
 * ```ts
 * import { conditionalProbabilityData } from "./conditional_probability.ts";
 *
 * const viralLoad = Float64Array.of(1e3, 2e3, 1e6, 1.05e6);
 * const probability = Float64Array.of(1, 3, 40, 60);
 * const data = conditionalProbabilityData(viralLoad, probability);
 * if (data.viral_loads.length !== 100) throw new Error("100 bins");
 * // log10(1e6) = 6 and log10(1.05e6) ≈ 6.02 both fall in the bin centred on 6.0000000000000036.
 * if (data.pi_means[50] !== 50) throw new Error("mean of 40 % and 60 %");
 * if (!Number.isNaN(data.pi_means[0])) throw new Error("empty bin");
 * ```
 */
export function conditionalProbabilityData(
  viralLoadInSputum: Vec,
  probability: Vec,
): ConditionalProbabilityData {
  return conditionalProbabilityWithHistogram(viralLoadInSputum, probability).data;
}

/**
 * {@link conditionalProbabilityData} and, in the same pass over the samples, the counts
 * of their log10 viral loads in equal bins over a range (the uncertainties figure's
 * histogram, `uncertaintiesPlot`'s `viralLoadCounts`).
 *
 * @param viralLoadInSputum Viral load of the infected per sample, RNA copies/mL.
 * @param probability Probability of infection per sample, %.
 * @param histogram The equal bins of log10 viral load to count the samples in
 *   (a value lo <= v <= hi goes to bin min(bins − 1, floor((v − lo) / (hi − lo) · bins))).
 * @param sampleArrays How `log10_vl_in_sputum` is handed out (`number[]` by default).
 * @returns The data, and the counts when `histogram` is given.
 * @throws {RangeError} When the two arguments have different sample counts.
 *
 * @example Usage
 * ```ts
 * import { conditionalProbabilityWithHistogram } from "./conditional_probability.ts";
 *
 * const { data, viralLoadCounts } = conditionalProbabilityWithHistogram(
 *   Float64Array.of(1e3, 2e3, 1e6),
 *   Float64Array.of(1, 3, 40),
 *   { lo: 2, hi: 10, bins: 8 },
 * );
 * if (data.viral_loads.length !== 100) throw new Error("100 bins");
 * if (viralLoadCounts?.join() !== "0,2,0,0,1,0,0,0") throw new Error("log10 3, 3.3 and 6");
 * ```
 */
export function conditionalProbabilityWithHistogram(
  viralLoadInSputum: Vec,
  probability: Vec,
  histogram?: RangeBins,
  sampleArrays: SampleArrays = "array",
): { data: ConditionalProbabilityData; viralLoadCounts?: number[] } {
  const min = CONDITIONAL_PROBABILITY_MIN_LOG10_VL;
  const max = CONDITIONAL_PROBABILITY_MAX_LOG10_VL;
  const step = (max - min) / CONDITIONAL_PROBABILITY_BINS;
  const viralLoads = arange(min, max, step);
  const n = typeof probability === "number"
    ? (typeof viralLoadInSputum === "number" ? 1 : viralLoadInSputum.length)
    : probability.length;
  const log10Vl = takeColumn(n);
  if (typeof viralLoadInSputum === "number") {
    log10Vl.fill(log10C(viralLoadInSputum));
  } else {
    if (viralLoadInSputum.length !== n) {
      throw new RangeError(
        `expected ${n} viral-load samples but found ${viralLoadInSputum.length}`,
      );
    }
    // glibc's log10 (numpy's), in the kernel: V8's Math.log10 differs in ~1 result in 1,400.
    log10Into(viralLoadInSputum, log10Vl);
  }
  const p = column(probability, n, "probability");
  // np.mean of an empty selection is 0/0 = NaN, like the statistics' mean.
  const stats = binStatistics(viralLoads, log10Vl, p, step / 2, step, histogram);
  const data: ConditionalProbabilityData = {
    viral_loads: viralLoads,
    pi_means: stats.means,
    lower_percentiles: stats.lower,
    upper_percentiles: stats.upper,
    log10_vl_in_sputum: sampleOutput(log10Vl, sampleArrays),
  };
  return stats.rangeCounts === undefined ? { data } : { data, viralLoadCounts: stats.rangeCounts };
}
