/**
 * The per-sample column as JSON bytes (N = 250,000 probabilities in [0, 0.3], seeded):
 * `JSON.stringify(Array.from(column))` + `TextEncoder` (what the server did) against the
 * kernel's formatter (src/kernel/json_numbers.ts), into a buffer (as the server's
 * response writer does) and as a new byte array.
 *
 * Before the benchmarks it prints the target line, "250,000 numbers in ≤ 10 ms", with the
 * median and fastest of 41 runs of each way, alternated (the machine is shared: medians of
 * alternated runs, not single timings, compare).
 *
 * Run with `deno task bench`.
 */
import {
  jsonNumberArray,
  jsonNumberArrayMaxBytes,
  writeJsonNumberArray,
} from "../../src/kernel/json_numbers.ts";

const N = 250_000;
const TARGET_MS = 10;
const RUNS = 41;

/** Seeded uniform values in [0, 0.3) (xorshift32), like the probabilities of a report. */
function probabilities(n: number): Float64Array {
  let s = 2024;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  return Float64Array.from({ length: n }, () => 0.3 * (next() + next() / 2 ** 32));
}

const column = probabilities(N);
const buffer = new Uint8Array(jsonNumberArrayMaxBytes(N));
const encoder = new TextEncoder();

function viaStringify(): Uint8Array {
  return encoder.encode(JSON.stringify(Array.from(column)));
}

function viaKernel(): number {
  return writeJsonNumberArray(column, buffer, 0);
}

function median(xs: number[]): number {
  const sorted = xs.slice().sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function targetLine(): string {
  const kernel: number[] = [];
  const stringify: number[] = [];
  for (let i = 0; i < 5; i++) viaKernel();
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    viaKernel();
    kernel.push(performance.now() - t);
    t = performance.now();
    viaStringify();
    stringify.push(performance.now() - t);
  }
  const k = median(kernel);
  return `json numbers: 250,000 numbers in ≤ ${TARGET_MS} ms (target): kernel median ` +
    `${k.toFixed(2)} ms, min ${Math.min(...kernel).toFixed(2)} ms ` +
    `(${k <= TARGET_MS ? "met" : "NOT met"}); JSON.stringify + TextEncoder median ` +
    `${median(stringify).toFixed(2)} ms, min ${Math.min(...stringify).toFixed(2)} ms`;
}

console.log(targetLine());

Deno.bench("JSON.stringify(Array.from(column)) + TextEncoder, 250,000 probabilities", {
  group: "json numbers",
  baseline: true,
}, () => {
  viaStringify();
});

Deno.bench("kernel writeJsonNumberArray into a buffer, 250,000 probabilities", {
  group: "json numbers",
}, () => {
  viaKernel();
});

Deno.bench("kernel jsonNumberArray (new byte array), 250,000 probabilities", {
  group: "json numbers",
}, () => {
  jsonNumberArray(column);
});
