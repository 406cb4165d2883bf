/**
 * Unit conversion factors shared by the model, the forms, the reports and the weather
 * data: one definition each, named `<unit>_PER_<unit>` (multiply a value in the second
 * unit to get it in the first).
 *
 * @module
 */

/** Seconds per hour. */
export const S_PER_H = 3600;
/** Seconds per minute. */
export const S_PER_MIN = 60;
/** Minutes per hour. */
export const MIN_PER_H = 60;
/** cm³ (mL) per m³. */
export const CM3_PER_M3 = 1e6;
/** Litres per m³. */
export const L_PER_M3 = 1000;
/** mL (cm³) per µm³. */
export const ML_PER_UM3 = 1e-12;
/** Degrees per radian (numpy's `rad2deg` factor, 180/π). */
export const DEG_PER_RAD = 180 / Math.PI;
/** Kelvin at 0 °C: T(K) = T(°C) + this. */
export const KELVIN_AT_0_CELSIUS = 273.15;
/** Parts per million per volume fraction. */
export const PPM_PER_FRACTION = 1e6;
