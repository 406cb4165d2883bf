import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { DEFAULT_REGISTRY, loadRegistry, RegistryError } from "../../src/registry/mod.ts";

function loadReference(override: unknown) {
  return loadRegistry(override, { format: "reference" });
}

/** Asserts that a reference-layout override throws a RegistryError with this message. */
function assertRejects(override: unknown, message: string): void {
  throws(() => loadReference(override), (e: unknown) => {
    ok(e instanceof RegistryError, `expected a RegistryError but found ${e}`);
    strictEqual(e.message, message);
    return true;
  });
}

Deno.test("loadRegistry() reads a partial override in the reference's layout", () => {
  const r = loadReference({
    version: "3",
    room: { inside_temp: 295.0, references: "N/A." },
    monte_carlo: { sample_size: 5000 },
    short_range_model: { dilution_factor: { penetration_coefficients: { "𝛽x1": 2.5 } } },
    virological_data: {
      covid_overal_vl_data: { parameters: { shape_factor: 3.5 } },
      virus_distributions: { SARS_CoV_2_OMICRON: { transmissibility_factor: { value: 0.3 } } },
    },
  });
  strictEqual(r.version, "3");
  strictEqual(r.room.insideTemp, 295);
  strictEqual(r.room.humidityWithHeating, 0.3);
  strictEqual(r.monteCarlo.sampleSize, 5000);
  strictEqual(r.shortRangeModel.dilutionFactor.penetrationCoefficients.betaX1, 2.5);
  strictEqual(r.virologicalData.covidOverallVlData.shapeFactor, 3.5);
  strictEqual(r.virologicalData.covidOverallVlData.scaleFactor, 7.01);
  strictEqual(r.virologicalData.virusDistributions.SARS_CoV_2_OMICRON.transmissibilityFactor, 0.3);
});

Deno.test("loadRegistry() translates the reference's distribution entries", () => {
  const r = loadReference({
    activity_distributions: {
      Seated: {
        inhalation_rate: {
          associated_value: "Normal distribution",
          parameters: { normal_mean_gaussian: 0.5, normal_standard_deviation_gaussian: 0.05 },
        },
        exhalation_rate: { parameters: { lognormal_mean_gaussian: -0.7 } },
      },
    },
    mask_distributions: {
      "Type I": {
        "η_exhale": { associated_value: "Constant value", parameters: 0.5, references: "" },
        factor_exhale: { value: 0.9 },
      },
    },
  });
  deepStrictEqual(r.activityDistributions.Seated.inhalationRate, {
    kind: "normal",
    mean: 0.5,
    standardDeviation: 0.05,
  });
  deepStrictEqual(r.activityDistributions.Seated.exhalationRate, {
    kind: "lognormal",
    meanGaussian: -0.7,
    standardDeviationGaussian: 0.10498338229297108,
  });
  deepStrictEqual(r.maskDistributions["Type I"].etaExhale, { kind: "constant", value: 0.5 });
  strictEqual(r.maskDistributions["Type I"].factorExhale, 0.9);
});

Deno.test("loadRegistry() translates the reference's viral load names and Custom", () => {
  const r = loadReference({
    virological_data: {
      virus_distributions: {
        SARS_CoV_2_ALPHA: {
          viral_load_in_sputum: "Ref: Viral load - symptomatic viral load frequencies",
        },
        SARS_CoV_2_BETA: {
          viral_load_in_sputum: "Custom",
          "Viral load custom": {
            associated_value: "Uniform distribution",
            parameters: { low: 1e6, high: 1e9 },
          },
        },
      },
    },
  });
  const vd = r.virologicalData.virusDistributions;
  strictEqual(vd.SARS_CoV_2_ALPHA.viralLoadInSputum, "symptomaticVlFrequencies");
  deepStrictEqual(vd.SARS_CoV_2_BETA.viralLoadInSputum, { kind: "uniform", low: 1e6, high: 1e9 });
  strictEqual(vd.SARS_CoV_2.viralLoadInSputum, "covidOverallVlData");
});

