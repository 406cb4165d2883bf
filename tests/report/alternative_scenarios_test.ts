// The alternative scenarios of the web calculator's report: which scenarios appear for
// which form and what each changes (the rules of the reference's
// `manufacture_alternative_scenarios`, virus_report_data.py at e624bcf3, read branch by
// branch; the names of u1, u2, u3, u6 and u8 are also those of the reference's
// ../shared/fixtures/ui_report), and their statistics on small sample sizes.
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { buildExposureModels, buildVirusModels } from "../../src/forms/build_virus_models.ts";
import { parseVirusForm } from "../../src/forms/parse_virus_form.ts";
import type { VirusForm } from "../../src/forms/virus_form.ts";
import { withKernelComputation } from "../../src/kernel/shared.ts";
import { exposureEvaluator } from "../../src/model/exposure.ts";
import { mean } from "../../src/model/vec.ts";
import { createKernelRng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY } from "../../src/registry/defaults.ts";
import {
  alternativeScenarioForms,
  CURRENT_SCENARIO,
} from "../../src/report/alternative_scenarios.ts";
import { virusReport } from "../../src/report/virus_report.ts";
import { assertClose } from "../_helpers/stats.ts";
import { readFixtureInput } from "../forms/_helpers.ts";

const N = 2000;

function uiInput(name: string): Record<string, unknown> {
  return JSON.parse(
    Deno.readTextFileSync(new URL(`../fixtures/ui_report/${name}.in.json`, import.meta.url)),
  );
}

/** u8 (mechanical 3 ACH, FFP2 worn, HEPA 250 m³/h) with some fields changed. */
function u8With(fields: Record<string, unknown>): VirusForm {
  return parseVirusForm({ ...uiInput("u8_hepa_ffp2_mech"), ...fields });
}

const HEPA_TYPE_I = "Base scenario with HEPA filter and Type I masks";
const NO_HEPA_FFP2 = "Base scenario without HEPA filter, with FFP2 masks";
const MECH_NO_MASKS = "Mechanical ventilation without masks";
const WINDOWS_NO_MASKS = "Windows open without masks";
const NO_VENT_TYPE_I = "No ventilation with Type I masks";
const NEITHER = "Neither ventilation nor masks";
const WITHOUT_SHORT_RANGE = "Base scenario without short-range interactions";

const NATURAL = {
  ventilation_type: "natural_ventilation",
  window_type: "window_sliding",
  window_opening_regime: "windows_open_permanently",
  window_height: "2",
  window_width: "2",
  windows_number: "1",
  opening_distance: "0.2",
};
const NO_VENTILATION = { ventilation_type: "no_ventilation" };
const TYPE_I = { mask_wearing_option: "mask_on", mask_type: "Type I" };
const NO_MASKS = { mask_wearing_option: "mask_off" };
const NO_HEPA = { hepa_option: "0" };

Deno.test("alternativeScenarioForms(): which scenarios appear for which form, in the reference's order", () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ["u8: mechanical, FFP2, HEPA", {}, [HEPA_TYPE_I, MECH_NO_MASKS, NO_VENT_TYPE_I, NEITHER]],
    ["mechanical, Type I, HEPA", TYPE_I, [NO_HEPA_FFP2, MECH_NO_MASKS, NO_VENT_TYPE_I, NEITHER]],
    ["mechanical, no masks, HEPA", NO_MASKS, [NO_HEPA_FFP2, NO_VENT_TYPE_I, NEITHER]],
    ["mechanical, no masks", { ...NO_MASKS, ...NO_HEPA }, [NO_VENT_TYPE_I, NEITHER]],
    ["mechanical, FFP2", NO_HEPA, [MECH_NO_MASKS, NO_VENT_TYPE_I, NEITHER]],
    ["natural, Type I", { ...NATURAL, ...TYPE_I, ...NO_HEPA }, [
      WINDOWS_NO_MASKS,
      NO_VENT_TYPE_I,
      NEITHER,
    ]],
    ["u1: natural, no masks", { ...NATURAL, ...NO_MASKS, ...NO_HEPA }, [NO_VENT_TYPE_I, NEITHER]],
    ["u2: no ventilation, no masks, HEPA", { ...NO_VENTILATION, ...NO_MASKS }, [
      NO_HEPA_FFP2,
      NO_VENT_TYPE_I,
    ]],
    ["u6: no ventilation, no masks", { ...NO_VENTILATION, ...NO_MASKS, ...NO_HEPA }, [
      NO_VENT_TYPE_I,
    ]],
    ["no ventilation, Type I", { ...NO_VENTILATION, ...TYPE_I, ...NO_HEPA }, [NEITHER]],
    // The reference tests "masks on and Type I" after setting Type I: FFP2 counts as on.
    ["no ventilation, FFP2", { ...NO_VENTILATION, ...NO_HEPA }, [NEITHER]],
    ["no ventilation, FFP2, HEPA", NO_VENTILATION, [HEPA_TYPE_I, NEITHER]],
  ];
  for (const [label, fields, names] of cases) {
    deepStrictEqual(alternativeScenarioForms(u8With(fields)).map((s) => s.name), names, label);
  }
});

