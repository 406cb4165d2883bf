/** The contents of the JSON-object fields (reference: form_validator.py, virus_validator.py). */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { assertRejected, parseWith } from "./_helpers.ts";

const presence = (start: string, finish: string) => ({ start_time: start, finish_time: finish });
const group = (total: unknown, infected: unknown, times: unknown) => ({
  total_people: total,
  infected,
  presence: times,
});

// MARK: occupancy

Deno.test("parseVirusForm() reads occupancy groups in the order given", () => {
  const form = parseWith({
    occupancy: {
      z: group(3, 0, [presence("13:00", "14:00"), presence("09:00", "10:00")]),
      a: group(2, 2, [presence("10:00", "11:00")]),
    },
  });
  deepStrictEqual(form.occupancy, [
    {
      id: "z",
      totalPeople: 3,
      infected: 0,
      presence: [{ start: 780, finish: 840 }, { start: 540, finish: 600 }],
    },
    { id: "a", totalPeople: 2, infected: 2, presence: [{ start: 600, finish: 660 }] },
  ]);
  // The legacy fields are not checked with occupancy groups (infected_people >= total_people).
  strictEqual(
    parseWith({ occupancy: { a: group(1, 1, [presence("09:00", "10:00")]) }, infected_people: 50 })
      .infectedPeople,
    50,
  );
});

Deno.test("parseVirusForm() checks each occupancy group (validate_dynamic_exposed_format)", () => {
  assertRejected({ occupancy: { g: { infected: 1, presence: [presence("09:00", "10:00")] } } }, [
    "occupancy.g.total_people: expected a whole number >= 0 but found no value",
  ]);
  assertRejected({ occupancy: { g: group("4", -1, [presence("09:00", "10:00")]) } }, [
    'occupancy.g.total_people: expected a whole number >= 0 but found "4"',
    "occupancy.g.infected: expected a whole number >= 0 but found -1",
  ]);
  assertRejected({ occupancy: { g: group(2, 3, [presence("09:00", "10:00")]) } }, [
    "occupancy.g.infected: expected at most total_people (2) infected but found 3",
  ]);
  assertRejected({ occupancy: { g: 5 } }, ["occupancy.g: expected a JSON object but found 5"]);
  assertRejected(
    { occupancy: { g: { ...group(2, 1, [presence("09:00", "10:00")]), name: "x" } } },
    [
      'occupancy.g: expected only the keys "total_people", "infected" and "presence" but found ' +
      'the unknown key "name"',
    ],
  );
});

Deno.test("parseVirusForm() checks presence intervals (validate_group_presence_input)", () => {
  assertRejected({ occupancy: { g: group(2, 1, []) } }, [
    "occupancy.g.presence: expected at least one presence interval but found an empty array",
  ]);
  assertRejected({ occupancy: { g: group(2, 1, {}) } }, [
    "occupancy.g.presence: expected an array but found an empty object",
  ]);
  assertRejected({ occupancy: { "group A": group(2, 1, [{ start_time: "9:00" }]) } }, [
    'occupancy["group A"].presence[0].start_time: expected a time "HH:MM" but found "9:00"',
    'occupancy["group A"].presence[0].finish_time: expected a time "HH:MM" but found no value',
  ]);
  assertRejected({ occupancy: { g: group(2, 1, [presence("10:00", "10:00")]) } }, [
    'occupancy.g.presence[0].finish_time: expected a time after start_time (10:00) but found "10:00"',
  ]);
  assertRejected({
    occupancy: {
      g: group(2, 1, [
        presence("09:00", "12:00"),
        presence("12:00", "13:00"),
        presence("11:00", "12:30"),
      ]),
    },
  }, [
    // Touching intervals (09:00–12:00, 12:00–13:00) are fine; the third overlaps both.
    "occupancy.g.presence[1]: expected presence intervals that do not overlap but found " +
    "12:00–13:00, which overlaps [2] (11:00–12:30)",
    "occupancy.g.presence[2]: expected presence intervals that do not overlap but found " +
    "11:00–12:30, which overlaps [0] (09:00–12:00)",
  ]);
});

