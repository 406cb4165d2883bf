// A report worker gives back a large kernel once idle (not while a response it holds is
// being sent), and keeps it while jobs come.
import { notStrictEqual, strictEqual } from "node:assert/strict";
import { newColumn } from "../../src/kernel/column_arena.ts";
import {
  releaseSharedKernel,
  sharedKernel,
  withKernelComputation,
} from "../../src/kernel/shared.ts";
import { KEEP_KERNEL_BYTES, releaseMemoryWhenIdle } from "../../src/server/worker.ts";
import { createResponseSegments } from "../../src/server/response_segments.ts";

/** Grows the shared kernel past KEEP_KERNEL_BYTES (2 MB columns). */
function growPastKeep(): void {
  withKernelComputation(() => {
    const columns = Math.ceil(KEEP_KERNEL_BYTES / 2_000_000) + 2;
    for (let i = 0; i < columns; i++) newColumn(250_000).fill(i);
  });
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("releaseMemoryWhenIdle() drops a kernel past KEEP_KERNEL_BYTES after the delay", async () => {
  growPastKeep();
  const grown = sharedKernel();
  releaseMemoryWhenIdle(undefined, 0);
  strictEqual(sharedKernel(), grown, "not before the delay");
  await tick(0); // timers of equal delay run in order: the release has run
  notStrictEqual(sharedKernel(), grown);
  strictEqual(sharedKernel().memoryBytes() < KEEP_KERNEL_BYTES, true);
});

Deno.test("releaseMemoryWhenIdle() keeps the kernel when cancelled (a job came) or small", async () => {
  growPastKeep();
  const grown = sharedKernel();
  const cancel = releaseMemoryWhenIdle(undefined, 0);
  cancel();
  await tick(20);
  strictEqual(sharedKernel(), grown);
  // A kernel within the limit is kept.
  strictEqual(releaseSharedKernel(0), true);
  const small = sharedKernel();
  releaseMemoryWhenIdle(undefined, 0);
  await tick(0);
  strictEqual(sharedKernel(), small);
});

Deno.test("releaseMemoryWhenIdle() keeps a kernel that holds a response until it is released", async () => {
  growPastKeep();
  const grown = sharedKernel();
  const segments = createResponseSegments();
  const { id } = segments.write((next) => [next().subarray(0, 10)]);
  strictEqual(segments.held, 1);
  releaseMemoryWhenIdle(segments, 0);
  await tick(0);
  strictEqual(sharedKernel(), grown, "held: kept");
  segments.release(id!);
  strictEqual(segments.held, 0);
  releaseMemoryWhenIdle(segments, 0);
  await tick(0);
  notStrictEqual(sharedKernel(), grown, "released: dropped");
});
