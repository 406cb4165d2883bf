/**
 * The outdoor temperature over a day, in local time, for natural ventilation
 * (reference: `outside_temp` in `validators/virus/virus_validator.py` and
 * `refine_hourly_data` in `models/data/weather.py`).
 *
 * @module
 */
import { type PiecewiseConstant, piecewiseConstant } from "../model/piecewise_constant.ts";
import type { WeatherDataset } from "./dataset.ts";
import { MissingTemperaturesError } from "./errors.ts";
import { nearestStation } from "./nearest_station.ts";
import type { WeatherStation } from "./stations.ts";
import { timeZoneAt, utcOffsetHours } from "./time_zone.ts";

/** Steps per hour of the outdoor temperature profile (6-minute steps), as in the reference. */
export const STEPS_PER_HOUR = 10;

/**
 * The 24 hourly temperatures of a station for a month (reference:
 * `mean_hourly_temperatures`).
 *
 * @param dataset The weather dataset.
 * @param stationId The station's identifier (e.g. `067000-99999`).
 * @param month The month, 1 (January) to 12 (December).
 * @returns 24 temperatures, K; index `h` is the hour starting at `h`:00 UTC.
 * @throws {RangeError} When the month is not an integer from 1 to 12.
 * @throws {MissingTemperaturesError} When the dataset has no values for that station
 *   and month, or some are missing (NaN).
 */
export function hourlyTemperatures(
  dataset: WeatherDataset,
  stationId: string,
  month: number,
): readonly number[] {
  checkMonth(month);
  const values = dataset.temperatures.get(stationId)?.get(month);
  if (values === undefined) {
    throw new MissingTemperaturesError(stationId, month, "no data for that month");
  }
  const missing = values.filter((v) => Number.isNaN(v)).length;
  if (missing > 0) {
    throw new MissingTemperaturesError(stationId, month, `${missing} missing values (NaN)`);
  }
  return values;
}

/**
 * Shifts 24 hourly values from UTC to local time and resamples them to the middle of
 * each step (reference: `refine_hourly_data` as `outside_temp` calls it).
 *
 * Value `h` is placed at local time `(h + utcOffsetH) mod 24` h. The day is cut into
 * `24 × stepsPerHour` equal steps (numpy `linspace(0, 24, n + 1)`), and each step gets
 * the value at its middle, interpolated linearly and periodically (period 24 h) between
 * the placed values, as numpy's `interp(…, period=24)` computes it (sorted positions,
 * wrapped by one point on each side, `slope × (t − t_j) + v_j`). Fractional offsets
 * (+5:30, +9:30, +13:45) therefore interpolate between hours rather than round them.
 *
 * @param utcHourly 24 values (e.g. temperatures in K) for the hours starting at 0..23 h UTC.
 * @param utcOffsetH Hours to add to UTC to get local time (e.g. 10.5 for Adelaide in January).
 * @param stepsPerHour Steps per hour of the result (a positive integer).
 * @returns A step function over local time 0..24 h: `24 × stepsPerHour` values (unit of
 *   the input) on transition times `i / stepsPerHour` h.
 * @throws {RangeError} When there are not 24 finite values, the offset is not finite or
 *   `stepsPerHour` is not a positive integer.
 * @example Usage
 * ```ts
 * import { valueAt } from "../model/piecewise_constant.ts";
 * import { localTemperatureProfile } from "./mod.ts";
 * const utc = Array.from({ length: 24 }, (_, h) => 280 + h);
 * const geneva = localTemperatureProfile(utc, 1); // UTC+1: local 01:00 is UTC hour 0
 * if (geneva.values.length !== 240 || geneva.transitionTimes[240] !== 24) throw new Error("bad");
 * if (Math.abs((valueAt(geneva, 1.1) as number) - 280.05) > 1e-9) throw new Error("bad");
 * ```
 */
export function localTemperatureProfile(
  utcHourly: readonly number[],
  utcOffsetH: number,
  stepsPerHour: number = STEPS_PER_HOUR,
): PiecewiseConstant {
  if (utcHourly.length !== 24 || !utcHourly.every(Number.isFinite)) {
    throw new RangeError(
      `expected 24 finite hourly values but found ${utcHourly.length} values` +
        (utcHourly.every(Number.isFinite) ? "" : " with non-finite ones"),
    );
  }
  if (!Number.isFinite(utcOffsetH)) {
    throw new RangeError(`expected a finite UTC offset but found ${utcOffsetH}`);
  }
  if (!Number.isInteger(stepsPerHour) || stepsPerHour < 1) {
    throw new RangeError(`expected a positive integer of steps per hour but found ${stepsPerHour}`);
  }
  // Local positions of the values, sorted, plus one wrapped point at each end.
  const placed = utcHourly
    .map((value, h) => ({ at: floorMod(h + utcOffsetH, 24), value }))
    .sort((a, b) => a.at - b.at);
  const first = placed[0] as { at: number; value: number };
  const last = placed[placed.length - 1] as { at: number; value: number };
  const xp = [last.at - 24, ...placed.map((p) => p.at), first.at + 24];
  const fp = [last.value, ...placed.map((p) => p.value), first.value];

  const steps = 24 * stepsPerHour;
  const step = 24 / steps;
  const times = Array.from({ length: steps + 1 }, (_, i) => i * step);
  times[steps] = 24;
  const values = times.slice(0, -1).map((t) => periodicInterp(floorMod(t + step / 2, 24), xp, fp));
  return piecewiseConstant(times, values);
}

