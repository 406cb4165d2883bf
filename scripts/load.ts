/**
 * Load test of the server (`deno task load`): starts it as its own process on a free
 * loopback port (so the client's work does not share the server's thread), sends
 * concurrent `POST /virus/report` requests for the first shared fixture
 * (s1_rest_example_natural, seed 0, without prob_dist unless `--prob-dist`), polls
 * `/health` meanwhile, and prints throughput, latency percentiles and errors.
 *
 * Bounded: `--requests N` (default 24) and `--seconds S` (default 60), whichever comes
 * first; `--concurrency C` (default 4); `--workers W` (default: cores). Needs
 * ../shared/fixtures (the fixture and the weather data).
 */

const SHARED = new URL("../../shared/fixtures/", import.meta.url);
const FIXTURE = "s1_rest_example_natural";

function flag(name: string, fallback: number): number {
  const at = Deno.args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(Deno.args[at + 1]) : fallback;
  if (!(value > 0)) throw new RangeError(`--${name}: expected a positive number`);
  return value;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

let body: string;
try {
  body = await Deno.readTextFile(new URL(`reference/${FIXTURE}.in.json`, SHARED));
} catch {
  console.log("../shared/fixtures not found: no load test");
  Deno.exit(0);
}
const requests = flag("requests", 24);
const seconds = flag("seconds", 60);
const concurrency = flag("concurrency", 4);
const workers = flag("workers", navigator.hardwareConcurrency);
const child = new Deno.Command(Deno.execPath(), {
  args: [
    "run",
    "--allow-net=127.0.0.1",
    "--allow-env",
    "--allow-read",
    new URL("../src/server/main.ts", import.meta.url).pathname,
    "--port",
    "0",
    "--workers",
    String(workers),
    "--queue",
    String(concurrency),
    "--weather-data",
    new URL("weather/", SHARED).pathname,
  ],
  stdout: "piped",
  stderr: "inherit",
  env: { NO_COLOR: "1" },
}).spawn();
const serverLog = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
let url: string | undefined;
for (let seen = ""; url === undefined;) {
  const { value, done } = await serverLog.read();
  if (done) throw new Error(`the server stopped before listening:\n${seen}`);
  seen += value;
  url = /listening on (http:\/\/\S+)/.exec(seen)?.[1];
}
// Keep draining the server's log (one line per request).
(async () => {
  while (!(await serverLog.read()).done) { /* drain */ }
})();
const server = { url };
const query = Deno.args.includes("--prob-dist") ? "?seed=0" : "?seed=0&prob_dist=0";

// Warm-up: one report per worker (module load, JIT).
await Promise.all(
  Array.from(
    { length: workers },
    () =>
      fetch(`${server.url}/virus/report${query}`, { method: "POST", body }).then((r) => r.text()),
  ),
);

const latencies: number[] = [];
const statuses = new Map<number, number>();
const healthMs: number[] = [];
const deadline = performance.now() + seconds * 1000;
let sent = 0;
let done = false;

const health = (async () => {
  while (!done) {
    const t = performance.now();
    await (await fetch(`${server.url}/health`)).text();
    healthMs.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
})();

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (sent < requests && performance.now() < deadline) {
    sent++;
    const t = performance.now();
    const res = await fetch(`${server.url}/virus/report${query}`, { method: "POST", body });
    await res.text();
    latencies.push(performance.now() - t);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
}));
const elapsed = (performance.now() - started) / 1000;
done = true;
await health;
child.kill("SIGTERM");
await child.status;

latencies.sort((a, b) => a - b);
healthMs.sort((a, b) => a - b);
const ok = statuses.get(200) ?? 0;
console.log(`fixture ${FIXTURE}, ${workers} workers, concurrency ${concurrency}`);
console.log(
  `requests ${latencies.length} in ${elapsed.toFixed(2)} s: ${(ok / elapsed).toFixed(2)} reports/s`,
);
console.log(
  `latency ms: p50 ${percentile(latencies, 0.5).toFixed(0)}, p95 ${
    percentile(latencies, 0.95).toFixed(0)
  }, p99 ${percentile(latencies, 0.99).toFixed(0)}`,
);
console.log(
  `/health during load (${healthMs.length} polls) ms: p50 ${
    percentile(healthMs, 0.5).toFixed(1)
  }, max ${healthMs[healthMs.length - 1]?.toFixed(1)}`,
);
console.log(
  `errors ${latencies.length - ok} (statuses ${JSON.stringify(Object.fromEntries(statuses))})`,
);