Deno.test("alternativeScenarioForms(): each scenario's form changes", () => {
  const form = u8With({});
  const changes = alternativeScenarioForms(form).map(({ name, form: f }) => ({
    name,
    maskType: f.maskType,
    maskWearingOption: f.maskWearingOption,
    hepaOption: f.hepaOption,
    ventilationType: f.ventilationType,
  }));
  deepStrictEqual(changes, [
    {
      name: HEPA_TYPE_I,
      maskType: "Type I",
      maskWearingOption: "mask_on",
      hepaOption: true,
      ventilationType: "mechanical_ventilation",
    },
    {
      name: MECH_NO_MASKS,
      maskType: "Type I",
      maskWearingOption: "mask_off",
      hepaOption: false,
      ventilationType: "mechanical_ventilation",
    },
    {
      name: NO_VENT_TYPE_I,
      maskType: "Type I",
      maskWearingOption: "mask_on",
      hepaOption: false,
      ventilationType: "no_ventilation",
    },
    {
      name: NEITHER,
      maskType: "Type I",
      maskWearingOption: "mask_off",
      hepaOption: false,
      ventilationType: "no_ventilation",
    },
  ]);
  const [withoutHepa] = alternativeScenarioForms(u8With(TYPE_I));
  strictEqual(withoutHepa.name, NO_HEPA_FFP2);
  deepStrictEqual(
    [withoutHepa.form.maskType, withoutHepa.form.maskWearingOption, withoutHepa.form.hepaOption],
    ["FFP2", "mask_on", false],
  );
  // Nothing else changes.
  for (const { form: f } of alternativeScenarioForms(form)) {
    deepStrictEqual(
      { ...f, maskType: 0, maskWearingOption: 0, hepaOption: 0, ventilationType: 0 },
      { ...form, maskType: 0, maskWearingOption: 0, hepaOption: 0, ventilationType: 0 },
    );
  }
});

Deno.test("alternativeScenarioForms(): with short-range interactions, only the room without them (fewer people)", () => {
  const form = parseVirusForm(uiInput("u3_mech_masks_shortrange"));
  const scenarios = alternativeScenarioForms(form);
  deepStrictEqual(scenarios.map((s) => s.name), [WITHOUT_SHORT_RANGE]);
  const [{ form: f }] = scenarios;
  strictEqual(f.totalPeople, 10 - 5);
  deepStrictEqual(f.shortRangeInteractions, []);
  // As in the reference, the option and the occupants' number stay.
  strictEqual(f.shortRangeOption, "short_range_yes");
  strictEqual(f.shortRangeOccupants, 5);
});

Deno.test("alternativeScenarioForms(): none with occupancy groups", () => {
  const form = parseVirusForm(readFixtureInput("s4_dynamic_occupancy_hvac_ffp2"));
  ok(form.occupancy.length > 0);
  deepStrictEqual(alternativeScenarioForms(form), []);
});

