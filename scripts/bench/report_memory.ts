/**
 * Peak memory of the virus report: for every shared fixture, a fresh Deno process runs
 * two reports (N = 250,000, seed 0, `probDist: false`, as the timing benchmark) and
 * prints its peak resident set (`VmHWM` of /proc/self/status, Linux). The target is
 * under 200 MB per process; the reference peaks at 2.1–2.4 GB. Part of `deno task bench`;
 * needs ../shared/fixtures (skipped when absent).
 *
 * Usage: `deno run --allow-read --allow-env --allow-run scripts/bench/report_memory.ts`
 * (the parent), which starts itself with `--child <fixture>` once per fixture.
 *
 * @module
 */
import { virusReport } from "../../src/report/virus_report.ts";
import { createWeatherDataset } from "../../src/weather/dataset.ts";

const SHARED = new URL("../../../shared/fixtures/", import.meta.url);
/** Target peak resident set per process, MB. */
const TARGET_MB = 200;

function peakResidentMb(): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

async function child(name: string): Promise<void> {
  const read = async (path: string) => await Deno.readTextFile(new URL(path, SHARED));
  const weather = createWeatherDataset(
    await read("weather/hadisd_station_fullinfo_v311_202001p.txt"),
    JSON.parse(await read("weather/global_weather_set.synthetic.json")),
  );
  const input = JSON.parse(await read(`reference/${name}.in.json`));
  const before = peakResidentMb();
  for (let i = 0; i < 2; i++) virusReport(input, { seed: 0, weather, year: 2026, probDist: false });
  console.log(JSON.stringify({ before, peak: peakResidentMb() }));
}

async function parent(): Promise<void> {
  let names: string[];
  try {
    names = [...Deno.readDirSync(new URL("reference/", SHARED))]
      .map((e) => e.name)
      .filter((f) => /^s\d.*\.in\.json$/.test(f))
      .map((f) => f.replace(".in.json", ""))
      .sort();
  } catch {
    console.log("../shared/fixtures not found: no memory benchmark");
    return;
  }
  console.log(`peak resident memory of a process running 2 reports (target < ${TARGET_MB} MB)`);
  console.log("| fixture | runtime before the reports MB | peak MB | under target |");
  console.log("| --- | --- | --- | --- |");
  for (const name of names) {
    const out = await new Deno.Command(Deno.execPath(), {
      // Reading /proc/self/status needs --allow-all in Deno.
      args: ["run", "--allow-all", new URL(import.meta.url).pathname, "--child", name],
      stderr: "inherit",
    }).output();
    if (!out.success) {
      console.log(`| ${name} | failed (exit ${out.code}) | | |`);
      continue;
    }
    const { before, peak } = JSON.parse(new TextDecoder().decode(out.stdout).trim());
    console.log(
      `| ${name} | ${before.toFixed(0)} | ${peak.toFixed(0)} | ${
        peak < TARGET_MB ? "yes" : "no"
      } |`,
    );
  }
}

if (Deno.args[0] === "--child") await child(Deno.args[1]);
else await parent();
