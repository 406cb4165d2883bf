/**
 * A two-dimensional k-d tree that finds the same nearest point as scipy's `cKDTree`
 * with its defaults (`leafsize=16`, `balanced_tree=True`, `compact_nodes=True`) and a
 * `query(x, k=[1])` (Euclidean distance, `eps=0`, no upper bound), ties included.
 *
 * Why a tree and not a plain scan: when two points are exactly as far from the query
 * (stations listed twice at the same coordinates are the usual case), scipy returns
 * the one its traversal meets first, which depends on how the tree permuted the
 * points. A scan in input order picks a different station for about half of the
 * duplicated coordinates in the HadISD list, so we build the same tree and walk it
 * the same way.
 *
 * What has to match scipy (`scipy/spatial/ckdtree/src/build.cxx`, `query.cxx`,
 * `distance.h`, unchanged from 1.10 to 1.17):
 * - the build: bounding box of the node's points, split dimension = first largest
 *   spread, median by `std::nth_element` on the node's index range, then
 *   `std::partition` of the lower half by `value < split` (with the sliding fallback
 *   when nothing is below the median). The permutations follow libstdc++
 *   (`bits/stl_algo.h`, `bits/stl_heap.h`): introselect with median-of-three pivots,
 *   insertion sort below four elements, heap select when the depth budget runs out;
 * - the query: squared distances `dx² + dy²`, a point is taken only when strictly
 *   closer than the best so far, nodes are visited near child first and far children
 *   through scipy's own binary heap (its sift rules decide the order of equal keys).
 *
 * Not public: callers use `nearestStation` in `nearest_station.ts`.
 *
 * @module
 */

/** Maximum number of points in a leaf (scipy's default `leafsize`). */
const LEAF_SIZE = 16;

/** One node of the tree; `splitDim` is -1 for a leaf. */
interface KdNode {
  /** 0 (x) or 1 (y) for an inner node, -1 for a leaf. */
  readonly splitDim: number;
  /** Split value of an inner node (points with `value < split` are on the `less` side). */
  readonly split: number;
  /** First position of the node's points in `order`. */
  readonly start: number;
  /** One past the last position of the node's points in `order`. */
  readonly end: number;
  /** Index of the child holding `value < split` (inner nodes). */
  readonly less: number;
  /** Index of the child holding `value >= split` (inner nodes). */
  readonly greater: number;
}

/** A built tree over `n` points; immutable once built. */
export interface KdTree {
  /** Discriminant (the public, opaque view is `StationTree` in `dataset.ts`). */
  readonly kind: "kd-tree";
  /** Number of points. */
  readonly size: number;
  /** Point coordinates, interleaved `[x0, y0, x1, y1, …]`. */
  readonly coords: Float64Array;
  /** Point indices in tree order (scipy's `cKDTree.indices`). */
  readonly order: Int32Array;
  /** Nodes; the root is node 0. */
  readonly nodes: readonly KdNode[];
  /** Smallest coordinate of all points, per dimension. */
  readonly mins: readonly [number, number];
  /** Largest coordinate of all points, per dimension. */
  readonly maxes: readonly [number, number];
}

/**
 * Builds the tree over points given as `[x, y]` pairs (for stations: longitude, latitude).
 *
 * @param points The points, in the order their indices refer to.
 * @returns The tree.
 * @throws {RangeError} When there is no point.
 */
export function buildKdTree(points: readonly (readonly [number, number])[]): KdTree {
  const n = points.length;
  if (n === 0) throw new RangeError("expected at least one point but found none");
  const coords = new Float64Array(2 * n);
  points.forEach(([x, y], i) => {
    coords[2 * i] = x;
    coords[2 * i + 1] = y;
  });
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // numpy's amin/amax over the points (NaN propagates, as there).
  const mins: [number, number] = [Infinity, Infinity];
  const maxes: [number, number] = [-Infinity, -Infinity];
  for (let d = 0; d < 2; d++) {
    for (let i = 0; i < n; i++) {
      const v = coords[2 * i + d] as number;
      if (Number.isNaN(v) || Number.isNaN(mins[d])) {
        mins[d] = NaN;
        maxes[d] = NaN;
      } else {
        if (v < mins[d]) mins[d] = v;
        if (v > maxes[d]) maxes[d] = v;
      }
    }
  }
  const nodes: KdNode[] = [];
  buildNode(coords, order, nodes, 0, n);
  return { kind: "kd-tree", size: n, coords, order, nodes, mins, maxes };
}

