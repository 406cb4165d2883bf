// Builds the Monte Carlo models of the fixtures s1, s3 and s4 directly (before the form
// layer exists) with the reference's registry, seed 0 and N = 250000, through the
// model builders of src/model/sampling.ts, and compares every sampled column, in draw
// order, with the reference's sampling traces (first values, last value, sha1 of all
// values; the viral load's 10^x within 1e-15 relative, see trace_replay_test.ts).
import { strictEqual } from "node:assert/strict";
import { specificInterval } from "../../src/model/interval.ts";
import {
  activitySpec,
  expirationSpec,
  maskSpec,
  shortRangeDistanceSpec,
  virusSpec,
} from "../../src/model/monte_carlo_data.ts";
import {
  type InfectedPopulationSpec,
  sampleActivity,
  sampleInfectedPopulation,
  samplePopulation,
  sampleShortRange,
  sampleSingleExpiration,
} from "../../src/model/sampling.ts";
import { customKernelDistribution, generateSamples } from "../../src/montecarlo/distributions.ts";
import type { Vec } from "../../src/model/vec.ts";
import { createRng, type Rng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY as R } from "../../src/registry/defaults.ts";
import type { ExpirationName, MaskName, VirusName } from "../../src/registry/defaults.ts";
import { intPiecewiseConstant } from "../../src/model/piecewise_constant.ts";
import { assertClose, sha1Hex } from "../_helpers/stats.ts";

const N = 250_000;

interface TraceDraw {
  seq: number;
  dist: string;
  path: string;
  first3: number[];
  last: number;
  sha1: string;
}

async function trace(name: string): Promise<TraceDraw[]> {
  const url = new URL(`../fixtures/reference/${name}.trace.json`, import.meta.url);
  return JSON.parse(await Deno.readTextFile(url)).draws;
}

async function compare(columns: Vec[], draws: TraceDraw[]): Promise<void> {
  strictEqual(columns.length, draws.length, "number of sampled columns");
  for (let k = 0; k < draws.length; k++) {
    const draw = draws[k];
    const x = columns[k] as Float64Array;
    const where = `draw ${draw.seq} (${draw.path})`;
    strictEqual(
      x instanceof Float64Array && x.length === N,
      true,
      `${where}: a column of N samples`,
    );
    if (draw.dist === "LogCustom") {
      draw.first3.forEach((v, i) => assertClose(x[i], v, { rel: 1e-15 }, where));
      assertClose(x[N - 1], draw.last, { rel: 1e-15 }, where);
    } else {
      strictEqual(x[0], draw.first3[0], where);
      strictEqual(x[N - 1], draw.last, where);
      strictEqual(await sha1Hex(x), draw.sha1, `${where}: sha1`);
    }
  }
}

const presence = specificInterval([[9, 12.5], [13.5, 18]]);

function infectedSpec(
  mask: MaskName | "No mask",
  virus: VirusName,
  expiration: Readonly<Partial<Record<ExpirationName, number>>>,
): InfectedPopulationSpec {
  return {
    number: 1,
    presence,
    activity: activitySpec(R, "Seated"),
    mask: maskSpec(R, mask),
    hostImmunity: 0,
    virus: virusSpec(R, virus),
    expiration: expirationSpec(R, expiration),
  };
}

function infectedColumns(rng: Rng, spec: InfectedPopulationSpec): Vec[] {
  const infected = sampleInfectedPopulation(spec, rng, N);
  const columns: Vec[] = [infected.activity.inhalationRate, infected.activity.exhalationRate];
  if (typeof infected.mask.etaInhale !== "number") columns.push(infected.mask.etaInhale);
  if (infected.expiration.kind !== "single") throw new Error("expected a single expiration");
  columns.push(
    infected.virus.viralLoadInSputum,
    infected.virus.infectiousDose,
    infected.virus.viableToRnaRatio,
    infected.expiration.diameter,
  );
  return columns;
}

