// Ports the MultipleExpiration tests of caimira/tests/test_expiration.py (reference
// e624bcf3): test_multiple_wrong_weight_size, test_multiple_wrong_diameters and
// test_multiple. The reference raises ValueError; the port throws RangeError (the
// conventions of src/model/mod.ts), so the tests match the error kind and the gist of
// the message. test_expiration_aerosols (BLO distributions) is not part of this port.
import { throws } from "node:assert/strict";
import {
  aerosols,
  EXPIRATION_TYPES,
  multipleExpiration,
  singleExpiration,
} from "../../src/model/expiration.ts";
import { MASK_TYPES } from "../../src/model/mask.ts";
import { assertClose } from "../_helpers/stats.ts";

Deno.test("multiple expiration: as many weights as expirations are required", () => {
  const base = singleExpiration(2.5);
  throws(
    () => multipleExpiration([base, base], [1, 2, 3]),
    (e: unknown) => e instanceof RangeError && /weights/.test(e.message),
  );
});

Deno.test("multiple expiration: per-sample diameters are rejected", () => {
  const perSample = singleExpiration(Float64Array.of(1, 1));
  throws(
    () => multipleExpiration([perSample, singleExpiration(1), singleExpiration(2)], [1, 2, 3]),
    (e: unknown) => e instanceof RangeError && /scalar diameters/.test(e.message),
  );
});

Deno.test("multiple expiration: aerosols are the weighted mean of the parts", () => {
  const mask = MASK_TYPES["Type I"];
  const breathing = EXPIRATION_TYPES.Breathing;
  const singing = EXPIRATION_TYPES.Singing;
  const expected = ((aerosols(breathing, mask) as number) + (aerosols(singing, mask) as number)) /
    2;
  const mixed = aerosols(multipleExpiration([breathing, singing], [1, 1]), mask);
  // numpy's assert_almost_equal: |actual - expected| < 1.5e-7.
  assertClose(mixed as number, expected, { rel: 0, abs: 1.5e-7 }, "aerosols");
  // The aerosol volumes are ~1e-12 mL/cm³, so also check the relative agreement.
  assertClose(mixed as number, expected, { rel: 1e-12 }, "aerosols (relative)");
});