// MARK: precise_activity

const precise = (physical: unknown, shares: [unknown, unknown][]) => ({
  physical_activity: physical,
  respiratory_activity: shares.map(([type, percentage]) => ({ type, percentage })),
});

Deno.test("parseVirusForm() reads a precise activity", () => {
  const form = parseWith({
    activity_type: "precise",
    precise_activity: JSON.stringify(
      precise("Light activity", [["Shouting", 12.5], ["Breathing", 87.5]]),
    ),
  });
  deepStrictEqual(form.preciseActivity, {
    physicalActivity: "Light activity",
    respiratoryActivity: [
      { type: "Shouting", percentage: 12.5 },
      { type: "Breathing", percentage: 87.5 },
    ],
  });
});

Deno.test("parseVirusForm() checks the precise activity (sum 100, known names, no repeats)", () => {
  assertRejected({ precise_activity: precise("Standing", [["Breathing", 60], ["Speaking", 30]]) }, [
    "precise_activity.respiratory_activity: expected percentages summing to 100 but found a sum of 90",
  ]);
  assertRejected({ precise_activity: precise("Standing", []) }, [
    "precise_activity.respiratory_activity: expected percentages summing to 100 but found a sum of 0",
  ]);
  assertRejected(
    { precise_activity: precise("Standing", [["Breathing", 50], ["Breathing", 50]]) },
    [
      "precise_activity.respiratory_activity[1].type: expected each respiratory activity at most once " +
      'but found "Breathing"',
    ],
  );
  assertRejected({ precise_activity: precise("Dancing", [["Humming", "100"]]) }, [
    'precise_activity.physical_activity: expected one of "Seated", "Standing", "Light activity", ' +
    '"Moderate activity" or "Heavy exercise" but found "Dancing"',
    'precise_activity.respiratory_activity[0].type: expected one of "Breathing", "Speaking", ' +
    '"Singing" or "Shouting" but found "Humming"',
    'precise_activity.respiratory_activity[0].percentage: expected a number >= 0 but found "100"',
  ]);
  assertRejected({ precise_activity: { physical_activity: "Seated" } }, [
    "precise_activity.respiratory_activity: expected an array but found no value",
  ]);
});

// MARK: specific_breaks

Deno.test("parseVirusForm() reads specific breaks, both lists required", () => {
  const form = parseWith({
    specific_breaks: {
      exposed_breaks: [presence("10:00", "10:15"), presence("12:00", "13:00")],
      infected_breaks: [],
    },
  });
  deepStrictEqual(form.specificBreaks, {
    exposedBreaks: [{ start: 600, finish: 615 }, { start: 720, finish: 780 }],
    infectedBreaks: [],
  });
  // Both lists empty is not the same as {}: no breaks at all instead of lunch and coffee.
  deepStrictEqual(
    parseWith({ specific_breaks: { exposed_breaks: [], infected_breaks: [] } }).specificBreaks,
    {
      exposedBreaks: [],
      infectedBreaks: [],
    },
  );
  assertRejected({ specific_breaks: { exposed_breaks: [] } }, [
    "specific_breaks.infected_breaks: expected an array but found no value",
  ]);
  assertRejected({
    specific_breaks: { exposed_breaks: [presence("11:00", "10:00")], infected_breaks: [[]] },
  }, [
    'specific_breaks.exposed_breaks[0].finish_time: expected a time after start_time (11:00) but found "10:00"',
    "specific_breaks.infected_breaks[0]: expected a JSON object but found an empty array",
  ]);
});

// MARK: short_range_interactions

const interaction = (expiration: unknown, start: unknown, duration: unknown) => ({
  expiration,
  start_time: start,
  duration,
});

