import { deepStrictEqual, notStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { DEFAULT_REGISTRY, loadRegistry, RegistryError } from "../../src/registry/mod.ts";
import { virusReport } from "../../src/report/virus_report.ts";

/** Asserts that `loadRegistry(override)` throws a RegistryError with this message. */
function assertRejects(override: unknown, message: string): void {
  throws(() => loadRegistry(override), (e: unknown) => {
    ok(e instanceof RegistryError, `expected a RegistryError but found ${e}`);
    strictEqual(e.name, "RegistryError");
    strictEqual(e.message, message);
    strictEqual(e.message, `${e.path}: ${e.problem}`);
    return true;
  });
}

// --- merging ---------------------------------------------------------------------------

Deno.test("loadRegistry() without an override returns the defaults, frozen", () => {
  const r = loadRegistry(undefined);
  deepStrictEqual(r, DEFAULT_REGISTRY);
  notStrictEqual(r, DEFAULT_REGISTRY);
  ok(Object.isFrozen(r.room));
  deepStrictEqual(loadRegistry({}), DEFAULT_REGISTRY);
});

Deno.test("loadRegistry() merges nested objects and keeps the siblings", () => {
  const r = loadRegistry({
    room: { insideTemp: 295 },
    shortRangeModel: { dilutionFactor: { penetrationCoefficients: { betaR1: 0.2 } } },
    activityDistributions: { Seated: { inhalationRate: { standardDeviationGaussian: 0.2 } } },
  });
  deepStrictEqual(r.room, {
    insideTemp: 295,
    humidityWithHeating: 0.3,
    humidityWithoutHeating: 0.5,
  });
  deepStrictEqual(r.shortRangeModel.dilutionFactor.penetrationCoefficients, {
    betaR1: 0.2,
    betaR2: 0.2,
    betaX1: 2.4,
  });
  deepStrictEqual(r.activityDistributions.Seated.inhalationRate, {
    kind: "lognormal",
    meanGaussian: -0.6872121723362303,
    standardDeviationGaussian: 0.2,
  });
  // The exhalation rate and the defaults themselves are untouched.
  strictEqual(r.activityDistributions.Seated.exhalationRate.kind, "lognormal");
  strictEqual(DEFAULT_REGISTRY.room.insideTemp, 293);
});

Deno.test("loadRegistry() replaces arrays instead of merging them", () => {
  const r = loadRegistry({
    virologicalData: { symptomaticVlFrequencies: { logVariable: [3, 6], frequencies: [1, 2] } },
  });
  deepStrictEqual(r.virologicalData.symptomaticVlFrequencies, {
    kind: "logCustomKernel",
    logVariable: [3, 6],
    frequencies: [1, 2],
    bandwidth: 0.1,
  });
});

Deno.test("loadRegistry() replaces a parameter whose kind changes", () => {
  const r = loadRegistry({
    activityDistributions: {
      Standing: { exhalationRate: { kind: "uniform", low: 0.5, high: 0.7 } },
    },
    maskDistributions: {
      FFP2: { etaInhale: { kind: "normal", mean: 0.87, standardDeviation: 0.02 } },
    },
  });
  deepStrictEqual(r.activityDistributions.Standing.exhalationRate, {
    kind: "uniform",
    low: 0.5,
    high: 0.7,
  });
  deepStrictEqual(r.maskDistributions.FFP2.etaInhale, {
    kind: "normal",
    mean: 0.87,
    standardDeviation: 0.02,
  });
});

Deno.test("loadRegistry() reads a bare number as a constant parameter", () => {
  const r = loadRegistry({
    virologicalData: { virusDistributions: { SARS_CoV_2: { infectiousDose: 50 } } },
  });
  deepStrictEqual(r.virologicalData.virusDistributions.SARS_CoV_2.infectiousDose, {
    kind: "constant",
    value: 50,
  });
});

Deno.test("loadRegistry() accepts a virus with a viral load distribution of its own", () => {
  const r = loadRegistry({
    virologicalData: {
      virusDistributions: {
        SARS_CoV_2_DELTA: {
          viralLoadInSputum: { kind: "lognormal", meanGaussian: 18, standardDeviationGaussian: 2 },
        },
        SARS_CoV_2_BETA: { viralLoadInSputum: "symptomaticVlFrequencies" },
      },
    },
  });
  const vd = r.virologicalData.virusDistributions;
  strictEqual(vd.SARS_CoV_2_BETA.viralLoadInSputum, "symptomaticVlFrequencies");
  deepStrictEqual(vd.SARS_CoV_2_DELTA.viralLoadInSputum, {
    kind: "lognormal",
    meanGaussian: 18,
    standardDeviationGaussian: 2,
  });
  strictEqual(vd.SARS_CoV_2.viralLoadInSputum, "covidOverallVlData");
});

Deno.test("loadRegistry() adds a population scenario and merges expiration weights", () => {
  const r = loadRegistry({
    version: "2.1",
    populationScenarioActivity: {
      choir: { placeholder: "Choir", activity: "Standing", expiration: { Singing: 1 } },
      office: { expiration: { Breathing: 0 } },
    },
  });
  strictEqual(r.version, "2.1");
  deepStrictEqual(r.populationScenarioActivity.choir, {
    placeholder: "Choir",
    activity: "Standing",
    expiration: { Singing: 1 },
  });
  deepStrictEqual(r.populationScenarioActivity.office.expiration, { Speaking: 1, Breathing: 0 });
  strictEqual(Object.keys(r.populationScenarioActivity).length, 20);
});

Deno.test("virusReport() reads the form against the registry it is given (an added scenario)", () => {
  const registry = loadRegistry({
    populationScenarioActivity: {
      choir: { placeholder: "Choir", activity: "Standing", expiration: { Singing: 1 } },
    },
  });
  const form = {
    ...JSON.parse(
      Deno.readTextFileSync(
        new URL("../fixtures/reference/s1_rest_example_natural.in.json", import.meta.url),
      ),
    ),
    activity_type: "choir",
  };
  const report = virusReport(form, { registry, seed: 0, sampleSize: 2000, probDist: false });
  const probability = Number(report.groups.group_1.prob_inf);
  ok(probability > 0 && probability <= 100, `${probability} %`);
  // Without it, the scenario is unknown: a form error naming the field.
  throws(() => virusReport(form, { seed: 0, sampleSize: 2000 }), /^FormError: activity_type/);
});

Deno.test("loadRegistry() merges onto a given base", () => {
  const base = loadRegistry({ monteCarlo: { sampleSize: 1000 } });
  const r = loadRegistry({ room: { insideTemp: 290 } }, { base });
  strictEqual(r.monteCarlo.sampleSize, 1000);
  strictEqual(r.room.insideTemp, 290);
});

// --- rejections ------------------------------------------------------------------------

Deno.test("loadRegistry() rejects an override that is not an object", () => {
  assertRejects(null, "registry: expected an object but found null");
  assertRejects([], "registry: expected an object but found an array");
  assertRejects("x", 'registry: expected an object but found "x"');
});

Deno.test("loadRegistry() rejects an unknown key", () => {
  assertRejects(
    { room: { insideTemperature: 293 } },
    'registry.room.insideTemperature: expected one of the keys insideTemp, humidityWithHeating, humidityWithoutHeating but found the unknown key "insideTemperature"',
  );
  assertRejects(
    { rooms: {} },
    'registry.rooms: expected one of the keys version, expirationParticle, activityDistributions, virologicalData, maskDistributions, room, ventilation, concentrationModel, shortRangeModel, monteCarlo, populationScenarioActivity but found the unknown key "rooms"',
  );
  assertRejects(
    { activityDistributions: { Running: {} } },
    'registry.activityDistributions.Running: expected one of the keys Seated, Standing, Light activity, Moderate activity, Heavy exercise but found the unknown key "Running"',
  );
  assertRejects(
    { maskDistributions: { "Type I": { etaInhale: { a: 1, b: 2 } } } },
    'registry.maskDistributions["Type I"].etaInhale.a: expected one of the keys kind, low, high but found the unknown keys "a" and "b"',
  );
  assertRejects(
    { populationScenarioActivity: { gym: { expiration: { Yelling: 1 } } } },
    'registry.populationScenarioActivity.gym.expiration.Yelling: expected one of the keys Breathing, Speaking, Singing, Shouting but found the unknown key "Yelling"',
  );
});

Deno.test("loadRegistry() rejects a __proto__ key", () => {
  assertRejects(
    JSON.parse('{"room": {"__proto__": {"insideTemp": 1}}}'),
    'registry.room.__proto__: expected a registry key but found "__proto__"',
  );
});

Deno.test("loadRegistry() rejects a value of the wrong type", () => {
  assertRejects(
    { room: { insideTemp: "293" } },
    'registry.room.insideTemp: expected a number but found "293"',
  );
  assertRejects(
    { ventilation: { natural: 0.6 } },
    "registry.ventilation.natural: expected an object but found 0.6",
  );
  assertRejects(
    { monteCarlo: { sampleSize: 1.5 } },
    "registry.monteCarlo.sampleSize: expected an integer but found 1.5",
  );
  assertRejects({ version: 2 }, "registry.version: expected a string or null but found 2");
  assertRejects(
    { virologicalData: { symptomaticVlFrequencies: { logVariable: [1, "2"] } } },
    'registry.virologicalData.symptomaticVlFrequencies.logVariable[1]: expected a number but found "2"',
  );
  assertRejects(
    { activityDistributions: { Seated: { inhalationRate: "x" } } },
    'registry.activityDistributions.Seated.inhalationRate: expected an object but found "x"',
  );
});

Deno.test("loadRegistry() rejects a non-finite number", () => {
  assertRejects(
    { room: { insideTemp: NaN } },
    "registry.room.insideTemp: expected a number but found NaN",
  );
  assertRejects(
    { room: { insideTemp: Infinity } },
    "registry.room.insideTemp: expected a number but found Infinity",
  );
});

Deno.test("loadRegistry() rejects a number out of range", () => {
  assertRejects(
    { activityDistributions: { Seated: { inhalationRate: { standardDeviationGaussian: -1 } } } },
    "registry.activityDistributions.Seated.inhalationRate.standardDeviationGaussian: expected a non-negative number but found -1",
  );
  assertRejects(
    { room: { insideTemp: 0 } },
    "registry.room.insideTemp: expected a positive number but found 0",
  );
  assertRejects(
    { room: { humidityWithHeating: 30 } },
    "registry.room.humidityWithHeating: expected a fraction between 0 and 1 but found 30",
  );
  assertRejects(
    { monteCarlo: { sampleSize: 0 } },
    "registry.monteCarlo.sampleSize: expected a positive integer but found 0",
  );
  assertRejects(
    { virologicalData: { covidOverallVlData: { num: 1 } } },
    "registry.virologicalData.covidOverallVlData.num: expected an integer >= 2 but found 1",
  );
  assertRejects(
    { virologicalData: { covidOverallVlData: { stop: 1 } } },
    "registry.virologicalData.covidOverallVlData.stop: expected a fraction in (0, 1) but found 1",
  );
  assertRejects(
    { maskDistributions: { Cloth: { etaExhale: 1.2 } } },
    "registry.maskDistributions.Cloth.etaExhale.value: expected a fraction between 0 and 1 but found 1.2",
  );
  assertRejects(
    { maskDistributions: { FFP2: { etaInhale: { high: 1.1 } } } },
    "registry.maskDistributions.FFP2.etaInhale.high: expected a fraction between 0 and 1 but found 1.1",
  );
});

Deno.test("loadRegistry() rejects bounds in the wrong order", () => {
  assertRejects(
    { virologicalData: { virusDistributions: { SARS_CoV_2: { infectiousDose: { low: 200 } } } } },
    "registry.virologicalData.virusDistributions.SARS_CoV_2.infectiousDose.high: expected high >= low but found 100 < 200",
  );
  assertRejects(
    { shortRangeModel: { conversationalDistance: { minimumDistance: 3 } } },
    "registry.shortRangeModel.conversationalDistance.maximumDistance: expected maximumDistance > minimumDistance but found 2 <= 3",
  );
  assertRejects(
    { expirationParticle: { particleSizeRange: { shortRange: { maximumDiameter: 0.1 } } } },
    "registry.expirationParticle.particleSizeRange.shortRange.maximumDiameter: expected maximumDiameter > minimumDiameter but found 0.1 <= 0.1",
  );
});

Deno.test("loadRegistry() rejects an unknown parameter kind or a missing field", () => {
  assertRejects(
    { activityDistributions: { "Light activity": { inhalationRate: { kind: "gamma" } } } },
    'registry.activityDistributions["Light activity"].inhalationRate.kind: expected one of "lognormal", "normal", "uniform", "logCustomKernel" or "constant" but found "gamma"',
  );
  assertRejects(
    { activityDistributions: { Seated: { inhalationRate: { kind: "uniform", low: 0.4 } } } },
    "registry.activityDistributions.Seated.inhalationRate.high: expected a number but found no value",
  );
  assertRejects(
    { populationScenarioActivity: { choir: { activity: "Standing", expiration: {} } } },
    "registry.populationScenarioActivity.choir.placeholder: expected a string but found no value",
  );
});

Deno.test("loadRegistry() rejects an inconsistent kernel density", () => {
  assertRejects(
    { virologicalData: { symptomaticVlFrequencies: { frequencies: [1, 2] } } },
    "registry.virologicalData.symptomaticVlFrequencies.frequencies: expected as many frequencies as logVariable values (38) but found 2",
  );
  assertRejects(
    { virologicalData: { symptomaticVlFrequencies: { logVariable: [1, 2], frequencies: [0, 0] } } },
    "registry.virologicalData.symptomaticVlFrequencies.frequencies: expected frequencies with a positive sum but found a sum of 0",
  );
  assertRejects(
    { virologicalData: { symptomaticVlFrequencies: { bandwidth: 0 } } },
    "registry.virologicalData.symptomaticVlFrequencies.bandwidth: expected a positive number but found 0",
  );
  assertRejects(
    { virologicalData: { symptomaticVlFrequencies: { logVariable: [], frequencies: [] } } },
    "registry.virologicalData.symptomaticVlFrequencies.logVariable: expected at least 1 item but found 0",
  );
});

Deno.test("loadRegistry() rejects an unknown name where a name is expected", () => {
  assertRejects(
    { virologicalData: { virusDistributions: { SARS_CoV_2: { viralLoadInSputum: "covid" } } } },
    'registry.virologicalData.virusDistributions.SARS_CoV_2.viralLoadInSputum: expected "covidOverallVlData", "symptomaticVlFrequencies" or an object but found "covid"',
  );
  assertRejects(
    {
      virologicalData: {
        virusDistributions: {
          SARS_CoV_2: { viralLoadInSputum: { kind: "uniform", low: -1, high: 1 } },
        },
      },
    },
    "registry.virologicalData.virusDistributions.SARS_CoV_2.viralLoadInSputum.low: expected a non-negative number but found -1",
  );
  assertRejects(
    { populationScenarioActivity: { gym: { activity: "Running" } } },
    'registry.populationScenarioActivity.gym.activity: expected one of "Seated", "Standing", "Light activity", "Moderate activity", "Heavy exercise" or "" but found "Running"',
  );
});

Deno.test("loadRegistry() rejects an unknown format", () => {
  throws(
    () => loadRegistry({}, { format: "yaml" as "native" }),
    new TypeError(
      'loadRegistry: expected option format to be one of "native", "reference" but found "yaml"',
    ),
  );
});

Deno.test("virusReport() refuses a registry that takes the model beyond finite numbers", () => {
  const registry = loadRegistry({
    activityDistributions: { Seated: { inhalationRate: { meanGaussian: 1000 } } },
  });
  const form = JSON.parse(
    Deno.readTextFileSync(
      new URL("../fixtures/reference/s1_rest_example_natural.in.json", import.meta.url),
    ),
  );
  throws(
    () => virusReport(form, { registry, seed: 0, sampleSize: 2000, probDist: false }),
    /^RangeError: the report holds (Infinity|NaN) at .*: the registry given takes the model beyond finite numbers/,
  );
});

Deno.test("loadRegistry() refuses weights that sum to 0, naming where they are", () => {
  throws(
    () =>
      loadRegistry({
        populationScenarioActivity: { office: { expiration: { Speaking: 0, Breathing: 0 } } },
      }),
    /populationScenarioActivity\.office\.expiration: expected expiration weights with a positive sum/,
  );
  throws(
    () => loadRegistry({ expirationParticle: { bloModel: { cn: { B: 0, L: 0, O: 0 } } } }),
    /expirationParticle\.bloModel\.cn: expected mode frequencies with a positive sum/,
  );
});
