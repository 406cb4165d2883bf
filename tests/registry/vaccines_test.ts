import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  boosterVaccineEffectiveness,
  primaryVaccineEffectiveness,
  VACCINE_BOOSTER_HOST_IMMUNITY,
  VACCINE_PRIMARY_HOST_IMMUNITY,
} from "../../src/registry/mod.ts";
import { readReferenceFixture } from "./_fixture.ts";

Deno.test("VACCINE_PRIMARY_HOST_IMMUNITY has the reference's entries", async () => {
  // reference models/data/__init__.py, vaccine_primary_host_immunity (via the fixture).
  const fixture = await readReferenceFixture();
  deepStrictEqual({ ...VACCINE_PRIMARY_HOST_IMMUNITY }, fixture.vaccine_primary_host_immunity);
  strictEqual(Object.keys(VACCINE_PRIMARY_HOST_IMMUNITY).length, 15);
  strictEqual(VACCINE_PRIMARY_HOST_IMMUNITY["BNT162b2_(Pfizer)"], 0.660272);
});

Deno.test("VACCINE_BOOSTER_HOST_IMMUNITY has the reference's entries in order", async () => {
  // reference models/data/__init__.py, vaccine_booster_host_immunity (via the fixture).
  const fixture = await readReferenceFixture();
  deepStrictEqual(
    VACCINE_BOOSTER_HOST_IMMUNITY.map((r) => ({
      "primary series vaccine": r.primarySeriesVaccine,
      "booster vaccine": r.boosterVaccine,
      "VE": r.vaccineEffectiveness,
    })),
    fixture.vaccine_booster_host_immunity,
  );
  strictEqual(VACCINE_BOOSTER_HOST_IMMUNITY.length, 18);
});

Deno.test("primaryVaccineEffectiveness() looks up a vaccine and misses unknown names", () => {
  strictEqual(primaryVaccineEffectiveness("Covishield"), 0.98);
  strictEqual(primaryVaccineEffectiveness("mRNA-1273_(Moderna)"), 0.730148);
  strictEqual(primaryVaccineEffectiveness("Unknown"), undefined);
  strictEqual(primaryVaccineEffectiveness("toString"), undefined);
});

Deno.test("boosterVaccineEffectiveness() looks up a pair and misses unknown pairs", () => {
  strictEqual(boosterVaccineEffectiveness("CoronaVac_(Sinovac)", "AZD1222_(AstraZeneca)"), 0.9405);
  strictEqual(
    boosterVaccineEffectiveness("BNT162b2_(Pfizer)_(3_doses)", "BNT162b2_(Pfizer)_(4th_dose)"),
    0.962,
  );
  strictEqual(boosterVaccineEffectiveness("Covishield", "Covishield"), undefined);
});
