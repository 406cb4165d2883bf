/**
 * The allowed values of the form's choice fields, spelled exactly as on the wire
 * (reference `calculator/validators/defaults.py`, CAiMIRA 4.19.0). Activity types,
 * mask types, virus variants, activity levels and expirations come from the
 * `DataRegistry` (`src/registry/`).
 *
 * @module
 */

/** Values of `ascertainment_bias` (reference `CONFIDENCE_LEVEL_OPTIONS`). */
export const ASCERTAINMENT_BIASES = [
  "confidence_low",
  "confidence_medium",
  "confidence_high",
] as const;

/** A value of `ascertainment_bias`. */
export type AscertainmentBias = typeof ASCERTAINMENT_BIASES[number];

/**
 * The dimensionless factor of each `ascertainment_bias`: how many infections there are
 * per reported case (reference `CONFIDENCE_LEVEL_OPTIONS`).
 */
export const ASCERTAINMENT_BIAS_FACTORS: Readonly<Record<AscertainmentBias, number>> = Object
  .freeze({
    confidence_low: 10,
    confidence_medium: 5,
    confidence_high: 2,
  });

/** Values of `exposed_coffee_break_option` and `infected_coffee_break_option`. */
export const COFFEE_BREAK_OPTIONS = [
  "coffee_break_0",
  "coffee_break_1",
  "coffee_break_2",
  "coffee_break_3",
  "coffee_break_4",
] as const;

/** A value of a coffee-break option. */
export type CoffeeBreakOption = typeof COFFEE_BREAK_OPTIONS[number];

/** The number of coffee breaks of each option (reference `COFFEE_OPTIONS_INT`). */
export const COFFEE_BREAK_COUNTS: Readonly<Record<CoffeeBreakOption, number>> = Object.freeze({
  coffee_break_0: 0,
  coffee_break_1: 1,
  coffee_break_2: 2,
  coffee_break_3: 3,
  coffee_break_4: 4,
});

/** Values of `event_month` (reference `MONTH_NAMES`), January first; `MonthName` is one. */
export { MONTH_NAMES, type MonthName } from "../months.ts";

/**
 * Values of `exposure_option`. The reference does not check this field (anything but
 * `p_probabilistic_exposure` counts as deterministic); we accept only these two.
 */
export const EXPOSURE_OPTIONS = ["p_deterministic_exposure", "p_probabilistic_exposure"] as const;

/** A value of `exposure_option`. */
export type ExposureOption = typeof EXPOSURE_OPTIONS[number];

/** Values of `mask_wearing_option` (reference `MASK_WEARING_OPTIONS`). */
export const MASK_WEARING_OPTIONS = ["mask_on", "mask_off"] as const;

/** A value of `mask_wearing_option`. */
export type MaskWearingOption = typeof MASK_WEARING_OPTIONS[number];

/** Values of `mechanical_ventilation_type` (reference `MECHANICAL_VENTILATION_TYPES`). */
export const MECHANICAL_VENTILATION_TYPES = [
  "mech_type_air_changes",
  "mech_type_air_supply",
  "not-applicable",
] as const;

/** A value of `mechanical_ventilation_type`. */
export type MechanicalVentilationType = typeof MECHANICAL_VENTILATION_TYPES[number];

/**
 * Values of `short_range_option`. The reference does not check this field (anything but
 * `short_range_yes` counts as no); we accept only these two.
 */
export const SHORT_RANGE_OPTIONS = ["short_range_no", "short_range_yes"] as const;

/** A value of `short_range_option`. */
export type ShortRangeOption = typeof SHORT_RANGE_OPTIONS[number];

/** Values of `vaccine_type`: primary vaccination series (reference `VACCINE_TYPE`). */
export const VACCINE_TYPES = [
  "Ad26.COV2.S_(Janssen)",
  "Any_mRNA_-_heterologous",
  "AZD1222_(AstraZeneca)",
  "AZD1222_(AstraZeneca)_and_any_mRNA_-_heterologous",
  "AZD1222_(AstraZeneca)_and_BNT162b2_(Pfizer)",
  "BBIBP-CorV_(Beijing_CNBG)",
  "BNT162b2_(Pfizer)",
  "BNT162b2_(Pfizer)_and_mRNA-1273_(Moderna)",
  "CoronaVac_(Sinovac)",
  "CoronaVac_(Sinovac)_and_AZD1222_(AstraZeneca)",
  "Covishield",
  "mRNA-1273_(Moderna)",
  "Sputnik_V_(Gamaleya)",
  "CoronaVac_(Sinovac)_and_BNT162b2_(Pfizer)",
] as const;

/** A value of `vaccine_type`. */
export type VaccineType = typeof VACCINE_TYPES[number];

/** Values of `vaccine_booster_type` (reference `VACCINE_BOOSTER_TYPE`). */
export const VACCINE_BOOSTER_TYPES = [
  "AZD1222_(AstraZeneca)",
  "Ad26.COV2.S_(Janssen)",
  "BNT162b2_(Pfizer)",
  "BNT162b2_(Pfizer)_(4th_dose)",
  "BNT162b2_(Pfizer)_and_mRNA-1273_(Moderna)",
  "BNT162b2_(Pfizer)_or_mRNA-1273_(Moderna)",
  "BNT162b2_(Pfizer)_or_mRNA-1273_(Moderna)_(4th_dose)",
  "CoronaVac_(Sinovac)",
  "Coronavac_(Sinovac)",
  "Sinopharm",
  "mRNA-1273_(Moderna)",
  "mRNA-1273_(Moderna)_(4th_dose)",
  "Other",
] as const;

/** A value of `vaccine_booster_type`. */
export type VaccineBoosterType = typeof VACCINE_BOOSTER_TYPES[number];

/** Values of `ventilation_type` (reference `VENTILATION_TYPES`). */
export const VENTILATION_TYPES = [
  "from_fitting",
  "natural_ventilation",
  "mechanical_ventilation",
  "no_ventilation",
] as const;

/** A value of `ventilation_type`. */
export type VentilationType = typeof VENTILATION_TYPES[number];

/** Values of `volume_type` (reference `VOLUME_TYPES`). */
export const VOLUME_TYPES = ["room_volume_explicit", "room_volume_from_dimensions"] as const;

/** A value of `volume_type`. */
export type VolumeType = typeof VOLUME_TYPES[number];

/** Values of `window_opening_regime` (reference `WINDOWS_OPENING_REGIMES`). */
export const WINDOW_OPENING_REGIMES = [
  "windows_open_permanently",
  "windows_open_periodically",
  "not-applicable",
] as const;

/** A value of `window_opening_regime`. */
export type WindowOpeningRegime = typeof WINDOW_OPENING_REGIMES[number];

/** Values of `window_type` (reference `WINDOWS_TYPES`). */
export const WINDOW_TYPES = ["window_sliding", "window_hinged", "not-applicable"] as const;

/** A value of `window_type`. */
export type WindowType = typeof WINDOW_TYPES[number];
