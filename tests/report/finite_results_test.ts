import { ok, throws } from "node:assert/strict";
import { assertFiniteResults, NonFiniteResultError } from "../../src/report/finite_results.ts";
import { niceTicks } from "../../src/report/_svg.ts";

Deno.test("assertFiniteResults() refuses NaN, ±Infinity and null where numbers belong", () => {
  const good = {
    times: [8, 9],
    groups: { g: { prob_inf: 1.5, concentrations: new Float64Array([1, 2]) } },
    conditional_probability_data: { pi_means: [NaN] },
    prob_probabilistic_exposure: null,
  };
  assertFiniteResults(good);
  for (
    const [bad, path] of [
      [{ ...good, times: [8, NaN] }, "times[1]"],
      [{ groups: { g: { prob_inf: null } } }, "groups.g.prob_inf"],
      [
        { groups: { g: { concentrations: new Float64Array([1, Infinity]) } } },
        "groups.g.concentrations[1]",
      ],
      [{ CO2: [{ v: -Infinity }] }, "CO2[0].v"],
    ] as const
  ) {
    throws(
      () => assertFiniteResults(bad),
      (e: unknown) => e instanceof NonFiniteResultError && e.path === path,
      path,
    );
  }
});

Deno.test("niceTicks() stays bounded for flat, huge and non-finite ranges", () => {
  for (
    const [lo, hi] of [[1e16, 1e16], [1e16, 1e16 + 2], [0, 0], [-5e300, 5e300], [NaN, 3], [
      1,
      Infinity,
    ]]
  ) {
    const { ticks, lo: a, hi: b } = niceTicks(lo, hi, 6);
    ok(ticks.length >= 2 && ticks.length <= 26, `${lo}..${hi}: ${ticks.length} ticks`);
    ok(Number.isFinite(a) && Number.isFinite(b) && b > a, `${lo}..${hi}: [${a}, ${b}]`);
  }
  const usual = niceTicks(400, 1200, 6).ticks;
  ok(usual.includes(400) && usual.includes(1200) && usual.length <= 12);
});
