// Issue 14's hostile and expensive inputs, in-process: the application with the real
// job runner (what a report worker runs), so every class of input is answered as the
// server answers it. Each test also checks that a valid report still works afterwards.
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { MAX_OCCUPANCY_GROUPS, MAX_SHORT_RANGE_INTERACTIONS } from "../../src/forms/limits.ts";
import { MAX_JSON_DEPTH } from "../../src/forms/json_nesting.ts";
import { createApp } from "../../src/server/app.ts";
import { type JobReply, joinedJson, type ReportJob, runJob } from "../../src/server/jobs.ts";
import { readFixtureInput } from "../forms/_helpers.ts";

/** The app with the worker's job runner in-process, and its log. */
function app(run: (job: ReportJob) => JobReply = (job) => runJob(job, {})) {
  const lines: string[] = [];
  const a = createApp({
    runReport: (job) => Promise.resolve(run(job)),
    load: () => ({ size: 1, ready: 1, busy: 0, queued: 0 }),
    allowedOrigins: ["https://allowed.example"],
    maxBodyBytes: 1024 * 1024,
    log: (line) => lines.push(line),
  });
  const post = (path: string, body: unknown) =>
    a.request(path, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { a, post, lines };
}

/** `depth` arrays inside each other around a number, as JSON text. */
function nested(depth: number): string {
  return "[".repeat(depth) + "1" + "]".repeat(depth);
}

const S3 = readFixtureInput("s3_mech_masks_shortrange");
const S4 = readFixtureInput("s4_dynamic_occupancy_hvac_ffp2");
const CO2 = readFixtureInput("s_co2_report");

async function message(res: Response): Promise<string> {
  return (await res.json()).message;
}

Deno.test("hostile input: JSON nested 4,000 deep anywhere is a 400 naming the nesting", async () => {
  const { post } = app();
  const deep = nested(4000);
  const cases: [string, string][] = [
    ["/virus/report", `{"_xsrf": ${deep}}`],
    [
      "/virus/report",
      JSON.stringify({ ...S3, short_range_option: "short_range_no" })
        .replace(/}$/, `, "_xsrf": ${deep}}`),
    ],
    ["/virus/report", JSON.stringify({ ...S4, CO2_fitting_result: deep })],
    ["/co2/report", JSON.stringify({ ...CO2, CO2_data: deep })],
    ["/co2/transition_times", `{"x": ${deep}}`],
  ];
  for (const [path, body] of cases) {
    const res = await post(path, body);
    strictEqual(res.status, 400, path);
    ok(/nested at most 32 levels deep/.test(await message(res)), path);
  }
  // Just at the limit is fine as far as nesting goes (the field itself is then checked).
  const atLimit = await post("/virus/report", `{"_xsrf": ${nested(MAX_JSON_DEPTH - 1)}}`);
  ok(!/nested at most/.test(await message(atLimit)));
});

Deno.test("hostile input: more groups or interactions than the limits are 400s, fast", async () => {
  const { post } = app();
  const groups: Record<string, unknown> = {};
  for (let g = 0; g <= MAX_OCCUPANCY_GROUPS; g++) {
    groups[`g${g}`] = {
      total_people: 2,
      infected: g === 0 ? 1 : 0,
      presence: [{ start_time: "09:00", finish_time: "12:00" }],
    };
  }
  const tooMany = await post("/virus/report", { ...S4, occupancy: JSON.stringify(groups) });
  strictEqual(tooMany.status, 400);
  ok(/^occupancy: expected at most 20 groups but found 21/.test(await message(tooMany)));

  const interactions = Array.from({ length: 200 }, () => ({
    expiration: "Speaking",
    start_time: "10:00",
    duration: 0,
  }));
  const sr = await post("/virus/report", {
    ...S3,
    short_range_interactions: JSON.stringify({ group_1: interactions }),
  });
  strictEqual(sr.status, 400);
  ok(
    new RegExp(`at most ${MAX_SHORT_RANGE_INTERACTIONS} interactions`).test(await message(sr)),
  );
});