/**
 * Index of the point nearest to `(x, y)` (Euclidean), chosen among equally near points
 * exactly as scipy's `cKDTree.query((x, y), k=[1])` chooses.
 *
 * @param tree The tree.
 * @param x Query x (longitude for stations).
 * @param y Query y (latitude for stations).
 * @returns The index of the nearest point in the input order, or -1 when no distance
 *   is finite (e.g. a NaN query).
 */
export function nearestIndex(tree: KdTree, x: number, y: number): number {
  const { coords, order, nodes } = tree;
  const q = [x, y];
  // Node records: the node, its lower bound on the squared distance, and the squared
  // distance from the query to the box along each dimension.
  interface Visit {
    node: number;
    minDistance: number;
    side: [number, number];
  }
  const rootSide: [number, number] = [0, 0];
  let current: Visit = { node: 0, minDistance: 0, side: rootSide };
  for (let d = 0; d < 2; d++) {
    const s = sideDistance(q[d] as number, tree.mins[d], tree.maxes[d]);
    updateSide(current, d, s * s);
  }
  const queue = new ScipyHeap<Visit>();
  let bound = Infinity;
  let best = -1;
  for (;;) {
    const node = nodes[current.node] as KdNode;
    if (node.splitDim === -1) {
      for (let i = node.start; i < node.end; i++) {
        const p = order[i] as number;
        const dx = (coords[2 * p] as number) - x;
        const dy = (coords[2 * p + 1] as number) - y;
        const dist = dx * dx + dy * dy;
        if (dist < bound) {
          best = p;
          bound = dist;
        }
      }
      const next = queue.pop();
      if (next === undefined) break;
      current = next;
    } else {
      if (current.minDistance > bound) break;
      const d = node.splitDim;
      const far: Visit = {
        node: -1,
        minDistance: current.minDistance,
        side: [current.side[0], current.side[1]],
      };
      let gap: number;
      if ((q[d] as number) < node.split) {
        current.node = node.less;
        far.node = node.greater;
        gap = node.split - (q[d] as number);
      } else {
        current.node = node.greater;
        far.node = node.less;
        gap = (q[d] as number) - node.split;
      }
      updateSide(far, d, gap * gap);
      let near = current;
      let other = far;
      if (near.minDistance > other.minDistance) [near, other] = [other, near];
      current = near;
      if (other.minDistance <= bound) queue.push(other.minDistance, other);
    }
  }
  return best;
}

// --- build ---

/** Appends the node for `order[start, end)` (and its subtree); returns its index. */
function buildNode(
  coords: Float64Array,
  order: Int32Array,
  nodes: KdNode[],
  start: number,
  end: number,
): number {
  const index = nodes.length;
  const leaf: KdNode = { splitDim: -1, split: 0, start, end, less: 0, greater: 0 };
  nodes.push(leaf);
  if (end - start <= LEAF_SIZE) return index;

  // Tight box of the node's points (the "compact nodes" option).
  const first = order[start] as number;
  const lo = [coords[2 * first] as number, coords[2 * first + 1] as number];
  const hi = [lo[0] as number, lo[1] as number];
  for (let j = start + 1; j < end; j++) {
    const p = order[j] as number;
    for (let d = 0; d < 2; d++) {
      const v = coords[2 * p + d] as number;
      hi[d] = (hi[d] as number) > v ? hi[d] as number : v;
      lo[d] = (lo[d] as number) < v ? lo[d] as number : v;
    }
  }
  // Split along the first dimension of largest spread.
  let d = 0;
  let size = 0;
  for (let i = 0; i < 2; i++) {
    if ((hi[i] as number) - (lo[i] as number) > size) {
      d = i;
      size = (hi[i] as number) - (lo[i] as number);
    }
  }
  if (hi[d] === lo[d]) return index; // all points identical: a leaf

  const valueOf = (p: number): number => coords[2 * p + d] as number;
  const less = (a: number, b: number): boolean => valueOf(a) < valueOf(b);
  const mid = start + Math.floor((end - start) / 2);
  nthElement(order, start, mid, end, less);
  let split = valueOf(order[mid] as number);
  let p = partition(order, start, mid, (i) => valueOf(i) < split);
  if (p === start) {
    // Nothing below the median: split just above the smallest value instead.
    split = nextUp(valueOf(order[minElement(order, start, end, less)] as number));
    p = partition(order, start, end, (i) => valueOf(i) < split);
  } else if (p === end) {
    split = valueOf(order[maxElement(order, start, end, less)] as number);
    p = partition(order, start, end, (i) => valueOf(i) < split);
  }
  if (p === start || p === end) {
    // Cannot happen with tight boxes (the spread along d is positive).
    throw new Error(`k-d tree build failed to split ${end - start} points`);
  }
  const lessChild = buildNode(coords, order, nodes, start, p);
  const greaterChild = buildNode(coords, order, nodes, p, end);
  nodes[index] = { splitDim: d, split, start, end, less: lessChild, greater: greaterChild };
  return index;
}

