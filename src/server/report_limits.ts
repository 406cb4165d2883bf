/**
 * The bound on a virus report's response size: the per-sample outputs (`prob_dist`, and
 * `log10_vl_in_sputum` with conditional probability) are N numbers per group each (N the
 * request's `sample_size`), about 20 bytes per number in JSON (5 MB per group and output
 * at N = 250,000).
 *
 * @module
 */
import type { VirusForm } from "../forms/virus_form.ts";
import { REPORT_CHUNK_SIZE } from "../report/report_chunks.ts";

/**
 * Largest number of per-sample probabilities a report keeps in memory (groups × N, 8
 * bytes each: 160 MB), e.g. 2 groups at 10,000,000 samples or 20 at 1,000,000.
 */
export const MAX_KEPT_SAMPLE_VALUES = 20_000_000;

/** Largest number of per-sample values in one response (about 50 MB of JSON). */
export const MAX_RESPONSE_SAMPLE_VALUES = 2_500_000;

/** The registry's sample size (the default of `sample_size`). */
const DEFAULT_SAMPLE_SIZE = 250_000;

/** Bytes of JSON per per-sample value, roughly (for the message). */
const BYTES_PER_VALUE = 20;

/** A report's response would be too large (HTTP 400, naming `prob_dist`). */
export class ReportTooLargeError extends Error {
  /**
   * Creates the error.
   *
   * @param message What is too large and what to do.
   */
  constructor(message: string) {
    super(message);
    this.name = "ReportTooLargeError";
  }
}

/**
 * Checks that the report of `form` stays under {@link MAX_RESPONSE_SAMPLE_VALUES}
 * per-sample values in its response, and {@link MAX_KEPT_SAMPLE_VALUES} in memory, and
 * that what it asks for is available at its sample size.
 *
 * @param form The parsed form.
 * @param probDist Whether `prob_dist` was asked for.
 * @param sampleSize Monte Carlo sample size N (the request's `sample_size`).
 * @param alternativeScenarios Whether `alternative_scenarios=1` was asked for (the
 *   viral-load percentiles are computed up to one chunk of samples only).
 * @throws {ReportTooLargeError} When it would not, suggesting `prob_dist=0`.
 */
export function checkReportSize(
  form: VirusForm,
  probDist: boolean,
  sampleSize: number,
  alternativeScenarios = false,
): void {
  if (
    alternativeScenarios && form.conditionalProbabilityViralLoads &&
    sampleSize > REPORT_CHUNK_SIZE
  ) {
    throw new ReportTooLargeError(
      `sample_size: the viral-load percentiles (alternative_viral_load, with ` +
        `alternative_scenarios=1 and conditional_probability_viral_loads) need every sample ` +
        `at once: at most ${REPORT_CHUNK_SIZE} samples but ${sampleSize} were asked for`,
    );
  }
  const groups = Math.max(1, form.occupancy.length);
  if (groups * sampleSize > MAX_KEPT_SAMPLE_VALUES) {
    throw new ReportTooLargeError(
      `sample_size: ${groups} groups of ${sampleSize} samples would keep ${
        groups * sampleSize
      } per-sample probabilities in memory, over the limit of ${MAX_KEPT_SAMPLE_VALUES}: ask ` +
        `for at most ${Math.floor(MAX_KEPT_SAMPLE_VALUES / groups)} samples`,
    );
  }
  const perGroup = (probDist ? 1 : 0) + (form.conditionalProbabilityViralLoads ? 1 : 0);
  const values = groups * perGroup * sampleSize;
  if (values <= MAX_RESPONSE_SAMPLE_VALUES) return;
  const mb = Math.round((values * BYTES_PER_VALUE) / 1e6);
  throw new ReportTooLargeError(
    `prob_dist: the per-sample output of ${groups} groups would be ${values} values (about ` +
      `${mb} MB), over the limit of ${MAX_RESPONSE_SAMPLE_VALUES}: ask with prob_dist=0` +
      (form.conditionalProbabilityViralLoads && !probDist
        ? " and without conditional_probability_viral_loads, or for fewer groups"
        : ", or for fewer groups") +
      (sampleSize > DEFAULT_SAMPLE_SIZE ? ` or a smaller sample_size (${sampleSize})` : ""),
  );
}
