/**
 * Ventilation change points in CO2 sensor data (reference `CO2FormData.find_change_points`):
 * smooth with a centred one-minute rolling mean, then take the peaks (prominence
 * 100 ppm, at least 15 minutes apart) and the valleys (prominence 50 ppm, at least 20
 * minutes wide at half prominence, at least 15 minutes apart); their times, sorted.
 * Window and distances are counted in samples from the spacing of the first two readings.
 *
 * @module
 */
import { findPeaks } from "./find_peaks.ts";
import { centeredRollingMean } from "./rolling_mean.ts";
import { S_PER_H, S_PER_MIN } from "../units.ts";

/** Smoothing window, minutes. */
export const SMOOTHING_WINDOW_MIN = 1;
/** Smallest time between two peaks or two valleys, minutes. */
export const MIN_PEAK_DISTANCE_MIN = 15;
/** Smallest width of a valley at half its prominence, minutes. */
export const MIN_VALLEY_WIDTH_MIN = 20;
/** Smallest prominence of a peak, ppm. */
export const PEAK_PROMINENCE_PPM = 100;
/** Smallest prominence of a valley, ppm. */
export const VALLEY_PROMINENCE_PPM = 50;

/** Python's float `a // b` (floor of the exact quotient, as CPython computes it). */
function pythonFloorDivide(a: number, b: number): number {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && (b < 0) !== (mod < 0)) {
    mod += b;
    div -= 1;
  }
  if (div === 0) return 0 * (a / b);
  let floor = Math.floor(div);
  if (div - floor > 0.5) floor += 1;
  return floor;
}

/** `max(int(minutes·60 // spacing), 1)`: a duration in samples, at least one. */
function samples(minutes: number, spacingS: number): number {
  return Math.max(Math.trunc(pythonFloorDivide(minutes * S_PER_MIN, spacingS)), 1);
}

/**
 * The times at which the ventilation changes, found in CO2 readings.
 *
 * @example Usage
 * ```ts
 * import { findChangePoints } from "./mod.ts";
 * // Two-minute readings: 400 ppm, a rise to 1000 ppm, a fall back to 400 ppm.
 * const times = Array.from({ length: 120 }, (_, i) => 8 + i / 30);
 * const co2 = times.map((t) => (t < 9 ? 400 : t < 10 ? 400 + 600 * (t - 9) : 1000 - 600 * (t - 10)));
 * const change = findChangePoints(times, co2);
 * if (change.length !== 1 || Math.abs(change[0] - 10) > 0.05) throw new Error("bad");
 * ```
 *
 * @param times Reading times, hours, increasing, at least two.
 * @param co2 Concentrations, ppm, one per time.
 * @returns The change times, hours, sorted.
 * @throws {RangeError} When the lengths differ or there are fewer than two readings.
 */
export function findChangePoints(times: readonly number[], co2: readonly number[]): number[] {
  if (times.length !== co2.length) {
    throw new RangeError(
      `expected one concentration per time (${times.length}) but found ${co2.length}`,
    );
  }
  if (times.length < 2) {
    throw new RangeError(`expected at least two readings but found ${times.length}`);
  }
  const spacingS = (times[1] - times[0]) * S_PER_H;
  const smoothed = centeredRollingMean(co2, samples(SMOOTHING_WINDOW_MIN, spacingS));
  const distance = samples(MIN_PEAK_DISTANCE_MIN, spacingS);
  const peaks = findPeaks(smoothed, { prominence: PEAK_PROMINENCE_PPM, distance });
  const valleys = findPeaks(smoothed.map((v) => -v), {
    prominence: VALLEY_PROMINENCE_PPM,
    width: samples(MIN_VALLEY_WIDTH_MIN, spacingS),
    distance,
  });
  return [...peaks, ...valleys].map((p) => times[p.index]).sort((a, b) => a - b);
}
