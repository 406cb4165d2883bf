// The application in-process (`app.request`), with a fake report runner: error
// mapping, logs and envelopes without workers. The real server is in server_test.ts.
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { createApp } from "../../src/server/app.ts";
import { type JobReply, type ReportJob, runJob } from "../../src/server/jobs.ts";
import { PoolBusyError, PoolTimeoutError } from "../../src/server/worker_pool.ts";
import { REQUIRED_WIRE } from "../forms/_helpers.ts";

function app(
  runReport: (job: ReportJob) => Promise<JobReply>,
  releaseReply?: (reply: JobReply, segments: number) => void,
) {
  const lines: string[] = [];
  const a = createApp({
    runReport,
    releaseReply,
    load: () => ({ size: 1, ready: 1, busy: 0, queued: 0 }),
    allowedOrigins: [],
    maxBodyBytes: 4096,
    log: (line) => lines.push(line),
  });
  const post = (body: unknown, query = "") =>
    a.request(`/virus/report${query}`, { method: "POST", body: JSON.stringify(body) });
  return { a, lines, post };
}

Deno.test("app: the job gets the body and the query options; the envelope wraps its JSON", async () => {
  const jobs: ReportJob[] = [];
  const { a, post } = app((job) => {
    jobs.push(job);
    return Promise.resolve({ ok: true, json: [new TextEncoder().encode('{"seed":7}')] });
  });
  const res = await post(REQUIRED_WIRE, "?seed=7&prob_dist=0");
  strictEqual(res.status, 200);
  strictEqual(res.headers.get("Content-Type"), "application/json");
  const bytes = new Uint8Array(await res.clone().arrayBuffer());
  strictEqual(Number(res.headers.get("Content-Length")), bytes.byteLength);
  deepStrictEqual(await res.json(), {
    status: "success",
    message: "Results generated successfully",
    results: { seed: 7 },
  });
  deepStrictEqual(jobs, [{
    kind: "virus",
    body: JSON.stringify(REQUIRED_WIRE),
    seed: 7,
    probDist: false,
    alternativeScenarios: false,
    reportGenerationParallelism: undefined,
  }]);
  const old = await a.request("/report?alternative_scenarios=1", {
    method: "POST",
    body: JSON.stringify(REQUIRED_WIRE),
  });
  deepStrictEqual((await old.json()).report_data, { seed: 7 });
  deepStrictEqual(jobs[1], {
    kind: "virus",
    body: JSON.stringify(REQUIRED_WIRE),
    seed: undefined,
    probDist: true,
    alternativeScenarios: true,
    reportGenerationParallelism: undefined,
  });
});

Deno.test("app: invalid forms and query options answer 400 naming the field", async () => {
  const { post } = app((job) => Promise.resolve(runJob(job, {})));
  const res = await post({ ...REQUIRED_WIRE, windows_number: "two" });
  strictEqual(res.status, 400);
  ok(/^windows_number: expected/.test((await res.json()).message));
  const query = await post(REQUIRED_WIRE, "?seed=-1");
  strictEqual(query.status, 400);
  ok(/^query parameter seed: expected an integer/.test((await query.json()).message));
});

Deno.test("app: a failed job maps to its status; a 500 is logged with the request id", async () => {
  const { post, lines } = app(() =>
    Promise.resolve({ ok: false, status: 500, message: "internal", detail: "Error: at /x.ts:1" })
  );
  const res = await post(REQUIRED_WIRE);
  strictEqual(res.status, 500);
  const id = res.headers.get("X-Request-Id");
  deepStrictEqual(await res.json(), { message: `internal (request id ${id})` });
  ok(lines.some((l) => l === `id=${id} internal error: Error: at /x.ts:1`));
  ok(lines.some((l) => l.startsWith("POST /virus/report 500 ") && l.endsWith(`id=${id}`)));
});

Deno.test("app: an exception becomes a generic 500 without stack or path", async () => {
  const { post, lines } = app(() => Promise.reject(new TypeError("x is undefined")));
  const res = await post(REQUIRED_WIRE);
  strictEqual(res.status, 500);
  const { message } = await res.json();
  strictEqual(message, `internal error (request id ${res.headers.get("X-Request-Id")})`);
  ok(lines.some((l) => l.includes("TypeError: x is undefined") && l.includes("app_test.ts")));
});

