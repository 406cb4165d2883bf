/**
 * The UTC offset of a time zone at midnight on the 1st of a month, from the runtime's
 * time-zone database through `Intl.DateTimeFormat` (the rule is documented at
 * `utcOffsetHours` in ./time_zone.ts).
 *
 * The first `Intl.DateTimeFormat` of a process loads ICU's data, about 8 MB of resident
 * memory per isolate, so ./time_zone.ts reads its generated table ./_tz_offsets.ts
 * first and calls this only for a zone or year outside it; scripts/build_tz_offsets.ts
 * generates that table with this function.
 *
 * @module
 */

const DAY_MS = 86_400_000;

/**
 * The offset of `timeZone` at local midnight on the 1st of `month` of `year`, in
 * seconds east of Greenwich: a skipped midnight gets the offset in force after the
 * change, a repeated one the offset before it (as the reference's `dateutil`).
 *
 * @param timeZone An IANA zone name.
 * @param year The calendar year, an integer in [1, 9999] (not checked here).
 * @param month The month, 1 to 12 (not checked here).
 * @returns The offset, s (positive east of Greenwich).
 * @throws {RangeError} When the runtime does not know the zone.
 */
export function intlUtcOffsetSeconds(timeZone: string, year: number, month: number): number {
  const format = formatter(timeZone);
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, 1);
  const wallClock = midnight.getTime(); // local midnight, written as if it were UTC
  // The offset a day earlier is the one before any change near midnight. If the
  // instant it maps midnight to is before the change, that offset holds; otherwise
  // the offset after the change holds (skipped times land there too).
  const before = offsetMs(format, wallClock - DAY_MS);
  return offsetMs(format, wallClock - before) / 1000;
}

/** Formatters already built, by zone (building one costs about a millisecond). */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Bound on {@link formatters} (a server may be asked for any zone). */
const FORMATTER_CACHE_SIZE = 1000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    if (formatters.size >= FORMATTER_CACHE_SIZE) formatters.clear();
    formatters.set(timeZone, format);
  }
  return format;
}

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
