import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import {
  ACTIVITY_NAMES,
  DEFAULT_REGISTRY,
  EXPIRATION_NAMES,
  loadRegistry,
  MASK_NAMES,
  VIRUS_NAMES,
} from "../../src/registry/mod.ts";
import { readReferenceFixture } from "./_fixture.ts";

Deno.test("DEFAULT_REGISTRY holds the reference's numbers", () => {
  // Expected values: reference data_registry.py (CAiMIRA e624bcf3).
  const r = DEFAULT_REGISTRY;
  deepStrictEqual(r.expirationParticle.particleSizeRange.longRange, {
    minimumDiameter: 0.1,
    maximumDiameter: 20,
  });
  strictEqual(r.expirationParticle.particleSizeRange.shortRange.maximumDiameter, 100);
  deepStrictEqual(r.expirationParticle.bloModel.cn, { B: 0.06, L: 0.2, O: 0.0010008 });
  deepStrictEqual(r.expirationParticle.bloModel.mu, { B: 0.989541, L: 1.38629, O: 4.97673 });
  deepStrictEqual(r.expirationParticle.bloModel.sigma, {
    B: 0.262364,
    L: 0.506818,
    O: 0.585005,
  });
  deepStrictEqual(r.expirationParticle.expirationBloFactors.Shouting, { B: 1, L: 5, O: 5 });
  strictEqual(r.expirationParticle.particle.evaporationFactor, 0.3);
  deepStrictEqual(r.activityDistributions.Seated.inhalationRate, {
    kind: "lognormal",
    meanGaussian: -0.6872121723362303,
    standardDeviationGaussian: 0.10498338229297108,
  });
  deepStrictEqual(r.activityDistributions["Heavy exercise"].exhalationRate, {
    kind: "lognormal",
    meanGaussian: 1.1644665696723049,
    standardDeviationGaussian: 0.21744554768657565,
  });
  strictEqual(r.virologicalData.covidOverallVlData.shapeFactor, 3.47);
  strictEqual(r.virologicalData.covidOverallVlData.scaleFactor, 7.01);
  strictEqual(r.virologicalData.virusDistributions.SARS_CoV_2_OMICRON.transmissibilityFactor, 0.2);
  strictEqual(r.virologicalData.virusDistributions.SARS_CoV_2_DELTA.transmissibilityFactor, 0.51);
  deepStrictEqual(r.virologicalData.virusDistributions.SARS_CoV_2.infectiousDose, {
    kind: "uniform",
    low: 10,
    high: 100,
  });
  deepStrictEqual(r.maskDistributions.FFP2.etaInhale, { kind: "uniform", low: 0.83, high: 0.91 });
  deepStrictEqual(r.maskDistributions.Cloth.etaExhale, { kind: "uniform", low: 0.2, high: 0.5 });
  strictEqual(r.maskDistributions["Type I"].etaExhale, undefined);
  strictEqual(r.room.insideTemp, 293);
  strictEqual(r.ventilation.natural.dischargeFactor.sliding, 0.6);
  strictEqual(r.concentrationModel.co2ConcentrationModel.co2AtmosphereConcentration, 440.44);
  strictEqual(r.concentrationModel.co2ConcentrationModel.co2FractionExhaled, 0.042);
  deepStrictEqual(r.shortRangeModel.dilutionFactor.penetrationCoefficients, {
    betaR1: 0.18,
    betaR2: 0.2,
    betaX1: 2.4,
  });
  strictEqual(r.monteCarlo.sampleSize, 250_000);
  deepStrictEqual(r.populationScenarioActivity["controlroom-night"], {
    placeholder: "Control Room - Night shift",
    activity: "Seated",
    expiration: { Speaking: 1, Breathing: 9 },
  });
  strictEqual(r.version, null);
});

Deno.test("DEFAULT_REGISTRY equals the reference's to_dict() read in the reference layout", async () => {
  // Every number, name and scenario of reference data_registry.py, compared at once.
  const fixture = await readReferenceFixture();
  deepStrictEqual(loadRegistry(fixture.data_registry, { format: "reference" }), DEFAULT_REGISTRY);
});

Deno.test("DEFAULT_REGISTRY has the symptomatic viral load kernel of the reference", async () => {
  const fixture = await readReferenceFixture();
  const vd = fixture.data_registry.virological_data as {
    symptomatic_vl_frequencies: { parameters: Record<string, unknown> };
  };
  const ref = vd.symptomatic_vl_frequencies.parameters;
  const ours = DEFAULT_REGISTRY.virologicalData.symptomaticVlFrequencies;
  ok(ours.kind === "logCustomKernel");
  strictEqual(ours.logVariable.length, 38);
  deepStrictEqual(ours.logVariable, ref.log_variable);
  deepStrictEqual(ours.frequencies, ref.frequencies);
  strictEqual(ours.bandwidth, ref.kernel_bandwidth);
});

Deno.test("DEFAULT_REGISTRY name lists match its keys", () => {
  deepStrictEqual(Object.keys(DEFAULT_REGISTRY.activityDistributions), [...ACTIVITY_NAMES]);
  deepStrictEqual(
    Object.keys(DEFAULT_REGISTRY.expirationParticle.expirationBloFactors),
    [...EXPIRATION_NAMES],
  );
  deepStrictEqual(
    Object.keys(DEFAULT_REGISTRY.virologicalData.virusDistributions),
    [...VIRUS_NAMES],
  );
  deepStrictEqual(Object.keys(DEFAULT_REGISTRY.maskDistributions), [...MASK_NAMES]);
});

Deno.test("DEFAULT_REGISTRY is deeply frozen", () => {
  ok(Object.isFrozen(DEFAULT_REGISTRY));
  ok(Object.isFrozen(DEFAULT_REGISTRY.activityDistributions.Seated.inhalationRate));
  const kernel = DEFAULT_REGISTRY.virologicalData.symptomaticVlFrequencies;
  ok(kernel.kind === "logCustomKernel" && Object.isFrozen(kernel.frequencies));
  throws(() => {
    (DEFAULT_REGISTRY.room as { insideTemp: number }).insideTemp = 0;
  }, TypeError);
});
