/**
 * CORS as the reference does it (`api/routes/base_handler.py` `CorsHandler`): the
 * `CAIMIRA_ALLOWED_ORIGINS` environment variable is a comma-separated allowlist; a
 * request whose `Origin` is on it (case-insensitive) gets
 * `Access-Control-Allow-Origin: <its origin>`; no other CORS header is sent except on
 * `OPTIONS`, which answers 204 with `POST, OPTIONS` and `Content-Type`.
 *
 * @module
 */
import type { MiddlewareHandler } from "npm:hono@^4.13.19";

/** The environment variable holding the allowlist. */
export const ALLOWED_ORIGINS_ENV = "CAIMIRA_ALLOWED_ORIGINS";

/**
 * Splits the allowlist: comma-separated, trimmed, lower-cased, empty entries dropped.
 *
 * @param value The variable's value (absent: nothing allowed).
 * @returns The allowed origins, lower case.
 */
export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? "").split(",").map((o) => o.trim().toLowerCase()).filter((o) => o !== "");
}

/**
 * Middleware echoing the request's `Origin` when it is allowed (on every response,
 * errors included).
 *
 * @param allowedOrigins The allowlist (see {@link parseAllowedOrigins}).
 * @returns The middleware.
 */
export function cors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  return async (c, next) => {
    await next();
    if (allowed.size === 0) return;
    // The answer depends on Origin for every request once there is an allowlist, so a
    // cache must not hand one origin's answer to another.
    c.res.headers.append("Vary", "Origin");
    const origin = c.req.header("Origin");
    if (origin !== undefined && allowed.has(origin.toLowerCase())) {
      c.res.headers.set("Access-Control-Allow-Origin", origin);
    }
  };
}

/** The preflight answer (reference: `CorsHandler.options`). */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Methods": "POST, OPTIONS",
      "Access-Control-Allow-Headers": "Content-Type",
    },
  });
}
