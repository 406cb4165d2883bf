/**
 * Where the outdoor temperature of natural ventilation comes from, in order of
 * precedence: temperatures given with the request (`outdoor_temperatures`, 24 hourly
 * values in °C, local time), else a weather dataset in the reference's format (HadISD
 * mean hourly temperatures, when one is configured), else the embedded station
 * climatology (monthly mean daily maximum and minimum, with a diurnal cycle).
 *
 * @module
 */
import type { PiecewiseConstant } from "../model/piecewise_constant.ts";
import {
  type Climatology,
  EMBEDDED_CLIMATOLOGY_SOURCE,
  nearestClimatologyStations,
  nearestEmbeddedClimatologyStations,
  type StationAtDistance,
} from "./climatology.ts";
import type { WeatherDataset } from "./dataset.ts";
import { utcHourlyFromDailyRange } from "./diurnal_cycle.ts";
import { WeatherDataUnavailableError } from "./errors.ts";
import { greatCircleKm } from "./great_circle.ts";
import {
  localTemperatureProfile,
  outsideTemperature,
  STEPS_PER_HOUR,
} from "./outside_temperature.ts";
import type { WeatherStation } from "./stations.ts";
import { timeZoneAt, utcOffsetHours } from "./time_zone.ts";
import { MONTH_NAMES } from "../months.ts";

/** Beyond this distance from the location, km, a station's temperatures get a warning. */
export const FAR_STATION_KM = 300;

/**
 * When the two nearest climatology stations are about as near (the second within twice
 * the first's distance, and within {@link FAR_STATION_KM}) and differ by more than this
 * in the month's mean temperature, °C, the location lies between clearly different
 * climates (mountains, coasts) and may not resemble the nearest station: the result
 * warns.
 */
export const CLIMATE_CONTRAST_C = 5;

/** Offset between °C and K. */
const CELSIUS_TO_KELVIN = 273.15;

/** Number of hourly values of explicit outdoor temperatures (hours 0..23 local). */
export const EXPLICIT_HOURS = 24;

/** How the outdoor temperature was obtained, as reported in the results (snake_case). */
export interface OutdoorTemperatureSource {
  /**
   * `explicit`: the request's `outdoor_temperatures`; `dataset`: the configured weather
   * dataset (reference format); `climatology`: the embedded station climatology.
   */
  readonly kind: "explicit" | "dataset" | "climatology";
  /** The station whose temperatures were used (`dataset`, `climatology`). */
  readonly station?: {
    /** Station identifier (HadISD `USAF-WBAN`, or WMO number for the climatology). */
    readonly id: string;
    /** Station name. */
    readonly name: string;
    /** Latitude, decimal degrees north. */
    readonly latitude: number;
    /** Longitude, decimal degrees east. */
    readonly longitude: number;
  };
  /** Great-circle distance from the location to the station, km (0.1 km). */
  readonly distance_km?: number;
  /** Citation of the data. */
  readonly source?: string;
  /** Why the temperatures may not represent the location (far or contrasting stations). */
  readonly warning?: string;
}

/** An outdoor temperature profile and where it came from. */
export interface ResolvedOutdoorTemperature {
  /** Outdoor temperature, K, over local time 0..24 h in 6-minute steps. */
  readonly temperature: PiecewiseConstant;
  /** How it was obtained. */
  readonly source: OutdoorTemperatureSource;
}

/** The sources available, see {@link resolveOutdoorTemperature}. */
export interface OutdoorTemperatureInputs {
  /** 24 hourly outdoor temperatures, °C, index `i` = `i`:00 local time (wins when given). */
  readonly explicitC?: readonly number[] | null;
  /** A weather dataset in the reference's format (used when no explicit values). */
  readonly dataset?: WeatherDataset;
  /**
   * The station climatology used when there is neither; `false` turns the fallback off
   * (then only explicit values or a dataset can be used).
   *
   * @default {embeddedClimatology()}
   */
  readonly climatology?: Climatology | false;
}

/** Where and when. */
export interface OutdoorTemperatureRequest {
  /** Latitude of the location, decimal degrees north. */
  readonly latitude: number;
  /** Longitude of the location, decimal degrees east. */
  readonly longitude: number;
  /** Month of the event, 1 (January) to 12 (December). */
  readonly month: number;
  /**
   * Year whose time-zone rules give the UTC offset.
   *
   * @default {the current year}
   */
  readonly year?: number;
}

