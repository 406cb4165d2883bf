/**
 * Starts the server: loads (checks) the weather dataset, starts the worker pool and
 * `Deno.serve`, and stops them gracefully.
 *
 * @module
 */
import { loadWeatherDataset } from "../weather/dataset.ts";
import { createApp } from "./app.ts";
import type { JobReply, ReportJob } from "./jobs.ts";
import type { ServeOptions } from "./options.ts";
import type { WorkerInit } from "./worker.ts";
import { createWorkerPool } from "./worker_pool.ts";

/** Name given to the report workers (visible in debuggers and `self.name`). */
const WORKER_NAME = "caimira-report-worker";

/** Where and how the server runs, beyond its options. */
export interface ServerRuntime {
  /**
   * A module that runs `runWorker()` when loaded in a worker (the entry point
   * `main.ts` does; a bundle's own URL does too).
   */
  readonly workerUrl: string | URL;
  /** Where log lines go (default: `console.log`). */
  readonly log?: (line: string) => void;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8088`. */
  readonly url: string;
  /** The port listened on (useful with port 0). */
  readonly port: number;
  /** Stops accepting connections, lets in-flight requests finish, then stops the workers. */
  shutdown(): Promise<void>;
}

/**
 * Starts the server.
 *
 * @param options Address, pool and limits (see `parseServeArgs`).
 * @param runtime The worker module and the log.
 * @returns The running server.
 * @throws {WeatherDataUnavailableError} When a weather dataset is configured but cannot be read.
 */
export async function startServer(
  options: ServeOptions,
  runtime: ServerRuntime,
): Promise<RunningServer> {
  const log = runtime.log ?? ((line: string) => console.log(line));
  const init: WorkerInit = {
    weatherDirectory: options.weatherDirectory,
  };
  if (options.weatherDirectory !== undefined) {
    const weather = await loadWeatherDataset({ directory: options.weatherDirectory });
    log(`weather data: ${weather.stations.length} stations`);
  } else {
    log("weather data: none configured (natural ventilation answers 400)");
  }
  const pool = createWorkerPool<ReportJob, JobReply>({
    size: options.workers,
    queueLimit: options.queue,
    timeoutMs: options.timeoutS * 1000,
    spawn: () => {
      const worker = new Worker(runtime.workerUrl, { type: "module", name: WORKER_NAME });
      worker.postMessage({ init });
      return worker;
    },
  });
  const app = createApp({
    runReport: (job) => pool.run(job),
    load: () => pool.load(),
    allowedOrigins: options.allowedOrigins,
    maxBodyBytes: options.maxBodyBytes,
    log,
  });
  const server = Deno.serve({
    port: options.port,
    hostname: options.hostname,
    onListen: () => {},
  }, app.fetch);
  const port = server.addr.port;
  const host = server.addr.hostname.includes(":")
    ? `[${server.addr.hostname}]`
    : server.addr.hostname;
  const url = `http://${host}:${port}`;
  log(`listening on ${url} (${options.workers} report workers, queue ${options.queue})`);
  return {
    url,
    port,
    async shutdown() {
      await server.shutdown();
      await pool.close();
    },
  };
}
