import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  COVID_OVERALL_VL_TABLE,
  covidOverallViralLoadDistribution,
  weibullViralLoadTable,
} from "../../src/montecarlo/viral_load.ts";
import { generateSamples } from "../../src/montecarlo/distributions.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { assertClose } from "../_helpers/stats.ts";
import { COVID_OVERALL_VL } from "../_helpers/reference_params.ts";

Deno.test("the computed Weibull table has the reference's abscissae bit for bit", () => {
  const t = weibullViralLoadTable(COVID_OVERALL_VL);
  deepStrictEqual(t.xp, COVID_OVERALL_VL_TABLE.xp);
  strictEqual(t.left, 0);
  strictEqual(t.right, 0);
});

Deno.test("the computed Weibull densities are within 1e-15 of the reference's", () => {
  // 14 of the 30 differ by an ulp or two: the reference host evaluated pow/exp with SVML
  // (numpy/scipy on glibc give exactly our values, which is why the recorded table is used).
  const t = weibullViralLoadTable(COVID_OVERALL_VL);
  let differing = 0;
  t.fp.forEach((y, i) => {
    assertClose(y, COVID_OVERALL_VL_TABLE.fp[i], { rel: 1e-15 }, `fp[${i}]`);
    if (y !== COVID_OVERALL_VL_TABLE.fp[i]) differing++;
  });
  strictEqual(differing, 14);
});

Deno.test("the Weibull table is the density of log10(viral load) between its 1 % and 99 % quantiles", () => {
  const { shapeFactor: c, scaleFactor: s } = COVID_OVERALL_VL;
  const cdf = (x: number) => 1 - Math.exp(-((x / s) ** c));
  const { xp, fp } = COVID_OVERALL_VL_TABLE;
  assertClose(cdf(xp[0]), 0.01, { rel: 1e-13 });
  assertClose(cdf(xp[29]), 0.99, { rel: 1e-13 });
  xp.forEach((x, i) => {
    const pdf = (c / s) * (x / s) ** (c - 1) * Math.exp(-((x / s) ** c));
    assertClose(fp[i], pdf, { rel: 1e-14 }, `pdf(${x})`);
  });
  // the rejection envelope covers the curve
  strictEqual(Math.max(...fp) <= COVID_OVERALL_VL.maxFunction, true);
});

Deno.test("covidOverallViralLoadDistribution() is a LogCustom on [2, 10] with the reference table", () => {
  const d = covidOverallViralLoadDistribution(COVID_OVERALL_VL);
  strictEqual(d.log10, true);
  deepStrictEqual(d.bounds, [2, 10]);
  strictEqual(d.maxDensity, 0.2);
  deepStrictEqual(d.density, COVID_OVERALL_VL_TABLE);
  const x = generateSamples(d, createRng(3), 10_000);
  strictEqual(x.every((v) => v >= 100 && v <= 1e10), true);
});

Deno.test("covidOverallViralLoadDistribution() computes the table for other Weibull parameters", () => {
  const d = covidOverallViralLoadDistribution({ ...COVID_OVERALL_VL, shapeFactor: 3 });
  const table = weibullViralLoadTable({ ...COVID_OVERALL_VL, shapeFactor: 3 });
  deepStrictEqual(d.density, table);
});
