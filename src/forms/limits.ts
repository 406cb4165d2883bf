/**
 * The bounds on one request's work: every count that multiplies a report's time or
 * memory is capped, so that every accepted request finishes well within the server's
 * time limit with bounded memory. Chosen from measurements on a 2-core machine
 * (N = 250,000 samples, one thread; README "Limits"):
 * - each occupancy group adds ~50 ms and ~10 MB (20 groups: 1.0 s, 330 MB peak);
 * - each short-range interaction adds ~55 ms and ~8 MB (20: 1.2 s, 300 MB);
 * - presence intervals and breaks are cheap (100 per group: +20 ms);
 * - the CO2 fit's search stops after 1,000 × parameters (intervals + 1) evaluations of the
 *   model, each about 20–25 ns per reading plus 0.5 µs per interval, so its worst case is
 *   about 1,000 × parameters × (readings × 25 ns + intervals × 0.5 µs): at most 50
 *   intervals and 200,000 readings × intervals give 2–7 s (2026-12-08: 1,980 readings ×
 *   100 intervals took 9.6 s and 10,000 × 50 12–18 s, both refused now);
 * - the least-squares fit (`fit_method=least_squares`) stops after 500 steps, each about
 *   readings × (parameters × 25 ns + parameters² × 0.5 ns), within the same bounds at most
 *   about 5 s (5,000 readings × 100 intervals of noise took 175 s before its sums were
 *   written as loops, 14 s after; 4,000 × 50 now takes 0.6 s).
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

/** Ventilation intervals fitted at once (`fitting_ventilation_states`, the last reading added). */
export const MAX_FITTED_INTERVALS = 50;

/** Readings × ventilation intervals of one CO2 fit (`CO2_data` × `fitting_ventilation_states`). */
export const MAX_CO2_FIT_WORK = 200_000;
