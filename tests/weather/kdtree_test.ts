// The k-d tree behind nearestStation() against scipy's cKDTree and libstdc++'s
// std::nth_element. Expected values: kdtree_vectors.json, written by
// scripts/fixtures/kdtree_vectors.py (its docstring says how; scipy 1.17.1, whose ckdtree build
// and query code is the same as the reference's scipy 1.10.1, and g++ 12).
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { buildKdTree, nearestIndex, nthElement } from "../../src/weather/_kdtree.ts";
import { parseStationList } from "../../src/weather/mod.ts";
import { NO_STATION_LIST, STATION_LIST_TEXT } from "./_data.ts";

interface TreeCase {
  name: string;
  points: string;
  indices: string;
  queries: string;
  nearest: string;
}
interface Vectors {
  grids: TreeCase[];
  hadisd: {
    stations: number;
    indicesSha256: string;
    duplicatedStations: string;
    nearestAtDuplicated: string;
    nearestNextToDuplicated: string;
    randomQueries: string;
    nearestToRandom: string;
  };
  nthElement: { k: number; values: string; perm: string }[];
}

const VECTORS = JSON.parse(
  await Deno.readTextFile(new URL("./kdtree_vectors.json", import.meta.url)),
) as Vectors;

const ints = (s: string): number[] => s.trim().split(/\s+/).filter((x) => x !== "").map(Number);
const pairs = (s: string): [number, number][] =>
  s.trim().split(/\s+/).map((p) => p.split(",").map(Number) as [number, number]);

Deno.test("nthElement() leaves the same permutation as libstdc++'s std::nth_element", () => {
  // Includes McIlroy's adversarial inputs, on which introselect falls back to heap select.
  for (const [i, c] of VECTORS.nthElement.entries()) {
    const values = ints(c.values);
    const order = Int32Array.from(values, (_, j) => j);
    nthElement(order, 0, c.k, values.length, (a, b) => values[a]! < values[b]!);
    deepStrictEqual([...order], ints(c.perm), `case ${i} (n=${values.length}, k=${c.k})`);
  }
});

Deno.test("buildKdTree() orders points and nearestIndex() breaks ties like scipy's cKDTree", () => {
  for (const c of VECTORS.grids) {
    // Integer grids: many identical points and exactly equidistant queries.
    const tree = buildKdTree(pairs(c.points));
    deepStrictEqual([...tree.order], ints(c.indices), `${c.name}: tree order`);
    const got = pairs(c.queries).map(([x, y]) => nearestIndex(tree, x, y));
    deepStrictEqual(got, ints(c.nearest), `${c.name}: nearest`);
  }
});

Deno.test("buildKdTree() of one leaf scans points in input order (first of equals wins)", () => {
  const tree = buildKdTree([[1, 1], [0, 0], [2, 2], [0, 0], [1, -1]]);
  strictEqual(tree.nodes.length, 1);
  strictEqual(nearestIndex(tree, 0, 0), 1);
  strictEqual(nearestIndex(tree, 1, 0), 0); // (1, 1) and (1, -1) tie: the first listed
  strictEqual(nearestIndex(tree, NaN, 0), -1);
});

Deno.test({
  name: "buildKdTree() over the whole HadISD list matches cKDTree (order and ties)",
  ignore: NO_STATION_LIST,
  async fn() {
    const stations = parseStationList(STATION_LIST_TEXT as string);
    const { hadisd } = VECTORS;
    strictEqual(stations.length, hadisd.stations);
    const tree = buildKdTree(stations.map((s) => [s.longitude, s.latitude]));
    const digest = await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode([...tree.order].join(",")),
    );
    strictEqual(
      [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join(""),
      hadisd.indicesSha256,
    );
    // Stations listed more than once at the same coordinates: scipy returns the copy
    // its tree visits first, often not the first listed (so a plain scan would differ).
    const duplicated = ints(hadisd.duplicatedStations);
    const at = (i: number, shift: number) =>
      nearestIndex(tree, stations[i]!.longitude + shift, stations[i]!.latitude + shift);
    deepStrictEqual(duplicated.map((i) => at(i, 0)), ints(hadisd.nearestAtDuplicated));
    deepStrictEqual(duplicated.map((i) => at(i, 0.3)), ints(hadisd.nearestNextToDuplicated));
    const firstListedWins = duplicated.filter((i) => at(i, 0) === i).length;
    strictEqual(firstListedWins < duplicated.length, true);
    deepStrictEqual(
      pairs(hadisd.randomQueries).map(([x, y]) => nearestIndex(tree, x, y)),
      ints(hadisd.nearestToRandom),
    );
  },
});
