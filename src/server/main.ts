/**
 * Entry point of `deno task serve`.
 *
 * The REST API (`POST /virus/report`, `/report`, `/co2/report`,
 * `/co2/transition_times`) is not implemented yet: until it is, the server answers
 * `GET /` and `GET /health`, and every other request with a JSON 501 or 404.
 *
 * Usage: deno task serve [--port N] [--host ADDRESS] [--help]
 * Environment: PORT, HOST (the flags win).
 *
 * @module
 */
import { VERSION } from "../version.ts";

const USAGE = `CAiMIRA TypeScript server ${VERSION}

Usage: deno task serve [--port N] [--host ADDRESS]

  --port N        port to listen on (default 8088, or $PORT)
  --host ADDRESS  address to bind (default 127.0.0.1, or $HOST)
  --help          print this help`;

const PLANNED_ROUTES = ["/virus/report", "/report", "/co2/report", "/co2/transition_times"];

/** Listening options parsed from flags and environment. */
export interface ServeOptions {
  /** TCP port, 0..65535. */
  port: number;
  /** Address to bind. */
  hostname: string;
}

/**
 * Parses `--port`/`--host` (or `PORT`/`HOST`).
 *
 * @param args Command-line arguments.
 * @param env Environment lookup.
 * @returns The options, or `"help"` when `--help` was given.
 * @throws {RangeError} On an unknown flag or an invalid port.
 */
export function parseServeArgs(
  args: string[],
  env: (name: string) => string | undefined,
): ServeOptions | "help" {
  let port = env("PORT") ?? "8088";
  let hostname = env("HOST") ?? "127.0.0.1";
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split("=", 2);
    const value = () => inline ?? args[++i];
    if (flag === "--help" || flag === "-h") return "help";
    else if (flag === "--port") port = value() ?? "";
    else if (flag === "--host") hostname = value() ?? "";
    else throw new RangeError(`unknown option ${args[i]} (see --help)`);
  }
  const n = Number(port);
  if (!/^\d+$/.test(port) || n > 65535) {
    throw new RangeError(`expected a port in 0..65535 but found "${port}"`);
  }
  if (!hostname) throw new RangeError("expected a host address but found an empty one");
  return { port: n, hostname };
}

/**
 * Answers one request (the placeholder routes).
 *
 * @param request The request.
 * @returns The JSON response.
 */
export function handle(request: Request): Response {
  const { pathname } = new URL(request.url);
  if (request.method === "GET" && pathname === "/") {
    return Response.json({
      name: "caimira-ts",
      version: VERSION,
      status: "The REST API is not implemented yet; the library is usable.",
      routes: PLANNED_ROUTES,
    });
  }
  if (request.method === "GET" && pathname === "/health") {
    return Response.json({ status: "ok", version: VERSION });
  }
  if (PLANNED_ROUTES.includes(pathname)) {
    return Response.json({ message: `${pathname} is not implemented yet` }, { status: 501 });
  }
  return Response.json({ message: `no route ${request.method} ${pathname}` }, { status: 404 });
}

if (import.meta.main) {
  let options: ServeOptions | "help";
  try {
    options = parseServeArgs(Deno.args, (name) => Deno.env.get(name));
  } catch (error) {
    console.error((error as Error).message);
    Deno.exit(2);
  }
  if (options === "help") {
    console.log(USAGE);
  } else {
    Deno.serve({ port: options.port, hostname: options.hostname }, handle);
  }
}
