/**
 * A portfolio of made-up rooms for trying sweeps: varied volume, occupancy, activity,
 * virus variant, ventilation (none, mechanical air changes, or a HEPA filter), masks and
 * month, drawn from a seeded generator (numpy's MT19937 stream), located in Geneva and
 * needing no weather data.
 *
 * @module
 */
import { MASK_NAMES, VIRUS_NAMES } from "../registry/defaults.ts";
import { DEFAULT_REGISTRY } from "../registry/defaults.ts";
import { MONTH_NAMES } from "../forms/choices.ts";
import { createRng } from "../montecarlo/rng.ts";

/** Uniform draws consumed per room. */
const DRAWS_PER_ROOM = 10;

/**
 * Generates `count` forms of `POST /virus/report` (wire format: strings as the web form
 * sends them).
 *
 * @param count Number of rooms, ≥ 0.
 * @param seed Seed of the generator (the same seed gives the same rooms).
 * @returns The forms, each with an `id` control column (`room-0001`, ...).
 */
export function generateRooms(count: number, seed: number): Record<string, unknown>[] {
  const u = count === 0 ? new Float64Array() : createRng(seed).randomSample(count * DRAWS_PER_ROOM);
  // "precise" needs a precise_activity object: the presets only.
  const activities = Object.keys(DEFAULT_REGISTRY.populationScenarioActivity)
    .filter((a) => a !== "precise");
  const pick = <T>(values: readonly T[], x: number): T => values[Math.floor(x * values.length)];
  const rooms: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const x = u.subarray(i * DRAWS_PER_ROOM, (i + 1) * DRAWS_PER_ROOM);
    // Volume log-uniform in 20..1000 m³; 2..60 people, 1..3 of them infected.
    const volumeM3 = Math.round(20 * 50 ** x[0]);
    const people = 2 + Math.floor(x[1] * 59);
    const activity = pick(activities, x[5]);
    // "training" has one infected person at most (the trainer), as the form requires.
    const infected = activity === "training" ? 1 : Math.min(people - 1, 1 + Math.floor(x[2] * 3));
    const ventilation = pick(["none", "mechanical", "hepa"] as const, x[3]);
    const masks = x[4] < 0.5;
    rooms.push({
      id: `room-${String(i + 1).padStart(4, "0")}`,
      simulation_name: `generated room ${i + 1}`,
      room_number: String(i + 1),
      calculator_version: "sweep",
      location_name: "Geneva",
      location_latitude: 46.20833,
      location_longitude: 6.14275,
      inside_temp: "293.",
      volume_type: "room_volume_explicit",
      room_volume: String(volumeM3),
      total_people: String(people),
      infected_people: String(infected),
      activity_type: activity,
      virus_type: pick(VIRUS_NAMES, x[6]),
      event_month: pick(MONTH_NAMES, x[7]),
      ventilation_type: ventilation === "mechanical" ? "mechanical_ventilation" : "no_ventilation",
      // Mechanical: 0.5..10 air changes per hour.
      ...(ventilation === "mechanical"
        ? {
          mechanical_ventilation_type: "mech_type_air_changes",
          air_changes: (0.5 + 9.5 * x[8]).toFixed(1),
        }
        : {}),
      // HEPA filter: 100..1000 m³/h.
      ...(ventilation === "hepa"
        ? { hepa_option: "1", hepa_amount: String(Math.round(100 + 900 * x[8])) }
        : {}),
      mask_wearing_option: masks ? "mask_on" : "mask_off",
      ...(masks ? { mask_type: pick(MASK_NAMES, x[9]) } : {}),
    });
  }
  return rooms;
}
