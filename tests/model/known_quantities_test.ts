// Ports the concentration and exposure parts of caimira/tests/test_known_quantities.py
// (reference e624bcf3); the ventilation parts are in ventilation_test.ts. Tests that use
// the Geneva hourly temperatures run on the synthetic Geneva station
// (tests/fixtures/weather, copied from ../shared/fixtures/weather) because the real
// weather file is not public: the relational checks (hourly vs constant temperature,
// start-up, artificial transitions, refinement) hold for any temperatures. Left out:
// test_exposure_hourly_dep and test_exposure_hourly_dep_refined, whose expected doses
// depend on the real Geneva temperatures.
import { strictEqual } from "node:assert/strict";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import { NO_CASES } from "../../src/model/cases.ts";
import {
  concentrationEvaluator,
  type VirusConcentrationModel,
} from "../../src/model/concentration.ts";
import { exposureEvaluator, exposureModel } from "../../src/model/exposure.ts";
import { periodicInterval, specificInterval } from "../../src/model/interval.ts";
import { MASK_TYPES } from "../../src/model/mask.ts";
import {
  type PiecewiseConstant,
  piecewiseConstant,
  refine,
} from "../../src/model/piecewise_constant.ts";
import { emissionRate, type EmittingPopulation } from "../../src/model/population.ts";
import { createRoom } from "../../src/model/room.ts";
import {
  airChange,
  hepaFilter,
  multipleVentilation,
  slidingWindow,
} from "../../src/model/ventilation.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";
import { assertClose } from "../_helpers/stats.ts";

const weather = JSON.parse(
  await Deno.readTextFile(
    new URL("../fixtures/weather/global_weather_set.synthetic.json", import.meta.url),
  ),
) as Record<string, Record<string, number[]>>;
/** Synthetic Geneva station (°C, 24 hourly values per month). */
const GENEVA = weather["067000-99999"];
const MONTHS = Object.keys(GENEVA);
const hourly = (month: string): PiecewiseConstant =>
  piecewiseConstant(Array.from({ length: 25 }, (_, h) => h), GENEVA[month].map((c) => 273.15 + c));

function emitting(presence: [number, number][]): EmittingPopulation {
  return {
    kind: "emitting",
    number: 1,
    virus: VIRUS_TYPES.SARS_CoV_2,
    presence: specificInterval(presence),
    mask: MASK_TYPES["No mask"],
    activity: ACTIVITY_TYPES["Light activity"],
    // Superspreading event: ejection factor from Miller et al. (2020) times the infectious dose 50.
    knownIndividualEmissionRate: 970 * 50,
    hostImmunity: 0,
  };
}

function baselineConcentrationModel(): VirusConcentrationModel {
  return {
    kind: "virus",
    room: createRoom({ volume: 75, insideTemp: piecewiseConstant([0, 24], [293]) }),
    ventilation: airChange(specificInterval([[0, 24]]), 30),
    infected: emitting([[0, 4], [5, 8]]),
    evaporationFactor: 0.3,
    minBackgroundConcentration: 0,
  };
}

Deno.test("emissionRate() of the superspreading emitter follows its presence", () => {
  const infected = baselineConcentrationModel().infected;
  const expected = [0, 48500, 48500, 0, 0, 48500, 0];
  [0, 1, 4, 4.5, 5, 8, 9].forEach((t, i) => {
    assertClose(emissionRate(infected, t) as number, expected[i], { rel: 1e-12 });
  });
});

Deno.test("concentration() matches the analytical values", () => {
  const ev = concentrationEvaluator(baselineConcentrationModel());
  const expected = [0, 2.046096e+01, 3.846725e-13, 2.046096e+01, 7.231966e-27];
  [0, 4, 5, 7, 10].forEach((t, i) =>
    assertClose(ev.concentration(t) as number, expected[i], { rel: 1e-6 })
  );
});

Deno.test("concentration() is a smooth curve", () => {
  const ev = concentrationEvaluator(baselineConcentrationModel());
  const values: number[] = [];
  for (let i = 0; i < 5000; i++) values.push(ev.concentration(i * 0.002) as number);
  let maxStep = 0;
  for (let i = 1; i < values.length; i++) {
    maxStep = Math.max(maxStep, Math.abs(values[i] - values[i - 1]));
  }
  const average = values.reduce((a, b) => a + b, 0) / values.length;
  strictEqual(maxStep / average < 0.2, true);
});

function hepaModel(durationMin: number): VirusConcentrationModel {
  return {
    kind: "virus",
    room: createRoom({ volume: 75 }),
    ventilation: hepaFilter(periodicInterval(120, durationMin), 500),
    infected: emitting([[0, 4], [5, 8]]),
    evaporationFactor: 0.3,
    minBackgroundConcentration: 0,
  };
}

Deno.test("concentrations agree until the ventilation first differs", () => {
  strictEqual(
    concentrationEvaluator(hepaModel(120)).concentration(1),
    concentrationEvaluator(hepaModel(65)).concentration(1),
  );
});

