// The virus-report models built from the reference's own inputs (s1–s7, seed 0,
// N = 250000) give the reference's mean infection probability and expected new cases
// per group at relative 1e-8. Natural ventilation (s1, s5) uses the synthetic weather
// set with the station list from ../shared (skipped with a message when absent).
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { buildVirusModels } from "../../src/forms/build_virus_models.ts";
import { parseVirusForm } from "../../src/forms/parse_virus_form.ts";
import { exposureEvaluator } from "../../src/model/exposure.ts";
import { mean } from "../../src/model/vec.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY } from "../../src/registry/defaults.ts";
import { createWeatherDataset, type WeatherDataset } from "../../src/weather/dataset.ts";
import { WeatherDataUnavailableError } from "../../src/weather/errors.ts";
import { assertClose } from "../_helpers/stats.ts";

const PARITY = { rel: 1e-8, abs: 1e-12 };
const STATIONS = new URL(
  "../../../shared/fixtures/weather/hadisd_station_fullinfo_v311_202001p.txt",
  import.meta.url,
);

async function weather(): Promise<WeatherDataset | undefined> {
  try {
    const stations = await Deno.readTextFile(STATIONS);
    const temperatures = JSON.parse(
      await Deno.readTextFile(
        new URL("../fixtures/weather/global_weather_set.synthetic.json", import.meta.url),
      ),
    );
    return createWeatherDataset(stations, temperatures);
  } catch {
    return undefined;
  }
}

async function read(name: string, kind: "in" | "trim") {
  const url = new URL(`../fixtures/reference/${name}.${kind}.json`, import.meta.url);
  return JSON.parse(await Deno.readTextFile(url));
}

const CASES: [string, boolean][] = [
  ["s1_rest_example_natural", true],
  ["s2_hepa_classroom", false],
  ["s3_mech_masks_shortrange", false],
  ["s4_dynamic_occupancy_hvac_ffp2", false],
  ["s5_dims_breaks_vaccine_delta", true],
  ["s6_precise_activity_cond_prob", false],
  ["s7_from_fitting", false],
];

for (const [name, natural] of CASES) {
  Deno.test(`buildVirusModels(): ${name} gives the reference's probabilities`, async () => {
    const dataset = natural ? await weather() : undefined;
    if (natural && dataset === undefined) {
      console.log(`SKIP ${name}: ../shared/fixtures/weather station list not found`);
      return;
    }
    let want;
    try {
      want = (await read(name, "trim")).results.groups;
    } catch {
      console.log(`SKIP ${name}: tests/fixtures/reference/${name}.trim.json not copied`);
      return;
    }
    const form = parseVirusForm(await read(name, "in"));
    const models = buildVirusModels(form, {
      registry: DEFAULT_REGISTRY,
      rng: createRng(0),
      weather: dataset,
      year: 2026,
    });
    strictEqual(models.exposureModels.length, Object.keys(want).length);
    for (const model of models.exposureModels) {
      const ev = exposureEvaluator(model);
      const w = want[model.identifier];
      assertClose(
        mean(ev.infectionProbability()),
        w.prob_inf,
        PARITY,
        `${model.identifier} prob_inf`,
      );
      assertClose(
        mean(ev.expectedNewCases()),
        w.expected_new_cases,
        PARITY,
        `${model.identifier} cases`,
      );
    }
  });
}

Deno.test("buildVirusModels() with the climatology off and no weather names the CLI flag and variable", async () => {
  const form = parseVirusForm(await read("s1_rest_example_natural", "in"));
  throws(
    () =>
      buildVirusModels(form, {
        registry: DEFAULT_REGISTRY,
        rng: createRng(0),
        sampleSize: 10,
        climatology: false,
      }),
    (e: unknown) =>
      e instanceof WeatherDataUnavailableError &&
      /outdoor_temperatures/.test(e.message) && /--weather-data/.test(e.message) &&
      /CAIMIRA_WEATHER_DATA/.test(e.message),
  );
});

Deno.test("buildVirusModels() without weather data uses the embedded climatology", async () => {
  const form = parseVirusForm(await read("s1_rest_example_natural", "in"));
  const models = buildVirusModels(form, {
    registry: DEFAULT_REGISTRY,
    rng: createRng(0),
    sampleSize: 10,
    year: 2026,
  });
  strictEqual(models.outdoorTemperatureSource?.kind, "climatology");
  strictEqual(models.outdoorTemperatureSource?.station?.id, "06700"); // Geneve Airp.
});

for (const name of ["s3_mech_masks_shortrange", "s4_dynamic_occupancy_hvac_ffp2"]) {
  Deno.test(`buildVirusModels({ reportRatesOnly }): ${name} skips only unused rates`, async () => {
    const form = parseVirusForm(await read(name, "in"));
    const build = (reportRatesOnly: boolean) =>
      buildVirusModels(form, {
        registry: DEFAULT_REGISTRY,
        rng: createRng(3),
        sampleSize: 2000,
        reportRatesOnly,
      });
    const full = build(false);
    const lean = build(true);
    const shortRange = full.exposureModels.some((m) => m.shortRange.length > 0);
    const infected = (m: typeof full) => m.concentrationModel.infected.activity;
    // The draws left out are NaN; everything drawn after them is the same draw.
    strictEqual(Number.isNaN(infected(lean).inhalationRate), !shortRange);
    deepStrictEqual(infected(lean).exhalationRate, infected(full).exhalationRate);
    const leanInfected = lean.concentrationModel.infected;
    const fullInfected = full.concentrationModel.infected;
    ok(fullInfected.mask.etaInhale instanceof Float64Array, "the infected's η_inhale is drawn");
    strictEqual(Number.isNaN(leanInfected.mask.etaInhale), true);
    deepStrictEqual(leanInfected.mask.etaExhale, fullInfected.mask.etaExhale);
    deepStrictEqual(leanInfected.virus, fullInfected.virus);
    lean.exposureModels.forEach((m, g) => {
      const whole = full.exposureModels[g];
      strictEqual(Number.isNaN(m.exposed.activity.exhalationRate), true);
      deepStrictEqual(m.exposed.activity.inhalationRate, whole.exposed.activity.inhalationRate);
      deepStrictEqual(m.exposed.mask.etaInhale, whole.exposed.mask.etaInhale);
      deepStrictEqual(m.shortRange.map((i) => i.distance), whole.shortRange.map((i) => i.distance));
    });
    strictEqual(Number.isNaN(lean.co2Model.emitters.activity.inhalationRate), true);
    deepStrictEqual(
      lean.co2Model.emitters.activity.exhalationRate,
      full.co2Model.emitters.activity.exhalationRate,
    );
  });
}
