/**
 * The CO2 routes' results as library functions (reference
 * `api/controller/co2_report_controller.py`): the transition times suggested by the
 * readings (`request_CO2_transition_times`) and the ventilation fit
 * (`request_CO2_report` → `CO2DataModel.CO2_fit_params`).
 *
 * @module
 */
import { checkOptions, type OptionKind } from "../options.ts";
import { buildCo2DataModel } from "../forms/build_co2_data_model.ts";
import type { Co2Form } from "../forms/co2_form.ts";
import { parseCo2Form } from "../forms/parse_co2_form.ts";
import { totalOccupancy } from "../forms/presence.ts";
import { type DataRegistry, DEFAULT_REGISTRY } from "../registry/defaults.ts";
import { findChangePoints } from "./change_points.ts";
import { type Co2FitMethod, type Co2FitResult, fitCo2 } from "./co2_fit.ts";
import { co2Plot } from "./co2_plot.ts";

/** What each of {@link Co2ReportOptions} may hold (checked by `checkOptions`). */
const CO2_REPORT_OPTIONS: Readonly<Record<keyof Co2ReportOptions, OptionKind>> = {
  plot: "boolean",
  method: ["powell", "least-squares"],
  registry: "object",
};

/**
 * Options of the CO2 functions.
 *
 * @example Usage
 * ```ts
 * import { co2TransitionTimes, type Co2ReportOptions } from "./mod.ts";
 * const options: Co2ReportOptions = { plot: false };
 * const times = co2TransitionTimes({
 *   CO2_data: {
 *     times: Array.from({ length: 121 }, (_, i) => 8 + i / 30),
 *     CO2: Array.from({ length: 121 }, (_, i) => 450 + (i < 60 ? 8 * i : 480 - 4 * (i - 60))),
 *   },
 *   room_volume: 60,
 *   total_people: 2,
 *   infected_people: 1,
 *   exposed_start: "08:00",
 *   exposed_finish: "12:00",
 *   infected_start: "08:00",
 *   infected_finish: "12:00",
 *   fitting_ventilation_states: [8, 10, 12],
 * }, options);
 * if (times.CO2_plot_img !== undefined) throw new Error("no plot asked for");
 * ```
 */
export interface Co2ReportOptions {
  /** Add `CO2_plot_img`, an SVG data URI of the readings and the results. */
  readonly plot?: boolean;
  /**
   * Fit search (see `fitCo2`): the reference's Powell search, or least squares to
   * convergence.
   *
   * @default {"powell"}
   */
  readonly method?: Co2FitMethod;
  /** Where the CO2 constants come from. */
  readonly registry?: DataRegistry;
}

/**
 * Result of {@link co2TransitionTimes} (field names as the reference's `results`).
 *
 * @example Usage
 * ```ts
 * import { co2TransitionTimes, type Co2TransitionTimes } from "./mod.ts";
 * const times: Co2TransitionTimes = co2TransitionTimes({
 *   CO2_data: {
 *     times: Array.from({ length: 121 }, (_, i) => 8 + i / 30),
 *     CO2: Array.from({ length: 121 }, (_, i) => 450 + (i < 60 ? 8 * i : 480 - 4 * (i - 60))),
 *   },
 *   room_volume: 60,
 *   total_people: 2,
 *   infected_people: 1,
 *   exposed_start: "08:00",
 *   exposed_finish: "12:00",
 *   infected_start: "08:00",
 *   infected_finish: "12:00",
 *   fitting_ventilation_states: [8, 10, 12],
 * });
 * if (times.occupancy_times.join() !== "8,12") throw new Error("the occupancy changes, h");
 * ```
 */
export interface Co2TransitionTimes {
  /** Every time the number of people changes, h. */
  readonly occupancy_times: number[];
  /** Ventilation changes found in the readings, h, sorted. */
  readonly ventilation_times: number[];
  /** First and last occupancy times with the ventilation times, h, sorted. */
  readonly total_times: number[];
  /** SVG data URI of the readings and times (with `plot`). */
  readonly CO2_plot_img?: string;
}

/**
 * Result of {@link co2Report}: the fit, and the plot when asked for.
 *
 * @example Usage
 * ```ts
 * import { type Co2Report, co2Report } from "./mod.ts";
 * const fit: Co2Report = co2Report({
 *   CO2_data: {
 *     times: Array.from({ length: 121 }, (_, i) => 8 + i / 30),
 *     CO2: Array.from({ length: 121 }, (_, i) => 450 + (i < 60 ? 8 * i : 480 - 4 * (i - 60))),
 *   },
 *   room_volume: 60,
 *   total_people: 2,
 *   infected_people: 1,
 *   exposed_start: "08:00",
 *   exposed_finish: "12:00",
 *   infected_start: "08:00",
 *   infected_finish: "12:00",
 *   fitting_ventilation_states: [8, 10, 12],
 * }, { plot: true });
 * if (!fit.CO2_plot_img?.startsWith("data:image/svg+xml")) throw new Error("the plot");
 * ```
 */
