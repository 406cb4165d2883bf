/**
 * The rules of the `/virus/report` form that involve more than one field (reference
 * `virus_validator.py` `VirusFormData.validate` and `form_validator.py`
 * `validate_population_parameters`, CAiMIRA 4.19.0), plus the checks that turn the
 * reference's crashes and nonsense results into clear errors.
 *
 * Every rule adds its issues and the next rule still runs, so one call reports all
 * independent problems; a rule skips what an earlier problem makes meaningless.
 *
 * @module
 */
import {
  boosterVaccineEffectiveness,
  VACCINE_BOOSTER_HOST_IMMUNITY,
} from "../registry/vaccines.ts";
import { describeValue, formatInterval, formatPath, oneOf } from "./_describe.ts";
import { ASCERTAINMENT_BIAS_FACTORS } from "./choices.ts";
import { type FormIssue, formIssue } from "./form_error.ts";
import { findOverlaps } from "./_overlaps.ts";
import { legacyPopulationIssues } from "./validate_population.ts";
import { inRange } from "./field_kinds.ts";
import { INSIDE_TEMPERATURE_K } from "./physical_ranges.ts";
import type { VirusFormRegistry } from "./virus_form_registry.ts";
import type { OccupancyGroup, ShortRangeGroup, TimeInterval, VirusForm } from "./virus_form.ts";

/** Collects issues: `add(field, problem, path?)`. */
type Add = (field: string, problem: string, path?: string) => void;

/**
 * Checks the rules between fields of a form whose fields are each valid.
 *
 * @param form The form, parsed field by field.
 * @param registry The registry whose activity presets and virus data apply.
 * @returns The issues found, empty when the form is valid.
 */
export function validateVirusForm(form: VirusForm, registry: VirusFormRegistry): FormIssue[] {
  const issues: FormIssue[] = [];
  const add: Add = (field, problem, path) => issues.push(formIssue(field, problem, path));

  checkActivity(form, registry, add);
  if (form.occupancy.length === 0) {
    issues.push(...legacyPopulationIssues(form));
  } else {
    checkDynamicOccupancy(form, add);
  }
  checkVentilation(form, add);
  checkRoom(form, add);
  checkSensors(form, add);
  checkVaccine(form, add);
  checkShortRange(form, add);
  checkProbabilisticExposure(form, registry, add);
  return issues;
}

// MARK: activity

function checkActivity(form: VirusForm, registry: VirusFormRegistry, add: Add): void {
  const presets = Object.keys(registry.populationScenarioActivity);
  if (!presets.includes(form.activityType)) {
    add(
      "activity_type",
      `expected ${oneOf(presets)} but found ${describeValue(form.activityType)}`,
    );
    return;
  }
  // Reference: "Conference/Training activities are limited to 1 infected."
  if (form.activityType === "training" && form.infectedPeople > 1) {
    add(
      "infected_people",
      `expected at most 1 infected person when activity_type is "training" ` +
        `(the speaker) but found ${form.infectedPeople}`,
    );
  }
  // The reference fails later (unpacking an empty tuple) without a precise activity.
  if (form.activityType === "precise" && form.preciseActivity === null) {
    add(
      "precise_activity",
      `expected the physical and respiratory activities when activity_type is "precise" ` +
        `but found an empty object`,
    );
  }
}

// MARK: dynamic occupancy

/** What the reference refuses (or cannot compute) with occupancy groups. */
function checkDynamicOccupancy(form: VirusForm, add: Add): void {
  // Reference: total_probability_rule raises "Cannot compute total probability
  // (including incidence rate) with dynamic occupancy".
  if (form.exposureOption === "p_probabilistic_exposure") {
    add(
      "exposure_option",
      `expected "p_deterministic_exposure" with occupancy groups (the probabilistic exposure ` +
        `is not available with dynamic occupancy) but found "p_probabilistic_exposure"`,
    );
  }
  // Reference: without any infected the infected's presence is empty and the model fails
  // on its first presence time (an IndexError); a small meeting also weighs Speaking 1 and
  // Breathing (most infected at once) - 1, which sum to 0.
  if (form.occupancy.every((g) => g.infected === 0)) {
    add(
      "occupancy",
      `expected at least one infected person in the occupancy groups (the model needs ` +
        `someone who emits while present) but found none`,
    );
  }
  // Reference: the model build fails with an AttributeError.
  if (form.shortRangeOption === "short_range_yes") {
    add(
      "short_range_option",
      `expected "short_range_no" with occupancy groups (short-range interactions are not ` +
        `available with dynamic occupancy) but found "short_range_yes"`,
    );
  }
}

