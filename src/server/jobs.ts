/**
 * The work a report worker does: one request body (the raw text) in, the JSON of the
 * route's `results` (or an error for the client) out. Runs inside the workers of the
 * pool, and in-process in tests.
 *
 * The body is parsed and validated here, once, on the worker: the thread that accepts
 * requests only reads bytes, so no input (deep nesting, huge invalid arrays) can stall
 * or crash it, and nothing but a string is ever copied between threads.
 *
 * @module
 */
import type { Co2FitMethod } from "../report/co2_fit.ts";
import { co2Report, co2TransitionTimes } from "../report/co2_report.ts";
import { parseVirusForm } from "../forms/parse_virus_form.ts";
import { virusReportFromForm } from "../report/virus_report.ts";
import { releaseSampleOutputs } from "../report/sample_output.ts";
import { DEFAULT_REGISTRY } from "../registry/defaults.ts";
import type { WeatherDataset } from "../weather/dataset.ts";
import { clientErrorStatus } from "./errors.ts";
import { parseJsonBody } from "./json_body.ts";
import { checkReportSize } from "./report_limits.ts";
import { assertFiniteResults } from "../report/finite_results.ts";
import { reportJson, reportJsonChunks } from "./report_json.ts";
import type { ResponseSegments } from "./response_segments.ts";

/** One report to compute. */
export type ReportJob =
  | {
    /** `POST /virus/report` (and `/report`). */
    readonly kind: "virus";
    /** The request body, as received (JSON text). */
    readonly body: string;
    /** Seed of the generator (random when absent; the result reports it). */
    readonly seed?: number;
    /** Include `prob_dist` (N numbers per group). */
    readonly probDist: boolean;
    /** Monte Carlo sample size N (absent: the registry's 250,000). */
    readonly sampleSize?: number;
    /** Add the alternative scenarios and viral-load percentiles (`alternative_scenarios=1`). */
    readonly alternativeScenarios?: boolean;
  }
  | {
    /** `POST /co2/transition_times` or `POST /co2/report`. */
    readonly kind: "co2_transition_times" | "co2_report";
    /** The request body, as received (JSON text). */
    readonly body: string;
    /** Add the SVG plot. */
    readonly plot: boolean;
    /** Fit search (`co2_report`). */
    readonly fitMethod: Co2FitMethod;
  };

/** The outcome of a job. */
export type JobReply =
  | {
    /** Success. */
    readonly ok: true;
    /**
     * The route's `results`, serialised as JSON and encoded as UTF-8
     * (src/server/report_json.ts): the bytes in order, either one view of a new buffer
     * (which is transferred whole) or views of the worker's kernel memory (see
     * {@link segments}).
     */
    readonly json: readonly Uint8Array[];
    /**
     * The id of the worker's kernel segments that hold {@link json}
     * (src/server/response_segments.ts), to give back once the response is sent.
     * Absent: `json` is one buffer of its own.
     */
    readonly segments?: number;
  }
  | {
    /** Failure. */
    readonly ok: false;
    /** 400: the request is at fault; 500: we are. */
    readonly status: 400 | 500;
    /** For the client: names the field and the problem (400) or says nothing internal (500). */
    readonly message: string;
    /** For the server's log only (500): the error with its stack. */
    readonly detail?: string;
  };

/**
 * The bytes of a reply's {@link JobReply} `json` chunks in one new array (e.g. to parse
 * them, or to keep them past the release of the worker's segments).
 *
 * @param json The chunks.
 * @returns Their bytes, in order.
 */
export function joinedJson(json: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(json.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of json) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** What jobs share within one worker. */
export interface JobContext {
  /** Weather data for natural ventilation (absent: such requests get a 400 saying so). */
  readonly weather?: WeatherDataset;
  /**
   * The worker's responses held in its kernel (absent: every response is written into a
   * new buffer).
   */
  readonly segments?: ResponseSegments;
}

/** The message of a 500: nothing internal leaks to the client. */
export const INTERNAL_ERROR_MESSAGE =
  "internal error while computing the report (the server's log has the details)";

/**
 * Computes one job.
 *
 * @param job The job.
 * @param context Data shared by the jobs of a worker.
 * @returns The results as JSON, or the error for the client.
 */
export function runJob(job: ReportJob, context: JobContext): JobReply {
  let results: unknown;
  try {
    const body = parseJsonBody(job.body);
    if (job.kind === "virus") {
      const form = parseVirusForm(body);
      const sampleSize = job.sampleSize ?? DEFAULT_REGISTRY.monteCarlo.sampleSize;
      checkReportSize(form, job.probDist, sampleSize, job.alternativeScenarios ?? false);
      results = virusReportFromForm(form, {
        seed: job.seed,
        sampleSize,
        probDist: job.probDist,
        weather: context.weather,
        alternativeScenarios: job.alternativeScenarios,
        // Per-sample outputs in the kernel, which reportJson formats there and
        // releaseSampleOutputs frees below.
        sampleArrays: "kernel",
      });
    } else if (job.kind === "co2_report") {
      results = co2Report(body, { plot: job.plot, method: job.fitMethod });
    } else {
      results = co2TransitionTimes(body, { plot: job.plot });
    }
    assertFiniteResults(results);
    if (context.segments === undefined) return { ok: true, json: [reportJson(results)] };
    const { chunks, id } = context.segments.write((next) => reportJsonChunks(results, next));
    return id === undefined ? { ok: true, json: chunks } : { ok: true, json: chunks, segments: id };
  } catch (error) {
    return failure(error);
  } finally {
    // Written out (or failed): the per-sample outputs go back to the kernel's free list.
    releaseSampleOutputs(results);
  }
}

function failure(error: unknown): JobReply {
  if (clientErrorStatus(error) === 400) {
    return { ok: false, status: 400, message: (error as Error).message };
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { ok: false, status: 500, message: INTERNAL_ERROR_MESSAGE, detail };
}
