/**
 * The server as a child process, for the scripts that measure or check it (`load.ts`,
 * `probe.ts`, `check_bundle.ts`): started as `deno task serve` and the container run it
 * (`SERVER_ENV`, `SERVER_V8_FLAGS`), on a free loopback port, its log drained so that it
 * never blocks on a full pipe.
 *
 * @module
 */
import { SERVER_ENV, SERVER_V8_FLAGS } from "../src/server/options.ts";

/** The server's entry file in this checkout (the sources). */
export const SERVER_MAIN = new URL("../src/server/main.ts", import.meta.url).pathname;

/** A started server. */
export interface ServerProcess {
  /** Where it listens, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Its process (`pid` for /proc, `kill`, `status`). */
  readonly child: Deno.ChildProcess;
}

/**
 * Starts the server of `module` on a free loopback port and waits until it listens.
 *
 * @param module The entry file (the sources' `main.ts`, or a bundle's `main.js`).
 * @param flags Its flags after `--port 0` (`--workers`, `--queue`, ...).
 * @param stderr Where its error output goes.
 * @returns Its address and process.
 * @throws {Error} When it stops before listening (with what it printed).
 */
export async function startServerProcess(
  module: string,
  flags: readonly string[],
  stderr: "inherit" | "null" = "inherit",
): Promise<ServerProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-net=127.0.0.1",
      "--allow-env",
      "--allow-read",
      `--v8-flags=${SERVER_V8_FLAGS}`,
      module,
      "--port",
      "0",
      ...flags,
    ],
    stdout: "piped",
    stderr,
    env: { NO_COLOR: "1", ...SERVER_ENV },
  }).spawn();
  const log = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let seen = "";
  for (;;) {
    const { value, done } = await log.read();
    if (done) throw new Error(`the server stopped before listening:\n${seen}`);
    seen += value;
    const url = /listening on (http:\/\/\S+)/.exec(seen)?.[1];
    if (url !== undefined) {
      // Keep draining its log (a line per request).
      (async () => {
        while (!(await log.read()).done) { /* drain */ }
      })().catch(() => {});
      return { url, child };
    }
  }
}
