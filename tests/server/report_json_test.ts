import { deepEqual, equal, ok, throws } from "node:assert/strict";
import { MIN_SEGMENTED_BYTES, reportJson, reportJsonChunks } from "../../src/server/report_json.ts";
import { joinedJson, type ReportJob, runJob } from "../../src/server/jobs.ts";
import { createResponseSegments, SEGMENT_VALUES } from "../../src/server/response_segments.ts";
import { sharedKernel } from "../../src/kernel/shared.ts";
import { errorAnswer } from "../../src/server/errors.ts";
import { assertFiniteResults, NonFiniteResultError } from "../../src/report/finite_results.ts";
import { virusReport } from "../../src/report/virus_report.ts";

const FIXTURES = new URL("../fixtures/reference/", import.meta.url);
const VIRUS_FIXTURES = [
  "s1_rest_example_natural",
  "s2_hepa_classroom",
  "s3_mech_masks_shortrange",
  "s4_dynamic_occupancy_hvac_ffp2",
  "s5_dims_breaks_vaccine_delta",
  "s6_precise_activity_cond_prob",
  "s7_from_fitting",
];
const encoder = new TextEncoder();

async function fixtureBody(name: string): Promise<string> {
  return await Deno.readTextFile(new URL(`${name}.in.json`, FIXTURES));
}

/** The number of Float64Array leaves of a tree. */
function typedLeaves(value: unknown): number {
  if (value instanceof Float64Array) return 1;
  if (value === null || typeof value !== "object") return 0;
  return Object.values(value).reduce((n: number, v) => n + typedLeaves(v), 0);
}

Deno.test("reportJson() gives the bytes of JSON.stringify of the plain report on the 7 fixtures", async () => {
  for (const name of VIRUS_FIXTURES) {
    const body = JSON.parse(await fixtureBody(name));
    // With the web calculator's comparisons too: the whole tree the server may send.
    const options = { seed: 0, sampleSize: 3000, alternativeScenarios: true };
    const typed = virusReport(body, { ...options, sampleArrays: "float64" });
    const plain = virusReport(body, options);
    const groups = Object.keys(plain.groups).length;
    const conditional = name.startsWith("s6") ? groups : 0;
    equal(typedLeaves(typed), groups + conditional, `${name}: typed per-sample columns`);
    equal(typedLeaves(plain), 0, `${name}: the library's report holds plain arrays`);
    deepEqual(reportJson(typed), encoder.encode(JSON.stringify(plain)), name);
  }
});

Deno.test("runJob() answers the bytes of JSON.stringify at 250,000 samples (s6: prob_dist and log10_vl_in_sputum)", async () => {
  const name = "s6_precise_activity_cond_prob";
  const body = await fixtureBody(name);
  const reply = runJob({ kind: "virus", body, seed: 0, probDist: true }, {});
  ok(reply.ok, reply.ok ? "" : reply.message);
  const plain = virusReport(JSON.parse(body), { seed: 0 });
  const group = Object.values(plain.groups)[0] as { prob_dist: number[] };
  equal(group.prob_dist.length, 250_000);
  deepEqual(reply.json, [encoder.encode(JSON.stringify(plain))]);
});

Deno.test("runJob() writes a large response into its worker's kernel segments, reused once released", async () => {
  const segments = createResponseSegments();
  const bodies = [
    await fixtureBody("s4_dynamic_occupancy_hvac_ffp2"), // two groups: the longer text first
    await fixtureBody("s1_rest_example_natural"),
  ];
  const expected = bodies.map((b) =>
    encoder.encode(JSON.stringify(virusReport(JSON.parse(b), { seed: 3, sampleSize: 60_000 })))
  );
  let kernelBytes = 0;
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < bodies.length; i++) {
      const job = { kind: "virus", body: bodies[i], seed: 3, probDist: true, sampleSize: 60_000 };
      const reply = runJob(job as ReportJob, { segments });
      ok(reply.ok, reply.ok ? "" : reply.message);
      ok(reply.segments !== undefined, "a large response is held in the kernel");
      ok(reply.json.every((chunk) => sharedKernel().owns(chunk)), "in the kernel's memory");
      deepEqual(joinedJson(reply.json), expected[i], `round ${round}, body ${i}`);
      equal(segments.held, 1);
      // Sent: the segments go back to the kernel's free list.
      segments.release(reply.segments!);
      equal(segments.held, 0);
    }
    // The segments and the per-sample outputs went back to the kernel: it does not grow
    // from round to round.
    if (round === 1) kernelBytes = sharedKernel().memoryBytes();
    if (round === 2) equal(sharedKernel().memoryBytes(), kernelBytes);
  }
  // A small response (no per-sample arrays) is a buffer of its own: nothing is held.
  const small = runJob({ kind: "virus", body: bodies[1], seed: 3, probDist: false }, { segments });
  ok(small.ok && small.segments === undefined && small.json.length === 1);
  equal(segments.held, 0);
});

