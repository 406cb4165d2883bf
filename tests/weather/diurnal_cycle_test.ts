// The cosine diurnal cycle (Campbell 1985): extremes at 15:00 and 03:00 solar time,
// the mean of 24 hourly values equal to (Tmax + Tmin) / 2 (the cosine sums to zero over
// a period), and the UTC hours shifted by longitude / 15.
import { strictEqual } from "node:assert/strict";
import { diurnalTemperature, utcHourlyFromDailyRange } from "../../src/weather/mod.ts";
import { assertClose } from "../_helpers/stats.ts";

const TOL = { rel: 1e-12, abs: 1e-12 };

Deno.test("diurnalTemperature(): Tmax at 15:00, Tmin at 03:00, the mean at 09:00 and 21:00", () => {
  assertClose(diurnalTemperature(24, 8, 15), 24, TOL, "15:00");
  assertClose(diurnalTemperature(24, 8, 3), 8, TOL, "03:00");
  assertClose(diurnalTemperature(24, 8, 9), 16, TOL, "09:00");
  assertClose(diurnalTemperature(24, 8, 21), 16, TOL, "21:00");
  assertClose(diurnalTemperature(24, 8, 15 + 24), 24, TOL, "one day later");
  // SWAT's form: 0.5 (Tmax + Tmin + (Tmax − Tmin) cos(0.2618 (h − 15))), 0.2618 ≈ 2π/24.
  const swat = 0.5 * (24 + 8 + (24 - 8) * Math.cos(0.2618 * (7 - 15)));
  assertClose(diurnalTemperature(24, 8, 7), swat, { rel: 1e-4, abs: 0 }, "SWAT 07:00");
});

Deno.test("utcHourlyFromDailyRange(): 24 values whose mean is the mid-range, shifted by longitude", () => {
  for (const longitude of [0, 6.13, -73.87, 151.17, -179.9]) {
    const day = utcHourlyFromDailyRange(30, 10, longitude);
    strictEqual(day.length, 24);
    assertClose(day.reduce((a, b) => a + b) / 24, 20, TOL, `mean at ${longitude}°`);
  }
  // At 0° the maximum is at 15 UTC; at 45° E (3 h ahead) at 12 UTC; at 45° W at 18 UTC.
  const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
  strictEqual(argmax(utcHourlyFromDailyRange(30, 10, 0)), 15);
  strictEqual(argmax(utcHourlyFromDailyRange(30, 10, 45)), 12);
  strictEqual(argmax(utcHourlyFromDailyRange(30, 10, -45)), 18);
});
