/**
 * `deno task probe`: replays the classes of hostile and expensive requests of issue 14
 * against a server and prints a table of statuses, times and the server's resident
 * memory (RSS), then checks that every answer was the expected one, that `/health`
 * stayed answering and that the server's RSS came back under 400 MB.
 *
 *   deno task probe                # starts its own server (2 workers) on a free port
 *   deno task probe --url URL [--pid PID]  # probes a running server (RSS with its pid)
 *
 * Bounded: a fixed list of requests (about 200 in all), each with a time limit; the run
 * stops at `--budget-s` (default 300). Loopback only. Exit code 1 when a check fails.
 *
 * @module
 */

import { SERVER_MAIN, type ServerProcess, startServerProcess } from "./_server_process.ts";

const FIXTURES = new URL("../tests/fixtures/reference/", import.meta.url);
const RSS_LIMIT_MB = 400;
const REQUEST_LIMIT_MS = 120_000;

interface Row {
  readonly probe: string;
  readonly expected: string;
  readonly statuses: string;
  readonly maxMs: number;
  /** The server's RSS after the probe, MB. */
  readonly rssMb: number;
  readonly ok: boolean;
}

function flag(name: string): string | undefined {
  const i = Deno.args.indexOf(name);
  return i >= 0 ? Deno.args[i + 1] : undefined;
}

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(Deno.readTextFileSync(new URL(`${name}.in.json`, FIXTURES)));
}

/** A server of this checkout with 2 workers and a 2 s limit on request heads. */
function startServer(): Promise<ServerProcess> {
  return startServerProcess(SERVER_MAIN, ["--workers", "2", "--header-timeout", "2"], "null");
}

/** The server's RSS, MB (`ps`), or NaN when unknown. */
async function rssMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return NaN;
  const out = await new Deno.Command("ps", { args: ["-o", "rss=", "-p", String(pid)] }).output()
    .catch(() => undefined);
  const kb = Number(new TextDecoder().decode(out?.stdout ?? new Uint8Array()).trim());
  return kb > 0 ? kb / 1024 : NaN;
}

