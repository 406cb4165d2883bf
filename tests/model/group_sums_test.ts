import { deepStrictEqual } from "node:assert/strict";
import {
  type ExposureEvaluator,
  groupExpectedNewCases,
  groupReproductionNumber,
} from "../../src/model/exposure.ts";

/** An evaluator that answers only the two per-group quantities. */
function evaluator(newCases: number | Float64Array, r: number | Float64Array): ExposureEvaluator {
  return {
    expectedNewCases: () => newCases,
    reproductionNumber: () => r,
  } as unknown as ExposureEvaluator;
}

Deno.test("the group sums add every group's value, per sample", () => {
  const groups = [evaluator(0.5, 2), evaluator(Float64Array.of(1, 2), Float64Array.of(0.25, 4))];
  deepStrictEqual(groupExpectedNewCases(groups), Float64Array.of(1.5, 2.5));
  deepStrictEqual(groupReproductionNumber(groups), Float64Array.of(2.25, 6));
  deepStrictEqual(groupReproductionNumber([]), 0);
});
