/**
 * The HadISD station list (`hadisd_station_fullinfo_v311_202001p.txt`, the file the
 * reference ships next to its weather data): fixed-width text, one station a line.
 *
 * @module
 */

/** A weather station of the HadISD list. */
export interface WeatherStation {
  /** HadISD identifier, `USAF-WBAN` (e.g. `067000-99999`), as in columns 1–12 of the list. */
  readonly id: string;
  /** Station name (e.g. `GENEVA COINTRIN`), without the padding spaces. */
  readonly name: string;
  /** Latitude, decimal degrees north (negative south). */
  readonly latitude: number;
  /** Longitude, decimal degrees east (negative west). */
  readonly longitude: number;
}

/**
 * Character columns of the list, 0-based and end-exclusive, as the reference slices
 * each line (`weather.py`, `wx_station_data`): identifier, one space, name, latitude,
 * longitude. Elevation and the record's date range follow and are not used.
 */
const ID = [0, 12] as const;
const NAME = [13, 44] as const;
const LATITUDE = [44, 51] as const;
const LONGITUDE = [51, 60] as const;

/**
 * The lines of the list's text (`\n`, `\r\n` or `\r` line ends; blank ones included,
 * so that index i is line i + 1).
 *
 * @param text The file's content.
 * @returns Its lines.
 */
export function stationListLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The identifier of a line of the list (its first 12 characters, as they are).
 *
 * @param line A line of the list.
 * @returns The identifier.
 */
export function stationIdOfLine(line: string): string {
  return line.slice(...ID);
}

/** A decimal number as the list writes it (what Python's `float()` accepts, minus nan/inf). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads the station list.
 *
 * Each line is cut at fixed columns like the reference does: characters 1–12 are the
 * identifier (kept as is), 14–44 the name, 45–51 the latitude and 52–60 the longitude
 * (decimal degrees, surrounding spaces ignored). Blank lines are skipped. When an
 * identifier appears twice, the station keeps the position of its first line and the
 * values of its last one (the reference fills a Python dict).
 *
 * @param text The file's content (`\n`, `\r\n` or `\r` line ends).
 * @returns The stations in file order.
 * @throws {SyntaxError} When a line is too short or a coordinate is not a number; the
 *   message gives the line number.
 * @example Usage
 * ```ts
 * import { parseStationList } from "./mod.ts";
 * const [geneva] = parseStationList(
 *   "067000-99999 GENEVA COINTRIN                 46.238    6.109   430.1 1935-01-01 2020-02-06\n",
 * );
 * if (geneva?.id !== "067000-99999" || geneva.longitude !== 6.109) throw new Error("bad");
 * ```
 */
export function parseStationList(text: string): WeatherStation[] {
  const byId = new Map<string, WeatherStation>();
  stationListLines(text).forEach((line, i) => {
    if (line.trim() === "") return;
    const lineNumber = i + 1;
    const station: WeatherStation = {
      id: stationIdOfLine(line),
      name: line.slice(...NAME).trim(),
      latitude: parseCoordinate(line.slice(...LATITUDE), "latitude", lineNumber),
      longitude: parseCoordinate(line.slice(...LONGITUDE), "longitude", lineNumber),
    };
    byId.set(station.id, station);
  });
  return [...byId.values()];
}

function parseCoordinate(field: string, what: string, lineNumber: number): number {
  const trimmed = field.trim();
  if (!DECIMAL.test(trimmed)) {
    throw new SyntaxError(
      `expected a decimal ${what} on line ${lineNumber} of the station list but found ` +
        JSON.stringify(field),
    );
  }
  return Number(trimmed);
}
