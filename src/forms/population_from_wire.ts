/**
 * The population fields of a parsed wire form under their {@link PopulationForm} names
 * (shared by the virus and CO2 forms, whose population fields are the same schemas).
 *
 * @module
 */
import type { PopulationForm } from "./virus_form.ts";
import type { VirusFormWire } from "./virus_form_schema.ts";

/** The wire names of the population fields, as parsed. */
export type PopulationWire = Pick<
  VirusFormWire,
  | "total_people"
  | "infected_people"
  | "exposed_start"
  | "exposed_finish"
  | "exposed_lunch_option"
  | "exposed_lunch_start"
  | "exposed_lunch_finish"
  | "exposed_coffee_break_option"
  | "exposed_coffee_duration"
  | "infected_start"
  | "infected_finish"
  | "infected_lunch_option"
  | "infected_lunch_start"
  | "infected_lunch_finish"
  | "infected_coffee_break_option"
  | "infected_coffee_duration"
  | "infected_dont_have_breaks_with_exposed"
  | "occupancy"
  | "specific_breaks"
>;

/** Renames the parsed population fields. */
export function populationFromWire(w: PopulationWire): PopulationForm {
  return {
    totalPeople: w.total_people,
    infectedPeople: w.infected_people,
    exposedStart: w.exposed_start,
    exposedFinish: w.exposed_finish,
    exposedLunchOption: w.exposed_lunch_option,
    exposedLunchStart: w.exposed_lunch_start,
    exposedLunchFinish: w.exposed_lunch_finish,
    exposedCoffeeBreakOption: w.exposed_coffee_break_option,
    exposedCoffeeDuration: w.exposed_coffee_duration,
    infectedStart: w.infected_start,
    infectedFinish: w.infected_finish,
    infectedLunchOption: w.infected_lunch_option,
    infectedLunchStart: w.infected_lunch_start,
    infectedLunchFinish: w.infected_lunch_finish,
    infectedCoffeeBreakOption: w.infected_coffee_break_option,
    infectedCoffeeDuration: w.infected_coffee_duration,
    infectedDontHaveBreaksWithExposed: w.infected_dont_have_breaks_with_exposed,
    occupancy: w.occupancy,
    specificBreaks: w.specific_breaks,
  };
}
