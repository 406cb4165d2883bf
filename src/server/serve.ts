/**
 * Starts the server: reads the weather dataset once (time limit, optional checksums)
 * and hands its files to the workers, starts the worker pool, the HTTP server on a
 * private loopback port and the connection guard in front of it (timeouts, connection
 * cap: `connection_guard.ts`), and stops them gracefully.
 *
 * @module
 */
import {
  compactWeatherFiles,
  readWeatherFiles,
  weatherDatasetFromFiles,
  weatherDataStartupMessage,
  type WeatherFiles,
} from "../weather/dataset.ts";
import { WeatherDataUnavailableError } from "../weather/errors.ts";
import { createApp, type Readiness } from "./app.ts";
import {
  DEFAULT_CONNECTION_LIMITS,
  DEFAULT_MAX_CONNECTIONS,
  guardConnections,
} from "./connection_guard.ts";
import type { JobReply, ReportJob } from "./jobs.ts";
import type { ServeOptions } from "./options.ts";
import type { WorkerInit } from "./worker.ts";
import type { SegmentsRelease } from "./response_segments.ts";
import { createWorkerPool } from "./worker_pool.ts";

/** Longest wait for the guard to relay the last answers after the server stopped, ms. */
const LAST_BYTES_MS = 5_000;

/** Name given to the report workers (visible in debuggers and `self.name`). */
const WORKER_NAME = "caimira-report-worker";

/**
 * Time without an admitted report after which the main thread collects its garbage when
 * it has sent a response from a worker's kernel memory, ms. That memory goes back to the
 * system once both threads have let go of it: the main thread's views of the response
 * at this collection, the worker's kernel when it drops it (after `IDLE_RELEASE_MS` of
 * src/server/worker.ts, 2 s, idle), whichever comes last.
 */
const MAIN_IDLE_COLLECT_MS = 1000;

/** Where and how the server runs, beyond its options. */
export interface ServerRuntime {
  /**
   * A module that runs `startWorker()` (worker_scope.ts) when loaded in a worker (the entry point
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
  /**
   * Stops gracefully: `/health` says "draining" for the drain delay, then no new
   * connections are accepted, requests in flight finish (at most the shutdown time
   * limit), and the workers stop.
   */
  shutdown(): Promise<void>;
}

/**
 * Starts the server.
 *
 * @param options Address, pool and limits (see `parseServeArgs`).
 * @param runtime The worker module and the log.
 * @returns The running server.
 * @throws {WeatherDataUnavailableError} When a weather dataset is configured but cannot be
 *   read (the message speaks of `--weather-data` and `CAIMIRA_WEATHER_DATA`).
 */
