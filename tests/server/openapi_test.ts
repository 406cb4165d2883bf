/**
 * The OpenAPI document: generated from the forms' field tables, with operation ids,
 * servers, licence and the fixtures' bodies as request examples. (The validators,
 * Redocly and swagger-parser, run in `deno task check:openapi`.)
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { CO2_FORM_FIELDS } from "../../src/forms/co2_form_fields.ts";
import type { FieldTable } from "../../src/forms/form_field.ts";
import { parseCo2Form, parseVirusForm } from "../../src/forms/mod.ts";
import { VIRUS_FORM_FIELDS } from "../../src/forms/virus_form_fields.ts";
import { openApiDocument } from "../../src/server/openapi.ts";
import { CO2_FORM_EXAMPLES, VIRUS_FORM_EXAMPLES } from "../../src/server/openapi_examples.ts";

// deno-lint-ignore no-explicit-any
const doc = openApiDocument() as any;

/** Every JSON Schema number bound found in `schema`. */
function bounds(schema: unknown): { minimum: number[]; maximum: number[] } {
  const text = JSON.stringify(schema);
  const grab = (key: string) =>
    [...text.matchAll(new RegExp(`"${key}":(-?[0-9.e+-]+)`, "g"))].map((m) => Number(m[1]));
  return { minimum: grab("minimum"), maximum: grab("maximum") };
}

for (
  const [name, table] of [["VirusForm", VIRUS_FORM_FIELDS], ["Co2Form", CO2_FORM_FIELDS]] as [
    string,
    FieldTable,
  ][]
) {
  Deno.test(`OpenAPI ${name}: one property per row of the field table`, () => {
    const schema = doc.components.schemas[name];
    deepStrictEqual(Object.keys(schema.properties), Object.keys(table));
    strictEqual(schema.additionalProperties, false);
    ok(!("_xsrf" in schema.properties));
    deepStrictEqual(
      schema.required,
      Object.keys(table).filter((w) => table[w].default === null),
    );
    for (const [wire, row] of Object.entries(table)) {
      const property = schema.properties[wire];
      ok(property.description.startsWith(row.description), wire);
      if (row.default !== null && row.default !== undefined) {
        deepStrictEqual(property.default, row.default, wire);
      }
      if (row.unit) strictEqual(property["x-unit"], row.unit, wire);
      if (row.range) {
        const found = bounds(property);
        ok(found.minimum.includes(row.range.min), `${wire} minimum`);
        ok(found.maximum.includes(row.range.max), `${wire} maximum`);
        ok(property.description.includes(row.range.why), `${wire} says why`);
      }
      ok(property.anyOf || property.type || property.enum, `${wire} has a type`);
    }
  });
}

Deno.test("OpenAPI: operation ids, servers, licence, tags", () => {
  const ids: string[] = [];
  for (const item of Object.values(doc.paths) as Record<string, { operationId: string }>[]) {
    for (const op of Object.values(item)) ids.push(op.operationId);
  }
  deepStrictEqual(ids, [
    "virusReport",
    "virusReportLegacy",
    "co2TransitionTimes",
    "co2Report",
    "health",
  ]);
  ok(doc.servers.length > 0);
  deepStrictEqual(doc.info.license, { name: "Apache-2.0", identifier: "Apache-2.0" });
  const tags = new Set(doc.tags.map((t: { name: string }) => t.name));
  for (const item of Object.values(doc.paths) as Record<string, { tags: string[] }>[]) {
    for (const op of Object.values(item)) ok(op.tags.every((t) => tags.has(t)));
  }
});

Deno.test("OpenAPI: the request examples are the fixtures' bodies and valid forms", () => {
  const examples = [
    ...Object.values(VIRUS_FORM_EXAMPLES).map((e) => [e, parseVirusForm] as const),
    ...Object.values(CO2_FORM_EXAMPLES).map((e) => [e, parseCo2Form] as const),
  ];
  strictEqual(examples.length, 9);
  for (const [example, parse] of examples) {
    const fixture = JSON.parse(Deno.readTextFileSync(
      new URL(`../fixtures/reference/${example.fixture}.in.json`, import.meta.url),
    ));
    deepStrictEqual(
      example.value,
      Object.fromEntries(Object.entries(fixture).filter(([, v]) => v !== "")),
    );
    parse(example.value);
  }
  const virus = doc.paths["/virus/report"].post.requestBody.content["application/json"];
  deepStrictEqual(Object.keys(virus.examples), Object.keys(VIRUS_FORM_EXAMPLES));
  // Fields show up to three of the values the fixtures send.
  const properties = doc.components.schemas.VirusForm.properties;
  deepStrictEqual(properties.room_volume.examples, ["75", "160", "40"]);
  deepStrictEqual(properties.location_latitude.examples, [46.20833, -37.81739]);
});