function exposedColumns(rng: Rng, mask: MaskName | "No mask"): Vec[] {
  const exposed = samplePopulation(
    {
      number: 9,
      presence,
      activity: activitySpec(R, "Seated"),
      mask: maskSpec(R, mask),
      hostImmunity: 0,
    },
    rng,
    N,
  );
  const columns = [exposed.activity.inhalationRate, exposed.activity.exhalationRate];
  if (typeof exposed.mask.etaInhale !== "number") columns.push(exposed.mask.etaInhale);
  return columns;
}

function co2Columns(rng: Rng): Vec[] {
  const activity = sampleActivity(activitySpec(R, "Seated"), rng, N);
  return [activity.inhalationRate, activity.exhalationRate];
}

Deno.test("sampled s1 models draw exactly the reference's samples (seed 0)", async () => {
  const rng = createRng(0);
  const columns = [
    ...infectedColumns(
      rng,
      infectedSpec("No mask", "SARS_CoV_2_OMICRON", { Speaking: 1, Breathing: 2 }),
    ),
    ...exposedColumns(rng, "No mask"),
    ...co2Columns(rng),
  ];
  await compare(columns, await trace("s1_rest_example_natural"));
});

Deno.test("sampled s3 models with short-range interactions draw the reference's samples", async () => {
  const rng = createRng(0);
  const spec = infectedSpec("Type I", "SARS_CoV_2_OMICRON", { Speaking: 1, Breathing: 2 });
  const columns = infectedColumns(rng, spec);
  const infected = sampleInfectedPopulation(spec, createRng(0), 1);
  for (const name of ["Speaking", "Shouting", "Breathing"] as const) {
    const sr = sampleShortRange(
      {
        infected,
        activity: infected.activity,
        expiration: expirationSpec(R, name, { shortRange: true }),
        presence: specificInterval([[10.5, 11]]),
        distance: shortRangeDistanceSpec(R),
      },
      rng,
      N,
    );
    columns.push(sr.expiration.diameter, sr.distance);
  }
  columns.push(...exposedColumns(rng, "Type I"), ...co2Columns(rng));
  await compare(columns, await trace("s3_mech_masks_shortrange"));
});

Deno.test("sampled s4 models with two occupancy groups draw the reference's samples", async () => {
  const rng = createRng(0);
  const spec: InfectedPopulationSpec = {
    ...infectedSpec("FFP2", "SARS_CoV_2_ALPHA", { Speaking: 1, Breathing: 0 }),
    number: intPiecewiseConstant([9, 12, 13, 17], [1, 0, 1]),
    presence: undefined,
  } as InfectedPopulationSpec;
  const columns = [
    ...infectedColumns(rng, spec),
    ...exposedColumns(rng, "FFP2"),
    ...exposedColumns(rng, "FFP2"),
    ...co2Columns(rng),
  ];
  await compare(columns, await trace("s4_dynamic_occupancy_hvac_ffp2"));
});

Deno.test("sampleSingleExpiration(): kernel-density diameters at or below 0 µm become the grid's smallest, the rest are the draws", () => {
  // A grid from 0.1 µm with a wide kernel: many draws fall below 0.
  const spec = {
    kind: "single" as const,
    diameter: customKernelDistribution([0.1, 0.2, 0.3], [1, 1, 1], 0.5),
    cn: 1,
  };
  const n = 10_000;
  const raw = generateSamples(spec.diameter, createRng(3), n) as Float64Array;
  const drawn = sampleSingleExpiration(spec, createRng(3), n).diameter as Float64Array;
  let replaced = 0;
  for (let i = 0; i < n; i++) {
    if (raw[i] <= 0) {
      replaced++;
      strictEqual(drawn[i], 0.1, `sample ${i} (${raw[i]})`);
    } else {
      strictEqual(drawn[i], raw[i], `sample ${i}`);
    }
  }
  strictEqual(replaced > 1000, true, `${replaced} draws at or below 0`);
  // A caller's own column is left as it is.
  const own = Float64Array.of(-1, 2);
  strictEqual(sampleSingleExpiration({ ...spec, diameter: own }, createRng(3), 2).diameter, own);
  strictEqual(own[0], -1);
});
