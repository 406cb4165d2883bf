/**
 * The child of `report_memory.ts` that measures one report in a fresh process: it imports
 * the library statically, as a user's script would, and nothing else of the benchmarks (a
 * bench module's own imports, e.g. `node:process`, would count as the library's), reads
 * the fixture and the weather data (with the library's `loadWeatherDataset`), runs one virus report and prints its peak resident
 * set (`VmHWM`, MB) after the import, after the report and after `JSON.stringify`.
 *
 * Usage: `deno run --allow-read _one_report.ts FIXTURE PROBDIST` with FIXTURE relative to
 * ../shared/fixtures without `.in.json` and PROBDIST `1` or `0`.
 *
 * @module
 */
import { virusReport } from "../../src/report/virus_report.ts";
import { loadWeatherDataset } from "../../src/weather/dataset.ts";

const SHARED = new URL("../../../shared/fixtures/", import.meta.url);

function peakResidentMb(): number {
  const status = Deno.readTextFileSync("/proc/self/status");
  return Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]) / 1024;
}

const read = (path: string) => Deno.readTextFileSync(new URL(path, SHARED));
// As a user loads it: the library's loader (the station list's bytes, read in place).
const weather = await loadWeatherDataset({
  stationList: new URL("weather/hadisd_station_fullinfo_v311_202001p.txt", SHARED),
  temperatures: new URL("weather/global_weather_set.synthetic.json", SHARED),
});
const input = JSON.parse(read(`${Deno.args[0]}.in.json`));
const imported = peakResidentMb();
const report = virusReport(input, { seed: 0, weather, year: 2026, probDist: Deno.args[1] === "1" });
const reported = peakResidentMb();
const json = JSON.stringify(report);
console.log(JSON.stringify({ imported, reported, json: peakResidentMb(), bytes: json.length }));