Deno.test("hostile input: 3,000 ventilation states and 130,000 invalid readings are 400s", async () => {
  const { post } = app();
  const states = Array.from({ length: 3000 }, (_, i) => 8 + (5 * i) / 3000);
  const many = await post("/co2/report", {
    ...CO2,
    fitting_ventilation_states: JSON.stringify(states),
  });
  strictEqual(many.status, 400);
  ok(/^fitting_ventilation_states: expected at most 101 times/.test(await message(many)));

  const bad = Array.from({ length: 130_000 }, () => "x");
  const readings = await post("/co2/report", {
    ...CO2,
    CO2_data: JSON.stringify({ times: bad, CO2: [] }),
  });
  strictEqual(readings.status, 400);
  const text = await message(readings);
  ok(/expected at most 50000 readings/.test(text));
  ok(text.length < 1000, `a ${text.length}-character message`);

  // 50,000 readings × 21 intervals is more fitting work than one request may ask for.
  const times = Array.from({ length: 50_000 }, (_, i) => (8 + i / 10_000).toFixed(4));
  const fit = await post("/co2/report", {
    ...CO2,
    CO2_data: `{"times": [${times.join(",")}], "CO2": [${times.map(() => "500").join(",")}]}`,
    fitting_ventilation_states: JSON.stringify(
      Array.from({ length: 21 }, (_, i) => 8 + i / 4.2),
    ),
  });
  strictEqual(fit.status, 400);
  ok(/readings × ventilation intervals/.test(await message(fit)));

  // More than 50 intervals at once: the search's work grows with their square.
  const intervals = await post("/co2/report", {
    ...CO2,
    fitting_ventilation_states: JSON.stringify(
      Array.from({ length: 52 }, (_, i) => 8.5 + (4.5 * i) / 51),
    ),
  });
  strictEqual(intervals.status, 400);
  ok(/^fitting_ventilation_states: expected at most 50 ventilation intervals/.test(
    await message(intervals),
  ));
});

Deno.test("hostile input: __proto__ and other reserved group names are 400s, not dropped", async () => {
  const { post } = app();
  const group = {
    total_people: 5,
    infected: 1,
    presence: [{ start_time: "09:00", finish_time: "12:00" }],
  };
  for (const name of ["__proto__", "constructor"]) {
    const occupancy = `{${JSON.stringify(name)}: ${JSON.stringify(group)}}`;
    const res = await post("/virus/report", { ...S4, occupancy });
    strictEqual(res.status, 400, name);
    ok(/reserved name/.test(await message(res)), name);
  }
});

Deno.test("hostile input: occupancy groups without any infected are a 400 naming occupancy", async () => {
  const { post } = app();
  const group = {
    total_people: 5,
    infected: 0,
    presence: [{ start_time: "09:00", finish_time: "10:00" }],
  };
  for (const activity_type of ["office", "smallmeeting"]) {
    for (const total_people of [5, 0]) {
      const occupancy = { g: { ...group, total_people } };
      const res = await post("/virus/report?prob_dist=0", { ...S4, occupancy, activity_type });
      strictEqual(res.status, 400, `${activity_type}, ${total_people} people`);
      ok(/^occupancy: expected at least one infected person/.test(await message(res)));
    }
  }
  strictEqual((await post("/virus/report?prob_dist=0", S4)).status, 200);
});

Deno.test("hostile input: a per-sample output over the response bound is a 400 suggesting prob_dist=0", async () => {
  const { post } = app();
  const groups: Record<string, unknown> = {};
  for (let g = 0; g < 12; g++) {
    groups[`g${g}`] = {
      total_people: 2,
      infected: g === 0 ? 1 : 0,
      presence: [{ start_time: "09:00", finish_time: "12:00" }],
    };
  }
  const res = await post("/virus/report", { ...S4, occupancy: JSON.stringify(groups) });
  strictEqual(res.status, 400);
  ok(/^prob_dist: .*ask with prob_dist=0/.test(await message(res)));
});

