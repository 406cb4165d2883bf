/**
 * The parsed and validated `/virus/report` form.
 *
 * Conventions (shared by every type in this file):
 * - Field names are the wire names in camelCase; each field's doc gives its wire name.
 * - Times of day are **minutes since midnight** (integers 0–1439), like the reference's
 *   `minutes_since_midnight`. Durations are minutes. Only `co2FittingResult` holds hours.
 * - Choice fields keep the wire spelling of their value.
 *
 * @module
 */
import type { ActivityName, ExpirationName, MaskName, VirusName } from "../registry/defaults.ts";
import type {
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

/** A time interval of one day. */
export interface TimeInterval {
  /** Start, minutes since midnight (wire `start_time`, `"HH:MM"`). */
  readonly start: number;
  /** Finish, minutes since midnight, after `start` (wire `finish_time`, `"HH:MM"`). */
  readonly finish: number;
}

/** One group of a dynamic occupancy (one entry of the wire `occupancy` object). */
export interface OccupancyGroup {
  /** Group identifier: the key of the entry (also the key of its results). */
  readonly id: string;
  /** People in the group, infected included, integer >= 0 (wire `total_people`). */
  readonly totalPeople: number;
  /** Infected people in the group, integer, 0 <= infected <= totalPeople (wire `infected`). */
  readonly infected: number;
  /**
   * When the group is in the room: at least one interval, not overlapping each other
   * (wire `presence`, in the order given).
   */
  readonly presence: readonly TimeInterval[];
}

/** One short-range (face-to-face) interaction with the infected person. */
export interface ShortRangeInteraction {
  /** Expiratory activity of the infected person (wire `expiration`). */
  readonly expiration: ExpirationName;
  /** Start, minutes since midnight (wire `start_time`, `"HH:MM"`). */
  readonly start: number;
  /** Duration, minutes >= 0 (wire `duration`). */
  readonly duration: number;
}

/** The short-range interactions of one exposed group (one entry of `short_range_interactions`). */
export interface ShortRangeGroup {
  /**
   * The key of the entry: an occupancy group id, or any single name (the reference's UI
   * uses `group_1`) without dynamic occupancy.
   */
  readonly groupId: string;
  /** At least one interaction, in the order given, not overlapping each other. */
  readonly interactions: readonly ShortRangeInteraction[];
}

/** A share of one expiratory activity in a precise activity. */
export interface RespiratoryActivityShare {
  /** The expiratory activity (wire `type`). */
  readonly type: ExpirationName;
  /** Share of the time, percent 0–100 (wire `percentage`); the shares sum to 100. */
  readonly percentage: number;
}

/** The wire `precise_activity` object, used when `activity_type` is `precise`. */
export interface PreciseActivity {
  /** Activity level of everyone in the room (wire `physical_activity`). */
  readonly physicalActivity: ActivityName;
  /**
   * Expiratory activities of the infected, each at most once, percentages summing to
   * exactly 100 (wire `respiratory_activity`).
   */
  readonly respiratoryActivity: readonly RespiratoryActivityShare[];
}

/** The wire `specific_breaks` object: breaks given explicitly instead of lunch and coffee. */
export interface SpecificBreaks {
  /**
   * Breaks of the exposed (wire `exposed_breaks`). Without dynamic occupancy each lies
   * strictly inside the exposed presence and they do not touch or overlap.
   */
  readonly exposedBreaks: readonly TimeInterval[];
  /**
   * Breaks of the infected (wire `infected_breaks`). Kept for completeness only: as in
   * the reference, the infected take the exposed breaks (see `api-contract.md`).
   */
  readonly infectedBreaks: readonly TimeInterval[];
}

/** The ventilation found by a CO2 fit (wire `CO2_fitting_result`). */
export interface Co2FittingResult {
  /** Times at which the ventilation changes, hours, at least two, increasing (wire `transition_times`). */
  readonly transitionTimes: readonly number[];
  /**
   * Air exchange rate in each interval between consecutive transition times, h⁻¹ >= 0;
   * at least `transitionTimes.length - 1` values, extra values are ignored as in the
   * reference (wire `ventilation_values`).
   */
  readonly ventilationValues: readonly number[];
}

/** The fields that describe who is in the room and when (shared by the virus and CO2 forms). */
export type PopulationFormField =
  | "totalPeople"
  | "infectedPeople"
  | "exposedStart"
  | "exposedFinish"
  | "exposedLunchOption"
  | "exposedLunchStart"
  | "exposedLunchFinish"
  | "exposedCoffeeBreakOption"
  | "exposedCoffeeDuration"
  | "infectedStart"
  | "infectedFinish"
  | "infectedLunchOption"
  | "infectedLunchStart"
  | "infectedLunchFinish"
  | "infectedCoffeeBreakOption"
  | "infectedCoffeeDuration"
  | "infectedDontHaveBreaksWithExposed"
  | "occupancy"
  | "specificBreaks";

/**
 * The population part of a form: the legacy single-group fields (presence, lunch and
 * coffee breaks, specific breaks) or the dynamic occupancy groups. See {@link VirusForm}
 * for each field.
 */
export type PopulationForm = Pick<VirusForm, PopulationFormField>;

/**
 * The `/virus/report` form, parsed and validated by `parseVirusForm`. Every field is
 * present (defaults filled in). See the module doc for units and naming.
 * @example Usage
 * ```ts
 * import { parseVirusForm, type VirusForm } from "./mod.ts";
 * const body = {
 *   simulation_name: "Office",
 *   room_number: "123",
 *   calculator_version: "N/A",
 *   location_name: "Geneva",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 *   inside_temp: "293.",
 *   room_volume: "75",
 *   volume_type: "room_volume_explicit",
 *   total_people: "10",
 *   infected_people: "1",
 *   ventilation_type: "no_ventilation",
 * };
 * const form: VirusForm = parseVirusForm(body);
 * if (form.roomVolume !== 75) throw new Error("m³");
 * ```
 */
export interface VirusForm {
  /**
   * Activity preset: a key of the registry's `populationScenarioActivity`, e.g.
   * `office`, `training`, `precise` (wire `activity_type`).
   */
  readonly activityType: string;
  /** Air changes of mechanical ventilation, h⁻¹ >= 0 (wire `air_changes`). */
  readonly airChanges: number;
  /** Air supply of mechanical ventilation, m³/h >= 0 (wire `air_supply`). */
  readonly airSupply: number;
  /** Whether humidity and inside temperature come from a sensor (wire `arve_sensors_option`). */
  readonly arveSensorsOption: boolean;
  /** Reported cases vs real infections (wire `ascertainment_bias`). */
  readonly ascertainmentBias: AscertainmentBias;
  /** Free text, e.g. `N/A` (wire `calculator_version`, required). */
  readonly calculatorVersion: string;
  /** Ceiling height, m >= 0 (wire `ceiling_height`). */
  readonly ceilingHeight: number;
  /**
   * The CO2 fit when `ventilationType` is `from_fitting`, else null (wire
   * `CO2_fitting_result`; its other keys are dropped).
   */
  readonly co2FittingResult: Co2FittingResult | null;
  /** Whether to compute P(I) conditional on viral load (wire `conditional_probability_viral_loads`). */
  readonly conditionalProbabilityViralLoads: boolean;
  /** Month of the event (wire `event_month`). */
  readonly eventMonth: MonthName;
  /** Number of coffee breaks of the exposed (wire `exposed_coffee_break_option`). */
  readonly exposedCoffeeBreakOption: CoffeeBreakOption;
  /** Length of each coffee break of the exposed, minutes, integer >= 0 (wire `exposed_coffee_duration`). */
  readonly exposedCoffeeDuration: number;
  /** Departure of the exposed, minutes since midnight (wire `exposed_finish`). */
  readonly exposedFinish: number;
  /** End of the exposed lunch, minutes since midnight (wire `exposed_lunch_finish`). */
  readonly exposedLunchFinish: number;
  /** Whether the exposed take a lunch break; false when omitted (wire `exposed_lunch_option`). */
  readonly exposedLunchOption: boolean;
  /** Start of the exposed lunch, minutes since midnight (wire `exposed_lunch_start`). */
  readonly exposedLunchStart: number;
  /** Arrival of the exposed, minutes since midnight (wire `exposed_start`). */
  readonly exposedStart: number;
  /** Deterministic, or probabilistic using the local incidence (wire `exposure_option`). */
  readonly exposureOption: ExposureOption;
  /** Floor area, m² >= 0 (wire `floor_area`). */
  readonly floorArea: number;
  /** Weekly new cases at the location, integer >= 0 (wire `geographic_cases`). */
  readonly geographicCases: number;
  /** Inhabitants of the location, integer >= 0 (wire `geographic_population`). */
  readonly geographicPopulation: number;
  /** HEPA filter flow, m³/h >= 0 (wire `hepa_amount`). */
  readonly hepaAmount: number;
  /** Whether a HEPA filter runs (wire `hepa_option`). */
  readonly hepaOption: boolean;
  /**
   * Relative humidity from a sensor, fraction 0–1, or null when not given (wire
   * `humidity`, `""` by default); required when `arveSensorsOption` is true.
   */
  readonly humidity: number | null;
  /** Number of coffee breaks of the infected (wire `infected_coffee_break_option`). */
  readonly infectedCoffeeBreakOption: CoffeeBreakOption;
  /** Length of each coffee break of the infected, minutes, integer >= 0 (wire `infected_coffee_duration`). */
  readonly infectedCoffeeDuration: number;
  /**
   * Whether the infected have their own lunch and coffee breaks (wire
   * `infected_dont_have_breaks_with_exposed`); otherwise they take the exposed breaks.
   */
  readonly infectedDontHaveBreaksWithExposed: boolean;
  /** Departure of the infected, minutes since midnight (wire `infected_finish`). */
  readonly infectedFinish: number;
  /** End of the infected lunch, minutes since midnight (wire `infected_lunch_finish`). */
  readonly infectedLunchFinish: number;
  /** Whether the infected take a lunch break; false when omitted (wire `infected_lunch_option`). */
  readonly infectedLunchOption: boolean;
  /** Start of the infected lunch, minutes since midnight (wire `infected_lunch_start`). */
  readonly infectedLunchStart: number;
  /** Infected people without dynamic occupancy, integer >= 0 (wire `infected_people`). */
  readonly infectedPeople: number;
  /** Arrival of the infected, minutes since midnight (wire `infected_start`). */
  readonly infectedStart: number;
  /**
   * Inside temperature from a sensor, K (wire `inside_temp`, required); > 0 when
   * `arveSensorsOption` is true, otherwise unused (the registry's value applies).
   */
  readonly insideTemp: number;
  /** Latitude of the location, degrees −90–90 (wire `location_latitude`, required). */
  readonly locationLatitude: number;
  /** Longitude of the location, degrees −180–180 (wire `location_longitude`, required). */
  readonly locationLongitude: number;
  /** Name of the location, display only (wire `location_name`, required). */
  readonly locationName: string;
  /** Mask type worn when `maskWearingOption` is `mask_on` (wire `mask_type`). */
  readonly maskType: MaskName;
  /** Whether masks are worn (wire `mask_wearing_option`). */
  readonly maskWearingOption: MaskWearingOption;
  /** Kind of mechanical ventilation (wire `mechanical_ventilation_type`). */
  readonly mechanicalVentilationType: MechanicalVentilationType;
  /**
   * Dynamic occupancy groups in the order given; empty for the legacy single group
   * described by the timing and break fields (wire `occupancy`).
   */
  readonly occupancy: readonly OccupancyGroup[];
  /** Opening distance of the windows, m >= 0 (wire `opening_distance`). */
  readonly openingDistance: number;
  /** The precise activity, or null when not given (wire `precise_activity`, `{}`). */
  readonly preciseActivity: PreciseActivity | null;
  /** Whether the room is heated (lower humidity) (wire `room_heating_option`). */
  readonly roomHeatingOption: boolean;
  /** Room name, display only (wire `room_number`, required). */
  readonly roomNumber: string;
  /** Room volume, m³ >= 0, used when `volumeType` is `room_volume_explicit` (wire `room_volume`). */
  readonly roomVolume: number;
  /** Sensor identifier, UI only (wire `sensor_in_use`). */
  readonly sensorInUse: string;
  /**
   * Short-range interactions by group, in the order given, when `shortRangeOption` is
   * `short_range_yes`; empty otherwise (wire `short_range_interactions`).
   */
  readonly shortRangeInteractions: readonly ShortRangeGroup[];
  /** Exposed people who have the short-range interactions, integer >= 0 (wire `short_range_occupants`). */
  readonly shortRangeOccupants: number;
  /** Whether there are short-range interactions (wire `short_range_option`). */
  readonly shortRangeOption: ShortRangeOption;
  /** Name of the simulation, display only (wire `simulation_name`, required). */
  readonly simulationName: string;
  /**
   * Explicit breaks that replace the lunch and coffee breaks, or null when not given
   * (wire `specific_breaks`, `{}`).
   */
  readonly specificBreaks: SpecificBreaks | null;
  /** People without dynamic occupancy, infected included, integer >= 0 (wire `total_people`, required). */
  readonly totalPeople: number;
  /** Whether the exposed had a booster (wire `vaccine_booster_option`). */
  readonly vaccineBoosterOption: boolean;
  /** Booster vaccine (wire `vaccine_booster_type`). */
  readonly vaccineBoosterType: VaccineBoosterType;
  /** Whether the exposed are vaccinated (wire `vaccine_option`). */
  readonly vaccineOption: boolean;
  /** Primary vaccination series (wire `vaccine_type`). */
  readonly vaccineType: VaccineType;
  /** Kind of ventilation (wire `ventilation_type`). */
  readonly ventilationType: VentilationType;
  /** Virus variant (wire `virus_type`). */
  readonly virusType: VirusName;
  /** How the room volume is given (wire `volume_type`, required). */
  readonly volumeType: VolumeType;
  /** Window height, m >= 0 (wire `window_height`). */
  readonly windowHeight: number;
  /** When the windows are open (wire `window_opening_regime`). */
  readonly windowOpeningRegime: WindowOpeningRegime;
  /** Kind of window (wire `window_type`). */
  readonly windowType: WindowType;
  /** Window width (hinged windows), m >= 0 (wire `window_width`). */
  readonly windowWidth: number;
  /** How long the windows stay open each period, minutes >= 0 (wire `windows_duration`). */
  readonly windowsDuration: number;
  /** Period of the window opening, minutes >= 0 (wire `windows_frequency`). */
  readonly windowsFrequency: number;
  /** Number of windows, integer >= 0 (wire `windows_number`). */
  readonly windowsNumber: number;
  /**
   * 24 hourly outdoor temperatures, °C, in local time of the location (index i = hour
   * i), each −90–60 °C; absent when not given (wire `outdoor_temperatures`, optional).
   */
  readonly outdoorTemperatures?: readonly number[];
}
