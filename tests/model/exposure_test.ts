// Ports caimira/tests/models/test_exposure_model.py (reference e624bcf3). The reference's
// KnownNormedconcentration subclass becomes concentration overrides (known normalised
// concentration and limit, removal rate 1e50, state changes at 0 and 24 h).
import { strictEqual, throws } from "node:assert/strict";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import {
  type Cases,
  NO_CASES,
  probabilityMeetInfectedPerson,
  probabilityRandomIndividual,
} from "../../src/model/cases.ts";
import type {
  ConcentrationModel,
  ConcentrationOverrides,
  VirusConcentrationModel,
} from "../../src/model/concentration.ts";
import { EXPIRATION_TYPES } from "../../src/model/expiration.ts";
import { exposureEvaluator, exposureModel } from "../../src/model/exposure.ts";
import {
  type Interval,
  neverInterval,
  periodicInterval,
  specificInterval,
} from "../../src/model/interval.ts";
import { MASK_TYPES } from "../../src/model/mask.ts";
import { piecewiseConstant } from "../../src/model/piecewise_constant.ts";
import {
  emissionRatePerPerson,
  type InfectedPopulation,
  type Population,
} from "../../src/model/population.ts";
import { createRoom } from "../../src/model/room.ts";
import { div, mul, type Vec } from "../../src/model/vec.ts";
import {
  airChange,
  hepaFilter,
  hingedWindow,
  hvacMechanical,
  slidingWindow,
} from "../../src/model/ventilation.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";
import { assertClose } from "../_helpers/stats.ts";

const halftime = periodicInterval(120, 60);
/** The reference's `_VentilationBase()`: no air exchange and no state changes. */
const neverVentilation = () => airChange(neverInterval(), 0);
const populations: Population[] = [
  {
    number: 10,
    presence: halftime,
    activity: ACTIVITY_TYPES.Standing,
    mask: MASK_TYPES["Type I"],
    hostImmunity: 0,
  },
  {
    number: 10,
    presence: halftime,
    activity: ACTIVITY_TYPES.Standing,
    mask: { etaInhale: Float64Array.of(0.3, 0.35), factorExhale: 1 },
    hostImmunity: 0,
  },
  {
    number: 10,
    presence: halftime,
    activity: { inhalationRate: Float64Array.of(0.51, 0.57), exhalationRate: 0.57 },
    mask: MASK_TYPES["Type I"],
    hostImmunity: 0,
  },
];

function dummyInfected(overrides: Partial<InfectedPopulation> = {}): InfectedPopulation {
  return {
    kind: "infected",
    number: 1,
    presence: halftime,
    mask: MASK_TYPES["Type I"],
    activity: ACTIVITY_TYPES.Standing,
    virus: VIRUS_TYPES.SARS_CoV_2_ALPHA,
    expiration: EXPIRATION_TYPES.Speaking,
    hostImmunity: 0,
    ...overrides,
  } as InfectedPopulation;
}

/** A concentration model whose normalised concentration is func(t) / emission rate. */
function knownConcentrations(
  func: (t: number) => Vec,
  funcLimit?: (t: number) => Vec,
  infected: InfectedPopulation = dummyInfected(),
): { model: VirusConcentrationModel; overrides: ConcentrationOverrides } {
  const model: VirusConcentrationModel = {
    kind: "virus",
    room: createRoom({ volume: 50 }),
    ventilation: neverVentilation(),
    infected,
    evaporationFactor: 0.3,
    minBackgroundConcentration: 0,
  };
  const er = emissionRatePerPerson(dummyInfected());
  // As the reference's KnownNormedconcentration: scaled by the number of infected.
  const infectedNumber = (m: ConcentrationModel) =>
    m.kind === "virus" ? m.infected.number as number : 1;
  const normed = (t: number, m: ConcentrationModel) => mul(div(func(t), er), infectedNumber(m));
  const limit = funcLimit
    ? (t: number, m: ConcentrationModel) => mul(div(funcLimit(t), er), infectedNumber(m))
    : normed;
  return {
    model,
    overrides: {
      normedConcentration: normed,
      normedConcentrationLimit: limit,
      removalRate: () => 1e50,
      stateChangeTimes: [0, 24],
    },
  };
}

