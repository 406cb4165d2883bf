/**
 * A station climatology: for each station, the mean daily maximum and minimum air
 * temperature of each calendar month. The embedded one ({@link embeddedClimatology})
 * is built from the monthly CLIMAT reports of WMO stations published by Deutscher
 * Wetterdienst (see README.md, "Outdoor temperatures", and
 * `scripts/build_climatology.ts`).
 *
 * @module
 */
import { CLIMAT_NORMALS_ROWS, CLIMAT_NORMALS_SOURCE } from "./_climat_normals.ts";
import { EARTH_RADIUS_KM, greatCircleKm } from "./great_circle.ts";
import type { WeatherStation } from "./stations.ts";

/** A station of a climatology, with its monthly means. */
export interface ClimatologyStation extends WeatherStation {
  /** Height of the station above sea level, m (NaN when unknown). */
  readonly heightM: number;
  /** Mean daily maximum of each month, °C, January first (12 values). */
  readonly meanDailyMaxC: readonly number[];
  /** Mean daily minimum of each month, °C, January first (12 values). */
  readonly meanDailyMinC: readonly number[];
}

/** A station climatology. */
export interface Climatology {
  /** The stations. */
  readonly stations: readonly ClimatologyStation[];
  /** Citation of the data, for reports. */
  readonly source: string;
}

/**
 * Reads climatology rows `id;name;latitude;longitude;height;Tx×12;Tn×12` (coordinates in
 * decimal degrees, height in m, temperatures in tenths of °C, months January first).
 *
 * @param rows The rows.
 * @param source Citation of the data.
 * @returns The climatology.
 * @throws {SyntaxError} When a row is malformed (the message gives its number).
 * @example Usage
 * ```ts
 * import { parseClimatologyRows } from "./mod.ts";
 * const twelve = (v: number) => Array(12).fill(v).join(",");
 * const { stations } = parseClimatologyRows(
 *   [`06700;Geneve Airp.;46.25;6.13;413;${twelve(150)};${twelve(50)}`],
 *   "test",
 * );
 * if (stations[0]?.meanDailyMaxC[6] !== 15) throw new Error("bad");
 * ```
 */
export function parseClimatologyRows(rows: readonly string[], source: string): Climatology {
  const stations = rows.map((row, i): ClimatologyStation => {
    const cells = row.split(";");
    const fail = (what: string): never => {
      throw new SyntaxError(`expected ${what} in climatology row ${i + 1} but found ${row}`);
    };
    if (cells.length !== 7) fail("7 fields separated by ';'");
    const [id, name, lat, lon, height, tx, tn] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) fail("coordinates");
    const tenths = (text: string) => {
      const values = text.split(",").map(Number);
      if (values.length !== 12 || !values.every(Number.isInteger)) fail("12 temperatures");
      return Object.freeze(values.map((v) => v / 10));
    };
    return Object.freeze({
      id,
      name,
      latitude,
      longitude,
      heightM: height === "" ? NaN : Number(height),
      meanDailyMaxC: tenths(tx),
      meanDailyMinC: tenths(tn),
    });
  });
  return Object.freeze({ stations: Object.freeze(stations), source });
}

let embedded: Climatology | undefined;

/**
 * The embedded climatology: monthly means of the daily maximum and minimum air
 * temperature of about 2,800 WMO stations on every continent, averaged over 2004–2020
 * (see its `source`) from the CLIMAT reports published by Deutscher Wetterdienst
 * (parsed on first use, then shared).
 *
 * @returns The climatology.
 * @example Usage
 * ```ts
 * import { embeddedClimatology } from "./mod.ts";
 * const { stations, source } = embeddedClimatology();
 * if (stations.length < 1000 || !source.includes("Deutscher Wetterdienst")) throw new Error("bad");
 * ```
 */
export function embeddedClimatology(): Climatology {
  embedded ??= parseClimatologyRows(CLIMAT_NORMALS_ROWS, CLIMAT_NORMALS_SOURCE);
  return embedded;
}

/** A station and its great-circle distance from a location. */
export interface StationAtDistance {
  /** The station. */
  readonly station: ClimatologyStation;
  /** Great-circle distance from the location, km. */
  readonly distanceKm: number;
}

/**
 * The stations of a climatology nearest to a location by great-circle distance,
 * nearest first (ties: the station listed first).
 *
 * @param climatology The climatology.
 * @param latitude Latitude of the location, decimal degrees north.
 * @param longitude Longitude of the location, decimal degrees east.
 * @param count How many stations to return.
 * @returns Up to `count` stations with their distances.
 * @throws {RangeError} When a coordinate is not a finite number.
 * @example Usage
 * ```ts
 * import { embeddedClimatology, nearestClimatologyStations } from "./mod.ts";
 * const [geneva] = nearestClimatologyStations(embeddedClimatology(), 46.2, 6.14, 1);
 * if (geneva?.station.id !== "06700" || geneva.distanceKm > 10) throw new Error("bad");
 * ```
 */
