/**
 * Links that re-create a form: the query string of the values that differ from the
 * form's initial values (as the reference's permalink strips its defaults), and the
 * reference's shortened form `/_c/<base64 of the zlib-compressed query>` that its QR
 * codes carry (the server's `/_c/` route redirects it to the pre-filled form).
 *
 * @module
 */
import { zlibSync } from "npm:fflate@0.8.3";
import { FIELDS, type FormValues, INITIAL_VALUES } from "./form_fields.ts";

/** Names read from a link into the form (the fields and the editors' fields). */
export const LINK_FIELDS: ReadonlySet<string> = new Set([
  ...FIELDS.map((f) => f.name),
  "occupancy",
  "short_range_interactions",
]);

/**
 * The query string that re-creates the values.
 *
 * @param values The form's values (as sent).
 * @param seed The report's seed, to reproduce it exactly.
 * @returns The query, without `?`.
 */
export function permalinkQuery(values: FormValues, seed?: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (name === "calculator_version") continue;
    if ((INITIAL_VALUES[name] ?? "") !== value) query.set(name, value);
  }
  if (seed !== undefined) query.set("seed", String(seed));
  return query.toString();
}

/**
 * The form's values from a link's query: the initial values overridden by the known
 * fields of the query.
 *
 * @param query The query parameters.
 * @returns The values, and the seed when the link has one.
 */
export function valuesFromQuery(query: URLSearchParams): { values: FormValues; seed?: number } {
  const values: FormValues = { ...INITIAL_VALUES };
  for (const [name, value] of query) {
    if (LINK_FIELDS.has(name)) values[name] = value;
  }
  const seed = query.get("seed");
  return /^\d+$/.test(seed ?? "") ? { values, seed: Number(seed) } : { values };
}

/**
 * The reference-format shortened link path for a query.
 *
 * @param query The query, without `?`.
 * @returns `/_c/<base64 of zlib(query)>`.
 */
export function shortLinkPath(query: string): string {
  const compressed = zlibSync(new TextEncoder().encode(query), { level: 9 });
  let binary = "";
  for (const byte of compressed) binary += String.fromCharCode(byte);
  return `/_c/${btoa(binary)}`;
}
