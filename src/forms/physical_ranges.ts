/**
 * The physical ranges of the forms' quantities (internal): the values a real room or
 * event can have, generous enough for any use of the calculator, narrow enough that
 * every accepted value gives finite results. Each range says why.
 *
 * @module
 */
import type { PhysicalRange } from "./form_field.ts";

/** Largest number of people in one room or group (a stadium's crowd). */
export const MAX_PEOPLE = 100_000;

/** People counts. */
export const PEOPLE: PhysicalRange = Object.freeze({
  min: 0,
  max: MAX_PEOPLE,
  why: "up to a stadium's crowd",
});

/** Room volume, m³ (0: not given, when the volume comes from the dimensions). */
export const ROOM_VOLUME_M3: PhysicalRange = Object.freeze({
  min: 1,
  max: 1e6,
  orZero: true,
  why: "from a 1 m³ booth to an arena (1,000,000 m³)",
});

/** Floor area, m² (0: not given). */
export const FLOOR_AREA_M2: PhysicalRange = Object.freeze({
  min: 0.5,
  max: 1e5,
  orZero: true,
  why: "from a booth to a 10-hectare hall",
});

/** Ceiling height, m (0: not given). */
export const CEILING_HEIGHT_M: PhysicalRange = Object.freeze({
  min: 1,
  max: 100,
  orZero: true,
  why: "from a crawl space to a cathedral nave",
});

/** Window height or width, m (0: not given, without natural ventilation). */
export const WINDOW_SIZE_M: PhysicalRange = Object.freeze({
  min: 0.01,
  max: 50,
  orZero: true,
  why: "from a 1 cm slot to a glass façade",
});

/** Opening distance of a window, m (0: not given). */
export const OPENING_DISTANCE_M: PhysicalRange = Object.freeze({
  min: 0.001,
  max: 10,
  orZero: true,
  why: "from a 1 mm gap to a 10 m sliding panel",
});

/** Mechanical air changes, h⁻¹. */
export const AIR_CHANGES_PER_H: PhysicalRange = Object.freeze({
  min: 0,
  max: 1000,
  why: "from none to above the hundreds of air changes of a cleanroom",
});

/** Air supply or HEPA flow, m³/h. */
export const AIR_FLOW_M3_PER_H: PhysicalRange = Object.freeze({
  min: 0,
  max: 1e7,
  why: "from none to 10 air changes per hour of the largest room",
});

/** Number of windows. */
export const WINDOWS: PhysicalRange = Object.freeze({
  min: 0,
  max: 1000,
  why: "up to a façade of windows",
});

/** Durations and periods within a day, minutes. */
export const DAY_MINUTES: PhysicalRange = Object.freeze({
  min: 0,
  max: 1440,
  why: "at most one day",
});

/** Inside temperature, K (0: not given, without sensors). */
export const INSIDE_TEMPERATURE_K: PhysicalRange = Object.freeze({
  min: 243.15,
  max: 333.15,
  orZero: true,
  why: "−30 °C (a cold store) to 60 °C (a sauna)",
});

/** Outdoor temperature, °C. */
export const OUTDOOR_TEMPERATURE_C: PhysicalRange = Object.freeze({
  min: -90,
  max: 60,
  why: "the coldest and hottest air temperatures recorded on Earth, rounded out",
});

/** Relative humidity, fraction. */
export const HUMIDITY_FRACTION: PhysicalRange = Object.freeze({
  min: 0,
  max: 1,
  why: "a fraction, 0 to 1",
});

/** Latitude, degrees. */
export const LATITUDE_DEG: PhysicalRange = Object.freeze({ min: -90, max: 90, why: "the globe" });

/** Longitude, degrees. */
export const LONGITUDE_DEG: PhysicalRange = Object.freeze({
  min: -180,
  max: 180,
  why: "the globe",
});

/** Weekly new cases at a location. */
export const WEEKLY_CASES: PhysicalRange = Object.freeze({
  min: 0,
  max: 1e10,
  why: "at most the world's population",
});

/** Inhabitants of a location. */
export const INHABITANTS: PhysicalRange = Object.freeze({
  min: 0,
  max: 1e10,
  why: "at most the world's population",
});

/**
 * A fitted air change rate, h⁻¹. Below 1e-9 h⁻¹ (one air change in 100,000 years) a
 * rate is no ventilation; send 0 (subnormal rates overflow the model to non-numbers).
 */
export const FITTED_AIR_CHANGES_PER_H: PhysicalRange = Object.freeze({
  min: 1e-9,
  max: 1000,
  orZero: true,
  why: "below 1e-9 h⁻¹ (one air change in 100,000 years) send 0; up to a cleanroom's rate",
});

/** A time of the event's day, hours. */
export const DAY_HOURS: PhysicalRange = Object.freeze({
  min: 0,
  max: 24,
  why: "a time of the event's day",
});

/** Times of CO2 readings and ventilation changes, hours. */
export const READING_HOURS: PhysicalRange = Object.freeze({
  min: 0,
  max: 1000,
  why: "about 41 days (the most readings accepted, 50,000, span 35 days at one a minute)",
});

/** A CO2 concentration, ppm. */
export const CO2_PPM: PhysicalRange = Object.freeze({
  min: 0,
  max: 100_000,
  why: "up to 10 % CO2, far above the 5,000 ppm workplace limit and any room sensor's scale",
});