/** The next double above `v` (C `nextafter(v, +inf)`). */
function nextUp(v: number): number {
  if (Number.isNaN(v) || v === Infinity) return v;
  if (v === 0) return Number.MIN_VALUE;
  const value = new Float64Array([v]);
  const bits = new BigInt64Array(value.buffer);
  bits[0] += v > 0 ? 1n : -1n;
  return value[0];
}

// --- libstdc++ algorithms on a range [first, last) of an index array ---

type Less = (a: number, b: number) => boolean;

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/** `std::nth_element(first, nth, last, comp)` with libstdc++'s introselect. */
export function nthElement(
  a: Int32Array,
  first: number,
  nth: number,
  last: number,
  less: Less,
): void {
  if (first === last || nth === last) return;
  let depthLimit = 2 * floorLog2(last - first);
  while (last - first > 3) {
    if (depthLimit === 0) {
      heapSelect(a, first, nth + 1, last, less);
      swap(a, first, nth);
      return;
    }
    depthLimit--;
    const cut = partitionAroundPivot(a, first, last, less);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  insertionSort(a, first, last, less);
}

function floorLog2(n: number): number {
  return 31 - Math.clz32(n);
}

/** Median of three moved to `first`, then the unguarded Hoare partition of the rest. */
function partitionAroundPivot(a: Int32Array, first: number, last: number, less: Less): number {
  const mid = first + Math.floor((last - first) / 2);
  moveMedianToFirst(a, first, first + 1, mid, last - 1, less);
  let lo = first + 1;
  let hi = last;
  for (;;) {
    while (less(a[lo] as number, a[first] as number)) lo++;
    hi--;
    while (less(a[first] as number, a[hi] as number)) hi--;
    if (!(lo < hi)) return lo;
    swap(a, lo, hi);
    lo++;
  }
}

function moveMedianToFirst(
  arr: Int32Array,
  result: number,
  a: number,
  b: number,
  c: number,
  less: Less,
): void {
  const va = arr[a] as number, vb = arr[b] as number, vc = arr[c] as number;
  let pick: number;
  if (less(va, vb)) {
    if (less(vb, vc)) pick = b;
    else if (less(va, vc)) pick = c;
    else pick = a;
  } else if (less(va, vc)) pick = a;
  else if (less(vb, vc)) pick = c;
  else pick = b;
  swap(arr, result, pick);
}

function insertionSort(a: Int32Array, first: number, last: number, less: Less): void {
  if (first === last) return;
  for (let i = first + 1; i !== last; i++) {
    const v = a[i] as number;
    if (less(v, a[first] as number)) {
      a.copyWithin(first + 1, first, i);
      a[first] = v;
    } else {
      let hole = i;
      while (less(v, a[hole - 1] as number)) {
        a[hole] = a[hole - 1] as number;
        hole--;
      }
      a[hole] = v;
    }
  }
}

/** libstdc++ `__heap_select`: a max-heap on [first, middle) keeps the smallest values. */
function heapSelect(a: Int32Array, first: number, middle: number, last: number, less: Less) {
  makeHeap(a, first, middle, less);
  for (let i = middle; i < last; i++) {
    if (less(a[i] as number, a[first] as number)) {
      // __pop_heap(first, middle, i): the top goes to i, i's value sifts in from the top.
      const v = a[i] as number;
      a[i] = a[first] as number;
      adjustHeap(a, first, 0, middle - first, v, less);
    }
  }
}

function makeHeap(a: Int32Array, first: number, last: number, less: Less): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = Math.floor((len - 2) / 2);; parent--) {
    adjustHeap(a, first, parent, len, a[first + parent] as number, less);
    if (parent === 0) return;
  }
}

