/**
 * `deno task check:bundle`: starts the bundled server (`deno task bundle`, `dist/server/`)
 * as the container runs it, and checks that every part of it loads and answers: `/health`,
 * a virus report (the report workers' chunk), two with their 250,000 per-sample
 * probabilities (streamed from the worker's kernel memory), a bad request (400 naming the
 * field), the calculator's page and script (the assets' chunk) and `/openapi.json` (its
 * own chunk).
 * `--help` alone would load only the entry file. Exit code 1 when a check fails.
 *
 * Usage: `deno task bundle && deno task check:bundle [--module dist/server/main.js]`
 *
 * @module
 */
import { type ServerProcess, startServerProcess } from "./_server_process.ts";
import { VIRUS_FORM_EXAMPLES } from "../src/server/openapi_examples.ts";

const at = Deno.args.indexOf("--module");
const MODULE = at >= 0
  ? Deno.args[at + 1]
  : new URL("../dist/server/main.js", import.meta.url).pathname;
/** Time limit of the whole check, ms (a report takes well under a second). */
const LIMIT_MS = 120_000;

let server: ServerProcess | undefined;
const deadline = setTimeout(() => {
  console.error(`check:bundle: no answer within ${LIMIT_MS / 1000} s`);
  server?.child.kill("SIGKILL");
  Deno.exit(1);
}, LIMIT_MS);
try {
  server = await startServerProcess(MODULE, ["--workers", "1"]);
} catch (error) {
  console.error(`check:bundle: ${MODULE}: ${(error as Error).message}`);
  Deno.exit(1);
}
const { url, child } = server;
// Listening comes first; /health says "ok" once the workers have loaded.
for (let status = 0; status !== 200;) {
  const response = await fetch(`${url}/health`);
  await response.body?.cancel();
  status = response.status;
  if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The length of the first group's `prob_dist` in a report's JSON text. */
function sampleCount(text: string): number {
  const groups = JSON.parse(text).results?.groups ?? {};
  const group = Object.values(groups)[0] as { prob_dist?: number[] } | undefined;
  return group?.prob_dist?.filter(Number.isFinite).length ?? 0;
}

/** One request and what its answer must be. */
interface Check {
  readonly what: string;
  readonly path: string;
  readonly body?: string;
  readonly status: number;
  readonly holds: (text: string) => boolean;
}

const checks: Check[] = [
  {
    what: "health",
    path: "/health",
    status: 200,
    holds: (t) => JSON.parse(t).status === "ok",
  },
  {
    what: "virus report",
    path: "/virus/report?seed=0&prob_dist=0",
    body: JSON.stringify(VIRUS_FORM_EXAMPLES.natural.value),
    status: 200,
    holds: (t) => {
      const groups = JSON.parse(t).results?.groups ?? {};
      const group = Object.values(groups)[0] as { prob_inf?: number } | undefined;
      return typeof group?.prob_inf === "number" && group.prob_inf > 0;
    },
  },
  {
    // Twice: a large response is streamed from the worker's kernel memory, which goes
    // back to the worker once sent and holds the next one.
    what: "virus report with prob_dist",
    path: "/virus/report?seed=0",
    body: JSON.stringify(VIRUS_FORM_EXAMPLES.natural.value),
    status: 200,
    holds: (t) => sampleCount(t) === 250_000,
  },
  {
    what: "virus report with prob_dist, again",
    path: "/virus/report?seed=0",
    body: JSON.stringify(VIRUS_FORM_EXAMPLES.natural.value),
    status: 200,
    holds: (t) => sampleCount(t) === 250_000,
  },
  {
    what: "bad request",
    path: "/virus/report",
    body: JSON.stringify({ ...VIRUS_FORM_EXAMPLES.natural.value, room_volume: "-1" }),
    status: 400,
    holds: (t) => t.includes("room_volume"),
  },
  {
    what: "calculator page",
    path: "/calculator",
    status: 200,
    holds: (t) => t.includes("calculator.js"),
  },
  {
    what: "calculator script",
    path: "/calculator/assets/calculator.js",
    status: 200,
    holds: (t) => t.length > 10_000,
  },
  {
    what: "OpenAPI document",
    path: "/openapi.json",
    status: 200,
    holds: (t) => JSON.parse(t).paths?.["/virus/report"] !== undefined,
  },
];

let failures = 0;
for (const check of checks) {
  const response = await fetch(`${url}${check.path}`, {
    method: check.body === undefined ? "GET" : "POST",
    body: check.body,
  });
  const text = await response.text();
  let ok = response.status === check.status;
  try {
    ok &&= check.holds(text);
  } catch {
    ok = false;
  }
  console.log(`${ok ? "ok  " : "FAIL"} ${check.what}: ${check.path} -> ${response.status}`);
  if (!ok) {
    failures++;
    console.log(`     ${text.slice(0, 300)}`);
  }
}
clearTimeout(deadline);
child.kill("SIGTERM");
await child.status;
console.log(failures === 0 ? "the bundle answers" : `${failures} check(s) failed`);
Deno.exit(failures === 0 ? 0 : 1);
