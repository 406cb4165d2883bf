/**
 * The virus report of every shared fixture at N = 250,000 (seed 0), three runs each after
 * one warm-up. The reference takes 1.9–18 s per report on these machines (each fixture's
 * `.meta.json`). Needs ../shared/fixtures (skipped when absent). Run with `deno task bench`.
 */
import { virusReport } from "../../src/report/virus_report.ts";
import { createWeatherDataset, type WeatherDataset } from "../../src/weather/dataset.ts";

const SHARED = new URL("../../../shared/fixtures/", import.meta.url);
let weather: WeatherDataset | undefined;
let names: string[] = [];
try {
  weather = createWeatherDataset(
    await Deno.readTextFile(new URL("weather/hadisd_station_fullinfo_v311_202001p.txt", SHARED)),
    JSON.parse(
      await Deno.readTextFile(new URL("weather/global_weather_set.synthetic.json", SHARED)),
    ),
  );
  names = [...Deno.readDirSync(new URL("reference/", SHARED))]
    .map((e) => e.name)
    .filter((f) => /^s\d.*\.in\.json$/.test(f))
    .map((f) => f.replace(".in.json", ""))
    .sort();
} catch {
  console.log("../shared/fixtures not found: no report benchmarks");
}

for (const name of names) {
  const input = JSON.parse(await Deno.readTextFile(new URL(`reference/${name}.in.json`, SHARED)));
  Deno.bench(`virus report ${name}`, { group: "report", n: 5, warmup: 3 }, () => {
    virusReport(input, { seed: 0, weather, year: 2026, probDist: false });
  });
}
