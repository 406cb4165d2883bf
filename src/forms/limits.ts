/**
 * The bounds on one request's work: every count that multiplies a report's time or
 * memory is capped, so that every accepted request finishes well within the server's
 * time limit with bounded memory. Chosen from measurements on a 2-core machine
 * (N = 250,000 samples, one thread; README "Limits"):
 * - each occupancy group adds ~50 ms and ~10 MB (20 groups: 1.0 s, 330 MB peak);
 * - each short-range interaction adds ~55 ms and ~8 MB (20: 1.2 s, 300 MB);
 * - presence intervals and breaks are cheap (100 per group: +20 ms);
 * - the CO2 fit costs about readings × states^1.5: 150 readings × 100 states 1.9 s,
 *   50,000 × 10 7 s, 5,000 × 50 2.3 s (50,000 × 30: 38 s, refused).
 *
 * @module
 */

/** Occupancy groups in one virus form (`occupancy`). */
export const MAX_OCCUPANCY_GROUPS = 20;

/** Presence intervals of one occupancy group. */
export const MAX_PRESENCE_INTERVALS = 100;

/** Short-range interactions in one virus form, all groups together. */
export const MAX_SHORT_RANGE_INTERACTIONS = 20;

/** Breaks in each list of `specific_breaks`. */
export const MAX_SPECIFIC_BREAKS = 100;

/** Transition times of `CO2_fitting_result` (and `fitting_ventilation_states`). */
export const MAX_VENTILATION_TRANSITIONS = 101;

/** Readings × ventilation intervals of one CO2 fit (`CO2_data` × `fitting_ventilation_states`). */
export const MAX_CO2_FIT_WORK = 500_000;
