/**
 * Physical ranges of the forms' quantities: each bound is accepted, a value just outside
 * is refused with a message that names the field and the range (issue 14, finding 7).
 */
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { CO2_FORM_FIELDS } from "../../src/forms/co2_form_fields.ts";
import { Co2FormWire } from "../../src/forms/co2_form_schema.ts";
import { describeRange, type FormField } from "../../src/forms/form_field.ts";
import { FormError, parseCo2Form, parseVirusForm } from "../../src/forms/mod.ts";
import { VIRUS_FORM_FIELDS } from "../../src/forms/virus_form_fields.ts";
import { VirusFormWire } from "../../src/forms/virus_form_schema.ts";
import { readFixtureInput, REQUIRED_WIRE, VIRUS_FIXTURES } from "./_helpers.ts";

const CO2_BASE = Object.freeze({
  CO2_data: { times: [8, 8.5, 9, 9.5], CO2: [440, 600, 700, 650] },
  room_volume: 60,
  total_people: 2,
});

/** The issues of parsing `input` with `parse` (which must throw a FormError). */
function issuesOf(parse: (input: unknown) => unknown, input: unknown): FormError["issues"] {
  let issues: FormError["issues"] = [];
  throws(() => parse(input), (e: unknown) => {
    ok(e instanceof FormError, `expected a FormError but found ${e}`);
    issues = e.issues;
    return true;
  });
  return issues;
}

/** A value just outside `bound` (by a relative 1e-9, or 1 for counts). */
function outside(bound: number, direction: -1 | 1, integer: boolean): number {
  if (integer) return bound + direction;
  return bound + direction * Math.max(Math.abs(bound) * 1e-9, 1e-12);
}

/** The top-level rows with a range (numbers sent on their own, not inside a list). */
function rangedRows(table: Record<string, FormField>): [string, FormField][] {
  return Object.entries(table).filter(([, row]) =>
    row.range !== undefined && row.schema !== undefined && !("items" in firstSchema(row))
  );
}

/** The first alternative of a row's JSON Schema (its plain-JSON spelling). */
function firstSchema(row: FormField): Record<string, unknown> {
  const anyOf = row.jsonSchema.anyOf as Record<string, unknown>[] | undefined;
  return anyOf?.[0] ?? row.jsonSchema;
}

function isInteger(row: FormField): boolean {
  return JSON.stringify(row.jsonSchema).includes('"integer"');
}

for (
  const [form, table, schema, base, parse] of [
    ["virus", VIRUS_FORM_FIELDS, VirusFormWire, REQUIRED_WIRE, parseVirusForm],
    ["CO2", CO2_FORM_FIELDS, Co2FormWire, CO2_BASE, parseCo2Form],
  ] as const
) {
  Deno.test(`${form} form: every quantity accepts its bounds and refuses values outside`, () => {
    const rows = rangedRows(table);
    ok(rows.length >= (form === "virus" ? 20 : 3), `only ${rows.length} ranged rows`);
    for (const [wire, row] of rows) {
      const range = row.range!;
      const integer = isInteger(row);
      const inside = [range.min, range.max, ...(range.orZero ? [0] : [])];
      for (const value of inside) {
        const parsed = schema.safeParse({ ...base, [wire]: value });
        if (!parsed.success) throw new Error(`${wire} = ${value}: ${parsed.issues[0].message}`);
        strictEqual((parsed.data as Record<string, unknown>)[wire], value, wire);
      }
      const expected = `${wire}: expected ${describeRange(range, row.unit)}`;
      for (const value of [outside(range.max, 1, integer), outside(range.min, -1, integer)]) {
        // Counts below 0 are not whole numbers >= 0: a different message, same field.
        if (integer && value < 0) continue;
        const issues = issuesOf(parse, { ...base, [wire]: value });
        deepStrictEqual(issues.map((i) => i.field), [wire], `${wire} = ${value}`);
        strictEqual(issues[0].message, `${expected} but found ${value}`);
      }
    }
  });
}

