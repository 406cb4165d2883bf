/**
 * Shared test models (ports of the reference's pytest fixtures in
 * `caimira/tests/models/test_concentration_model.py` and `test_exposure_model.py`).
 */
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import type { VirusConcentrationModel } from "../../src/model/concentration.ts";
import { EXPIRATION_TYPES } from "../../src/model/expiration.ts";
import { specificInterval } from "../../src/model/interval.ts";
import { MASK_TYPES } from "../../src/model/mask.ts";
import type { InfectedPopulation, Population } from "../../src/model/population.ts";
import { createRoom } from "../../src/model/room.ts";
import { airChange } from "../../src/model/ventilation.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";

/** The reference's registry values used by the models. */
export const EVAPORATION_FACTOR = 0.3;

/** Reference fixture `simple_conc_model`: presence and 100 ACH at 0.5–1, 1.1–2, 2–3 h. */
export function simpleConcModel(
  presence: readonly (readonly [number, number])[] = [[0.5, 1], [1.1, 2], [2, 3]],
): VirusConcentrationModel {
  const times = specificInterval([[0.5, 1], [1.1, 2], [2, 3]]);
  const infected: InfectedPopulation = {
    kind: "infected",
    number: 1,
    presence: specificInterval(presence),
    mask: MASK_TYPES["Type I"],
    activity: ACTIVITY_TYPES.Seated,
    virus: VIRUS_TYPES.SARS_CoV_2,
    expiration: EXPIRATION_TYPES.Breathing,
    hostImmunity: 0,
  };
  return {
    kind: "virus",
    room: createRoom({ volume: 75 }),
    ventilation: airChange(times, 100),
    infected,
    evaporationFactor: EVAPORATION_FACTOR,
    minBackgroundConcentration: 0,
  };
}

/** Reference fixture `dummy_population`: one seated person with a Type I mask. */
export function dummyPopulation(model: VirusConcentrationModel): Population {
  return {
    number: 1,
    presence: model.infected.presence!,
    mask: MASK_TYPES["Type I"],
    activity: ACTIVITY_TYPES.Seated,
    hostImmunity: 0,
  };
}