export function nearestClimatologyStations(
  climatology: Climatology,
  latitude: number,
  longitude: number,
  count: number,
): StationAtDistance[] {
  const { stations } = climatology;
  const latitudeOf = (i: number) => stations[i].latitude;
  const longitudeOf = (i: number) => stations[i].longitude;
  return nearestOf(stations.length, latitudeOf, longitudeOf, latitude, longitude, count)
    .map(([i, distanceKm]) => ({ station: stations[i], distanceKm }));
}

/**
 * {@link nearestClimatologyStations} of the {@link embeddedClimatology}, without
 * building it: only the stations' coordinates are read (once, into a table of 2 numbers
 * per station), and only the rows returned are parsed. Building the whole climatology
 * costs a bare process about 11 MB (2,800 stations' objects and the garbage of parsing
 * them), a server's report worker 1–3 MB (measured after two s1 reports).
 *
 * @param latitude Latitude of the location, decimal degrees north.
 * @param longitude Longitude of the location, decimal degrees east.
 * @param count How many stations to return.
 * @returns Up to `count` stations with their distances (the same as from the built
 *   climatology, station objects equal field by field).
 * @throws {RangeError} When a coordinate is not a finite number.
 * @example Usage
 * ```ts
 * import { nearestEmbeddedClimatologyStations } from "./climatology.ts";
 * const [geneva] = nearestEmbeddedClimatologyStations(46.2, 6.14, 1);
 * if (geneva?.station.id !== "06700" || geneva.distanceKm > 10) throw new Error("bad");
 * ```
 */
export function nearestEmbeddedClimatologyStations(
  latitude: number,
  longitude: number,
  count: number,
): StationAtDistance[] {
  const table = embeddedCoordinates();
  const latitudeOf = (i: number) => table[2 * i];
  const longitudeOf = (i: number) => table[2 * i + 1];
  return nearestOf(CLIMAT_NORMALS_ROWS.length, latitudeOf, longitudeOf, latitude, longitude, count)
    .map(([i, distanceKm]) => ({
      station: parseClimatologyRows([CLIMAT_NORMALS_ROWS[i]], CLIMAT_NORMALS_SOURCE).stations[0],
      distanceKm,
    }));
}

/** The citation of the {@link embeddedClimatology}'s data, for reports. */
export const EMBEDDED_CLIMATOLOGY_SOURCE: string = CLIMAT_NORMALS_SOURCE;

let coordinates: Float64Array | undefined;

/** Latitude and longitude of each embedded station (2 per row), read once. */
function embeddedCoordinates(): Float64Array {
  if (coordinates !== undefined) return coordinates;
  const rows = CLIMAT_NORMALS_ROWS;
  const table = new Float64Array(2 * rows.length);
  for (let i = 0; i < rows.length; i++) {
    // id;name;latitude;longitude;...: the fields after the second and third ';'.
    const row = rows[i];
    const a = row.indexOf(";", row.indexOf(";") + 1);
    const b = row.indexOf(";", a + 1);
    const c = row.indexOf(";", b + 1);
    table[2 * i] = Number(row.slice(a + 1, b));
    table[2 * i + 1] = Number(row.slice(b + 1, c));
  }
  coordinates = table;
  return table;
}

/**
 * A station whose latitude alone puts it this much (relative) beyond the current
 * `count`-th distance is skipped without its great-circle distance: far more than the
 * rounding of the haversine formula (about 1e-8 relative for nearly antipodal points).
 */
const LATITUDE_BOUND_MARGIN = 1e-6;

/**
 * The indices of the `count` of `n` stations nearest to a location by great-circle
 * distance, nearest first (ties: the lower index), with their distances (km).
 *
 * A station's distance is at least R · |Δlatitude| (radians): once `count` stations are
 * kept, a station farther than the last of them by latitude alone is skipped before
 * its distance is computed (the same stations come out; most are skipped).
 */
function nearestOf(
  n: number,
  latitudeOf: (i: number) => number,
  longitudeOf: (i: number) => number,
  latitude: number,
  longitude: number,
  count: number,
): [number, number][] {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    throw new RangeError(
      `expected finite coordinates but found latitude ${latitude}, longitude ${longitude}`,
    );
  }
  if (count < 1) return [];
  const kmPerDegree = (EARTH_RADIUS_KM * Math.PI) / 180;
  const best: [number, number][] = [];
  for (let s = 0; s < n; s++) {
    const stationLatitude = latitudeOf(s);
    if (best.length === count) {
      const bound = kmPerDegree * Math.abs(stationLatitude - latitude);
      if (bound * (1 - LATITUDE_BOUND_MARGIN) >= (best[count - 1] as [number, number])[1]) {
        continue;
      }
    }
    const distanceKm = greatCircleKm(latitude, longitude, stationLatitude, longitudeOf(s));
    if (best.length === count && distanceKm >= (best[count - 1] as [number, number])[1]) {
      continue;
    }
    let i = best.length;
    while (i > 0 && (best[i - 1] as [number, number])[1] > distanceKm) i--;
    best.splice(i, 0, [s, distanceKm]);
    if (best.length > count) best.pop();
  }
  return best;
}
