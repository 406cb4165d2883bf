/**
 * The real server for the browser tests and the screenshot script: one report worker
 * on a free loopback port, with the shared weather fixtures when they are there.
 *
 * @module
 */
import { type RunningServer, startServer } from "../../src/server/serve.ts";

const WORKER = new URL("../../src/server/main.ts", import.meta.url);
const SHARED = new URL("../../../shared/fixtures/", import.meta.url);

/** The shared fixtures folder, or undefined when absent. */
export function sharedFixtures(): URL | undefined {
  try {
    Deno.statSync(new URL("README.md", SHARED));
    return SHARED;
  } catch {
    return undefined;
  }
}

/**
 * Starts the server.
 *
 * @returns The running server; shut it down in a `finally`.
 */
export async function startTestServer(): Promise<RunningServer> {
  const weather = sharedFixtures();
  return await startServer({
    port: 0,
    hostname: "127.0.0.1",
    workers: 1,
    queue: 8,
    timeoutS: 300,
    maxBodyBytes: 1024 * 1024,
    allowedOrigins: [],
    headerTimeoutS: 10,
    idleTimeoutS: 30,
    drainDelayS: 0,
    shutdownTimeoutS: 30,
    weatherDirectory: weather ? new URL("weather/", weather).pathname : undefined,
  }, { workerUrl: WORKER, log: () => {} });
}

/**
 * Reads a shared reference input (`reference/<name>.in.json`).
 *
 * @param name The case, e.g. `s2_hepa_classroom`.
 * @returns The POST body.
 */
export function referenceInput(name: string): Record<string, string | number> {
  const shared = sharedFixtures();
  if (shared === undefined) throw new Error("the shared fixtures are absent");
  return JSON.parse(Deno.readTextFileSync(new URL(`reference/${name}.in.json`, shared)));
}
