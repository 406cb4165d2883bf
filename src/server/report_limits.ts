/**
 * The bound on a virus report's response size: the per-sample outputs (`prob_dist`, and
 * `log10_vl_in_sputum` with conditional probability) are N numbers per group each, about
 * 20 bytes per number in JSON (5 MB per group and output at N = 250,000).
 *
 * @module
 */
import type { VirusForm } from "../forms/virus_form.ts";

/** Largest number of per-sample values in one response (about 50 MB of JSON). */
export const MAX_RESPONSE_SAMPLE_VALUES = 2_500_000;

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
 * per-sample values.
 *
 * @param form The parsed form.
 * @param probDist Whether `prob_dist` was asked for.
 * @param sampleSize Monte Carlo sample size N.
 * @throws {ReportTooLargeError} When it would not, suggesting `prob_dist=0`.
 */
export function checkReportSize(form: VirusForm, probDist: boolean, sampleSize: number): void {
  const groups = Math.max(1, form.occupancy.length);
  const perGroup = (probDist ? 1 : 0) + (form.conditionalProbabilityViralLoads ? 1 : 0);
  const values = groups * perGroup * sampleSize;
  if (values <= MAX_RESPONSE_SAMPLE_VALUES) return;
  const mb = Math.round((values * BYTES_PER_VALUE) / 1e6);
  throw new ReportTooLargeError(
    `prob_dist: the per-sample output of ${groups} groups would be ${values} values (about ` +
      `${mb} MB), over the limit of ${MAX_RESPONSE_SAMPLE_VALUES}: ask with prob_dist=0` +
      (form.conditionalProbabilityViralLoads && !probDist
        ? " and without conditional_probability_viral_loads, or for fewer groups"
        : ", or for fewer groups"),
  );
}
