// Expected zones: the reference's test_timezone_at__expected (timezonefinder) plus the
// fixtures README; expected offsets: dateutil.tz (the reference's library) with the
// IANA data 2025b, `tz.utcoffset(datetime(year, month, 1)).total_seconds() / 60 / 60`.
import { strictEqual, throws } from "node:assert/strict";
import tzLookupPackage from "@photostructure/tz-lookup";
import { timeZoneAt, utcOffsetHours } from "../../src/weather/mod.ts";
import {
  TZ_OFFSETS,
  TZ_OFFSETS_FIRST_YEAR,
  TZ_OFFSETS_LAST_YEAR,
} from "../../src/weather/_tz_offsets.ts";
import { intlUtcOffsetSeconds } from "../../src/weather/intl_utc_offset.ts";

Deno.test("timeZoneAt() finds the reference's zones", () => {
  strictEqual(timeZoneAt(46.20833, 6.14275), "Europe/Zurich"); // Geneva
  strictEqual(timeZoneAt(-37.81739, 144.96751), "Australia/Melbourne");
  strictEqual(timeZoneAt(-44.033333, -176.433333), "Pacific/Chatham");
  strictEqual(timeZoneAt(-34.9285, 138.6007), "Australia/Adelaide");
  strictEqual(timeZoneAt(40.7128, -74.006), "America/New_York");
  strictEqual(timeZoneAt(27.7172, 85.324), "Asia/Kathmandu");
  // At sea: the nautical zones, as timezonefinder.
  strictEqual(timeZoneAt(0, -175), "Etc/GMT+12");
  strictEqual(timeZoneAt(89.8, -170), "Etc/GMT+11");
});

Deno.test("timeZoneAt() answers as the npm package it is generated from, on a world grid", () => {
  // src/weather/_tz_lookup.ts is the package's function in an ES module: every 0.5° of
  // latitude and longitude (and a third of a degree off the grid) gives the same zone.
  let compared = 0;
  for (let lat = -90; lat <= 90; lat += 0.5) {
    for (let lon = -180; lon <= 180; lon += 0.5) {
      const at = [lat, lon, Math.min(90, lat + 1 / 3), Math.min(180, lon + 1 / 3)];
      strictEqual(timeZoneAt(at[0], at[1]), tzLookupPackage(at[0], at[1]), `${at[0]}, ${at[1]}`);
      strictEqual(timeZoneAt(at[2], at[3]), tzLookupPackage(at[2], at[3]), `${at[2]}, ${at[3]}`);
      compared += 2;
    }
  }
  strictEqual(compared, 2 * 361 * 721);
});

Deno.test("timeZoneAt() rejects coordinates out of range", () => {
  // The reference raises ValueError("Invalid longitude 181.0 ...") for this one.
  throws(() => timeZoneAt(88, 181), { name: "RangeError", message: /longitude in \[-180, 180\]/ });
  throws(() => timeZoneAt(-90.5, 0), RangeError);
  throws(() => timeZoneAt(NaN, 0), RangeError);
});

Deno.test("utcOffsetHours() gives the offset on the 1st of the month (DST included)", () => {
  const cases: [string, number, number, number][] = [
    ["Europe/Zurich", 2025, 1, 1],
    ["Europe/Zurich", 2025, 7, 2],
    ["Europe/Zurich", 2025, 3, 1], // DST starts on the last Sunday of March
    ["Europe/Zurich", 2025, 4, 2],
    ["Europe/Zurich", 2025, 11, 1],
    ["Australia/Melbourne", 2025, 1, 11],
    ["Australia/Melbourne", 2025, 7, 10],
    ["Australia/Melbourne", 2025, 4, 11], // DST ends on the first Sunday of April (6th)
    ["Australia/Adelaide", 2025, 1, 10.5],
    ["Australia/Adelaide", 2025, 7, 9.5],
    ["Pacific/Chatham", 2025, 1, 13.75],
    ["Pacific/Chatham", 2025, 7, 12.75],
    ["Asia/Kathmandu", 2025, 6, 5.75],
    ["Asia/Kolkata", 2025, 6, 5.5],
    ["America/New_York", 2025, 1, -5],
    ["America/New_York", 2025, 7, -4],
    ["America/St_Johns", 2025, 1, -3.5],
    ["Etc/GMT+12", 2025, 1, -12],
    ["UTC", 2025, 1, 0],
  ];
  for (const [zone, year, month, expected] of cases) {
    strictEqual(utcOffsetHours(zone, year, month), expected, `${zone} ${year}-${month}`);
  }
});

