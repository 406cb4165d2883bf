// The short-range quantities no report path reads, checked against their definitions
// through the quantities the report does read.
import { strictEqual } from "node:assert/strict";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import { specificInterval } from "../../src/model/interval.ts";
import { MASK_TYPES } from "../../src/model/mask.ts";
import { fractionOfInfectiousVirus } from "../../src/model/population.ts";
import type { InfectedPopulation } from "../../src/model/population.ts";
import {
  dilutedJetConcentration,
  dilutionFactor,
  jetOriginConcentration,
  normedJetExposureBetweenBounds,
  normedJetOriginConcentration,
  shortRangeModel,
} from "../../src/model/short_range.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";
import { assertClose } from "../_helpers/stats.ts";

const infected: InfectedPopulation = {
  kind: "infected",
  number: 1,
  virus: VIRUS_TYPES.SARS_CoV_2,
  presence: specificInterval([[8.5, 12.5]]),
  mask: MASK_TYPES["No mask"],
  activity: ACTIVITY_TYPES.Seated,
  expiration: { kind: "single", diameter: 1, cn: 1 },
  hostImmunity: 0.25,
};
const model = shortRangeModel({
  infected,
  activity: ACTIVITY_TYPES.Seated,
  expiration: { kind: "single", diameter: 2, cn: 1 },
  presence: specificInterval([[10.5, 11]]),
  distance: 0.854,
});

Deno.test("jetOriginConcentration() is the diluted jet concentration times the dilution", () => {
  const origin = jetOriginConcentration(model) as number;
  const diluted = dilutedJetConcentration(model) as number;
  assertClose(origin, diluted * (dilutionFactor(model) as number), { rel: 1e-12, abs: 0 });
});

Deno.test("normedJetExposureBetweenBounds() is the normed origin (mL/m³) × the overlap, h", () => {
  const normed = normedJetOriginConcentration(model) as number;
  // The interaction is 10.5–11 h: 0.25 h of it between 10 and 10.75 h, none after 11 h.
  assertClose(normedJetExposureBetweenBounds(model, 10, 10.75) as number, normed * 1e6 * 0.25, {
    rel: 1e-12,
    abs: 0,
  });
  strictEqual(normedJetExposureBetweenBounds(model, 11.5, 12), 0);
});

Deno.test("fractionOfInfectiousVirus() is the viable-to-RNA ratio × (1 − immunity)", () => {
  const ratio = VIRUS_TYPES.SARS_CoV_2.viableToRnaRatio as number;
  strictEqual(fractionOfInfectiousVirus(infected), ratio * (1 - 0.25));
  strictEqual(
    fractionOfInfectiousVirus({
      kind: "emitting",
      number: 1,
      virus: VIRUS_TYPES.SARS_CoV_2,
      presence: specificInterval([[8.5, 12.5]]),
      mask: MASK_TYPES["No mask"],
      activity: ACTIVITY_TYPES.Seated,
      knownIndividualEmissionRate: 10,
      hostImmunity: 0,
    } as unknown as InfectedPopulation),
    1,
  );
});
