/**
 * Time zone of a location and its UTC offset (reference: `timezone_at` in
 * `models/data/weather.py` and `tz_name_and_utc_offset` in `virus_validator.py`).
 *
 * The zone comes from `@photostructure/tz-lookup` (the reference uses
 * `timezonefinder`; both return IANA names, `Etc/GMT±N` at sea), through its ES-module
 * copy ./_tz_lookup.ts (see scripts/build_tz_lookup.ts), the offset from the runtime's
 * time-zone database through `Intl.DateTimeFormat`.
 *
 * @module
 */
import { lookupTimeZone } from "./_tz_lookup.ts";

/**
 * The IANA time zone of a location.
 *
 * @param latitude Decimal degrees north, -90 to 90.
 * @param longitude Decimal degrees east, -180 to 180.
 * @returns The zone's name, e.g. `Europe/Zurich`, or `Etc/GMT+12` at sea.
 * @throws {RangeError} When a coordinate is out of range or not a number.
 * @example Usage
 * ```ts
 * import { timeZoneAt } from "./mod.ts";
 * if (timeZoneAt(46.20833, 6.14275) !== "Europe/Zurich") throw new Error("bad");
 * if (timeZoneAt(-37.81739, 144.96751) !== "Australia/Melbourne") throw new Error("bad");
 * ```
 */
export function timeZoneAt(latitude: number, longitude: number): string {
  if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
    throw new RangeError(
      "expected a latitude in [-90, 90] and a longitude in [-180, 180] but found " +
        `${latitude}, ${longitude}`,
    );
  }
  return lookupTimeZone(latitude, longitude);
}

/**
 * The UTC offset, in hours, of a time zone at midnight (local time) on the first day
 * of a month: the hours to add to UTC to get local time (e.g. 1 for Geneva in
 * January, 2 in July; 5.5 for Kolkata; 13.75 for the Chatham Islands in January).
 *
 * The reference asks `dateutil` for the offset of the naive datetime
 * `datetime(now().year, month, 1)`; we reproduce how it reads a wall-clock time
 * that is skipped or repeated by a change of offset: a skipped time gets the offset
 * in force after the change, a repeated one the offset before it (both only matter
 * when a zone changes its clocks at midnight on the 1st). The offset is
 * `seconds / 60 / 60` like the reference's, exact for whole minutes.
 *
 * @param timeZone An IANA zone name (e.g. `Australia/Adelaide`).
 * @param year The calendar year (the reference uses the current year).
 * @param month The month, 1 (January) to 12 (December).
 * @returns The offset, h (positive east of Greenwich).
 * @throws {RangeError} When the zone is unknown to the runtime or the year or month
 *   is not a valid integer.
 * @example Usage
 * ```ts
 * import { utcOffsetHours } from "./mod.ts";
 * if (utcOffsetHours("Europe/Zurich", 2025, 1) !== 1) throw new Error("bad");
 * if (utcOffsetHours("Europe/Zurich", 2025, 7) !== 2) throw new Error("bad");
 * if (utcOffsetHours("Australia/Adelaide", 2025, 1) !== 10.5) throw new Error("bad");
 * ```
 */
export function utcOffsetHours(timeZone: string, year: number, month: number): number {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`expected an integer year in [1, 9999] but found ${year}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`expected an integer month in [1, 12] but found ${month}`);
  }
  const key = `${timeZone} ${year} ${month}`;
  const known = offsetCache.get(key);
  if (known !== undefined) return known;
  const format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  const offsetAt = (epochMs: number): number => offsetMs(format, epochMs);
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, 1);
  const wallClock = midnight.getTime(); // local midnight, written as if it were UTC
  // The offset a day earlier is the one before any change near midnight. If the
  // instant it maps midnight to is before the change, that offset holds; otherwise
  // the offset after the change holds (skipped times land there too).
  const before = offsetAt(wallClock - DAY_MS);
  const hours = offsetAt(wallClock - before) / 1000 / 60 / 60;
  if (offsetCache.size >= OFFSET_CACHE_SIZE) offsetCache.clear();
  offsetCache.set(key, hours);
  return hours;
}

/** Offsets already computed (building an `Intl.DateTimeFormat` costs milliseconds), h. */
const offsetCache = new Map<string, number>();
/** Bound on the offset cache (zones × years × months seen by a long-running server). */
const OFFSET_CACHE_SIZE = 10_000;

const DAY_MS = 86_400_000;

/** Offset of the formatter's zone at an instant, ms, from its `GMT±hh:mm[:ss]` name. */
function offsetMs(format: Intl.DateTimeFormat, epochMs: number): number {
  const name = format.formatToParts(epochMs).find((p) => p.type === "timeZoneName")?.value;
  if (name === "GMT" || name === "UTC") return 0;
  const match = name === undefined
    ? null
    : /^(?:GMT|UTC)([+\u2212-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(name);
  if (match === null) {
    throw new RangeError(`expected a UTC offset like "GMT+05:30" but found ${String(name)}`);
  }
  const sign = match[1] === "+" ? 1 : -1;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return sign * seconds * 1000;
}
