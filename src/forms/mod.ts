/**
 * The `/virus/report` form: parsing the reference's wire format (and plain JSON) into a
 * typed {@link VirusForm}, with the reference's defaults and cross-field rules, and one
 * {@link FormError} listing every problem.
 *
 * @example Usage
 * ```ts
 * import { FormError, parseVirusForm } from "./mod.ts";
 *
 * const body = {
 *   calculator_version: "N/A",
 *   inside_temp: "293.",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 *   location_name: "Geneva",
 *   room_number: "123",
 *   room_volume: 75,
 *   simulation_name: "Test",
 *   total_people: "10",
 *   volume_type: "room_volume_explicit",
 *   exposed_start: "09:00",
 *   hepa_option: "1",
 *   hepa_amount: "250",
 * };
 * const form = parseVirusForm(body);
 * if (form.exposedStart !== 540) throw new Error("minutes since midnight");
 * if (!form.hepaOption) throw new Error('"1" is true');
 *
 * try {
 *   parseVirusForm({ ...body, exposed_finish: "25:00" });
 * } catch (e) {
 *   if (!(e instanceof FormError)) throw e;
 *   // e.message: exposed_finish: expected a time "HH:MM" but found "25:00"
 *   if (e.field !== "exposed_finish") throw e;
 * }
 * ```
 *
 * @module
 */
export { parseVirusForm } from "./parse_virus_form.ts";
export type { ParseVirusFormOptions } from "./parse_virus_form.ts";
export type { VirusFormRegistry } from "./virus_form_registry.ts";
export { FormError } from "./form_error.ts";
export type { FormIssue } from "./form_error.ts";
export { VIRUS_FORM_DEFAULTS } from "./virus_form_defaults.ts";
export type { VirusFormDefault, VirusFormField } from "./virus_form_defaults.ts";
export type {
  Co2FittingResult,
  OccupancyGroup,
  PopulationForm,
  PopulationFormField,
  PreciseActivity,
  RespiratoryActivityShare,
  ShortRangeGroup,
  ShortRangeInteraction,
  SpecificBreaks,
  TimeInterval,
  VirusForm,
} from "./virus_form.ts";
export {
  ASCERTAINMENT_BIAS_FACTORS,
  ASCERTAINMENT_BIASES,
  COFFEE_BREAK_COUNTS,
  COFFEE_BREAK_OPTIONS,
  EXPOSURE_OPTIONS,
  MASK_WEARING_OPTIONS,
  MECHANICAL_VENTILATION_TYPES,
  MONTH_NAMES,
  SHORT_RANGE_OPTIONS,
  VACCINE_BOOSTER_TYPES,
  VACCINE_TYPES,
  VENTILATION_TYPES,
  VOLUME_TYPES,
  WINDOW_OPENING_REGIMES,
  WINDOW_TYPES,
} from "./choices.ts";
export type {
  AscertainmentBias,
  CoffeeBreakOption,
  ExposureOption,
  MaskWearingOption,
  MechanicalVentilationType,
  MonthName,
  ShortRangeOption,
  VaccineBoosterType,
  VaccineType,
  VentilationType,
  VolumeType,
  WindowOpeningRegime,
  WindowType,
} from "./choices.ts";
// Registry names that appear in the form's types (re-exported so the docs are complete).
export { ACTIVITY_NAMES, EXPIRATION_NAMES, MASK_NAMES, VIRUS_NAMES } from "../registry/mod.ts";
export type { ActivityName, ExpirationName, MaskName, VirusName } from "../registry/mod.ts";
export {
  buildExposureModels,
  buildRoom,
  buildVentilation,
  buildVirusModels,
  LEGACY_GROUP_ID,
  outdoorTemperatureOf,
} from "./build_virus_models.ts";
export type { BuildVirusModelsOptions, ExposureModels, VirusModels } from "./build_virus_models.ts";
export {
  exposedPresentInterval,
  groupPresence,
  infectedOccupancy,
  infectedPresentInterval,
  presentInterval,
  totalOccupancy,
} from "./presence.ts";
export { parseCo2Form } from "./parse_co2_form.ts";
export { MAX_CO2_DATA_POINTS } from "./co2_form.ts";
export type { Co2Data, Co2Form } from "./co2_form.ts";
export { buildCo2DataModel, fitTransitionTimes } from "./build_co2_data_model.ts";
export { legacyPopulationIssues } from "./validate_population.ts";
