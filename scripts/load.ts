/**
 * Load test of the server (`deno task load`): starts it as its own process on a free
 * loopback port (so the client's work does not share the server's thread) and measures
 * one of two things.
 *
 * Throughput (the default): after {@link WARM_UP_REPORTS} reports per worker (the steady
 * state of V8's compilers), concurrent `POST /virus/report` requests for the first shared
 * fixture (s1_rest_example_natural, seed 0, without prob_dist unless `--prob-dist`),
 * `/health` polled every 50 ms meanwhile; prints throughput, latency percentiles, the
 * `/health` percentiles, errors, the server's CPU time per report (with the throughput it
 * bounds: cores / CPU per report, which other processes on the machine do not lower), and
 * the targets: at least {@link TARGET_REPORTS_PER_S} reports/s and a `/health` p99 under
 * {@link TARGET_HEALTH_P99_MS} ms (measured with `--requests 200 --concurrency 4
 * --workers 2`).
 *
 * Memory (`--memory`): replays every shared virus fixture (s1…s7, seed 0, the default
 * output with the 250,000-number `prob_dist`) `--rounds` times (default 3) with
 * `--concurrency` (default 2) requests at once, and prints the server process's peak
 * resident set (`VmHWM` of /proc/<pid>/status, Linux: the main thread and its workers)
 * against the target of {@link TARGET_PEAK_MB} MB.
 *
 * Bounded: `--requests N` (default 24) and `--seconds S` (default 60), whichever comes
 * first; `--concurrency C` (default 4); `--workers W` (default: cores; 2 in `--memory`).
 * `--tree DIR` runs the server of another checkout (e.g. the commit before a change, for
 * before/after runs); `--module PATH` runs another entry file, e.g. the bundle as the
 * container runs it (`deno task bundle`, then `--module dist/server/main.js`). Needs
 * ../shared/fixtures (the fixtures and the weather data); without them it says so and
 * exits 0.
 *
 * @module
 */
import { SHARED_FIXTURES, virusFixtureNames } from "./bench/_shared_fixtures.ts";
import { SERVER_MAIN, startServerProcess } from "./_server_process.ts";
import { IDLE_RELEASE_MS } from "../src/server/worker.ts";

/** Target throughput of the server on 2 cores (s1, `prob_dist=0`, 2 workers), reports/s. */
const TARGET_REPORTS_PER_S = 45;
/** Target 99th percentile of `/health` during the throughput run, ms. */
const TARGET_HEALTH_P99_MS = 50;
/** Target peak resident set of the server (2 workers) over the memory replay, MB. */
const TARGET_PEAK_MB = 200;
/** A clock tick of /proc/<pid>/stat (USER_HZ, 100 on Linux), ms. */
const CLOCK_TICK_MS = 10;
/** Pause between two `/health` polls, ms. */
const HEALTH_POLL_MS = 50;

const THROUGHPUT_FIXTURE = "s1_rest_example_natural";
/** Reports per worker before the throughput is measured. */
const WARM_UP_REPORTS = 20;

function flag(name: string, fallback: number): number {
  const at = Deno.args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(Deno.args[at + 1]) : fallback;
  if (!(value > 0)) throw new RangeError(`--${name}: expected a positive number`);
  return value;
}

