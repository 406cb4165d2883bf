/**
 * The virus report's targets, fixture by fixture: time per report against the
 * reference's (at most 2 % of it) and peak memory (under 200 MB). For every shared
 * fixture a fresh Deno process runs 2 warm-up and 7 timed reports (N = 250,000, seed 0,
 * `probDist: false`, as the timing benchmark) and reports the median and fastest time and
 * its peak resident set (`VmHWM` of /proc/self/status, Linux) after the first 2 reports
 * and after all 9 (the JavaScript heap holding earlier reports' output arrays grows until
 * V8's next full collection, so the peak rises with the number of reports). The reference's median
 * time comes from the fixture's `.meta.json` (CAiMIRA 4.19.0 on these machines); it peaks
 * at 2.1–2.4 GB. Part of `deno task bench`; needs ../shared/fixtures (skipped when
 * absent).
 *
 * Usage: `deno run --allow-read --allow-env --allow-run scripts/bench/report_table.ts`
 * (the parent), which starts itself with `--child <fixture>` once per fixture.
 *
 * @module
 */
import { virusReport } from "../../src/report/virus_report.ts";
import { fixtureWeather, readFixture, virusFixtureNames } from "./_shared_fixtures.ts";

/** Target time per report, fraction of the reference's. */
const TARGET_RATIO = 0.02;
/** Target peak resident set per process, MB. */
const TARGET_MB = 200;
const WARM_UP = 2;
const TIMED = 7;

function peakResidentMb(): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

async function child(name: string): Promise<void> {
  const weather = await fixtureWeather();
  const input = await readFixture(`reference/${name}.in.json`);
  const run = () => virusReport(input, { seed: 0, weather, year: 2026, probDist: false });
  for (let i = 0; i < WARM_UP; i++) run();
  const peakWarmUp = peakResidentMb();
  const ms: number[] = [];
  for (let i = 0; i < TIMED; i++) {
    const t0 = performance.now();
    run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      median: ms[TIMED >> 1],
      min: ms[0],
      peakWarmUp,
      peak: peakResidentMb(),
    }),
  );
}

async function parent(): Promise<void> {
  const names = virusFixtureNames();
  if (names === undefined) {
    console.log("../shared/fixtures not found: no report table");
    return;
  }
  console.log(
    `virus report per fixture (${TIMED} timed after ${WARM_UP} warm-up, one process each; ` +
      `targets: <= ${TARGET_RATIO * 100} % of the reference's time, < ${TARGET_MB} MB peak)`,
  );
  console.log(
    `| fixture | median ms | fastest ms | reference s | ratio | peak MB, ${WARM_UP} reports | ` +
      `peak MB, ${WARM_UP + TIMED} reports |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const name of names) {
    const meta = await readFixture(`reference/${name}.meta.json`) as { run_s_median: number };
    const out = await new Deno.Command(Deno.execPath(), {
      // Reading /proc/self/status needs --allow-all in Deno.
      args: ["run", "--allow-all", new URL(import.meta.url).pathname, "--child", name],
      stderr: "inherit",
    }).output();
    if (!out.success) {
      console.log(`| ${name} | failed (exit ${out.code}) | | | | | |`);
      continue;
    }
    const { median, min, peakWarmUp, peak } = JSON.parse(
      new TextDecoder().decode(out.stdout).trim(),
    );
    const reference = meta.run_s_median;
    const ratio = median / 1000 / reference;
    const mark = (ok: boolean) => (ok ? "" : " (over)");
    console.log(
      `| ${name} | ${median.toFixed(0)} | ${min.toFixed(0)} | ${reference.toFixed(2)} | ` +
        `${(ratio * 100).toFixed(1)} %${mark(ratio <= TARGET_RATIO)} | ` +
        `${peakWarmUp.toFixed(0)}${mark(peakWarmUp < TARGET_MB)} | ` +
        `${peak.toFixed(0)}${mark(peak < TARGET_MB)} |`,
    );
  }
}

if (Deno.args[0] === "--child") await child(Deno.args[1]);
else await parent();