/** The message when no source is available (only with `climatology: false`). */
export const NO_OUTDOOR_TEMPERATURES_MESSAGE: string =
  "natural ventilation needs outdoor temperatures: send the form field outdoor_temperatures " +
  "(24 hourly values, °C, local time), or start the server with --weather-data DIR or " +
  "CAIMIRA_WEATHER_DATA=DIR (library: the `weather` option), or leave the embedded " +
  "climatology on";

/**
 * The outdoor temperature profile for natural ventilation and its source, by precedence:
 * explicit values, else the dataset, else the climatology.
 *
 * Explicit values are placed at local hours 0..23 and resampled to 6-minute steps like
 * the dataset's (linear between hours, periodic over the day). With the climatology,
 * the nearest station by great-circle distance gives the month's mean daily maximum and
 * minimum; the hourly values follow the cosine diurnal cycle of `diurnal_cycle.ts` in
 * the station's mean solar time, then are shifted to the location's local time like
 * the dataset's.
 *
 * @param inputs The sources available.
 * @param request Location, month and year.
 * @returns The profile (K) and its source.
 * @throws {RangeError} When explicit values are not 24 finite numbers, or a coordinate or
 *   the month is out of range.
 * @throws {WeatherDataUnavailableError} When no source is available.
 * @throws {MissingTemperaturesError} When the dataset's nearest station lacks the month.
 * @example Usage
 * ```ts
 * import { resolveOutdoorTemperature } from "./mod.ts";
 * const { source } = resolveOutdoorTemperature({}, {
 *   latitude: 46.20833,
 *   longitude: 6.14275,
 *   month: 1,
 *   year: 2025,
 * });
 * if (source.kind !== "climatology" || source.station?.id !== "06700") throw new Error("bad");
 * ```
 */
export function resolveOutdoorTemperature(
  inputs: OutdoorTemperatureInputs,
  request: OutdoorTemperatureRequest,
): ResolvedOutdoorTemperature {
  if (inputs.explicitC !== undefined && inputs.explicitC !== null) {
    return { temperature: explicitTemperatureProfile(inputs.explicitC), source: EXPLICIT };
  }
  if (inputs.dataset !== undefined) return fromDataset(inputs.dataset, request);
  if (inputs.climatology === false) {
    throw new WeatherDataUnavailableError(NO_OUTDOOR_TEMPERATURES_MESSAGE);
  }
  return fromClimatology(inputs.climatology, request);
}

const EXPLICIT: OutdoorTemperatureSource = Object.freeze({
  kind: "explicit",
  source: "the request's outdoor_temperatures (24 hourly values, °C, local time)",
});

/**
 * The profile of 24 hourly outdoor temperatures given in °C at local hours 0..23:
 * K, in 6-minute steps over local time 0..24 h (see `localTemperatureProfile`, with no
 * time-zone shift).
 *
 * @param celsius 24 temperatures, °C, index `i` = `i`:00 local time.
 * @returns The profile, K.
 * @throws {RangeError} When there are not 24 finite values.
 * @example Usage
 * ```ts
 * import { valueAt } from "../model/piecewise_constant.ts";
 * import { explicitTemperatureProfile } from "./mod.ts";
 * const profile = explicitTemperatureProfile(Array.from({ length: 24 }, (_, h) => h));
 * // 12:00-12:06 local: the mean of 12 °C and 12.1 °C, linear between hours.
 * const noon = valueAt(profile, 12.05) as number;
 * if (Math.abs(noon - (273.15 + 12.05)) > 1e-9) throw new Error("bad");
 * ```
 */
export function explicitTemperatureProfile(celsius: readonly number[]): PiecewiseConstant {
  if (celsius.length !== EXPLICIT_HOURS || !celsius.every(Number.isFinite)) {
    throw new RangeError(
      `expected ${EXPLICIT_HOURS} finite hourly temperatures (°C) but found ${celsius.length} ` +
        `values${celsius.every(Number.isFinite) ? "" : " with non-finite ones"}`,
    );
  }
  return localTemperatureProfile(celsius.map((c) => CELSIUS_TO_KELVIN + c), 0, STEPS_PER_HOUR);
}

