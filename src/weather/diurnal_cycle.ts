/**
 * Hourly temperatures of a mean day from the mean daily maximum and minimum: the
 * cosine diurnal cycle of Campbell (1985), peaking at 15:00 local solar time.
 *
 * @module
 */

/** Local solar hour of the daily maximum (Campbell 1985). */
export const PEAK_SOLAR_HOUR = 15;

/**
 * Temperature at a local solar hour of a mean day, °C:
 * `T(h) = (Tmax + Tmin) / 2 + (Tmax − Tmin) / 2 · cos(2π (h − 15) / 24)`, so the
 * maximum is at 15:00 and the minimum at 03:00 solar time (G. S. Campbell, "Soil
 * Physics with BASIC", Elsevier, 1985; the same curve as the SWAT model's hourly air
 * temperature, SWAT Theoretical Documentation 2009, eq. 1:3.5.2, whose 0.2618 is
 * 2π/24).
 *
 * @param tMaxC Mean daily maximum, °C.
 * @param tMinC Mean daily minimum, °C.
 * @param solarHour Local solar time, h (any real; the cycle repeats every 24 h).
 * @returns The temperature, °C.
 * @example Usage
 * ```ts
 * import { diurnalTemperature } from "./mod.ts";
 * if (diurnalTemperature(20, 10, 15) !== 20) throw new Error("max at 15:00");
 * if (Math.abs(diurnalTemperature(20, 10, 3) - 10) > 1e-12) throw new Error("min at 03:00");
 * ```
 */
export function diurnalTemperature(tMaxC: number, tMinC: number, solarHour: number): number {
  const mean = (tMaxC + tMinC) / 2;
  const amplitude = (tMaxC - tMinC) / 2;
  return mean + amplitude * Math.cos((2 * Math.PI * (solarHour - PEAK_SOLAR_HOUR)) / 24);
}

/**
 * The 24 temperatures of a mean day at UTC hours 0..23, °C, for a place at
 * `longitude`: UTC hour `h` is solar hour `h + longitude / 15` there (mean solar time;
 * the equation of time, at most ±16 minutes, is neglected).
 *
 * @param tMaxC Mean daily maximum, °C.
 * @param tMinC Mean daily minimum, °C.
 * @param longitude Longitude of the place, decimal degrees east.
 * @returns 24 temperatures, °C, index = UTC hour.
 * @example Usage
 * ```ts
 * import { utcHourlyFromDailyRange } from "./mod.ts";
 * // At 90° E, solar noon is at 06:00 UTC and the maximum (15:00 solar) at 09:00 UTC.
 * const day = utcHourlyFromDailyRange(30, 20, 90);
 * if (Math.max(...day) !== day[9]) throw new Error("bad");
 * ```
 */
export function utcHourlyFromDailyRange(tMaxC: number, tMinC: number, longitude: number): number[] {
  return Array.from(
    { length: 24 },
    (_, h) => diurnalTemperature(tMaxC, tMinC, h + longitude / 15),
  );
}
