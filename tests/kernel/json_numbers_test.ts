import { deepEqual, equal, ok, throws } from "node:assert/strict";
import {
  emitJsonNumberArray,
  JSON_NUMBERS_BLOCK,
  jsonNumberArray,
  jsonNumberArrayMaxBytes,
  writeJsonNumberArray,
} from "../../src/kernel/json_numbers.ts";
import { sharedKernel, withKernelComputation } from "../../src/kernel/shared.ts";
import { takeColumn } from "../../src/kernel/column_arena.ts";
import { jsonNumberTablesSource } from "../../scripts/build_json_number_tables.ts";

const decoder = new TextDecoder();

/** A seeded 32-bit generator (xorshift32), so that a failure can be replayed. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

const bitsView = new DataView(new ArrayBuffer(8));

function fromBits(hi: number, lo: number): number {
  bitsView.setUint32(0, hi);
  bitsView.setUint32(4, lo);
  return bitsView.getFloat64(0);
}

/** The double `steps` units in the last place away from x (positive x, towards +∞ for steps > 0). */
function ulpsAway(x: number, steps: number): number {
  bitsView.setFloat64(0, x);
  const bits = bitsView.getBigUint64(0) + BigInt(steps);
  bitsView.setBigUint64(0, bits);
  return bitsView.getFloat64(0);
}

/** Every kind of double the brief names, with their negatives: well over a million. */
function testDoubles(): Float64Array {
  const next = xorshift(20);
  const values: number[] = [];
  // Random bit patterns: every exponent, subnormals included (NaN and ±∞ left out).
  while (values.length < 400_000) {
    const x = fromBits(next(), next());
    if (Number.isFinite(x)) values.push(x);
  }
  // Probabilities: uniform in [0, 1] and in [0, 0.3], and in % (0–100).
  for (let i = 0; i < 200_000; i++) values.push(next() / 2 ** 32 + next() / 2 ** 64);
  for (let i = 0; i < 200_000; i++) values.push(0.3 * (next() / 2 ** 32 + next() / 2 ** 64));
  for (let i = 0; i < 50_000; i++) values.push(100 * (next() / 2 ** 32));
  // Integers of every size up to 2^64 (exact below 2^53, rounded above).
  for (let i = 0; i < 100_000; i++) {
    values.push(Math.floor((next() / 2 ** 32) * 2 ** (i % 65)));
  }
  // Powers of ten and of two, and their neighbours (a few units in the last place).
  const anchors: number[] = [];
  for (let e = -323; e <= 308; e++) anchors.push(Number(`1e${e}`));
  for (let e = -1074; e <= 1023; e++) anchors.push(2 ** e);
  // The layout's boundaries: 1e21 (exponential from there), 1e-6 / 1e-7 (below: exponential).
  anchors.push(1e21, 1e-6, 1e-7, 999999999999999900000, 0.000001, 1.5e-7, 9.999999999999999e20);
  for (const a of anchors) {
    for (let s = -3; s <= 3; s++) {
      const x = ulpsAway(a, s);
      if (Number.isFinite(x) && x > 0) values.push(x);
    }
  }
  // Subnormals: the smallest, the largest, and random ones; the largest double.
  values.push(5e-324, 1e-323, fromBits(0x000fffff, 0xffffffff), fromBits(0x00100000, 0));
  for (let i = 0; i < 50_000; i++) values.push(fromBits(next() & 0x000fffff, next()));
  values.push(Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2);
  values.push(0, -0, 1, -1, 0.1, 0.2, 0.30000000000000004, 123e-20, 1e23, 5e-7);
  // Negatives of everything so far.
  const n = values.length;
  for (let i = 0; i < n; i += 2) values.push(-values[i]);
  return Float64Array.from(values);
}

Deno.test("jsonNumberArray() writes over a million doubles exactly as JSON.stringify does, each reading back the same", () => {
  const all = testDoubles();
  ok(all.length > 1_000_000, `${all.length} values`);
  const batch = 100_000;
  for (let start = 0; start < all.length; start += batch) {
    const values = all.subarray(start, start + batch);
    const got = decoder.decode(jsonNumberArray(values));
    const want = JSON.stringify(Array.from(values));
    if (got !== want) {
      const g = got.slice(1, -1).split(",");
      const w = want.slice(1, -1).split(",");
      const bad = w.flatMap((
        s,
        i,
      ) => (g[i] === s ? [] : [`${values[i]}: ${g[i]} (expected ${s})`]));
      throw new Error(`${bad.length} numbers differ, e.g. ${bad.slice(0, 5).join("; ")}`);
    }
    // Round trip: every number parses back to the identical double (-0 is written 0).
    const tokens = got.slice(1, -1).split(",");
    equal(tokens.length, values.length);
    for (let i = 0; i < values.length; i++) {
      const back = parseFloat(tokens[i]);
      if (back !== values[i] || (back === 0 && values[i] === 0 && Object.is(back, -0))) {
        throw new Error(`${tokens[i]} reads back as ${back}, not ${values[i]}`);
      }
    }
  }
});