/** libstdc++ `__adjust_heap`: move the hole down to a leaf, then push `value` up. */
function adjustHeap(
  a: Int32Array,
  first: number,
  holeIndex: number,
  len: number,
  value: number,
  less: Less,
): void {
  const top = holeIndex;
  let child = holeIndex;
  while (child < Math.floor((len - 1) / 2)) {
    child = 2 * (child + 1);
    if (less(a[first + child] as number, a[first + child - 1] as number)) child--;
    a[first + holeIndex] = a[first + child] as number;
    holeIndex = child;
  }
  if ((len & 1) === 0 && child === Math.floor((len - 2) / 2)) {
    child = 2 * (child + 1);
    a[first + holeIndex] = a[first + child - 1] as number;
    holeIndex = child - 1;
  }
  let parent = Math.floor((holeIndex - 1) / 2);
  while (holeIndex > top && less(a[first + parent] as number, value)) {
    a[first + holeIndex] = a[first + parent] as number;
    holeIndex = parent;
    parent = Math.floor((holeIndex - 1) / 2);
  }
  a[first + holeIndex] = value;
}

/** `std::partition` (libstdc++'s bidirectional version); returns the first false position. */
export function partition(
  a: Int32Array,
  first: number,
  last: number,
  pred: (v: number) => boolean,
): number {
  for (;;) {
    for (;;) {
      if (first === last) return first;
      if (pred(a[first] as number)) first++;
      else break;
    }
    last--;
    for (;;) {
      if (first === last) return first;
      if (!pred(a[last] as number)) last--;
      else break;
    }
    swap(a, first, last);
    first++;
  }
}

/** Position of the first smallest element (`std::min_element`). */
function minElement(a: Int32Array, first: number, last: number, less: Less): number {
  let best = first;
  for (let i = first + 1; i < last; i++) if (less(a[i] as number, a[best] as number)) best = i;
  return best;
}

/** Position of the first largest element (`std::max_element`). */
function maxElement(a: Int32Array, first: number, last: number, less: Less): number {
  let best = first;
  for (let i = first + 1; i < last; i++) if (less(a[best] as number, a[i] as number)) best = i;
  return best;
}

// --- query helpers ---

/** Distance from `x` to the interval `[min, max]` (0 inside), as scipy computes it. */
function sideDistance(x: number, min: number, max: number): number {
  let s = 0;
  let t = x - max;
  if (t > s) {
    s = t;
  } else {
    t = min - x;
    if (t > s) s = t;
  }
  return s;
}

/** Replaces the squared side distance along `d` and updates the node's lower bound. */
function updateSide(v: { minDistance: number; side: [number, number] }, d: number, s: number) {
  v.minDistance += s - v.side[d];
  v.side[d] = s;
}

/**
 * scipy's binary min-heap of the query (`query.cxx`, `struct heap`): sift-up while
 * strictly smaller than the parent; removal moves the last item to the top and sifts
 * it down, preferring the left child unless the right one is strictly smaller.
 */
class ScipyHeap<T> {
  #keys: number[] = [];
  #items: T[] = [];

  push(key: number, item: T): void {
    const keys = this.#keys, items = this.#items;
    let i = keys.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const parent = Math.floor((i - 1) / 2);
      if (!((keys[i] as number) < (keys[parent] as number))) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  pop(): T | undefined {
    const keys = this.#keys, items = this.#items;
    const n = keys.length;
    if (n === 0) return undefined;
    const top = items[0] as T;
    keys[0] = keys[n - 1] as number;
    items[0] = items[n - 1] as T;
    keys.pop();
    items.pop();
    const nn = n - 1;
    let i = 0, j = 1, k = 2;
    while (
      (j < nn && (keys[i] as number) > (keys[j] as number)) ||
      (k < nn && (keys[i] as number) > (keys[k] as number))
    ) {
      const l = k < nn && (keys[j] as number) > (keys[k] as number) ? k : j;
      this.#swap(l, i);
      i = l;
      j = 2 * i + 1;
      k = 2 * i + 2;
    }
    return top;
  }

  #swap(a: number, b: number): void {
    const keys = this.#keys, items = this.#items;
    const tk = keys[a] as number;
    keys[a] = keys[b] as number;
    keys[b] = tk;
    const ti = items[a] as T;
    items[a] = items[b] as T;
    items[b] = ti;
  }
}