function baselineExposure(infectedNumber = 1) {
  const cm = baselineConcentrationModel();
  const infected = cm.infected;
  return exposureEvaluator(exposureModel({
    concentrationModels: [{
      ...cm,
      infected: { ...infected, number: infectedNumber } as typeof infected,
    }],
    shortRange: [],
    exposed: {
      number: 1000,
      presence: infected.presence!,
      activity: infected.activity,
      mask: infected.mask,
      hostImmunity: 0,
    },
    geographicalData: NO_CASES,
    exposedToShortRange: 0,
    identifier: "group_1",
  }));
}

Deno.test("reproductionNumber() of the baseline exposure", () => {
  // Reference: trapezoidal integration with 100,000 points per presence interval.
  assertClose(baselineExposure().reproductionNumber() as number, 771.380385, { rel: 1e-7 });
});

// Ports caimira/tests/test_model.py: more infected give more new cases, but the
// reproduction number is a property of one infected case.
Deno.test("reproductionNumber() does not depend on the number of infected", () => {
  const one = baselineExposure(1);
  const three = baselineExposure(3);
  strictEqual((three.expectedNewCases() as number) > (one.expectedNewCases() as number), true);
  strictEqual(three.reproductionNumber(), one.reproductionNumber());
});

function hourlyModel(
  outsideTemp: PiecewiseConstant,
  open: [number, number][] = [[7.5, 8.5]],
  presence: [number, number][] = [[0, 4], [5, 7.5]],
): VirusConcentrationModel {
  return {
    kind: "virus",
    room: createRoom({ volume: 75, insideTemp: piecewiseConstant([0, 24], [293]) }),
    ventilation: slidingWindow({
      active: specificInterval(open),
      outsideTemp,
      windowHeight: 1.6,
      openingLength: 0.6,
    }),
    infected: emitting(presence),
    evaporationFactor: 0.3,
    minBackgroundConcentration: 0,
  };
}

const EARLY_TIMES = [0.5, 1.2, 2, 3.5, 5, 6.5, 7.5, 7.9, 8];
for (const month of MONTHS) {
  Deno.test(`hourly and constant outside temperatures agree until 8 h (month ${month})`, () => {
    const a = concentrationEvaluator(hourlyModel(hourly(month)));
    const b = concentrationEvaluator(
      hourlyModel(piecewiseConstant([0, 24], [GENEVA[month][7] + 273.15])),
    );
    for (const t of EARLY_TIMES) {
      assertClose(
        a.concentration(t) as number,
        b.concentration(t) as number,
        { rel: 1e-5 },
        `t=${t}`,
      );
    }
  });

  Deno.test(`concentration is zero before the first presence (month ${month})`, () => {
    const ev = concentrationEvaluator(
      hourlyModel(hourly(month), [[0, 0.5], [1, 1.5], [4, 4.5], [7.5, 8]], [[8, 12]]),
    );
    for (const t of EARLY_TIMES) strictEqual(ev.concentration(t), 0);
  });

  Deno.test(`an opening inside another changes nothing (month ${month})`, () => {
    const a = concentrationEvaluator(hourlyModel(hourly(month), [[7.5, 8.5]]));
    const b = concentrationEvaluator(hourlyModel(hourly(month), [[7.5, 8.5], [8, 8.1]]));
    for (const t of [...EARLY_TIMES, 8.5, 9, 12]) {
      assertClose(
        a.concentration(t) as number,
        b.concentration(t) as number,
        { rel: 1e-5 },
        `t=${t}`,
      );
    }
  });
}

Deno.test("multiple ventilation with a refined hourly temperature evaluates", () => {
  const cm: VirusConcentrationModel = {
    ...hourlyModel(hourly("1")),
    ventilation: multipleVentilation([
      slidingWindow({
        active: specificInterval([[7.5, 8.5]]),
        outsideTemp: refine(hourly("1"), 10),
        windowHeight: 1.6,
        openingLength: 0.6,
      }),
      hepaFilter(specificInterval([[0, 24]]), 500),
    ]),
  };
  strictEqual(Number.isFinite(concentrationEvaluator(cm).concentration(12) as number), true);
});

Deno.test("splitting temperature steps without changing values changes nothing", () => {
  const month = "1";
  const values = GENEVA[month].map((c) => 273.15 + c);
  const doubled = piecewiseConstant(
    Array.from({ length: 49 }, (_, i) => i * (24 / 48)),
    values.flatMap((v) => [v, v]),
  );
  const a = concentrationEvaluator(hourlyModel(hourly(month), [[0, 24]]));
  const b = concentrationEvaluator(hourlyModel(doubled, [[0, 24]]));
  const times = [...Array.from({ length: 49 }, (_, i) => i * 0.5), 3.7, 11.3, 17.9, 22.05];
  for (const t of times) {
    assertClose(
      a.concentration(t) as number,
      b.concentration(t) as number,
      { rel: 1e-8 },
      `t=${t}`,
    );
  }
});
