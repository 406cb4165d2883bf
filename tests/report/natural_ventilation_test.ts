// Natural ventilation with no configuration, at library level: the reference's REST
// documentation example (Geneva) and the same form on every continent give reports
// whose outdoor temperatures come from the embedded climatology; explicit temperatures
// win over a dataset, and a colder outside (more window airflow) gives a lower risk.
import { ok, strictEqual } from "node:assert/strict";
import { virusReport } from "../../src/report/virus_report.ts";
import { createWeatherDataset } from "../../src/weather/mod.ts";
import { readFixtureInput } from "../forms/_helpers.ts";
import { SYNTHETIC, SYNTHETIC_STATIONS } from "../weather/_data.ts";

const EXAMPLE = readFixtureInput("s1_rest_example_natural");
const OPTIONS = { seed: 0, sampleSize: 2000, probDist: false, year: 2026 };

function probability(report: ReturnType<typeof virusReport>): number {
  return report.groups.group_1!.prob_inf as number;
}

Deno.test("virusReport(): the REST doc's natural-ventilation example works with no configuration", () => {
  const report = virusReport(EXAMPLE, OPTIONS);
  const p = probability(report);
  ok(p > 0 && p < 100, String(p));
  const source = report.outdoor_temperature_source!;
  strictEqual(source.kind, "climatology");
  strictEqual(source.station?.name, "Geneve Airp.");
  ok(source.distance_km! < 10, String(source.distance_km));
});

const PLACES: [string, number, number][] = [
  ["Paris", 48.86, 2.35],
  ["Johannesburg", -26.2, 28.05],
  ["Singapore", 1.35, 103.82],
  ["Vancouver", 49.28, -123.12],
  ["Santiago de Chile", -33.45, -70.67],
  ["Perth", -31.95, 115.86],
  ["Rothera (Antarctica)", -67.57, -68.13],
];

for (const [name, latitude, longitude] of PLACES) {
  Deno.test(`virusReport(): natural ventilation in ${name} with no configuration`, () => {
    for (const month of ["January", "July"]) {
      const report = virusReport({
        ...EXAMPLE,
        location_name: name,
        location_latitude: latitude,
        location_longitude: longitude,
        event_month: month,
      }, OPTIONS);
      const p = probability(report);
      ok(Number.isFinite(p) && p > 0 && p < 100, `${month}: ${p}`);
      const source = report.outdoor_temperature_source!;
      strictEqual(source.kind, "climatology");
      ok(source.distance_km! < 300, `${month}: ${JSON.stringify(source)}`);
    }
  });
}

Deno.test("virusReport(): explicit temperatures win over a dataset; a dataset over the climatology", () => {
  const weather = createWeatherDataset(SYNTHETIC_STATIONS, SYNTHETIC);
  const withDataset = virusReport(EXAMPLE, { ...OPTIONS, weather });
  strictEqual(withDataset.outdoor_temperature_source?.kind, "dataset");
  strictEqual(withDataset.outdoor_temperature_source?.station?.id, "067000-99999");
  const explicit = virusReport(
    { ...EXAMPLE, outdoor_temperatures: Array(24).fill(10) },
    { ...OPTIONS, weather },
  );
  strictEqual(explicit.outdoor_temperature_source?.kind, "explicit");
});

Deno.test("virusReport(): a colder outside (more airflow through the window) lowers the risk", () => {
  const at = (celsius: number) =>
    probability(
      virusReport({ ...EXAMPLE, outdoor_temperatures: Array(24).fill(celsius) }, OPTIONS),
    );
  // Inside 20 °C (the registry's 293 K): 0 °C outside drives more air than 15 °C.
  ok(at(0) < at(15), `${at(0)} < ${at(15)}`);
});
