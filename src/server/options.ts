/**
 * Command-line flags and environment variables of `deno task serve`.
 *
 * @module
 */
import { WEATHER_DATA_ENV } from "../weather/dataset.ts";
import { DEFAULT_MAX_BODY_BYTES } from "./app.ts";
import { ALLOWED_ORIGINS_ENV, parseAllowedOrigins } from "./cors.ts";

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
  /** Folder or URL of the weather dataset (absent: natural ventilation answers 400). */
  readonly weatherDirectory?: string;
  /** CORS allowlist, lower case. */
  readonly allowedOrigins: readonly string[];
}

/**
 * The usage text (`--help`). The program name is neutral: the same text serves
 * `deno task serve`, the bundle (`deno run ... caimira-server.js`) and the container.
 */
export const USAGE = `Usage: caimira-server [options]

  --port N            port to listen on (default 8088, or $PORT)
  --host ADDRESS      address to bind (default 127.0.0.1, or $HOST)
  --workers N         report workers (default: number of cores, or $CAIMIRA_WORKERS)
  --queue N           reports waiting for a worker before 503 (default 4 per worker)
  --timeout S         time limit of one report in seconds (default 120)
  --max-body BYTES    largest request body (default ${DEFAULT_MAX_BODY_BYTES})
  --weather-data DIR  weather dataset folder or URL for natural ventilation
                      (default $${WEATHER_DATA_ENV}; without it natural ventilation answers 400)
  --help              print this help

Environment: ${ALLOWED_ORIGINS_ENV} (comma-separated CORS allowlist), PORT, HOST,
CAIMIRA_WORKERS, ${WEATHER_DATA_ENV}. Flags win over the environment.`;

const DEFAULT_TIMEOUT_S = 120;
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

function seconds(name: string, text: string): number {
  const s = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(s > 0) || s > MAX_TIMEOUT_S) {
    throw new RangeError(`${name}: expected seconds in (0, ${MAX_TIMEOUT_S}] but found "${text}"`);
  }
  return s;
}

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
    const names = ["--port", "--host", "--workers", "--queue", "--timeout", "--max-body"];
    if (![...names, "--weather-data"].includes(flag)) {
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
    weatherDirectory: weatherDirectory === "" ? undefined : weatherDirectory,
    allowedOrigins: parseAllowedOrigins(env(ALLOWED_ORIGINS_ENV)),
  };
}
