/**
 * The HTTP application: routes (from the table in `routes.ts`), CORS, body limit,
 * security headers, request ids and logs, and the mapping of every error to a JSON
 * answer (`{"message": ...}`; never a stack trace; see `errors.ts`).
 *
 * This thread only reads the query string and the body's bytes: the body is parsed,
 * validated and computed on a report worker (`runReport`, the worker pool in the
 * server), so no input can make it work more than the body limit allows.
 *
 * @module
 */
import { type Context, Hono } from "npm:hono@^4.13.19";
import { bodyLimit } from "npm:hono@^4.13.19/body-limit";
import { VERSION } from "../version.ts";
import { cors, preflight } from "./cors.ts";
import { errorAnswer } from "./errors.ts";
import type { JobReply, ReportJob } from "./jobs.ts";
import { landing } from "./landing.ts";
import { registerUiRoutes } from "./ui_routes.ts";
import { requestLog, type RequestLogEnv } from "./request_log.ts";
import { DEFAULT_MAX_SAMPLE_SIZE } from "./query_options.ts";
import { GET_ROUTES, REPORT_ROUTES, type ReportRoute } from "./routes.ts";
import { PoolBusyError, type PoolLoad } from "./worker_pool.ts";

/** Default largest request body, bytes (the reference's forms are a few kB). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Whether the server can take reports now (for `/health`). */
export type Readiness = "ok" | "starting" | "draining" | "unavailable";

/** What the application needs from its host. */
export interface AppOptions {
  /** Computes one report (e.g. on the worker pool); `signal` aborts when the client goes. */
  readonly runReport: (job: ReportJob, signal?: AbortSignal) => Promise<JobReply>;
  /**
   * Admission of a report request before its body is read: returns the function that
   * ends it, or undefined when the server already holds as many report requests as it
   * can queue (the request then gets 503 with `Retry-After`, its body unread). Bounds
   * the bodies held in memory to (workers + queue) × the body limit. Absent: no bound.
   */
  readonly admit?: () => (() => void) | undefined;
  /**
   * Called once a report's response has been sent (or has failed) when its bytes are a
   * worker's kernel memory (the reply's `segments` id): gives them back to the worker
   * that answered `reply` (see src/server/response_segments.ts). A reply's own buffer is
   * freed then instead. Absent: nothing is given back.
   */
  readonly releaseReply?: (reply: JobReply, segments: number) => void;
  /** The pool's load, for `/health`. */
  readonly load: () => PoolLoad;
  /**
   * Whether reports can be served (default: `ok` while a worker is ready).
   * `/health` answers 200 only for `ok`, else 503 (load balancers stop sending).
   */
  readonly readiness?: () => Readiness;
  /**
   * A signal that aborts when the client of a request has gone (from the connection
   * guard; `env` is what the HTTP server passes with the request). Absent: none.
   */
  readonly clientGone?: (env: unknown) => AbortSignal | undefined;
  /** CORS allowlist, lower case (see `cors.ts`). */
  readonly allowedOrigins: readonly string[];
  /** Largest request body, bytes. */
  readonly maxBodyBytes: number;
  /**
   * Largest `sample_size` of a virus report.
   *
   * @default {DEFAULT_MAX_SAMPLE_SIZE (1,000,000)}
   */
  readonly maxSampleSize?: number;
  /** Where log lines go. */
  readonly log: (line: string) => void;
}

type Env = RequestLogEnv;

const SUCCESS = '{"status":"success","message":"Results generated successfully",';

function json(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ message }, { status, headers });
}

/** Headers every answer carries unless a handler set its own. */
const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

/**
 * Builds the application.
 *
 * @param options How reports run, CORS, limits and logging.
 * @returns The Hono application (`app.fetch` is the request handler).
 */