function evaluate(
  known: { model: VirusConcentrationModel; overrides: ConcentrationOverrides },
  exposed: Population,
  cases: Cases = NO_CASES,
) {
  const model = exposureModel({
    concentrationModels: [known.model],
    shortRange: [],
    exposed,
    geographicalData: cases,
    exposedToShortRange: 0,
    identifier: "group_1",
  });
  return exposureEvaluator(model, [known.overrides]);
}

function assertArrayClose(
  actual: Vec,
  expected: number[],
  tol: { rel?: number; abs?: number },
  what: string,
) {
  strictEqual(actual instanceof Float64Array, true, `${what}: expected an array`);
  strictEqual((actual as Float64Array).length, expected.length);
  expected.forEach((e, i) => assertClose((actual as Float64Array)[i], e, tol, `${what}[${i}]`));
}

const ALMOST = { rel: 0, abs: 1.5e-7 };

const ndarrayCases: [Population, (t: number) => Vec, number[], number[]][] = [
  [populations[1], () => 18, [64.02320633, 59.45012016], [67.9503762594, 65.2366759251]],
  [populations[2], () => 18, [40.91708675, 45.73086166], [51.6749232285, 55.6374622042]],
  [populations[0], () => Float64Array.of(18, 36), [45.73086166, 91.46172332], [
    55.6374622042,
    80.3196524031,
  ]],
  [populations[1], () => Float64Array.of(18, 36), [64.02320633, 118.90024032], [
    67.9503762594,
    87.9151129926,
  ]],
  [populations[2], () => Float64Array.of(18, 36), [40.91708675, 91.46172332], [
    51.6749232285,
    80.3196524031,
  ]],
];
ndarrayCases.forEach(([population, func, exposure, probability], i) => {
  Deno.test(`depositedExposure() and infectionProbability() with arrays (case ${i})`, () => {
    const ev = evaluate(knownConcentrations(func), population);
    assertArrayClose(ev.depositedExposure(), exposure, ALMOST, "deposited exposure");
    assertArrayClose(
      ev.infectionProbability(),
      probability,
      { rel: 0, abs: 1.5e-10 },
      "probability",
    );
    strictEqual((ev.expectedNewCases() as Float64Array).length, 2);
  });
});

const mixCases: [Population, number[]][] = [
  [populations[0], [1.52436206, 1.52436206]],
  [populations[1], [2.13410688, 1.98167067]],
  [populations[2], [1.36390289, 1.52436206]],
];
mixCases.forEach(([population, expected], i) => {
  Deno.test(`depositedExposure() with a mix of scalars and arrays over time (case ${i})`, () => {
    const func = (t: number): Vec => Math.floor(t) % 2 ? 0 : Float64Array.of(0.6, 0.6);
    const ev = evaluate(knownConcentrations(func, () => func(24)), population);
    assertArrayClose(ev.depositedExposure(), expected, ALMOST, "deposited exposure");
  });
  Deno.test(`depositedExposure() with a constant array concentration (case ${i})`, () => {
    const ev = evaluate(knownConcentrations(() => Float64Array.of(0.6, 0.6)), population);
    assertArrayClose(ev.depositedExposure(), expected, ALMOST, "deposited exposure");
  });
});

Deno.test("depositedExposure() with a scalar concentration", () => {
  const ev = evaluate(knownConcentrations(() => 0.6), populations[0]);
  assertClose(ev.depositedExposure() as number, 1.52436206, ALMOST);
});

