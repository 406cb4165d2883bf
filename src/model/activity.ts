/**
 * Physical activity: breathing rates.
 *
 * @module
 */
import type { Vec } from "./vec.ts";

/** Breathing rates of a physical activity (reference `Activity`). */
export interface Activity {
  /** Inhalation rate, m³/h. */
  readonly inhalationRate: Vec;
  /** Exhalation rate, m³/h. */
  readonly exhalationRate: Vec;
}

/** Fixed-value activities (the reference's `Activity.types`, used by its tests), m³/h. */
export const ACTIVITY_TYPES: Readonly<Record<string, Activity>> = Object.freeze({
  Seated: { inhalationRate: 0.51, exhalationRate: 0.51 },
  Standing: { inhalationRate: 0.57, exhalationRate: 0.57 },
  "Light activity": { inhalationRate: 1.25, exhalationRate: 1.25 },
  "Moderate activity": { inhalationRate: 1.78, exhalationRate: 1.78 },
  "Heavy exercise": { inhalationRate: 3.30, exhalationRate: 3.30 },
});