Deno.test("parseVirusForm() reads short-range interactions only with short_range_yes", () => {
  const interactions = { group_1: [interaction("Singing", "10:00", 12.5)] };
  deepStrictEqual(
    parseWith({ short_range_option: "short_range_yes", short_range_interactions: interactions })
      .shortRangeInteractions,
    [{ groupId: "group_1", interactions: [{ expiration: "Singing", start: 600, duration: 12.5 }] }],
  );
  // As in the reference, the interactions are ignored (not even checked) otherwise.
  deepStrictEqual(
    parseWith({ short_range_interactions: { group_1: [interaction("Humming", "9:00", "x")] } })
      .shortRangeInteractions,
    [],
  );
});

Deno.test("parseVirusForm() checks each short-range interaction", () => {
  const yes = { short_range_option: "short_range_yes" };
  assertRejected({
    ...yes,
    short_range_interactions: { group_1: [interaction("references", "9:00", -5)] },
  }, [
    'short_range_interactions.group_1[0].expiration: expected one of "Breathing", "Speaking", ' +
    '"Singing" or "Shouting" but found "references"',
    'short_range_interactions.group_1[0].start_time: expected a time "HH:MM" but found "9:00"',
    "short_range_interactions.group_1[0].duration: expected a number from 0 to 1440 minutes but found -5",
  ]);
  assertRejected({ ...yes, short_range_interactions: { group_1: [] } }, [
    "short_range_interactions.group_1: expected at least one interaction but found an empty array",
  ]);
  assertRejected({
    ...yes,
    short_range_interactions: { group_1: [{ expiration: "Speaking", start_time: "10:00" }] },
  }, [
    "short_range_interactions.group_1[0].duration: expected a number from 0 to 1440 minutes but found no value",
  ]);
  assertRejected({ ...yes, short_range_interactions: "[]" }, [
    "short_range_interactions: expected a JSON object but found a string holding an empty array",
  ]);
});

// MARK: CO2_fitting_result

Deno.test("parseVirusForm() reads the CO2 fit only for from_fitting, dropping its other keys", () => {
  const fit = {
    exhalation_rate: 0.5,
    transition_times: [8, 9.5, 12],
    ventilation_values: [1.5, 0.25],
    room_capacity: null,
  };
  deepStrictEqual(
    parseWith({ ventilation_type: "from_fitting", CO2_fitting_result: fit }).co2FittingResult,
    {
      transitionTimes: [8, 9.5, 12],
      ventilationValues: [1.5, 0.25],
    },
  );
  strictEqual(parseWith({ CO2_fitting_result: { junk: 1 } }).co2FittingResult, null);
});

Deno.test("parseVirusForm() checks the CO2 fit (the reference fails with KeyError/IndexError)", () => {
  const fitting = { ventilation_type: "from_fitting" };
  assertRejected({ ...fitting }, [
    "CO2_fitting_result.transition_times: expected an array but found no value",
    "CO2_fitting_result.ventilation_values: expected an array but found no value",
  ]);
  assertRejected({
    ...fitting,
    CO2_fitting_result: { transition_times: [8], ventilation_values: [] },
  }, [
    "CO2_fitting_result.transition_times: expected at least two transition times but found an array of 1 item",
  ]);
  assertRejected({
    ...fitting,
    CO2_fitting_result: { transition_times: [8, 10, 9], ventilation_values: [1, -1] },
  }, [
    "CO2_fitting_result.ventilation_values[1]: expected 0 (not given) or a number from 1e-9 to 1000 h⁻¹ but found -1",
    "CO2_fitting_result.transition_times[2]: expected increasing times (hours) after 10 but found 9",
  ]);
  assertRejected({
    ...fitting,
    CO2_fitting_result: { transition_times: [8, 10, 10], ventilation_values: [1] },
  }, [
    "CO2_fitting_result.transition_times[2]: expected increasing times (hours) after 10 but found 10",
    "CO2_fitting_result.ventilation_values: expected at least 2 values (one per interval between " +
    "the 3 transition times) but found 1",
  ]);
});
