/**
 * Two targets of the virus report, fixture by fixture (issue 20, items 2 and 3):
 *
 * - Memory of ONE report in a fresh process: for every shared fixture a new Deno process
 *   (`_one_report.ts`, which imports the library and nothing of the benchmarks) reads the
 *   fixture and the weather data, runs one report (N = 250,000, seed 0) with
 *   `probDist: false` or `probDist: true`, and prints its peak resident set (`VmHWM` of
 *   /proc/self/status, Linux: the whole process, the runtime's own ~31 MB included) after
 *   the import, after the report and after `JSON.stringify` of the result. Target: the
 *   report's peak under 100 MB.
 * - The conditional-probability path: s6 (`conditional_probability_viral_loads` on)
 *   against the same input with it off, alternating in one process (5 warm-up pairs,
 *   then 25 timed pairs: with 11 the ratio varied by ±0.04 from run to run), through
 *   the library with `probDist` false and true, and as the server's worker job
 *   (`runJob`: what a request costs before its bytes are sent, with `prob_dist`, the
 *   per-sample outputs in the kernel and the response written into the kernel's memory,
 *   as in src/server/worker.ts); the ratio of the median wall times and of the median
 *   CPU times of the process (on a loaded machine the CPU time stays nearer the quiet
 *   machine's). Target: at most 1.20.
 *
 * Part of `deno task bench`; needs ../shared/fixtures (skipped when absent).
 *
 * Usage: `deno run --allow-read --allow-env --allow-run scripts/bench/report_memory.ts`
 * (the parent), which starts `_one_report.ts` for each peak and itself with `--s6` for
 * each timing.
 *
 * @module
 */
import process from "node:process";
import { readFixture, virusFixtureNames } from "./_shared_fixtures.ts";

/** Target peak resident set of one report in a fresh process, MB. */
const TARGET_MB = 100;
/** Target ratio of the s6 report's time with conditional probability to without. */
const TARGET_RATIO = 1.2;
const S6 = "s6_precise_activity_cond_prob";
const WARM_UP_PAIRS = 5;
const TIMED_PAIRS = 25;

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/**
 * How the s6 pair is timed: the library's `virusReport` (plain arrays) without or with
 * `prob_dist`, or the server's worker job (`runJob`: the body parsed, the report with
 * `prob_dist` and its per-sample outputs in the kernel, the JSON bytes written into
 * segments of the kernel's memory).
 */
type S6Mode = "false" | "true" | "server";

/** Child: s6 with and without conditional probability, alternating. */
async function s6Child(mode: S6Mode): Promise<void> {
  const { virusReport } = await import("../../src/report/virus_report.ts");
  const { runJob } = await import("../../src/server/jobs.ts");
  const { createResponseSegments } = await import("../../src/server/response_segments.ts");
  // As a worker does: responses written into its kernel, given back once "sent".
  const segments = createResponseSegments();
  const on = await readFixture(`reference/${S6}.in.json`) as Record<string, unknown>;
  const off = { ...on, conditional_probability_viral_loads: "0" };
  const probDist = mode !== "false";
  const bodies = { on: JSON.stringify(on), off: JSON.stringify(off) };
  const run = (which: "on" | "off") => {
    if (mode !== "server") {
      virusReport(which === "on" ? on : off, { seed: 0, year: 2026, probDist });
      return;
    }
    const reply = runJob({ kind: "virus", body: bodies[which], seed: 0, probDist }, { segments });
    if (!reply.ok) throw new Error(reply.message);
    if (reply.segments !== undefined) segments.release(reply.segments);
  };
  const wall = { on: [] as number[], off: [] as number[] };
  const cpu = { on: [] as number[], off: [] as number[] };
  const time = (which: "on" | "off") => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    run(which);
    const used = process.cpuUsage(cpu0);
    wall[which].push(performance.now() - t0);
    cpu[which].push((used.user + used.system) / 1000);
  };
  for (let i = 0; i < WARM_UP_PAIRS; i++) {
    time("on");
    time("off");
  }
  for (const list of [wall.on, wall.off, cpu.on, cpu.off]) list.length = 0;
  for (let i = 0; i < TIMED_PAIRS; i++) {
    // Alternate which goes first, so that neither always follows the other.
    time(i % 2 === 0 ? "on" : "off");
    time(i % 2 === 0 ? "off" : "on");
  }
  console.log(JSON.stringify({
    on: median(wall.on),
    off: median(wall.off),
    cpuOn: median(cpu.on),
    cpuOff: median(cpu.off),
  }));
}

