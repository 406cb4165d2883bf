import { deepEqual, equal, ok, throws } from "node:assert/strict";
import { sampleOutput, withTypedSampleOutputs } from "../../src/report/sample_output.ts";

Deno.test("sampleOutput() hands out a plain array, or a Float64Array copy inside withTypedSampleOutputs()", () => {
  const column = Float64Array.of(0.5, -0, 1e-7);
  const plain = sampleOutput(column);
  ok(Array.isArray(plain));
  deepEqual(plain, [0.5, -0, 1e-7]);
  const typed = withTypedSampleOutputs(() => sampleOutput(column)) as unknown;
  ok(typed instanceof Float64Array);
  deepEqual(Array.from(typed), Array.from(column));
  column[0] = 7;
  equal(typed[0], 0.5, "a copy, not a view of the column");
  // Nested calls, and a throw, leave the default as it was.
  withTypedSampleOutputs(() => {
    withTypedSampleOutputs(() => {});
    ok(sampleOutput(column) instanceof Float64Array);
  });
  throws(() =>
    withTypedSampleOutputs(() => {
      throw new Error("report failed");
    })
  );
  ok(Array.isArray(sampleOutput(column)));
});
