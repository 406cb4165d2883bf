// End-to-end physics parity before the form layer exists: the Monte Carlo models of the
// fixtures s3 (short range, 3 ACH, Type I masks) and s4 (dynamic occupancy, HVAC, FFP2)
// are built directly as the reference's form would build them (registry defaults, seed 0,
// N = 250000, draws in the reference's order) and their infection probabilities are
// compared with the reference's outputs (tests/fixtures/reference/*.trim.json, copied
// from ../shared/fixtures/reference) at relative 1e-8.
import { strictEqual } from "node:assert/strict";
import { histogram, sampleStatistics } from "../../src/montecarlo/statistics.ts";
import { NO_CASES } from "../../src/model/cases.ts";
import type { VirusConcentrationModel } from "../../src/model/concentration.ts";
import { exposureEvaluator, exposureModel } from "../../src/model/exposure.ts";
import { periodicInterval, specificInterval } from "../../src/model/interval.ts";
import {
  activitySpec,
  expirationSpec,
  jetConstants,
  maskSpec,
  shortRangeDistanceSpec,
  virusSpec,
} from "../../src/model/monte_carlo_data.ts";
import { intPiecewiseConstant } from "../../src/model/piecewise_constant.ts";
import { createRoom } from "../../src/model/room.ts";
import {
  type InfectedPopulationSpec,
  sampleInfectedPopulation,
  samplePopulation,
  sampleShortRange,
} from "../../src/model/sampling.ts";
import { mean, type Vec } from "../../src/model/vec.ts";
import {
  airChange,
  hvacMechanical,
  multipleVentilation,
  type Ventilation,
} from "../../src/model/ventilation.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY as R } from "../../src/registry/defaults.ts";
import { assertClose } from "../_helpers/stats.ts";

const N = 250_000;
const PARITY = { rel: 1e-8, abs: 1e-12 };
/** The form's "always on" interval and the registry's infiltration (0.25 h⁻¹). */
const ALWAYS = periodicInterval(120, 120);
const infiltration = () => airChange(ALWAYS, R.ventilation.infiltrationVentilation);

interface Summary {
  mean: number;
  std: number;
  first16: number[];
  at: Record<string, number>;
}
interface GroupResult {
  prob_hist_count: number[];
  prob_hist_bins: number[];
  prob_inf: number;
  prob_inf_sd: number;
  expected_new_cases: number;
  long_range_prob?: number;
  long_range_expected_new_cases?: number;
  prob_dist_summary: Summary;
}

async function expected(name: string): Promise<Record<string, GroupResult>> {
  const url = new URL(`../fixtures/reference/${name}.trim.json`, import.meta.url);
  return JSON.parse(await Deno.readTextFile(url)).results.groups;
}

function populationStd(x: Float64Array): number {
  const m = mean(x);
  const squares = x.map((v) => (v - m) ** 2);
  return Math.sqrt(mean(squares));
}

function assertProbabilities(p: Vec, want: GroupResult, what: string): void {
  const x = p as Float64Array;
  strictEqual(x.length, N);
  assertClose(mean(x), want.prob_inf, PARITY, `${what} prob_inf`);
  assertClose(populationStd(x), want.prob_inf_sd, PARITY, `${what} prob_inf_sd`);
  want.prob_dist_summary.first16.forEach((v, i) =>
    assertClose(x[i], v, PARITY, `${what} prob_dist[${i}]`)
  );
  for (const [i, v] of Object.entries(want.prob_dist_summary.at)) {
    assertClose(x[Number(i)], v, PARITY, `${what} prob_dist[${i}]`);
  }
  const stats = sampleStatistics(x);
  assertClose(stats.mean, want.prob_inf, PARITY, `${what} kernel mean`);
  assertClose(stats.std, want.prob_inf_sd, PARITY, `${what} kernel std`);
  // The report's histogram: np.histogram(prob / 100, bins=100, density=True).
  const h = histogram(x.map((v) => v / 100), want.prob_hist_count.length);
  h.edges.forEach((e, i) =>
    assertClose(e, want.prob_hist_bins[i], PARITY, `${what} prob_hist_bins[${i}]`)
  );
  h.counts.forEach((c, i) => {
    const density = c / (h.edges[i + 1] - h.edges[i]) / N;
    assertClose(density, want.prob_hist_count[i], PARITY, `${what} prob_hist_count[${i}]`);
  });
}