Deno.test("loadRegistry() names the reference's path when a reference-layout value is invalid", () => {
  assertRejects(
    {
      activity_distributions: {
        Seated: { inhalation_rate: { parameters: { lognormal_standard_deviation_gaussian: -1 } } },
      },
    },
    "registry.activity_distributions.Seated.inhalation_rate.parameters.lognormal_standard_deviation_gaussian: expected a non-negative number but found -1",
  );
  assertRejects(
    { virological_data: { covid_overal_vl_data: { parameters: { stop: 0.001 } } } },
    "registry.virological_data.covid_overal_vl_data.parameters.stop: expected stop > start but found 0.001 <= 0.01",
  );
  assertRejects(
    {
      virological_data: {
        virus_distributions: { SARS_CoV_2: { infectiousness_days: { value: 0 } } },
      },
    },
    "registry.virological_data.virus_distributions.SARS_CoV_2.infectiousness_days.value: expected a positive number but found 0",
  );
  assertRejects(
    {
      mask_distributions: {
        FFP2: {
          "η_inhale": {
            associated_value: "Uniform distribution",
            parameters: { low: 0.9, high: 0.1 },
          },
        },
      },
    },
    'registry.mask_distributions.FFP2["η_inhale"].parameters.high: expected high >= low but found 0.1 < 0.9',
  );
  assertRejects(
    {
      virological_data: {
        virus_distributions: {
          SARS_CoV_2: {
            viral_load_in_sputum: "Custom",
            "Viral load custom": { associated_value: "Constant value", parameters: -5 },
          },
        },
      },
    },
    'registry.virological_data.virus_distributions.SARS_CoV_2["Viral load custom"].parameters: expected a non-negative number but found -5',
  );
  assertRejects(
    {
      activity_distributions: {
        Seated: {
          inhalation_rate: { associated_value: "Uniform distribution", parameters: { low: 1 } },
        },
      },
    },
    "registry.activity_distributions.Seated.inhalation_rate.parameters.high: expected a number but found no value",
  );
});

Deno.test("loadRegistry() rejects an unknown key in the reference's layout", () => {
  assertRejects(
    { short_range_model: { dilution_factor: { penetration_coefficients: { "βr1": 1 } } } },
    'registry.short_range_model.dilution_factor.penetration_coefficients["βr1"]: expected one of the keys 𝛽r1, 𝛽r2, 𝛽x1, references but found the unknown key "βr1"',
  );
  assertRejects(
    { room: { insideTemp: 290 } },
    'registry.room.insideTemp: expected one of the keys inside_temp, humidity_with_heating, humidity_without_heating, references but found the unknown key "insideTemp"',
  );
  assertRejects(
    { activity_distributions: { Seated: { inhalation_rate: { parameters: { mean: 1 } } } } },
    'registry.activity_distributions.Seated.inhalation_rate.parameters.mean: expected one of the keys lognormal_mean_gaussian, lognormal_standard_deviation_gaussian, normal_mean_gaussian, normal_standard_deviation_gaussian, low, high, log_variable, frequencies, kernel_bandwidth but found the unknown key "mean"',
  );
});

Deno.test("loadRegistry() rejects reference-layout entries it cannot translate", () => {
  assertRejects(
    { activity_distributions: { Seated: { inhalation_rate: { associated_value: "Gamma" } } } },
    'registry.activity_distributions.Seated.inhalation_rate.associated_value: expected one of "Log-normal distribution", "Normal distribution", "Uniform distribution", "Log Custom Kernel distribution" or "Constant value" but found "Gamma"',
  );
  assertRejects(
    { virological_data: { covid_overal_vl_data: { associated_value: "Normal distribution" } } },
    'registry.virological_data.covid_overal_vl_data.associated_value: expected "Weibull distribution" but found "Normal distribution"',
  );
  assertRejects(
    {
      virological_data: { virus_distributions: { SARS_CoV_2: { viral_load_in_sputum: "Custom" } } },
    },
    'registry.virological_data.virus_distributions.SARS_CoV_2["Viral load custom"]: expected a parameter for viral_load_in_sputum "Custom" but found no value',
  );
  assertRejects(
    { virological_data: { virus_distributions: { SARS_CoV_2: { viral_load_in_sputum: "high" } } } },
    'registry.virological_data.virus_distributions.SARS_CoV_2.viral_load_in_sputum: expected one of "Ref: Viral load - covid overal viral load data", "Ref: Viral load - symptomatic viral load frequencies" or "Custom" but found "high"',
  );
  assertRejects(
    { virological_data: { virus_distributions: { SARS_CoV_2: { transmissibility_factor: 0.5 } } } },
    "registry.virological_data.virus_distributions.SARS_CoV_2.transmissibility_factor: expected an object but found 0.5",
  );
});

Deno.test("loadRegistry() with an empty reference-layout override returns the defaults", () => {
  deepStrictEqual(loadReference({}), DEFAULT_REGISTRY);
});
