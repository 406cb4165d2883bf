/**
 * The population rules of a form without occupancy groups (reference
 * `form_validator.py` `validate_population_parameters`, and the break placement checks
 * of `present_interval`, which the reference only meets, and fails, when it builds the
 * model). Shared by the virus and CO2 forms.
 *
 * @module
 */
import { formatInterval, formatTime } from "./_describe.ts";
import { breakConflict, breakSettings, breakTimes, type Population } from "./break_times.ts";
import { type FormIssue, formIssue } from "./form_error.ts";
import type { PopulationForm } from "./virus_form.ts";

/** Collects issues: `add(field, problem, path?)`. */
type Add = (field: string, problem: string, path?: string) => void;

/** Quoted `"HH:MM"` of a time, as the user wrote it. */
function quotedTime(minutes: number): string {
  return JSON.stringify(formatTime(minutes));
}

/**
 * Checks the legacy population fields (no occupancy groups): infected fewer than the
 * total, presence, lunch and coffee breaks of both populations, specific breaks.
 *
 * @param form The form's population fields.
 * @returns The issues found, empty when they are valid.
 */
export function legacyPopulationIssues(form: PopulationForm): FormIssue[] {
  const issues: FormIssue[] = [];
  const add: Add = (field, problem, path) => issues.push(formIssue(field, problem, path));
  checkLegacyPopulation(form, add);
  checkSpecificBreaks(form, add);
  return issues;
}

/**
 * Reference `validate_population_parameters` without occupancy groups, plus the break
 * placement checks of `present_interval` (which the reference only meets, and fails,
 * when it builds the model).
 */
function checkLegacyPopulation(form: PopulationForm, add: Add): void {
  if (form.infectedPeople >= form.totalPeople) {
    add(
      "infected_people",
      `expected fewer infected people than total_people (${form.totalPeople}) ` +
        `but found ${form.infectedPeople}`,
    );
  }
  checkPopulationTimes(form, "exposed", add);
  checkPopulationTimes(form, "infected", add);
}

function checkPopulationTimes(form: PopulationForm, population: Population, add: Add): void {
  const s = breakSettings(form, population);
  const p = population;
  if (s.start > s.finish) {
    add(
      `${p}_finish`,
      `expected a time not before ${p}_start (${formatTime(s.start)}) but found ${
        quotedTime(s.finish)
      }`,
    );
    return;
  }
  // The infected's own break fields count only when they do not take the exposed breaks.
  if (p === "infected" && !form.infectedDontHaveBreaksWithExposed) return;

  if (s.lunchOption) {
    if (s.lunchStart >= s.lunchFinish) {
      // The reference accepts an empty lunch here, then fails: "Break ends before it begins".
      add(
        `${p}_lunch_finish`,
        `expected a time after ${p}_lunch_start (${formatTime(s.lunchStart)}) but found ${
          quotedTime(s.lunchFinish)
        }`,
      );
      return;
    }
    if (!(s.start <= s.lunchStart && s.lunchFinish <= s.finish)) {
      add(
        `${p}_lunch_start`,
        `expected a lunch break within the ${p} presence (${formatInterval(s.start, s.finish)}) ` +
          `but found ${formatInterval(s.lunchStart, s.lunchFinish)}`,
      );
      return;
    }
  }

  const presence = s.finish - s.start;
  if (presence === 0) {
    // The reference reports "Length of breaks >= Length of presence" here.
    add(
      `${p}_finish`,
      `expected a time after ${p}_start (${formatTime(s.start)}) but found ${quotedTime(s.finish)}`,
    );
    return;
  }
  const lunch = s.lunchOption ? s.lunchFinish - s.lunchStart : 0;
  const coffee = s.coffeeBreaks * s.coffeeDuration;
  if (lunch + coffee >= presence) {
    add(
      coffee > 0 ? `${p}_coffee_break_option` : `${p}_lunch_start`,
      `expected breaks shorter than the ${p} presence (${presence} min) but found ` +
        `${lunch} min of lunch and ${s.coffeeBreaks} coffee breaks of ${s.coffeeDuration} min`,
    );
    return;
  }
  if (s.coffeeBreaks > 0 && s.coffeeDuration === 0) {
    add(
      `${p}_coffee_duration`,
      `expected a duration > 0 for ${s.coffeeBreaks} coffee breaks but found 0`,
    );
    return;
  }
  const breaks = breakTimes(s);
  const conflict = breaks && breakConflict(breaks);
  if (conflict?.kind === "overlap") {
    add(
      `${p}_coffee_break_option`,
      `expected ${s.coffeeBreaks} coffee breaks of ${s.coffeeDuration} min that fit between ` +
        `the other breaks but found the breaks ${
          formatInterval(conflict.first.start, conflict.first.finish)
        } and ${formatInterval(conflict.second.start, conflict.second.finish)} touching or ` +
        `overlapping`,
    );
  }
}

/**
 * Explicit breaks without occupancy groups: each exposed break strictly inside the
 * exposed presence (reference `generate_specific_break_times`, which the infected use
 * too) and no two touching or overlapping (reference `present_interval`).
 */
function checkSpecificBreaks(form: PopulationForm, add: Add): void {
  const breaks = form.specificBreaks?.exposedBreaks;
  if (!breaks || form.exposedStart > form.exposedFinish) return;
  const presence = formatInterval(form.exposedStart, form.exposedFinish);
  let inside = true;
  breaks.forEach((b, i) => {
    const within = (t: number) => form.exposedStart < t && t < form.exposedFinish;
    if (within(b.start) && within(b.finish)) return;
    inside = false;
    add(
      "specific_breaks",
      `expected a break strictly inside the exposed presence (${presence}) but found ${
        formatInterval(b.start, b.finish)
      }`,
      `specific_breaks.exposed_breaks[${i}]`,
    );
  });
  if (!inside) return;
  const conflict = breakConflict(breaks);
  if (conflict?.kind === "overlap") {
    add(
      "specific_breaks",
      `expected breaks that neither touch nor overlap but found ${
        formatInterval(conflict.first.start, conflict.first.finish)
      } and ${formatInterval(conflict.second.start, conflict.second.finish)}`,
      "specific_breaks.exposed_breaks",
    );
  }
}
