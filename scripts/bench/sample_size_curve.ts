/**
 * The virus report's cost curve: time and peak memory against the sample size N
 * (250,000, 1,000,000, 4,000,000 and 10,000,000; reports of more than 250,000 samples
 * run in chunks, src/report/report_chunks.ts) for s1 (natural ventilation, one group) and
 * s6 (conditional probability, with its per-sample `log10_vl_in_sputum`), `probDist:
 * false`; and against the hours simulated (s1's presence cut to 1, 2, 4 and 8 h) at
 * 250,000. Targets: at most 512 MB at 10,000,000 samples, time linear in N (time per
 * million samples flat once the fixed cost of a report, a few tens of ms, is amortised);
 * the kernel's memory (its stack's peak and column heap) stays that of one chunk.
 *
 * Each point runs in a fresh Deno process: a warm-up report of 1,000 samples (compiles
 * the code), then the timed report (the median of three up to 1,000,000 samples); the
 * peak resident set is `VmHWM` of /proc/self/status (Linux). Part of `deno task bench`;
 * needs ../shared/fixtures (skipped when absent).
 *
 * Usage: `deno run --allow-read --allow-env --allow-run scripts/bench/sample_size_curve.ts`
 * (the parent), which starts itself with `--child <fixture> <N> <hours>` once per point.
 *
 * @module
 */
import { sharedKernel } from "../../src/kernel/shared.ts";
import { REPORT_CHUNK_SIZE } from "../../src/report/report_chunks.ts";
import { virusReport } from "../../src/report/virus_report.ts";
import { fixtureWeather, readFixture, virusFixtureNames } from "./_shared_fixtures.ts";

const SIZES = [250_000, 1_000_000, 4_000_000, 10_000_000];
const HOURS = [1, 2, 4, 8];
const FIXTURES = ["s1_rest_example_natural", "s6_precise_activity_cond_prob"];
const TARGET_MB_AT_10M = 512;

/** A point's form: the fixture, with presence from 09:00 for `hours` when given (> 0). */
async function input(fixture: string, hours: number): Promise<Record<string, unknown>> {
  const form = await readFixture(`reference/${fixture}.in.json`) as Record<string, unknown>;
  if (hours <= 0) return form;
  const finish = `${String(9 + hours).padStart(2, "0")}:00`;
  return {
    ...form,
    exposed_start: "09:00",
    infected_start: "09:00",
    exposed_finish: finish,
    infected_finish: finish,
  };
}

function peakResidentMb(): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  return Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]) / 1024;
}

async function child(fixture: string, n: number, hours: number): Promise<void> {
  const weather = await fixtureWeather();
  const form = await input(fixture, hours);
  const options = { seed: 0, weather, year: 2026, probDist: false };
  virusReport(form, { ...options, sampleSize: 1000 });
  // The median of three timed reports up to a million samples (the machine is noisy),
  // one above (the peak is then that of one report).
  const times: number[] = [];
  for (let i = 0; i < (n <= 1_000_000 ? 3 : 1); i++) {
    const start = performance.now();
    virusReport(form, { ...options, sampleSize: n });
    times.push(performance.now() - start);
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  const kernelMb = sharedKernel().memoryBytes() / 2 ** 20;
  console.log(JSON.stringify({ ms, mb: peakResidentMb(), kernelMb }));
}

async function point(
  fixture: string,
  n: number,
  hours: number,
): Promise<{ ms: number; mb: number; kernelMb: number }> {
  const out = await new Deno.Command(Deno.execPath(), {
    // Reading /proc/self/status needs --allow-all in Deno.
    args: [
      "run",
      "--allow-all",
      new URL(import.meta.url).pathname,
      "--child",
      fixture,
      String(n),
      String(hours),
    ],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  if (!out.success) throw new Error(`the point ${fixture} N=${n} h=${hours} failed`);
  const lines = new TextDecoder().decode(out.stdout).trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

async function parent(): Promise<void> {
  if (virusFixtureNames() === undefined) {
    console.log("sample-size cost curve: ../shared/fixtures absent, skipped");
    return;
  }
  console.log(
    `\nVirus report cost against the sample size N (fresh process per point, probDist false;` +
      ` target: at most ${TARGET_MB_AT_10M} MB at 10,000,000, time linear in N)\n`,
  );
  console.log(
    "| fixture | N | chunks | time (ms) | ms per million samples | peak RSS (MB) | kernel (MB) |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  let worstMb = 0;
  for (const fixture of FIXTURES) {
    for (const n of SIZES) {
      const { ms, mb, kernelMb } = await point(fixture, n, 0);
      if (n === 10_000_000) worstMb = Math.max(worstMb, mb);
      const chunks = Math.ceil(n / REPORT_CHUNK_SIZE);
      const perMillion = (ms / (n / 1e6)).toFixed(0);
      console.log(
        `| ${fixture} | ${n} | ${chunks} | ${ms.toFixed(0)} | ${perMillion} | ${mb.toFixed(0)} | ` +
          `${kernelMb.toFixed(0)} |`,
      );
    }
  }
  console.log(
    `\nPeak at 10,000,000 samples: ${worstMb.toFixed(0)} MB (target ${TARGET_MB_AT_10M} MB: ` +
      `${worstMb <= TARGET_MB_AT_10M ? "met" : "NOT MET"})`,
  );
  console.log(`\nVirus report cost against the hours simulated (s1, N = 250,000)\n`);
  console.log("| hours | time (ms) | peak RSS (MB) | ms per hour |");
  console.log("| --- | --- | --- | --- |");
  for (const hours of HOURS) {
    const { ms, mb } = await point(FIXTURES[0], 250_000, hours);
    console.log(`| ${hours} | ${ms.toFixed(0)} | ${mb.toFixed(0)} | ${(ms / hours).toFixed(0)} |`);
  }
}

if (Deno.args[0] === "--child") {
  await child(Deno.args[1], Number(Deno.args[2]), Number(Deno.args[3]));
} else {
  await parent();
}
