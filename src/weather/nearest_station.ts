/**
 * The weather station nearest to a location (reference: `nearest_wx_station` in
 * `models/data/weather.py`).
 *
 * @module
 */
import { type KdTree, nearestIndex } from "./_kdtree.ts";
import type { WeatherDataset } from "./dataset.ts";
import type { WeatherStation } from "./stations.ts";

/**
 * The station of the dataset nearest to a location.
 *
 * "Nearest" is the reference's: the Euclidean distance between (longitude, latitude)
 * pairs in degrees, a flat map with no wrap-around at ±180° and no cos(latitude)
 * factor (so it is not the great-circle nearest). Among stations at exactly the same
 * distance (e.g. two stations listed at the same coordinates), the one scipy's
 * `cKDTree.query` returns is chosen: the dataset's tree reproduces scipy's.
 *
 * @param dataset The weather dataset.
 * @param latitude Latitude of the location, decimal degrees north.
 * @param longitude Longitude of the location, decimal degrees east.
 * @returns The nearest station that has hourly temperatures.
 * @throws {RangeError} When a coordinate is not a finite number.
 * @example Usage
 * ```ts
 * import { createWeatherDataset, nearestStation } from "./mod.ts";
 * const day = { "1": Array(24).fill(10) };
 * const dataset = createWeatherDataset(
 *   [
 *     { id: "067000-99999", name: "GENEVA COINTRIN", latitude: 46.238, longitude: 6.109 },
 *     { id: "948640-99999", name: "MELBOURNE ESSENDON", latitude: -37.728, longitude: 144.902 },
 *   ],
 *   { "067000-99999": day, "948640-99999": day },
 * );
 * if (nearestStation(dataset, 46.204, 6.143).name !== "GENEVA COINTRIN") throw new Error("bad");
 * ```
 */
export function nearestStation(
  dataset: WeatherDataset,
  latitude: number,
  longitude: number,
): WeatherStation {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    throw new RangeError(
      `expected finite coordinates but found latitude ${latitude}, longitude ${longitude}`,
    );
  }
  const index = nearestIndex(dataset.tree as KdTree, longitude, latitude);
  const station = dataset.stations[index];
  if (station === undefined) {
    // Only possible for a dataset whose tree does not match its stations.
    throw new RangeError(
      `expected a station at index ${index} of the dataset but found ${dataset.stations.length}`,
    );
  }
  return station;
}
