// Ports the Monte Carlo parts of caimira/tests/models/test_short_range_model.py
// (reference e624bcf3): short-range concentration component and the mask vectorisation
// of the short-range dose. A fixed seed replaces the reference's unseeded runs.
import { strictEqual } from "node:assert/strict";
import { ACTIVITY_TYPES } from "../../src/model/activity.ts";
import { NO_CASES } from "../../src/model/cases.ts";
import { exposureEvaluator, exposureModel } from "../../src/model/exposure.ts";
import { periodicInterval, specificInterval } from "../../src/model/interval.ts";
import { type Mask, MASK_TYPES } from "../../src/model/mask.ts";
import type { InfectedPopulation } from "../../src/model/population.ts";
import {
  activitySpec,
  expirationSpec,
  shortRangeDistanceSpec,
} from "../../src/model/monte_carlo_data.ts";
import { createRoom, type Room } from "../../src/model/room.ts";
import {
  sampleActivity,
  sampleInfectedPopulation,
  sampleShortRange,
} from "../../src/model/sampling.ts";
import {
  dilutedJetConcentration,
  dilutionFactor,
  normedJetOriginConcentration,
  type ShortRangeModel,
} from "../../src/model/short_range.ts";
import { at, mean } from "../../src/model/vec.ts";
import { airChange, type Ventilation } from "../../src/model/ventilation.ts";
import { VIRUS_TYPES } from "../../src/model/virus.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY as R } from "../../src/registry/defaults.ts";
import { assertClose } from "../_helpers/stats.ts";

const N = 250_000;
const presence = specificInterval([[8.5, 12.5], [13.5, 17.5]]);

function scenario(seed: number) {
  const rng = createRng(seed);
  const infected = sampleInfectedPopulation(
    {
      number: 1,
      presence,
      activity: ACTIVITY_TYPES["Light activity"],
      mask: MASK_TYPES["No mask"],
      hostImmunity: 0,
      virus: VIRUS_TYPES.SARS_CoV_2,
      expiration: expirationSpec(R, { Speaking: 0.33, Breathing: 0.67 }),
    },
    rng,
    N,
  );
  const interaction = sampleShortRange(
    {
      infected,
      activity: sampleActivity(activitySpec(R, "Seated"), rng, N),
      expiration: expirationSpec(R, "Breathing", { shortRange: true }),
      presence: specificInterval([[10.5, 11]]),
      distance: shortRangeDistanceSpec(R),
    },
    rng,
    N,
  );
  return { infected, interaction };
}

/** Where and how the exposed person of {@link evaluatorOf} meets the interaction. */
interface Setting {
  readonly room: Room;
  readonly ventilation: Ventilation;
  readonly mask: Mask;
  readonly exposedToShortRange: number;
}

/** One exposed person (light activity) with the scenario's infected and interaction. */
function evaluatorOf(
  { infected, interaction }: { infected: InfectedPopulation; interaction: ShortRangeModel },
  setting: Setting,
) {
  return exposureEvaluator(exposureModel({
    concentrationModels: [{
      kind: "virus",
      room: setting.room,
      ventilation: setting.ventilation,
      infected,
      evaporationFactor: 0.3,
      minBackgroundConcentration: 0,
    }],
    shortRange: [interaction],
    exposed: {
      number: 1,
      presence,
      mask: setting.mask,
      activity: ACTIVITY_TYPES["Light activity"],
      hostImmunity: 0,
    },
    geographicalData: NO_CASES,
    exposedToShortRange: setting.exposedToShortRange,
    identifier: "group_1",
  }));
}

/** The scenario in 75 m³ without masks, `ach` air changes per hour. */
function officeEvaluator(people: ReturnType<typeof scenario>, ach: number) {
  return evaluatorOf(people, {
    room: createRoom({ volume: 75 }),
    ventilation: airChange(presence, ach),
    mask: MASK_TYPES["No mask"],
    exposedToShortRange: 1,
  });
}

Deno.test("short-range models hold per-sample dilution and jet concentrations", () => {
  const { interaction } = scenario(1);
  strictEqual(dilutionFactor(interaction) instanceof Float64Array, true);
  strictEqual(normedJetOriginConcentration(interaction) instanceof Float64Array, true);
  const jet = dilutedJetConcentration(interaction) as Float64Array;
  strictEqual(jet.length, N);
  strictEqual(jet.every((v) => v > 0), true);
});

for (
  const [t, expected] of [[8.5, 0], [10.5, 5.6333025], [10.6, 5.6333025], [11, 5.6333025], [12, 0]]
) {
  Deno.test(`short-range concentration component at ${t} h`, () => {
    const ev = officeEvaluator(scenario(2), 10_000_000);
    assertClose(ev.concentration(t) - ev.longRangeConcentration(t), expected, {
      rel: 0.02,
      abs: 1e-12,
    });
  });
}

Deno.test("the short-range dose scales with (1 − η_inhale) of a per-sample mask", () => {
  const rng = createRng(3);
  const infected = sampleInfectedPopulation(
    {
      number: 1,
      presence,
      activity: ACTIVITY_TYPES.Seated,
      mask: MASK_TYPES["No mask"],
      hostImmunity: 0,
      virus: VIRUS_TYPES.SARS_CoV_2_DELTA,
      expiration: expirationSpec(R, "Breathing"),
    },
    rng,
    N,
  );
  const interaction = sampleShortRange(
    {
      infected,
      activity: ACTIVITY_TYPES["Heavy exercise"],
      expiration: expirationSpec(R, "Shouting", { shortRange: true }),
      presence: specificInterval([[10.5, 11]]),
      distance: 0.854,
    },
    rng,
    N,
  );
  const ev = evaluatorOf({ infected, interaction }, {
    room: createRoom({ volume: 50, humidity: 0.3 }),
    ventilation: airChange(periodicInterval(120, 120), 10_000_000),
    mask: { etaInhale: Float64Array.of(0, 0.3, 0.5), factorExhale: 1 },
    exposedToShortRange: 0,
  });
  const dose = ev.depositedExposure() as Float64Array;
  strictEqual(dose.length, 3);
  [1, 0.7, 0.5].forEach((f, i) => assertClose(dose[i], dose[0] * f, { rel: 1e-8 }));
  strictEqual(mean(dose) > 0, true);
});

Deno.test("the dose over the presence is the sum of the interval doses, bit for bit", () => {
  const ev = officeEvaluator(scenario(4), 3);
  const times = ev.populationStateChangeTimes();
  strictEqual(times.length > 2, true);
  for (const shortRange of [true, false]) {
    const between = shortRange
      ? ev.depositedExposureBetweenBounds
      : ev.longRangeDepositedExposureBetweenBounds;
    // (The total first: it computes the cumulative exposures the intervals then reuse.)
    const total = ev.depositedExposure(shortRange);
    const parts = times.slice(1).map((t, k) => between(times[k], t));
    const n = typeof total === "number" ? 1 : total.length;
    strictEqual(n, shortRange ? N : 1, "per sample with short range, else one number");
    let differing = 0;
    for (let i = 0; i < n; i++) {
      let expected = at(parts[0], i);
      for (const part of parts.slice(1)) expected += at(part, i);
      if (!Object.is(at(total, i), expected)) differing++;
    }
    strictEqual(differing, 0, `short range ${shortRange}`);
  }
});