Deno.test("app: pool errors become 503, with Retry-After when the queue is full", async () => {
  const busy = await app(() => Promise.reject(new PoolBusyError(3, 7))).post(REQUIRED_WIRE);
  strictEqual(busy.status, 503);
  strictEqual(busy.headers.get("Retry-After"), "7");
  ok(/busy/.test((await busy.json()).message));
  const late = await app(() => Promise.reject(new PoolTimeoutError(500))).post(REQUIRED_WIRE);
  strictEqual(late.status, 503);
  ok(/time limit of 0.5 s/.test((await late.json()).message));
});

Deno.test("app: a body over the limit is a 413, also without Content-Length", async () => {
  const { a } = app(() => Promise.resolve({ ok: true, json: [new TextEncoder().encode("{}")] }));
  const big = JSON.stringify({ ...REQUIRED_WIRE, simulation_name: "x".repeat(5000) });
  const sized = await a.request("/virus/report", { method: "POST", body: big });
  strictEqual(sized.status, 413);
  deepStrictEqual(await sized.json(), { message: "body: expected at most 4096 bytes" });
  const stream = new Blob([big]).stream();
  const chunked = await a.request("/virus/report", { method: "POST", body: stream });
  strictEqual(chunked.status, 413);
});

Deno.test("app: the OpenAPI document lists alternative_scenarios and the fields it adds", async () => {
  const { a } = app(() => Promise.resolve({ ok: true, json: [new TextEncoder().encode("{}")] }));
  const doc = await (await a.request("/openapi.json")).json();
  for (const path of ["/virus/report", "/report"]) {
    const parameters = doc.paths[path].post.parameters as { name: string; in: string }[];
    ok(parameters.some((p) => p.name === "alternative_scenarios" && p.in === "query"), path);
  }
  const text = JSON.stringify(doc);
  ok(text.includes('"alternative_viral_load"'));
  ok(text.includes('"probability_of_infection"'));
});

/**
 * Serves one 3 MB report through a real Deno.serve, its bytes in one buffer of its own
 * (larger than the report, as a worker's writer makes it) or in shared segments (as a
 * worker's kernel holds them), checks it arrives whole, and returns its buffers and reply
 * once the response is complete.
 */
async function serveLargeReport(
  shared: boolean,
  releaseReply?: (reply: JobReply, segments: number) => void,
): Promise<{ buffers: ArrayBufferLike[]; reply: JobReply }> {
  const bytes = new TextEncoder().encode(
    `[${Array.from({ length: 300_000 }, (_, i) => i % 1000).join(",")}]`,
  );
  const json: Uint8Array[] = [];
  if (shared) {
    const memory = new SharedArrayBuffer(bytes.length + 1024);
    for (let at = 0; at < bytes.length; at += 1_000_000) {
      const end = Math.min(bytes.length, at + 1_000_000);
      json.push(new Uint8Array(memory, at, end - at));
      json.at(-1)!.set(bytes.subarray(at, end));
    }
  } else {
    json.push(new Uint8Array(new ArrayBuffer(bytes.length + 1024), 0, bytes.length));
    json[0].set(bytes);
  }
  const reply: JobReply = shared ? { ok: true, json, segments: 7 } : { ok: true, json };
  const { a } = app(() => Promise.resolve(reply), releaseReply);
  const sent = Promise.withResolvers<void>();
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => {} }, (req, info) => {
    info.completed.finally(() => setTimeout(sent.resolve, 0));
    return a.fetch(req, info);
  });
  try {
    const res = await fetch(`http://127.0.0.1:${server.addr.port}/virus/report`, {
      method: "POST",
      body: JSON.stringify(REQUIRED_WIRE),
    });
    strictEqual(res.status, 200);
    const body = await res.json();
    strictEqual(body.results.length, 300_000);
    strictEqual(body.results[299_999], 999);
    await sent.promise;
    return { buffers: json.map((chunk) => chunk.buffer), reply };
  } finally {
    await server.shutdown();
  }
}

Deno.test("app: a report's own buffer is freed once Deno.serve has sent it, and arrives whole", async () => {
  const released: number[] = [];
  const { buffers } = await serveLargeReport(false, (_, segments) => released.push(segments));
  ok((buffers[0] as ArrayBuffer).detached, "detached (its memory given back) after the response");
  deepStrictEqual(released, [], "nothing to give back to a worker");
});

Deno.test("app: a report in a worker's kernel segments arrives whole and goes back once sent", async () => {
  const released: [JobReply, number][] = [];
  const { buffers, reply } = await serveLargeReport(true, (r, segments) => {
    released.push([r, segments]);
  });
  strictEqual(released.length, 1);
  strictEqual(released[0][0], reply);
  strictEqual(released[0][1], 7);
  ok(buffers.every((b) => b instanceof SharedArrayBuffer), "streamed from the shared memory");
});
