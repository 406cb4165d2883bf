// Ports the concentration parts of caimira/tests/models/test_co2_concentration_model.py
// (reference e624bcf3). The change-point and fitting tests belong to the CO2 issue.
import { strictEqual } from "node:assert/strict";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import {
  type CO2ConcentrationModel,
  concentrationEvaluator,
  minBackgroundConcentration,
  normalizationFactor,
  removalRate,
} from "../../src/model/concentration.ts";
import { periodicInterval, specificInterval } from "../../src/model/interval.ts";
import { createRoom } from "../../src/model/room.ts";
import { airChange } from "../../src/model/ventilation.ts";
import { assertClose } from "../_helpers/stats.ts";

const ALMOST = { rel: 0, abs: 1.5e-7 };

function co2Model(presence: [number, number][]): CO2ConcentrationModel {
  return {
    kind: "co2",
    room: createRoom({ volume: 200 }),
    ventilation: airChange(periodicInterval(120, 120), 0.25),
    emitters: { number: 5, presence: specificInterval(presence), activity: ACTIVITY_TYPES.Seated },
    // Reference registry: CO2_atmosphere_concentration, CO2_fraction_exhaled.
    atmosphereConcentrationPpm: 440.44,
    fractionExhaled: 0.042,
  };
}

const simple = () => co2Model([[0, 4]]);
const extended = () => co2Model([[0, 4], [20, 20.1]]);

for (
  const [t, expected] of [[0, 440.44], [1, 914.2487227], [2, 1283.251327], [3, 1570.630844], [
    4,
    1794.442237,
  ]]
) {
  Deno.test(`CO2 concentration at ${t} h`, () => {
    assertClose(concentrationEvaluator(simple()).concentration(t) as number, expected, ALMOST);
  });
}

Deno.test("CO2 integratedConcentration() is additive", () => {
  const ev = concentrationEvaluator(simple());
  const c1 = ev.integratedConcentration(0, 2) as number;
  strictEqual(c1 !== 0, true);
  assertClose(
    c1,
    (ev.integratedConcentration(0, 1) as number) + (ev.integratedConcentration(1, 2) as number),
    ALMOST,
  );
});

for (const t of [4.1, 10]) {
  Deno.test(`CO2 limit after the last state change is the background (t=${t})`, () => {
    const model = simple();
    assertClose(
      concentrationEvaluator(model).normedConcentrationLimit(t) as number,
      (minBackgroundConcentration(model) as number) / (normalizationFactor(model) as number),
      ALMOST,
    );
  });
}

for (const [start, stop] of [[10, 19], [4, 19], [0, 19], [0, 20]]) {
  Deno.test(`CO2 after the last state change equals a model with a later re-entry (${start}-${stop})`, () => {
    const a = concentrationEvaluator(simple());
    const b = concentrationEvaluator(extended());
    const t = (start + stop) / 2;
    assertClose(removalRate(simple(), t) as number, removalRate(extended(), t) as number, ALMOST);
    assertClose(a.concentration(t) as number, b.concentration(t) as number, ALMOST);
    assertClose(a.normedConcentration(t) as number, b.normedConcentration(t) as number, ALMOST);
    assertClose(
      a.normedIntegratedConcentration(start, stop) as number,
      b.normedIntegratedConcentration(start, stop) as number,
      ALMOST,
    );
    assertClose(
      a.integratedConcentration(start, stop) as number,
      b.integratedConcentration(start, stop) as number,
      ALMOST,
    );
  });
}
