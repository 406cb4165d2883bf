/**
 * The HTTP application: routes, CORS, body limit, request ids and logs, and the
 * mapping of every error to a JSON answer (`{"message": ...}`; never a stack trace).
 *
 * Reports run through `runReport` (the worker pool in the server, anything else in
 * tests); the request's form is validated here first, so invalid input never waits in
 * the queue.
 *
 * @module
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { FormError } from "../forms/form_error.ts";
import { parseCo2Form } from "../forms/parse_co2_form.ts";
import { parseVirusForm } from "../forms/parse_virus_form.ts";
import { VERSION } from "../version.ts";
import { cors, preflight } from "./cors.ts";
import type { JobReply, ReportJob } from "./jobs.ts";
import { landing } from "./landing.ts";
import { registerUiRoutes } from "./ui_routes.ts";
import { registerOpenApi } from "./openapi.ts";
import { parseCo2Query, parseReportQuery, QueryOptionError } from "./query_options.ts";
import {
  PoolBusyError,
  PoolClosedError,
  type PoolLoad,
  PoolTimeoutError,
  WorkerCrashedError,
} from "./worker_pool.ts";

/** Default largest request body, bytes (the reference's forms are a few kB). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** What the application needs from its host. */
export interface AppOptions {
  /** Computes one report (e.g. on the worker pool). */
  readonly runReport: (job: ReportJob) => Promise<JobReply>;
  /** The pool's load, for `/health`. */
  readonly load: () => PoolLoad;
  /** CORS allowlist, lower case (see `cors.ts`). */
  readonly allowedOrigins: readonly string[];
  /** Largest request body, bytes. */
  readonly maxBodyBytes: number;
  /** Where log lines go. */
  readonly log: (line: string) => void;
}

type Env = { Variables: { requestId: string } };

/** The body is not JSON (HTTP 400). */
class BadJsonError extends Error {}

const SUCCESS = '{"status":"success","message":"Results generated successfully",';

/** Routes and the methods they answer (anything else on them is a 405). */
const ROUTES: Readonly<Record<string, string>> = {
  "/": "GET",
  "/health": "GET",
  "/openapi.json": "GET",
  "/virus/report": "POST",
  "/report": "POST",
  "/co2/transition_times": "POST",
  "/co2/report": "POST",
};

function json(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ message }, { status, headers });
}

async function readJson(c: Context<Env>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") throw new BadJsonError("body: expected a JSON object but found nothing");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadJsonError(
      `body: expected a JSON object but found invalid JSON (${(error as Error).message})`,
    );
  }
}

/**
 * Builds the application.
 *
 * @param options How reports run, CORS, limits and logging.
 * @returns The Hono application (`app.fetch` is the request handler).
 */
export function createApp(options: AppOptions): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();

  app.use("*", async (c, next) => {
    const requestId = crypto.randomUUID().slice(0, 8);
    const started = performance.now();
    c.set("requestId", requestId);
    await next();
    c.res.headers.set("X-Request-Id", requestId);
    const ms = (performance.now() - started).toFixed(1);
    options.log(`${c.req.method} ${c.req.path} ${c.res.status} ${ms} ms id=${requestId}`);
  });
  app.use("*", cors(options.allowedOrigins));
  app.on(
    "POST",
    "*",
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: () => json(413, `body: expected at most ${options.maxBodyBytes} bytes`),
    }),
  );

  for (const path of Object.keys(ROUTES)) app.options(path, () => preflight());

  app.get("/", (c) => landing(c.req.header("Accept")));
  app.get("/health", (c) => c.json({ status: "ok", version: VERSION, workers: options.load() }));
  registerOpenApi(app);
  registerUiRoutes(app);

  /** The envelope around a job's results, or the job's error. */
  const answer = (c: Context<Env>, reply: JobReply, key: "results" | "report_data") => {
    if (!reply.ok) {
      if (reply.detail !== undefined) {
        options.log(`id=${c.get("requestId")} internal error: ${reply.detail}`);
      }
      return json(reply.status, reply.message);
    }
    // The envelope around the worker's bytes, streamed without copying them.
    const encoder = new TextEncoder();
    const chunks = [encoder.encode(`${SUCCESS}"${key}":`), reply.json, encoder.encode("}")];
    const length = chunks.reduce((n, c) => n + c.byteLength, 0);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    });
    return new Response(body, {
      headers: { "Content-Type": "application/json", "Content-Length": String(length) },
    });
  };
  const virus = (key: "results" | "report_data") => async (c: Context<Env>) => {
    const query = parseReportQuery(new URL(c.req.url).searchParams);
    const body = await readJson(c);
    parseVirusForm(body);
    const reply = await options.runReport({
      kind: "virus",
      body,
      seed: query.seed,
      probDist: query.probDist,
    });
    return answer(c, reply, key);
  };
  app.post("/virus/report", virus("results"));
  app.post("/report", virus("report_data"));
  const co2 = (kind: "co2_transition_times" | "co2_report") => async (c: Context<Env>) => {
    const query = parseCo2Query(new URL(c.req.url).searchParams, kind === "co2_report");
    const body = await readJson(c);
    parseCo2Form(body);
    return answer(c, await options.runReport({ kind, body, ...query }), "results");
  };
  app.post("/co2/transition_times", co2("co2_transition_times"));
  app.post("/co2/report", co2("co2_report"));

  for (const [path, method] of Object.entries(ROUTES)) {
    app.all(path, (c) =>
      json(405, `${c.req.method} is not allowed on ${path} (use ${method})`, {
        Allow: `${method}, OPTIONS`,
      }));
  }
  app.notFound((c) => json(404, `no route ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => errorResponse(error, c, options.log));
  return app;
}

function errorResponse(error: Error, c: Context<Env>, log: (line: string) => void): Response {
  if (
    error instanceof FormError || error instanceof QueryOptionError ||
    error instanceof BadJsonError
  ) {
    return json(400, error.message);
  }
  if (error instanceof PoolBusyError) {
    return json(503, error.message, { "Retry-After": String(error.retryAfterS) });
  }
  if (error instanceof PoolTimeoutError || error instanceof PoolClosedError) {
    return json(503, error.message);
  }
  const id = c.get("requestId");
  const detail = error instanceof WorkerCrashedError ? error.message : (error.stack ?? error);
  log(`id=${id} internal error: ${detail}`);
  return json(500, `internal error (request id ${id})`);
}