// Reference: trapezoidal integration with 10,000 points per exposed presence interval.
const integralCases: [[number, number], number][] = [
  [[0, 1], 42.63222033436878],
  [[1, 1.01], 0.485377549596179],
  [[1.01, 1.02], 0.47058239520823814],
  [[12, 12.01], 0.01622776617499709],
  [[12, 24], 595.1115223695439],
  [[0, 24], 645.8401125684933],
];
for (const [span, expected] of integralCases) {
  Deno.test(`depositedExposure() integrates accurately over ${span[0]}-${span[1]} h`, () => {
    const always = specificInterval([[0, 24]]);
    const model: VirusConcentrationModel = {
      kind: "virus",
      room: createRoom({ volume: 25, insideTemp: piecewiseConstant([0, 24], [293]) }),
      ventilation: airChange(always, 5),
      infected: {
        kind: "emitting",
        number: 1,
        presence: specificInterval([[0, 1], [1.01, 1.02], [12, 24]]),
        mask: MASK_TYPES["No mask"],
        activity: ACTIVITY_TYPES.Seated,
        virus: VIRUS_TYPES.SARS_CoV_2,
        knownIndividualEmissionRate: 970 * 50,
        hostImmunity: 0,
      },
      evaporationFactor: 0.3,
      minBackgroundConcentration: 0,
    };
    const exposed: Population = {
      number: 10,
      presence: specificInterval([span]),
      activity: ACTIVITY_TYPES.Standing,
      mask: MASK_TYPES["Type I"],
      hostImmunity: 0,
    };
    const ev = exposureEvaluator(exposureModel({
      concentrationModels: [model],
      shortRange: [],
      exposed,
      geographicalData: NO_CASES,
      exposedToShortRange: 0,
      identifier: "group_1",
    }));
    assertClose(ev.depositedExposure() as number, expected, { rel: 1e-7 });
  });
}

Deno.test("infectionProbability() is vectorised over the infectious dose", () => {
  const infected = dummyInfected({
    activity: ACTIVITY_TYPES.Standing,
    virus: { ...VIRUS_TYPES.SARS_CoV_2, infectiousDose: Float64Array.of(50, 20, 30) },
  });
  const exposed = { ...populations[0], presence: specificInterval([[0, 1]]) } as Population;
  const p = evaluate(knownConcentrations(() => 0.6, undefined, infected), exposed)
    .infectionProbability();
  strictEqual((p as Float64Array).length, 3);
});

// rtol 0.05 as the reference.
const randomIndividual: [number, number, number, number, number][] = [
  [100_000, 68, 7, 5, 0.023800],
  [200_000, 121, 7, 5, 0.021175],
  [200_000, 121, 14, 5, 0.042350],
  [100_000, 68, 14, 10, 0.0952],
  [200_000, 68, 14, 10, 0.0476],
  [150_000, 68, 14, 2, 0.012693],
  [150_000, 121, 14, 2, 0.022587],
  [100_000, 68, 7, 5, 0.023450],
  [200_000, 121, 7, 5, 0.021175],
];
randomIndividual.forEach(([pop, cases, days, ab, expected], i) => {
  Deno.test(`probabilityRandomIndividual() (case ${i})`, () => {
    const virus = { ...VIRUS_TYPES.SARS_CoV_2, infectiousnessDays: days };
    const c = { geographicPopulation: pop, geographicCases: cases, ascertainmentBias: ab };
    assertClose(probabilityRandomIndividual(c, virus), expected, { rel: 0.05 });
  });
});

for (const [cases, exposed, expected] of [[68, 10, 0.321509274], [121, 20, 0.302950694]]) {
  Deno.test(`probabilityMeetInfectedPerson() with ${cases} cases and ${exposed} exposed`, () => {
    const c = { geographicPopulation: 100000, geographicCases: cases, ascertainmentBias: 5 };
    assertClose(
      probabilityMeetInfectedPerson(c, VIRUS_TYPES.SARS_CoV_2, 1, exposed + 1),
      expected,
      {
        rel: 0.05,
      },
    );
  });
}

const probabilistic: [number, number, number][] = [
  [10, 18, 41.50971131],
  [10, 0.1, 2.185785075],
  [20, 36, 64.09068488],
  [30, 0.6, 55.93154502],
];
for (const [exposedNumber, conc, expected] of probabilistic) {
  Deno.test(`totalProbabilityRule() with ${exposedNumber} exposed at ${conc} virions/m³`, () => {
    const exposed = {
      ...populations[0],
      number: exposedNumber,
      presence: periodicInterval(120, 60),
    } as Population;
    const cases = { geographicPopulation: 100000, geographicCases: 68, ascertainmentBias: 5 };
    const ev = evaluate(knownConcentrations(() => conc), exposed, cases);
    assertClose(ev.totalProbabilityRule(), expected, { rel: 0.05 });
  });
}

