// Ports caimira/tests/models/test_mask.py, caimira/tests/test_infected_population.py and
// the fixed-parameter parts of caimira/tests/test_dynamic_infected.py (reference e624bcf3;
// the Monte Carlo sample size of the latter is irrelevant for these deterministic models).
import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import { NO_CASES } from "../../src/model/cases.ts";
import type { VirusConcentrationModel } from "../../src/model/concentration.ts";
import { EXPIRATION_TYPES } from "../../src/model/expiration.ts";
import { exposureEvaluator, exposureModel } from "../../src/model/exposure.ts";
import { specificInterval } from "../../src/model/interval.ts";
import { exhaleEfficiency, inhaleEfficiency, MASK_TYPES } from "../../src/model/mask.ts";
import {
  emissionRate,
  emissionRatePerAerosolPerPerson,
  type InfectedPopulation,
} from "../../src/model/population.ts";
import { createRoom } from "../../src/model/room.ts";
import { airChange } from "../../src/model/ventilation.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";
import { assertClose } from "../_helpers/stats.ts";

Deno.test("inhaleEfficiency() returns η_inhale, scalar or per sample", () => {
  strictEqual(inhaleEfficiency({ etaInhale: 0.5, factorExhale: 1 }), 0.5);
  deepStrictEqual(
    inhaleEfficiency({ etaInhale: Float64Array.of(0.3, 0.5), factorExhale: 1 }),
    Float64Array.of(0.3, 0.5),
  );
});

for (
  const [d, factor, expected] of [[0.3, 1, 0], [0.7, 0.3, 0.56711 * 0.3], [1, 1, 0.7149], [
    4,
    0.5,
    0.8167 * 0.5,
  ], [5, 0, 0]]
) {
  Deno.test(`exhaleEfficiency() at ${d} µm with factor ${factor}`, () => {
    assertClose(exhaleEfficiency({ etaInhale: 0.3, factorExhale: factor }, d) as number, expected, {
      rel: 0,
      abs: 1.5e-7,
    });
  });
}

for (
  const [name, viralLoad, exhalation] of [["viral load", Float64Array.of(5e8, 1e9), 0.75], [
    "exhalation rate",
    1e9,
    Float64Array.of(0.75, 0.81),
  ]] as const
) {
  Deno.test(`emissionRate() is vectorised over the ${name}`, () => {
    const infected: InfectedPopulation = {
      kind: "infected",
      number: 1,
      presence: specificInterval([[8, 17]]),
      mask: { etaInhale: 0.3, factorExhale: 0.95 },
      activity: { inhalationRate: 0.51, exhalationRate: exhalation },
      virus: {
        viralLoadInSputum: viralLoad,
        infectiousDose: 50,
        viableToRnaRatio: 0.5,
        transmissibilityFactor: 1,
        infectiousnessDays: 14,
      },
      expiration: EXPIRATION_TYPES.Breathing,
      hostImmunity: 0,
    };
    const rate = emissionRate(infected, 10);
    strictEqual(rate instanceof Float64Array && rate.length === 2, true);
  });
}

const interesting = specificInterval([[0.5, 1], [1.1, 2], [2, 3]]);
function infected(fields: Partial<InfectedPopulation>): InfectedPopulation {
  return {
    kind: "infected",
    number: 1,
    presence: interesting,
    mask: MASK_TYPES["Type I"],
    activity: ACTIVITY_TYPES.Seated,
    virus: VIRUS_TYPES.SARS_CoV_2,
    expiration: EXPIRATION_TYPES.Breathing,
    hostImmunity: 0,
    ...fields,
  } as InfectedPopulation;
}
const allInfected: InfectedPopulation[] = [
  infected({ number: 1 }),
  infected({ number: 2 }),
  infected({}),
  infected({ presence: specificInterval([[0.5, 1], [5, 13]]) }),
  infected({ mask: MASK_TYPES["Type I"] }),
  infected({ mask: MASK_TYPES["No mask"] }),
  infected({ activity: ACTIVITY_TYPES.Seated }),
  infected({ activity: ACTIVITY_TYPES.Standing }),
  infected({ expiration: EXPIRATION_TYPES.Breathing }),
  infected({ expiration: EXPIRATION_TYPES.Speaking }),
  infected({ hostImmunity: 0 }),
  infected({ hostImmunity: 0.9 }),
];
function concentrationModel(inf: InfectedPopulation, volume = 75): VirusConcentrationModel {
  return {
    kind: "virus",
    room: createRoom({ volume }),
    ventilation: airChange(interesting, 100),
    infected: inf,
    evaporationFactor: 0.3,
    minBackgroundConcentration: 0,
  };
}
function exposure(models: VirusConcentrationModel[]) {
  return exposureModel({
    concentrationModels: models,
    shortRange: [],
    exposed: {
      number: 1,
      presence: specificInterval([[8.5, 12], [13, 17.5]]),
      mask: MASK_TYPES["No mask"],
      activity: ACTIVITY_TYPES.Seated,
      hostImmunity: 0,
    },
    geographicalData: NO_CASES,
    exposedToShortRange: 0,
    identifier: "group_1",
  });
}
const valid = () => allInfected.map((inf) => concentrationModel(inf));

