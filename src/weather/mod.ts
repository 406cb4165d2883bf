/**
 * Outdoor temperature for natural ventilation, as CAiMIRA computes it: HadISD monthly
 * mean hourly temperatures of the weather station nearest to the location, shifted
 * from UTC to the location's local time and resampled to 6-minute steps.
 *
 * Units: temperatures in the data files are °C and become K when read (`273.15 + °C`);
 * every profile and value returned is in K. Times are hours: UTC hours 0..23 in the
 * files, local hours 0..24 in the profiles; UTC offsets are hours (e.g. 5.5).
 *
 * The reference's dataset is not bundled: load it once with {@link loadWeatherDataset}
 * (files or URLs, or the `CAIMIRA_WEATHER_DATA` folder) or {@link createWeatherDataset}
 * (contents already in memory), and pass it to {@link outsideTemperature}. Without it,
 * {@link resolveOutdoorTemperature} falls back on the embedded station climatology
 * ({@link embeddedClimatology}: monthly mean daily maximum and minimum of WMO stations
 * from Deutscher Wetterdienst's CLIMAT reports, with a cosine diurnal cycle), and
 * temperatures given with the request win over both.
 *
 * @example Usage
 * ```ts
 * import { createWeatherDataset, outsideTemperature } from "./mod.ts";
 * const dataset = createWeatherDataset(
 *   "067000-99999 GENEVA COINTRIN                 46.238    6.109   430.1 1935-01-01 2020-02-06\n",
 *   { "067000-99999": { "7": Array.from({ length: 24 }, (_, h) => 15 + h / 2) } },
 * );
 * const { station, utcOffsetH, temperature } = outsideTemperature(dataset, {
 *   latitude: 46.20833,
 *   longitude: 6.14275,
 *   month: 7,
 *   year: 2025,
 * });
 * if (station.name !== "GENEVA COINTRIN" || utcOffsetH !== 2) throw new Error("bad");
 * if (temperature.values.length !== 240) throw new Error("bad");
 * ```
 *
 * @module
 */

// Loading a dataset
export {
  compactWeatherFiles,
  createWeatherDataset,
  loadWeatherDataset,
  readWeatherFiles,
  STATION_LIST_FILE,
  TEMPERATURE_FILES,
  WEATHER_DATA_ENV,
  weatherDatasetFromFiles,
  weatherDataStartupMessage,
} from "./dataset.ts";
export type {
  LoadWeatherDatasetOptions,
  StationTree,
  WeatherDataset,
  WeatherFiles,
} from "./dataset.ts";
export { parseStationList } from "./stations.ts";
export type { StationIds, WeatherStation } from "./stations.ts";
export { parseHourlyTemperatures } from "./hourly_temperatures.ts";
export type { StationTemperatures } from "./hourly_temperatures.ts";

// Station, time zone, profile
export { nearestStation } from "./nearest_station.ts";
export { timeZoneAt, utcOffsetHours } from "./time_zone.ts";
export {
  hourlyTemperatures,
  hourlyTemperatureSteps,
  localTemperatureProfile,
  outsideTemperature,
  STEPS_PER_HOUR,
} from "./outside_temperature.ts";
export type { OutsideTemperature, OutsideTemperatureOptions } from "./outside_temperature.ts";
// The step-function type of the profiles and its value type (defined in model/).
export type { PiecewiseConstant } from "../model/piecewise_constant.ts";
export type { Vec } from "../model/vec.ts";

// Outdoor temperature for natural ventilation: explicit values > dataset > climatology
export {
  CLIMATE_CONTRAST_C,
  EXPLICIT_HOURS,
  explicitTemperatureProfile,
  FAR_STATION_KM,
  NO_OUTDOOR_TEMPERATURES_MESSAGE,
  resolveOutdoorTemperature,
} from "./outdoor_temperature_source.ts";
export type {
  OutdoorTemperatureInputs,
  OutdoorTemperatureRequest,
  OutdoorTemperatureSource,
  ResolvedOutdoorTemperature,
} from "./outdoor_temperature_source.ts";
export {
  embeddedClimatology,
  nearestClimatologyStations,
  parseClimatologyRows,
} from "./climatology.ts";
export type { Climatology, ClimatologyStation, StationAtDistance } from "./climatology.ts";
export { diurnalTemperature, PEAK_SOLAR_HOUR, utcHourlyFromDailyRange } from "./diurnal_cycle.ts";
export { EARTH_RADIUS_KM, greatCircleKm } from "./great_circle.ts";

// Errors
export { MissingTemperaturesError, WeatherDataUnavailableError } from "./errors.ts";
export type { WeatherDataUnavailableOptions } from "./errors.ts";
