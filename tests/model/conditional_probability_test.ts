// Ports caimira/tests/test_conditional_probability.py (reference e624bcf3), physics part:
// test_probability_logic, the probability of infection as the exponential dose-response
// P = 1 − exp(−vD (1 − immunity) / (ID50 / ln 2 × transmissibility)) per sample
// (Henriques et al. 2022, doi:10.1101/2021.10.14.21264988). The identity holds sample by
// sample, so 100 000 samples from seed 11 replace the reference's 2 000 000.
// Left out: test_conditional_prob_inf_given_vl_dist, which checks the report layer's
// `conditional_prob_inf_given_vl_dist` (binning the probability by viral load); the
// TypeScript port has no report layer yet.
import { NO_CASES } from "../../src/model/cases.ts";
import { exposureEvaluator, exposureModel } from "../../src/model/exposure.ts";
import { periodicInterval, specificInterval } from "../../src/model/interval.ts";
import {
  activitySpec,
  expirationSpec,
  maskSpec,
  virusSpec,
} from "../../src/model/monte_carlo_data.ts";
import { piecewiseConstant } from "../../src/model/piecewise_constant.ts";
import { sampleInfectedPopulation, samplePopulation } from "../../src/model/sampling.ts";
import { createRoom } from "../../src/model/room.ts";
import { airChange, multipleVentilation } from "../../src/model/ventilation.ts";
import type { Vec } from "../../src/model/vec.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY as R } from "../../src/registry/defaults.ts";
import { assertClose } from "../_helpers/stats.ts";

const N = 100_000;

function at(v: Vec, i: number): number {
  return typeof v === "number" ? v : v[i];
}

Deno.test("probability of infection follows the exponential dose-response per sample", () => {
  const rng = createRng(11);
  const presence = specificInterval([[0, 3.5], [4.5, 9]]);
  const infected = sampleInfectedPopulation(
    {
      number: 1,
      presence,
      activity: activitySpec(R, "Seated"),
      mask: maskSpec(R, "No mask"),
      hostImmunity: 0,
      virus: virusSpec(R, "SARS_CoV_2_DELTA"),
      expiration: expirationSpec(R, "Breathing"),
    },
    rng,
    N,
  );
  const exposed = samplePopulation(
    {
      number: 3,
      presence,
      activity: activitySpec(R, "Seated"),
      mask: maskSpec(R, "No mask"),
      hostImmunity: 0,
    },
    rng,
    N,
  );
  const evaluator = exposureEvaluator(exposureModel({
    concentrationModels: [{
      kind: "virus",
      room: createRoom({
        volume: 50,
        insideTemp: piecewiseConstant([0, 24], [298]),
        humidity: 0.5,
      }),
      ventilation: multipleVentilation([airChange(periodicInterval(120, 120), 0.25)]),
      infected,
      evaporationFactor: 0.3,
      minBackgroundConcentration: 0,
    }],
    shortRange: [],
    exposed,
    geographicalData: NO_CASES,
    exposedToShortRange: 0,
    identifier: "group_1",
  }));

  const dose = evaluator.depositedExposure();
  const probability = evaluator.infectionProbability();
  const virus = infected.virus;
  for (let i = 0; i < N; i++) {
    const id63 = at(virus.infectiousDose, i) / Math.LN2;
    const expected = 1 -
      Math.exp(
        -(at(dose, i) * (1 - at(exposed.hostImmunity, i))) /
          (id63 * virus.transmissibilityFactor),
      );
    assertClose(at(probability, i) / 100, expected, { rel: 0, abs: 1e-14 }, `sample ${i}`);
  }
});