Deno.test("exposureModel() needs one virus and one room across infected populations", () => {
  throws(
    () =>
      exposure(
        [infected({}), infected({ virus: VIRUS_TYPES.SARS_CoV_2_ALPHA })].map((i) =>
          concentrationModel(i)
        ),
      ),
    /same virus/,
  );
  throws(
    () =>
      exposure([concentrationModel(allInfected[0], 75), concentrationModel(allInfected[0], 100)]),
    /same room/,
  );
  exposure(valid());
});

Deno.test("populationStateChangeTimes() merges the exposed and every infected presence", () => {
  deepStrictEqual(exposureEvaluator(exposure(valid())).populationStateChangeTimes(), [
    0.5,
    1,
    1.1,
    2,
    3,
    5,
    8.5,
    12,
    13,
    17.5,
  ]);
});

for (const t of [0, 0.6, 1, 3, 7, 17]) {
  Deno.test(`concentration() with several infected populations is the sum (${t} h)`, () => {
    const separate = valid().map((cm) => exposureEvaluator(exposure([cm])).concentration(t));
    const together = exposureEvaluator(exposure(valid())).concentration(t);
    assertClose(together, separate.reduce((a, b) => a + b, 0), { rel: 1e-5, abs: 1e-8 });
    strictEqual(together >= 0, true);
  });
}

for (const [start, stop] of [[0, 1], [0.6, 2], [1, 3], [1, 7], [0, 17]]) {
  Deno.test(`depositedExposureBetweenBounds() with several infected is the sum (${start}-${stop} h)`, () => {
    const separate = valid().map((cm) =>
      exposureEvaluator(exposure([cm])).depositedExposureBetweenBounds(start, stop) as number
    );
    const together = exposureEvaluator(exposure(valid())).depositedExposureBetweenBounds(
      start,
      stop,
    ) as number;
    assertClose(together, separate.reduce((a, b) => a + b, 0), { rel: 1e-5, abs: 1e-8 });
    strictEqual(together >= 0, true);
  });
}

Deno.test("the per-sample emission rate per aerosol equals the scalar one per sample", () => {
  // Long columns go through the kernel; some inputs per sample, some scalar.
  const n = 20_001;
  const load = Float64Array.from({ length: n }, (_, i) => 10 ** (2 + (i % 97) * 0.08));
  const exhalation = Float64Array.from({ length: n }, (_, i) => 0.4 + (i % 13) * 0.03);
  const immunity = Float64Array.from({ length: n }, (_, i) => (i % 5) * 0.2);
  const virus = { ...VIRUS_TYPES.SARS_CoV_2, viralLoadInSputum: load };
  const column = emissionRatePerAerosolPerPerson(
    infected({
      virus,
      activity: { ...ACTIVITY_TYPES.Seated, exhalationRate: exhalation },
      hostImmunity: immunity,
    }),
  ) as Float64Array;
  strictEqual(column.length, n);
  for (let i = 0; i < n; i += 7) {
    const one = emissionRatePerAerosolPerPerson(
      infected({
        virus: { ...VIRUS_TYPES.SARS_CoV_2, viralLoadInSputum: load[i] },
        activity: { ...ACTIVITY_TYPES.Seated, exhalationRate: exhalation[i] },
        hostImmunity: immunity[i],
      }),
    );
    strictEqual(column[i], one, `sample ${i}`);
  }
});
