// Ports the fixed-parameter parts of caimira/tests/models/test_short_range_model.py
// (reference e624bcf3); the Monte Carlo parts are in tests/model/sampling_test.ts.
import { deepStrictEqual, throws } from "node:assert/strict";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import { specificInterval } from "../../src/model/interval.ts";
import { MASK_TYPES } from "../../src/model/mask.ts";
import type { InfectedPopulation } from "../../src/model/population.ts";
import {
  dilutionFactor,
  extractBetweenBounds,
  type ShortRangeModel,
  shortRangeModel,
} from "../../src/model/short_range.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";
import { assertClose } from "../_helpers/stats.ts";

function infected(activity = ACTIVITY_TYPES.Seated): InfectedPopulation {
  return {
    kind: "infected",
    number: 1,
    virus: VIRUS_TYPES.SARS_CoV_2,
    presence: specificInterval([[8.5, 12.5], [13.5, 17.5]]),
    mask: MASK_TYPES["No mask"],
    activity,
    expiration: { kind: "single", diameter: 1, cn: 1 },
    hostImmunity: 0,
  };
}

function model(activityName = "Seated"): ShortRangeModel {
  const activity = ACTIVITY_TYPES[activityName];
  return shortRangeModel({
    infected: infected(activity),
    activity,
    expiration: { kind: "single", diameter: Float64Array.of(1, 2), cn: 1 },
    presence: specificInterval([[10.5, 11]]),
    distance: 0.854,
  });
}

for (
  const [activity, expected] of [
    ["Seated", 85.73002264],
    ["Standing", 76.19303543],
    ["Light activity", 32.45103906],
    ["Moderate activity", 21.79749405],
    ["Heavy exercise", 16.372],
  ] as const
) {
  Deno.test(`dilutionFactor() for ${activity} at 0.854 m`, () => {
    assertClose(dilutionFactor(model(activity)) as number, expected, { rel: 0, abs: 1.5e-7 });
  });
}

Deno.test("extractBetweenBounds() rejects reversed times", () => {
  throws(() => extractBetweenBounds(model(), 11, 10), /time1 <= time2/);
});

for (
  const [t1, t2, start, stop] of [
    [10, 12, 10.5, 11],
    [10, 10.7, 10.5, 10.7],
    [10, 10.45, 0, 0],
    [11.01, 11.5, 0, 0],
    [10.8, 10.9, 10.8, 10.9],
    [10.8, 11.5, 10.8, 11],
    [10.5, 11, 10.5, 11],
  ]
) {
  Deno.test(`extractBetweenBounds(${t1}, ${t2}) is [${start}, ${stop}]`, () => {
    deepStrictEqual(extractBetweenBounds(model(), t1, t2), [start, stop]);
  });
}

Deno.test("shortRangeModel() refuses an interaction outside the infected presence", () => {
  throws(
    () =>
      shortRangeModel({
        infected: infected(),
        activity: ACTIVITY_TYPES.Seated,
        expiration: { kind: "single", diameter: 1, cn: 1 },
        presence: specificInterval([[7, 9]]),
        distance: 1,
      }),
    /within the presence of the infected/,
  );
});
