/**
 * Reports of many samples, computed in chunks.
 *
 * A virus report of N samples is computed in chunks of at most {@link REPORT_CHUNK_SIZE}
 * samples (`chunkSizes(N)`: full chunks, then the remainder). Each chunk runs the whole
 * pipeline of a report of that many samples: the models are built with the chunk's size,
 * drawing on the report's one generator, which continues from chunk to chunk (the same
 * draw order as an unchunked report, within each chunk), and are evaluated in the kernel;
 * the chunk's columns are then freed, so the kernel's column heap is reused from chunk to
 * chunk and holds one chunk at a time. A report of N ≤ {@link REPORT_CHUNK_SIZE} samples
 * is one chunk: its numbers are those of the unchunked report, bit for bit (the seeded
 * parity with the reference at 250,000 samples is unchanged).
 *
 * For N above the chunk size the seeded stream is chunk-wise: the samples are those of
 * reports of C, C, …, r samples drawn one after the other on the generator, not the
 * reference's single pass of N (whose models draw each parameter for all N samples
 * before the next parameter). The result is reproducible from the seed and N (and the
 * chunk size), and estimates the same quantities, but is not the number a single pass of
 * N would give.
 *
 * ## How each field merges (N > C)
 * Per exposed group:
 * - `prob_inf`, `expected_new_cases`, `long_range_prob`, `long_range_expected_new_cases`:
 *   sample means, merged as means weighted by the chunks' sizes.
 * - `prob_inf_sd`: the population standard deviation (ddof 0, as the reference's
 *   `np.std`), merged with Chan et al.'s pairwise update (src/report/streaming_statistics.ts).
 * - `concentrations`, `concentrations_zoomed`, `cumulative_doses`,
 *   `long_range_cumulative_doses` (and `CO2_concentrations`): mean curves, merged point by
 *   point as weighted means (the cumulative doses are summed after the merge). With
 *   per-sample emission diameters the reference's dose curve is the product of two sample
 *   means (of the exposure times the deposited aerosol fraction, and of the dose factor):
 *   that product does not stream exactly, so above C the curve is the weighted mean of the
 *   chunks' products (the same expectation; the two differ by the samples' covariance
 *   within a chunk, O(1/C)).
 * - `prob_dist`, `prob_hist_count`, `prob_hist_bins`: from the group's per-sample
 *   probabilities, kept in one Float64Array of N values outside the kernel (8 bytes per
 *   sample per group): the histogram's data-dependent edges need the whole distribution.
 * - `conditional_probability_data` and `uncertainties_plot_src`: from the per-sample
 *   probabilities and log10 viral loads (kept as the output's `log10_vl_in_sputum`, N
 *   numbers): the per-bin 5th and 95th percentiles need every sample of the bin
 *   (src/report/conditional_probability_host.ts).
 * - `prob_probabilistic_exposure`: the reference's total probability rule combines, for
 *   1, 2, … infected, the mean probability of infection of one exposed person; those
 *   means are merged by weight, then combined once.
 * - `exposed_presence_intervals`, `short_range_interactions`, `times`, `model`,
 *   `outdoor_temperature_source`: do not depend on the samples (from the first chunk).
 *
 * `alternative_scenarios` (with `alternativeScenarios`): each scenario is computed in the
 * same chunks after all the report's chunks, in the reference's order; its probability,
 * expected new cases and concentrations are weighted means, and its
 * `prob_probabilistic_exposure` merges as above.
 *
 * `alternative_viral_load` (the viral-load percentiles) is not available above C: its
 * quantiles of the viral load need every sample before any chunk's probabilities can be
 * rescaled; such a report is refused with a RangeError.
 *
 * @module
 */

/**
 * Largest number of samples computed at once in a virus report (the chunk size C):
 * 250,000, the registry's sample size, so that the reference's seeded reports are one
 * chunk. A chunk holds about 20–42 MB of columns in the kernel. Measured (s1, 4,000,000
 * samples, medians of 2 × 3 runs on a loaded 2-core machine) with C = 100,000, 250,000,
 * 500,000 and 1,000,000: 1.0, 0.85, 0.72 and 0.66 s, the kernel holding 16, 39, 78 and
 * 156 MB: larger chunks save about 10 ms of fixed cost per chunk, but their memory grows
 * in proportion, and at 10,000,000 samples with conditional probability a report at
 * 250,000 per chunk already peaks near 400 MB of the 512 MB budget.
 */
export const REPORT_CHUNK_SIZE = 250_000;

/**
 * Largest accepted Monte Carlo sample size (10,000,000, the sample size the reference's
 * authors validate with). Reports of more than {@link REPORT_CHUNK_SIZE} samples are
 * computed in chunks (the `sampleSize` option of `virusReport`).
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
export const MAX_SAMPLE_SIZE = 10_000_000;

/**
 * The sizes of the chunks of a report of `n` samples: ⌊n / chunk⌋ chunks of `chunk`
 * samples, then the remainder when there is one.
 *
 * @param n Sample size, a positive integer.
 * @param chunk Chunk size, a positive integer.
 * @returns The chunk sizes, in order (they sum to n).
 * @throws {RangeError} When n or chunk is not a positive integer.
 * @example Usage
 * ```ts
 * import { chunkSizes } from "./report_chunks.ts";
 * if (chunkSizes(600_000, 250_000).join() !== "250000,250000,100000") throw new Error("chunks");
 * ```
 */
export function chunkSizes(n: number, chunk: number = REPORT_CHUNK_SIZE): number[] {
  for (const [name, value] of [["sample size", n], ["chunk size", chunk]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`expected a ${name} that is a positive integer but found ${value}`);
    }
  }
  const sizes = new Array<number>(Math.floor(n / chunk)).fill(chunk);
  if (n % chunk > 0) sizes.push(n % chunk);
  return sizes;
}
