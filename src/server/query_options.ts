/**
 * The query-string options of the routes: `seed`, `prob_dist`, `sample_size`,
 * `report_generation_parallelism`, `alternative_scenarios` (virus report); `plot` (CO2 routes) and `fit_method`
 * (`/co2/report`). Invalid values and unknown names are errors (HTTP 400) that name the
 * parameter.
 *
 * @module
 */

/** Largest accepted `report_generation_parallelism`. */
export const MAX_REPORT_PARALLELISM = 1024;

/**
 * The server's default largest `sample_size` (`--max-sample-size` changes it, up to the
 * library's `MAX_SAMPLE_SIZE`, 10,000,000): a one-group report of 1,000,000 samples
 * takes about half a second and 10–20 MB more per worker on a 2-core machine (see
 * `deno task bench`, the sample-size cost curve).
 */
export const DEFAULT_MAX_SAMPLE_SIZE = 1_000_000;

/** Limits of the query options that the server's configuration sets. */
export interface ReportQueryLimits {
  /** Largest accepted `sample_size`. */
  readonly maxSampleSize: number;
}

/** Largest seed (the generator takes 32-bit seeds, as numpy's `RandomState`). */
const MAX_SEED = 2 ** 32 - 1;

/** The parsed options. */
export interface ReportQueryOptions {
  /** Seed of the generator, 0..2^32 − 1 (absent: random, reported back). */
  readonly seed?: number;
  /** Include `prob_dist` (`prob_dist=0` omits it). */
  readonly probDist: boolean;
  /**
   * Monte Carlo sample size (`sample_size`, 1 up to the server's maximum; absent: the
   * registry's 250,000).
   */
  readonly sampleSize?: number;
  /**
   * The reference's thread count for one report. Accepted for compatibility; each
   * report here runs on one worker of the pool, so it changes nothing in the results.
   */
  readonly reportGenerationParallelism?: number;
  /**
   * Add the web calculator's comparisons (`alternative_scenarios=1`): the alternative
   * scenarios and the viral-load percentiles (see `VirusReportOptions.alternativeScenarios`).
   */
  readonly alternativeScenarios: boolean;
}

/** A query parameter is unknown or invalid (HTTP 400). */
export class QueryOptionError extends Error {
  /** The parameter's name. */
  readonly parameter: string;

  /**
   * Creates the error.
   *
   * @param parameter The parameter's name.
   * @param problem What is wrong with it.
   */
  constructor(parameter: string, problem: string) {
    super(`query parameter ${shorten(parameter)}: ${problem}`);
    this.name = "QueryOptionError";
    this.parameter = parameter;
  }
}

/** Longest parameter name or value echoed in a message. */
const MAX_ECHO_CHARS = 60;

/** A name or value as echoed in a message: at most {@link MAX_ECHO_CHARS} characters. */
function shorten(text: string): string {
  return text.length > MAX_ECHO_CHARS ? `${text.slice(0, MAX_ECHO_CHARS - 1)}…` : text;
}

/** Options of the CO2 routes. */
export interface Co2QueryOptions {
  /** Add `CO2_plot_img` (`plot=1`). */
  readonly plot: boolean;
  /** Fit search (`fit_method=powell|least_squares`, `/co2/report` only). */
  readonly fitMethod: "powell" | "least-squares";
}

const VIRUS_PARAMETERS = [
  "seed",
  "prob_dist",
  "sample_size",
  "report_generation_parallelism",
  "alternative_scenarios",
];
const BOOLEANS = ["0", "1", "false", "true"];

function checkNames(query: URLSearchParams, known: readonly string[]): void {
  for (const name of query.keys()) {
    if (!known.includes(name)) {
      throw new QueryOptionError(
        name,
        `unknown parameter (expected ${
          known.length === 1 ? known[0] : `one of ${known.join(", ")}`
        })`,
      );
    }
  }
}

function flag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = single(query, name);
  if (value === undefined) return fallback;
  if (!BOOLEANS.includes(value)) {
    throw new QueryOptionError(
      name,
      `expected 0, 1, false or true but found ${JSON.stringify(shorten(value))}`,
    );
  }
  return value === "1" || value === "true";
}

function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) {
    throw new QueryOptionError(name, `expected one value but found ${values.length}`);
  }
  return values[0];
}

function integerIn(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new QueryOptionError(
      name,
      `expected an integer in ${min}..${max} but found ${JSON.stringify(shorten(text))}`,
    );
  }
  return value;
}

/** `sample_size`: an integer in 1..max, the message naming the server's maximum. */
function sampleSizeOf(text: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) {
    throw new QueryOptionError(
      "sample_size",
      `expected an integer number of samples in 1..${max} (${max} is this server's maximum) ` +
        `but found ${JSON.stringify(shorten(text))}`,
    );
  }
  return value;
}

/**
 * Reads the report options from a query string.
 *
 * @param query The request's query parameters.
 * @param limits The server's limits (default: `sample_size` up to
 *   {@link DEFAULT_MAX_SAMPLE_SIZE}).
 * @returns The options.
 * @throws {QueryOptionError} On an unknown parameter or an invalid value.
 */
export function parseReportQuery(
  query: URLSearchParams,
  limits: ReportQueryLimits = { maxSampleSize: DEFAULT_MAX_SAMPLE_SIZE },
): ReportQueryOptions {
  checkNames(query, VIRUS_PARAMETERS);
  const seed = single(query, "seed");
  const parallelism = single(query, "report_generation_parallelism");
  const sampleSize = single(query, "sample_size");
  return {
    seed: seed === undefined ? undefined : integerIn("seed", seed, 0, MAX_SEED),
    probDist: flag(query, "prob_dist", true),
    ...(sampleSize === undefined
      ? {}
      : { sampleSize: sampleSizeOf(sampleSize, limits.maxSampleSize) }),
    reportGenerationParallelism: parallelism === undefined
      ? undefined
      : integerIn("report_generation_parallelism", parallelism, 1, MAX_REPORT_PARALLELISM),
    alternativeScenarios: flag(query, "alternative_scenarios", false),
  };
}

/**
 * Reads the options of a CO2 route from a query string.
 *
 * @param query The request's query parameters.
 * @param withFit Whether the route fits (`/co2/report`: `fit_method` allowed).
 * @returns The options.
 * @throws {QueryOptionError} On an unknown parameter or an invalid value.
 */
export function parseCo2Query(query: URLSearchParams, withFit: boolean): Co2QueryOptions {
  checkNames(query, withFit ? ["plot", "fit_method"] : ["plot"]);
  const method = single(query, "fit_method") ?? "powell";
  if (method !== "powell" && method !== "least_squares") {
    throw new QueryOptionError(
      "fit_method",
      `expected "powell" or "least_squares" but found ${JSON.stringify(shorten(method))}`,
    );
  }
  return {
    plot: flag(query, "plot", false),
    fitMethod: method === "powell" ? "powell" : "least-squares",
  };
}
