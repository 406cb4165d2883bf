/**
 * Scale-out test (`deno task scaleout`): starts `--replicas` server processes (default 3)
 * on loopback ports behind HAProxy (health checks on `GET /health`, retries and
 * redispatch on connection failures), then
 *
 * 1. measures throughput with 1, 2, … replicas in service (the others in maintenance
 *    through HAProxy's admin socket), `--scaling-requests` reports each;
 * 2. drives `--requests` reports through all replicas at `--concurrency`, sends SIGTERM
 *    to one replica a third of the way through, waits until it has drained and exited,
 *    restarts it on the same port and waits until HAProxy sees it up again;
 *
 * and reports requests/s, p50/p99 latency, failed requests (any answer but 200, or no
 * answer), HAProxy's retries and redispatches, and the peak memory (VmHWM) of each
 * replica. Exits 1 when a request failed. Replica i is bound to core i modulo the
 * cores (`taskset`, unless `--no-pin`), so that each replica has a core of its own.
 *
 * Bounded and local: every address is 127.0.0.1; each phase stops at its request count
 * or after `--seconds`, whichever comes first. The form is the in-repository fixture
 * s2_hepa_classroom (seed 0, without `prob_dist` unless `--prob-dist`). Needs HAProxy (Debian:
 * `apt-get install -y haproxy`).
 *
 * @module
 */

import { haproxyConfig } from "./scaleout/haproxy_config.ts";
import { SERVER_ENV, SERVER_V8_FLAGS } from "../src/server/options.ts";

const FORM = new URL("../tests/fixtures/reference/s2_hepa_classroom.in.json", import.meta.url);
const MAIN = new URL("../src/server/main.ts", import.meta.url).pathname;
/** HAProxy's health-check interval, ms (a replica is out after 2 failed checks). */
const CHECK_INTERVAL_MS = 500;

// --- options -------------------------------------------------------------------------

function flag(name: string, fallback: number, min = 1): number {
  const at = Deno.args.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(Deno.args[at + 1]);
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(
      `--${name}: expected an integer ≥ ${min} but found "${Deno.args[at + 1]}"`,
    );
  }
  return value;
}

if (Deno.args.includes("--help")) {
  console.log(`Usage: deno task scaleout [options]

  --replicas N          server processes behind HAProxy (default 3)
  --workers N           report workers per replica (default 1)
  --requests N          reports in the replica-kill phase (default 300)
  --concurrency N       concurrent clients in that phase (default 6)
  --scaling-requests N  reports per step of the scaling phase (default 60; 0 skips it)
  --seconds S           time limit of each phase (default 120)
  --no-kill             no replica kill
  --prob-dist           ask for the 250,000 per-sample probabilities too (bigger answers)
  --no-pin              do not bind replica i to core i modulo the cores (by default
                        each replica has one core, as on a machine or pod of its own,
                        when taskset is installed)`);
  Deno.exit(0);
}
const replicas = flag("replicas", 3);
const workers = flag("workers", 1);
const requests = flag("requests", 300);
const concurrency = flag("concurrency", 6);
const scalingRequests = flag("scaling-requests", 60, 0);
const seconds = flag("seconds", 120);
// Killing the only replica would fail requests by design: a kill needs two or more.
const kill = !Deno.args.includes("--no-kill") && replicas >= 2;
/** Whether a program runs (is installed). */
async function runs(program: string, args: string[]): Promise<boolean> {
  try {
    return (await new Deno.Command(program, { args, stdout: "null", stderr: "null" }).output())
      .success;
  } catch {
    return false;
  }
}

// Each replica on a core of its own, as on a machine or pod of its own (its server then
// sees one core, so its report worker has no second kernel thread).
const pin = !Deno.args.includes("--no-pin") && await runs("taskset", ["-c", "0", "true"]);
const QUERY = Deno.args.includes("--prob-dist") ? "?seed=0" : "?seed=0&prob_dist=0";

// --- HAProxy ---------------------------------------------------------------------------

async function haproxyVersion(): Promise<string | undefined> {
  try {
    const { stdout } = await new Deno.Command("haproxy", { args: ["-v"] }).output();
    return new TextDecoder().decode(stdout).split("\n")[0];
  } catch {
    return undefined;
  }
}

