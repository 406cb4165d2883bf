/**
 * Entry point of `deno task serve`, and of its report workers: loaded in a Web
 * Worker, this module answers report jobs; loaded as the main module, it parses the
 * flags and starts the server (see `--help`). Being both keeps a `deno bundle` of it a
 * single file.
 *
 * @module
 */
import { VERSION } from "../version.ts";
import { parseServeArgs, type ServeOptions, USAGE } from "./options.ts";
import { startServer } from "./serve.ts";
import { inWorker, runWorker } from "./worker.ts";

async function main(): Promise<void> {
  let options: ServeOptions | "help";
  try {
    options = parseServeArgs(
      Deno.args,
      (name) => Deno.env.get(name),
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
    await server.shutdown();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  if (Deno.build.os !== "windows") Deno.addSignalListener("SIGTERM", stop);
}

if (inWorker()) runWorker();
else if (import.meta.main) await main();