Deno.test("reportJsonChunks() cuts the bytes of reportJson() across segments, never inside a character", () => {
  // Text with 2-, 3- and 4-byte characters around large columns, into 7-byte segments.
  const column = Float64Array.from({ length: 50_000 }, (_, i) => Math.sin(i) * 10 ** (i % 30));
  const tree = { "é€😀": "x".repeat(10) + "😀€é", a: column, b: ["€", column.subarray(7, 99)] };
  const whole = reportJson(tree);
  ok(whole.length >= MIN_SEGMENTED_BYTES / 2);
  const given: Uint8Array[] = [];
  const chunks = reportJsonChunks(tree, () => {
    given.push(new Uint8Array(7));
    return given.at(-1)!;
  });
  deepEqual(joinedJson(chunks), whole);
  equal(chunks.length, given.length);
  for (let i = 0; i < chunks.length; i++) {
    equal(chunks[i].buffer, given[i].buffer, "each chunk is a view of its segment");
    // Each chunk decodes on its own: no character is split between two.
    new TextDecoder("utf-8", { fatal: true }).decode(chunks[i]);
  }
  // Below the bound, one buffer of its own even with segments at hand.
  const small = reportJsonChunks({ a: Float64Array.of(1, 2) }, () => {
    throw new Error("no segment for a small response");
  });
  deepEqual(small, [encoder.encode('{"a":[1,2]}')]);
  equal(SEGMENT_VALUES * 8, 2_000_000, "segments are 250,000-sample columns");
});

Deno.test("reportJson() writes the non-column parts as JSON.stringify does (strings, nulls, nesting)", () => {
  const tree = {
    text: 'quote " backslash \\ newline \n unicode é € 😀 \u0001',
    nothing: null,
    skipped: undefined,
    nested: [{ a: [1, -0, 1e21, NaN], b: new Float64Array([0.1, -0]) }, new Float64Array(0)],
    last: new Float64Array([5e-324, 2 ** 60]),
  };
  const plain = JSON.parse(
    JSON.stringify(tree, (_k, v) => v instanceof Float64Array ? Array.from(v) : v),
  );
  const expected = JSON.stringify(tree, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v));
  deepEqual(reportJson(tree), encoder.encode(expected));
  deepEqual(JSON.parse(new TextDecoder().decode(reportJson(tree))), plain);
  // A string equal to no marker, and a report holding none: plain JSON.stringify.
  deepEqual(reportJson({ a: "f64 column" }), encoder.encode('{"a":"f64 column"}'));
  throws(() => reportJson(undefined), TypeError);
});

Deno.test("a NaN in a per-sample column is a 500, never a null: assertFiniteResults() and reportJson() refuse it", () => {
  const column = Float64Array.of(1, NaN, 3);
  // Under conditional_probability_data, whose bins may be NaN, a column still may not.
  const results = {
    groups: {
      g: { conditional_probability_data: { pi_means: [NaN], log10_vl_in_sputum: column } },
    },
  };
  throws(
    () => assertFiniteResults(results),
    (e: unknown) =>
      e instanceof NonFiniteResultError &&
      e.path === "groups.g.conditional_probability_data.log10_vl_in_sputum[1]",
  );
  assertFiniteResults({ groups: { g: { conditional_probability_data: { pi_means: [NaN] } } } });
  let thrown: unknown;
  try {
    reportJson(results);
  } catch (e) {
    thrown = e;
  }
  ok(thrown instanceof RangeError, String(thrown));
  equal(errorAnswer(thrown).status, 500);
});
