// The `sample_size` query parameter of the virus report routes: validated (a 400 naming
// the parameter and the server's maximum), passed to the report, and bounding the
// response and memory checks with the requested N.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { createApp } from "../../src/server/app.ts";
import { type JobReply, type ReportJob, runJob } from "../../src/server/jobs.ts";
import { parseServeArgs } from "../../src/server/options.ts";
import {
  DEFAULT_MAX_SAMPLE_SIZE,
  parseReportQuery,
  QueryOptionError,
} from "../../src/server/query_options.ts";
import { REQUIRED_WIRE } from "../forms/_helpers.ts";

function app(maxSampleSize?: number) {
  const jobs: ReportJob[] = [];
  const runReport = (job: ReportJob): Promise<JobReply> => {
    jobs.push(job);
    return Promise.resolve(runJob(job, {}));
  };
  const a = createApp({
    runReport,
    load: () => ({ size: 1, ready: 1, busy: 0, queued: 0 }),
    allowedOrigins: [],
    maxBodyBytes: 64 * 1024,
    ...(maxSampleSize === undefined ? {} : { maxSampleSize }),
    log: () => {},
  });
  const post = (query: string, path = "/virus/report") =>
    a.request(`${path}${query}`, { method: "POST", body: JSON.stringify(REQUIRED_WIRE) });
  return { jobs, post };
}

Deno.test("sample_size: integers from 1 to the maximum; anything else names the parameter", () => {
  const q = (text: string) => new URLSearchParams(text);
  strictEqual(parseReportQuery(q("sample_size=1")).sampleSize, 1);
  strictEqual(parseReportQuery(q("")).sampleSize, undefined);
  strictEqual(
    parseReportQuery(q(`sample_size=${DEFAULT_MAX_SAMPLE_SIZE}`)).sampleSize,
    DEFAULT_MAX_SAMPLE_SIZE,
  );
  strictEqual(
    parseReportQuery(q("sample_size=10000000"), { maxSampleSize: 10_000_000 }).sampleSize,
    10_000_000,
  );
  for (const bad of ["0", "-5", "1.5", "1e6", "abc", "", "sample_size=2&sample_size=3"]) {
    const query = bad.includes("=") ? q(bad) : q(`sample_size=${bad}`);
    throws(
      () => parseReportQuery(query),
      (e: unknown) =>
        e instanceof QueryOptionError && e.parameter === "sample_size" &&
        (bad.includes("=") || new RegExp(`in 1\\.\\.${DEFAULT_MAX_SAMPLE_SIZE} `).test(e.message)),
      bad,
    );
  }
  throws(
    () => parseReportQuery(q("sample_size=2000001"), { maxSampleSize: 2_000_000 }),
    (e: unknown) =>
      e instanceof QueryOptionError && /sample_size/.test(e.message) &&
      /in 1\.\.2000000 \(2000000 is this server's maximum\)/.test(e.message),
  );
});

Deno.test("sample_size: a small N runs with that many samples (both routes)", async () => {
  const { jobs, post } = app();
  for (const path of ["/virus/report", "/report"]) {
    const res = await post("?sample_size=1000&seed=3", path);
    strictEqual(res.status, 200, path);
    const body = await res.json();
    const results = body.results ?? body.report_data;
    ok(results.model.endsWith("samples 1000)"), results.model);
    strictEqual(Object.values<{ prob_dist: number[] }>(results.groups)[0].prob_dist.length, 1000);
  }
  strictEqual(jobs[0].kind === "virus" && jobs[0].sampleSize, 1000);
});

Deno.test("sample_size above the server's maximum: 400 naming it and the maximum", async () => {
  const { jobs, post } = app(5000);
  const res = await post("?sample_size=5001");
  strictEqual(res.status, 400);
  const { message } = await res.json();
  ok(/sample_size/.test(message) && /5000/.test(message), message);
  deepStrictEqual(jobs, []);
  // The default maximum.
  const res2 = await app().post(`?sample_size=${DEFAULT_MAX_SAMPLE_SIZE + 1}`);
  strictEqual(res2.status, 400);
  ok(/sample_size/.test((await res2.json()).message));
});

Deno.test("sample_size: the response bound uses the requested N", () => {
  const reply = runJob({
    kind: "virus",
    body: JSON.stringify(REQUIRED_WIRE),
    probDist: true,
    sampleSize: 3_000_000,
    seed: 1,
  }, {});
  strictEqual(reply.ok, false);
  ok(!reply.ok && reply.status === 400 && /prob_dist/.test(reply.message), JSON.stringify(reply));
});

Deno.test("--max-sample-size and CAIMIRA_MAX_SAMPLE_SIZE: up to 10,000,000", () => {
  const env = (vars: Record<string, string>) => (name: string) => vars[name];
  const parsed = (args: string[], vars: Record<string, string> = {}) => {
    const o = parseServeArgs(args, env(vars));
    if (o === "help") throw new Error("help");
    return o.maxSampleSize;
  };
  strictEqual(parsed([]), DEFAULT_MAX_SAMPLE_SIZE);
  strictEqual(parsed(["--max-sample-size", "10000000"]), 10_000_000);
  strictEqual(parsed([], { CAIMIRA_MAX_SAMPLE_SIZE: "2000000" }), 2_000_000);
  strictEqual(parsed(["--max-sample-size=500"], { CAIMIRA_MAX_SAMPLE_SIZE: "2000000" }), 500);
  throws(() => parsed(["--max-sample-size", "10000001"]), /--max-sample-size/);
  throws(() => parsed(["--max-sample-size", "0"]), /--max-sample-size/);
});

Deno.test("sample_size above one chunk with the viral-load percentiles: a 400, not a 500", () => {
  const body = JSON.parse(
    Deno.readTextFileSync(
      new URL("../fixtures/reference/s6_precise_activity_cond_prob.in.json", import.meta.url),
    ),
  );
  const reply = runJob({
    kind: "virus",
    body: JSON.stringify(body),
    probDist: false,
    sampleSize: 250_001,
    alternativeScenarios: true,
    seed: 1,
  }, {});
  ok(
    !reply.ok && reply.status === 400 && /sample_size/.test(reply.message) &&
      /alternative_viral_load/.test(reply.message),
    JSON.stringify(reply),
  );
});