function fromDataset(
  dataset: WeatherDataset,
  request: OutdoorTemperatureRequest,
): ResolvedOutdoorTemperature {
  const { station, temperature } = outsideTemperature(dataset, request);
  const distanceKm = greatCircleKm(
    request.latitude,
    request.longitude,
    station.latitude,
    station.longitude,
  );
  return {
    temperature,
    source: withWarning({
      kind: "dataset",
      station: stationOf(station),
      distance_km: roundKm(distanceKm),
      source: "HadISD mean hourly temperatures of the configured weather dataset",
    }, farWarning(station, distanceKm)),
  };
}

/** From `climatology`, or the embedded one when undefined (without building it). */
function fromClimatology(
  climatology: Climatology | undefined,
  request: OutdoorTemperatureRequest,
): ResolvedOutdoorTemperature {
  const { latitude, longitude, month } = request;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`expected an integer month in [1, 12] but found ${month}`);
  }
  const nearest = climatology === undefined
    ? nearestEmbeddedClimatologyStations(latitude, longitude, 2)
    : nearestClimatologyStations(climatology, latitude, longitude, 2);
  const first = nearest[0];
  if (first === undefined) {
    throw new WeatherDataUnavailableError(
      `expected at least one station in the climatology but found none: ` +
        NO_OUTDOOR_TEMPERATURES_MESSAGE,
    );
  }
  const { station, distanceKm } = first;
  const m = month - 1;
  const utcC = utcHourlyFromDailyRange(
    station.meanDailyMaxC[m] as number,
    station.meanDailyMinC[m] as number,
    station.longitude,
  );
  const timeZone = timeZoneAt(latitude, longitude);
  const utcOffsetH = utcOffsetHours(timeZone, request.year ?? new Date().getFullYear(), month);
  const temperature = localTemperatureProfile(
    utcC.map((c) => CELSIUS_TO_KELVIN + c),
    utcOffsetH,
    STEPS_PER_HOUR,
  );
  const warning = farWarning(station, distanceKm) ?? contrastWarning(nearest, m);
  return {
    temperature,
    source: withWarning({
      kind: "climatology",
      station: stationOf(station),
      distance_km: roundKm(distanceKm),
      source: climatology?.source ?? EMBEDDED_CLIMATOLOGY_SOURCE,
    }, warning),
  };
}

function stationOf(s: WeatherStation): NonNullable<OutdoorTemperatureSource["station"]> {
  return { id: s.id, name: s.name, latitude: s.latitude, longitude: s.longitude };
}

function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

function withWarning(
  source: OutdoorTemperatureSource,
  warning: string | undefined,
): OutdoorTemperatureSource {
  return warning === undefined ? source : { ...source, warning };
}

function farWarning(station: WeatherStation, distanceKm: number): string | undefined {
  if (!(distanceKm > FAR_STATION_KM)) return undefined;
  return `the nearest station with temperature data, ${station.name} (${station.id}), is ` +
    `${Math.round(distanceKm)} km from the location (more than ${FAR_STATION_KM} km): its ` +
    `outdoor temperatures may not represent the location; send outdoor_temperatures ` +
    `(24 hourly values, °C, local time) for a better estimate`;
}

function contrastWarning(nearest: readonly StationAtDistance[], m: number): string | undefined {
  const [a, b] = nearest;
  if (a === undefined || b === undefined) return undefined;
  if (!(b.distanceKm <= FAR_STATION_KM) || !(b.distanceKm <= 2 * a.distanceKm)) return undefined;
  const mean = (s: StationAtDistance) =>
    ((s.station.meanDailyMaxC[m] as number) + (s.station.meanDailyMinC[m] as number)) / 2;
  const difference = Math.abs(mean(a) - mean(b));
  if (!(difference > CLIMATE_CONTRAST_C)) return undefined;
  const describe = (s: StationAtDistance) =>
    `${s.station.name} (${Math.round(s.distanceKm)} km${
      Number.isFinite(s.station.heightM) ? `, ${s.station.heightM} m high` : ""
    }: ${mean(s).toFixed(1)} °C)`;
  return `the two nearest stations differ by ${difference.toFixed(1)} °C in mean ` +
    `${MONTH_NAMES[m]} temperature, ${describe(a)} and ${describe(b)}: the location's climate ` +
    `may differ from the nearest station's (altitude, coast); send outdoor_temperatures ` +
    `(24 hourly values, °C, local time) for a better estimate`;
}