export function createApp(options: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const limits = { maxSampleSize: options.maxSampleSize ?? DEFAULT_MAX_SAMPLE_SIZE };
  const readiness = options.readiness ??
    (() => (options.load().ready > 0 ? "ok" : "unavailable"));

  app.use("*", requestLog(options.log));
  app.use("*", async function securityHeaders(c, next) {
    await next();
    for (const [name, value] of Object.entries(DEFAULT_HEADERS)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  });
  app.use("*", cors(options.allowedOrigins));
  // Admission before anything reads the body (see AppOptions.admit).
  for (const route of REPORT_ROUTES) {
    app.post(route.path, async function admission(_c, next) {
      const release = options.admit === undefined ? () => {} : options.admit();
      if (release === undefined) throw new PoolBusyError(options.load().queued, 1);
      try {
        await next();
      } finally {
        release();
      }
    });
  }
  app.on(
    "POST",
    "*",
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: () => json(413, `body: expected at most ${options.maxBodyBytes} bytes`),
    }),
  );

  app.get("/", (c) => landing(c.req.header("Accept")));
  app.get("/health", (c) => {
    const status = readiness();
    return c.json(
      { status, version: VERSION, workers: options.load() },
      status === "ok" ? 200 : 503,
    );
  });
  // The OpenAPI document (from the form fields) and the API documentation's files
  // are loaded on their first request: a server that only computes reports never holds
  // them.
  app.get("/openapi.json", async (c) => c.json((await import("./openapi.ts")).openApiDocument()));
  app.get("/docs/*", async (c) => (await import("./docs_page.ts")).docsPage(c));
  registerUiRoutes(app);

  /** The envelope around a job's results, or the job's error. */
  const answer = (c: Context<Env>, reply: JobReply, key: ReportRoute["envelopeKey"]) => {
    if (!reply.ok) {
      if (reply.status === 500) {
        const id = c.get("requestId");
        options.log(`id=${id} internal error: ${reply.detail ?? reply.message}`);
        return json(500, `${reply.message} (request id ${id})`);
      }
      return json(reply.status, reply.message);
    }
    // The envelope around the worker's bytes, streamed without copying them.
    const encoder = new TextEncoder();
    const chunks = [encoder.encode(`${SUCCESS}"${key}":`), ...reply.json, encoder.encode("}")];
    const length = chunks.reduce((n, c) => n + c.byteLength, 0);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    });
    whenSent(c.env, () => {
      if (reply.segments !== undefined) options.releaseReply?.(reply, reply.segments);
      else for (const chunk of reply.json) free(chunk.buffer);
    });
    return new Response(body, {
      headers: { "Content-Type": "application/json", "Content-Length": String(length) },
    });
  };

  for (const route of REPORT_ROUTES) {
    app.post(route.path, async (c) => {
      const job = route.job(new URL(c.req.url).searchParams, await c.req.text(), limits);
      const reply = await options.runReport(job, options.clientGone?.(c.env));
      return answer(c, reply, route.envelopeKey);
    });
  }

  const methods: [string, string][] = [
    ...GET_ROUTES.map((path): [string, string] => [path, "GET"]),
    ...REPORT_ROUTES.map((route): [string, string] => [route.path, "POST"]),
  ];
  for (const [path, method] of methods) {
    app.options(path, () => preflight());
    app.all(path, (c) =>
      json(405, `${c.req.method} is not allowed on ${path} (use ${method})`, {
        Allow: `${method}, OPTIONS`,
      }));
  }
  app.notFound((c) => json(404, `no route ${c.req.method} ${shortPath(c.req.path)}`));
  app.onError((error, c) => {
    const { status, headers } = errorAnswer(error);
    if (status !== 500) return json(status, error.message, { ...headers });
    const id = c.get("requestId");
    options.log(`id=${id} internal error: ${error.stack ?? error}`);
    return json(500, `internal error (request id ${id})`);
  });
  return app;
}

/**
 * Once a response has been sent or has failed (`Deno.ServeHandlerInfo.completed`), calls
 * `done`, which gives a report's bytes (up to tens of MB) back to the worker whose kernel
 * holds them or frees their buffer, instead of leaving that to the garbage collector:
 * V8 collects array buffers only once their total has grown by about 64 MB, so the main
 * thread would otherwise hold up to ~80 MB of reports already sent (measured with
 * `deno task load --memory`). Without that promise (the application called directly,
 * e.g. in tests) nothing is called.
 *
 * @param env The connection information Deno.serve passes (Hono's `c.env`).
 * @param done What to do once the response is over.
 */
function whenSent(env: unknown, done: () => void): void {
  const completed = (env as Partial<Deno.ServeHandlerInfo> | undefined)?.completed;
  if (completed === undefined) return;
  completed.catch(() => {}).then(done);
}

/** Frees an array buffer's memory now (a shared one is left to the collector). */
function free(buffer: ArrayBufferLike): void {
  if (!(buffer instanceof ArrayBuffer)) return;
  try {
    // transfer(0) detaches the buffer and gives its memory back.
    buffer.transfer(0);
  } catch {
    // Not detachable: left to the garbage collector.
  }
}

/** A path as echoed in a 404: at most 100 characters. */
function shortPath(path: string): string {
  return path.length > 100 ? `${path.slice(0, 99)}…` : path;
}
