/**
 * The wire-format quirks of `api-contract.md` ("Parsing rules that apply to every
 * field"), each accepted in the reference's spelling and in plain JSON.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { describeRange } from "../../src/forms/form_field.ts";
import { parseVirusForm } from "../../src/forms/mod.ts";
import { VIRUS_FORM_FIELDS } from "../../src/forms/virus_form_fields.ts";
import { assertFormError, assertRejected, parseWith, REQUIRED_WIRE } from "./_helpers.ts";

// MARK: booleans

Deno.test('parseVirusForm() reads booleans as "1"/"0" and as true/false', () => {
  strictEqual(parseWith({ hepa_option: "1", hepa_amount: "250" }).hepaOption, true);
  strictEqual(parseWith({ hepa_option: "0" }).hepaOption, false);
  strictEqual(parseWith({ hepa_option: true, hepa_amount: "250" }).hepaOption, true);
  strictEqual(parseWith({ hepa_option: false }).hepaOption, false);
});

Deno.test('parseVirusForm() reads an omitted, "" or null boolean as false', () => {
  for (const field of ["exposed_lunch_option", "infected_lunch_option", "hepa_option"]) {
    strictEqual(
      parseWith({})[field === "hepa_option" ? "hepaOption" : "exposedLunchOption"],
      false,
    );
    for (const blank of ["", null]) {
      const form = parseWith({ [field]: blank });
      strictEqual(form.exposedLunchOption, false);
      strictEqual(form.infectedLunchOption, false);
      strictEqual(form.hepaOption, false);
    }
  }
});

Deno.test("parseVirusForm() refuses booleans the reference would silently read as false", () => {
  assertRejected({ hepa_option: "true" }, [
    'hepa_option: expected "1", "0", true or false but found "true"',
  ]);
  assertRejected({ vaccine_option: 1 }, [
    'vaccine_option: expected "1", "0", true or false but found 1',
  ]);
  assertRejected({ exposed_lunch_option: "yes" }, [
    'exposed_lunch_option: expected "1", "0", true or false but found "yes"',
  ]);
});

// MARK: numbers

Deno.test("parseVirusForm() reads numbers from JSON numbers and decimal strings", () => {
  strictEqual(parseWith({ inside_temp: "293." }).insideTemp, 293);
  strictEqual(parseWith({ inside_temp: 293.15 }).insideTemp, 293.15);
  strictEqual(parseWith({ air_changes: " 2.5e1 " }).airChanges, 25);
  strictEqual(parseWith({ air_changes: ".5" }).airChanges, 0.5);
  strictEqual(parseWith({ air_changes: "+3" }).airChanges, 3);
  strictEqual(parseWith({ location_latitude: "-37.81739" }).locationLatitude, -37.81739);
});

Deno.test('parseVirusForm() reads an omitted, "" or null number as its default', () => {
  strictEqual(parseWith({}).windowsFrequency, 60);
  strictEqual(parseWith({ windows_frequency: "" }).windowsFrequency, 60);
  strictEqual(parseWith({ windows_frequency: null }).windowsFrequency, 60);
  strictEqual(parseWith({ windows_duration: "" }).windowsDuration, 10);
});

Deno.test("parseVirusForm() refuses numbers that are not finite decimals", () => {
  assertRejected({ air_changes: "abc" }, ['air_changes: expected a number but found "abc"']);
  assertRejected({ air_changes: "inf" }, ['air_changes: expected a number but found "inf"']);
  assertRejected({ air_changes: "nan" }, ['air_changes: expected a number but found "nan"']);
  assertRejected({ air_changes: "1_000" }, ['air_changes: expected a number but found "1_000"']);
  assertRejected({ air_changes: "1e999" }, [
    'air_changes: expected a finite number but found "1e999"',
  ]);
  assertRejected({ air_changes: true }, ["air_changes: expected a number but found true"]);
  assertRejected({ air_changes: [1] }, [
    "air_changes: expected a number but found an array of 1 item",
  ]);
});

Deno.test("parseVirusForm() refuses negative lengths, flows and durations", () => {
  for (
    const field of [
      "air_changes",
      "air_supply",
      "ceiling_height",
      "floor_area",
      "hepa_amount",
      "opening_distance",
      "room_volume",
      "window_height",
      "window_width",
      "windows_duration",
      "windows_frequency",
    ] as const
  ) {
    // The range is checked after the text is read as a number.
    const row = VIRUS_FORM_FIELDS[field];
    ok(row.range !== undefined && row.range.min >= 0);
    assertRejected({ [field]: "-1" }, [
      `${field}: expected ${describeRange(row.range, row.unit)} but found -1`,
    ]);
  }
});

Deno.test("parseVirusForm() refuses coordinates off the globe", () => {
  assertRejected({ location_latitude: 91, location_longitude: "-181" }, [
    "location_latitude: expected a number from -90 to 90 degrees but found 91",
    "location_longitude: expected a number from -180 to 180 degrees but found -181",
  ]);
});

// MARK: counts

Deno.test("parseVirusForm() reads counts as integers or digit strings", () => {
  strictEqual(parseWith({ total_people: "25" }).totalPeople, 25);
  strictEqual(parseWith({ total_people: 25 }).totalPeople, 25);
  strictEqual(parseWith({ total_people: 25.0 }).totalPeople, 25);
  strictEqual(parseWith({ windows_number: "" }).windowsNumber, 0);
});

Deno.test("parseVirusForm() refuses counts that the reference's _safe_int_cast refuses", () => {
  for (const bad of ['"10.0"', '"-1"', '" 1"', '"1e1"', "2.5", "-1", "true"]) {
    assertRejected({ windows_number: JSON.parse(bad) }, [
      `windows_number: expected a whole number >= 0 but found ${bad}`,
    ]);
  }
});

// MARK: times

Deno.test('parseVirusForm() reads times "HH:MM" as minutes since midnight', () => {
  const form = parseWith({ exposed_start: "00:00", exposed_finish: "23:59" });
  strictEqual(form.exposedStart, 0);
  strictEqual(form.exposedFinish, 23 * 60 + 59);
  strictEqual(parseWith({ infected_start: "08:05" }).infectedStart, 485);
});

Deno.test('parseVirusForm() refuses times other than two-digit "HH:MM"', () => {
  for (const bad of ["25:00", "24:00", "09:60", "9:00", "09:5", "0900", "09:00:00", " 09:00"]) {
    assertRejected({ exposed_finish: bad }, [
      `exposed_finish: expected a time "HH:MM" but found "${bad}"`,
    ]);
  }
  assertRejected({ exposed_finish: 540 }, [
    'exposed_finish: expected a time "HH:MM" but found 540',
  ]);
});

// MARK: text and choices

Deno.test("parseVirusForm() keeps free text as sent (numbers as written, no HTML escaping)", () => {
  const form = parseWith({ room_number: 123, location_name: 'Saint-Genis <Pouilly> & "CERN"' });
  strictEqual(form.roomNumber, "123");
  strictEqual(form.locationName, 'Saint-Genis <Pouilly> & "CERN"');
  assertRejected({ simulation_name: false }, ["simulation_name: expected text but found false"]);
});

Deno.test("parseVirusForm() accepts choices spelled exactly, and blank as the default", () => {
  strictEqual(parseWith({ mask_type: "FFP2" }).maskType, "FFP2");
  strictEqual(parseWith({ mask_type: "" }).maskType, "Type I");
  assertRejected({ mask_type: "ffp2" }, [
    'mask_type: expected one of "Type I", "FFP2" or "Cloth" but found "ffp2"',
  ]);
  assertRejected({ event_month: "Jan" }, [
    'event_month: expected one of "January", "February", "March", "April", "May", "June", ' +
    '"July", "August", "September", "October", "November" or "December" but found "Jan"',
  ]);
});

Deno.test("parseVirusForm() checks the choices that the reference compares without checking", () => {
  assertRejected({ exposure_option: "probabilistic" }, [
    'exposure_option: expected one of "p_deterministic_exposure" or ' +
    '"p_probabilistic_exposure" but found "probabilistic"',
  ]);
  assertRejected({ short_range_option: "yes" }, [
    'short_range_option: expected one of "short_range_no" or "short_range_yes" but found "yes"',
  ]);
});

Deno.test('parseVirusForm() reads humidity as "" (null) or a fraction', () => {
  strictEqual(parseWith({}).humidity, null);
  strictEqual(parseWith({ humidity: "" }).humidity, null);
  strictEqual(parseWith({ humidity: "0.45" }).humidity, 0.45);
  strictEqual(parseWith({ humidity: 0.45 }).humidity, 0.45);
  assertRejected({ humidity: "45%" }, [
    'humidity: expected "" or a number from 0 to 1 but found "45%"',
  ]);
  assertRejected({ humidity: 45 }, ["humidity: expected a number from 0 to 1 but found 45"]);
});

// MARK: JSON-object fields

Deno.test("parseVirusForm() reads object fields as JSON strings or as objects", () => {
  const text = '{"group_1": [{"expiration": "Speaking", "start_time": "10:30", "duration": 30}]}';
  const common = { short_range_option: "short_range_yes" };
  const fromString = parseWith({ ...common, short_range_interactions: text });
  const fromObject = parseWith({ ...common, short_range_interactions: JSON.parse(text) });
  deepStrictEqual(fromString, fromObject);
  deepStrictEqual(fromString.shortRangeInteractions, [{
    groupId: "group_1",
    interactions: [{ expiration: "Speaking", start: 630, duration: 30 }],
  }]);
});

Deno.test('parseVirusForm() reads "", "{}", {} and null object fields as empty', () => {
  for (const blank of ["", "{}", {}, null]) {
    const form = parseWith({ occupancy: blank, precise_activity: blank, specific_breaks: blank });
    deepStrictEqual(form.occupancy, []);
    strictEqual(form.preciseActivity, null);
    strictEqual(form.specificBreaks, null);
  }
});

Deno.test("parseVirusForm() refuses object fields that are not JSON objects", () => {
  assertRejected({ occupancy: "{'g': 1}" }, [
    "occupancy: expected a JSON object but found text that is not valid JSON " +
    "(Expected property name or '}' in JSON at position 1 (line 1 column 2))",
  ]);
  assertRejected({ occupancy: "[]" }, [
    "occupancy: expected a JSON object but found a string holding an empty array",
  ]);
  assertRejected({ specific_breaks: [] }, [
    "specific_breaks: expected a JSON object or a string holding one but found an empty array",
  ]);
  assertRejected({ precise_activity: 3 }, [
    "precise_activity: expected a JSON object or a string holding one but found 3",
  ]);
});

// MARK: keys

Deno.test("parseVirusForm() refuses unknown keys and ignores _xsrf", () => {
  deepStrictEqual(parseWith({ _xsrf: "token" }), parseWith({}));
  assertRejected({ room_volum: "75", totalPeople: 3 }, [
    "room_volum: unknown field, expected one of the fields of the virus report form",
    "totalPeople: unknown field, expected one of the fields of the virus report form",
  ]);
});

Deno.test("parseVirusForm() requires the fields without a default", () => {
  const error = assertFormError({}, [
    "calculator_version: expected a value (the field is required) but found none",
    "inside_temp: expected a value (the field is required) but found none",
    "location_latitude: expected a value (the field is required) but found none",
    "location_longitude: expected a value (the field is required) but found none",
    "location_name: expected a value (the field is required) but found none",
    "room_number: expected a value (the field is required) but found none",
    "simulation_name: expected a value (the field is required) but found none",
    "total_people: expected a value (the field is required) but found none",
    "volume_type: expected a value (the field is required) but found none",
  ]);
  strictEqual(error.field, "calculator_version");
  assertRejected({ total_people: "", location_name: null }, [
    "location_name: expected a value (the field is required) but found null",
    'total_people: expected a value (the field is required) but found ""',
  ]);
});

Deno.test("parseVirusForm() refuses a body that is not a JSON object", () => {
  for (const [body, found] of [[null, "null"], [[], "an empty array"], ["x", '"x"']] as const) {
    const error = assertFormError(body, [
      `body: expected a JSON object of form fields but found ${found}`,
    ]);
    strictEqual(error.field, "body");
  }
});

Deno.test("parseVirusForm() reports every field problem at once, in field order", () => {
  assertFormError({ ...REQUIRED_WIRE, hepa_option: "on", exposed_start: "8:30", foo: 1 }, [
    'exposed_start: expected a time "HH:MM" but found "8:30"',
    'hepa_option: expected "1", "0", true or false but found "on"',
    "foo: unknown field, expected one of the fields of the virus report form",
  ]);
});

Deno.test("parseVirusForm() shortens long values in messages", () => {
  const long = "x".repeat(500);
  assertRejected({ mask_type: long }, [
    `mask_type: expected one of "Type I", "FFP2" or "Cloth" but found "${"x".repeat(59)}…"`,
  ]);
  strictEqual(parseVirusForm({ ...REQUIRED_WIRE, location_name: long }).locationName, long);
});
