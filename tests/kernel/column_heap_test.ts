import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { createColumnHeap } from "../../src/kernel/column_heap.ts";

Deno.test("column heap: the smallest free block that holds a request, split; new room at the top otherwise", () => {
  const reserved: number[] = [];
  const heap = createColumnHeap(1000, 1000 + 10_000, (end) => reserved.push(end));
  const a = heap.allocate(3000);
  const b = heap.allocate(1000);
  const c = heap.allocate(2000);
  const d = heap.allocate(500);
  deepStrictEqual([a, b, c, d], [1000, 4000, 5000, 7000]);
  deepStrictEqual(reserved, [4000, 5000, 7000, 7500]);
  heap.release(a, 3000);
  heap.release(c, 2000);
  strictEqual(heap.freeBlocks, 2);
  // 1500 fits both: the 2000 block is the smaller.
  strictEqual(heap.allocate(1500), c);
  // The rest of it (500) is the smallest that holds 400.
  strictEqual(heap.allocate(400), c + 1500);
  // Nothing free holds 3500: from the top, which grows.
  strictEqual(heap.allocate(3500), 7500);
  strictEqual(heap.peakBytes, 10_000);
  // Free now: 3000 at 1000 and 100 at 6900; the top is at the limit.
  throws(() => heap.allocate(3100), RangeError);
  strictEqual(heap.allocate(100), 6900);
  strictEqual(heap.allocate(3000), a);
  strictEqual(heap.freeBlocks, 0);
});

Deno.test("column heap: a released block merges with its free neighbours, and the top comes down", () => {
  const heap = createColumnHeap(0, 1 << 20, () => {});
  const blocks = [0, 1, 2, 3].map(() => heap.allocate(100));
  heap.release(blocks[0], 100);
  heap.release(blocks[2], 100);
  strictEqual(heap.freeBlocks, 2);
  heap.release(blocks[1], 100); // joins both neighbours
  strictEqual(heap.freeBlocks, 1);
  strictEqual(heap.allocate(300), 0, "one block of 300");
  heap.release(0, 300);
  heap.release(blocks[3], 100); // the last block: all free, the top back at the base
  strictEqual(heap.freeBlocks, 0);
  strictEqual(heap.allocate(50), 0);
  strictEqual(heap.peakBytes, 400, "the peak stays");
});

Deno.test("column heap: random takes and gives never overlap, and all given back leaves nothing", () => {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const heap = createColumnHeap(0, 1 << 30, () => {});
  const live = new Map<number, number>();
  for (let step = 0; step < 5000; step++) {
    if (live.size > 0 && random() < 0.45) {
      const keys = [...live.keys()];
      const ptr = keys[Math.floor(random() * keys.length)];
      heap.release(ptr, live.get(ptr)!);
      live.delete(ptr);
    } else {
      const bytes = 16 * (1 + Math.floor(random() * (random() < 0.5 ? 8 : 20_000)));
      const ptr = heap.allocate(bytes);
      for (const [other, size] of live) {
        if (ptr < other + size && other < ptr + bytes) {
          throw new Error(`block ${ptr}+${bytes} overlaps ${other}+${size}`);
        }
      }
      live.set(ptr, bytes);
    }
  }
  const peak = heap.peakBytes;
  for (const [ptr, bytes] of live) heap.release(ptr, bytes);
  strictEqual(heap.freeBlocks, 0, "all merged back into the top");
  strictEqual(heap.allocate(16), 0, "the top is back at the base");
  strictEqual(heap.peakBytes, peak);
});
