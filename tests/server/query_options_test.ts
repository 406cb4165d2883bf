import { deepStrictEqual, throws } from "node:assert/strict";
import { parseReportQuery, QueryOptionError } from "../../src/server/query_options.ts";

const parse = (q: string) => parseReportQuery(new URLSearchParams(q));

Deno.test("parseReportQuery(): seed, prob_dist, report_generation_parallelism and alternative_scenarios", () => {
  deepStrictEqual(parse(""), {
    seed: undefined,
    probDist: true,
    reportGenerationParallelism: undefined,
    alternativeScenarios: false,
  });
  deepStrictEqual(
    parse("seed=4294967295&prob_dist=0&report_generation_parallelism=4&alternative_scenarios=1"),
    {
      seed: 4294967295,
      probDist: false,
      reportGenerationParallelism: 4,
      alternativeScenarios: true,
    },
  );
  deepStrictEqual(parse("seed=0&prob_dist=true").probDist, true);
  deepStrictEqual(parse("prob_dist=false").probDist, false);
  deepStrictEqual(parse("alternative_scenarios=true").alternativeScenarios, true);
  deepStrictEqual(parse("alternative_scenarios=0").alternativeScenarios, false);
});

Deno.test("parseReportQuery(): invalid values and unknown names are errors naming the parameter", () => {
  const cases: [string, RegExp][] = [
    ["seed=-1", /query parameter seed: expected an integer in 0\.\.4294967295 but found "-1"/],
    ["seed=4294967296", /seed/],
    ["seed=1.5", /seed/],
    ["seed=", /seed/],
    ["seed=1&seed=2", /seed: expected one value but found 2/],
    ["prob_dist=no", /prob_dist: expected 0, 1, false or true but found "no"/],
    ["alternative_scenarios=yes", /alternative_scenarios: expected 0, 1, false or true/],
    ["alternative_scenarios=1&alternative_scenarios=0", /alternative_scenarios: expected one/],
    ["report_generation_parallelism=0", /report_generation_parallelism: expected an integer/],
    ["samples=10", /query parameter samples: unknown parameter/],
  ];
  for (const [query, message] of cases) {
    throws(() => parse(query), (e) => e instanceof QueryOptionError && message.test(e.message));
  }
});
