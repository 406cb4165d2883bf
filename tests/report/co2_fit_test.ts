import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { boundedLeastSquares } from "../../src/report/bounded_least_squares.ts";
import { findChangePoints } from "../../src/report/change_points.ts";
import { fitCo2 } from "../../src/report/co2_fit.ts";
import { co2PlotSvg } from "../../src/report/co2_plot.ts";
import { co2Report, co2TransitionTimes } from "../../src/report/co2_report.ts";
import { type CO2DataModel, co2ModelWith, predictedCo2 } from "../../src/model/co2_data_model.ts";
import { concentrationEvaluator } from "../../src/model/concentration.ts";
import { intPiecewiseConstant } from "../../src/model/piecewise_constant.ts";
import { createRoom } from "../../src/model/room.ts";
import { SVG_DATA_URI_PREFIX } from "../../src/report/svg.ts";

/** A room of 50 m³ with 4 people from 9 h to 12 h, ventilation changing at 10.5 h. */
function synthetic(exhalation: number, ach: [number, number]): CO2DataModel {
  const times = Array.from({ length: 121 }, (_, i) => 9 + i / 40);
  const base: CO2DataModel = {
    room: createRoom({ volume: 50, capacity: 8 }),
    occupancy: intPiecewiseConstant([9, 12], [4]),
    ventilationTransitionTimes: [9, 10.5, 12],
    times,
    co2Concentrations: times.map(() => 0),
    atmosphereConcentrationPpm: 440.44,
    fractionExhaled: 0.042,
  };
  return { ...base, co2Concentrations: predictedCo2(base, exhalation, ach) };
}

Deno.test("predictedCo2(): the evaluator's concentrations() equal concentration(t) bit for bit", () => {
  const data = synthetic(0.6, [1.5, 4]);
  // Increasing runs (the readings), steps back, repeats and times before presence.
  const times = [8, 9, 9.01, 10.5, 10.50001, 11.7, 12, 12.5, ...data.times, 11, 8, 11.5, 9.5, 9.5];
  times.push(10.49, ...data.times.toReversed());
  const evaluator = concentrationEvaluator(co2ModelWith(data, 0.6, [1.5, 4]));
  deepStrictEqual(evaluator.concentrations(times), times.map((t) => evaluator.concentration(t)));
  deepStrictEqual(predictedCo2(data, 0.6, [1.5, 4]), data.co2Concentrations);
});

Deno.test("boundedLeastSquares(): holds a parameter at 0 when the optimum is below it", () => {
  const t = [0, 1, 2, 3];
  const fit = boundedLeastSquares(
    (x) => Float64Array.from(t, (ti) => x[0] * ti + x[1] - (2 * ti - 1)),
    [
      1,
      1,
    ],
  );
  strictEqual(fit.x[1], 0);
  ok(Math.abs(fit.x[0] - 22 / 14) < 1e-9, `${fit.x[0]}`);
  // Unconstrained optimum inside the box: found to the solver's precision.
  const inside = boundedLeastSquares((x) => Float64Array.of(x[0] - 3, 10 * (x[1] - x[0] ** 2)), [
    1,
    1,
  ]);
  ok(Math.abs(inside.x[0] - 3) < 1e-6 && Math.abs(inside.x[1] - 9) < 1e-5, `${inside.x}`);
  ok(inside.norm < 1e-6);
});

Deno.test("fitCo2(): recovers the exhalation and air-change rates of noise-free data", () => {
  const data = synthetic(0.6, [1.5, 4]);
  for (const method of ["powell", "least-squares"] as const) {
    const fit = fitCo2(data, { method });
    ok(Math.abs(fit.exhalation_rate - 0.6) < 0.01, `${method} exhalation ${fit.exhalation_rate}`);
    ok(Math.abs(fit.ventilation_values[0] - 1.5) < 0.05, `${method} ${fit.ventilation_values}`);
    ok(Math.abs(fit.ventilation_values[1] - 4) < 0.1, `${method} ${fit.ventilation_values}`);
    // L/s = h⁻¹ × m³ / 3600 × 1000; per person of capacity 8.
    const ls = fit.ventilation_values.map((v) => (v / 3600) * 50 * 1000);
    deepStrictEqual(fit.ventilation_ls_values, ls);
    deepStrictEqual(fit.ventilation_lsp_values, ls.map((q) => q / 8));
    strictEqual(fit.room_capacity, 8);
    strictEqual(fit.predictive_CO2.length, data.times.length);
  }
  const lsq = fitCo2(data, { method: "least-squares" });
  ok(Math.abs(lsq.exhalation_rate - 0.6) < 1e-6, `least squares converges: ${lsq.exhalation_rate}`);
  throws(() => fitCo2({ ...data, ventilationTransitionTimes: [9] }), /at least two ventilation/);
  throws(() => fitCo2({ ...data, times: [9] }), /one concentration per time/);
});

Deno.test("findChangePoints(): a rise and a fall give one peak; a long dip gives a valley", () => {
  const times = Array.from({ length: 240 }, (_, i) => 8 + i / 60);
  const rise = times.map((
    t,
  ) => (t < 9 ? 450 : t < 10 ? 450 + 500 * (t - 9) : 950 - 400 * (t - 10)));
  const peaks = findChangePoints(times, rise);
  deepStrictEqual(peaks, [10]);
  // Down by 150 ppm for an hour (width > 20 min at half prominence): a valley at its middle.
  const dip = times.map((t) => 800 - 150 * Math.max(0, 1 - Math.abs(t - 10) / 0.75));
  deepStrictEqual(findChangePoints(times, dip), [10]);
  throws(() => findChangePoints([8], [400]), /at least two readings/);
  throws(() => findChangePoints([8, 9], [400]), /one concentration per time/);
});

Deno.test("co2 plots: SVG with the readings, the model and the transition times", () => {
  const svg = co2PlotSvg({
    times: [8, 9, 10],
    co2: [440, 800, 600],
    predictedCo2: [440, 780, 610],
    ventilationTimes: [9.5],
    occupancyTimes: [8.5, 10],
  });
  ok(svg.startsWith("<svg") && svg.endsWith("</svg>"));
  strictEqual((svg.match(/<polyline/g) ?? []).length, 2);
  strictEqual((svg.match(/stroke="red" stroke-width="1" stroke-dasharray/g) ?? []).length, 1);
  strictEqual((svg.match(/stroke="grey" stroke-width="1" stroke-dasharray/g) ?? []).length, 2);
  ok(svg.includes("Ventilation transition times (suggestion)"));
  ok(svg.includes("Concentration (ppm)") && svg.includes("Time of day"));
  const body = {
    CO2_data: { times: [8, 8.5, 9, 9.5], CO2: [440, 600, 700, 650] },
    room_volume: 60,
    total_people: 2,
    fitting_ventilation_states: [8.5, 9],
  };
  ok(co2TransitionTimes(body, { plot: true }).CO2_plot_img?.startsWith(SVG_DATA_URI_PREFIX));
  ok(co2Report(body, { plot: true }).CO2_plot_img?.startsWith(SVG_DATA_URI_PREFIX));
  strictEqual(co2Report(body).CO2_plot_img, undefined);
});
