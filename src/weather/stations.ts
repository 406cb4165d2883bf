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
 * Read access to the UTF-16 code units of a text held as a string, or as bytes that are
 * all ASCII (where a byte is the code unit).
 */
interface CodeUnits {
  readonly length: number;
  /** The code unit at `i` (NaN or undefined past the end). */
  unit(i: number): number;
  /** The text of [from, to). */
  text(from: number, to: number): string;
}

function stringUnits(text: string): CodeUnits {
  return { length: text.length, unit: (i) => text.charCodeAt(i), text: (a, b) => text.slice(a, b) };
}

const UTF8 = new TextDecoder();

/** Bytes read as ASCII: correct for the lines whose bytes are all below 0x80. */
function asciiUnits(bytes: Uint8Array): CodeUnits {
  return {
    length: bytes.length,
    unit: (i) => bytes[i],
    text: (a, b) => UTF8.decode(bytes.subarray(a, b)),
  };
}

/** Station identifiers: a `Set` of them, or the keys of a `Map`. */
export interface StationIds {
  /** Whether `id` is one of them. */
  has(id: string): boolean;
  /** All of them. */
  keys(): Iterable<string>;
}

const LF = 10;
const CR = 13;
/** The UTF-8 byte order mark, skipped at the start of bytes (as a UTF-8 decoder does). */
const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Calls `visit` with every line of the list: code units [start, end) of `units`, and its
 * number (`\n`, `\r\n` or `\r` line ends; blank lines included, so that the numbers are
 * the file's). Bytes are read in place, a line with a byte of 0x80 or above decoded on
 * its own (UTF-8): no string of the whole file is made, and nothing is allocated per
 * line.
 */
function forEachLine(
  list: string | Uint8Array,
  visit: (units: CodeUnits, start: number, end: number, number: number) => void,
): void {
  const bytes = typeof list === "string" ? undefined : list;
  const units = bytes === undefined ? stringUnits(list as string) : asciiUnits(bytes);
  let next = bytes !== undefined && BOM.every((b, i) => bytes[i] === b) ? BOM.length : 0;
  let number = 0;
  while (next <= units.length) {
    const start = next;
    let end = start;
    let ascii = true;
    for (let unit = units.unit(end); end < units.length && unit !== LF && unit !== CR;) {
      if (unit >= 0x80) ascii = false;
      unit = units.unit(++end);
    }
    next = end + (units.unit(end) === CR && units.unit(end + 1) === LF ? 2 : 1);
    number++;
    if (bytes === undefined || ascii) {
      visit(units, start, end, number);
    } else {
      const text = UTF8.decode(bytes.subarray(start, end));
      visit(stringUnits(text), 0, text.length, number);
    }
  }
}

/** The text of columns [from, to) of the line [start, end), as `slice` cuts it. */
function columns(
  units: CodeUnits,
  start: number,
  end: number,
  [from, to]: readonly [number, number],
): string {
  return units.text(Math.min(end, start + from), Math.min(end, start + to));
}

/**
 * A 30-bit hash (FNV-1a) of code units [from, to): a small integer, so that neither it
 * nor a `Set` lookup of it allocates.
 */
function hashUnits(units: CodeUnits, from: number, to: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ units.unit(i), 0x01000193);
  return hash & 0x3fffffff;
}

/**
 * The identifier of the line [start, end) when `keep` holds it, else undefined. An
 * identifier is made (a string) only when its hash is one of `hashes`', the hashes of
 * `keep`'s identifiers.
 */
function keptId(
  units: CodeUnits,
  start: number,
  end: number,
  keep: StationIds | undefined,
  hashes: ReadonlySet<number> | undefined,
): string | undefined {
  const from = Math.min(end, start + ID[0]);
  const to = Math.min(end, start + ID[1]);
  if (hashes !== undefined && !hashes.has(hashUnits(units, from, to))) return undefined;
  const id = units.text(from, to);
  return keep === undefined || keep.has(id) ? id : undefined;
}

/** The hashes of the identifiers of `keep` (see {@link keptId}). */
function idHashes(keep: StationIds | undefined): Set<number> | undefined {
  if (keep === undefined) return undefined;
  const hashes = new Set<number>();
  for (const id of keep.keys()) hashes.add(hashUnits(stringUnits(id), 0, id.length));
  return hashes;
}

/**
 * The list cut to the lines of the stations in `keep`, as text (`\n` line ends), in
 * order, repeated identifiers included.
 *
 * @param list The file's content: its text, or its bytes (UTF-8).
 * @param keep The identifiers to keep.
 * @returns The kept lines, each followed by `\n`.
 */
export function stationListLinesOf(list: string | Uint8Array, keep: StationIds): string {
  const hashes = idHashes(keep);
  let kept = "";
  forEachLine(list, (units, start, end) => {
    if (keptId(units, start, end, keep, hashes) !== undefined) {
      kept += `${units.text(start, end)}\n`;
    }
  });
  return kept;
}

