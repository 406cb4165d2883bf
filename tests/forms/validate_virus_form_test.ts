/**
 * The rules between fields: reference `VirusFormData.validate` and
 * `validate_population_parameters` (e624bcf3), and the checks that replace its crashes.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { parseVirusForm } from "../../src/forms/mod.ts";
import { assertFormError, assertRejected, parseWith, readFixtureInput } from "./_helpers.ts";

const OCCUPANCY = {
  g1: { total_people: 5, infected: 1, presence: [{ start_time: "09:00", finish_time: "12:00" }] },
  g2: {
    total_people: 8,
    infected: 0,
    presence: [
      { start_time: "10:00", finish_time: "11:00" },
      { start_time: "14:00", finish_time: "15:00" },
    ],
  },
};

// MARK: activity

Deno.test("parseVirusForm() checks activity_type against the registry's presets", () => {
  assertRejected({ activity_type: "sauna" }, [
    'activity_type: expected one of "office", "smallmeeting", "largemeeting", "callcenter", ' +
    '"controlroom-day", "controlroom-night", "library", "lab", "workshop", "training", ' +
    '"training_attendee", "gym", "household-day", "household-night", "primary-school", ' +
    '"secondary-school", "university", "restaurant" or "precise" but found "sauna"',
  ]);
});

Deno.test("parseVirusForm() limits training to 1 infected", () => {
  strictEqual(parseWith({ activity_type: "training", infected_people: "1" }).infectedPeople, 1);
  assertRejected({ activity_type: "training", infected_people: "2" }, [
    'infected_people: expected at most 1 infected person when activity_type is "training" ' +
    "(the speaker) but found 2",
  ]);
});

Deno.test("parseVirusForm() requires a precise activity for activity_type precise", () => {
  assertRejected({ activity_type: "precise" }, [
    "precise_activity: expected the physical and respiratory activities when activity_type is " +
    '"precise" but found an empty object',
  ]);
});

// MARK: legacy population

Deno.test("parseVirusForm() requires fewer infected than total people without occupancy", () => {
  assertRejected({ infected_people: "10" }, [
    "infected_people: expected fewer infected people than total_people (10) but found 10",
  ]);
});

Deno.test("parseVirusForm() requires start <= finish for both populations", () => {
  assertRejected({ exposed_start: "18:00", infected_start: "18:00", infected_finish: "17:00" }, [
    'exposed_finish: expected a time not before exposed_start (18:00) but found "17:30"',
    'infected_finish: expected a time not before infected_start (18:00) but found "17:00"',
  ]);
  // An empty exposed presence leaves no time outside breaks (reference: "Length of breaks >= ...").
  assertRejected({ exposed_start: "17:30" }, [
    'exposed_finish: expected a time after exposed_start (17:30) but found "17:30"',
  ]);
});

Deno.test("parseVirusForm() checks the lunch break against the presence", () => {
  assertRejected({ exposed_lunch_option: "1", exposed_lunch_start: "08:00" }, [
    "exposed_lunch_start: expected a lunch break within the exposed presence (08:30–17:30) " +
    "but found 08:00–13:30",
  ]);
  assertRejected({ exposed_lunch_option: "1", exposed_lunch_finish: "18:00" }, [
    "exposed_lunch_start: expected a lunch break within the exposed presence (08:30–17:30) " +
    "but found 12:30–18:00",
  ]);
  assertRejected({ exposed_lunch_option: "1", exposed_lunch_start: "14:00" }, [
    'exposed_lunch_finish: expected a time after exposed_lunch_start (14:00) but found "13:30"',
  ]);
  // Reference: accepted by the validator, then "Break ends before it begins".
  assertRejected({ exposed_lunch_option: "1", exposed_lunch_start: "13:30" }, [
    'exposed_lunch_finish: expected a time after exposed_lunch_start (13:30) but found "13:30"',
  ]);
  // Without the option the lunch times are not used, hence not checked.
  strictEqual(parseWith({ exposed_lunch_start: "20:00" }).exposedLunchStart, 20 * 60);
});

Deno.test("parseVirusForm() checks the infected breaks only when they are their own", () => {
  const late = { infected_lunch_option: "1", infected_lunch_start: "07:00" };
  strictEqual(parseWith(late).infectedLunchStart, 7 * 60);
  assertRejected({ ...late, infected_dont_have_breaks_with_exposed: "1" }, [
    "infected_lunch_start: expected a lunch break within the infected presence (08:30–17:30) " +
    "but found 07:00–13:30",
  ]);
  assertRejected({
    infected_dont_have_breaks_with_exposed: "1",
    infected_coffee_break_option: "coffee_break_4",
    infected_coffee_duration: "150",
  }, [
    "infected_coffee_break_option: expected breaks shorter than the infected presence (540 min) " +
    "but found 0 min of lunch and 4 coffee breaks of 150 min",
  ]);
});

Deno.test("parseVirusForm() requires breaks shorter than the presence", () => {
  assertRejected({
    exposed_lunch_option: "1",
    exposed_coffee_break_option: "coffee_break_4",
    exposed_coffee_duration: "120",
  }, [
    "exposed_coffee_break_option: expected breaks shorter than the exposed presence (540 min) " +
    "but found 60 min of lunch and 4 coffee breaks of 120 min",
  ]);
  assertRejected({
    exposed_start: "12:30",
    exposed_finish: "13:30",
    exposed_lunch_option: "1",
  }, [
    "exposed_lunch_start: expected breaks shorter than the exposed presence (60 min) but found " +
    "60 min of lunch and 0 coffee breaks of 5 min",
  ]);
});

Deno.test("parseVirusForm() refuses coffee breaks that cannot be placed (reference crashes)", () => {
  // Reference: breaks (b, b) -> "Break ends before it begins".
  assertRejected({ exposed_coffee_break_option: "coffee_break_2", exposed_coffee_duration: "0" }, [
    "exposed_coffee_duration: expected a duration > 0 for 2 coffee breaks but found 0",
  ]);
  // 40 min of lunch + 18 min of coffee fit in 60 min, but the reference places the
  // breaks at 12:00–12:09 and 12:50–12:59, the latter touching the lunch break
  // ("A break starts before another ends").
  assertRejected({
    exposed_start: "12:00",
    exposed_finish: "13:00",
    exposed_lunch_option: "1",
    exposed_lunch_start: "12:10",
    exposed_lunch_finish: "12:50",
    exposed_coffee_break_option: "coffee_break_2",
    exposed_coffee_duration: "9",
  }, [
    "exposed_coffee_break_option: expected 2 coffee breaks of 9 min that fit between the other " +
    "breaks but found the breaks 12:10–12:50 and 12:50–12:59 touching or overlapping",
  ]);
});

Deno.test("parseVirusForm() checks specific breaks against the exposed presence", () => {
  const breaks = (...spans: [string, string][]) => ({
    exposed_breaks: spans.map(([start_time, finish_time]) => ({ start_time, finish_time })),
    infected_breaks: [],
  });
  deepStrictEqual(
    parseWith({ specific_breaks: breaks(["10:00", "10:15"], ["12:00", "13:00"]) }).specificBreaks
      ?.exposedBreaks,
    [{ start: 600, finish: 615 }, { start: 720, finish: 780 }],
  );
  assertRejected({ specific_breaks: breaks(["08:30", "09:00"], ["17:00", "18:00"]) }, [
    "specific_breaks.exposed_breaks[0]: expected a break strictly inside the exposed presence " +
    "(08:30–17:30) but found 08:30–09:00",
    "specific_breaks.exposed_breaks[1]: expected a break strictly inside the exposed presence " +
    "(08:30–17:30) but found 17:00–18:00",
  ]);
  assertRejected({ specific_breaks: breaks(["11:00", "11:30"], ["10:00", "11:00"]) }, [
    "specific_breaks.exposed_breaks: expected breaks that neither touch nor overlap but found " +
    "10:00–11:00 and 11:00–11:30",
  ]);
  // Only their format is checked: the infected take the exposed breaks.
  const infected = {
    exposed_breaks: [],
    infected_breaks: [{ start_time: "06:00", finish_time: "07:00" }],
  };
  strictEqual(parseWith({ specific_breaks: infected }).specificBreaks?.infectedBreaks.length, 1);
  // With occupancy groups the breaks are not used, hence not placed.
  strictEqual(
    parseWith({ occupancy: OCCUPANCY, specific_breaks: breaks(["06:00", "07:00"]) }).occupancy
      .length,
    2,
  );
});

// MARK: dynamic occupancy

Deno.test("parseVirusForm() refuses probabilistic exposure with occupancy groups", () => {
  assertRejected({ occupancy: OCCUPANCY, exposure_option: "p_probabilistic_exposure" }, [
    'exposure_option: expected "p_deterministic_exposure" with occupancy groups (the ' +
    "probabilistic exposure is not available with dynamic occupancy) but found " +
    '"p_probabilistic_exposure"',
  ]);
});

Deno.test("parseVirusForm() refuses short-range interactions with occupancy groups", () => {
  const interactions = {
    g1: [{ expiration: "Speaking", start_time: "10:00", duration: 30 }],
  };
  assertRejected({
    occupancy: OCCUPANCY,
    short_range_option: "short_range_yes",
    short_range_interactions: interactions,
  }, [
    'short_range_option: expected "short_range_no" with occupancy groups (short-range ' +
    'interactions are not available with dynamic occupancy) but found "short_range_yes"',
  ]);
  // The reference's checks of the groups are reported too.
  assertRejected({
    occupancy: OCCUPANCY,
    short_range_option: "short_range_yes",
    short_range_interactions: {
      g2: [{ expiration: "Speaking", start_time: "11:30", duration: 10 }],
      g3: [{ expiration: "Speaking", start_time: "10:00", duration: 10 }],
      g4: [{ expiration: "Speaking", start_time: "10:00", duration: 10 }],
    },
  }, [
    'short_range_option: expected "short_range_no" with occupancy groups (short-range ' +
    'interactions are not available with dynamic occupancy) but found "short_range_yes"',
    "short_range_interactions: expected at most 2 groups (the number of occupancy groups) but " +
    "found 3",
    "short_range_interactions.g2[0]: expected an interaction within a presence interval of its " +
    "group (10:00–11:00, 14:00–15:00) but found 11:30–11:40",
    'short_range_interactions.g3: expected the id of an occupancy group (one of "g1" or "g2") ' +
    'but found "g3"',
    'short_range_interactions.g4: expected the id of an occupancy group (one of "g1" or "g2") ' +
    'but found "g4"',
  ]);
});

Deno.test("parseVirusForm() refuses occupancy groups without any infected", () => {
  // Reference: the infected's presence is empty (an IndexError on its first presence time);
  // a small meeting's weights {Speaking: 1, Breathing: max infected - 1} would sum to 0.
  const message = "occupancy: expected at least one infected person in the occupancy " +
    "groups (the model needs someone who emits while present) but found none";
  const none = { g: { ...OCCUPANCY.g1, infected: 0 } };
  const emptyGroups = { g: { ...OCCUPANCY.g1, total_people: 0, infected: 0 }, h: none.g };
  for (const activity_type of ["office", "smallmeeting", "gym"]) {
    assertRejected({ occupancy: none, activity_type }, [message]);
    assertRejected({ occupancy: emptyGroups, activity_type }, [message]);
  }
  // One infected in any group is enough.
  const one = { ...none, h: { ...OCCUPANCY.g1, infected: 1 } };
  strictEqual(parseWith({ occupancy: one }).occupancy[1].infected, 1);
  parseVirusForm(readFixtureInput("s4_dynamic_occupancy_hvac_ffp2"));
});

// MARK: ventilation

Deno.test("parseVirusForm() requires windows for natural ventilation", () => {
  const natural = { ventilation_type: "natural_ventilation" };
  assertRejected({
    ...natural,
    window_type: "not-applicable",
    window_opening_regime: "not-applicable",
  }, [
    'window_type: expected "window_sliding" or "window_hinged" when ventilation_type is ' +
    '"natural_ventilation" but found "not-applicable"',
    'window_opening_regime: expected "windows_open_permanently" or "windows_open_periodically" ' +
    'when ventilation_type is "natural_ventilation" but found "not-applicable"',
    'windows_number: expected at least 1 window when ventilation_type is "natural_ventilation" ' +
    "but found 0",
  ]);
  // Not checked for other ventilation types.
  strictEqual(parseWith({ window_type: "not-applicable" }).windowType, "not-applicable");
});

Deno.test("parseVirusForm() requires sliding windows that let air through", () => {
  const sliding = { ventilation_type: "natural_ventilation", window_type: "window_sliding" };
  const open = { window_height: "2", opening_distance: "0.2", windows_number: "1" };
  strictEqual(parseWith({ ...sliding, ...open }).windowsNumber, 1);
  // Left empty (the reference's API reads 0, no air flow: no ventilation said another way).
  assertRejected({ ...sliding, window_height: "", opening_distance: "", windows_number: "" }, [
    'windows_number: expected at least 1 window when ventilation_type is "natural_ventilation" ' +
    "but found 0",
    "window_height: expected a height > 0 m for sliding windows but found 0",
    "opening_distance: expected an opening > 0 m for sliding windows but found 0",
  ]);
  assertRejected({ ...sliding, ...open, opening_distance: "0" }, [
    "opening_distance: expected an opening > 0 m for sliding windows but found 0",
  ]);
  // Not asked for without natural ventilation.
  strictEqual(parseWith({ window_height: "", windows_number: "" }).windowHeight, 0);
});

Deno.test("parseVirusForm() requires hinged window sizes the reference can use", () => {
  const hinged = {
    ventilation_type: "natural_ventilation",
    window_type: "window_hinged",
    windows_number: "2",
  };
  const ok = parseWith({
    ...hinged,
    window_width: "1",
    window_height: "1.6",
    opening_distance: "0.4",
  });
  strictEqual(ok.windowType, "window_hinged");
  assertRejected(hinged, [
    "window_width: expected a width > 0 m for hinged windows but found 0",
    "opening_distance: expected an opening > 0 m for hinged windows but found 0",
    "window_height: expected a height > 0 m for hinged windows but found 0",
  ]);
  // arcsin(opening_distance / (2 × height)) must exist.
  assertRejected({ ...hinged, window_width: "1", window_height: "0.5", opening_distance: "1.5" }, [
    "opening_distance: expected at most twice window_height (1 m) for hinged windows but found 1.5",
  ]);
});

Deno.test("parseVirusForm() requires windows_duration <= windows_frequency when periodic", () => {
  const sliding = { window_height: "2", opening_distance: "0.2", windows_number: "1" };
  const periodic = {
    ventilation_type: "natural_ventilation",
    window_opening_regime: "windows_open_periodically",
    ...sliding,
  };
  strictEqual(parseWith({ ...periodic, windows_duration: "60" }).windowsDuration, 60);
  assertRejected({ ...periodic, windows_duration: "61" }, [
    "windows_duration: expected at most windows_frequency (60 min) but found 61",
  ]);
  assertRejected({ ...periodic, windows_duration: "0", windows_frequency: "0.5" }, [
    "windows_frequency: expected a period of at least 1 minute when windows open periodically " +
    "but found 0.5",
  ]);
  // Permanently open windows do not use them.
  strictEqual(
    parseWith({ ventilation_type: "natural_ventilation", ...sliding, windows_duration: "90" })
      .windowsDuration,
    90,
  );
});

Deno.test("parseVirusForm() requires a mechanical ventilation type for mechanical ventilation", () => {
  assertRejected({ ventilation_type: "mechanical_ventilation" }, [
    'mechanical_ventilation_type: expected "mech_type_air_changes" or "mech_type_air_supply" ' +
    'when ventilation_type is "mechanical_ventilation" but found "not-applicable"',
  ]);
});

Deno.test("parseVirusForm() requires the flow of the mechanical ventilation type chosen", () => {
  const mechanical = { ventilation_type: "mechanical_ventilation" };
  const changes = { ...mechanical, mechanical_ventilation_type: "mech_type_air_changes" };
  const supply = { ...mechanical, mechanical_ventilation_type: "mech_type_air_supply" };
  strictEqual(parseWith({ ...changes, air_changes: "3", air_supply: "" }).airChanges, 3);
  strictEqual(parseWith({ ...supply, air_supply: "300", air_changes: "" }).airSupply, 300);
  for (const blank of ["", "0"]) {
    assertRejected({ ...changes, air_changes: blank, air_supply: "300" }, [
      'air_changes: expected air changes > 0 h⁻¹ for "mech_type_air_changes" (for none, ' +
      'ventilation_type "no_ventilation") but found 0',
    ]);
    assertRejected({ ...supply, air_supply: blank, air_changes: "3" }, [
      'air_supply: expected an air supply > 0 m³/h for "mech_type_air_supply" (for none, ' +
      'ventilation_type "no_ventilation") but found 0',
    ]);
  }
});

Deno.test("parseVirusForm() requires a HEPA flow when hepa_option is on", () => {
  strictEqual(parseWith({ hepa_option: "1", hepa_amount: "250" }).hepaAmount, 250);
  for (const blank of [undefined, "", "0"]) {
    assertRejected({ hepa_option: "1", hepa_amount: blank }, [
      "hepa_amount: expected a flow > 0 m³/h when hepa_option is on but found 0",
    ]);
  }
  strictEqual(parseWith({ hepa_option: "0", hepa_amount: "" }).hepaOption, false);
});

// MARK: room and sensors

Deno.test("parseVirusForm() requires a positive room volume (the reference divides by it)", () => {
  assertRejected({ room_volume: "" }, [
    'room_volume: expected a volume > 0 m³ when volume_type is "room_volume_explicit" but found 0',
  ]);
  assertRejected({ volume_type: "room_volume_from_dimensions", floor_area: "40" }, [
    'ceiling_height: expected a height > 0 m when volume_type is "room_volume_from_dimensions" ' +
    "but found 0",
  ]);
  const dims = parseWith({
    volume_type: "room_volume_from_dimensions",
    floor_area: "40",
    ceiling_height: "2.5",
    room_volume: "",
  });
  strictEqual(dims.floorArea * dims.ceilingHeight, 100);
});

Deno.test("parseVirusForm() requires humidity and a positive temperature with sensors", () => {
  strictEqual(parseWith({ arve_sensors_option: "1", humidity: "0.35" }).humidity, 0.35);
  assertRejected({ arve_sensors_option: "1", inside_temp: "0" }, [
    'humidity: expected a relative humidity from 0 to 1 when arve_sensors_option is on but found ""',
    "inside_temp: expected a temperature from 243.15 to 333.15 K when arve_sensors_option is on " +
    "but found 0",
  ]);
  strictEqual(parseWith({ inside_temp: "0" }).insideTemp, 0);
});

// MARK: vaccination

Deno.test("parseVirusForm() requires a (primary, booster) pair of the booster table", () => {
  const vaccinated = { vaccine_option: "1", vaccine_booster_option: "1" };
  const ok = parseWith({
    ...vaccinated,
    vaccine_type: "BNT162b2_(Pfizer)",
    vaccine_booster_type: "mRNA-1273_(Moderna)",
  });
  strictEqual(ok.vaccineBoosterType, "mRNA-1273_(Moderna)");
  // "Other" uses the primary effectiveness; without the booster option the pair is unused.
  parseWith({ ...vaccinated, vaccine_type: "Covishield", vaccine_booster_type: "Other" });
  parseWith({ vaccine_option: "1", vaccine_type: "Covishield", vaccine_booster_type: "Sinopharm" });
  assertRejected({
    ...vaccinated,
    vaccine_type: "BNT162b2_(Pfizer)",
    vaccine_booster_type: "Sinopharm",
  }, [
    "vaccine_booster_type: expected a booster with data for the primary vaccine " +
    '"BNT162b2_(Pfizer)" (one of "AZD1222_(AstraZeneca)", "BNT162b2_(Pfizer)", ' +
    '"BNT162b2_(Pfizer)_or_mRNA-1273_(Moderna)", "mRNA-1273_(Moderna)" or "Other") but found ' +
    '"Sinopharm"',
  ]);
  // The default pair (AZD1222, AZD1222) is in the table.
  parseWith(vaccinated);
  assertRejected({ ...vaccinated, vaccine_type: "Covishield", vaccine_booster_type: "Sinopharm" }, [
    'vaccine_booster_type: expected "Other" (there are no booster data for the primary vaccine ' +
    '"Covishield") but found "Sinopharm"',
  ]);
});

// MARK: short-range

Deno.test("parseVirusForm() limits short_range_occupants to the exposed people", () => {
  strictEqual(parseWith({ short_range_occupants: "9" }).shortRangeOccupants, 9);
  assertRejected({ short_range_occupants: "10" }, [
    "short_range_occupants: expected at most the 9 exposed people but found 10",
  ]);
  // With groups: the largest number of exposed in one group (g2: 8).
  strictEqual(parseWith({ occupancy: OCCUPANCY, short_range_occupants: 8 }).shortRangeOccupants, 8);
  assertRejected({ occupancy: OCCUPANCY, short_range_occupants: 9 }, [
    "short_range_occupants: expected at most the 8 exposed people but found 9",
  ]);
});

Deno.test("parseVirusForm() checks short-range interactions without occupancy groups", () => {
  const yes = { short_range_option: "short_range_yes" };
  const sr = (start: string, duration: number) => ({
    expiration: "Speaking",
    start_time: start,
    duration,
  });
  assertRejected(yes, [
    "short_range_interactions: expected at least one group of interactions when " +
    'short_range_option is "short_range_yes" but found an empty object',
  ]);
  assertRejected(
    { ...yes, short_range_interactions: { a: [sr("10:00", 5)], b: [sr("11:00", 5)] } },
    [
      "short_range_interactions: expected at most 1 group (without occupancy groups) but found 2",
    ],
  );
  // Inside [min(starts), max(finishes)], ends included; infected 08:00-17:30, exposed 08:30-18:00.
  const times = { infected_start: "08:00", exposed_finish: "18:00" };
  const edges = parseWith({
    ...yes,
    ...times,
    short_range_interactions: { g: [sr("08:00", 30), sr("17:30", 30)] },
  });
  strictEqual(edges.shortRangeInteractions[0].interactions.length, 2);
  assertRejected({
    ...yes,
    ...times,
    short_range_interactions: { g: [sr("07:50", 30), sr("17:45", 15.5)] },
  }, [
    "short_range_interactions.g[0]: expected an interaction within the simulation time " +
    "(08:00–18:00) but found 07:50–08:20",
    "short_range_interactions.g[1]: expected an interaction within the simulation time " +
    "(08:00–18:00) but found 17:45–18:00.50",
  ]);
  assertRejected({ ...yes, short_range_interactions: { g: [sr("10:00", 30), sr("10:29", 5)] } }, [
    "short_range_interactions.g[1]: expected interactions that do not overlap but found " +
    "10:29–10:34, which overlaps [0] (10:00–10:30)",
  ]);
  // Back to back is fine.
  parseWith({ ...yes, short_range_interactions: { g: [sr("10:00", 30), sr("10:30", 5)] } });
});

// MARK: probabilistic exposure

Deno.test("parseVirusForm() refuses an incidence above 1 (the reference gives NaN)", () => {
  const probabilistic = { exposure_option: "p_probabilistic_exposure" };
  // 2000 cases × 14 days × 5 / 500000 = 0.28: the s5 fixture.
  parseVirusForm(readFixtureInput("s5_dims_breaks_vaccine_delta"));
  // 7 × 14 × 10 / 1000 = 0.98 is fine; 8 cases give 1.12.
  parseWith({ ...probabilistic, geographic_population: 1000, geographic_cases: 7 });
  assertRejected({ ...probabilistic, geographic_population: 1000, geographic_cases: 8 }, [
    "geographic_cases: expected at most 7 weekly cases for 1000 inhabitants (cases × 14 " +
    "infectious days × 10 for confidence_low must not exceed the population) but found 8",
  ]);
  // No cases: a probability of 0, as in the reference.
  parseWith({ ...probabilistic, geographic_population: 1000, geographic_cases: 0 });
  // No inhabitants is a field left empty (the reference would answer 0 here too).
  for (const cases of [8, 0]) {
    assertRejected({ ...probabilistic, geographic_population: "", geographic_cases: cases }, [
      "geographic_population: expected the inhabitants of the area (> 0) when exposure_option " +
      'is "p_probabilistic_exposure" but found 0',
    ]);
  }
  // Not asked for with the deterministic exposure.
  parseWith({ geographic_population: "", geographic_cases: "" });
});

// MARK: all at once

Deno.test("parseVirusForm() reports independent cross-field problems together", () => {
  const error = assertFormError({
    ...readFixtureInput("s1_rest_example_natural"),
    infected_people: "10",
    window_type: "not-applicable",
    room_volume: "0",
  }, [
    "infected_people: expected fewer infected people than total_people (10) but found 10",
    'window_type: expected "window_sliding" or "window_hinged" when ventilation_type is ' +
    '"natural_ventilation" but found "not-applicable"',
    'room_volume: expected a volume > 0 m³ when volume_type is "room_volume_explicit" but found 0',
  ]);
  deepStrictEqual(error.issues.map((i) => i.field), [
    "infected_people",
    "window_type",
    "room_volume",
  ]);
});
