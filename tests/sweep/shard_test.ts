import { deepStrictEqual, throws } from "node:assert/strict";
import { inShard, parseShard } from "../../src/sweep/shard.ts";

Deno.test("parseShard reads i/n and refuses anything else", () => {
  deepStrictEqual(parseShard("2/8"), { index: 2, count: 8 });
  for (const bad of ["8/8", "1/0", "-1/2", "a/b", "1", ""]) {
    throws(() => parseShard(bad), /--shard: expected i\/n/);
  }
});

Deno.test("the shards of n cover every row exactly once", () => {
  const count = 3;
  const seen = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    for (let row = 0; row < 20; row++) {
      if (inShard(row, { index: i, count })) seen.set(row, (seen.get(row) ?? 0) + 1);
    }
  }
  deepStrictEqual([...seen.keys()].sort((a, b) => a - b), [...Array(20).keys()]);
  deepStrictEqual(new Set(seen.values()), new Set([1]));
});
