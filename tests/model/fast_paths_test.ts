// Each fast path of the evaluators (the Chebyshev expansion, the kernel's timeline pass,
// the fused dose) gives the values of the plain definitions (time by time, interval by
// interval), on the Monte Carlo models of the reference fixtures.
import { strictEqual } from "node:assert/strict";
import { buildVirusModels } from "../../src/forms/build_virus_models.ts";
import { parseVirusForm } from "../../src/forms/parse_virus_form.ts";
import { withKernelComputation } from "../../src/kernel/shared.ts";
import type { FastPath } from "../../src/model/concentration.ts";
import { createEvaluationCache } from "../../src/model/evaluation_cache.ts";
import { exposureEvaluator } from "../../src/model/exposure.ts";
import type { Vec } from "../../src/model/vec.ts";
import { createKernelRng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY } from "../../src/registry/defaults.ts";

const SAMPLES = 20_000;
const PATHS: readonly FastPath[] = ["auto", "timeline", "plain"];

/** Largest difference relative to the largest magnitude of the plain values. */
function worst(got: Vec, want: Vec): number {
  const a = typeof got === "number" ? [got] : Array.from(got);
  const b = typeof want === "number" ? [want] : Array.from(want);
  strictEqual(a.length, b.length);
  const scale = Math.max(...b.map(Math.abs), Number.MIN_VALUE);
  return Math.max(0, ...a.map((x, i) => Math.abs(x - b[i]) / scale));
}

for (
  const name of [
    "s2_hepa_classroom",
    "s3_mech_masks_shortrange",
    "s4_dynamic_occupancy_hvac_ffp2",
    "s6_precise_activity_cond_prob",
  ]
) {
  Deno.test(`${name}: every fast path equals the plain definitions`, async () => {
    const body = JSON.parse(
      await Deno.readTextFile(new URL(`../fixtures/reference/${name}.in.json`, import.meta.url)),
    );
    const form = parseVirusForm(body);
    withKernelComputation((kernel) => {
      const models = buildVirusModels(form, {
        registry: DEFAULT_REGISTRY,
        rng: createKernelRng(0, kernel),
        sampleSize: SAMPLES,
      });
      for (const model of models.exposureModels) {
        const [auto, timeline, plain] = PATHS.map((fastPath) =>
          exposureEvaluator(model, [], { cache: createEvaluationCache(), fastPath })
        );
        const times = [8.5, 9.25, 10, 12.75, 16];
        const sums = (ev: typeof plain) =>
          ev.concentrations[0].batch({
            times,
            weights: [1, ev.concentrations[0].normalization],
            intervals: [[9, 11], [12, 17]],
          });
        const want = sums(plain);
        for (const [path, ev] of [["auto", auto], ["timeline", timeline]] as const) {
          const got = sums(ev);
          got.sums.forEach((s, w) => {
            const d = worst(s, want.sums[w]);
            strictEqual(d < 1e-9, true, `${path}: concentration sums (weight ${w}) differ by ${d}`);
          });
          got.integrals.forEach((c, k) => {
            const d = worst(c, want.integrals[k]);
            strictEqual(d < 1e-9, true, `${path}: integral ${k} differs by ${d}`);
          });
          const dose = worst(ev.depositedExposure(), plain.depositedExposure());
          strictEqual(dose < 1e-9, true, `${path}: deposited dose differs by ${dose}`);
          const p = worst(ev.infectionProbability(), plain.infectionProbability());
          strictEqual(p < 1e-9, true, `${path}: infection probability differs by ${p}`);
        }
      }
    });
  });
}
