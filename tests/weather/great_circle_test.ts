// Great-circle distances checked against geometry: a quarter and a half of a great
// circle are πR/2 and πR whatever the direction, and the distance is symmetric.
import { ok, strictEqual } from "node:assert/strict";
import { EARTH_RADIUS_KM, greatCircleKm } from "../../src/weather/mod.ts";
import { assertClose } from "../_helpers/stats.ts";

const QUARTER = (Math.PI / 2) * EARTH_RADIUS_KM;
const TOL = { rel: 1e-12, abs: 1e-9 };

Deno.test("greatCircleKm(): quarter and half great circles are πR/2 and πR", () => {
  assertClose(greatCircleKm(0, 0, 90, 0), QUARTER, TOL, "equator to pole");
  assertClose(greatCircleKm(0, 0, 0, 90), QUARTER, TOL, "along the equator");
  assertClose(greatCircleKm(0, 0, 0, 180), 2 * QUARTER, TOL, "antipodes on the equator");
  assertClose(greatCircleKm(45, 10, -45, -170), 2 * QUARTER, TOL, "antipodes");
});

Deno.test("greatCircleKm(): the ±180° meridian is crossed, not gone around", () => {
  // 1° of longitude on the equator, across the date line.
  assertClose(greatCircleKm(0, 179.5, 0, -179.5), QUARTER / 90, TOL, "date line");
});

Deno.test("greatCircleKm(): symmetric and zero at the same point", () => {
  strictEqual(greatCircleKm(46.2, 6.14, 46.2, 6.14), 0);
  strictEqual(greatCircleKm(46.2, 6.14, -33.9, 151.2), greatCircleKm(-33.9, 151.2, 46.2, 6.14));
  ok(Number.isNaN(greatCircleKm(NaN, 0, 0, 0)));
});