Deno.test("hostile input: echoed names and values are short; log lines cannot be forged", async () => {
  const { a, post, lines } = app();
  const key = "k".repeat(100_000);
  const res = await post("/virus/report", `{${JSON.stringify(key)}: 1}`);
  strictEqual(res.status, 400);
  ok((await res.text()).length < 2000);
  const query = await a.request(`/virus/report?${key}=1`, { method: "POST", body: "{}" });
  strictEqual(query.status, 400);
  ok((await query.text()).length < 500);
  const forged = await a.request("/x%0d%0aPOST%20/virus/report%20200%201.0%20ms");
  strictEqual(forged.status, 404);
  ok(lines.every((l) => !l.includes("\n") && !l.includes("\r")));
  ok(lines.some((l) => l.startsWith("GET /x\\x0d\\x0aPOST /virus/report 200 1.0 ms 404 ")));
});

Deno.test("hostile input: answers carry nosniff, no-store and Vary: Origin", async () => {
  const { a } = app();
  for (const path of ["/health", "/nope"]) {
    const res = await a.request(path, { headers: { Origin: "https://evil.example" } });
    await res.body?.cancel();
    strictEqual(res.headers.get("X-Content-Type-Options"), "nosniff", path);
    strictEqual(res.headers.get("Cache-Control"), "no-store", path);
    strictEqual(res.headers.get("Vary"), "Origin", path);
    strictEqual(res.headers.get("Access-Control-Allow-Origin"), null, path);
  }
});

Deno.test("hostile input: a polluted Object.prototype changes neither validation nor results", () => {
  const body = { ...S3 };
  delete body.room_volume;
  const before = runJob({ kind: "virus", body: JSON.stringify(body), probDist: false }, {});
  const proto = Object.prototype as Record<string, unknown>;
  proto.room_volume = "5000";
  proto.short_range_option = "short_range_no";
  try {
    const during = runJob({ kind: "virus", body: JSON.stringify(body), probDist: false }, {});
    deepStrictEqual(during, before);
    ok(!before.ok && /^room_volume: expected a volume > 0/.test(before.message));
  } finally {
    delete proto.room_volume;
    delete proto.short_range_option;
  }
});

Deno.test("hostile input: over the admission bound a report request is a 503 with its body unread", async () => {
  let ran = false;
  const a = createApp({
    runReport: () => {
      ran = true;
      return Promise.resolve({ ok: true, json: [new TextEncoder().encode("{}")] });
    },
    admit: () => undefined,
    load: () => ({ size: 1, ready: 1, busy: 1, queued: 4 }),
    allowedOrigins: [],
    maxBodyBytes: 1024 * 1024,
    log: () => {},
  });
  // A body that never ends: reading it would never finish.
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode("{"));
    },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const res = await Promise.race([
    a.request("/virus/report", { method: "POST", body }),
    new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 60_000))),
  ]);
  clearTimeout(timer);
  ok(res !== undefined, "the request waited for its body");
  strictEqual(res.status, 503);
  strictEqual(res.headers.get("Retry-After"), "1");
  ok(/busy/.test(await message(res)));
  strictEqual(ran, false);
  await body.cancel().catch(() => {});
});

Deno.test("hostile input: touching presence intervals are one stretch of presence (200, same numbers)", () => {
  const presence = (list: [string, string][]) =>
    JSON.stringify({
      A: {
        total_people: 5,
        infected: 1,
        presence: list.map(([start_time, finish_time]) => ({ start_time, finish_time })),
      },
    });
  const run = (occupancy: string) => {
    const reply = runJob({
      kind: "virus",
      body: JSON.stringify({ ...S4, occupancy }),
      seed: 4,
      probDist: false,
    }, {});
    ok(reply.ok, reply.ok ? "" : reply.message);
    return JSON.parse(new TextDecoder().decode(joinedJson(reply.json)));
  };
  const touching = run(presence([["09:00", "10:00"], ["10:00", "11:00"]]));
  const merged = run(presence([["09:00", "11:00"]]));
  const a = touching.groups.A.prob_inf;
  const b = merged.groups.A.prob_inf;
  ok(Math.abs(a - b) <= 1e-9 * Math.abs(b), `${a} vs ${b}`);
  ok(a > 0);
});
