/**
 * The virus report's targets, fixture by fixture: time per report against the
 * reference's (at most 2 % of its median) and peak memory (under 200 MB); and the web
 * calculator's report data (the ui_report fixtures, the report with
 * `alternativeScenarios`: at most 1 % of the reference's fastest time, `run_s_min`, and
 * under 250 MB). For every shared
 * fixture a fresh Deno process runs 2 warm-up and 7 timed reports (N = 250,000, seed 0,
 * `probDist: false`, as the timing benchmark) and reports the median and fastest time, the
 * median CPU time of the process (on a loaded machine it stays near the quiet machine's
 * time while wall times grow) and
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
import process from "node:process";
import { virusReport } from "../../src/report/virus_report.ts";
import {
  fixtureWeather,
  readFixture,
  uiReportFixtureNames,
  virusFixtureNames,
} from "./_shared_fixtures.ts";

/** One table: which fixtures, how they run, and their targets. */
interface Table {
  /** Folder of ../shared/fixtures. */
  readonly folder: "reference" | "ui_report";
  /** What is timed. */
  readonly title: string;
  /** The fixtures' names (undefined when absent). */
  readonly names: string[] | undefined;
  /** The reference's time the ratio divides by (a field of the `.meta.json`), s. */
  readonly referenceTime: "run_s_median" | "run_s_min";
  /** Target time per report, fraction of the reference's. */
  readonly targetRatio: number;
  /** Target peak resident set per process, MB. */
  readonly targetMb: number;
}

const TABLES: readonly Table[] = [
  {
    folder: "reference",
    title: "virus report per fixture",
    names: virusFixtureNames(),
    referenceTime: "run_s_median",
    targetRatio: 0.02,
    targetMb: 200,
  },
  {
    folder: "ui_report",
    title: "UI report data per fixture (alternative scenarios, viral-load percentiles)",
    names: uiReportFixtureNames(),
    referenceTime: "run_s_min",
    targetRatio: 0.01,
    targetMb: 250,
  },
];
const WARM_UP = 2;
const TIMED = 7;

function peakResidentMb(): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

async function child(path: string): Promise<void> {
  const weather = await fixtureWeather();
  const input = await readFixture(`${path}.in.json`);
  const alternativeScenarios = path.startsWith("ui_report/");
  const run = () =>
    virusReport(input, { seed: 0, weather, year: 2026, probDist: false, alternativeScenarios });
  for (let i = 0; i < WARM_UP; i++) run();
  const peakWarmUp = peakResidentMb();
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < TIMED; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    run();
    ms.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      median: ms[TIMED >> 1],
      cpuMedian: cpuMs.sort((a, b) => a - b)[TIMED >> 1],
      min: ms[0],
      peakWarmUp,
      peak: peakResidentMb(),
    }),
  );
}

async function parent(): Promise<void> {
  for (const table of TABLES) {
    if (table.names === undefined) {
      console.log(`../shared/fixtures/${table.folder} not found: no ${table.title} table`);
      continue;
    }
    await printTable(table, table.names);
  }
}

async function printTable(table: Table, names: readonly string[]): Promise<void> {
  const { targetRatio, targetMb } = table;
  console.log(
    `${table.title} (${TIMED} timed after ${WARM_UP} warm-up, one process each; ` +
      `targets: <= ${targetRatio * 100} % of the reference's ${table.referenceTime}, ` +
      `< ${targetMb} MB peak)`,
  );
  console.log(
    `| fixture | median ms | fastest ms | median CPU ms | reference s | ratio | ` +
      `peak MB, ${WARM_UP} reports | peak MB, ${WARM_UP + TIMED} reports |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const name of names) {
    const meta = await readFixture(`${table.folder}/${name}.meta.json`) as Record<
      Table["referenceTime"],
      number
    >;
    const out = await new Deno.Command(Deno.execPath(), {
      // Reading /proc/self/status needs --allow-all in Deno.
      args: [
        "run",
        "--allow-all",
        new URL(import.meta.url).pathname,
        "--child",
        `${table.folder}/${name}`,
      ],
      stderr: "inherit",
    }).output();
    if (!out.success) {
      console.log(`| ${name} | failed (exit ${out.code}) | | | | | | | |`);
      continue;
    }
    const { median, min, cpuMedian, peakWarmUp, peak } = JSON.parse(
      new TextDecoder().decode(out.stdout).trim(),
    );
    const reference = meta[table.referenceTime];
    const ratio = median / 1000 / reference;
    const mark = (ok: boolean) => (ok ? "" : " (over)");
    console.log(
      `| ${name} | ${median.toFixed(0)} | ${min.toFixed(0)} | ${cpuMedian.toFixed(0)} | ` +
        `${reference.toFixed(2)} | ` +
        `${(ratio * 100).toFixed(2)} %${mark(ratio <= targetRatio)} | ` +
        `${peakWarmUp.toFixed(0)}${mark(peakWarmUp < targetMb)} | ` +
        `${peak.toFixed(0)}${mark(peak < targetMb)} |`,
    );
  }
}

if (Deno.args[0] === "--child") await child(Deno.args[1]);
else await parent();
