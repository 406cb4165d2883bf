/**
 * The per-sample outputs of a virus report (`prob_dist` and, with conditional
 * probability, `log10_vl_in_sputum`: N numbers per group each). The library hands them
 * out as plain `number[]`, its documented type. The server asks for them as
 * `Float64Array` copies instead ({@link withTypedSampleOutputs}), which its JSON writer
 * formats in the kernel (src/server/report_json.ts) without building an array of N
 * numbers first.
 *
 * This is the one seam between the report and the server's encoding: the report calls
 * {@link sampleOutput} where it hands out such a column, and nothing else changes.
 *
 * @module
 */
import { toArray } from "../model/vec.ts";

/** How many {@link withTypedSampleOutputs} calls are running (reports are synchronous). */
let typedDepth = 0;

/**
 * A per-sample column as the report hands it out: a plain array copy, or inside
 * {@link withTypedSampleOutputs} a `Float64Array` copy. The copy is typed `number[]` so
 * that the report keeps the library's types; a typed copy reads the same (`length`,
 * indexing) but is meant for a JSON writer that knows typed arrays (src/server/report_json.ts).
 *
 * @param column The samples (e.g. a column of the report's kernel arena, freed after it).
 * @returns A copy the report may keep.
 */
export function sampleOutput(column: Float64Array): number[] {
  return typedDepth > 0 ? column.slice() as unknown as number[] : toArray(column);
}

/**
 * Runs `body` (a report) with its per-sample outputs as `Float64Array` copies (see
 * {@link sampleOutput}).
 *
 * @param body The computation.
 * @returns What `body` returns.
 */
export function withTypedSampleOutputs<T>(body: () => T): T {
  typedDepth++;
  try {
    return body();
  } finally {
    typedDepth--;
  }
}
