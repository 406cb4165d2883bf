/**
 * A route's results as JSON bytes, with the per-sample columns formatted by the kernel:
 * every `Float64Array` in the tree (`prob_dist`, `log10_vl_in_sputum`: 250,000 numbers
 * each; see src/report/sample_output.ts) is written as a JSON array straight into the
 * response bytes (src/kernel/json_numbers.ts), and the rest of the tree (a few thousand
 * values) by `JSON.stringify`. The bytes are exactly those of
 * `new TextEncoder().encode(JSON.stringify(results))` with each `Float64Array` replaced by
 * the plain array of its numbers.
 *
 * The text goes into one buffer sized for the worst case (26 bytes per sample, 3 per
 * UTF-16 unit of the rest), of which the answer is a view: the pages past the text are
 * never written, and the view's length is the response's `Content-Length`. A worker
 * passes its pool's `take` (src/server/response_buffers.ts) to reuse the buffers of the
 * responses it has already sent.
 *
 * @module
 */
import { jsonNumberArrayMaxBytes, writeJsonNumberArray } from "../kernel/json_numbers.ts";

/** Most UTF-8 bytes per UTF-16 code unit. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * The JSON text of `results` as UTF-8, `Float64Array` leaves formatted by the kernel
 * (see the module doc).
 *
 * @param results A route's results (all numbers finite, checked before: see
 *   src/server/finite_results.ts; a NaN or infinity in a `Float64Array` throws).
 * @param take Gives the buffer for at most that many bytes (default: a new one).
 * @returns The bytes (a view of a larger buffer; transfer its buffer as a whole).
 * @throws {RangeError} When a `Float64Array` holds NaN or ±Infinity.
 * @throws {TypeError} When `results` has no JSON text (e.g. undefined).
 */
export function reportJson(
  results: unknown,
  take: (bytes: number) => Uint8Array<ArrayBuffer> = (bytes) => new Uint8Array(bytes),
): Uint8Array<ArrayBuffer> {
  const columns: Float64Array[] = [];
  // A string no report holds stands for each column in the text, which is cut there.
  const marker = `f64 column ${crypto.randomUUID()}`;
  const text = JSON.stringify(results, (_key, value) => {
    if (!(value instanceof Float64Array)) return value;
    columns.push(value);
    return marker;
  }) as string | undefined;
  if (text === undefined) throw new TypeError(`expected JSON data but found ${typeof results}`);
  const parts = text.split(JSON.stringify(marker));
  if (parts.length !== columns.length + 1) {
    // The marker was in the data after all: no kernel formatting for this one.
    return new TextEncoder().encode(JSON.stringify(results, plainArrays));
  }
  let bound = 0;
  for (const part of parts) bound += part.length * MAX_UTF8_BYTES_PER_UNIT;
  for (const column of columns) bound += jsonNumberArrayMaxBytes(column.length);
  const out = take(bound);
  const encoder = new TextEncoder();
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    at += encoder.encodeInto(parts[i], out.subarray(at)).written;
    if (i < columns.length) at = writeJsonNumberArray(columns[i], out, at);
  }
  return out.subarray(0, at);
}

/** A `JSON.stringify` replacer that writes each `Float64Array` as a plain array. */
function plainArrays(_key: string, value: unknown): unknown {
  return value instanceof Float64Array ? Array.from(value) : value;
}
