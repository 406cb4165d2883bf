/**
 * Great-circle distance between two points on the Earth (haversine formula on a sphere).
 *
 * @module
 */

/**
 * Mean radius of the Earth, km (IUGG mean radius R1 = (2a + b) / 3 of the WGS 84
 * ellipsoid: Moritz, "Geodetic Reference System 1980", J. Geodesy 74, 2000).
 */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/**
 * The great-circle distance between two points, km, by the haversine formula
 * (R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 1984) on a
 * sphere of radius {@link EARTH_RADIUS_KM}; within 0.5 % of the ellipsoidal distance.
 *
 * @param lat1 Latitude of the first point, decimal degrees north.
 * @param lon1 Longitude of the first point, decimal degrees east.
 * @param lat2 Latitude of the second point, decimal degrees north.
 * @param lon2 Longitude of the second point, decimal degrees east.
 * @returns The distance, km (NaN when a coordinate is NaN).
 * @example Usage
 * ```ts
 * import { greatCircleKm } from "./mod.ts";
 * // One degree of latitude is about 111.2 km.
 * if (Math.abs(greatCircleKm(0, 0, 1, 0) - 111.195) > 0.01) throw new Error("bad");
 * ```
 */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
