/**
 * The report's spent samples (src/report/spent_samples.ts): what is freed, what is kept.
 * That a report frees nothing it reads again is checked by the parity tests, which run
 * with freed columns filled with NaN (tests/report/virus_report_parity_test.ts).
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { takeColumn, withColumnArena } from "../../src/kernel/column_arena.ts";
import { sharedKernel } from "../../src/kernel/shared.ts";
import { withFreedColumnsPoisoned } from "../../src/kernel/testing.ts";
import { buildVirusModels } from "../../src/forms/build_virus_models.ts";
import { parseVirusForm } from "../../src/forms/parse_virus_form.ts";
import { createRng } from "../../src/montecarlo/rng.ts";
import { DEFAULT_REGISTRY } from "../../src/registry/defaults.ts";
import { createEvaluationCache } from "../../src/model/evaluation_cache.ts";
import { exposureEvaluator } from "../../src/model/exposure.ts";
import { emittedDiameter, populationAerosols } from "../../src/model/population.ts";
import {
  columnsReadAfterConstruction,
  releaseSpentSamples,
  sampleColumns,
  spentSampleHooks,
} from "../../src/report/spent_samples.ts";
import { readFixtureInput } from "../forms/_helpers.ts";

Deno.test("releaseSpentSamples(): frees the arena's columns not kept, once each, and nothing else", () => {
  const n = 10_000; // large enough for the kernel's column heap
  const constant = new Float64Array(n).fill(7); // made outside every arena
  withFreedColumnsPoisoned(() =>
    withColumnArena(() => {
      const kept = takeColumn(n).fill(1);
      const spent = takeColumn(n).fill(2);
      ok(sharedKernel().owns(spent));
      // The spent column twice (a shared part), the constant, a scalar.
      const model = { a: kept, b: { c: spent, d: [constant, spent, 3] } };
      deepStrictEqual(sampleColumns(model), new Set([kept, spent, constant]));
      strictEqual(releaseSpentSamples(model, new Set([kept])), 1);
      ok(spent.every(Number.isNaN), "the spent column is freed (filled with NaN)");
      ok(kept.every((v) => v === 1), "the kept column is untouched");
      ok(constant.every((v) => v === 7), "a column of no arena is left alone");
      // Freed already: nothing more to free.
      strictEqual(releaseSpentSamples(model, new Set([kept])), 0);
    }, sharedKernel())
  );
});

Deno.test("releaseSpentSamples(): a small column (outside the kernel) is detached", () => {
  withColumnArena(() => {
    const spent = takeColumn(100).fill(2);
    strictEqual(releaseSpentSamples({ spent }, new Set()), 1);
    strictEqual(spent.length, 0);
  });
});

Deno.test("columnsReadAfterConstruction(): infectious doses, host immunities, interactions' inhalation rates; viral loads when asked", () => {
  withColumnArena(() => {
    const form = parseVirusForm(readFixtureInput("s3_mech_masks_shortrange"));
    const models = buildVirusModels(form, {
      registry: DEFAULT_REGISTRY,
      rng: createRng(1),
      sampleSize: 1000,
      year: 2026,
    }).exposureModels;
    const [model] = models;
    const virus = model.concentrationModels[0].infected.virus;
    const expected = new Set([
      virus.infectiousDose,
      model.exposed.hostImmunity,
      ...model.shortRange.map((sr) => sr.activity.inhalationRate),
    ]);
    deepStrictEqual(columnsReadAfterConstruction(models, false), expected);
    deepStrictEqual(
      columnsReadAfterConstruction(models, true),
      new Set([...expected, virus.viralLoadInSputum]),
    );
    // s3's 16 draws, of which 2 are read again: the infectious doses and the inhalation
    // rates its three interactions share (the host immunity is one number).
    const all = sampleColumns(models);
    const kept = [...expected].filter((c) => typeof c !== "number");
    deepStrictEqual([all.size, kept.length], [16, 2]);
    ok(kept.every((c) => all.has(c as Float64Array)));
  });
});

Deno.test("spentSampleHooks(): an interaction's draws are freed (its distances) or taken over (its diameters) while the evaluator is built, and its probabilities are unchanged", () => {
  const form = parseVirusForm(readFixtureInput("s3_mech_masks_shortrange"));
  const n = 10_000; // in the kernel's column heap
  const probabilities = (hooks: boolean) =>
    withFreedColumnsPoisoned(() =>
      withColumnArena(() => {
        const models = buildVirusModels(form, {
          registry: DEFAULT_REGISTRY,
          rng: createRng(7),
          sampleSize: n,
          year: 2026,
        }).exposureModels;
        const keep = columnsReadAfterConstruction(models, false);
        const distances: string[] = [];
        const diameters: string[] = [];
        const cache = createEvaluationCache();
        const options = hooks ? spentSampleHooks(models, 0, keep, cache) : {};
        const adopted = new Set<Float64Array>();
        const ev = exposureEvaluator(models[0], [], {
          cache,
          ...options,
          adopt: (column, after) => {
            const taken = options.adopt?.(column, after) ?? false;
            if (taken) adopted.add(column);
            return taken;
          },
          onInteractionSpent: (index, spent) => {
            options.onInteractionSpent?.(index, spent);
            // Freed columns are filled with NaN at once (their memory is reused after);
            // a diameter column may instead hold the interaction's deposited fractions,
            // which the evaluator frees itself once averaged.
            const interaction = models[0].shortRange[index];
            const column = (spent === "distance"
              ? interaction.distance
              : interaction.expiration.diameter) as Float64Array;
            (spent === "distance" ? distances : diameters).push(
              column.every(Number.isNaN) ? "freed" : adopted.has(column) ? "taken over" : "kept",
            );
          },
        });
        if (hooks) {
          deepStrictEqual(distances, ["freed", "freed", "freed"], "the distances are freed");
          deepStrictEqual(
            diameters,
            ["taken over", "taken over", "taken over"],
            "the diameters hold the deposited fractions",
          );
          const inhalation = models[0].shortRange[0].activity.inhalationRate as Float64Array;
          ok(inhalation.every(Number.isFinite), "the inhalation rates are kept");
        }
        return Array.from(ev.infectionProbability() as Float64Array);
      }, sharedKernel())
    );
  const plain = probabilities(false);
  ok(plain.every(Number.isFinite));
  deepStrictEqual(probabilities(true), plain);
});

Deno.test("spentSampleHooks(): the viral load once the emission rates are made, the aerosol volume once its products are, the exposed's mask once the jet factor is; the diameters are written over; probabilities unchanged", () => {
  const form = parseVirusForm(readFixtureInput("s3_mech_masks_shortrange"));
  const n = 10_000; // in the kernel's column heap
  const freed = (column: unknown) => column instanceof Float64Array && column.every(Number.isNaN);
  const probabilities = (hooks: boolean) =>
    withFreedColumnsPoisoned(() =>
      withColumnArena(() => {
        const models = buildVirusModels(form, {
          registry: DEFAULT_REGISTRY,
          rng: createRng(11),
          sampleSize: n,
          year: 2026,
        }).exposureModels;
        const [model] = models;
        const infected = model.concentrationModels[0].infected;
        if (infected.kind !== "infected") throw new Error("s3 has an infected population");
        const cache = createEvaluationCache();
        const options = hooks
          ? spentSampleHooks(models, 0, columnsReadAfterConstruction(models, false), cache)
          : {};
        const stages: string[] = [];
        let aerosols: unknown;
        const ev = exposureEvaluator(model, [], {
          cache,
          ...options,
          onEmissionRates: () => {
            options.onEmissionRates?.();
            if (hooks) {
              // Checked before any new column could take their memory.
              ok(freed(infected.virus.viralLoadInSputum), "the viral load is freed");
              ok(freed(infected.virus.viableToRnaRatio), "the viable-to-RNA ratio is freed");
              ok(!freed(infected.virus.infectiousDose), "the infectious dose is kept");
              ok(!freed(emittedDiameter(infected)), "the diameters are still to be read");
              ok(!freed(model.exposed.mask.etaInhale), "the exposed's mask is still to be read");
              stages.push("emission rates");
            }
            aerosols = populationAerosols(infected, cache);
            ok(aerosols instanceof Float64Array && aerosols.every(Number.isFinite));
          },
          onAerosolsDeposited: () => {
            options.onAerosolsDeposited?.();
            if (!hooks) return;
            ok(freed(aerosols), "the aerosol volume is freed");
            stages.push("aerosols deposited");
          },
          onJetFactor: () => {
            options.onJetFactor?.();
            if (!hooks) return;
            ok(freed(model.exposed.mask.etaInhale), "the exposed's η_inhale is freed");
            stages.push("jet factor");
          },
          adopt: (column, after) => {
            const taken = options.adopt?.(column, after) ?? false;
            if (taken) {
              stages.push(
                after.kind === "deposition"
                  ? `diameters ${column === emittedDiameter(infected) ? "of the infected" : "?"}`
                  : `diameters of interaction ${after.index}`,
              );
            }
            return taken;
          },
        });
        if (hooks) {
          deepStrictEqual(stages, [
            "emission rates",
            "diameters of the infected",
            "aerosols deposited",
            "jet factor",
            "diameters of interaction 0",
            "diameters of interaction 1",
            "diameters of interaction 2",
          ]);
        }
        return Array.from(ev.infectionProbability() as Float64Array);
      }, sharedKernel())
    );
  const plain = probabilities(false);
  ok(plain.every(Number.isFinite));
  deepStrictEqual(probabilities(true), plain);
});