export type Co2Report = Co2FitResult & {
  /** SVG data URI of the readings, the model and the ventilation states (with `plot`). */
  readonly CO2_plot_img?: string;
};

/**
 * Suggests the transition times of a CO2 form: the occupancy changes and the ventilation
 * changes found in the readings.
 *
 * @example Usage
 * ```ts
 * import { co2TransitionTimes } from "./mod.ts";
 * const times = Array.from({ length: 151 }, (_, i) => 8 + i / 30);
 * const co2 = times.map((t) => (t < 9 ? 440 : t < 11 ? 440 + 400 * (t - 9) : 1240 - 400 * (t - 11)));
 * const result = co2TransitionTimes({
 *   CO2_data: { times, CO2: co2 },
 *   room_volume: 60,
 *   total_people: 3,
 *   exposed_start: "09:00",
 *   exposed_finish: "13:00",
 *   infected_start: "09:00",
 *   infected_finish: "13:00",
 * });
 * if (result.occupancy_times.join() !== "9,13") throw new Error("bad");
 * ```
 *
 * @param body The request body (the reference's CO2 form, wire format or plain JSON).
 * @param options Plot.
 * @returns The times.
 * @throws {FormError} When the form is invalid.
 */
export function co2TransitionTimes(
  body: unknown,
  options: Co2ReportOptions = {},
): Co2TransitionTimes {
  checkOptions(options, CO2_REPORT_OPTIONS, "co2TransitionTimes");
  return transitionTimesOf(parseCo2Form(body), options);
}

/** {@link co2TransitionTimes} of an already parsed form. */
export function co2TransitionTimesFromForm(
  form: Co2Form,
  options: Co2ReportOptions = {},
): Co2TransitionTimes {
  checkOptions(options, CO2_REPORT_OPTIONS, "co2TransitionTimesFromForm");
  return transitionTimesOf(form, options);
}

/** {@link co2TransitionTimesFromForm} once its options are checked. */
function transitionTimesOf(form: Co2Form, options: Co2ReportOptions): Co2TransitionTimes {
  const occupancy = [...totalOccupancy(form).transitionTimes];
  const ventilation = findChangePoints(form.co2Data.times, form.co2Data.co2);
  const total = [occupancy[0], occupancy[occupancy.length - 1], ...ventilation]
    .sort((a, b) => a - b);
  const result: Co2TransitionTimes = {
    occupancy_times: occupancy,
    ventilation_times: ventilation,
    total_times: total,
  };
  if (!options.plot) return result;
  return {
    ...result,
    CO2_plot_img: co2Plot({
      times: form.co2Data.times,
      co2: form.co2Data.co2,
      ventilationTimes: ventilation,
      occupancyTimes: occupancy,
    }),
  };
}

/**
 * Fits the exhalation rate and one air-change rate per ventilation interval to the
 * readings of a CO2 form (the `/co2/report` results).
 *
 * @param body The request body (the reference's CO2 form, wire format or plain JSON) with
 *   at least one ventilation state before the last reading.
 * @param options Plot, fit method, registry.
 * @returns The fit.
 * @throws {FormError} When the form is invalid or has no ventilation state.
 * @example Usage
 * ```ts
 * import { co2Report } from "./mod.ts";
 * const fit = co2Report({
 *   CO2_data: {
 *     times: Array.from({ length: 121 }, (_, i) => 8 + i / 30),
 *     CO2: Array.from({ length: 121 }, (_, i) => 450 + (i < 60 ? 8 * i : 480 - 4 * (i - 60))),
 *   },
 *   room_volume: 60,
 *   total_people: 2,
 *   infected_people: 1,
 *   exposed_start: "08:00",
 *   exposed_finish: "12:00",
 *   infected_start: "08:00",
 *   infected_finish: "12:00",
 *   fitting_ventilation_states: [8, 10, 12],
 * });
 * if (fit.ventilation_values.length !== 2) throw new Error("one air-change rate per interval");
 * ```
 */
export function co2Report(body: unknown, options: Co2ReportOptions = {}): Co2Report {
  checkOptions(options, CO2_REPORT_OPTIONS, "co2Report");
  return fitReportOf(parseCo2Form(body), options);
}

/** {@link co2Report} of an already parsed form. */
export function co2ReportFromForm(form: Co2Form, options: Co2ReportOptions = {}): Co2Report {
  checkOptions(options, CO2_REPORT_OPTIONS, "co2ReportFromForm");
  return fitReportOf(form, options);
}

/** {@link co2ReportFromForm} once its options are checked. */
function fitReportOf(form: Co2Form, options: Co2ReportOptions): Co2Report {
  const data = buildCo2DataModel(form, options.registry ?? DEFAULT_REGISTRY);
  const fit = fitCo2(data, { method: options.method });
  if (!options.plot) return fit;
  return {
    ...fit,
    CO2_plot_img: co2Plot({
      times: data.times,
      co2: data.co2Concentrations,
      predictedCo2: fit.predictive_CO2,
      ventilationTimes: data.ventilationTransitionTimes,
    }),
  };
}