/**
 * The 24 UTC hourly values as a step function over 0..24 h, value `h` on `(h, h + 1]`
 * (reference: `GenevaTemperatures_hourly` in `models/data/__init__.py`, whose
 * `refine(refine_factor=10)` gives `GenevaTemperatures`). No time-zone shift: this
 * is not what the forms use (see {@link outsideTemperature}).
 *
 * @param utcHourly 24 values (e.g. temperatures in K).
 * @returns The step function (times 0, 1, …, 24 h).
 * @throws {RangeError} When there are not 24 values.
 */
export function hourlyTemperatureSteps(utcHourly: readonly number[]): PiecewiseConstant {
  if (utcHourly.length !== 24) {
    throw new RangeError(`expected 24 hourly values but found ${utcHourly.length}`);
  }
  return piecewiseConstant(Array.from({ length: 25 }, (_, h) => h), utcHourly);
}

/** Where and when to take the outdoor temperature. */
export interface OutsideTemperatureOptions {
  /** Latitude of the location, decimal degrees north (-90 to 90). */
  readonly latitude: number;
  /** Longitude of the location, decimal degrees east (-180 to 180). */
  readonly longitude: number;
  /** Month of the event, 1 (January) to 12 (December). */
  readonly month: number;
  /**
   * Year whose time-zone rules give the UTC offset (on the 1st of `month`).
   *
   * @default {the current year (local clock), as the reference}
   */
  readonly year?: number;
}

/** The outdoor temperature of a location and month, with how it was obtained. */
export interface OutsideTemperature {
  /** The nearest station with data, whose temperatures are used. */
  readonly station: WeatherStation;
  /** IANA time zone of the location (not of the station). */
  readonly timeZone: string;
  /** Hours added to UTC to get local time, on the 1st of the month at midnight. */
  readonly utcOffsetH: number;
  /**
   * Outdoor temperature, K, over local time 0..24 h in 6-minute steps (240 values on
   * times `i / 10` h), ready for a window ventilation's `outsideTemp`.
   */
  readonly temperature: PiecewiseConstant;
}

/**
 * The outdoor temperature profile the reference builds for natural ventilation
 * (`VirusFormData.outside_temp`).
 *
 * Steps: the nearest station with data ({@link nearestStation}); its 24 mean hourly
 * temperatures for the month (K, UTC); the location's time zone and its UTC offset at
 * midnight on the 1st of the month in `year`; the values shifted to local time and
 * resampled to 6-minute steps ({@link localTemperatureProfile}).
 *
 * @param dataset The weather dataset.
 * @param options Location, month and (optionally) year.
 * @returns The profile, the station and the offset used.
 * @throws {RangeError} When a coordinate is out of range, or the month or year is invalid.
 * @throws {MissingTemperaturesError} When the nearest station has no values for the month.
 * @example Usage
 * ```ts
 * import { valueAt } from "../model/piecewise_constant.ts";
 * import { createWeatherDataset, outsideTemperature } from "./mod.ts";
 * const dataset = createWeatherDataset(
 *   [{ id: "067000-99999", name: "GENEVA COINTRIN", latitude: 46.238, longitude: 6.109 }],
 *   { "067000-99999": { "1": Array.from({ length: 24 }, (_, h) => h) } }, // °C
 * );
 * const geneva = outsideTemperature(dataset, {
 *   latitude: 46.20833,
 *   longitude: 6.14275,
 *   month: 1,
 *   year: 2025,
 * });
 * if (geneva.timeZone !== "Europe/Zurich" || geneva.utcOffsetH !== 1) throw new Error("bad");
 * // 12:00-12:06 local is 11:00-11:06 UTC: 11.05 °C.
 * const noon = valueAt(geneva.temperature, 12.05) as number;
 * if (Math.abs(noon - (273.15 + 11.05)) > 1e-9) throw new Error("bad");
 * ```
 */
export function outsideTemperature(
  dataset: WeatherDataset,
  options: OutsideTemperatureOptions,
): OutsideTemperature {
  const { latitude, longitude, month } = options;
  checkMonth(month);
  const station = nearestStation(dataset, latitude, longitude);
  const hourly = hourlyTemperatures(dataset, station.id, month);
  const timeZone = timeZoneAt(latitude, longitude);
  const utcOffsetH = utcOffsetHours(timeZone, options.year ?? new Date().getFullYear(), month);
  return {
    station,
    timeZone,
    utcOffsetH,
    temperature: localTemperatureProfile(hourly, utcOffsetH, STEPS_PER_HOUR),
  };
}

// --- helpers ---

function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`expected an integer month in [1, 12] but found ${month}`);
  }
}

/** numpy's `remainder` (Python `%`): the result has the sign of the divisor. */
function floorMod(a: number, b: number): number {
  let m = a % b;
  if (m !== 0 && (b < 0) !== (m < 0)) m += b;
  return m === 0 ? 0 : m;
}

/**
 * numpy's compiled `interp` at one point `x` with `xp[0] <= x <= xp[last]`: the node
 * value when `x` is a node, else `slope × (x − xp[j]) + fp[j]` on the segment
 * `xp[j] <= x < xp[j + 1]`.
 */
function periodicInterp(x: number, xp: readonly number[], fp: readonly number[]): number {
  const last = xp.length - 1;
  if (x <= (xp[0] as number)) return fp[0] as number;
  if (x >= (xp[last] as number)) return fp[last] as number;
  let j = 0;
  while ((xp[j + 1] as number) <= x) j++;
  const x0 = xp[j] as number;
  if (x === x0) return fp[j] as number;
  const slope = ((fp[j + 1] as number) - (fp[j] as number)) / ((xp[j + 1] as number) - x0);
  return slope * (x - x0) + (fp[j] as number);
}