// MARK: ventilation

function checkVentilation(form: VirusForm, add: Add): void {
  if (form.ventilationType === "natural_ventilation") {
    const when = `when ventilation_type is "natural_ventilation"`;
    if (form.windowType === "not-applicable") {
      add(
        "window_type",
        `expected "window_sliding" or "window_hinged" ${when} but found "not-applicable"`,
      );
    }
    if (form.windowOpeningRegime === "not-applicable") {
      add(
        "window_opening_regime",
        `expected "windows_open_permanently" or "windows_open_periodically" ${when} ` +
          `but found "not-applicable"`,
      );
    }
    // Not in the reference's API (its form requires them): without windows, a height or an
    // opening the windows let no air through, which is no ventilation said another way.
    if (form.windowsNumber < 1) {
      add("windows_number", `expected at least 1 window ${when} but found ${form.windowsNumber}`);
    }
    if (form.windowType === "window_hinged") checkHingedWindow(form, add);
    if (form.windowType === "window_sliding") {
      if (form.windowHeight <= 0) {
        add(
          "window_height",
          `expected a height > 0 m for sliding windows but found ${form.windowHeight}`,
        );
      }
      if (form.openingDistance <= 0) {
        add(
          "opening_distance",
          `expected an opening > 0 m for sliding windows but found ${form.openingDistance}`,
        );
      }
    }
    if (form.windowOpeningRegime === "windows_open_periodically") {
      if (form.windowsFrequency < MIN_WINDOWS_FREQUENCY) {
        // Not in the reference: a zero or tiny period would make the window schedule
        // empty or unbounded.
        add(
          "windows_frequency",
          `expected a period of at least ${MIN_WINDOWS_FREQUENCY} minute when windows open ` +
            `periodically but found ${form.windowsFrequency}`,
        );
      } else if (form.windowsDuration > form.windowsFrequency) {
        add(
          "windows_duration",
          `expected at most windows_frequency (${form.windowsFrequency} min) but found ` +
            `${form.windowsDuration}`,
        );
      }
    }
  }
  if (form.ventilationType === "mechanical_ventilation") checkMechanical(form, add);
  // Not in the reference's API (its form requires it): HEPA filtration of 0 m³/h is none.
  if (form.hepaOption && form.hepaAmount <= 0) {
    add(
      "hepa_amount",
      `expected a flow > 0 m³/h when hepa_option is on but found ${form.hepaAmount}`,
    );
  }
}

/**
 * Mechanical ventilation: its type, and a flow for that type (not in the reference's API,
 * whose form requires it: 0 is no ventilation, which `ventilation_type` says directly).
 */
function checkMechanical(form: VirusForm, add: Add): void {
  const none = `(for none, ventilation_type "no_ventilation")`;
  switch (form.mechanicalVentilationType) {
    case "not-applicable":
      add(
        "mechanical_ventilation_type",
        `expected "mech_type_air_changes" or "mech_type_air_supply" when ventilation_type is ` +
          `"mechanical_ventilation" but found "not-applicable"`,
      );
      break;
    case "mech_type_air_changes":
      if (form.airChanges <= 0) {
        add(
          "air_changes",
          `expected air changes > 0 h⁻¹ for "mech_type_air_changes" ${none} but found ` +
            `${form.airChanges}`,
        );
      }
      break;
    case "mech_type_air_supply":
      if (form.airSupply <= 0) {
        add(
          "air_supply",
          `expected an air supply > 0 m³/h for "mech_type_air_supply" ${none} but found ` +
            `${form.airSupply}`,
        );
      }
      break;
  }
}

/**
 * Hinged windows (reference `HingedWindow`): the width must be set (the reference means
 * to refuse 0 but its identity test never fires), and the discharge coefficient divides
 * by the height and takes arcsin(opening_distance / (2 × height)), which is NaN unless
 * 0 < opening_distance / 2 <= height.
 */
function checkHingedWindow(form: VirusForm, add: Add): void {
  const when = `for hinged windows`;
  if (form.windowWidth <= 0) {
    add("window_width", `expected a width > 0 m ${when} but found ${form.windowWidth}`);
  }
  if (form.openingDistance <= 0) {
    add("opening_distance", `expected an opening > 0 m ${when} but found ${form.openingDistance}`);
  }
  if (form.windowHeight <= 0) {
    add("window_height", `expected a height > 0 m ${when} but found ${form.windowHeight}`);
  } else if (form.openingDistance > 2 * form.windowHeight) {
    add(
      "opening_distance",
      `expected at most twice window_height (${2 * form.windowHeight} m) ${when} but found ` +
        `${form.openingDistance}`,
    );
  }
}

