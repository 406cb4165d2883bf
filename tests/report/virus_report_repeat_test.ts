// A report frees its columns when it is done (src/montecarlo/column_arena.ts): nothing a
// later report reads may be among them. Two reports in a row, and a report after one of
// another fixture, must give the same data as a first report.
import { deepStrictEqual, notDeepStrictEqual } from "node:assert/strict";
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
  deepStrictEqual(second, first);
  deepStrictEqual(virusReport(dynamic, options), other);
  notDeepStrictEqual(virusReport(shortRange, { ...options, seed: 12 }), first);
});