async function post(
  url: string,
  path: string,
  body: string,
): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}${path}`, {
      method: "POST",
      body,
      signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  } catch {
    return { status: 0, ms: performance.now() - t0 };
  }
}

async function healthMs(url: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(REQUEST_LIMIT_MS) });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  } catch {
    return { status: 0, ms: performance.now() - t0 };
  }
}

function summary(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => (n === 1 ? String(s) : `${s}×${n}`)).join(" ");
}

function groups(n: number): string {
  const out: Record<string, unknown> = {};
  for (let g = 0; g < n; g++) {
    out[`g${g}`] = {
      total_people: 3,
      infected: g === 0 ? 1 : 0,
      presence: [{ start_time: "09:00", finish_time: "12:00" }, {
        start_time: "13:00",
        finish_time: "17:00",
      }],
    };
  }
  return JSON.stringify(out);
}

function interactions(n: number, duration: number): string {
  const list = Array.from({ length: n }, (_, i) => ({
    expiration: "Speaking",
    start_time: `${String(9 + Math.floor(i / 3)).padStart(2, "0")}:${
      String((i % 3) * 20).padStart(2, "0")
    }`,
    duration,
  }));
  return JSON.stringify({ group_1: list });
}

async function main(): Promise<void> {
  const budgetMs = Number(flag("--budget-s") ?? 300) * 1000;
  const started = performance.now();
  const given = flag("--url");
  const server = given === undefined ? await startServer() : undefined;
  const url = given ?? server!.url;
  const pid = server?.child.pid ??
    (flag("--pid") === undefined ? undefined : Number(flag("--pid")));
  const s3 = fixture("s3_mech_masks_shortrange");
  const s4 = fixture("s4_dynamic_occupancy_hvac_ffp2");
  const co2 = fixture("s_co2_report");
  const deep = "[".repeat(4000) + "1" + "]".repeat(4000);
  const rows: Row[] = [];
  let healthMax = 0;

  const probe = async (
    name: string,
    expected: number[],
    requests: (() => Promise<{ status: number; ms: number }>)[],
  ) => {
    if (performance.now() - started > budgetMs) {
      rows.push({
        probe: name,
        expected: "",
        statuses: "skipped (budget)",
        maxMs: 0,
        rssMb: NaN,
        ok: true,
      });
      return;
    }
    const results = await Promise.all(requests.map((r) => r()));
    const health = await healthMs(url);
    healthMax = Math.max(healthMax, health.ms);
    rows.push({
      probe: name,
      expected: expected.join("/"),
      statuses: summary(results.map((r) => r.status)),
      maxMs: Math.max(...results.map((r) => r.ms)),
      rssMb: await rssMb(pid),
      ok: results.every((r) => expected.includes(r.status)) && health.status === 200,
    });
  };
  const virus = (body: unknown, query = "?prob_dist=0&seed=1") => () =>
    post(url, `/virus/report${query}`, typeof body === "string" ? body : JSON.stringify(body));

  // Wait until the server can take reports.
  while ((await healthMs(url)).status !== 200) await new Promise((r) => setTimeout(r, 50));

  await probe("body nested 4,000 deep (_xsrf, CO2 form)", [400], [
    virus(`{"_xsrf": ${deep}}`),
    () => post(url, "/co2/report", JSON.stringify({ ...co2, CO2_data: deep })),
  ]);
  await probe("21 occupancy groups", [400], [virus({ ...s4, occupancy: groups(21) })]);
  await probe("20 occupancy groups (accepted, expensive)", [200], [
    virus({ ...s4, occupancy: groups(20) }),
  ]);
  await probe("12 groups with prob_dist (response bound)", [400], [
    virus({ ...s4, occupancy: groups(12) }, "?seed=1"),
  ]);
  await probe("200 zero-duration short-range interactions", [400], [
    virus({ ...s3, short_range_interactions: interactions(200, 0) }),
  ]);
  await probe("20 short-range interactions (accepted, expensive)", [200], [
    virus({ ...s3, short_range_interactions: interactions(20, 5) }),
  ]);
  const states = Array.from({ length: 3000 }, (_, i) => 8 + (5 * i) / 3000);
  await probe("CO2 fit with 3,000 ventilation states", [400], [
    () =>
      post(
        url,
        "/co2/report",
        JSON.stringify({ ...co2, fitting_ventilation_states: JSON.stringify(states) }),
      ),
  ]);
  // The fit's bounds: 50 intervals × 4,000 readings (200,000), a smooth rise with a wave.
  const readings = Array.from({ length: 4000 }, (_, i) => 8 + (5 * i) / 3999);
  const atBounds = JSON.stringify({
    ...co2,
    CO2_data: JSON.stringify({
      times: readings,
      CO2: readings.map((t) => 440 + 600 * (1 - Math.exp(8 - t)) + 20 * Math.sin(7 * t)),
    }),
    fitting_ventilation_states: JSON.stringify(Array.from({ length: 51 }, (_, i) => 8 + i / 10)),
  });
  await probe("CO2 fit at its bounds, both methods (accepted, expensive)", [200], [
    () => post(url, "/co2/report", atBounds),
    () => post(url, "/co2/report?fit_method=least_squares", atBounds),
  ]);
  const flat = Array.from({ length: 200 }, (_, i) => 8 + i / 40);
  await probe("flat 1e16 ppm readings with plot=1", [400], [
    () =>
      post(
        url,
        "/co2/transition_times?plot=1",
        JSON.stringify({
          ...co2,
          CO2_data: JSON.stringify({ times: flat, CO2: flat.map(() => 1e16) }),
        }),
      ),
  ]);
  await probe("touching presence intervals", [200], [
    virus({
      ...s4,
      occupancy: JSON.stringify({
        A: {
          total_people: 5,
          infected: 1,
          presence: [{ start_time: "09:00", finish_time: "10:00" }, {
            start_time: "10:00",
            finish_time: "11:00",
          }],
        },
      }),
    }),
  ]);
  await probe("extreme values (room_volume 5e-324, window_height 1e308)", [400], [
    virus({ ...s3, room_volume: "5e-324" }),
    virus({ ...s3, ventilation_type: "natural_ventilation", window_height: "1e308" }),
  ]);
  await probe("__proto__ occupancy group", [400], [
    virus({ ...s4, occupancy: `{"__proto__": ${groups(1).slice(6, -1)}}` }),
  ]);
  const invalid = JSON.stringify({
    ...co2,
    CO2_data: JSON.stringify({ times: Array(130_000).fill("x"), CO2: [] }),
  });
  await probe("130,000 invalid readings", [400], [
    () => post(url, "/co2/report", invalid),
  ]);
  const big = JSON.stringify({ ...s3, simulation_name: "x".repeat(750_000), bogus: 1 });
  await probe(
    "64 concurrent 750 KB invalid bodies",
    [400, 503],
    Array.from({ length: 64 }, () => virus(big)),
  );
  await probe("CR/LF in the path", [404], [
    async () => {
      const t0 = performance.now();
      const res = await fetch(`${url}/x%0d%0aforged`);
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - t0 };
    },
  ]);
  // 100 half-open connections: the server closes them and goes on answering.
  const port = Number(new URL(url).port);
  const held: Deno.Conn[] = [];
  for (let i = 0; i < 100; i++) {
    const conn = await Deno.connect({ hostname: "127.0.0.1", port });
    await conn.write(new TextEncoder().encode("GET /health HTTP/1.1\r\nHo"));
    held.push(conn);
  }
  await probe("100 half-open connections held", [200], [() => healthMs(url)]);
  for (const conn of held) {
    try {
      conn.close();
    } catch { /* closed by the server */ }
  }

  // Memory after the expensive requests: give a recycled worker time to start.
  await new Promise((r) => setTimeout(r, 2000));
  const rss = await rssMb(pid);
  console.log("| probe | expected | statuses | max ms | RSS after, MB | ok |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const r of rows) {
    const rss = Number.isNaN(r.rssMb) ? "–" : r.rssMb.toFixed(0);
    const ok = r.ok ? "yes" : "NO";
    console.log(
      `| ${r.probe} | ${r.expected} | ${r.statuses} | ${r.maxMs.toFixed(0)} | ${rss} | ${ok} |`,
    );
  }
  const rssOk = Number.isNaN(rss) || rss < RSS_LIMIT_MB;
  console.log(
    `/health slowest answer between probes: ${healthMax.toFixed(0)} ms; server RSS after: ` +
      `${Number.isNaN(rss) ? "not measured" : `${rss.toFixed(0)} MB`} (limit ${RSS_LIMIT_MB})`,
  );
  server?.child.kill("SIGTERM");
  await server?.child.status;
  const failed = rows.filter((r) => !r.ok).length + (rssOk ? 0 : 1);
  console.log(failed === 0 ? "probe: all checks passed" : `probe: ${failed} checks failed`);
  if (failed > 0) Deno.exit(1);
}

await main();
