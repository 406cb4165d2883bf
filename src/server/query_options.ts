/**
 * The query-string options of the report routes: `seed`, `prob_dist`,
 * `report_generation_parallelism`. Invalid values and unknown names are errors
 * (HTTP 400) that name the parameter.
 *
 * @module
 */

/** Largest accepted `report_generation_parallelism`. */
export const MAX_REPORT_PARALLELISM = 1024;

/** Largest seed (the generator takes 32-bit seeds, as numpy's `RandomState`). */
const MAX_SEED = 2 ** 32 - 1;

/** The parsed options. */
export interface ReportQueryOptions {
  /** Seed of the generator, 0..2^32 − 1 (absent: random, reported back). */
  readonly seed?: number;
  /** Include `prob_dist` (`prob_dist=0` omits it). */
  readonly probDist: boolean;
  /**
   * The reference's thread count for one report. Accepted for compatibility; each
   * report here runs on one worker of the pool, so it changes nothing in the results.
   */
  readonly reportGenerationParallelism?: number;
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
    super(`query parameter ${parameter}: ${problem}`);
    this.name = "QueryOptionError";
    this.parameter = parameter;
  }
}

const KNOWN = new Set(["seed", "prob_dist", "report_generation_parallelism"]);

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
      `expected an integer in ${min}..${max} but found ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/**
 * Reads the report options from a query string.
 *
 * @param query The request's query parameters.
 * @returns The options.
 * @throws {QueryOptionError} On an unknown parameter or an invalid value.
 */
export function parseReportQuery(query: URLSearchParams): ReportQueryOptions {
  for (const name of query.keys()) {
    if (!KNOWN.has(name)) {
      throw new QueryOptionError(
        name,
        `unknown parameter (expected one of ${[...KNOWN].join(", ")})`,
      );
    }
  }
  const seed = single(query, "seed");
  const probDist = single(query, "prob_dist");
  const parallelism = single(query, "report_generation_parallelism");
  if (probDist !== undefined && !["0", "1", "false", "true"].includes(probDist)) {
    throw new QueryOptionError(
      "prob_dist",
      `expected 0, 1, false or true but found ${JSON.stringify(probDist)}`,
    );
  }
  return {
    seed: seed === undefined ? undefined : integerIn("seed", seed, 0, MAX_SEED),
    probDist: probDist === undefined || probDist === "1" || probDist === "true",
    reportGenerationParallelism: parallelism === undefined
      ? undefined
      : integerIn("report_generation_parallelism", parallelism, 1, MAX_REPORT_PARALLELISM),
  };
}