function concentrationModel(
  infected: VirusConcentrationModel["infected"],
  ventilation: Ventilation,
): VirusConcentrationModel {
  return {
    kind: "virus",
    room: createRoom({ volume: 75, humidity: R.room.humidityWithoutHeating }),
    ventilation,
    infected,
    evaporationFactor: R.expirationParticle.particle.evaporationFactor,
    minBackgroundConcentration:
      R.concentrationModel.virusConcentrationModel.minBackgroundConcentration,
  };
}

Deno.test("s3 (short range, 3 ACH, Type I): probabilities equal the reference's", async () => {
  const want = (await expected("s3_mech_masks_shortrange")).group_1;
  const rng = createRng(0);
  const presence = specificInterval([[9, 18]]);
  const infected = sampleInfectedPopulation(
    {
      number: 1,
      presence,
      activity: activitySpec(R, "Seated"),
      mask: maskSpec(R, "Type I"),
      hostImmunity: 0,
      virus: virusSpec(R, "SARS_CoV_2_OMICRON"),
      expiration: expirationSpec(R, { Speaking: 1, Breathing: 2 }),
    },
    rng,
    N,
  );
  const interactions =
    ([["Speaking", 10.5, 30], ["Shouting", 14, 15], ["Breathing", 16, 45]] as const).map(
      ([name, start, minutes]) =>
        sampleShortRange(
          {
            infected,
            activity: infected.activity,
            expiration: expirationSpec(R, name, { shortRange: true }),
            presence: specificInterval([[start, (start * 60 + minutes) / 60]]),
            distance: shortRangeDistanceSpec(R),
            jet: jetConstants(R),
          },
          rng,
          N,
        ),
    );
  const exposed = samplePopulation(
    {
      number: 9,
      presence,
      activity: activitySpec(R, "Seated"),
      mask: maskSpec(R, "Type I"),
      hostImmunity: 0,
    },
    rng,
    N,
  );
  const ev = exposureEvaluator(exposureModel({
    concentrationModels: [
      concentrationModel(infected, multipleVentilation([airChange(ALWAYS, 3), infiltration()])),
    ],
    shortRange: interactions,
    exposed,
    geographicalData: NO_CASES,
    exposedToShortRange: 5,
    identifier: "group_1",
  }));
  assertProbabilities(ev.infectionProbability(true), want, "s3");
  assertClose(
    mean(ev.infectionProbability(false)),
    want.long_range_prob!,
    PARITY,
    "long_range_prob",
  );
  assertClose(mean(ev.expectedNewCases()), want.expected_new_cases, PARITY, "expected_new_cases");
  strictEqual(ev.meanExpectedNewCases(), mean(ev.expectedNewCases()), "meanExpectedNewCases");
});

Deno.test("s4 (dynamic occupancy, HVAC, FFP2): probabilities of both groups equal the reference's", async () => {
  const want = await expected("s4_dynamic_occupancy_hvac_ffp2");
  const rng = createRng(0);
  // Infected occupancy from the groups (group_A: 1 infected 09-12 and 13-17), and the
  // smallmeeting expiration {Speaking: 1, Breathing: N - 1} with N = 1 (the form's rule).
  const infected = sampleInfectedPopulation(
    {
      number: intPiecewiseConstant([9, 12, 13, 17], [1, 0, 1]),
      activity: activitySpec(R, "Seated"),
      mask: maskSpec(R, "FFP2"),
      hostImmunity: 0,
      virus: virusSpec(R, "SARS_CoV_2_ALPHA"),
      expiration: expirationSpec(R, { Speaking: 1, Breathing: 0 }),
    } as InfectedPopulationSpec,
    rng,
    N,
  );
  const cm = concentrationModel(
    infected,
    multipleVentilation([hvacMechanical(ALWAYS, 300), infiltration()]),
  );
  const groups = [["group_A", 5, [[9, 12], [13, 17]]], ["group_B", 4, [[10, 11.5], [
    14,
    15,
  ]]]] as const;
  for (const [id, number, spans] of groups) {
    const exposed = samplePopulation(
      {
        number,
        presence: specificInterval(spans),
        activity: activitySpec(R, "Seated"),
        mask: maskSpec(R, "FFP2"),
        hostImmunity: 0,
      },
      rng,
      N,
    );
    const ev = exposureEvaluator(exposureModel({
      concentrationModels: [cm],
      shortRange: [],
      exposed,
      geographicalData: NO_CASES,
      exposedToShortRange: 0,
      identifier: id,
    }));
    assertProbabilities(ev.infectionProbability(), want[id], id);
    assertClose(
      mean(ev.expectedNewCases()),
      want[id].expected_new_cases,
      PARITY,
      `${id} expected_new_cases`,
    );
  }
});
