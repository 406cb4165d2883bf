/**
 * Shared inputs and assertions of the form tests.
 *
 * @module
 */
import { ok, strictEqual, throws } from "node:assert/strict";
import { FormError, parseVirusForm, type VirusForm } from "../../src/forms/mod.ts";

/** The required fields only, in the reference's wire format (values of s1_rest_example_natural). */
export const REQUIRED_WIRE: Readonly<Record<string, string | number>> = Object.freeze({
  calculator_version: "N/A",
  inside_temp: "293.",
  location_latitude: 46.20833,
  location_longitude: 6.14275,
  location_name: "Geneva",
  room_number: "123",
  simulation_name: "Test",
  total_people: "10",
  volume_type: "room_volume_explicit",
  // Not required by the reference, but a volume of 0 is refused here.
  room_volume: "75",
});

/** The names of the reference fixtures whose inputs are virus forms. */
export const VIRUS_FIXTURES = [
  "s1_rest_example_natural",
  "s2_hepa_classroom",
  "s3_mech_masks_shortrange",
  "s4_dynamic_occupancy_hvac_ffp2",
  "s5_dims_breaks_vaccine_delta",
  "s6_precise_activity_cond_prob",
  "s7_from_fitting",
] as const;

/** Reads `tests/fixtures/reference/<name>.in.json` (the request bodies of the fixtures). */
export function readFixtureInput(name: string): Record<string, unknown> {
  return JSON.parse(
    Deno.readTextFileSync(new URL(`../fixtures/reference/${name}.in.json`, import.meta.url)),
  );
}

/** Parses the required fields plus `fields`. */
export function parseWith(fields: Record<string, unknown>): VirusForm {
  return parseVirusForm({ ...REQUIRED_WIRE, ...fields });
}

/**
 * Asserts that parsing `input` throws a FormError whose issue messages are exactly
 * `messages` (in order), and returns the error.
 */
export function assertFormError(input: unknown, messages: readonly string[]): FormError {
  let error: FormError | undefined;
  throws(() => parseVirusForm(input), (e: unknown) => {
    ok(e instanceof FormError, `expected a FormError but found ${e}`);
    error = e;
    return true;
  });
  const found = error!.issues.map((i) => i.message);
  strictEqual(
    JSON.stringify(found, null, 1),
    JSON.stringify(messages, null, 1),
    "issue messages differ",
  );
  if (messages.length <= 10) strictEqual(error!.message, messages.join("; "));
  strictEqual(error!.field, error!.issues[0].field);
  return error!;
}

/** Asserts that the required fields plus `fields` fail with exactly `messages`. */
export function assertRejected(
  fields: Record<string, unknown>,
  messages: readonly string[],
): FormError {
  return assertFormError({ ...REQUIRED_WIRE, ...fields }, messages);
}
