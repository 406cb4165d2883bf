/**
 * Command-line flags and environment variables of `deno task serve`.
 *
 * @module
 */
import { WEATHER_DATA_ENV } from "../weather/dataset.ts";
import { DEFAULT_MAX_BODY_BYTES } from "./app.ts";
import { ALLOWED_ORIGINS_ENV, parseAllowedOrigins } from "./cors.ts";
import { MAX_SAMPLE_SIZE } from "../report/report_chunks.ts";
import { DEFAULT_MAX_SAMPLE_SIZE } from "./query_options.ts";

/** The environment variable of `--max-sample-size`. */
export const MAX_SAMPLE_SIZE_ENV = "CAIMIRA_MAX_SAMPLE_SIZE";

/** How the server runs. */
export interface ServeOptions {
  /** TCP port, 0..65535 (0: any free port). */
  readonly port: number;
  /** Address to bind. */
  readonly hostname: string;
  /** Report workers, ≥ 1. */
  readonly workers: number;
  /** Reports that may wait for a free worker; beyond that, 503. */
  readonly queue: number;
  /** Time limit of one report (waiting included), s. */
  readonly timeoutS: number;
  /** Largest request body, bytes. */
  readonly maxBodyBytes: number;
  /** Largest `sample_size` of a virus report, 1..10,000,000 (absent: 1,000,000). */
  readonly maxSampleSize?: number;
  /** Folder or URL of the weather dataset (absent: the embedded climatology is used). */
  readonly weatherDirectory?: string;
  /** Accepted SHA-256 digests of the weather files (absent: not checked). */
  readonly weatherSha256?: readonly string[];
  /** CORS allowlist, lower case. */
  readonly allowedOrigins: readonly string[];
  /** Open connections at most (absent: 256). */
  readonly maxConnections?: number;
  /** Time a client has to send a request's head, s. */
  readonly headerTimeoutS: number;
  /** Time a connection may stay idle between requests, s. */
  readonly idleTimeoutS: number;
  /** After SIGTERM: time `/health` says "draining" before the listener closes, s. */
  readonly drainDelayS: number;
  /** After SIGTERM: longest wait for the requests in flight before exiting anyway, s. */
  readonly shutdownTimeoutS: number;
}

/**
 * The V8 flags the server runs with (`deno run --v8-flags=...` in `deno task serve` and
 * the container's entry point, and in the scripts that measure the server): each
 * thread's young generation (main thread and every worker) capped at 2 MB per
 * semi-space instead of growing to 16 MB, since a report's short-lived objects are
 * small and its large data lives in the kernel's memory. Measured with
 * `deno task load --memory` (2 workers, 7 fixtures × 3 rounds, 3 runs each): peak RSS
 * 319–326 MB against 346–353 MB without. The cost is a little more collection work: a
 * worker's s1 job (`prob_dist=0`, 100 jobs after 30, 3 alternating runs) took 36.9–38.7
 * ms of CPU against 36.8–37.9 ms without; the load test's throughput did not differ
 * beyond the machine's noise.
 *
 * `--expose-gc` gives the workers `gc()`: an idle worker whose kernel grew past
 * `KEEP_KERNEL_BYTES` drops it and collects at once (`releaseMemoryWhenIdle` in
 * src/server/worker.ts), so that its memory goes back to the system now rather than at
 * some later collection.
 */
export const SERVER_V8_FLAGS = "--max-semi-space-size=2,--expose-gc";

/**
 * The environment the server runs with (`deno task serve`, the container's `ENV`, and the
 * scripts that measure the server): glibc's malloc with a fixed mmap threshold of 128 KiB
 * (`MALLOC_MMAP_THRESHOLD_`, mallopt's M_MMAP_THRESHOLD). By default glibc raises that
 * threshold to the size of each large block it frees (up to 32 MiB), after which blocks
 * of that size come from its heaps, which it rarely gives back: a report's response of
 * 5–11 MB (allocated in a worker, freed by the main thread once sent) then leaves the
 * server holding tens of megabytes. With the threshold fixed such blocks are mapped and
 * unmapped. Measured with `deno task load --memory` (2 workers, 3 alternating runs each):
 * peak RSS 255 MB in every run, against 265–299 MB without, and 237 MB held after the
 * replay against 265–299; the throughput run (s1, `prob_dist=0`, whose responses are
 * small) measured 49.8–50.0 reports/s either way. Each new large block then faults in
 * every page it writes, so the workers write their large responses into their kernel's
 * memory (src/server/response_segments.ts) and keep the per-sample outputs there.
 * Other C libraries (musl) ignore it.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = Object.freeze({
  MALLOC_MMAP_THRESHOLD_: "131072",
});

/**
 * The usage text (`--help`). The program name is neutral: the same text serves
 * `deno task serve`, the bundle (`deno run ... dist/server/main.js`) and the container.
 */
export const USAGE = `Usage: caimira-server [options]

  --port N            port to listen on (default 8088, or $PORT)
  --host ADDRESS      address to bind (default 127.0.0.1, or $HOST)
  --workers N         report workers (default: number of cores, or $CAIMIRA_WORKERS)
  --queue N           reports waiting for a worker before 503 (default 4 per worker)
  --timeout S         time limit of one report in seconds (default 120)
  --max-body BYTES    largest request body (default ${DEFAULT_MAX_BODY_BYTES})
  --max-sample-size N largest sample_size of a virus report, up to ${MAX_SAMPLE_SIZE}
                      (default ${DEFAULT_MAX_SAMPLE_SIZE}, or $${MAX_SAMPLE_SIZE_ENV})
  --weather-data DIR  weather dataset folder or URL for natural ventilation, reference format
                      (default $${WEATHER_DATA_ENV}; without it: the embedded climatology)
  --weather-sha256 HEX[,HEX]  accepted SHA-256 digests of the weather files
  --max-connections N open connections at most (default 256; each holds 3 file
                      descriptors, and the cap drops if the process runs out of them)
  --header-timeout S  time to send a request's head (default 10; its body: 30)
  --idle-timeout S    keep-alive time between requests (default 30)
  --drain-delay S     after SIGTERM, /health answers 503 "draining" this long before
                      the listener closes (default 0; e.g. 5 behind a load balancer)
  --shutdown-timeout S  after SIGTERM, exit at the latest after this long (default 30)
  --help              print this help

Environment: ${ALLOWED_ORIGINS_ENV} (comma-separated CORS allowlist), PORT, HOST,
CAIMIRA_WORKERS, ${WEATHER_DATA_ENV}, ${MAX_SAMPLE_SIZE_ENV}. Flags win over the environment.`;

