// The CO2 routes' results against the reference's (tests/fixtures/reference/s_co2_*,
// copies of ../shared/fixtures): transition times exactly; the fit's objective no worse
// than the reference's (1e-6 relative slack) and, with the default (reference) search,
// every number at 1e-8; with least squares, a lower objective and the well-determined
// parameters within 1 %.
import { deepStrictEqual, ok } from "node:assert/strict";
import { parseCo2Form } from "../../src/forms/parse_co2_form.ts";
import {
  co2Report,
  co2ReportFromForm,
  co2TransitionTimes,
  co2TransitionTimesFromForm,
} from "../../src/report/co2_report.ts";

async function fixture(name: string, kind: "in" | "trim") {
  return JSON.parse(
    await Deno.readTextFile(new URL(`../fixtures/reference/${name}.${kind}.json`, import.meta.url)),
  );
}

function measured(input: { CO2_data: string }): number[] {
  return JSON.parse(input.CO2_data).CO2;
}

/** The reference's objective: ‖readings − model‖₂, ppm. */
function objective(readings: readonly number[], modelled: readonly number[]): number {
  return Math.sqrt(readings.reduce((s, c, i) => s + (c - modelled[i]) ** 2, 0));
}

function close(actual: number, expected: number, rel: number): boolean {
  return Math.abs(actual - expected) <= 1e-12 + rel * Math.abs(expected);
}

Deno.test("co2TransitionTimes(): s_co2_transition_times equals the reference exactly", async () => {
  const expected = (await fixture("s_co2_transition_times", "trim")).results;
  const input = await fixture("s_co2_transition_times", "in");
  deepStrictEqual(co2TransitionTimes(input), expected);
  deepStrictEqual(co2TransitionTimesFromForm(parseCo2Form(input)), expected);
});

Deno.test("co2Report(): s_co2_report equals the reference's fit (Powell, 1e-8)", async () => {
  const input = await fixture("s_co2_report", "in");
  const expected = (await fixture("s_co2_report", "trim")).results;
  const report = co2Report(input);
  deepStrictEqual(co2ReportFromForm(parseCo2Form(input)), report);
  deepStrictEqual(Object.keys(report).sort(), Object.keys(expected).sort());
  ok(close(report.exhalation_rate, expected.exhalation_rate, 1e-8));
  for (const key of ["ventilation_values", "ventilation_ls_values", "ventilation_lsp_values"]) {
    const a = report[key as keyof typeof report] as number[];
    const e = expected[key] as number[];
    ok(a.length === e.length && a.every((v, i) => close(v, e[i], 1e-8)), `${key}: ${a} vs ${e}`);
  }
  ok(report.predictive_CO2.every((v, i) => close(v, expected.predictive_CO2[i], 1e-8)));
  deepStrictEqual(report.room_capacity, expected.room_capacity);
  const readings = measured(input);
  const ours = objective(readings, report.predictive_CO2);
  const theirs = objective(readings, expected.predictive_CO2);
  ok(ours <= theirs * (1 + 1e-6), `objective ${ours} vs the reference's ${theirs}`);
});

Deno.test("co2Report(least squares): lower objective; well-determined values within 1 %", async () => {
  const input = await fixture("s_co2_report", "in");
  const expected = (await fixture("s_co2_report", "trim")).results;
  const report = co2Report(input, { method: "least-squares" });
  const readings = measured(input);
  const ours = objective(readings, report.predictive_CO2);
  const theirs = objective(readings, expected.predictive_CO2);
  ok(ours <= theirs, `objective ${ours} vs the reference's ${theirs}`);
  // Determined to about ±1 % (exhalation) and ±15 % (third interval) by the data; the
  // second interval (±3 %) and the first (at the bound 0) and last (one reading) are not
  // determined to 1 % (see the closing note of the CO2 issue).
  ok(close(report.exhalation_rate, expected.exhalation_rate, 0.01), `${report.exhalation_rate}`);
  ok(close(report.ventilation_values[2], expected.ventilation_values[2], 0.01));
  ok(close(report.ventilation_values[1], expected.ventilation_values[1], 0.05));
});
