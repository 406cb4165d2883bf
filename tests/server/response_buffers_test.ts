import { notStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  createResponseBuffers,
  MAX_POOLED_BUFFERS,
  MIN_POOLED_BYTES,
  POOLED_BUFFER_BYTES,
} from "../../src/server/response_buffers.ts";

Deno.test("response buffers: a small response gets a new buffer of its size, never pooled", () => {
  const buffers = createResponseBuffers();
  const small = buffers.take(1000);
  strictEqual(small.byteLength, 1000);
  buffers.give(small.buffer);
  strictEqual(buffers.size, 0);
  ok(small.buffer.detached, "freed");
});

Deno.test("response buffers: a large one is reused once given back, even as a new object", () => {
  const buffers = createResponseBuffers();
  const first = buffers.take(MIN_POOLED_BYTES + 1);
  strictEqual(first.byteLength, POOLED_BUFFER_BYTES);
  first.fill(7, 0, 10);
  // Back from another thread, a buffer is a new object over the same memory.
  const back = first.buffer.transfer();
  buffers.give(back);
  strictEqual(buffers.size, 1);
  const second = buffers.take(MIN_POOLED_BYTES);
  strictEqual(second.buffer, back);
  strictEqual(second[0], 7, "the same memory");
  strictEqual(buffers.size, 0);
  // Larger than any pooled buffer: a new one of the bound.
  buffers.give(second.buffer);
  const large = buffers.take(POOLED_BUFFER_BYTES + 8);
  strictEqual(large.byteLength, POOLED_BUFFER_BYTES + 8);
  strictEqual(buffers.size, 1);
});

Deno.test("response buffers: at most MAX_POOLED_BUFFERS are kept; clear() frees them", () => {
  const buffers = createResponseBuffers();
  const taken = Array.from(
    { length: MAX_POOLED_BUFFERS + 1 },
    () => buffers.take(MIN_POOLED_BYTES),
  );
  for (const t of taken) buffers.give(t.buffer);
  strictEqual(buffers.size, MAX_POOLED_BUFFERS);
  ok(taken.at(-1)!.buffer.detached, "the one beyond is freed");
  buffers.give(taken.at(-1)!.buffer); // a detached buffer is ignored
  strictEqual(buffers.size, MAX_POOLED_BUFFERS);
  buffers.clear();
  strictEqual(buffers.size, 0);
  ok(taken.every((t) => t.buffer.detached));
  notStrictEqual(buffers.take(MIN_POOLED_BYTES).buffer, taken[0].buffer);
});