/** Shortest period of periodically opened windows, minutes. */
const MIN_WINDOWS_FREQUENCY = 1;

// MARK: room and sensors

/** A zero room volume divides by zero in the reference; require a positive one. */
function checkRoom(form: VirusForm, add: Add): void {
  if (form.volumeType === "room_volume_explicit") {
    if (form.roomVolume <= 0) {
      add(
        "room_volume",
        `expected a volume > 0 m³ when volume_type is "room_volume_explicit" but found ` +
          `${form.roomVolume}`,
      );
    }
    return;
  }
  const when = `when volume_type is "room_volume_from_dimensions"`;
  if (form.floorArea <= 0) {
    add("floor_area", `expected an area > 0 m² ${when} but found ${form.floorArea}`);
  }
  if (form.ceilingHeight <= 0) {
    add("ceiling_height", `expected a height > 0 m ${when} but found ${form.ceilingHeight}`);
  }
}

/** With sensors, the reference reads `float(humidity)` and `inside_temp`. */
function checkSensors(form: VirusForm, add: Add): void {
  if (!form.arveSensorsOption) return;
  if (form.humidity === null) {
    add(
      "humidity",
      `expected a relative humidity from 0 to 1 when arve_sensors_option is on but found ""`,
    );
  }
  if (!inRange(form.insideTemp, { ...INSIDE_TEMPERATURE_K, orZero: false })) {
    add(
      "inside_temp",
      `expected a temperature from ${INSIDE_TEMPERATURE_K.min} to ${INSIDE_TEMPERATURE_K.max} K ` +
        `when arve_sensors_option is on but found ${form.insideTemp}`,
    );
  }
}

// MARK: vaccination

/**
 * A booster other than "Other" must be in the booster table for the primary vaccine
 * (the reference takes `[...][0]` of the matching rows: an IndexError otherwise).
 */
function checkVaccine(form: VirusForm, add: Add): void {
  if (!form.vaccineOption || !form.vaccineBoosterOption) return;
  if (form.vaccineBoosterType === "Other") return;
  if (boosterVaccineEffectiveness(form.vaccineType, form.vaccineBoosterType) !== undefined) {
    return;
  }
  const boosters = VACCINE_BOOSTER_HOST_IMMUNITY
    .filter((r) => r.primarySeriesVaccine === form.vaccineType)
    .map((r) => r.boosterVaccine);
  const listed = boosters.length === 0
    ? `"Other" (there are no booster data for the primary vaccine "${form.vaccineType}")`
    : `a booster with data for the primary vaccine "${form.vaccineType}" (${
      oneOf([...boosters, "Other"])
    })`;
  add("vaccine_booster_type", `expected ${listed} but found "${form.vaccineBoosterType}"`);
}

// MARK: short-range interactions

function checkShortRange(form: VirusForm, add: Add): void {
  checkShortRangeOccupants(form, add);
  if (form.shortRangeOption !== "short_range_yes") return;
  const groups = form.shortRangeInteractions;
  if (groups.length === 0) {
    add(
      "short_range_interactions",
      `expected at least one group of interactions when short_range_option is ` +
        `"short_range_yes" but found an empty object`,
    );
    return;
  }
  const dynamic = form.occupancy.length > 0;
  const maxGroups = dynamic ? form.occupancy.length : 1;
  if (groups.length > maxGroups) {
    const source = dynamic ? "the number of occupancy groups" : "without occupancy groups";
    add(
      "short_range_interactions",
      `expected at most ${maxGroups} ${maxGroups === 1 ? "group" : "groups"} (${source}) ` +
        `but found ${groups.length}`,
    );
  }
  const byId = new Map(form.occupancy.map((g) => [g.id, g]));
  for (const group of groups) {
    if (dynamic) checkGroupInteractions(group, byId, add);
    else checkLegacyInteractions(group, form, add);
  }
}

/** The exposed who can have short-range interactions: reference `max_occupants_for_sr`. */
function checkShortRangeOccupants(form: VirusForm, add: Add): void {
  let exposed: number;
  if (form.occupancy.length === 0) {
    if (form.infectedPeople >= form.totalPeople) return; // reported already
    exposed = form.totalPeople - form.infectedPeople;
  } else {
    exposed = form.occupancy.reduce((max, g) => Math.max(max, g.totalPeople - g.infected), 0);
  }
  if (form.shortRangeOccupants > exposed) {
    add(
      "short_range_occupants",
      `expected at most the ${exposed} exposed ${exposed === 1 ? "person" : "people"} ` +
        `but found ${form.shortRangeOccupants}`,
    );
  }
}

