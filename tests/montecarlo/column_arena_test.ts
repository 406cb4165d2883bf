import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import {
  copyColumn,
  keepColumn,
  newColumn,
  releaseColumn,
  takeColumn,
  withColumnArena,
} from "../../src/montecarlo/column_arena.ts";

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
