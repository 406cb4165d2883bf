// The probability of infection at the viral-load percentiles (the reference's
// `calculate_vl_scenarios_percentiles`, as it intends): the keys are the numpy linear
// quantiles of the sampled viral loads (computed here from a sorted copy), and the fast
// path (each sample's dose rescaled to the quantile) equals the reference's way (the
// exposure model rebuilt with the viral load replaced in its concentration models).
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { buildExposureModels } from "../../src/forms/build_virus_models.ts";
import { parseVirusForm } from "../../src/forms/parse_virus_form.ts";
import { withKernelComputation } from "../../src/kernel/shared.ts";
import { exposureEvaluator, type ExposureModel } from "../../src/model/exposure.ts";
import { mean } from "../../src/model/vec.ts";
import { createKernelRng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY } from "../../src/registry/defaults.ts";
import { pythonFloatString } from "../../src/report/_python_float.ts";
import {
  VIRAL_LOAD_PERCENTILES,
  viralLoadPercentileProbabilities,
} from "../../src/report/viral_load_percentiles.ts";
import { quantileSorted } from "../_helpers/sample_summary.ts";
import { assertClose } from "../_helpers/stats.ts";

const N = 3000;

function uiInput(name: string): Record<string, unknown> {
  return JSON.parse(
    Deno.readTextFileSync(new URL(`../fixtures/ui_report/${name}.in.json`, import.meta.url)),
  );
}

/** The model with the viral load `q` in every concentration model (the reference's way). */
function withViralLoad(model: ExposureModel, q: number): ExposureModel {
  return {
    ...model,
    concentrationModels: model.concentrationModels.map((cm) => ({
      ...cm,
      infected: { ...cm.infected, virus: { ...cm.infected.virus, viralLoadInSputum: q } },
    })),
  };
}

/** Runs `check` on the first exposure model of a fixture's form, sampled at N. */
function onModel(
  input: Record<string, unknown>,
  check: (model: ExposureModel) => void,
  seed = 0,
): void {
  withKernelComputation((kernel) => {
    const models = buildExposureModels(parseVirusForm(input), {
      registry: DEFAULT_REGISTRY,
      rng: createKernelRng(seed, kernel),
      sampleSize: N,
    });
    check(models.exposureModels[0]);
  });
}

function assertReferencePath(model: ExposureModel, rel: number): void {
  const viralLoad = model.concentrationModels[0].infected.virus.viralLoadInSputum as Float64Array;
  const sorted = Float64Array.from(viralLoad).sort();
  const quantiles = VIRAL_LOAD_PERCENTILES.map((q) => quantileSorted(sorted, q));
  const result = viralLoadPercentileProbabilities(exposureEvaluator(model));
  deepStrictEqual(Object.keys(result), quantiles.map(pythonFloatString));
  quantiles.forEach((q) => {
    const expected = mean(exposureEvaluator(withViralLoad(model, q)).infectionProbability());
    assertClose(result[pythonFloatString(q)], expected, { rel }, `viral load ${q}`);
  });
}

Deno.test("viralLoadPercentileProbabilities(): the quantiles' keys and the rebuilt models' probabilities", () => {
  onModel(uiInput("u6_precise_cond_prob"), (model) => assertReferencePath(model, 1e-10));
});

Deno.test("viralLoadPercentileProbabilities(): with short-range interactions too", () => {
  onModel(uiInput("u3_mech_masks_shortrange"), (model) => assertReferencePath(model, 1e-10));
});

Deno.test("viralLoadPercentileProbabilities(): with a background concentration the model is rebuilt", () => {
  onModel(uiInput("u8_hepa_ffp2_mech"), (model) => {
    const background: ExposureModel = {
      ...model,
      concentrationModels: model.concentrationModels.map((cm) => ({
        ...cm,
        minBackgroundConcentration: 0.01,
      })),
    };
    // Not proportional to the viral load any more: only the rebuilt models give this.
    assertReferencePath(background, 0);
  });
});

Deno.test("viralLoadPercentileProbabilities(): a fixed viral load gives one key", () => {
  onModel(uiInput("u6_precise_cond_prob"), (model) => {
    const fixed = withViralLoad(model, 1e9);
    const result = viralLoadPercentileProbabilities(exposureEvaluator(fixed));
    deepStrictEqual(Object.keys(result), ["1000000000.0"]);
    strictEqual(result["1000000000.0"], mean(exposureEvaluator(fixed).infectionProbability()));
  });
});
