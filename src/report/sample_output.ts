/**
 * The per-sample outputs of a virus report (`prob_dist` and, with conditional
 * probability, `log10_vl_in_sputum`: N numbers per group each) come out as plain
 * `number[]` by default, or as `Float64Array` copies with the report option
 * `sampleArrays: "float64"` (8 bytes per sample and no JavaScript array of N numbers),
 * or `"kernel"`: `Float64Array` copies in the shared kernel's column heap, which a caller
 * must free with {@link releaseSampleOutputs} once it has written them out (the server
 * does, right after its JSON writer, src/server/report_json.ts, has formatted them in the
 * kernel). A kernel column freed goes back to the kernel's free list, so the next
 * report's copies reuse memory already in place rather than a new mapping whose every
 * page faults in (about 17 µs per 4 KiB page on this project's test machines, 8 ms for
 * 250,000 samples).
 *
 * @module
 */
import { freeColumnNow } from "../kernel/column_arena.ts";
import { sharedKernel } from "../kernel/shared.ts";
import { toArray } from "../model/vec.ts";

/**
 * How a report hands out its per-sample outputs: `number[]`, `Float64Array`, or
 * `Float64Array` in the kernel's memory (to be freed with {@link releaseSampleOutputs}).
 */
export type SampleArrays = "array" | "float64" | "kernel";

/**
 * A per-sample column as the report hands it out: a copy the report may keep.
 *
 * @param column The samples (e.g. a column of the report's kernel arena, freed after it).
 * @param as `"array"` for a plain array, `"float64"` for a `Float64Array` copy,
 *   `"kernel"` for a copy in the shared kernel's column heap (freed only by
 *   {@link releaseSampleOutputs}) when `column` is in it, else a `Float64Array` copy.
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
  if (as === "array") return toArray(column);
  if (as === "float64") return column.slice();
  const kernel = sharedKernel();
  // A column outside the kernel (a report in chunks: up to 80 MB) is copied outside it.
  if (!kernel.owns(column)) return column.slice();
  const copy = kernel.column(column.length);
  copy.set(column);
  return copy;
}

/**
 * Frees every `Float64Array` per-sample output of a report's results (call it once they
 * have been written out, e.g. as JSON, and nothing reads them any more): a copy in the
 * kernel goes back to the kernel's free list, any other goes back to the system now
 * instead of when the garbage collector gets to it, which for array buffers is only
 * after their total has grown by about 64 MB. Plain arrays and other values are left
 * alone; every view of a freed output that is not in the kernel becomes empty.
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
      if (!sharedKernel().freeColumn(value)) freeColumnNow(value);
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
