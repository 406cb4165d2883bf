// The conditional probability of a report of several chunks (bins gathered outside the
// kernel) equals that of the kernel's one-pass computation, on random log10 viral loads
// and on values at the bins' edges and outside the bins' range.
import { deepStrictEqual } from "node:assert/strict";
import { withKernelComputation } from "../../src/kernel/shared.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { arange } from "../../src/report/_numpy.ts";
import { conditionalProbabilityData } from "../../src/report/conditional_probability.ts";
import { conditionalProbabilityDataOfLog10 } from "../../src/report/conditional_probability_host.ts";
import { log10Into } from "../../src/kernel/columns.ts";

Deno.test("conditionalProbabilityDataOfLog10 equals conditionalProbabilityData", () => {
  const rng = createRng(3);
  const random = rng.uniform(1, 11, 20_000);
  const centres = arange(2, 10, 0.08);
  // Edges (centre ± 0.04, as the reference computes them), the range's ends, far outside.
  const edges = centres.flatMap((c) => [c - 0.08 / 2, c + 0.08 / 2, c]);
  const log10 = Float64Array.from([...random, ...edges, 1.96, 9.96, -3, 42, 2, 10]);
  const viralLoad = Float64Array.from(log10, (x) => 10 ** x);
  // The kernel's log10 of those viral loads (the one-pass path takes the viral loads).
  const log10OfViralLoad = new Float64Array(viralLoad.length);
  log10Into(viralLoad, log10OfViralLoad);
  const probability = rng.uniform(0, 100, log10.length);
  const expected = withKernelComputation(() => conditionalProbabilityData(viralLoad, probability));
  const found = conditionalProbabilityDataOfLog10(Array.from(log10OfViralLoad), probability);
  deepStrictEqual(found, expected);
});
