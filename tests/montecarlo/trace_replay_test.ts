import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { createRng, type Rng } from "../../src/montecarlo/rng.ts";
import { interpTable } from "../../src/montecarlo/interp.ts";
import {
  customDistribution,
  type Distribution,
  generateSamples,
  logNormalDistribution,
  uniformDistribution,
} from "../../src/montecarlo/distributions.ts";
import { assertClose, sha1Hex } from "../_helpers/stats.ts";

// Sampling traces of the reference (CAiMIRA e624bcf3, numpy 1.24.2, seed 0, N = 250000),
// ../shared/fixtures/reference/*.trace.json copied to tests/fixtures/reference/.
// Each draw is replayed from its recorded parameters alone, in order, on one stream
// seeded with 0, and compared by first values, last value, sha1 of all 250000 values and
// the generator state after the draw. The replay stops at the first KDE draw, whose
// weights come from the expiration model (checked with the physics).
//
// LogCustom draws (the viral load) are 10^x of a rejection sample x. The x stream is
// reproduced exactly (same rejection rounds, same generator state after the draw), but
// the reference's 10^x is neither glibc's pow nor the correctly rounded value on every
// sample (s3's last value: x = 6.5893851806439425, reference 3884947.7360787713, glibc
// and V8 ...7718, exact 3884947.73607877153...). numpy 1.24 evaluates `10 ** x` with
// SVML's AVX-512 `pow` on hosts that have AVX-512, which we do not reproduce. Those draws
// are checked within 1e-15 relative (a few ulp) per value, sum within 1e-12, and the
// generator state exactly, instead of by sha1.

/** The parameters of one recorded draw (the fields used by each distribution). */
interface TraceParams {
  mean_gaussian: number;
  sd_gaussian: number;
  low: number;
  high: number;
  bounds: [number, number];
  max_function: number;
  function_table: string;
}

/** A recorded interpolation table. */
interface TraceTable {
  xp_values: number[];
  fp_values: number[];
  left: number;
  right: number;
}

interface TraceDraw {
  seq: number;
  dist: string;
  params: TraceParams;
  size: number;
  path: string;
  first3: number[];
  sum: number;
  last: number;
  sha1: string;
  rng_state_after: { pos: number; has_gauss: number; key_sha1: string };
}

const CASES = [
  "s1_rest_example_natural",
  "s3_mech_masks_shortrange",
  "s4_dynamic_occupancy_hvac_ffp2",
];

for (const name of CASES) {
  Deno.test(`seed 0 reproduces the reference's draws of ${name} up to the first KDE`, async () => {
    const trace = JSON.parse(
      await Deno.readTextFile(
        new URL(`../fixtures/reference/${name}.trace.json`, import.meta.url),
      ),
    );
    const rng = createRng(trace.seed);
    let replayed = 0;
    for (const draw of trace.draws as TraceDraw[]) {
      // deno-lint-ignore no-explicit-any
      const dist = toDistribution(draw, trace.tables as Record<string, any>);
      if (!dist) break;
      const x = generateSamples(dist, rng, draw.size);
      const where = `draw ${draw.seq} (${draw.path})`;
      if (draw.dist === "LogCustom") {
        draw.first3.forEach((v, i) => assertClose(x[i], v, { rel: 1e-15 }, `${where}[${i}]`));
        assertClose(
          x[x.length - 1],
          draw.last,
          { rel: 1e-15 },
          `${where}: last`,
        );
        assertClose(sum(x), draw.sum, { rel: 1e-12 }, `${where}: sum`);
      } else {
        deepStrictEqual(Array.from(x.subarray(0, 3)), draw.first3, where);
        strictEqual(x[x.length - 1], draw.last, where);
        strictEqual(
          await sha1Hex(x),
          draw.sha1,
          `${where}: sha1 of all values`,
        );
      }
      await assertState(rng, draw.rng_state_after, where);
      replayed++;
    }
    strictEqual(replayed >= 5, true, `replayed only ${replayed} draws`);
  });
}

function toDistribution(draw: TraceDraw, tables: Record<string, TraceTable>): Distribution | null {
  const p = draw.params;
  switch (draw.dist) {
    case "LogNormal":
      return logNormalDistribution(p.mean_gaussian, p.sd_gaussian);
    case "Uniform":
      return uniformDistribution(p.low, p.high);
    case "Custom":
    case "LogCustom": {
      const t = tables[p.function_table];
      const table = interpTable(t.xp_values, t.fp_values, {
        left: t.left,
        right: t.right,
      });
      return customDistribution(p.bounds, table, p.max_function, {
        log10: draw.dist === "LogCustom",
      });
    }
    default:
      return null;
  }
}

async function assertState(
  rng: Rng,
  expected: { pos: number; has_gauss: number; key_sha1: string },
  where: string,
): Promise<void> {
  const state = rng.getState();
  strictEqual(state.pos, expected.pos, `${where}: key position`);
  strictEqual(
    state.hasGauss ? 1 : 0,
    expected.has_gauss,
    `${where}: Gaussian cache`,
  );
  strictEqual(
    (await sha1Hex(state.key)).slice(0, 16),
    expected.key_sha1,
    `${where}: key`,
  );
}

function sum(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s;
}
