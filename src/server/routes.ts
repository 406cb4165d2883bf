/**
 * The REST API's report routes, declared once: the path, the job they run, how their
 * query is read, the envelope key of their results, and their OpenAPI identity. The
 * application registers its handlers, `OPTIONS` and `405` answers from this table, and
 * the OpenAPI document its paths.
 *
 * @module
 */
import type { ReportJob } from "./jobs.ts";
import { parseCo2Query, parseReportQuery, type ReportQueryLimits } from "./query_options.ts";

/** One report route. */
export interface ReportRoute {
  /** The path, e.g. `/virus/report`. */
  readonly path: string;
  /** OpenAPI `operationId`. */
  readonly operationId: string;
  /** One line for the OpenAPI document. */
  readonly summary: string;
  /** The key of the results in the success envelope. */
  readonly envelopeKey: "results" | "report_data";
  /**
   * The job of a request: its query string read within the server's limits (throws
   * `QueryOptionError`), the body's text attached.
   */
  readonly job: (query: URLSearchParams, body: string, limits?: ReportQueryLimits) => ReportJob;
}

const virusJob = (query: URLSearchParams, body: string, limits?: ReportQueryLimits): ReportJob => ({
  kind: "virus",
  body,
  ...parseReportQuery(query, limits),
});

/** Every report route (all `POST`). */
export const REPORT_ROUTES: readonly ReportRoute[] = Object.freeze([
  {
    path: "/virus/report",
    operationId: "virusReport",
    summary: "Virus report (the reference's /virus/report)",
    envelopeKey: "results",
    job: virusJob,
  },
  {
    path: "/report",
    operationId: "virusReportLegacy",
    summary: "Virus report with the older envelope key report_data",
    envelopeKey: "report_data",
    job: virusJob,
  },
  {
    path: "/co2/transition_times",
    operationId: "co2TransitionTimes",
    summary: "Occupancy and ventilation transition times suggested by CO2 readings",
    envelopeKey: "results",
    job: (query, body) => ({ kind: "co2_transition_times", body, ...parseCo2Query(query, false) }),
  },
  {
    path: "/co2/report",
    operationId: "co2Report",
    summary: "Exhalation rate and air-change rates fitted to CO2 readings",
    envelopeKey: "results",
    job: (query, body) => ({ kind: "co2_report", body, ...parseCo2Query(query, true) }),
  },
]);

/** The `GET` routes of the application (landing, health, OpenAPI document). */
export const GET_ROUTES: readonly string[] = Object.freeze([
  "/",
  "/health",
  "/openapi.json",
  "/docs",
]);