Deno.test("utcOffsetHours() reads a midnight that is skipped or repeated the way dateutil does", () => {
  // Asunción, 1 October 2023: clocks jumped from 00:00 to 01:00 (UTC-4 to UTC-3); the
  // skipped midnight gets the new offset.
  strictEqual(utcOffsetHours("America/Asuncion", 2023, 10), -3);
  // Cairo, 1 November 2024: DST ended at 24:00 on 31 October (back to 23:00); the
  // single midnight that follows is in standard time.
  strictEqual(utcOffsetHours("Africa/Cairo", 2024, 11), 2);
  // Almaty, 1 March 2024: UTC+6 became UTC+5 at midnight.
  strictEqual(utcOffsetHours("Asia/Almaty", 2024, 3), 5);
});

Deno.test("utcOffsetHours() rejects an unknown zone, year or month", () => {
  throws(() => utcOffsetHours("Mars/Olympus_Mons", 2025, 1), RangeError);
  throws(() => utcOffsetHours("UTC", 2025, 13), {
    name: "RangeError",
    message: /month in \[1, 12\]/,
  });
  throws(() => utcOffsetHours("UTC", 2025, 0), RangeError);
  throws(() => utcOffsetHours("UTC", 2025.5, 1), { name: "RangeError", message: /integer year/ });
});

Deno.test("utcOffsetHours() agrees with the runtime's time-zone database for every tabulated zone", () => {
  // src/weather/_tz_offsets.ts is generated from Intl (scripts/build_tz_offsets.ts); it
  // must give the same offsets, including a zone's changes of rules (Asunción, Cairo...).
  let compared = 0;
  for (const zone of Object.keys(TZ_OFFSETS)) {
    for (const year of [TZ_OFFSETS_FIRST_YEAR, 2007, 2016, 2026, 2061, TZ_OFFSETS_LAST_YEAR]) {
      for (let month = 1; month <= 12; month++) {
        const fromIntl = intlUtcOffsetSeconds(zone, year, month) / 60 / 60;
        strictEqual(utcOffsetHours(zone, year, month), fromIntl, `${zone} ${year}-${month}`);
        compared++;
      }
    }
  }
  strictEqual(compared, Object.keys(TZ_OFFSETS).length * 6 * 12);
});

Deno.test("utcOffsetHours() answers the location lookup's zones without Intl, other zones and years with it", () => {
  // The first Intl.DateTimeFormat of an isolate loads ICU's data (about 8 MB): a report
  // of a located room must not need it.
  // Every offset read through Intl formats a date (a formatter may come from a cache).
  const prototype = Intl.DateTimeFormat.prototype;
  const formatToParts = prototype.formatToParts;
  let formatted = 0;
  prototype.formatToParts = function (this: Intl.DateTimeFormat, date?: Date | number) {
    formatted++;
    return formatToParts.call(this, date);
  };
  try {
    for (const zone of ["Europe/Zurich", "Australia/Adelaide", "Etc/GMT+12", "Pacific/Chatham"]) {
      for (let month = 1; month <= 12; month++) utcOffsetHours(zone, 2026, month);
    }
    strictEqual(timeZoneAt(46.20833, 6.14275), "Europe/Zurich");
    strictEqual(formatted, 0);
    // Outside the table: years before and after it, and a zone the lookup never returns.
    strictEqual(utcOffsetHours("Europe/Paris", 1999, 7), 2);
    strictEqual(formatted, 2);
    strictEqual(utcOffsetHours("Europe/Zurich", 2101, 1), 1);
    strictEqual(formatted, 4);
    strictEqual(utcOffsetHours("America/Argentina/ComodRivadavia", 2026, 1), -3);
    strictEqual(formatted, 6);
  } finally {
    prototype.formatToParts = formatToParts;
  }
});
