import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { createKernel } from "../../src/kernel/kernel.ts";
import {
  copyColumn,
  keepColumn,
  kernelColumn,
  newColumn,
  releaseColumn,
  takeColumn,
  withColumnArena,
} from "../../src/kernel/column_arena.ts";

Deno.test("columns made in an arena are freed when it returns, not before", () => {
  let inside = 0;
  const column = withColumnArena(() => {
    const c = newColumn(1000);
    c.fill(2);
    inside = c.length;
    return c;
  });
  strictEqual(inside, 1000);
  strictEqual(column.length, 0);
  strictEqual(column.buffer.byteLength, 0);
});

Deno.test("columns made outside an arena are ordinary arrays", () => {
  const column = newColumn(10);
  withColumnArena(() => newColumn(5));
  strictEqual(column.length, 10);
});

Deno.test("kept copies are freed; views into a larger buffer are left alone", () => {
  const shared = new Float64Array(100);
  const view = shared.subarray(10, 20);
  const [copy] = withColumnArena(() => [keepColumn(shared.slice(0, 50)), keepColumn(view)]);
  strictEqual(copy.length, 0);
  strictEqual(view.length, 10);
  strictEqual(shared.length, 100);
});

Deno.test("an arena frees its columns when its body throws, and only its own", () => {
  let outerColumn: Float64Array | undefined;
  let innerColumn: Float64Array | undefined;
  withColumnArena(() => {
    outerColumn = newColumn(8);
    throws(() =>
      withColumnArena(() => {
        innerColumn = newColumn(8);
        throw new Error("boom");
      }), /boom/);
    strictEqual(innerColumn!.length, 0);
    strictEqual(outerColumn.length, 8);
  });
  strictEqual(outerColumn!.length, 0);
});

Deno.test("releaseColumn() frees a column now and ignores scalars", () => {
  const column = new Float64Array(16);
  releaseColumn(column);
  releaseColumn(3);
  strictEqual(column.length, 0);
});

Deno.test("released memory is reused: new columns start at zero, old views stay empty", () => {
  const n = 100_000; // above the pooling threshold
  const old = withColumnArena(() => {
    const c = newColumn(n);
    c.fill(7);
    return c;
  });
  strictEqual(old.length, 0);
  const zeroed = newColumn(n);
  strictEqual(zeroed.length, n);
  strictEqual(zeroed.every((v) => v === 0), true);
  const copy = copyColumn(Float64Array.of(1, 2, 3));
  deepStrictEqual(Array.from(copy), [1, 2, 3]);
  strictEqual(takeColumn(n).length, n);
});

Deno.test("an arena with a kernel takes its large columns from the kernel's heap", () => {
  const kernel = createKernel();
  const offsets = withColumnArena(() => {
    const big = takeColumn(100_000);
    const small = takeColumn(10);
    strictEqual(kernel.owns(big), true);
    strictEqual(kernel.owns(small), false);
    big.fill(7);
    // Written in place by the kernel; a second column is another block.
    const drawn = kernelColumn(kernel, 100_000, (ptr) => {
      strictEqual(ptr, kernel.f64(ptr, 1).byteOffset);
      kernel.f64(ptr, 100_000).fill(3);
    });
    strictEqual(kernel.owns(drawn), true);
    strictEqual(drawn[99_999], 3);
    strictEqual(big[0], 7);
    return [big.byteOffset, drawn.byteOffset];
  }, kernel);
  // Back in the heap after the arena: the next ones reuse them, zeroed by newColumn.
  withColumnArena(() => {
    const again = newColumn(100_000);
    strictEqual(offsets.includes(again.byteOffset), true);
    strictEqual(again.every((v) => v === 0), true);
    // Freed early, then reused at once.
    releaseColumn(again);
    strictEqual(takeColumn(100_000).byteOffset, again.byteOffset);
  }, kernel);
});

Deno.test("kernelColumn() copies out of the kernel when the column is not in its memory", () => {
  const kernel = createKernel();
  const column = kernelColumn(kernel, 5, (ptr) => kernel.f64(ptr, 5).set([1, 2, 3, 4, 5]));
  strictEqual(kernel.owns(column), false);
  deepStrictEqual(Array.from(column), [1, 2, 3, 4, 5]);
});
