/**
 * Request logging: one line per request (method, path, status, duration, request id),
 * with the id also in the `X-Request-Id` response header. Whatever the client put in
 * the path is escaped, so a percent-encoded CR/LF or control character cannot forge a
 * log line, and cut to {@link MAX_LOGGED_PATH_CHARS} characters.
 *
 * @module
 */
import type { MiddlewareHandler } from "npm:hono@^4.13.19";

/** Longest path written to the log, characters. */
export const MAX_LOGGED_PATH_CHARS = 200;

/** The context variables this middleware sets. */
export type RequestLogEnv = { Variables: { requestId: string } };

/**
 * A path as it may appear in a log line: control characters, backslashes and
 * non-ASCII characters escaped (`\x0a`, `\u2028`), at most {@link MAX_LOGGED_PATH_CHARS}.
 *
 * @param path The decoded request path.
 * @returns The escaped path.
 */
export function loggablePath(path: string): string {
  const cut = path.length > MAX_LOGGED_PATH_CHARS
    ? `${path.slice(0, MAX_LOGGED_PATH_CHARS)}…`
    : path;
  // deno-lint-ignore no-control-regex
  return cut.replace(/[\x00-\x1f\x7f-\uffff\\]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch === "…" && cut.endsWith(ch)) return ch;
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * The logging middleware: sets `requestId` (8 hex digits) before the handlers run.
 *
 * @param log Where lines go.
 * @param now Clock, ms (for tests).
 * @returns The middleware.
 *
 * @example Usage
 * ```ts
 * import { Hono } from "npm:hono@^4.13.19";
 * import { requestLog } from "./request_log.ts";
 * const lines: string[] = [];
 * const app = new Hono().use(requestLog((l) => lines.push(l))).get("/", (c) => c.text("hi"));
 * await app.request("/%0aforged");
 * console.assert(lines[0].startsWith("GET /\\x0aforged 404"));
 * ```
 */
export function requestLog(
  log: (line: string) => void,
  now: () => number = () => performance.now(),
): MiddlewareHandler<RequestLogEnv> {
  return async function logRequest(c, next) {
    const requestId = crypto.randomUUID().slice(0, 8);
    const started = now();
    c.set("requestId", requestId);
    await next();
    c.res.headers.set("X-Request-Id", requestId);
    const ms = (now() - started).toFixed(1);
    log(`${c.req.method} ${loggablePath(c.req.path)} ${c.res.status} ${ms} ms id=${requestId}`);
  };
}
