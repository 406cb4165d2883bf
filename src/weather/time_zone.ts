/**
 * Time zone of a location and its UTC offset (reference: `timezone_at` in
 * `models/data/weather.py` and `tz_name_and_utc_offset` in `virus_validator.py`).
 *
 * The zone comes from `@photostructure/tz-lookup` (the reference uses
 * `timezonefinder`; both return IANA names, `Etc/GMT±N` at sea), through its ES-module
 * copy ./_tz_lookup.ts (see scripts/build_tz_lookup.ts). The offset comes from the
 * runtime's time-zone database: for the zones that lookup returns and the years 2000 to
 * 2100, through the table ./_tz_offsets.ts generated from it (scripts/build_tz_offsets.ts;
 * this spares a report the 8 MB that loading ICU costs), otherwise through
 * `Intl.DateTimeFormat` (./intl_utc_offset.ts).
 *
 * @module
 */
import { lookupTimeZone } from "./_tz_lookup.ts";
import { TZ_OFFSETS, TZ_OFFSETS_FIRST_YEAR, TZ_OFFSETS_LAST_YEAR } from "./_tz_offsets.ts";
import { intlUtcOffsetSeconds } from "./intl_utc_offset.ts";

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
  const minutes = tabulatedOffsetMinutes(timeZone, year, month);
  return minutes === undefined
    ? intlUtcOffsetSeconds(timeZone, year, month) / 60 / 60
    : minutes / 60;
}

/**
 * A zone's offset from the generated table ./_tz_offsets.ts, min; undefined for a zone or
 * year it does not hold.
 */
function tabulatedOffsetMinutes(zone: string, year: number, month: number): number | undefined {
  if (year < TZ_OFFSETS_FIRST_YEAR || year > TZ_OFFSETS_LAST_YEAR) return undefined;
  if (!Object.hasOwn(TZ_OFFSETS, zone)) return undefined;
  let offsets = "";
  for (const run of TZ_OFFSETS[zone].split(";")) {
    const colon = run.indexOf(":");
    if (Number(run.slice(0, colon)) > year) break;
    offsets = run.slice(colon + 1);
  }
  const monthly = offsets.split(",");
  return Number(monthly.length === 1 ? monthly[0] : monthly[month - 1]);
}
