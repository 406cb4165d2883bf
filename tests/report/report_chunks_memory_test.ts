// A chunked report reuses the kernel's memory from chunk to chunk: ten chunks need no more
// kernel memory than one (each chunk's columns go back to the column heap before the next
// chunk is drawn, and the whole-sample statistics are computed outside the kernel).
import { strictEqual } from "node:assert/strict";
import { parseVirusForm } from "../../src/forms/parse_virus_form.ts";
import { sharedKernel } from "../../src/kernel/shared.ts";
import { virusReportInChunks } from "../../src/report/virus_report.ts";

Deno.test("the kernel's memory does not grow with the number of chunks", () => {
  const form = parseVirusForm(JSON.parse(
    Deno.readTextFileSync(
      new URL("../fixtures/reference/s1_rest_example_natural.in.json", import.meta.url),
    ),
  ));
  // Columns of at least 8192 values live in the kernel's column heap (src/kernel/column_arena.ts).
  const chunk = 10_000;
  const options = { seed: 5, probDist: false };
  // Twice one chunk (the second run starts from the first's high-water mark).
  virusReportInChunks(form, { ...options, sampleSize: chunk }, chunk);
  virusReportInChunks(form, { ...options, sampleSize: chunk }, chunk);
  const oneChunk = sharedKernel().memoryBytes();
  const report = virusReportInChunks(form, { ...options, sampleSize: 10 * chunk }, chunk);
  strictEqual(report.model.endsWith(`samples ${10 * chunk})`), true);
  strictEqual(sharedKernel().memoryBytes(), oneChunk);
});
