import { deepEqual, equal, ok } from "node:assert/strict";
import { releaseSampleOutputs, sampleOutput } from "../../src/report/sample_output.ts";
import { sharedKernel, withKernelComputation } from "../../src/kernel/shared.ts";
import { newColumn } from "../../src/kernel/column_arena.ts";
import { virusReport } from "../../src/report/virus_report.ts";
import { DEFAULT_REGISTRY } from "../../src/registry/defaults.ts";

Deno.test("sampleOutput() hands out a plain array or a Float64Array copy", () => {
  const column = Float64Array.of(0.5, -0, 1e-7);
  const plain = sampleOutput(column, "array");
  ok(Array.isArray(plain));
  deepEqual(plain, [0.5, -0, 1e-7]);
  const typed = sampleOutput(column, "float64");
  ok(typed instanceof Float64Array);
  deepEqual(Array.from(typed), Array.from(column));
  column[0] = 7;
  equal(typed[0], 0.5, "a copy, not a view of the column");
  equal(plain[0], 0.5, "a copy, not a view of the column");
});

Deno.test('sampleOutput() with "kernel" copies a kernel column into the kernel, freed by releaseSampleOutputs', () => {
  const kernel = sharedKernel();
  const n = 20_000; // a column of the kernel's heap (at least 8,192 samples)
  const out = withKernelComputation(() => {
    const column = newColumn(n).fill(0.25);
    ok(kernel.owns(column));
    return sampleOutput(column, "kernel") as Float64Array;
  });
  // The report's column is gone with its arena; the copy lives on in the kernel.
  ok(kernel.owns(out));
  equal(out.length, n);
  equal(out[n - 1], 0.25);
  const heldBytes = kernel.memoryBytes();
  releaseSampleOutputs({ groups: [{ prob_dist: out }] });
  // Freed to the kernel's heap: the next columns take its memory and the report
  // column's (freed before it): the kernel does not grow.
  const next = [kernel.column(n), kernel.column(n)];
  equal(kernel.memoryBytes(), heldBytes);
  for (const column of next) kernel.freeColumn(column);
  // A column outside the kernel (a report in chunks) is copied outside it.
  const outside = sampleOutput(new Float64Array(n), "kernel");
  ok(outside instanceof Float64Array && !kernel.owns(outside));
});

Deno.test("the report option sampleArrays hands out prob_dist and log10_vl_in_sputum as asked", () => {
  const body = {
    simulation_name: "Office",
    room_number: "123",
    calculator_version: "N/A",
    location_name: "Geneva",
    location_latitude: 46.20833,
    location_longitude: 6.14275,
    inside_temp: "293.",
    room_volume: "75",
    volume_type: "room_volume_explicit",
    total_people: "10",
    infected_people: "1",
    ventilation_type: "no_ventilation",
    conditional_probability_viral_loads: "1",
  };
  const options = { seed: 3, sampleSize: 2000, registry: DEFAULT_REGISTRY };
  const plain = Object.values(virusReport(body, options).groups)[0];
  const typed = Object.values(virusReport(body, { ...options, sampleArrays: "float64" }).groups)[0];
  const log10 = (g: typeof plain) =>
    (g.conditional_probability_data as { log10_vl_in_sputum: ArrayLike<number> })
      .log10_vl_in_sputum;
  ok(Array.isArray(plain.prob_dist));
  ok(Array.isArray(log10(plain)));
  ok(typed.prob_dist instanceof Float64Array);
  ok(log10(typed) instanceof Float64Array);
  deepEqual(Array.from(typed.prob_dist as Float64Array), plain.prob_dist);
  deepEqual(Array.from(log10(typed)), log10(plain));
  equal((plain.prob_dist as number[]).length, 2000);
});