function textFlag(name: string): string | undefined {
  const at = Deno.args.indexOf(`--${name}`);
  return at >= 0 ? Deno.args[at + 1] : undefined;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function verdict(pass: boolean): string {
  return pass ? "PASS" : "FAIL";
}

const memoryMode = Deno.args.includes("--memory");
const fixtures = virusFixtureNames();
if (fixtures === undefined || !fixtures.includes(THROUGHPUT_FIXTURE)) {
  console.log("../shared/fixtures not found: no load test");
  Deno.exit(0);
}
const bodies = new Map<string, string>();
for (const name of memoryMode ? fixtures : [THROUGHPUT_FIXTURE]) {
  bodies.set(name, await Deno.readTextFile(new URL(`reference/${name}.in.json`, SHARED_FIXTURES)));
}

const requests = flag("requests", 24);
const seconds = flag("seconds", 60);
const concurrency = flag("concurrency", memoryMode ? 2 : 4);
const workers = flag("workers", memoryMode ? 2 : navigator.hardwareConcurrency);
const rounds = flag("rounds", 3);
const tree = textFlag("tree");
const serverModule = textFlag("module") ??
  (tree === undefined ? SERVER_MAIN : `${tree.replace(/\/$/, "")}/src/server/main.ts`);

const { url, child } = await startServerProcess(serverModule, [
  "--workers",
  String(workers),
  "--queue",
  String(concurrency),
  "--weather-data",
  new URL("weather/", SHARED_FIXTURES).pathname,
]);
const server = { url };

/**
 * A resident-set figure of the server process (`VmHWM` or `VmRSS`), MB; NaN where
 * /proc cannot be read. (`cat` reads it: Deno grants /proc only with --allow-all.)
 */
async function serverMemoryMb(field: "VmHWM" | "VmRSS"): Promise<number> {
  try {
    const { stdout } = await new Deno.Command("cat", { args: [`/proc/${child.pid}/status`] })
      .output();
    const status = new TextDecoder().decode(stdout);
    return Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1]) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * CPU time the server process (main thread and workers) has used so far, ms (utime +
 * stime of /proc/<pid>/stat, in clock ticks of 10 ms); NaN where /proc cannot be read.
 * Less sensitive than the throughput to other processes sharing the cores.
 */
async function serverCpuMs(): Promise<number> {
  try {
    const { stdout } = await new Deno.Command("cat", { args: [`/proc/${child.pid}/stat`] })
      .output();
    const stat = new TextDecoder().decode(stdout);
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
  } catch {
    return NaN;
  }
}

async function report(name: string, query: string): Promise<number> {
  const res = await fetch(`${server.url}/virus/report${query}`, {
    method: "POST",
    body: bodies.get(name),
  });
  await res.arrayBuffer();
  return res.status;
}

if (memoryMode) {
  await replayForMemory();
} else {
  await measureThroughput();
}
child.kill("SIGTERM");
await child.status;

/** The throughput run (see the module's documentation). */
async function measureThroughput(): Promise<void> {
  const query = Deno.args.includes("--prob-dist") ? "?seed=0" : "?seed=0&prob_dist=0";
  // Warm-up: WARM_UP_REPORTS per worker (module load, then V8's optimizing compilers,
  // which need a few dozen calls of a report's functions): the steady state is measured.
  for (let i = 0; i < WARM_UP_REPORTS; i++) {
    await Promise.all(Array.from({ length: workers }, () => report(THROUGHPUT_FIXTURE, query)));
  }

  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const healthMs: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  let sent = 0;
  let done = false;

  const health = (async () => {
    while (!done) {
      const t = performance.now();
      await (await fetch(`${server.url}/health`)).arrayBuffer();
      healthMs.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, HEALTH_POLL_MS));
    }
  })();

  const cpuBefore = await serverCpuMs();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (sent < requests && performance.now() < deadline) {
      sent++;
      const t = performance.now();
      const status = await report(THROUGHPUT_FIXTURE, query);
      latencies.push(performance.now() - t);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  const cpuMs = await serverCpuMs() - cpuBefore;
  done = true;
  await health;

  latencies.sort((a, b) => a - b);
  healthMs.sort((a, b) => a - b);
  const ok = statuses.get(200) ?? 0;
  const rate = ok / elapsed;
  const healthP99 = percentile(healthMs, 0.99);
  console.log(`fixture ${THROUGHPUT_FIXTURE}, ${workers} workers, concurrency ${concurrency}`);
  console.log(
    `requests ${latencies.length} in ${elapsed.toFixed(2)} s: ${rate.toFixed(2)} reports/s`,
  );
  console.log(
    `latency ms: p50 ${percentile(latencies, 0.5).toFixed(0)}, p95 ${
      percentile(latencies, 0.95).toFixed(0)
    }, p99 ${percentile(latencies, 0.99).toFixed(0)}`,
  );
  console.log(
    `/health during load (${healthMs.length} polls) ms: p50 ${
      percentile(healthMs, 0.5).toFixed(1)
    }, p99 ${healthP99.toFixed(1)}, max ${healthMs[healthMs.length - 1]?.toFixed(1)}`,
  );
  console.log(
    `errors ${latencies.length - ok} (statuses ${JSON.stringify(Object.fromEntries(statuses))})`,
  );
  // CPU per report (the /health polls included): what the throughput would be with the
  // cores to the server alone, whatever else runs on the machine.
  const cpuPerReport = cpuMs / Math.max(1, ok);
  console.log(
    `server CPU per report ${cpuPerReport.toFixed(1)} ms (main thread and workers): at most ${
      ((navigator.hardwareConcurrency * 1000) / cpuPerReport).toFixed(1)
    } reports/s on ${navigator.hardwareConcurrency} cores`,
  );
  console.log(
    `target: throughput >= ${TARGET_REPORTS_PER_S} reports/s: ${
      verdict(rate >= TARGET_REPORTS_PER_S)
    } (${rate.toFixed(2)})`,
  );
  console.log(
    `target: /health p99 < ${TARGET_HEALTH_P99_MS} ms: ${
      verdict(healthP99 < TARGET_HEALTH_P99_MS)
    } (${healthP99.toFixed(1)})`,
  );
}

/** The memory replay (see the module's documentation). */
async function replayForMemory(): Promise<void> {
  const names = [...bodies.keys()];
  const order = Array.from({ length: rounds }, () => names).flat();
  const latencies = new Map<string, number[]>(names.map((n) => [n, []]));
  const statuses = new Map<number, number>();
  const startMb = await serverMemoryMb("VmRSS");
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < order.length) {
      const name = order[next++];
      const t = performance.now();
      const status = await report(name, "?seed=0");
      latencies.get(name)!.push(performance.now() - t);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  const peakMb = await serverMemoryMb("VmHWM");
  const afterMb = await serverMemoryMb("VmRSS");
  // Idle workers give back a large kernel (IDLE_RELEASE_MS in src/server/worker.ts).
  await new Promise((resolve) => setTimeout(resolve, IDLE_RELEASE_MS + 1000));
  const idleMb = await serverMemoryMb("VmRSS");
  console.log(
    `memory replay of ${serverModule}: ${names.length} fixtures x ${rounds} rounds (default ` +
      `output with prob_dist, seed 0), ${workers} workers, concurrency ${concurrency}, ` +
      `${elapsed.toFixed(1)} s`,
  );
  for (const [name, ms] of latencies) {
    ms.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(36)} median ${percentile(ms, 0.5).toFixed(0)} ms`);
  }
  const ok = statuses.get(200) ?? 0;
  console.log(
    `errors ${order.length - ok} (statuses ${JSON.stringify(Object.fromEntries(statuses))})`,
  );
  console.log(
    `server resident set MB: at the start ${startMb.toFixed(1)}, peak (VmHWM) ${
      peakMb.toFixed(1)
    }, after ${afterMb.toFixed(1)}, ${(IDLE_RELEASE_MS / 1000 + 1).toFixed(0)} s later ${
      idleMb.toFixed(1)
    }`,
  );
  console.log(
    `target: server peak RSS < ${TARGET_PEAK_MB} MB: ${verdict(peakMb < TARGET_PEAK_MB)} (${
      peakMb.toFixed(1)
    })`,
  );
}
