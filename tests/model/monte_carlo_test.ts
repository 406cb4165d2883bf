// Ports caimira/tests/test_monte_carlo.py (reference e624bcf3): building a Monte Carlo
// concentration and exposure model whose room volume is drawn from Normal(75, 20) gives
// per-sample results of the requested size (here with seed 7 instead of an unseeded
// draw). As an extra check, each sample of the vectorised dose equals the dose of the
// model built with that sample's scalar volume (the scalar model takes the kernel pass,
// the per-sample one the TypeScript path).
// Left out (Python-specific machinery without a TypeScript counterpart):
// test_type_annotations (one MC class per model dataclass) and test_no_listed_mc_models
// (lists rejected where tuples are expected by `build_model`).
import { strictEqual } from "node:assert/strict";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import { NO_CASES } from "../../src/model/cases.ts";
import {
  concentrationEvaluator,
  type VirusConcentrationModel,
} from "../../src/model/concentration.ts";
import { EXPIRATION_TYPES } from "../../src/model/expiration.ts";
import { exposureEvaluator, exposureModel } from "../../src/model/exposure.ts";
import { periodicInterval, specificInterval } from "../../src/model/interval.ts";
import { MASK_TYPES } from "../../src/model/mask.ts";
import { piecewiseConstant } from "../../src/model/piecewise_constant.ts";
import type { InfectedPopulation, Population } from "../../src/model/population.ts";
import { createRoom } from "../../src/model/room.ts";
import { slidingWindow } from "../../src/model/ventilation.ts";
import type { Vec } from "../../src/model/vec.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";
import { generateSamples, normalDistribution } from "../../src/montecarlo/distributions.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { assertClose } from "../_helpers/stats.ts";

const SIZE = 7;

const infected: InfectedPopulation = {
  kind: "infected",
  number: 1,
  presence: specificInterval([[0, 4], [5, 8]]),
  virus: VIRUS_TYPES.SARS_CoV_2,
  mask: MASK_TYPES["No mask"],
  activity: ACTIVITY_TYPES["Light activity"],
  expiration: EXPIRATION_TYPES.Breathing,
  hostImmunity: 0,
};

/** The baseline concentration model with the given room volume (m³). */
function concentrationModel(volume: Vec): VirusConcentrationModel {
  return {
    kind: "virus",
    room: createRoom({ volume, insideTemp: piecewiseConstant([0, 24], [293]) }),
    ventilation: slidingWindow({
      active: periodicInterval(120, 120),
      outsideTemp: piecewiseConstant([0, 24], [283]),
      windowHeight: 1.6,
      openingLength: 0.6,
    }),
    infected,
    evaporationFactor: 0.3,
    minBackgroundConcentration: 0,
  };
}

const exposed: Population = {
  number: 10,
  presence: infected.presence,
  activity: infected.activity,
  mask: infected.mask,
  hostImmunity: 0,
};

function exposure(volume: Vec) {
  return exposureEvaluator(exposureModel({
    concentrationModels: [concentrationModel(volume)],
    shortRange: [],
    exposed,
    geographicalData: NO_CASES,
    exposedToShortRange: 0,
    identifier: "group_1",
  }));
}

/** The room volume drawn as the Monte Carlo room of the reference fixture, m³. */
function sampledVolume(): Float64Array {
  return generateSamples(normalDistribution(75, 20), createRng(7), SIZE);
}

Deno.test("MC concentration model: scalar before anyone arrives, one value per sample after", () => {
  const evaluator = concentrationEvaluator(concentrationModel(sampledVolume()));
  strictEqual(typeof evaluator.concentration(0), "number");
  const conc = evaluator.concentration(1);
  strictEqual(conc instanceof Float64Array, true, "concentration at 1 h is per sample");
  strictEqual((conc as Float64Array).length, SIZE);
});

Deno.test("MC exposure model: one deposited dose per sample, as the scalar models", () => {
  const volume = sampledVolume();
  const dose = exposure(volume).depositedExposure();
  strictEqual(dose instanceof Float64Array, true, "deposited exposure is per sample");
  strictEqual((dose as Float64Array).length, SIZE);
  volume.forEach((v, i) => {
    const scalar = exposure(v).depositedExposure();
    strictEqual(typeof scalar, "number");
    assertClose((dose as Float64Array)[i], scalar as number, { rel: 1e-12 }, `sample ${i}`);
  });
});
