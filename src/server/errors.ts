/**
 * One mapping from errors to HTTP answers, used by the accepting thread (app.ts) and by
 * the report workers (jobs.ts): what the client did wrong is a 400 with the error's own
 * message; a busy, slow or closing server is a 503; anything else is ours (500, details
 * only in the log).
 *
 * @module
 */
import { FormError } from "../forms/form_error.ts";
import { MissingTemperaturesError, WeatherDataUnavailableError } from "../weather/errors.ts";
import { BadJsonError } from "./json_body.ts";
import { QueryOptionError } from "./query_options.ts";
import { ReportTooLargeError } from "./report_limits.ts";
import {
  JobCancelledError,
  PoolBusyError,
  PoolClosedError,
  PoolTimeoutError,
} from "./worker_pool.ts";

/** How an error is answered. */
export interface ErrorAnswer {
  /** HTTP status. */
  readonly status: 400 | 499 | 500 | 503;
  /** Extra response headers (e.g. `Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The status of an error the client caused (400), or undefined when it is not one.
 *
 * @param error Anything thrown.
 * @returns 400 for bad input (its message names the field and the problem), else undefined.
 */
export function clientErrorStatus(error: unknown): 400 | undefined {
  return error instanceof FormError || error instanceof QueryOptionError ||
      error instanceof BadJsonError || error instanceof ReportTooLargeError ||
      error instanceof WeatherDataUnavailableError || error instanceof MissingTemperaturesError
    ? 400
    : undefined;
}

/**
 * How to answer an error.
 *
 * @param error Anything thrown while handling a request.
 * @returns The status and headers; the message is the error's own except for a 500.
 */
export function errorAnswer(error: unknown): ErrorAnswer {
  const client = clientErrorStatus(error);
  if (client !== undefined) return { status: client, headers: {} };
  if (error instanceof PoolBusyError) {
    return { status: 503, headers: { "Retry-After": String(error.retryAfterS) } };
  }
  if (error instanceof PoolTimeoutError || error instanceof PoolClosedError) {
    return { status: 503, headers: {} };
  }
  // The client has gone: nobody reads this answer (499: nginx's "client closed request").
  if (error instanceof JobCancelledError) return { status: 499, headers: {} };
  return { status: 500, headers: {} };
}
