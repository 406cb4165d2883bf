/**
 * The per-sample outputs of a virus report (`prob_dist` and, with conditional
 * probability, `log10_vl_in_sputum`: N numbers per group each) come out as plain
 * `number[]` by default, or as `Float64Array` copies with the report option
 * `sampleArrays: "float64"` (8 bytes per sample and no JavaScript array of N numbers;
 * the server asks for them, and its JSON writer, src/server/report_json.ts, formats
 * them in the kernel).
 *
 * @module
 */
import { freeColumnNow } from "../kernel/column_arena.ts";
import { toArray } from "../model/vec.ts";

/** How a report hands out its per-sample outputs: `number[]` or `Float64Array`. */
export type SampleArrays = "array" | "float64";

/**
 * A per-sample column as the report hands it out: a copy the report may keep.
 *
 * @param column The samples (e.g. a column of the report's kernel arena, freed after it).
 * @param as `"array"` for a plain array, `"float64"` for a `Float64Array` copy.
 * @returns The copy.
 * @example Usage
 * ```ts
 * import { sampleOutput } from "./sample_output.ts";
 * const column = Float64Array.of(0.5, 1e-7);
 * if (!Array.isArray(sampleOutput(column, "array"))) throw new Error("a plain array");
 * if (!(sampleOutput(column, "float64") instanceof Float64Array)) throw new Error("typed");
 * ```
 */
export function sampleOutput(column: Float64Array, as: SampleArrays): number[] | Float64Array {
  return as === "float64" ? column.slice() : toArray(column);
}

/**
 * Frees every `Float64Array` per-sample output of a report's results (call it once they
 * have been written out, e.g. as JSON, and nothing reads them any more): their memory goes
 * back to the system now instead of when the garbage collector gets to it, which for array
 * buffers is only after their total has grown by about 64 MB. Plain arrays and other
 * values are left alone; every view of a freed output becomes empty.
 *
 * @param results A report's results (objects and arrays nested at most 16 deep).
 * @example Usage
 * ```ts
 * import { releaseSampleOutputs, sampleOutput } from "./sample_output.ts";
 * const results = { groups: [{ prob_dist: sampleOutput(Float64Array.of(1, 2), "float64") }] };
 * releaseSampleOutputs(results);
 * if (results.groups[0].prob_dist.length !== 0) throw new Error("not freed");
 * ```
 */
export function releaseSampleOutputs(results: unknown): void {
  const visit = (value: unknown, depth: number): void => {
    if (value instanceof Float64Array) {
      freeColumnNow(value);
    } else if (Array.isArray(value)) {
      if (depth < 16) {
        for (const item of value) if (typeof item === "object") visit(item, depth + 1);
      }
    } else if (typeof value === "object" && value !== null && depth < 16) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(results, 0);
}
