import { deepStrictEqual } from "node:assert/strict";
import { findOverlaps } from "../../src/forms/_overlaps.ts";

const iv = (start: number, finish: number) => ({ start, finish });

/** Every overlapping pair by brute force (the reference's check_overlap). */
function brutePairs(list: { start: number; finish: number }[]): Set<number> {
  const involved = new Set<number>();
  list.forEach((a, i) =>
    list.forEach((b, j) => {
      if (i !== j && a.start < b.finish && b.start < a.finish) involved.add(i).add(j);
    })
  );
  return involved;
}

Deno.test("findOverlaps() finds overlaps but not touching intervals", () => {
  deepStrictEqual(findOverlaps([iv(0, 10), iv(10, 20), iv(20, 30)]), []);
  deepStrictEqual(findOverlaps([iv(10, 20), iv(0, 15)]), [{ index: 0, other: 1 }]);
  deepStrictEqual(findOverlaps([iv(0, 10), iv(0, 5)]), [{ index: 1, other: 0 }]);
  deepStrictEqual(findOverlaps([]), []);
});

Deno.test("findOverlaps() treats empty intervals like the reference", () => {
  // A point overlaps only an interval that contains it strictly.
  deepStrictEqual(findOverlaps([iv(10, 10), iv(10, 20), iv(20, 20), iv(5, 5)]), []);
  deepStrictEqual(findOverlaps([iv(0, 15), iv(10, 30), iv(12, 12)]), [
    { index: 1, other: 0 },
    { index: 2, other: 1 },
  ]);
  deepStrictEqual(findOverlaps([iv(10, 10), iv(10, 10)]), []);
});

Deno.test("findOverlaps() reports an interval of every overlapping pair (random lists)", () => {
  let seed = 1;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let trial = 0; trial < 500; trial++) {
    const list = Array.from({ length: rand(8) }, () => {
      const start = rand(20);
      return iv(start, start + rand(6));
    });
    const reported = findOverlaps(list);
    const involved = brutePairs(list);
    for (const { index, other } of reported) {
      const [a, b] = [list[index], list[other]];
      deepStrictEqual(a.start < b.finish && b.start < a.finish, true, JSON.stringify(list));
      deepStrictEqual(involved.has(index), true);
    }
    // Each overlapping pair has at least one member reported.
    const flagged = new Set(reported.map((r) => r.index));
    list.forEach((a, i) =>
      list.forEach((b, j) => {
        if (i < j && a.start < b.finish && b.start < a.finish) {
          deepStrictEqual(flagged.has(i) || flagged.has(j), true, JSON.stringify(list));
        }
      })
    );
  }
});