const DEFAULT_TIMEOUT_S = 120;
const DEFAULT_HEADER_TIMEOUT_S = 10;
const DEFAULT_IDLE_TIMEOUT_S = 30;
const DEFAULT_SHUTDOWN_TIMEOUT_S = 30;
const QUEUE_PER_WORKER = 4;
const MAX_WORKERS = 256;
const MAX_TIMEOUT_S = 86400;

function integer(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new RangeError(`${name}: expected an integer in ${min}..${max} but found "${text}"`);
  }
  return n;
}

function seconds(name: string, text: string, allowZero = false): number {
  const s = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(allowZero ? s >= 0 : s > 0) || s > MAX_TIMEOUT_S) {
    throw new RangeError(`${name}: expected seconds in (0, ${MAX_TIMEOUT_S}] but found "${text}"`);
  }
  return s;
}

/** The flags that take a value. */
const FLAGS: readonly string[] = [
  "--port",
  "--host",
  "--workers",
  "--queue",
  "--timeout",
  "--max-body",
  "--max-sample-size",
  "--weather-data",
  "--weather-sha256",
  "--max-connections",
  "--header-timeout",
  "--idle-timeout",
  "--drain-delay",
  "--shutdown-timeout",
];

/**
 * Parses the flags (and the environment for what they leave out).
 *
 * @param args Command-line arguments.
 * @param env Environment lookup.
 * @param cores Number of cores (default of `--workers`).
 * @returns The options, or `"help"` when `--help` was given.
 * @throws {RangeError} On an unknown flag or an invalid value (the message names it).
 */
export function parseServeArgs(
  args: readonly string[],
  env: (name: string) => string | undefined,
  cores = 1,
): ServeOptions | "help" {
  const given = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag === "--help" || flag === "-h") return "help";
    if (!FLAGS.includes(flag)) {
      throw new RangeError(`unknown option ${args[i]} (see --help)`);
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new RangeError(`${flag}: expected a value but found none`);
    given.set(flag, value);
  }
  const text = (flag: string, variable: string | undefined, fallback: string) =>
    given.get(flag) ?? (variable === undefined ? undefined : env(variable)) ?? fallback;
  const hostname = text("--host", "HOST", "127.0.0.1");
  if (hostname === "") throw new RangeError("--host: expected an address but found nothing");
  const workers = integer(
    "--workers",
    text("--workers", "CAIMIRA_WORKERS", String(Math.max(1, cores))),
    1,
    MAX_WORKERS,
  );
  const weatherDirectory = text("--weather-data", WEATHER_DATA_ENV, "");
  const digests = given.get("--weather-sha256")?.split(",").map((d) => d.trim().toLowerCase());
  if (digests?.some((d) => !/^[0-9a-f]{64}$/.test(d))) {
    throw new RangeError(
      "--weather-sha256: expected SHA-256 digests (64 hex digits, comma-separated)",
    );
  }
  const maxConnections = given.get("--max-connections");
  return {
    port: integer("--port", text("--port", "PORT", "8088"), 0, 65535),
    hostname,
    workers,
    queue: integer(
      "--queue",
      text("--queue", undefined, String(QUEUE_PER_WORKER * workers)),
      0,
      1e6,
    ),
    timeoutS: seconds("--timeout", text("--timeout", undefined, String(DEFAULT_TIMEOUT_S))),
    maxBodyBytes: integer(
      "--max-body",
      text("--max-body", undefined, String(DEFAULT_MAX_BODY_BYTES)),
      1,
      2 ** 31,
    ),
    maxSampleSize: integer(
      "--max-sample-size",
      text("--max-sample-size", MAX_SAMPLE_SIZE_ENV, String(DEFAULT_MAX_SAMPLE_SIZE)),
      1,
      MAX_SAMPLE_SIZE,
    ),
    weatherDirectory: weatherDirectory === "" ? undefined : weatherDirectory,
    ...(digests === undefined ? {} : { weatherSha256: digests }),
    allowedOrigins: parseAllowedOrigins(env(ALLOWED_ORIGINS_ENV)),
    ...(maxConnections === undefined
      ? {}
      : { maxConnections: integer("--max-connections", maxConnections, 1, 1e6) }),
    headerTimeoutS: seconds(
      "--header-timeout",
      text("--header-timeout", undefined, String(DEFAULT_HEADER_TIMEOUT_S)),
    ),
    idleTimeoutS: seconds(
      "--idle-timeout",
      text("--idle-timeout", undefined, String(DEFAULT_IDLE_TIMEOUT_S)),
    ),
    drainDelayS: seconds("--drain-delay", text("--drain-delay", undefined, "0"), true),
    shutdownTimeoutS: seconds(
      "--shutdown-timeout",
      text("--shutdown-timeout", undefined, String(DEFAULT_SHUTDOWN_TIMEOUT_S)),
    ),
  };
}