Deno.test("jsonNumberArray() follows Number::toString's layout at its boundaries", () => {
  const cases: [number, string][] = [
    [0, "0"],
    [-0, "0"],
    [1, "1"],
    [-2.5, "-2.5"],
    [123.456, "123.456"],
    [1e20, "100000000000000000000"],
    [1e21, "1e+21"],
    [1.5e21, "1.5e+21"],
    [0.000001, "0.000001"],
    [1.5e-7, "1.5e-7"],
    [1e-7, "1e-7"],
    [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"],
    [2 ** 53, "9007199254740992"],
    [2 ** 60, "1152921504606847000"],
  ];
  const text = decoder.decode(jsonNumberArray(Float64Array.from(cases, ([x]) => x)));
  equal(text, `[${cases.map(([, s]) => s).join(",")}]`);
  equal(decoder.decode(jsonNumberArray(new Float64Array(0))), "[]");
});

Deno.test("writeJsonNumberArray() writes at an offset, across blocks, from the kernel's memory or not", () => {
  const next = xorshift(7);
  const n = 2 * JSON_NUMBERS_BLOCK + 123;
  const values = Float64Array.from({ length: n }, () => next() / 2 ** 32);
  const want = new TextEncoder().encode(JSON.stringify(Array.from(values)));
  const out = new Uint8Array(5 + jsonNumberArrayMaxBytes(n)).fill(0x20);
  const end = writeJsonNumberArray(values, out, 5);
  deepEqual(out.subarray(5, end), want);
  deepEqual(out.subarray(0, 5), new Uint8Array(5).fill(0x20), "nothing before the offset");
  // The same column in the kernel's column heap (read where it is).
  const inKernel = withKernelComputation(() => {
    const column = takeColumn(n);
    column.set(values);
    return jsonNumberArray(column);
  });
  deepEqual(inKernel, want);
});

Deno.test("writeJsonNumberArray() refuses NaN and infinities (never writes null) and a short buffer", () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    const values = new Float64Array(JSON_NUMBERS_BLOCK + 10).fill(0.5);
    values[JSON_NUMBERS_BLOCK + 3] = bad;
    throws(
      () => jsonNumberArray(values),
      (e: unknown) =>
        e instanceof RangeError &&
        e.message.includes(`found ${bad} at index ${JSON_NUMBERS_BLOCK + 3}`),
    );
  }
  throws(
    () => writeJsonNumberArray(Float64Array.of(1, 2), new Uint8Array(10), 0),
    RangeError,
  );
});

Deno.test("emitJsonNumberArray() writes a block in place when the target is in the kernel with room", () => {
  const values = Float64Array.from(
    { length: 3 * JSON_NUMBERS_BLOCK + 5 },
    (_, i) => Math.sin(i) * 10 ** ((i % 40) - 20),
  );
  const want = new TextEncoder().encode(JSON.stringify(Array.from(values)));
  const blockBound = JSON_NUMBERS_BLOCK * 26 + 64;
  const k = sharedKernel();
  // Room for everything, for about one and a half blocks, for none; and a buffer with
  // room outside the kernel (never written in place).
  const cases: [number, boolean][] = [[want.length + 4096, true], [blockBound * 1.5, true]];
  cases.push([100, true], [want.length + 4096, false]);
  for (const [room, inKernel] of cases) {
    k.scope(() => {
      const size = Math.floor(room);
      const buffer = inKernel ? k.u8(k.alloc(size), size) : new Uint8Array(size);
      const pieces: Uint8Array[] = [];
      let at = 0;
      let inPlace = 0;
      emitJsonNumberArray(values, (bytes) => pieces.push(bytes.slice()), {
        free: () => (at < buffer.length ? buffer.subarray(at) : undefined),
        wrote: (bytes) => {
          pieces.push(buffer.slice(at, at + bytes));
          at += bytes;
          inPlace++;
        },
      });
      const got = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
      pieces.reduce((offset, p) => (got.set(p, offset), offset + p.length), 0);
      deepEqual(got, want, `room ${size}, in the kernel: ${inKernel}`);
      // In place only in the kernel and only while a whole block's bound fits.
      if (!inKernel || size < blockBound) equal(inPlace, 0, `none in place, room ${size}`);
      else ok(inPlace >= 1 && inPlace < 4, `some in place, room ${size}: ${inPlace}`);
    });
  }
});

Deno.test("asm/json_number_tables.ts is the output of scripts/build_json_number_tables.ts", async () => {
  const committed = await Deno.readTextFile(
    new URL("../../asm/json_number_tables.ts", import.meta.url),
  );
  equal(committed, jsonNumberTablesSource());
});
