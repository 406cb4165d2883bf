import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  parseVirusForm,
  VIRUS_FORM_DEFAULTS,
  type VirusForm,
  type VirusFormField,
} from "../../src/forms/mod.ts";
import { parseWith, REQUIRED_WIRE } from "./_helpers.ts";

const FIELDS = Object.keys(VIRUS_FORM_DEFAULTS) as VirusFormField[];

Deno.test("VIRUS_FORM_DEFAULTS lists the 67 fields of the reference's DEFAULTS, frozen", () => {
  strictEqual(FIELDS.length, 67);
  ok(Object.isFrozen(VIRUS_FORM_DEFAULTS));
  ok(Object.isFrozen(VIRUS_FORM_DEFAULTS.occupancy));
  // The reference's NO_DEFAULT fields (defaults.py, e624bcf3).
  deepStrictEqual(FIELDS.filter((f) => VIRUS_FORM_DEFAULTS[f] === null), [
    "calculator_version",
    "inside_temp",
    "location_latitude",
    "location_longitude",
    "location_name",
    "room_number",
    "simulation_name",
    "total_people",
    "volume_type",
  ]);
});

Deno.test("VIRUS_FORM_DEFAULTS gives the effective default of the lunch options: false", () => {
  // defaults.py lists True, but the reference's cast ("1" == True) turns it into False.
  strictEqual(VIRUS_FORM_DEFAULTS.exposed_lunch_option, false);
  strictEqual(VIRUS_FORM_DEFAULTS.infected_lunch_option, false);
});

/** The form of the required fields alone (REQUIRED_WIRE): every other field defaulted. */
const DEFAULT_FORM: VirusForm = {
  activityType: "office",
  airChanges: 0,
  airSupply: 0,
  arveSensorsOption: false,
  ascertainmentBias: "confidence_low",
  calculatorVersion: "N/A",
  ceilingHeight: 0,
  co2FittingResult: null,
  conditionalProbabilityViralLoads: false,
  eventMonth: "January",
  exposedCoffeeBreakOption: "coffee_break_0",
  exposedCoffeeDuration: 5,
  exposedFinish: 17 * 60 + 30,
  exposedLunchFinish: 13 * 60 + 30,
  exposedLunchOption: false,
  exposedLunchStart: 12 * 60 + 30,
  exposedStart: 8 * 60 + 30,
  exposureOption: "p_deterministic_exposure",
  floorArea: 0,
  geographicCases: 0,
  geographicPopulation: 0,
  hepaAmount: 0,
  hepaOption: false,
  humidity: null,
  infectedCoffeeBreakOption: "coffee_break_0",
  infectedCoffeeDuration: 5,
  infectedDontHaveBreaksWithExposed: false,
  infectedFinish: 17 * 60 + 30,
  infectedLunchFinish: 13 * 60 + 30,
  infectedLunchOption: false,
  infectedLunchStart: 12 * 60 + 30,
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
  openingDistance: 0,
  outdoorTemperatures: null,
  preciseActivity: null,
  roomHeatingOption: false,
  roomNumber: "123",
  roomVolume: 75,
  sensorInUse: "",
  shortRangeInteractions: [],
  shortRangeOccupants: 0,
  shortRangeOption: "short_range_no",
  simulationName: "Test",
  specificBreaks: null,
  totalPeople: 10,
  vaccineBoosterOption: false,
  vaccineBoosterType: "AZD1222_(AstraZeneca)",
  vaccineOption: false,
  vaccineType: "AZD1222_(AstraZeneca)",
  ventilationType: "no_ventilation",
  virusType: "SARS_CoV_2",
  volumeType: "room_volume_explicit",
  windowHeight: 0,
  windowOpeningRegime: "windows_open_permanently",
  windowType: "window_sliding",
  windowWidth: 0,
  windowsDuration: 10,
  windowsFrequency: 60,
  windowsNumber: 0,
};

Deno.test("parseVirusForm() fills in every default when only the required fields are sent", () => {
  deepStrictEqual(parseWith({}), DEFAULT_FORM);
});

Deno.test("parseVirusForm() gives the same form for defaults sent explicitly", () => {
  const explicit: Record<string, unknown> = {};
  for (const f of FIELDS) if (VIRUS_FORM_DEFAULTS[f] !== null) explicit[f] = VIRUS_FORM_DEFAULTS[f];
  deepStrictEqual(parseVirusForm({ ...explicit, ...REQUIRED_WIRE }), DEFAULT_FORM);
});

for (const blank of ["", null] as const) {
  Deno.test(`parseVirusForm() reads ${JSON.stringify(blank)} in every optional field as its default`, () => {
    const blanks: Record<string, unknown> = {};
    for (const f of FIELDS) if (VIRUS_FORM_DEFAULTS[f] !== null) blanks[f] = blank;
    deepStrictEqual(parseVirusForm({ ...blanks, ...REQUIRED_WIRE }), DEFAULT_FORM);
  });
}

Deno.test("parseVirusForm() reads the wire spelling of each default like its plain-JSON one", () => {
  // The reference's own spelling of the non-trivial defaults (defaults.py).
  const wire = {
    CO2_fitting_result: "{}",
    air_changes: "0.",
    exposed_coffee_duration: "5",
    exposed_finish: "17:30",
    exposed_lunch_option: "0",
    occupancy: "{}",
    windows_duration: "10.",
    windows_frequency: "60.",
  };
  deepStrictEqual(parseWith(wire), DEFAULT_FORM);
});