export async function startServer(
  options: ServeOptions,
  runtime: ServerRuntime,
): Promise<RunningServer> {
  const log = runtime.log ?? ((line: string) => console.log(line));
  let weatherFiles: WeatherFiles | undefined;
  if (options.weatherDirectory !== undefined) {
    const directory = options.weatherDirectory;
    weatherFiles = await readWeatherFiles({ directory, sha256: options.weatherSha256 })
      .catch((error) => {
        if (!(error instanceof WeatherDataUnavailableError)) throw error;
        const message = weatherDataStartupMessage(error, directory);
        throw new WeatherDataUnavailableError(message, { cause: error, reason: error.reason });
      });
    const weather = weatherDatasetFromFiles(weatherFiles);
    log(`weather data: ${weather.stations.length} stations`);
    // Checked: the workers get only the station lines they will keep.
    weatherFiles = compactWeatherFiles(weatherFiles, weather);
  } else {
    log("weather data: none configured (natural ventilation uses the embedded climatology)");
  }
  const init: WorkerInit = {
    weatherFiles,
  };
  const pool = createWorkerPool<ReportJob, JobReply>({
    size: options.workers,
    queueLimit: options.queue,
    timeoutMs: options.timeoutS * 1000,
    spawn: () => {
      const worker = new Worker(runtime.workerUrl, { type: "module", name: WORKER_NAME });
      worker.postMessage({ init });
      return worker;
    },
    log,
  });
  let state: Readiness | undefined;
  // Report requests held at once (body read, queued or running): the workers and the queue.
  const admissionLimit = options.workers + options.queue;
  let admitted = 0;
  let clientGone: (port: number) => AbortSignal | undefined = () => undefined;
  // This thread's views of a sent response keep its worker's kernel memory alive until
  // they are collected, also once the worker has dropped that kernel or has been replaced:
  // collect them once no report has been admitted for a while (as an idle worker collects
  // its kernel), or at once after a response of a replaced worker.
  let collectTimer: ReturnType<typeof setTimeout> | undefined;
  const collect = (whenIdle: boolean) => {
    clearTimeout(collectTimer);
    const timer = setTimeout(() => {
      if (!whenIdle || admitted === 0) (globalThis as { gc?: () => void }).gc?.();
    }, whenIdle ? MAIN_IDLE_COLLECT_MS : 0);
    Deno.unrefTimer(Number(timer));
    collectTimer = timer;
  };
  const app = createApp({
    runReport: (job, signal) => pool.run(job, signal),
    // Sent: the worker's kernel memory that held the response goes back to it.
    releaseReply: (reply, segments) => {
      const delivered = pool.postToWorkerOf(reply, { release: segments } satisfies SegmentsRelease);
      collect(delivered);
    },
    admit: () => {
      if (admitted >= admissionLimit) return undefined;
      admitted++;
      let done = false;
      return () => {
        if (!done) admitted--;
        done = true;
      };
    },
    clientGone: (env) => {
      const remote = (env as Deno.ServeHandlerInfo<Deno.NetAddr> | undefined)?.remoteAddr;
      return remote === undefined ? undefined : clientGone(remote.port);
    },
    load: () => pool.load(),
    readiness: () => state ?? (pool.load().ready > 0 ? "ok" : "starting"),
    allowedOrigins: options.allowedOrigins,
    maxBodyBytes: options.maxBodyBytes,
    maxSampleSize: options.maxSampleSize,
    log,
  });
  // The HTTP server listens on a loopback port of its own; clients reach it only
  // through the guard.
  let stopping = false;
  const startInner = (): Deno.HttpServer<Deno.NetAddr> => {
    const server = Deno.serve({
      port: 0,
      hostname: "127.0.0.1",
      onListen: () => {},
      onError: (error) => {
        log(`internal error: ${(error as Error)?.stack ?? error}`);
        return Response.json({ message: "internal error" }, { status: 500 });
      },
    }, app.fetch);
    return server;
  };
  let inner = startInner();
  /**
   * A connection to the HTTP server; when it refuses (its accept loop has failed, e.g.
   * for want of descriptors), a new server takes its place and the connection is tried
   * once more.
   */
  const connectInner = async (): Promise<Deno.Conn> => {
    try {
      return await Deno.connect({ hostname: "127.0.0.1", port: inner.addr.port });
    } catch (error) {
      if (!(error instanceof Deno.errors.ConnectionRefused) || stopping) throw error;
      log("the HTTP server stopped accepting; starting a new one");
      const old = inner;
      inner = startInner();
      old.shutdown().catch(() => {});
      return await Deno.connect({ hostname: "127.0.0.1", port: inner.addr.port });
    }
  };
  const listener = Deno.listen({ port: options.port, hostname: options.hostname });
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const guard = guardConnections(
    listener,
    connectInner,
    {
      ...DEFAULT_CONNECTION_LIMITS,
      maxConnections,
      headerTimeoutMs: options.headerTimeoutS * 1000,
      idleTimeoutMs: options.idleTimeoutS * 1000,
    },
    log,
  );
  clientGone = guard.clientGone;
  const addr = listener.addr as Deno.NetAddr;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  const url = `http://${host}:${addr.port}`;
  log(
    `listening on ${url} (${options.workers} report workers, queue ${options.queue}, ` +
      `at most ${maxConnections} connections)`,
  );
  let stopped: Promise<void> | undefined;
  return {
    url,
    port: addr.port,
    shutdown() {
      stopped ??= (async () => {
        state = "draining";
        if (options.drainDelayS > 0) {
          await new Promise((resolve) => setTimeout(resolve, options.drainDelayS * 1000));
        }
        guard.stopAccepting();
        stopping = true;
        await pool.close();
        // Deno's shutdown lets the answers in flight go out, then closes its side of
        // each connection; the guard relays the last bytes and closes the client's.
        await inner.shutdown();
        await guard.drain(LAST_BYTES_MS);
      })();
      return stopped;
    },
  };
}
