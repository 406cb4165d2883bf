/**
 * The parsed and validated CO2 form (`/co2/transition_times`, `/co2/report`; reference
 * `validators/co2/co2_validator.py` `CO2FormData`). Same conventions as the virus form:
 * times of day in minutes since midnight, except the sensor data and ventilation states,
 * which are hours.
 *
 * @module
 */
import type { PopulationForm } from "./virus_form.ts";

/** Largest number of CO2 data points accepted (about 35 days at one point per minute). */
export const MAX_CO2_DATA_POINTS = 50_000;

/** CO2 sensor readings (wire `CO2_data`). */
export interface Co2Data {
  /** Reading times, hours, strictly increasing, at least two (wire `times`). */
  readonly times: readonly number[];
  /** CO2 concentration at each time, ppm >= 0 (wire `CO2`). */
  readonly co2: readonly number[];
}

/**
 * The CO2 form: sensor data, room, ventilation states and the population fields.
 *
 * @example Usage
 * ```ts
 * import { type Co2Form, parseCo2Form } from "./mod.ts";
 * const form: Co2Form = parseCo2Form({
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
 * if (form.co2Data.times.length !== 121) throw new Error("the readings");
 * ```
 */
export interface Co2Form extends PopulationForm {
  /** The sensor readings (wire `CO2_data`, required). */
  readonly co2Data: Co2Data;
  /**
   * Times at which the ventilation changes, hours, strictly increasing and not after the
   * last reading (wire `fitting_ventilation_states`, `[]` by default). The fit needs at
   * least one; the last reading's time is added when it is not the last state.
   */
  readonly fittingVentilationStates: readonly number[];
  /**
   * Design number of occupants, integer, or null when not given (wire `room_capacity`);
   * 0 means unknown, as in the reference. Gives the flow per person.
   */
  readonly roomCapacity: number | null;
  /** Room volume, m³ > 0 (wire `room_volume`, required). */
  readonly roomVolume: number;
}
