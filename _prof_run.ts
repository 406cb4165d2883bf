import { virusReport } from "./src/report/virus_report.ts";
import { createWeatherDataset } from "./src/weather/dataset.ts";
const S = "/work/shared/fixtures/";
const weather = createWeatherDataset(
  Deno.readTextFileSync(S + "weather/hadisd_station_fullinfo_v311_202001p.txt"),
  JSON.parse(Deno.readTextFileSync(S + "weather/global_weather_set.synthetic.json")),
);
const name = Deno.args[0] ?? "s1_rest_example_natural";
const f = [...Deno.readDirSync(S + "reference")].map((e) => e.name).find((n) =>
  n.startsWith(name) && n.endsWith(".in.json")
)!;
const input = JSON.parse(Deno.readTextFileSync(S + "reference/" + f));
for (let i = 0; i < 3; i++) virusReport(input, { seed: 0, weather, year: 2026, probDist: false });
const t = performance.now();
const N = Number(Deno.args[1] ?? 8);
for (let i = 0; i < N; i++) virusReport(input, { seed: 0, weather, year: 2026, probDist: false });
console.log(f, ((performance.now() - t) / N).toFixed(1), "ms");
