import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  parseVirusForm,
  VIRUS_FORM_DEFAULTS,
  type VirusForm,
  type VirusFormField,
} from "../../src/forms/mod.ts";
import { loadRegistry } from "../../src/registry/mod.ts";
import { readFixtureInput, VIRUS_FIXTURES } from "./_helpers.ts";

/**
 * The plain-JSON spelling of a wire-format body: booleans as true/false, numbers as
 * numbers, object fields as objects; `""` stays (it means "use the default" in both).
 */
function toPlainJson(wire: Record<string, unknown>): Record<string, unknown> {
  const requiredNumbers = [
    "inside_temp",
    "location_latitude",
    "location_longitude",
    "total_people",
  ];
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wire)) {
    const wireDefault = VIRUS_FORM_DEFAULTS[key as VirusFormField];
    const kind = requiredNumbers.includes(key)
      ? "number"
      : wireDefault === null
      ? "string"
      : typeof wireDefault;
    if (value === "" || typeof value !== "string") plain[key] = value;
    else if (kind === "boolean") plain[key] = value === "1";
    else if (kind === "number") plain[key] = Number(value);
    else if (kind === "object") plain[key] = JSON.parse(value);
    else plain[key] = value;
  }
  return plain;
}

for (const name of VIRUS_FIXTURES) {
  Deno.test(`parseVirusForm() accepts the reference fixture ${name}`, () => {
    const form = parseVirusForm(readFixtureInput(name));
    // The reference's 67 fields; our optional outdoor_temperatures is absent.
    strictEqual(Object.keys(form).length, 67);
    strictEqual(form.outdoorTemperatures, undefined);
  });

  Deno.test(`parseVirusForm() gives the same form for ${name} in plain JSON`, () => {
    const wire = readFixtureInput(name);
    const plain = toPlainJson(wire);
    ok(Object.values(plain).some((v) => typeof v === "number"));
    deepStrictEqual(parseVirusForm(plain), parseVirusForm(wire));
  });
}

Deno.test("parseVirusForm() maps every field of s5_dims_breaks_vaccine_delta", () => {
  const form = parseVirusForm(readFixtureInput("s5_dims_breaks_vaccine_delta"));
  const expected: VirusForm = {
    activityType: "office",
    airChanges: 0,
    airSupply: 0,
    arveSensorsOption: false,
    ascertainmentBias: "confidence_medium",
    calculatorVersion: "N/A",
    ceilingHeight: 2.7,
    co2FittingResult: null,
    conditionalProbabilityViralLoads: false,
    eventMonth: "July",
    exposedCoffeeBreakOption: "coffee_break_2",
    exposedCoffeeDuration: 10,
    exposedFinish: 18 * 60,
    exposedLunchFinish: 13 * 60 + 30,
    exposedLunchOption: true,
    exposedLunchStart: 12 * 60 + 30,
    exposedStart: 9 * 60,
    exposureOption: "p_probabilistic_exposure",
    floorArea: 40,
    geographicCases: 2000,
    geographicPopulation: 500000,
    hepaAmount: 0,
    hepaOption: false,
    humidity: null,
    infectedCoffeeBreakOption: "coffee_break_1",
    infectedCoffeeDuration: 10,
    infectedDontHaveBreaksWithExposed: true,
    infectedFinish: 17 * 60,
    infectedLunchFinish: 13 * 60,
    infectedLunchOption: true,
    infectedLunchStart: 12 * 60,
    infectedPeople: 1,
    infectedStart: 8 * 60 + 30,
    insideTemp: 293,
    locationLatitude: 46.20833,
    locationLongitude: 6.14275,
    locationName: "Geneva",
    maskType: "Type I",
    maskWearingOption: "mask_off",
    mechanicalVentilationType: "not-applicable",
    occupancy: [],
    openingDistance: 0.4,
    preciseActivity: null,
    roomHeatingOption: true,
    roomNumber: "123",
    roomVolume: 0,
    sensorInUse: "",
    shortRangeInteractions: [],
    shortRangeOccupants: 0,
    shortRangeOption: "short_range_no",
    simulationName: "e1_dims_breaks_vaccine_delta",
    specificBreaks: null,
    totalPeople: 10,
    vaccineBoosterOption: true,
    vaccineBoosterType: "mRNA-1273_(Moderna)",
    vaccineOption: true,
    vaccineType: "BNT162b2_(Pfizer)",
    ventilationType: "natural_ventilation",
    virusType: "SARS_CoV_2_DELTA",
    volumeType: "room_volume_from_dimensions",
    windowHeight: 1.6,
    windowOpeningRegime: "windows_open_periodically",
    windowType: "window_hinged",
    windowWidth: 1,
    windowsDuration: 15,
    windowsFrequency: 60,
    windowsNumber: 2,
  };
  deepStrictEqual(form, expected);
});

