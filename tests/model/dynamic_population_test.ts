// Ports caimira/tests/models/test_dynamic_population.py (reference e624bcf3). The
// reference's TypeErrors on inconsistent number/presence are prevented by our types.
import { strictEqual, throws } from "node:assert/strict";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import { NO_CASES } from "../../src/model/cases.ts";
import { EXPIRATION_TYPES } from "../../src/model/expiration.ts";
import {
  exposureEvaluator,
  type ExposureModel,
  exposureModel,
  exposureModelGroup,
  groupExpectedNewCases,
} from "../../src/model/exposure.ts";
import { periodicInterval, specificInterval } from "../../src/model/interval.ts";
import { MASK_TYPES } from "../../src/model/mask.ts";
import { intPiecewiseConstant } from "../../src/model/piecewise_constant.ts";
import {
  type InfectedPopulation,
  peoplePresent,
  personPresent,
} from "../../src/model/population.ts";
import { createRoom } from "../../src/model/room.ts";
import { airChange } from "../../src/model/ventilation.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";
import { assertClose } from "../_helpers/stats.ts";

const ALMOST = { rel: 0, abs: 1.5e-7 };
const presence = specificInterval([[8, 12], [13, 17]]);

function infected(fields: Partial<InfectedPopulation> = {}): InfectedPopulation {
  return {
    kind: "infected",
    number: 1,
    presence,
    mask: MASK_TYPES["No mask"],
    activity: ACTIVITY_TYPES.Seated,
    expiration: EXPIRATION_TYPES.Breathing,
    virus: VIRUS_TYPES.SARS_CoV_2,
    hostImmunity: 0,
    ...fields,
  } as InfectedPopulation;
}

function fullExposureModel(
  inf: InfectedPopulation = infected(),
  exposedNumber = 10,
): ExposureModel {
  return exposureModel({
    concentrationModels: [{
      kind: "virus",
      room: createRoom({ volume: 100 }),
      ventilation: airChange(periodicInterval(120, 120), 0.25),
      infected: inf,
      evaporationFactor: 0.3,
      minBackgroundConcentration: 0,
    }],
    shortRange: [],
    exposed: {
      number: exposedNumber,
      presence,
      mask: MASK_TYPES["No mask"],
      activity: ACTIVITY_TYPES.Seated,
      hostImmunity: 0,
    },
    geographicalData: NO_CASES,
    exposedToShortRange: 0,
    identifier: "group_1",
  });
}

const baselineDynamic = () =>
  infected({ number: intPiecewiseConstant([8, 12, 13, 17], [1, 0, 1]), presence: undefined });

for (const t of [4, 8, 10, 12, 13, 14, 16, 20, 24]) {
  Deno.test(`a fixed and a piecewise-constant population agree at ${t} h`, () => {
    strictEqual(personPresent(infected(), t), personPresent(baselineDynamic(), t));
    strictEqual(peoplePresent(infected(), t), peoplePresent(baselineDynamic(), t));
    const full = exposureEvaluator(fullExposureModel());
    const dynamic = exposureEvaluator(fullExposureModel(baselineDynamic()));
    strictEqual(full.concentration(t), dynamic.concentration(t));
  });
}

for (const n of [1, 2, 3, 4, 5]) {
  for (const t of [9, 12.5, 16]) {
    Deno.test(`concentration and dose are linear in the number of infected (${n} at ${t} h)`, () => {
      const many = exposureEvaluator(fullExposureModel(infected({ number: n })));
      const dynamic = exposureEvaluator(fullExposureModel(baselineDynamic()));
      assertClose(many.concentration(t), dynamic.concentration(t) * n, ALMOST);
      assertClose(
        many.depositedExposure() as number,
        (dynamic.depositedExposure() as number) * n,
        ALMOST,
      );
    });
  }
}

for (const t of [8, 9, 10, 11, 12, 13, 14]) {
  Deno.test(`a dynamic infected dose is the sum of the static pieces (${t} h)`, () => {
    const dynamic = exposureEvaluator(fullExposureModel(infected({
      number: intPiecewiseConstant([8, 10, 12, 13, 17], [1, 2, 0, 3]),
      presence: undefined,
    })));
    const pieces = ([[1, [8, 10]], [2, [10, 12]], [3, [13, 17]]] as const).map(([n, span]) =>
      exposureEvaluator(
        fullExposureModel(infected({ number: n, presence: specificInterval([span]) })),
      )
    );
    assertClose(
      dynamic.concentration(t),
      pieces.reduce((s, e) => s + e.concentration(t), 0),
      ALMOST,
    );
    assertClose(
      dynamic.depositedExposure() as number,
      pieces.reduce((s, e) => s + (e.depositedExposure() as number), 0),
      ALMOST,
    );
  });
}

Deno.test("infectionProbability() is the same with a fixed and a dynamic infected population", () => {
  const base = exposureEvaluator(fullExposureModel()).infectionProbability() as number;
  assertClose(
    exposureEvaluator(fullExposureModel(baselineDynamic())).infectionProbability() as number,
    base,
    ALMOST,
  );
});

Deno.test("totalProbabilityRule() refuses dynamic occupancy", () => {
  throws(
    () => exposureEvaluator(fullExposureModel(baselineDynamic())).totalProbabilityRule(),
    /dynamic occupancy/,
  );
});

Deno.test("exposureModelGroup() requires the same infected number and presence", () => {
  throws(
    () => exposureModelGroup([fullExposureModel(), fullExposureModel(infected({ number: 2 }))]),
    /same infected number and presence/,
  );
});

Deno.test("groupExpectedNewCases() is the sum over the groups", () => {
  const inf = infected();
  const a = fullExposureModel(inf);
  const b = fullExposureModel(inf, 5);
  const group = exposureModelGroup([a, b]);
  const evaluators = group.exposureModels.map((m) => exposureEvaluator(m));
  strictEqual(
    groupExpectedNewCases(evaluators),
    (exposureEvaluator(a).expectedNewCases() as number) +
      (exposureEvaluator(b).expectedNewCases() as number),
  );
});
