/**
 * The CO2 data model of a CO2 form (reference `CO2FormData.build_CO2_data_model`,
 * `ventilation_transition_times`, `FormData.build_CO2_piecewise`).
 *
 * @module
 */
import type { CO2DataModel } from "../model/co2_data_model.ts";
import { createRoom } from "../model/room.ts";
import { type DataRegistry, DEFAULT_REGISTRY } from "../registry/defaults.ts";
import type { Co2Form } from "./co2_form.ts";
import { FormError, formIssue } from "./form_error.ts";
import { MAX_CO2_FIT_WORK, MAX_FITTED_INTERVALS } from "./limits.ts";
import { totalOccupancy } from "./presence.ts";

/**
 * The ventilation transition times of the fit: the form's states, with the last
 * reading's time added when it is not the last state (the last interval must end there).
 *
 * @param form The CO2 form.
 * @returns Times, hours.
 */
export function fitTransitionTimes(form: Co2Form): number[] {
  const states = [...form.fittingVentilationStates];
  const last = form.co2Data.times[form.co2Data.times.length - 1];
  if (states.length > 0 && states[states.length - 1] !== last) states.push(last);
  return states;
}

/**
 * Builds the data model the fit needs.
 *
 * @param form The CO2 form.
 * @param registry Where the CO2 constants (outdoor concentration, exhaled fraction) come from.
 * @returns The data model.
 * @throws {FormError} When the form has no ventilation state before the last reading
 *   (the fit needs at least one interval), with more than {@link MAX_FITTED_INTERVALS}
 *   intervals, or when readings × intervals is over {@link MAX_CO2_FIT_WORK}.
 */
export function buildCo2DataModel(
  form: Co2Form,
  registry: DataRegistry = DEFAULT_REGISTRY,
): CO2DataModel {
  const transitionTimes = fitTransitionTimes(form);
  if (transitionTimes.length < 2) {
    const last = form.co2Data.times[form.co2Data.times.length - 1];
    throw new FormError([formIssue(
      "fitting_ventilation_states",
      `expected at least one ventilation change time before the last reading (${last} h) ` +
        `but found ${transitionTimes.length === 0 ? "none" : "only the last reading's time"}`,
    )]);
  }
  const readings = form.co2Data.times.length;
  const intervals = transitionTimes.length - 1;
  if (intervals > MAX_FITTED_INTERVALS) {
    throw new FormError([formIssue(
      "fitting_ventilation_states",
      `expected at most ${MAX_FITTED_INTERVALS} ventilation intervals in one fit (its work ` +
        `grows with their square) but found ${intervals}: fit fewer intervals at a time`,
    )]);
  }
  if (readings * intervals > MAX_CO2_FIT_WORK) {
    throw new FormError([formIssue(
      "fitting_ventilation_states",
      `expected at most ${MAX_CO2_FIT_WORK} readings × ventilation intervals (the fit's work) ` +
        `but found ${readings} readings × ${intervals} intervals: fit fewer intervals at a time, ` +
        "or average the readings (e.g. one per minute)",
    )]);
  }
  const constants = registry.concentrationModel.co2ConcentrationModel;
  return {
    room: createRoom({ volume: form.roomVolume, capacity: form.roomCapacity ?? undefined }),
    occupancy: totalOccupancy(form),
    ventilationTransitionTimes: transitionTimes,
    times: form.co2Data.times,
    co2Concentrations: form.co2Data.co2,
    atmosphereConcentrationPpm: constants.co2AtmosphereConcentration,
    fractionExhaled: constants.co2FractionExhaled,
  };
}