function diameterDependentModel(): VirusConcentrationModel {
  return {
    kind: "virus",
    room: createRoom({ volume: 25 }),
    ventilation: airChange(specificInterval([[0, 24]]), 5),
    infected: dummyInfected({
      virus: VIRUS_TYPES.SARS_CoV_2_DELTA,
      mask: MASK_TYPES["No mask"],
      activity: ACTIVITY_TYPES.Seated,
      expiration: { kind: "single", diameter: Float64Array.of(1, 2), cn: 1 },
    }),
    evaporationFactor: 0.3,
    minBackgroundConcentration: 0,
  };
}

function expectDiameterError(model: VirusConcentrationModel, exposed: Population) {
  throws(
    () =>
      exposureModel({
        concentrationModels: [model],
        shortRange: [],
        exposed,
        geographicalData: NO_CASES,
        exposedToShortRange: 0,
        identifier: "group_1",
      }),
    /per-sample particle diameters/,
  );
}

const always: Interval = periodicInterval(120, 120);
Deno.test("exposureModel() rejects per-sample diameters with per-sample ventilation or decay", () => {
  const base = diameterDependentModel();
  const temp = piecewiseConstant([0, 24], [293]);
  const humid = createRoom({ volume: 50, insideTemp: temp, humidity: 0.3 });
  expectDiameterError({
    ...base,
    room: createRoom({ volume: Float64Array.of(50, 100), insideTemp: temp, humidity: 0.3 }),
    ventilation: slidingWindow({
      active: always,
      outsideTemp: temp,
      windowHeight: 1,
      openingLength: 1,
    }),
  }, populations[0]);
  expectDiameterError({
    ...base,
    room: humid,
    ventilation: slidingWindow({
      active: always,
      outsideTemp: piecewiseConstant([0, 12, 24], [
        Float64Array.of(293, 300),
        Float64Array.of(305, 310),
      ]),
      windowHeight: 1,
      openingLength: 1,
    }),
  }, populations[0]);
  expectDiameterError({
    ...base,
    room: humid,
    ventilation: slidingWindow({
      active: always,
      outsideTemp: temp,
      windowHeight: Float64Array.of(1, 0.5),
      openingLength: 1,
    }),
  }, populations[0]);
  expectDiameterError({
    ...base,
    ventilation: hingedWindow({
      active: always,
      outsideTemp: temp,
      windowHeight: 1,
      openingLength: 1,
      windowWidth: Float64Array.of(1, 0.5),
    }),
  }, populations[0]);
  expectDiameterError(
    { ...base, ventilation: hepaFilter(always, Float64Array.of(0.5, 1)) },
    populations[1],
  );
  expectDiameterError(
    { ...base, ventilation: airChange(always, Float64Array.of(0.5, 1)) },
    populations[2],
  );
  const hvac = hvacMechanical(specificInterval([[0, 24]]), 100);
  expectDiameterError({
    ...base,
    room: createRoom({ volume: Float64Array.of(50, 100), insideTemp: temp, humidity: 0.3 }),
    ventilation: hvac,
  }, populations[0]);
  expectDiameterError({
    ...base,
    room: createRoom({
      volume: 50,
      insideTemp: piecewiseConstant([0, 12, 24], [
        Float64Array.of(293, 300),
        Float64Array.of(305, 310),
      ]),
      humidity: 0.3,
    }),
    ventilation: hvac,
  }, populations[0]);
  expectDiameterError({
    ...base,
    room: createRoom({ volume: 50, insideTemp: temp, humidity: Float64Array.of(0.3, 0.5) }),
    ventilation: hvac,
  }, populations[0]);
});

for (
  const [immunity, expected] of [
    [[0.25, 0.5], [57.40415859, 41.03956914]],
    [[0, 1], [67.95037626, 0]],
  ]
) {
  Deno.test(`infectionProbability() is vectorised over host immunity ${immunity}`, () => {
    const exposed: Population = {
      number: 10,
      presence: halftime,
      activity: ACTIVITY_TYPES.Standing,
      mask: { etaInhale: Float64Array.of(0.3, 0.35), factorExhale: 1 },
      hostImmunity: Float64Array.from(immunity),
    };
    const p = evaluate(knownConcentrations(() => 18), exposed).infectionProbability();
    assertArrayClose(p, expected, { rel: 0, abs: 0.15 }, "probability");
  });
}