/** The interval of an interaction, minutes since midnight. */
function interactionInterval(i: { start: number; duration: number }): TimeInterval {
  return { start: i.start, finish: i.start + i.duration };
}

/**
 * Each interaction inside `[min(starts), max(finishes)]` of the two populations, ends
 * included, and not overlapping another (reference; compared in whole minutes rather
 * than float hours, so an interaction ending exactly at the finish is always inside).
 */
function checkLegacyInteractions(group: ShortRangeGroup, form: VirusForm, add: Add): void {
  const window = {
    start: Math.min(form.infectedStart, form.exposedStart),
    finish: Math.max(form.infectedFinish, form.exposedFinish),
  };
  checkInteractions(group, [window], "the simulation time", add);
}

/** Each interaction inside one presence interval of its occupancy group. */
function checkGroupInteractions(
  group: ShortRangeGroup,
  groups: ReadonlyMap<string, OccupancyGroup>,
  add: Add,
): void {
  const target = groups.get(group.groupId);
  if (target === undefined) {
    add(
      "short_range_interactions",
      `expected the id of an occupancy group (${oneOf([...groups.keys()])}) ` +
        `but found ${JSON.stringify(group.groupId)}`,
      formatPath(["short_range_interactions", group.groupId]),
    );
    return;
  }
  checkInteractions(group, target.presence, `a presence interval of its group`, add);
}

/**
 * Each interaction of a group inside one of `windows` (non-overlapping intervals), and
 * the interactions that are inside not overlapping each other.
 */
function checkInteractions(
  group: ShortRangeGroup,
  windows: readonly TimeInterval[],
  windowName: string,
  add: Add,
): void {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const path = (i: number) => formatPath(["short_range_interactions", group.groupId, i]);
  const inside: { index: number; interval: TimeInterval }[] = [];
  group.interactions.forEach((interaction, index) => {
    const iv = interactionInterval(interaction);
    const w = sorted[lastStartingBy(sorted, iv.start)];
    if (w !== undefined && iv.finish <= w.finish) {
      inside.push({ index, interval: iv });
      return;
    }
    const within = windows.map((x) => formatInterval(x.start, x.finish)).join(", ");
    add(
      "short_range_interactions",
      `expected an interaction within ${windowName} (${within}) but found ${
        formatInterval(iv.start, iv.finish)
      }`,
      path(index),
    );
  });
  for (const { index, other } of findOverlaps(inside.map((x) => x.interval))) {
    const a = inside[index].interval;
    const b = inside[other].interval;
    add(
      "short_range_interactions",
      `expected interactions that do not overlap but found ${formatInterval(a.start, a.finish)}, ` +
        `which overlaps [${inside[other].index}] (${formatInterval(b.start, b.finish)})`,
      path(inside[index].index),
    );
  }
}

/** Index of the last interval of `sorted` (by start) that starts at or before `t`, or -1. */
function lastStartingBy(sorted: readonly TimeInterval[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// MARK: probabilistic exposure

/**
 * The probability that a random inhabitant is infected, cases × infectious days ×
 * ascertainment factor / population (reference `Cases.probability_random_individual`),
 * must not exceed 1: above it the reference's binomial probabilities are NaN.
 */
function checkProbabilisticExposure(form: VirusForm, registry: VirusFormRegistry, add: Add): void {
  if (form.exposureOption !== "p_probabilistic_exposure" || form.occupancy.length > 0) return;
  if (form.geographicPopulation === 0) {
    // Not in the reference's API (it answers a probability of 0): an area without
    // inhabitants is a field left empty. No cases is a possible answer, and gives 0.
    add(
      "geographic_population",
      `expected the inhabitants of the area (> 0) when exposure_option is ` +
        `"p_probabilistic_exposure" but found 0`,
    );
    return;
  }
  if (form.geographicCases === 0) return; // reference: a probability of 0
  const days = registry.virologicalData.virusDistributions[form.virusType].infectiousnessDays;
  const factor = ASCERTAINMENT_BIAS_FACTORS[form.ascertainmentBias];
  const probability = form.geographicCases * days * factor / form.geographicPopulation;
  if (probability <= 1) return;
  const maxCases = Math.floor(form.geographicPopulation / (days * factor));
  add(
    "geographic_cases",
    `expected at most ${maxCases} weekly cases for ${form.geographicPopulation} inhabitants ` +
      `(cases × ${days} infectious days × ${factor} for ${form.ascertainmentBias} must not ` +
      `exceed the population) but found ${form.geographicCases}`,
  );
}
