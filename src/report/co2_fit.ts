/**
 * The CO2 fit (reference `CO2DataModel.CO2_fit_params`): the exhalation rate (m³/h) and
 * one air-change rate (h⁻¹) per ventilation interval, all ≥ 0, that minimise the L2
 * distance between the readings and the modelled concentrations, starting from ones as
 * the reference does. By default the search is the reference's (scipy's Powell method
 * with bounds, xtol 1e-3, `powell.ts`), so the numbers are the reference's; a bounded
 * Levenberg–Marquardt run to convergence (`bounded_least_squares.ts`) is the option for
 * the lowest objective.
 *
 * @module
 */
import { type CO2DataModel, predictedCo2 } from "../model/co2_data_model.ts";
import { sum } from "../model/vec.ts";
import { boundedLeastSquares } from "./bounded_least_squares.ts";
import { minimizePowell } from "./powell.ts";
import { L_PER_M3, S_PER_H } from "../units.ts";

/** The fitted parameters and derived flows (field names as the reference's results). */
export interface Co2FitResult {
  /** Exhalation rate of each person, m³/h. */
  readonly exhalation_rate: number;
  /** Air-change rate in each ventilation interval, h⁻¹. */
  readonly ventilation_values: number[];
  /** The room's capacity, people (null when not given). */
  readonly room_capacity: number | null;
  /** Ventilation flow in each interval, L/s. */
  readonly ventilation_ls_values: number[];
  /** Ventilation flow per person of capacity, L/s/person (null without a capacity). */
  readonly ventilation_lsp_values: number[] | null;
  /** Modelled CO2 at each reading time with the fitted parameters, ppm. */
  readonly predictive_CO2: number[];
}

/** How the parameters are searched. */
export type Co2FitMethod = "powell" | "least-squares";

/** Options of {@link fitCo2}. */
export interface Co2FitOptions {
  /**
   * `"powell"`: the reference's search (scipy Powell, xtol 1e-3, ftol 1e-4), giving its
   * numbers. `"least-squares"`: a bounded Levenberg–Marquardt run to convergence, which
   * reaches a lower (or equal) objective; parameters the data hardly constrain can then
   * differ from the reference's by more than their digits suggest.
   *
   * @default {"powell"}
   */
  readonly method?: Co2FitMethod;
}

/** Line-search tolerance of the reference's fit (scipy Powell `xtol`). */
export const REFERENCE_XTOL = 1e-3;

/**
 * Fits exhalation and air-change rates to the readings.
 *
 * @param data The readings, room, occupancy and ventilation intervals.
 * @param options The search method.
 * @returns The fitted values, flows and modelled concentrations.
 * @throws {RangeError} With fewer than two readings, readings and times of different
 *   lengths, or fewer than two ventilation transition times.
 */
export function fitCo2(data: CO2DataModel, options: Co2FitOptions = {}): Co2FitResult {
  const n = data.times.length;
  if (n !== data.co2Concentrations.length) {
    throw new RangeError(
      `expected one concentration per time (${n}) but found ${data.co2Concentrations.length}`,
    );
  }
  if (n < 2) throw new RangeError(`expected at least two readings but found ${n}`);
  const intervals = data.ventilationTransitionTimes.length - 1;
  if (intervals < 1) {
    throw new RangeError(
      `expected at least two ventilation transition times but found ${intervals + 1}`,
    );
  }
  const measured = data.co2Concentrations;
  const residuals = ([exhalation, ...ventilation]: readonly number[]) => {
    const modelled = predictedCo2(data, exhalation, ventilation);
    const out = new Float64Array(modelled.length);
    for (let i = 0; i < out.length; i++) out[i] = measured[i] - modelled[i];
    return out;
  };
  const x0 = new Array<number>(intervals + 1).fill(1);
  const fit = (options.method ?? "powell") === "powell"
    ? minimizePowell(
      (x) => {
        const r = residuals(x);
        for (let i = 0; i < r.length; i++) r[i] *= r[i];
        return Math.sqrt(sum(r));
      },
      x0,
      {
        lowerBounds: x0.map(() => 0),
        upperBounds: x0.map(() => Infinity),
        xtol: REFERENCE_XTOL,
      },
    )
    : boundedLeastSquares(residuals, x0);
  const [exhalationRate, ...ventilationValues] = fit.x;
  const volume = data.room.volume as number;
  const capacity = data.room.capacity ?? null;
  const flows = ventilationValues.map((ach) => (ach / S_PER_H) * volume * L_PER_M3);
  return {
    exhalation_rate: exhalationRate,
    ventilation_values: ventilationValues,
    room_capacity: capacity,
    ventilation_ls_values: flows,
    ventilation_lsp_values: capacity ? flows.map((q) => q / capacity) : null,
    predictive_CO2: predictedCo2(data, exhalationRate, ventilationValues),
  };
}
