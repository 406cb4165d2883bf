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
