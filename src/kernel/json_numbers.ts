/**
 * Columns of doubles as JSON array text, formatted in the kernel (asm/json_numbers.ts):
 * `[x0,x1,…]` in ASCII, byte for byte what `JSON.stringify` writes for the same numbers
 * in a plain array (shortest round-trip decimals laid out as ECMAScript's
 * Number::toString), without a JavaScript array or a string in between. The kernel
 * formats the column in blocks of {@link JSON_NUMBERS_BLOCK} values into its memory, and
 * each block is copied once, into the caller's buffer, or is written in place when the
 * caller's buffer is itself in the kernel's memory (a server response's segments).
 *
 * @module
 */
import { sharedKernel } from "./shared.ts";

/** Values formatted per kernel call (their text, at most 26 bytes each, is then copied out). */
export const JSON_NUMBERS_BLOCK = 16384;

/** Largest number of bytes of one number's text ("-0.0000012345678901234567"). */
const MAX_NUMBER_BYTES = 25;
/** The kernel may write this many bytes past the text of a block (digits ahead, wide stores). */
const KERNEL_SLACK_BYTES = 64;
const F64_BYTES = Float64Array.BYTES_PER_ELEMENT;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * Largest number of bytes of the JSON array text of `n` numbers: brackets, n numbers of
 * at most 25 bytes and n − 1 commas.
 *
 * @param n Number of values.
 * @returns The bound, bytes.
 */
export function jsonNumberArrayMaxBytes(n: number): number {
  return 2 + (MAX_NUMBER_BYTES + 1) * n;
}

/**
 * Writes the JSON array text of `values` (`[x0,x1,…]`, no spaces) into `out` from byte
 * `offset`: the bytes of `new TextEncoder().encode(JSON.stringify(Array.from(values)))`.
 * -0 is written `0`, like `JSON.stringify` does.
 *
 * @param values The numbers, all finite.
 * @param out Receives the text; it must hold {@link jsonNumberArrayMaxBytes} of
 *   `values.length` bytes from `offset` (the bytes past the text are left unspecified).
 * @param offset Where the text starts in `out`.
 * @returns The offset just after the text.
 * @throws {RangeError} When a value is NaN or infinite (JSON has no such number: nothing
 *   is written in its place), or `out` is too short.
 */
export function writeJsonNumberArray(
  values: Float64Array,
  out: Uint8Array,
  offset: number,
): number {
  const n = values.length;
  if (!Number.isInteger(offset) || offset < 0 || out.length - offset < jsonNumberArrayMaxBytes(n)) {
    throw new RangeError(
      `expected room for ${jsonNumberArrayMaxBytes(n)} bytes from offset ${offset} ` +
        `but found a buffer of ${out.length}`,
    );
  }
  let at = offset;
  emitJsonNumberArray(values, (bytes) => {
    out.set(bytes, at);
    at += bytes.length;
  });
  return at;
}

/**
 * Where blocks of formatted numbers may be written in place, instead of being handed to
 * `emit`: the free part of a buffer in the kernel's memory.
 */
export interface JsonNumbersTarget {
  /** The free bytes after what is written so far (a view), or undefined. */
  free(): Uint8Array | undefined;
  /** The first `bytes` bytes of the last {@link JsonNumbersTarget.free} view were written. */
  wrote(bytes: number): void;
}

const OPEN = Uint8Array.of(OPEN_BRACKET);
const CLOSE = Uint8Array.of(CLOSE_BRACKET);
const SEPARATOR = Uint8Array.of(COMMA);

/**
 * Hands the JSON array text of `values` (the bytes {@link writeJsonNumberArray} writes)
 * to `emit` piece by piece, in order: the opening bracket, each block of formatted
 * numbers (a view of the kernel's memory, valid only during the call: copy it), the
 * commas between blocks, the closing bracket.
 *
 * @param values The numbers, all finite.
 * @param emit Receives each piece.
 * @param target Where a block (with the comma before it) is written in place instead,
 *   when its free bytes are in the kernel's memory and hold the block's bound: the
 *   pieces before and after it still go to `emit`, in order.
 * @throws {RangeError} When a value is NaN or infinite (the pieces before it have been
 *   emitted).
 */
export function emitJsonNumberArray(
  values: Float64Array,
  emit: (bytes: Uint8Array) => void,
  target?: JsonNumbersTarget,
): void {
  const n = values.length;
  const k = sharedKernel();
  emit(OPEN);
  k.scope(() => {
    const block = Math.min(n, JSON_NUMBERS_BLOCK);
    const owned = k.owns(values);
    const input = owned ? 0 : k.alloc(block * F64_BYTES);
    const text = k.alloc(block * (MAX_NUMBER_BYTES + 1) + KERNEL_SLACK_BYTES);
    for (let start = 0; start < n; start += block) {
      const count = Math.min(block, n - start);
      let from = values.byteOffset + start * F64_BYTES;
      if (!owned) {
        k.f64(input, count).set(values.subarray(start, start + count));
        from = input;
      }
      const comma = start > 0 ? 1 : 0;
      const free = target?.free();
      const bound = comma + count * (MAX_NUMBER_BYTES + 1) + KERNEL_SLACK_BYTES;
      const inPlace = free !== undefined && free.length >= bound && k.owns(free);
      const at = inPlace ? free.byteOffset + comma : text;
      const written = k.exports.json_numbers(from, count, at);
      if (written < 0) {
        const i = start - 1 - written;
        throw new RangeError(`expected finite numbers but found ${values[i]} at index ${i}`);
      }
      if (inPlace) {
        if (comma) free[0] = COMMA;
        target!.wrote(comma + written);
        continue;
      }
      if (comma) emit(SEPARATOR);
      emit(k.u8(text, written));
    }
  });
  emit(CLOSE);
}

/**
 * The JSON array text of `values` as bytes: `new TextEncoder().encode(JSON.stringify(
 * Array.from(values)))`, formatted in the kernel.
 *
 * @param values The numbers, all finite.
 * @returns The text, ASCII.
 * @throws {RangeError} When a value is NaN or infinite.
 * @example Usage
 * ```ts
 * import { jsonNumberArray } from "./json_numbers.ts";
 * const text = new TextDecoder().decode(jsonNumberArray(Float64Array.of(-0, 0.1, 1e21, 5e-324)));
 * if (text !== "[0,0.1,1e+21,5e-324]") throw new Error(text);
 * ```
 */
export function jsonNumberArray(values: Float64Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(jsonNumberArrayMaxBytes(values.length));
  const end = writeJsonNumberArray(values, out, 0);
  return out.slice(0, end);
}