Deno.test("parseVirusForm() reads the occupancy groups of s4_dynamic_occupancy_hvac_ffp2", () => {
  const form = parseVirusForm(readFixtureInput("s4_dynamic_occupancy_hvac_ffp2"));
  deepStrictEqual(form.occupancy, [
    {
      id: "group_A",
      totalPeople: 6,
      infected: 1,
      presence: [{ start: 540, finish: 720 }, { start: 780, finish: 1020 }],
    },
    {
      id: "group_B",
      totalPeople: 4,
      infected: 0,
      presence: [{ start: 600, finish: 690 }, { start: 840, finish: 900 }],
    },
  ]);
  strictEqual(form.maskType, "FFP2");
  strictEqual(form.mechanicalVentilationType, "mech_type_air_supply");
  strictEqual(form.airSupply, 300);
});

Deno.test("parseVirusForm() reads the short-range interactions of s3_mech_masks_shortrange", () => {
  const form = parseVirusForm(readFixtureInput("s3_mech_masks_shortrange"));
  strictEqual(form.shortRangeOption, "short_range_yes");
  strictEqual(form.shortRangeOccupants, 5);
  deepStrictEqual(form.shortRangeInteractions, [{
    groupId: "group_1",
    interactions: [
      { expiration: "Speaking", start: 630, duration: 30 },
      { expiration: "Shouting", start: 840, duration: 15 },
      { expiration: "Breathing", start: 960, duration: 45 },
    ],
  }]);
});

Deno.test("parseVirusForm() reads the precise activity of s6_precise_activity_cond_prob", () => {
  const form = parseVirusForm(readFixtureInput("s6_precise_activity_cond_prob"));
  deepStrictEqual(form.preciseActivity, {
    physicalActivity: "Standing",
    respiratoryActivity: [
      { type: "Breathing", percentage: 60 },
      { type: "Speaking", percentage: 40 },
    ],
  });
  strictEqual(form.conditionalProbabilityViralLoads, true);
  strictEqual(form.exposedLunchOption, false);
});

Deno.test("parseVirusForm() reads the CO2 fit of s7_from_fitting", () => {
  const form = parseVirusForm(readFixtureInput("s7_from_fitting"));
  deepStrictEqual(form.co2FittingResult, {
    transitionTimes: [8.5, 10.167, 12.467, 13.0],
    ventilationValues: [
      6.520768146839269e-05,
      6.350639949707593,
      2.3966360751307993,
      9.627685835624303e-07,
    ],
  });
});

Deno.test("parseVirusForm() keeps the reference quirk: s1 omits exposed_lunch_option, so no lunch", () => {
  const input = readFixtureInput("s1_rest_example_natural");
  ok(!("exposed_lunch_option" in input));
  const form = parseVirusForm(input);
  strictEqual(form.exposedLunchOption, false);
  strictEqual(form.infectedLunchOption, false);
});

Deno.test("parseVirusForm() validates activity_type against the given registry", () => {
  const input = readFixtureInput("s1_rest_example_natural");
  const registry = loadRegistry({
    populationScenarioActivity: {
      sauna: { placeholder: "Sauna", activity: "Seated", expiration: { Breathing: 1 } },
    },
  });
  strictEqual(
    parseVirusForm({ ...input, activity_type: "sauna" }, { registry }).activityType,
    "sauna",
  );
  strictEqual(
    parseVirusForm({ ...input, activity_type: "office" }, { registry }).activityType,
    "office",
  );
});