const version = await haproxyVersion();
if (version === undefined) {
  console.error(
    "HAProxy is not installed: install it (Debian/Ubuntu: `apt-get install -y haproxy`, as root)",
  );
  Deno.exit(2);
}

/** A free loopback port (bound then released). */
function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** Sends one command to HAProxy's admin socket (TCP on loopback) and returns its answer. */
async function admin(adminPort: number, command: string): Promise<string> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port: adminPort });
  await conn.write(new TextEncoder().encode(`${command}\n`));
  let text = "";
  const buffer = new Uint8Array(65536);
  for (;;) {
    const n = await conn.read(buffer);
    if (n === null) break;
    text += new TextDecoder().decode(buffer.subarray(0, n));
  }
  conn.close();
  return text;
}

/** Per replica: HAProxy's status (UP, DOWN, MAINT, ...), retries and redispatches. */
async function backendStats(
  socket: number,
): Promise<Map<string, { status: string; retries: number; redispatches: number; total: number }>> {
  const csv = (await admin(socket, "show stat")).split("\n");
  const header = csv[0].replace(/^# /, "").split(",");
  const col = (name: string) => header.indexOf(name);
  const stats = new Map();
  for (const line of csv.slice(1)) {
    const cells = line.split(",");
    if (cells[0] !== "replicas" || cells[1] === "BACKEND" || cells[1] === undefined) continue;
    stats.set(cells[1], {
      status: cells[col("status")],
      retries: Number(cells[col("wretr")]),
      redispatches: Number(cells[col("wredis")]),
      total: Number(cells[col("stot")]),
    });
  }
  return stats;
}

async function waitFor(what: string, test: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await test())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// --- replicas --------------------------------------------------------------------------

interface Replica {
  readonly name: string;
  readonly port: number;
  /** The core it is bound to (`--pin`). */
  readonly cpu?: number;
  child: Deno.ChildProcess;
  /** Largest VmHWM seen over its lives, kB. */
  peakKb: number;
}

/**
 * Starts replica `name` on `port`; with `cpu`, bound to that core (`taskset`), as a
 * replica with a core of its own would run (its server then sees one core).
 */
async function startReplica(
  name: string,
  port: number,
  cpu: number | undefined,
): Promise<Deno.ChildProcess> {
  const pin = cpu === undefined ? [] : ["taskset", "-c", String(cpu)];
  const [program, ...prefix] = [...pin, Deno.execPath()];
  const child = new Deno.Command(program, {
    args: [
      ...prefix,
      "run",
      "--allow-net=127.0.0.1",
      "--allow-env",
      "--allow-read",
      `--v8-flags=${SERVER_V8_FLAGS}`,
      MAIN,
      "--port",
      String(port),
      "--workers",
      String(workers),
      "--queue",
      String(4 * workers),
    ],
    stdout: "piped",
    stderr: "inherit",
    env: { NO_COLOR: "1", ...SERVER_ENV },
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  for (let seen = ""; !/listening on /.test(seen);) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`replica ${name} stopped before listening:\n${seen}`);
    seen += value;
  }
  // Keep draining its log (one line per request).
  (async () => {
    while (!(await reader.read()).done) { /* drain */ }
  })();
  return child;
}

/** A file of /proc ("" when unreadable, e.g. not Linux). */
async function procFile(path: string): Promise<string> {
  try {
    // Deno reads /proc only with --allow-all; `cat` needs only --allow-run.
    const { stdout } = await new Deno.Command("cat", { args: [path] }).output();
    return new TextDecoder().decode(stdout);
  } catch {
    return "";
  }
}

/** The peak resident memory (VmHWM) of process `pid`, kB (0 when unknown). */
async function peakMemoryKb(pid: number): Promise<number> {
  return Number(/VmHWM:\s+(\d+)/.exec(await procFile(`/proc/${pid}/status`))?.[1] ?? 0);
}

/** Clock ticks per second of /proc/PID/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

/** CPU time used so far by process `pid` (user + system), s (0 when unknown). */
async function cpuSeconds(pid: number): Promise<number> {
  const text = await procFile(`/proc/${pid}/stat`);
  if (text === "") return 0;
  // The fields after the command name (which may hold spaces) start at "state".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
}

/** CPU time of all replicas, s. */
async function fleetCpuSeconds(fleet: readonly Replica[]): Promise<number> {
  let total = 0;
  for (const r of fleet) total += await cpuSeconds(r.child.pid);
  return total;
}

/**
 * What the replicas' CPU time says about a phase: CPU s per report, and the cores they
 * actually got (less than the replicas could use when other programs load the machine).
 */
function cpuSummary(cpuS: number, result: PhaseResult): string {
  const ok = result.completed - result.failed;
  return `replicas' CPU ${(cpuS / ok).toFixed(3)} s per report, ${
    (cpuS / result.seconds).toFixed(2)
  } cores used`;
}

// --- load ------------------------------------------------------------------------------

interface PhaseResult {
  readonly completed: number;
  readonly failed: number;
  readonly statuses: Map<string, number>;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Sends `count` reports through `url` with `clients` concurrent clients (at most
 * `seconds`); `onProgress(done)` runs after each answer.
 */
async function drive(
  url: string,
  body: string,
  count: number,
  clients: number,
  onProgress: (done: number) => void = () => {},
): Promise<PhaseResult> {
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  const deadline = performance.now() + seconds * 1000;
  let sent = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (sent < count && performance.now() < deadline) {
      sent++;
      const t = performance.now();
      let outcome: string;
      try {
        const res = await fetch(`${url}/virus/report${QUERY}`, { method: "POST", body });
        const text = await res.text();
        outcome = res.status === 200 ? "200" : `${res.status} ${text.slice(0, 120)}`;
      } catch (error) {
        outcome = `network error (${(error as Error).message})`;
      }
      latencies.push(performance.now() - t);
      statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      onProgress(latencies.length);
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    completed: latencies.length,
    failed: latencies.length - (statuses.get("200") ?? 0),
    statuses,
    seconds: elapsed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

function summary(result: PhaseResult): string {
  const ok = result.completed - result.failed;
  return `${result.completed} requests in ${result.seconds.toFixed(1)} s: ${
    (ok / result.seconds).toFixed(2)
  } requests/s, p50 ${result.p50Ms.toFixed(0)} ms, p99 ${
    result.p99Ms.toFixed(0)
  } ms, failed ${result.failed}` +
    (result.failed > 0 ? ` ${JSON.stringify(Object.fromEntries(result.statuses))}` : "");
}

// --- run -------------------------------------------------------------------------------

const body = await Deno.readTextFile(FORM);
const dir = await Deno.makeTempDir({ prefix: "caimira-scaleout-" });
const socket = freePort();
const frontendPort = freePort();
const ports = Array.from({ length: replicas }, () => freePort());
const fleet: Replica[] = [];
let haproxy: Deno.ChildProcess | undefined;
let failed = 0;
try {
  for (let i = 0; i < replicas; i++) {
    const name = `r${i + 1}`;
    const cpu = pin ? i % navigator.hardwareConcurrency : undefined;
    fleet.push({
      name,
      port: ports[i],
      cpu,
      child: await startReplica(name, ports[i], cpu),
      peakKb: 0,
    });
  }
  const configPath = `${dir}/haproxy.cfg`;
  await Deno.writeTextFile(
    configPath,
    haproxyConfig({
      frontendPort,
      replicaPorts: ports,
      adminPort: socket,
      maxconnPerReplica: workers,
      checkIntervalMs: CHECK_INTERVAL_MS,
    }),
  );
  haproxy = new Deno.Command("haproxy", {
    args: ["-db", "-f", configPath],
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const haproxyLog = haproxy.stderr.pipeThrough(new TextDecoderStream()).getReader();
  let haproxyText = "";
  (async () => {
    for (;;) {
      const { value, done } = await haproxyLog.read();
      if (done) break;
      haproxyText += value;
    }
  })();
  await waitFor("HAProxy's admin socket", async () => {
    try {
      return [...(await backendStats(socket)).values()].every((s) => s.status === "UP");
    } catch {
      return false;
    }
  }).catch((error) => {
    throw new Error(`${(error as Error).message}\n${haproxyText}`);
  });
  const url = `http://127.0.0.1:${frontendPort}`;
  const cores = navigator.hardwareConcurrency;
  console.log(
    `${version}; ${replicas} replicas × ${workers} report worker(s) on ${cores} cores` +
      (pin ? ` (replica i bound to core i mod ${cores})` : "") + ", " +
      `HAProxy on ${url}`,
  );
  const memoryPoll = setInterval(async () => {
    for (const r of fleet) r.peakKb = Math.max(r.peakKb, await peakMemoryKb(r.child.pid));
  }, 500);

  // Warm-up: a few reports on each replica (module load, JIT).
  await drive(url, body, 4 * replicas * workers, replicas * workers);

  if (scalingRequests > 0) {
    console.log(`\nscaling (${scalingRequests} reports per step, 2 clients per report worker):`);
    for (let active = 1; active <= replicas; active++) {
      for (let i = 0; i < replicas; i++) {
        const state = i < active ? "ready" : "maint";
        await admin(socket, `set server replicas/${fleet[i].name} state ${state}`);
      }
      await waitFor("the replicas' states", async () => {
        const stats = await backendStats(socket);
        return fleet.every((r, i) => (stats.get(r.name)?.status === "MAINT") === (i >= active));
      });
      const cpuBefore = await fleetCpuSeconds(fleet);
      const result = await drive(url, body, scalingRequests, 2 * active * workers);
      const cpuS = (await fleetCpuSeconds(fleet)) - cpuBefore;
      failed += result.failed;
      console.log(`  ${active} replica(s): ${summary(result)}; ${cpuSummary(cpuS, result)}`);
    }
  }

  console.log(
    `\n${kill ? "replica kill" : "all replicas"}: ${requests} reports, ${concurrency} clients`,
  );
  const victim = fleet[1];
  let killing: Promise<void> | undefined;
  const events: string[] = [];
  const t0 = performance.now();
  const at = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  const cpuBefore = await fleetCpuSeconds(fleet);
  const result = await drive(url, body, requests, concurrency, (done) => {
    if (!kill || killing !== undefined || done < requests / 3) return;
    killing = (async () => {
      victim.peakKb = Math.max(victim.peakKb, await peakMemoryKb(victim.child.pid));
      events.push(`${at()}: SIGTERM to ${victim.name} (after ${done} answers)`);
      victim.child.kill("SIGTERM");
      const status = await victim.child.status;
      events.push(`${at()}: ${victim.name} exited with code ${status.code}`);
      victim.child = await startReplica(victim.name, victim.port, victim.cpu);
      events.push(`${at()}: ${victim.name} restarted`);
      await waitFor(`${victim.name} up in HAProxy`, async () => {
        return (await backendStats(socket)).get(victim.name)?.status === "UP";
      });
      events.push(`${at()}: ${victim.name} up again in HAProxy`);
    })();
  });
  await killing;
  failed += result.failed;
  for (const event of events) console.log(`  ${event}`);
  // The killed replica's CPU time before the kill is lost: the figure is a lower bound.
  const cpuS = (await fleetCpuSeconds(fleet)) - cpuBefore;
  console.log(`  ${summary(result)}; ${cpuSummary(cpuS, result)}`);
  const load = (await procFile("/proc/loadavg")).split(" ")[0];
  if (load) console.log(`  (load average of the machine: ${load})`);
  clearInterval(memoryPoll);
  for (const r of fleet) r.peakKb = Math.max(r.peakKb, await peakMemoryKb(r.child.pid));

  const stats = await backendStats(socket);
  console.log(
    `\nHAProxy per replica: ${
      fleet.map((r) => {
        const s = stats.get(r.name);
        return `${r.name} ${s?.total} requests, ${s?.retries} retries, ${s?.redispatches} redispatches`;
      }).join("; ")
    }`,
  );
  console.log(
    `peak memory (VmHWM) per replica: ${
      fleet.map((r) => `${r.name} ${(r.peakKb / 1024).toFixed(0)} MB`).join(", ")
    }`,
  );
  console.log(`failed requests in all phases: ${failed}`);
  if (failed > 0) console.log(`HAProxy's log:\n${haproxyText.slice(-4000)}`);
} finally {
  for (const r of fleet) {
    try {
      r.child.kill("SIGTERM");
      await r.child.status;
    } catch { /* already gone */ }
  }
  if (haproxy !== undefined) {
    haproxy.kill("SIGTERM");
    await haproxy.status;
  }
  await Deno.remove(dir, { recursive: true });
}
Deno.exit(failed === 0 ? 0 : 1);