/** Runs `script` (a file beside this one) in a new process; its one line of JSON output. */
async function runChild(
  script: string,
  args: string[],
): Promise<Record<string, number> | undefined> {
  const out = await new Deno.Command(Deno.execPath(), {
    // Reading /proc/self/status needs --allow-all in Deno.
    args: ["run", "--allow-all", new URL(script, import.meta.url).pathname, ...args],
    stderr: "inherit",
  }).output();
  if (!out.success) return undefined;
  return JSON.parse(new TextDecoder().decode(out.stdout).trim());
}

async function parent(): Promise<void> {
  const names = virusFixtureNames();
  if (names === undefined) {
    console.log("../shared/fixtures/reference not found: no report memory table");
    return;
  }
  const mark = (ok: boolean) => (ok ? "" : " (over)");
  console.log(
    `one virus report per fresh process (N = 250,000, seed 0, weather data loaded; ` +
      `target: peak < ${TARGET_MB} MB after the report)`,
  );
  console.log(
    "| fixture | probDist | peak MB after import | peak MB after the report | " +
      "peak MB after JSON.stringify | JSON MB |",
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const name of names) {
    for (const probDist of [false, true]) {
      // A process that imports the library and nothing of the benchmarks.
      const r = await runChild("_one_report.ts", [`reference/${name}`, probDist ? "1" : "0"]);
      if (r === undefined) {
        console.log(`| ${name} | ${probDist} | failed | | | |`);
        continue;
      }
      console.log(
        `| ${name} | ${probDist} | ${r.imported.toFixed(0)} | ` +
          `${r.reported.toFixed(0)}${mark(r.reported < TARGET_MB)} | ${r.json.toFixed(0)} | ` +
          `${(r.bytes / 1e6).toFixed(1)} |`,
      );
    }
  }
  if (!names.includes(S6)) return;
  console.log(
    `\nconditional probability: ${S6} on / off (same room), medians of ${TIMED_PAIRS} ` +
      `alternating pairs in one process (target: ratio <= ${TARGET_RATIO.toFixed(2)})`,
  );
  console.log(
    "| how | on ms | off ms | ratio | on CPU ms | off CPU ms | CPU ratio |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  const how: Record<S6Mode, string> = {
    false: "library, probDist false",
    true: "library, probDist true",
    server: "server job (JSON bytes, prob_dist)",
  };
  for (const mode of ["false", "true", "server"] as const) {
    const r = await runChild("report_memory.ts", ["--s6", mode]);
    if (r === undefined) {
      console.log(`| ${how[mode]} | failed | | | | | |`);
      continue;
    }
    const ratio = r.on / r.off;
    const cpuRatio = r.cpuOn / r.cpuOff;
    console.log(
      `| ${how[mode]} | ${r.on.toFixed(1)} | ${r.off.toFixed(1)} | ` +
        `${ratio.toFixed(2)}${mark(ratio <= TARGET_RATIO)} | ${r.cpuOn.toFixed(1)} | ` +
        `${r.cpuOff.toFixed(1)} | ${cpuRatio.toFixed(2)}${mark(cpuRatio <= TARGET_RATIO)} |`,
    );
  }
}

if (Deno.args[0] === "--s6") await s6Child(Deno.args[1] as S6Mode);
else await parent();
