/**
 * The REST server (`deno task serve`): Hono routes for the virus and CO2 reports, their
 * OpenAPI document, and a pool of Web Workers that compute the reports.
 *
 * @example Starting a server on a free port
 * ```ts ignore
 * import { parseServeArgs, startServer } from "@caimira-ts/caimira/server";
 *
 * const server = await startServer(parseServeArgs(["--port", "0"]), {
 *   workerUrl: new URL("./main.ts", import.meta.url),
 * });
 * console.log(server.url);
 * await server.shutdown();
 * ```
 *
 * @module
 */
export { startServer } from "./serve.ts";
export type { RunningServer, ServerRuntime } from "./serve.ts";
export { parseServeArgs, USAGE } from "./options.ts";
export type { ServeOptions } from "./options.ts";
