// A report worker gives back a large kernel and its response buffers once idle, and keeps
// them while jobs come.
import { notStrictEqual, strictEqual } from "node:assert/strict";
import { newColumn } from "../../src/kernel/column_arena.ts";
import {
  releaseSharedKernel,
  sharedKernel,
  withKernelComputation,
} from "../../src/kernel/shared.ts";
import { KEEP_KERNEL_BYTES, releaseMemoryWhenIdle } from "../../src/server/worker.ts";
import { createResponseBuffers, MIN_POOLED_BYTES } from "../../src/server/response_buffers.ts";

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

Deno.test("releaseMemoryWhenIdle() frees the pooled response buffers after the delay", async () => {
  strictEqual(releaseSharedKernel(0), true); // a small kernel: only the buffers are freed
  const buffers = createResponseBuffers();
  const taken = buffers.take(MIN_POOLED_BYTES);
  buffers.give(taken.buffer);
  strictEqual(buffers.size, 1);
  const cancel = releaseMemoryWhenIdle(buffers, 0);
  cancel();
  await tick(0);
  strictEqual(buffers.size, 1, "cancelled: kept");
  releaseMemoryWhenIdle(buffers, 0);
  await tick(0);
  strictEqual(buffers.size, 0);
  strictEqual(taken.buffer.detached, true);
});
