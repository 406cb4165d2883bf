/**
 * A route's results as JSON bytes, with the per-sample columns formatted by the kernel:
 * every `Float64Array` in the tree (`prob_dist`, `log10_vl_in_sputum`: 250,000 numbers
 * each; see src/report/sample_output.ts) is written as a JSON array straight into the
 * response bytes (src/kernel/json_numbers.ts), and the rest of the tree (a few thousand
 * values) by `JSON.stringify`. The bytes are exactly those of
 * `new TextEncoder().encode(JSON.stringify(results))` with each `Float64Array` replaced by
 * the plain array of its numbers.
 *
 * {@link reportJson} writes them into one new buffer sized for the worst case (26 bytes
 * per sample, 3 per UTF-16 unit of the rest), of which the answer is a view.
 * {@link reportJsonChunks} writes a large response (a bound of at least
 * {@link MIN_SEGMENTED_BYTES}) into fixed-size segments the caller supplies, one after
 * the other: a report worker's segments are columns of its kernel's memory
 * (src/server/response_segments.ts), so a response takes no memory of its own, and the
 * kernel formats each block of numbers in place in the segment when the block's bound
 * fits in what is left of it (else in its scratch, copied into the segments).
 *
 * @module
 */
import {
  emitJsonNumberArray,
  jsonNumberArrayMaxBytes,
  writeJsonNumberArray,
} from "../kernel/json_numbers.ts";

/** Most UTF-8 bytes per UTF-16 code unit. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/**
 * Responses whose bound is smaller than this (bytes, 1 MiB: any response without
 * per-sample arrays) are written into one new buffer even when segments are supplied.
 */
export const MIN_SEGMENTED_BYTES = 1024 * 1024;

/** The JSON text of a tree cut at its `Float64Array` leaves, and those leaves. */
interface CutText {
  /** The text before, between and after the leaves (one more than the leaves). */
  readonly parts: readonly string[];
  /** The leaves, in text order. */
  readonly columns: readonly Float64Array[];
  /** The largest number of UTF-8 bytes of the whole text. */
  readonly bound: number;
}

/** The JSON text of `results` cut at its columns (undefined: write it as plain JSON). */
function cutAtColumns(results: unknown): CutText | undefined {
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
  // The marker was in the data after all: no kernel formatting for this one.
  if (parts.length !== columns.length + 1) return undefined;
  let bound = 0;
  for (const part of parts) bound += part.length * MAX_UTF8_BYTES_PER_UNIT;
  for (const column of columns) bound += jsonNumberArrayMaxBytes(column.length);
  return { parts, columns, bound };
}

/**
 * The JSON text of `results` as UTF-8 in one new buffer, `Float64Array` leaves formatted
 * by the kernel (see the module doc).
 *
 * @param results A route's results (all numbers finite, checked before: see
 *   src/report/finite_results.ts; a NaN or infinity in a `Float64Array` throws).
 * @returns The bytes (a view of a larger buffer; transfer its buffer as a whole).
 * @throws {RangeError} When a `Float64Array` holds NaN or ±Infinity.
 * @throws {TypeError} When `results` has no JSON text (e.g. undefined).
 */
export function reportJson(results: unknown): Uint8Array<ArrayBuffer> {
  const cut = cutAtColumns(results);
  if (cut === undefined) return new TextEncoder().encode(JSON.stringify(results, plainArrays));
  return writeWhole(cut);
}

/**
 * The JSON text of `results` as UTF-8 (the bytes of {@link reportJson}) in chunks: when
 * its bound is at least {@link MIN_SEGMENTED_BYTES}, written into the segments
 * `nextSegment` gives, each filled before the next is asked for (the last one, and one
 * cut short by a character that did not fit, are views of the bytes written); else one
 * new buffer.
 *
 * @param results A route's results (see {@link reportJson}).
 * @param nextSegment Gives an empty segment to write into (at least 4 bytes).
 * @returns The bytes, in order.
 * @throws {RangeError} When a `Float64Array` holds NaN or ±Infinity.
 * @throws {TypeError} When `results` has no JSON text (e.g. undefined).
 */
export function reportJsonChunks(
  results: unknown,
  nextSegment: () => Uint8Array,
): Uint8Array[] {
  const cut = cutAtColumns(results);
  if (cut === undefined) return [new TextEncoder().encode(JSON.stringify(results, plainArrays))];
  if (cut.bound < MIN_SEGMENTED_BYTES) return [writeWhole(cut)];
  const chunks: Uint8Array[] = [];
  let segment = nextSegment();
  let at = 0;
  /** Closes the current segment (its first `at` bytes) and opens the next. */
  const advance = () => {
    chunks.push(at === segment.length ? segment : segment.subarray(0, at));
    segment = nextSegment();
    at = 0;
  };
  const copy = (bytes: Uint8Array) => {
    for (let from = 0; from < bytes.length;) {
      if (at === segment.length) advance();
      const n = Math.min(bytes.length - from, segment.length - at);
      segment.set(bytes.subarray(from, from + n), at);
      at += n;
      from += n;
    }
  };
  // The numbers are formatted straight into the segment when a block fits in what is
  // left of it (segments are in the kernel's memory); else through `copy`.
  const inSegment = {
    free: () => (at < segment.length ? segment.subarray(at) : undefined),
    wrote: (bytes: number) => {
      at += bytes;
    },
  };
  const encoder = new TextEncoder();
  const text = (part: string) => {
    for (let rest = part; rest.length > 0;) {
      const { read, written } = encoder.encodeInto(rest, segment.subarray(at));
      at += written;
      rest = rest.slice(read);
      // Full, or the next character's bytes do not fit in what is left of the segment.
      if (rest.length > 0) advance();
    }
  };
  for (let i = 0; i < cut.parts.length; i++) {
    text(cut.parts[i]);
    if (i < cut.columns.length) emitJsonNumberArray(cut.columns[i], copy, inSegment);
  }
  chunks.push(segment.subarray(0, at));
  return chunks;
}

/** The cut text written into one new buffer of its bound. */
function writeWhole({ parts, columns, bound }: CutText): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bound);
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
