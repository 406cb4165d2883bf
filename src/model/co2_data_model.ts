/**
 * CO2 sensor data with the room and occupancy they were measured in, and the CO2
 * concentration model for given exhalation and air-change rates (reference
 * `models.CO2DataModel.CO2_concentration_model`, `CO2_concentrations_from_params`).
 * The fit itself is `report/co2_fit.ts`.
 *
 * @module
 */
import { type CO2ConcentrationModel, concentrationEvaluator } from "./concentration.ts";
import { type IntPiecewiseConstant, piecewiseConstant } from "./piecewise_constant.ts";
import { createRoom, type Room } from "./room.ts";
import { customVentilation } from "./ventilation.ts";

/** CO2 readings and what is known of the room (reference `CO2DataModel`). */
export interface CO2DataModel {
  /** The room: volume (m³) and capacity (people), when known. */
  readonly room: Room;
  /** People in the room over time. */
  readonly occupancy: IntPiecewiseConstant;
  /** Times at which the ventilation changes, h, increasing; one air-change rate per interval. */
  readonly ventilationTransitionTimes: readonly number[];
  /** Reading times, h. */
  readonly times: readonly number[];
  /** Readings, ppm. */
  readonly co2Concentrations: readonly number[];
  /** CO2 concentration of the outdoor air, ppm. */
  readonly atmosphereConcentrationPpm: number;
  /** CO2 fraction of the exhaled air, 0–1. */
  readonly fractionExhaled: number;
}

/**
 * The CO2 concentration model of the data's room and occupancy with a custom
 * ventilation (one air-change rate per interval) and everyone exhaling at the same rate.
 *
 * @param data The data model.
 * @param exhalationRate Exhalation rate of each person, m³/h.
 * @param ventilationValues Air-change rate in each ventilation interval, h⁻¹.
 * @returns The concentration model.
 */
export function co2ModelWith(
  data: CO2DataModel,
  exhalationRate: number,
  ventilationValues: readonly number[],
): CO2ConcentrationModel {
  return {
    kind: "co2",
    room: createRoom({ volume: data.room.volume }),
    ventilation: customVentilation(
      piecewiseConstant(data.ventilationTransitionTimes, ventilationValues),
    ),
    emitters: {
      number: data.occupancy,
      activity: { inhalationRate: exhalationRate, exhalationRate },
    },
    atmosphereConcentrationPpm: data.atmosphereConcentrationPpm,
    fractionExhaled: data.fractionExhaled,
  };
}

/**
 * The modelled CO2 concentration at each reading time.
 *
 * @param data The data model.
 * @param exhalationRate Exhalation rate of each person, m³/h.
 * @param ventilationValues Air-change rate in each ventilation interval, h⁻¹.
 * @returns Concentrations, ppm, one per reading.
 */
export function predictedCo2(
  data: CO2DataModel,
  exhalationRate: number,
  ventilationValues: readonly number[],
): number[] {
  const evaluator = concentrationEvaluator(co2ModelWith(data, exhalationRate, ventilationValues));
  return evaluator.concentrations(data.times) as number[];
}