Deno.test("virusReport({ alternativeScenarios }): the scenarios are sampled after the report, in order", () => {
  const input = uiInput("u8_hepa_ffp2_mech");
  const report = virusReport(input, {
    seed: 3,
    sampleSize: N,
    probDist: false,
    alternativeScenarios: true,
  });
  const stats = report.alternative_scenarios!.stats;
  deepStrictEqual(Object.keys(stats), [
    CURRENT_SCENARIO,
    HEPA_TYPE_I,
    MECH_NO_MASKS,
    NO_VENT_TYPE_I,
    NEITHER,
  ]);
  const group = report.groups.group_1;
  deepStrictEqual(stats[CURRENT_SCENARIO], {
    probability_of_infection: group.prob_inf,
    expected_new_cases: group.expected_new_cases,
    concentrations: group.concentrations,
  });
  strictEqual("alternative_viral_load" in report, false);
  // The same draws rebuilt by hand: the report's models and CO2 model, then each
  // scenario's exposure models, on one generator.
  const form = parseVirusForm(input);
  const expected = withKernelComputation((kernel) => {
    const rng = createKernelRng(3, kernel);
    const options = { registry: DEFAULT_REGISTRY, rng, sampleSize: N };
    buildVirusModels(form, options);
    return alternativeScenarioForms(form).map(({ form: f }) => {
      const model = buildExposureModels(f, options).exposureModels[0];
      const ev = exposureEvaluator(model);
      return [mean(ev.infectionProbability()), mean(ev.expectedNewCases())];
    });
  });
  const names = Object.keys(stats).slice(1);
  names.forEach((name, k) => {
    assertClose(stats[name].probability_of_infection, expected[k][0], { rel: 1e-12 }, name);
    assertClose(stats[name].expected_new_cases, expected[k][1], { rel: 1e-12 }, name);
    strictEqual(stats[name].concentrations.length, report.times.length);
    strictEqual(stats[name].prob_probabilistic_exposure, null);
  });
  // Masks and ventilation lower the concentration and the risk.
  ok(stats[NEITHER].probability_of_infection > stats[NO_VENT_TYPE_I].probability_of_infection);
  ok(stats[NEITHER].concentrations.at(-1)! > stats[MECH_NO_MASKS].concentrations.at(-1)!);
});

Deno.test("virusReport({ alternativeScenarios }): the report itself is unchanged by the option", () => {
  const input = uiInput("u2_hepa_classroom");
  const options = { seed: 5, sampleSize: N, probDist: false };
  const plain = virusReport(input, options);
  const { alternative_scenarios, ...rest } = virusReport(input, {
    ...options,
    alternativeScenarios: true,
  });
  deepStrictEqual(rest, plain);
  deepStrictEqual(Object.keys(alternative_scenarios!.stats), [
    CURRENT_SCENARIO,
    NO_HEPA_FFP2,
    NO_VENT_TYPE_I,
  ]);
});

Deno.test("virusReport({ alternativeScenarios }): without short range, new cases among the people left; probabilistic exposure", () => {
  const input = {
    ...uiInput("u3_mech_masks_shortrange"),
    exposure_option: "p_probabilistic_exposure",
    geographic_population: "100000",
    geographic_cases: "200",
  };
  const report = virusReport(input, {
    seed: 1,
    sampleSize: N,
    probDist: false,
    alternativeScenarios: true,
  });
  const stats = report.alternative_scenarios!.stats;
  deepStrictEqual(Object.keys(stats), [WITHOUT_SHORT_RANGE]);
  const s = stats[WITHOUT_SHORT_RANGE];
  // 10 people − 5 short-range occupants − 1 infected are exposed (reference: u3's
  // 0.06589910041211794 = 4 × 1.6474775103029484 %).
  assertClose(s.expected_new_cases, s.probability_of_infection / 100 * 4, { rel: 1e-12 });
  ok(typeof s.prob_probabilistic_exposure === "number" && s.prob_probabilistic_exposure > 0);
  const plain = virusReport(uiInput("u3_mech_masks_shortrange"), {
    seed: 1,
    sampleSize: N,
    probDist: false,
    alternativeScenarios: true,
  });
  strictEqual(
    plain.alternative_scenarios!.stats[WITHOUT_SHORT_RANGE].prob_probabilistic_exposure,
    null,
  );
});

Deno.test("virusReport({ alternativeScenarios }): with occupancy groups, no scenarios but the viral-load percentiles", () => {
  const input = {
    ...readFixtureInput("s4_dynamic_occupancy_hvac_ffp2"),
    conditional_probability_viral_loads: "1",
  };
  const report = virusReport(input, {
    seed: 0,
    sampleSize: N,
    probDist: false,
    alternativeScenarios: true,
  });
  strictEqual("alternative_scenarios" in report, false);
  strictEqual(Object.keys(report.alternative_viral_load!).length, 7);
});
