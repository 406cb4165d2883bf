/**
 * Entry point of `deno task serve`, and of its report workers: loaded in a Web
 * Worker, this module answers report jobs; loaded as the main module, it parses the
 * flags and starts the server (see `--help`). Being both keeps a `deno bundle` of it a
 * single file. The server's own modules (HTTP application, OpenAPI document, pages,
 * connection guard) are imported only on the main thread, and the report code (forms,
 * models, kernel) only in a worker: each thread loads and holds only what it runs
 * (less memory per thread, faster start).
 *
 * @module
 */
import type { ServeOptions } from "./options.ts";
import { inWorker, startWorker } from "./worker_scope.ts";

/** An environment variable, or undefined when unset or not granted (`--allow-env=...`). */
function readEnv(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const [{ VERSION }, { parseServeArgs, USAGE }, { startServer }] = await Promise.all([
    import("../version.ts"),
    import("./options.ts"),
    import("./serve.ts"),
  ]);
  let options: ServeOptions | "help";
  try {
    options = parseServeArgs(
      Deno.args,
      readEnv,
      navigator.hardwareConcurrency,
    );
  } catch (error) {
    console.error((error as Error).message);
    Deno.exit(2);
  }
  if (options === "help") {
    console.log(`CAiMIRA TypeScript server ${VERSION}\n\n${USAGE}`);
    return;
  }
  keepRunningOnStrayErrors();
  let server;
  try {
    server = await startServer(options, { workerUrl: import.meta.url });
  } catch (error) {
    console.error(`cannot start the server: ${(error as Error).message}`);
    Deno.exit(1);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) Deno.exit(1); // a second signal: stop now
    stopping = true;
    console.log("shutting down: finishing the requests in flight");
    const deadline = setTimeout(() => {
      console.error(
        `shutdown: requests still running after ${options.shutdownTimeoutS} s; exiting`,
      );
      Deno.exit(1);
    }, (options.drainDelayS + options.shutdownTimeoutS) * 1000);
    await server.shutdown();
    clearTimeout(deadline);
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  if (Deno.build.os !== "windows") Deno.addSignalListener("SIGTERM", stop);
}

/**
 * Nothing thrown by a callback (a timer, a message, a stream) may end the server: it is
 * logged and the server goes on; the request it belonged to, if any, has its own error.
 */
function keepRunningOnStrayErrors(): void {
  globalThis.addEventListener("error", (event) => {
    event.preventDefault();
    console.error(`uncaught error (the server goes on): ${event.error?.stack ?? event.message}`);
  });
  globalThis.addEventListener("unhandledrejection", (event) => {
    event.preventDefault();
    const reason = event.reason as Error | undefined;
    console.error(`unhandled rejection (the server goes on): ${reason?.stack ?? reason}`);
  });
}

if (inWorker()) await startWorker();
else if (import.meta.main) await main();
