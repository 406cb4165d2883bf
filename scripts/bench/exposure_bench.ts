/**
 * One exposure model at the reference's sample size (N = 250,000): the s1-like office
 * scenario (10 people, 1 infected, seated, office expirations, Omicron, no masks),
 * 75 m³ with 3 ACH over a working day with a lunch break. Measures drawing the samples
 * (in the reference's order), the deposited dose and the infection probability.
 * Run with `deno task bench`.
 */
import { NO_CASES } from "../../src/model/cases.ts";
import { exposureEvaluator, exposureModel } from "../../src/model/exposure.ts";
import { specificInterval } from "../../src/model/interval.ts";
import {
  activitySpec,
  expirationSpec,
  maskSpec,
  virusSpec,
} from "../../src/model/monte_carlo_data.ts";
import { createRoom } from "../../src/model/room.ts";
import { sampleInfectedPopulation, samplePopulation } from "../../src/model/sampling.ts";
import { airChange } from "../../src/model/ventilation.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY as R } from "../../src/registry/defaults.ts";

const N = 250_000;
const presence = specificInterval([[9, 12.5], [13.5, 18]]);
const expiration = expirationSpec(R, { Speaking: 1, Breathing: 2 });

function build() {
  const rng = createRng(0);
  const infected = sampleInfectedPopulation(
    {
      number: 1,
      presence,
      activity: activitySpec(R, "Seated"),
      mask: maskSpec(R, "No mask"),
      hostImmunity: 0,
      virus: virusSpec(R, "SARS_CoV_2_OMICRON"),
      expiration,
    },
    rng,
    N,
  );
  const exposed = samplePopulation(
    {
      number: 9,
      presence,
      activity: activitySpec(R, "Seated"),
      mask: maskSpec(R, "No mask"),
      hostImmunity: 0,
    },
    rng,
    N,
  );
  return exposureModel({
    concentrationModels: [{
      kind: "virus",
      room: createRoom({ volume: 75 }),
      ventilation: airChange(specificInterval([[0, 24]]), 3),
      infected,
      evaporationFactor: R.expirationParticle.particle.evaporationFactor,
      minBackgroundConcentration:
        R.concentrationModel.virusConcentrationModel.minBackgroundConcentration,
    }],
    shortRange: [],
    exposed,
    geographicalData: NO_CASES,
    exposedToShortRange: 0,
    identifier: "group_1",
  });
}

const model = build();

Deno.bench("exposure model, N = 250000: draw the samples", { group: "exposure" }, () => {
  build();
});
Deno.bench(
  "exposure model, N = 250000: dose + infection probability",
  { group: "exposure" },
  () => {
    exposureEvaluator(model).infectionProbability();
  },
);
Deno.bench("exposure model, N = 250000: draw + dose + probability", { group: "exposure" }, () => {
  exposureEvaluator(build()).infectionProbability();
});