Deno.test("the values of issue 14 (finding 7) are refused with the field and the range", () => {
  const s7 = readFixtureInput("s7_from_fitting");
  const fit = JSON.parse(s7.CO2_fitting_result as string);
  const cases: [(input: unknown) => unknown, Record<string, unknown>, string][] = [
    [
      parseVirusForm,
      { ...REQUIRED_WIRE, room_volume: 5e-324 },
      "room_volume: expected 0 (not given) or a number from 1 to 1000000 m³ but found 5e-324",
    ],
    [
      parseVirusForm,
      { ...REQUIRED_WIRE, window_height: "1e308" },
      "window_height: expected 0 (not given) or a number from 0.01 to 50 m but found 1e+308",
    ],
    [
      parseVirusForm,
      { ...s7, CO2_fitting_result: { ...fit, ventilation_values: [5e-324, 1, 2] } },
      "CO2_fitting_result.ventilation_values[0]: expected 0 (not given) or a number from 1e-9 to 1000 h⁻¹ but found 5e-324",
    ],
    [
      parseCo2Form,
      { ...CO2_BASE, room_volume: 1e-320 },
      "room_volume: expected a number from 1 to 1000000 m³ but found 1e-320",
    ],
    [
      parseCo2Form,
      { ...CO2_BASE, CO2_data: { times: [8, 9], CO2: [1e16, 1e16] } },
      "CO2_data.CO2[0]: expected a number from 0 to 100000 ppm but found 10000000000000000",
    ],
  ];
  for (const [parse, input, message] of cases) {
    strictEqual(issuesOf(parse, input)[0].message, message);
  }
});

Deno.test("every fixture's form is inside the ranges", () => {
  for (const name of VIRUS_FIXTURES) parseVirusForm(readFixtureInput(name));
  for (const name of ["s_co2_transition_times", "s_co2_report"]) {
    parseCo2Form(readFixtureInput(name));
  }
});

Deno.test("outdoor_temperatures: 24 hourly °C values, as a list or JSON text, optional", () => {
  const hours = Array.from({ length: 24 }, (_, h) => -90 + h * 6.25);
  deepStrictEqual(
    parseVirusForm({ ...REQUIRED_WIRE, outdoor_temperatures: hours })
      .outdoorTemperatures,
    hours,
  );
  deepStrictEqual(
    parseVirusForm({ ...REQUIRED_WIRE, outdoor_temperatures: JSON.stringify(hours) })
      .outdoorTemperatures,
    hours,
  );
  for (const blank of [undefined, "", null]) {
    const form = parseVirusForm({ ...REQUIRED_WIRE, outdoor_temperatures: blank });
    ok(!("outdoorTemperatures" in form));
  }
  strictEqual(
    issuesOf(parseVirusForm, { ...REQUIRED_WIRE, outdoor_temperatures: hours.slice(1) })[0]
      .message,
    "outdoor_temperatures: expected 24 hourly temperatures (°C, local time, index i = hour " +
      "i:00) but found 23",
  );
  strictEqual(
    issuesOf(parseVirusForm, {
      ...REQUIRED_WIRE,
      outdoor_temperatures: hours.map((t, h) => (h === 5 ? 60.5 : t)),
    })[0].message,
    "outdoor_temperatures[5]: expected an outdoor temperature in °C from -90 to 60 (kelvin " +
      "values are refused: subtract 273.15) but found 60.5",
  );
});

Deno.test("_xsrf is accepted and dropped", () => {
  const form = parseVirusForm({ ...REQUIRED_WIRE, _xsrf: "token" });
  ok(!Object.values(form).includes("token"));
  const parsed = VirusFormWire.safeParse({ ...REQUIRED_WIRE, _xsrf: { a: 1 } });
  ok(parsed.success && !("_xsrf" in parsed.data));
});
