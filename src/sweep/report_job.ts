/**
 * The adapter between a sweep and the server's report workers: starts a pool of the
 * server's workers (`src/server/worker_pool.ts` running the worker module in-process,
 * no HTTP) and turns one form and seed into a report job, and the job's reply into a
 * row outcome. The only file of the sweep that knows the job's shape.
 *
 * @module
 */
import { type JobReply, joinedJson, type ReportJob } from "../server/jobs.ts";
import type { WeatherFiles } from "../weather/dataset.ts";
import type { SegmentsRelease } from "../server/response_segments.ts";
import type { WorkerInit } from "../server/worker.ts";
import { createWorkerPool } from "../server/worker_pool.ts";
import type { RowOutcome } from "./results_csv.ts";

/** How to start the report workers. */
export interface ReportPoolOptions {
  /** A module that runs the server's `startWorker()` when loaded in a worker. */
  readonly workerUrl: string | URL;
  /** Number of workers, ≥ 1. */
  readonly workers: number;
  /** Time limit of one report, s. */
  readonly timeoutS: number;
  /** The weather dataset's files, read once (absent: the embedded climatology). */
  readonly weatherFiles?: WeatherFiles;
}

/** Runs reports for a sweep. */
export interface ReportPool {
  /** Computes the report of `form` with `seed` (never rejects: failures are outcomes). */
  report(form: Record<string, unknown>, seed: number): Promise<RowOutcome>;
  /** Lets running reports finish, then stops the workers. */
  close(): Promise<void>;
}

/**
 * Starts the workers.
 *
 * @param options The worker module, the number of workers, the time limit, weather data.
 * @returns The pool.
 */
export function startReportPool(options: ReportPoolOptions): ReportPool {
  const init: WorkerInit = {
    weatherFiles: options.weatherFiles,
  };
  const pool = createWorkerPool<ReportJob, JobReply>({
    size: options.workers,
    // The sweep keeps at most 2 jobs per worker in flight.
    queueLimit: 2 * options.workers,
    timeoutMs: options.timeoutS * 1000,
    spawn: () => {
      const worker = new Worker(options.workerUrl, {
        type: "module",
        name: "caimira-sweep-worker",
      });
      worker.postMessage({ init });
      return worker;
    },
  });
  return {
    async report(form, seed) {
      try {
        const reply = await pool.run({
          kind: "virus",
          body: JSON.stringify(form),
          seed,
          probDist: false,
        });
        const row = outcome(reply);
        if (reply.ok && reply.segments !== undefined) {
          // Parsed: a large response's memory goes back to the worker that holds it.
          pool.postToWorkerOf(reply, { release: reply.segments } satisfies SegmentsRelease);
        }
        return row;
      } catch (error) {
        return { status: "failed", message: (error as Error).message };
      }
    },
    close: () => pool.close(),
  };
}

/**
 * A job's reply as a row outcome.
 *
 * @param reply The worker's reply.
 * @returns `ok` with the results, `error` for a rejected form (400), `failed` otherwise.
 */
export function outcome(reply: JobReply): RowOutcome {
  if (reply.ok) {
    return { status: "ok", results: JSON.parse(new TextDecoder().decode(joinedJson(reply.json))) };
  }
  return { status: reply.status === 400 ? "error" : "failed", message: reply.message };
}