/**
 * Reads the station list.
 *
 * Each line is cut at fixed columns like the reference does: characters 1–12 are the
 * identifier (kept as is), 14–44 the name, 45–51 the latitude and 52–60 the longitude
 * (decimal degrees, surrounding spaces ignored). Blank lines are skipped. When an
 * identifier appears twice, the station keeps the position of its first line and the
 * values of its last one (the reference fills a Python dict).
 *
 * Every line is checked, and a line whose station is not kept allocates nothing: reading
 * the list's 8,486 lines into strings (and their fields), or the whole file into one
 * string, left V8's young generation three to eight times larger for the rest of the
 * process (about 5 MB more resident memory in a report that followed).
 *
 * @param list The file's content: its text, or its bytes (UTF-8; read in place).
 * @param keep The identifiers to return (all by default; a dataset keeps the stations
 *   that have temperatures).
 * @returns The stations in file order.
 * @throws {SyntaxError} When a line is too short or a coordinate is not a number; the
 *   message gives the line number.
 * @throws {RangeError} When a kept station's coordinates are off the globe.
 * @throws {TypeError} When `list` is neither text nor bytes.
 * @example Usage
 * ```ts
 * import { parseStationList } from "./mod.ts";
 * const [geneva] = parseStationList(
 *   "067000-99999 GENEVA COINTRIN                 46.238    6.109   430.1 1935-01-01 2020-02-06\n",
 * );
 * if (geneva?.id !== "067000-99999" || geneva.longitude !== 6.109) throw new Error("bad");
 * ```
 */
export function parseStationList(
  list: string | Uint8Array,
  keep?: StationIds,
): WeatherStation[] {
  if (typeof list !== "string" && !(list instanceof Uint8Array)) {
    throw new TypeError(`expected the station list as text or bytes but found ${typeof list}`);
  }
  const byId = new Map<string, WeatherStation>();
  const hashes = idHashes(keep);
  forEachLine(list, (units, start, end, number) => {
    if (skipSpace(units, start, end) === end) return;
    checkCoordinate(units, start, end, number, LATITUDE, "latitude");
    checkCoordinate(units, start, end, number, LONGITUDE, "longitude");
    const id = keptId(units, start, end, keep, hashes);
    if (id === undefined) return;
    const latitude = Number(columns(units, start, end, LATITUDE));
    const longitude = Number(columns(units, start, end, LONGITUDE));
    // A station off the globe would be "nearest" to nothing sensible (or everything).
    if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
      throw new RangeError(
        `expected a latitude from -90 to 90 and a longitude from -180 to 180 degrees on line ` +
          `${number} of the station list but found ${latitude}, ${longitude}`,
      );
    }
    byId.set(id, { id, name: columns(units, start, end, NAME).trim(), latitude, longitude });
  });
  return [...byId.values()];
}

const PLUS = 43;
const MINUS = 45;
const DOT = 46;
/** Lower-case `e` (an upper-case E or'ed with 32 reads the same). */
const LOWER_E = 101;

/** Whether a UTF-16 code unit is white space or a line end for `String.prototype.trim`. */
function isTrimmedSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f ||
    code === 0x3000 || code === 0xfeff;
}

/** The first index in [from, to) that is not white space (to when none). */
function skipSpace(units: CodeUnits, from: number, to: number): number {
  while (from < to && isTrimmedSpace(units.unit(from))) from++;
  return from;
}

/**
 * Checks that columns `field` of a line hold a decimal number as the list writes it,
 * surrounding white space aside: what Python's `float()` accepts minus nan and inf,
 * `[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`.
 */
function checkCoordinate(
  units: CodeUnits,
  start: number,
  end: number,
  number: number,
  field: readonly [number, number],
  what: string,
): void {
  const first = Math.min(end, start + field[0]);
  let last = Math.min(end, start + field[1]);
  while (last > first && isTrimmedSpace(units.unit(last - 1))) last--;
  if (!isDecimal(units, skipSpace(units, first, last), last)) {
    throw new SyntaxError(
      `expected a decimal ${what} on line ${number} of the station list but found ` +
        JSON.stringify(columns(units, start, end, field)),
    );
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSign(code: number): boolean {
  return code === PLUS || code === MINUS;
}

/** Whether code units [a, b) are `[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`. */
function isDecimal(units: CodeUnits, a: number, b: number): boolean {
  let i = a;
  if (i < b && isSign(units.unit(i))) i++;
  const integerStart = i;
  while (i < b && isDigit(units.unit(i))) i++;
  let mantissaDigits = i - integerStart;
  if (i < b && units.unit(i) === DOT) {
    const fractionStart = ++i;
    while (i < b && isDigit(units.unit(i))) i++;
    mantissaDigits += i - fractionStart;
  }
  if (mantissaDigits === 0) return false;
  if (i < b && (units.unit(i) | 32) === LOWER_E) {
    i++;
    if (i < b && isSign(units.unit(i))) i++;
    const exponentStart = i;
    while (i < b && isDigit(units.unit(i))) i++;
    if (i === exponentStart) return false;
  }
  return i === b;
}
