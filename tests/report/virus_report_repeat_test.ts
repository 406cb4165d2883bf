// A report frees its columns when it is done (src/kernel/column_arena.ts): nothing a
// later report reads may be among them. Two reports in a row, and a report after one of
// another fixture, must give the same data as a first report.
import { strictEqual } from "node:assert/strict";
import { assertSameJson } from "../_helpers/same_json.ts";
import { virusReport } from "../../src/report/virus_report.ts";

const read = async (name: string) =>
  JSON.parse(
    await Deno.readTextFile(new URL(`../fixtures/reference/${name}.in.json`, import.meta.url)),
  );

Deno.test("reports in a row are equal to a first report", async () => {
  const shortRange = await read("s3_mech_masks_shortrange");
  const dynamic = await read("s4_dynamic_occupancy_hvac_ffp2");
  const options = { seed: 11, sampleSize: 20_000, year: 2026 };
  const first = virusReport(shortRange, options);
  const other = virusReport(dynamic, options);
  const second = virusReport(shortRange, options);
  assertSameJson(second, first, "second report");
  assertSameJson(virusReport(dynamic, options), other, "other fixture's second report");
  const otherSeed = JSON.stringify(virusReport(shortRange, { ...options, seed: 12 }));
  strictEqual(otherSeed !== JSON.stringify(first), true, "another seed gives the same report");
});
