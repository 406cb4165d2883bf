/**
 * Parsing and validation of the CO2 form (reference `CO2FormData.from_dict` and
 * `validate`), with the sensor-data checks the reference leaves to numpy.
 *
 * @module
 */
import { ownData } from "./own_data.ts";
import { formIssuesOf } from "./_issues.ts";
import type { Co2Form } from "./co2_form.ts";
import { Co2FormWire } from "./co2_form_schema.ts";
import { FormError, type FormIssue, formIssue } from "./form_error.ts";
import { CO2_FORM_FIELDS } from "./co2_form_fields.ts";
import { renameFields } from "./form_field.ts";
import { legacyPopulationIssues } from "./validate_population.ts";

/** Name of the form in messages about unknown fields. */
const FORM_NAME = "CO2 form";

/**
 * Parses and validates a CO2 form (`/co2/transition_times` and `/co2/report` bodies), in
 * the reference's wire format (numbers and lists as strings, `"1"`/`"0"`) or plain JSON.
 *
 * @example Usage
 * ```ts
 * import { parseCo2Form } from "./mod.ts";
 * const form = parseCo2Form({
 *   CO2_data: '{"times": [8, 8.5, 9], "CO2": [440, 600, 700]}',
 *   room_volume: "60",
 *   total_people: "2",
 * });
 * if (form.co2Data.co2[2] !== 700 || form.roomCapacity !== null) throw new Error("bad");
 * ```
 *
 * @param input The request body (a JSON object).
 * @returns The form.
 * @throws {FormError} When a field is missing, malformed or unknown, or fields
 *   contradict each other; each issue names its field.
 */
export function parseCo2Form(input: unknown): Co2Form {
  const parsed = Co2FormWire.safeParse(ownData(input));
  if (!parsed.success) {
    throw new FormError(formIssuesOf(parsed.issues, [], FORM_NAME));
  }
  const form: Co2Form = renameFields(CO2_FORM_FIELDS, parsed.data);
  const issues: FormIssue[] = form.occupancy.length === 0 ? legacyPopulationIssues(form) : [];
  const states = form.fittingVentilationStates;
  const lastTime = form.co2Data.times[form.co2Data.times.length - 1];
  if (states.length > 0 && states[states.length - 1] > lastTime) {
    issues.push(formIssue(
      "fitting_ventilation_states",
      `expected times not after the last reading (${lastTime} h) but found ${
        states[states.length - 1]
      }`,
      `fitting_ventilation_states[${states.length - 1}]`,
    ));
  }
  const empty = states.length > 1 ? intervalWithoutReadings(states, form.co2Data.times) : -1;
  if (empty >= 0) {
    // Not in the reference: the fit then returns whatever rate minimises nothing.
    issues.push(formIssue(
      "fitting_ventilation_states",
      `expected each interval to hold a CO2 reading (readings from ${form.co2Data.times[0]} ` +
        `to ${lastTime} h) but found none from ${states[empty]} to ${states[empty + 1]} h`,
      `fitting_ventilation_states[${empty}]`,
    ));
  }
  if (issues.length > 0) throw new FormError(issues);
  return form;
}

/**
 * The first interval [states[i], states[i + 1]] (hours) with no reading time in it (ends
 * included), or −1; both lists increasing.
 */
function intervalWithoutReadings(states: readonly number[], times: readonly number[]): number {
  let t = 0;
  for (let i = 0; i + 1 < states.length; i++) {
    while (t < times.length && times[t] < states[i]) t++;
    if (t === times.length || times[t] > states[i + 1]) return i;
  }
  return -1;
}
