/**
 * The TypeScript side of the WebAssembly kernel: instantiation, memory and views.
 *
 * ## Memory
 * Each {@link Kernel} is a WebAssembly instance with its own linear memory, a shared
 * `WebAssembly.Memory` (up to 2 GiB) so that a helper thread's instance can work on the
 * same columns (src/kernel/helper.ts, {@link Kernel.split}). The kernel (compiled with
 * AssemblyScript's `stub` runtime) allocates nothing itself; this wrapper owns every byte
 * above the kernel's static data: a stack, and a heap of columns.
 *
 * - {@link Kernel.alloc} bumps the top of the stack (16-byte aligned) and grows the
 *   memory in 64 KiB pages when the request does not fit. Memory never shrinks.
 * - {@link Kernel.scope} records the top, runs its callback, and restores the top
 *   afterwards (also on throw), so everything allocated inside the callback is reused
 *   by the next call. Long-lived blocks (a generator state, the instance's scratch) are
 *   allocated outside any scope and live as long as the kernel.
 * - Per-sample columns that outlive a scope (a report's samples and intermediate
 *   columns) can live in the kernel's memory too, from {@link COLUMN_BASE} on (the stack
 *   stays below): {@link Kernel.column} and {@link Kernel.freeColumn}, with a free list
 *   by size (src/montecarlo/column_arena.ts frees them when its arena ends). The kernel
 *   then reads and writes them in place ({@link Kernel.ref}), with no copies.
 *
 * The memory is shared, so it never moves and a view of it stays valid when it grows
 * (with its old length).
 *
 * @module
 */
import { KERNEL_WASM_BASE64 } from "./_wasm.ts";

/** The raw exports of the kernel. Pointers are byte offsets into `memory`. */
export interface KernelExports {
  /** The kernel's linear memory. */
  readonly memory: WebAssembly.Memory;
  /** First free byte after the kernel's static data. */
  heap_base(): number;
  /** Bytes of one MT19937 state block. */
  state_bytes(): number;
  /** Seeds state `s` like numpy's `RandomState.seed(seed)`. */
  mt_seed(s: number, seed: number): void;
  /** Next raw 32-bit output of state `s` (returned as a signed i32). */
  mt_next_u32(s: number): number;
  /** Rebuilds the tempered outputs of state `s` after its key words were written. */
  mt_refresh(s: number): void;
  /** `out`: n f64 of `random_sample`. */
  fill_random(s: number, out: number, n: number): void;
  /** `out`: n f64 of `uniform(low, high)`. */
  fill_uniform(s: number, out: number, n: number, low: number, high: number): void;
  /** `out`: n f64 of `normal(loc, scale)`. */
  fill_normal(s: number, out: number, n: number, loc: number, scale: number): void;
  /** Advances state `s` as `fill_normal` of n values would, without the values. */
  skip_normal(s: number, n: number): void;
  /** `out`: n f64 of `lognormal(mean, sigma)`. */
  fill_lognormal(s: number, out: number, n: number, mean: number, sigma: number): void;
  /** Selects the hardware FMA when the probe (1 + 2^-52, 1 - 2^-52, -1) shows one; returns 1 if so. */
  init_fma(a: number, b: number, c: number): number;
  /** Switches to the software fused multiply-add. */
  force_soft_fma(): void;
  /** Software fused multiply-add (exact rounding of a * b + c). */
  fma_soft(a: number, b: number, c: number): number;
  /** e^x rounded exactly like glibc's FMA build. */
  exp_glibc(x: number): number;
  /** log10 x rounded like glibc's `log10`. */
  log10_glibc(x: number): number;
  /** out[i] = log10 x[i] for n f64, rounded like glibc's `log10`. */
  log10_column(x: number, out: number, n: number): void;
  /** ln x rounded exactly like glibc's FMA build. */
  log_glibc(x: number): number;
  /** For tests: ln of two values by the two-lane path (host FMA only), written to `out`. */
  log2_glibc(x0: number, x1: number, out: number): void;
  /** Fills the slopes of the table at `t`: [xp: m f64][fp: m f64][slope: m - 1 f64]. */
  interp_init(t: number, m: number): void;
  /** numpy `interp` at one point on a table prepared by `interp_init`. */
  interp_at(x: number, t: number, m: number, left: number, right: number): number;
  /**
   * Rejection sampling against an interpolated density (`scratch`: 2n f64, `idx`: n
   * u32); returns the redraw rounds.
   */
  interp_rejection(
    s: number,
    out: number,
    scratch: number,
    idx: number,
    n: number,
    lo: number,
    hi: number,
    fmax: number,
    table: number,
    m: number,
    left: number,
    right: number,
  ): number;
  /**
   * Long-range concentration timeline of every sample (see asm/timeline.ts for the
   * layout): weighted concentration sums at probe events, cumulative integrals.
   */
  timeline_pass(
    n: number,
    dep: number,
    depScalar: number,
    bgn: number,
    bgnScalar: number,
    nw: number,
    weightPtrs: number,
    weightScalars: number,
    niw: number,
    intWeightPtrs: number,
    intWeightScalars: number,
    e: number,
    events: number,
    step: number,
    steps: number,
    d: number,
    gb: number,
    hb: number,
    base: number,
    peopleOverV: number,
    flags: number,
    flags2: number,
    firstPresence: number,
    scratch: number,
    concSum: number,
    intOut: number,
    intSum: number,
  ): void;
  /**
   * `out` (n f64): per sample, the interval doses Σ_k exposures[p·factors + k] · factor_k
   * summed over the intervals in order (asm/interval_doses.ts); `factorPtrs` u32 (0: the
   * scalar in `factorScalars`).
   */
  interval_doses(
    out: number,
    n: number,
    exposures: number,
    intervals: number,
    factors: number,
    factorPtrs: number,
    factorScalars: number,
  ): void;
  /** In place over `p` (n f64): x → (1 − e^(−x)) · 100, the exponential dose-response (%). */
  infection_percent(p: number, n: number): void;
  /** `out`: removal rate by deposition (h⁻¹) for n diameters (µm) after evaporation. */
  deposition_rate(out: number, d: number, n: number, evaporation: number): void;
  /**
   * `out` (n f64): ((load × exhalation) × (ratio × (1 − immunity))) × factor, each input
   * n f64 (stride 1) or one value (stride 0).
   */
  emission_per_aerosol(
    out: number,
    n: number,
    load: number,
    loadStride: number,
    exhalation: number,
    exhalationStride: number,
    ratio: number,
    ratioStride: number,
    immunity: number,
    immunityStride: number,
    factor: number,
  ): void;
  /** `out`: deposited fraction for n diameters (µm) after evaporation. */
  fraction_deposited(out: number, d: number, n: number, evaporation: number): void;
  /** `out`: aerosol volume (mL/cm³) for n diameters; η from a column, a scalar or the fit. */
  aerosol_volume(
    out: number,
    d: number,
    n: number,
    cn: number,
    eta: number,
    etaScalar: number,
    fitted: number,
    factor: number,
  ): void;
  /** Weighted Chebyshev moments: out[w·K + k] = Σ_i w_i T_k(x_i); scratch 12288 bytes. */
  chebyshev_moments(
    x: number,
    n: number,
    k: number,
    nw: number,
    weightPtrs: number,
    weightScalars: number,
    out: number,
    scratch: number,
  ): void;
  /** out[i] = Σ_{k < degree} a_k T_k(x_i) for n f64 `x` (Clenshaw's recurrence). */
  clenshaw_column(a: number, degree: number, x: number, n: number, out: number): void;
  /** out[i] = x[i] / divisor for n f64. */
  divide_column(out: number, x: number, n: number, divisor: number): void;
  /** out[i] = (x[i] − mid) / half for n f64. */
  normalize_column(out: number, x: number, n: number, mid: number, half: number): void;
  /** numpy's pairwise sum of n f64. */
  pairwise_sum(p: number, n: number): number;
  /** `np.sum` of n f64 (8192-value chunks, each pairwise). */
  numpy_sum(p: number, n: number): number;
  /** `np.std` (ddof 0) of n f64; `scratch` holds n f64. */
  numpy_std(p: number, n: number, scratch: number): number;
  /** `np.histogram` with `bins` equal bins: bins + 1 f64 edges, bins f64 counts. */
  numpy_histogram(p: number, n: number, bins: number, edges: number, counts: number): void;
  /** Smallest and largest of n f64 into `out` (2 f64; ∞ and −∞ when n = 0). */
  min_max(p: number, n: number, out: number): void;
  /** `np.histogram`'s bins + 1 edges from the smallest and largest sample. */
  histogram_edges(lo: number, hi: number, bins: number, edges: number): void;
  /** Counts (bins f64, overwritten) of n f64 in the bins of `histogram_edges`. */
  histogram_counts(p: number, n: number, bins: number, edges: number, counts: number): void;
  /**
   * x → 10^x in place (glibc's pow) for the n f64 at `x` from index `start`; returns
   * the index of the first value it leaves (outside 2^-53 <= |x| < 222), or n.
   */
  pow10_column(x: number, start: number, n: number): number;
  /** `pow10_column(x, 0, n)` with its result stored as u32 at `stop`. */
  pow10_part(x: number, n: number, stop: number): void;
  /**
   * Candidate bins of n samples (asm/bin_membership.ts): `first` n i32, `hits` n u32,
   * `counts` bins u32 (overwritten); `centres`, `lows`, `highs` bins f64.
   */
  bin_candidates(
    v: number,
    n: number,
    centres: number,
    lows: number,
    highs: number,
    bins: number,
    first: number,
    hits: number,
    counts: number,
  ): void;
  /**
   * Each bin's values of `p` (n f64), in sample order, one bin after the other into
   * `out`, from `bin_candidates`' outputs; `starts` (bins u32) gets each bin's first
   * index. Returns the number of values written (asm/bin_membership.ts).
   */
  bin_gather(
    p: number,
    n: number,
    first: number,
    hits: number,
    counts: number,
    bins: number,
    starts: number,
    out: number,
  ): number;
  /**
   * Per group (values from `values` + starts[g] · 8, counts[g] of them; u32 arrays):
   * numpy's mean and linear quantiles q1 <= q2 into `stats` (3 f64 per group), the groups
   * reordered (asm/group_statistics.ts).
   */
  group_statistics(
    values: number,
    starts: number,
    counts: number,
    groups: number,
    q1: number,
    q2: number,
    stats: number,
  ): void;
  /** Sets the instance's scratch block (`scratch_bytes()` bytes; asm/scratch.ts). */
  set_scratch(ptr: number): void;
  /** Bytes of an instance's scratch block. */
  scratch_bytes(): number;
  /**
   * The draws of n Gaussian values (mode 0 normal, 1 lognormal, 2 normal around `out`), in
   * three steps that leave the pairs' values to `gaussian_values`: writes the cached
   * value, if any, at `out` and returns h = 1 (else 0)...
   */
  gaussian_head(s: number, out: number, loc: number, scale: number, mode: number): number;
  /** ... writes the accepted attempts of the next `pairs` of the (n − h) / 2 pairs to `buf` (16 bytes each; any number of calls, in order) ... */
  gaussian_attempts(s: number, buf: number, pairs: number): void;
  /** ... and when n − h is odd, the last value at `at` (its pair's second one cached). */
  gaussian_tail(s: number, at: number, loc: number, scale: number, mode: number): void;
  /** The 2·`pairs` values of the accepted attempts at `buf` into `out` (see `gaussian_head`). */
  gaussian_values(
    buf: number,
    out: number,
    pairs: number,
    loc: number,
    scale: number,
    mode: number,
  ): void;
  /**
   * Round 0 of `interp_rejection` over n candidates: writes `first` + i of each rejected
   * one to `idx` and returns their number (also stored as u32 at `count` unless 0).
   */
  interp_scan(
    x: number,
    f: number,
    n: number,
    first: number,
    idx: number,
    table: number,
    m: number,
    left: number,
    right: number,
    count: number,
  ): number;
  /**
   * One part of a later round of `interp_rejection` (n candidates): sample `from[k]` takes
   * `x[k]` (into `out`), and stays rejected when `f[k]` is above the density; their
   * indices go in order to `to` (may be `from`); returns their number (also stored as
   * u32 at `count` unless 0).
   */
  interp_rescan(
    out: number,
    x: number,
    f: number,
    n: number,
    from: number,
    to: number,
    table: number,
    m: number,
    left: number,
    right: number,
    count: number,
  ): number;
  /** The later rounds of `interp_rejection` from round 0's `rejected` indices; returns the rounds. */
  interp_rounds(
    s: number,
    out: number,
    scratch: number,
    idx: number,
    rejected: number,
    lo: number,
    hi: number,
    fmax: number,
    table: number,
    m: number,
    left: number,
    right: number,
  ): number;
  /** KDE tables: cumulative weights (`cum`, k f64) and bucket guesses (`lut`, k u32); returns the total. */
  kde_prepare(w: number, cum: number, lut: number, k: number): number;
  /** In place over n uniform draws at `out`: the grid value each one selects. */
  kde_search(
    out: number,
    n: number,
    v: number,
    cum: number,
    lut: number,
    k: number,
    total: number,
  ): void;
  /** Weighted Gaussian KDE sampling; `cum` is k f64 and `lut` k u32 of scratch. */
  kde_sample(
    s: number,
    out: number,
    n: number,
    v: number,
    w: number,
    cum: number,
    lut: number,
    k: number,
    h: number,
  ): void;
}

/** A kernel function that a helper thread can run on part of a range (see {@link Kernel.split}). */
export type SplitTask =
  | "aerosol_volume"
  | "bin_candidates"
  | "chebyshev_moments"
  | "clenshaw_column"
  | "deposition_rate"
  | "divide_column"
  | "emission_per_aerosol"
  | "fraction_deposited"
  | "histogram_counts"
  | "gaussian_values"
  | "infection_percent"
  | "interp_rescan"
  | "interp_scan"
  | "interval_doses"
  | "kde_search"
  | "log10_column"
  | "normalize_column"
  | "min_max"
  | "pow10_part";

/** A second thread with its own instance on a kernel's memory (src/kernel/helper.ts). */
export interface KernelHelper {
  /** Whether the helper can take a task now. */
  ready(): boolean;
  /**
   * Starts (true) or ends (false) a computation during which the helper watches for
   * tasks without sleeping; calls nest.
   */
  keepAwake(on: boolean): void;
  /**
   * Runs `task` once per argument list of `parts`, on this thread (`runHere(i)` runs part
   * i) and on the helper at the same time: each takes the next part not yet taken until
   * none is left; with `prepare`, this thread first calls `prepare(i)` for every part in
   * order, and a part is taken only once prepared. Returns when both are done: nothing,
   * or when the helper failed (it is not used again), the parts it took and did not
   * finish, for the caller to run.
   */
  run(
    task: SplitTask,
    parts: readonly (readonly number[])[],
    runHere: (part: number) => void,
    prepare?: (part: number) => void,
  ): readonly number[] | undefined;
  /**
   * Starts `task`'s `parts` in the background: the helper takes them whenever it has
   * nothing else to do (see {@link Kernel.later}).
   */
  later(task: SplitTask, parts: readonly (readonly number[])[]): void;
  /**
   * Finishes the background task: runs here (`runHere(i)`) the parts the helper has not
   * taken, waits for its own, and returns the parts left undone (the helper failed).
   */
  finishLater(runHere: (part: number) => void): number[];
}

/** Items [start, start + count) of a column task: one part of {@link Kernel.parts}. */
export interface Part {
  /** First item. */
  readonly start: number;
  /** Number of items. */
  readonly count: number;
}

/** One kernel instance: its exports plus the stack allocator over its memory. */
export interface Kernel {
  /** The raw exports (pointers are byte offsets). */
  readonly exports: KernelExports;
  /**
   * Allocates `bytes` (16-byte aligned), growing the memory when needed.
   * Inside {@link Kernel.scope} the block is released when the scope ends; outside,
   * it lives as long as the kernel.
   */
  alloc(bytes: number): number;
  /** Runs `body` and then releases everything it allocated (also when it throws). */
  scope<T>(body: () => T): T;
  /** A view of `n` f64 at byte offset `ptr` (valid as long as that memory is allocated). */
  f64(ptr: number, n: number): Float64Array;
  /** A view of `n` u32 at byte offset `ptr` (valid as long as that memory is allocated). */
  u32(ptr: number, n: number): Uint32Array;
  /** Copies `values` into a new block and returns its byte offset. */
  put(values: ArrayLike<number>): number;
  /**
   * The byte offset of `values` for a kernel function that only reads them: where they
   * are when they are in this kernel's memory (see {@link Kernel.owns}), else of a copy
   * ({@link Kernel.put}).
   */
  ref(values: Float64Array): number;
  /** Whether `view` is a view of this kernel's memory (its byte offset is then its pointer). */
  owns(view: ArrayBufferView): boolean;
  /**
   * A column of `n` f64 in the kernel's column heap (contents unspecified), alive until
   * {@link Kernel.freeColumn}.
   */
  column(n: number): Float64Array;
  /**
   * Returns a column of {@link Kernel.column} to the heap (its memory is then reused: the
   * caller must not use it again). True when `view` is this kernel's (also when it was
   * already freed, or is a view of the stack, which is left alone).
   */
  freeColumn(view: Float64Array): boolean;
  /** Bytes of linear memory reserved by the instance: its stack's peak and its column heap. */
  memoryBytes(): number;
  /**
   * The parts {@link Kernel.runParts} takes `n` items in: a fixed grid of parts of
   * {@link PART_ITEMS} items or more, the last quarter of the items in parts a quarter
   * that size (multiples of `step` but the last; at most {@link MAX_PARTS} parts), or
   * one part below {@link MIN_SPLIT_ITEMS} items. The grid
   * depends on `n` and `step` alone, not on the helper, so a sum made part by part and
   * then over the parts in order is the same with or without a helper.
   */
  parts(n: number, step?: number): Part[];
  /**
   * Runs `task` once per argument list in `parts` (one per part, e.g. of
   * {@link Kernel.parts}): with a ready helper, this thread and the helper each take the
   * next part not yet taken until none is left (so a slower or late thread does fewer);
   * otherwise all here, in order. The parts must write disjoint outputs from inputs none
   * of them writes, so the results do not depend on which thread ran which part.
   *
   * With `prepare`, `prepare(i)` runs here, in order, before part i may start (e.g. the
   * draws that part i turns into values): a helper works on the parts already prepared
   * while this thread prepares the next ones.
   */
  runParts(
    task: SplitTask,
    parts: readonly (readonly number[])[],
    prepare?: (part: number) => void,
  ): void;
  /**
   * `runParts` over the parts of `n` items ({@link Kernel.parts}), `args(start, count)`
   * giving each part's arguments: for a task whose items are independent (each written
   * from its own inputs).
   */
  split(
    task: SplitTask,
    n: number,
    args: (start: number, count: number) => number[],
    step?: number,
  ): void;
  /**
   * Starts `task` over its `parts` (argument lists, as for {@link Kernel.runParts}) on the
   * helper in the background, whenever it has nothing else to do, while this thread goes
   * on; returns the function that finishes it (runs here the parts the helper has not
   * taken and waits for its own). Without a ready helper, the parts run now. Until it is
   * finished, the task's inputs must not change and its outputs must not be read, and its
   * memory must stay allocated (not in a scope that ends first). One background task at
   * a time: a new one finishes the previous one first, and so do the end of
   * {@link Kernel.awake} and {@link Kernel.settle} (called by a column arena that ends).
   */
  later(task: SplitTask, parts: readonly (readonly number[])[]): () => void;
  /** Finishes the background task of {@link Kernel.later}, if any. */
  settle(): void;
  /** Whether {@link Kernel.split} of `n` items would run some of them on a helper now. */
  splits(n: number): boolean;
  /**
   * Runs `body` with the helper thread, if any, kept awake: between the tasks of `body`
   * it watches for the next one instead of sleeping, so that it starts each at full
   * speed (for a computation of many split tasks, e.g. a report; it keeps a core busy
   * meanwhile).
   */
  awake<T>(body: () => T): T;
  /** Gives {@link Kernel.split} a helper thread (replacing any previous one). */
  attachHelper(helper: KernelHelper): void;
  /** Whether the host's fused multiply-add is used (else an exact software one). */
  readonly hardwareFma: boolean;
}

/** Options of {@link createKernel}. */
export interface KernelOptions {
  /**
   * Use the exact software fused multiply-add even when the host has one (slower;
   * results are identical).
   * @default false
   */
  softwareFma?: boolean;
}

const PAGE_BYTES = 65536;
/** Byte offset of the column heap (512 MiB): the stack must end below it. */
export const COLUMN_BASE = 512 * 1024 * 1024;
const ALIGN = 16;
/** The kernel's declared maximum memory, 64 KiB pages (2 GiB). */
const MAX_PAGES = 32768;
/** Fewest items worth more than one part (below, a helper costs about as much as it saves). */
export const MIN_SPLIT_ITEMS = 16384;
/** Smallest number of items of a part (but the last), and largest number of parts. */
export const PART_ITEMS = 16384;
export const MAX_PARTS = 64;

let compiled: WebAssembly.Module | undefined;

/**
 * The compiled kernel, compiled once per thread.
 *
 * @returns The module.
 */
export function kernelModule(): WebAssembly.Module {
  if (!compiled) {
    const binary = atob(KERNEL_WASM_BASE64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    compiled = new WebAssembly.Module(bytes);
  }
  return compiled;
}

/**
 * Creates a kernel instance with its own memory. The compiled module is shared
 * (compiled once per process); instantiation takes microseconds.
 *
 * @param options See {@link KernelOptions}.
 * @returns A new {@link Kernel}.
 * @example Usage
 * ```ts
 * import { createKernel } from "./kernel.ts";
 * const k = createKernel();
 * const total = k.scope(() => {
 *   const p = k.put([1, 2, 3]);
 *   return k.f64(p, 3).reduce((a, b) => a + b, 0);
 * });
 * if (total !== 6) throw new Error("unexpected");
 * ```
 */
export function createKernel(options: KernelOptions = {}): Kernel {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
  const instance = instantiateKernel(memory);
  const exports = instance.exports as unknown as KernelExports;
  let hardwareFma = exports.init_fma(1 + 2 ** -52, 1 - 2 ** -52, -1) === 1;
  if (options.softwareFma) {
    exports.force_soft_fma();
    hardwareFma = false;
  }
  let top = alignUp(exports.heap_base());
  /** The highest the stack has been. */
  let stackPeak = top;

  /** Every buffer object of the memory seen so far (a new one after each growth). */
  const buffers = new WeakSet<ArrayBufferLike>();
  const buffer = () => {
    const b = memory.buffer;
    buffers.add(b);
    return b;
  };
  const reserve = (end: number) => {
    const missing = end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES));
  };
  function alloc(bytes: number): number {
    if (!Number.isInteger(bytes) || bytes < 0) {
      throw new RangeError(`expected a non-negative integer byte count but found ${bytes}`);
    }
    const ptr = top;
    const end = alignUp(ptr + bytes);
    if (end > COLUMN_BASE) {
      throw new RangeError(`kernel stack full: ${bytes} bytes more do not fit below 512 MiB`);
    }
    reserve(end);
    top = end;
    stackPeak = Math.max(stackPeak, end);
    return ptr;
  }
  // The column heap: free blocks by size, then new ones from its top.
  let columnTop = COLUMN_BASE;
  const freeBlocks = new Map<number, number[]>();
  const liveColumns = new WeakSet<Float64Array>();
  const owns = (view: ArrayBufferView) => buffers.has(view.buffer);
  const put = (values: ArrayLike<number>): number => {
    const ptr = alloc(values.length * 8);
    new Float64Array(buffer(), ptr, values.length).set(values);
    return ptr;
  };
  exports.set_scratch(alloc(exports.scratch_bytes()));
  let helper: KernelHelper | undefined;
  const splits = (n: number) => helper !== undefined && n >= MIN_SPLIT_ITEMS && helper.ready();
  const parts = (n: number, step = 2): Part[] => {
    if (n < MIN_SPLIT_ITEMS) return [{ start: 0, count: n }];
    // Large parts for the first three quarters, then parts a quarter of their size: the
    // thread that finishes first then waits for at most a small part of the other's.
    const size = Math.ceil(Math.max(PART_ITEMS, (2 * n) / MAX_PARTS) / step) * step;
    const small = Math.ceil(size / 4 / step) * step;
    const large = Math.floor((0.75 * n) / size);
    const grid: Part[] = [];
    for (let i = 0; i < large; i++) grid.push({ start: i * size, count: size });
    for (let start = large * size; start < n; start += small) {
      grid.push({ start, count: Math.min(small, n - start) });
    }
    return grid;
  };
  /** The background task not yet finished, if any, and the helper running it. */
  let background:
    | { task: SplitTask; args: readonly (readonly number[])[]; on: KernelHelper }
    | undefined;
  const finishBackground = (): void => {
    const bg = background;
    if (bg === undefined) return;
    background = undefined;
    const undone = bg.on.finishLater((i) => runTask(exports, bg.task, bg.args[i]));
    if (undone.length > 0) {
      if (helper === bg.on) helper = undefined;
      for (const i of undone) runTask(exports, bg.task, bg.args[i]);
    }
  };
  const later = (task: SplitTask, args: readonly (readonly number[])[]): () => void => {
    finishBackground();
    if (helper === undefined || args.length < 2 || !helper.ready()) {
      for (const a of args) runTask(exports, task, a);
      return () => {};
    }
    const bg = { task, args, on: helper };
    helper.later(task, args);
    background = bg;
    return () => {
      if (background === bg) finishBackground();
    };
  };
  const runParts = (
    task: SplitTask,
    args: readonly (readonly number[])[],
    prepare?: (part: number) => void,
  ): void => {
    if (helper === undefined || args.length < 2 || !helper.ready()) {
      for (let i = 0; i < args.length; i++) {
        prepare?.(i);
        runTask(exports, task, args[i]);
      }
      return;
    }
    const undone = helper.run(task, args, (i) => runTask(exports, task, args[i]), prepare);
    if (undone !== undefined) {
      // The parts the helper did not finish, here (each part once: some work in place).
      helper = undefined;
      for (const i of undone) runTask(exports, task, args[i]);
    }
  };

  return {
    exports,
    alloc,
    scope<T>(body: () => T): T {
      const mark = top;
      try {
        return body();
      } finally {
        top = mark;
      }
    },
    f64: (ptr, n) => new Float64Array(buffer(), ptr, n),
    u32: (ptr, n) => new Uint32Array(buffer(), ptr, n),
    put,
    ref: (values) => (owns(values) ? values.byteOffset : put(values)),
    owns,
    column(n) {
      const bytes = Math.max(ALIGN, alignUp(n * 8));
      let ptr = freeBlocks.get(bytes)?.pop();
      if (ptr === undefined) {
        if (columnTop + bytes > MAX_PAGES * PAGE_BYTES) {
          throw new RangeError(`kernel column heap full: no room for ${n} values`);
        }
        ptr = columnTop;
        columnTop += bytes;
        reserve(columnTop);
      }
      const column = new Float64Array(buffer(), ptr, n);
      liveColumns.add(column);
      return column;
    },
    freeColumn(view) {
      if (!owns(view)) return false;
      if (liveColumns.delete(view)) {
        const bytes = Math.max(ALIGN, alignUp(view.length * 8));
        const blocks = freeBlocks.get(bytes);
        if (blocks === undefined) freeBlocks.set(bytes, [view.byteOffset]);
        else blocks.push(view.byteOffset);
      }
      return true;
    },
    memoryBytes: () => stackPeak + (columnTop - COLUMN_BASE),
    awake<T>(body: () => T): T {
      const held = helper;
      held?.keepAwake(true);
      try {
        return body();
      } finally {
        try {
          finishBackground();
        } finally {
          held?.keepAwake(false);
        }
      }
    },
    later,
    settle: finishBackground,
    splits,
    parts,
    runParts,
    split(task, n, args, step = 2) {
      runParts(task, parts(n, step).map((p) => args(p.start, p.count)));
    },
    attachHelper(h) {
      helper = h;
    },
    hardwareFma,
  };
}

/**
 * Calls the kernel function `task` of `exports` with `args`.
 *
 * @param exports An instance's exports.
 * @param task The function.
 * @param args Its arguments.
 */
export function runTask(exports: KernelExports, task: SplitTask, args: readonly number[]): void {
  (exports[task] as (...values: number[]) => void)(...args);
}

/**
 * A new instance of the kernel on `memory` (a shared memory of at most 2 GiB), e.g. a
 * helper thread's on another instance's memory.
 *
 * @param memory The linear memory.
 * @param module The compiled kernel (by default this thread's; a helper thread is given
 *   its parent's, whose optimised code it then shares).
 * @returns The instance.
 */
export function instantiateKernel(
  memory: WebAssembly.Memory,
  module: WebAssembly.Module = kernelModule(),
): WebAssembly.Instance {
  return new WebAssembly.Instance(module, { env: { memory } });
}

function alignUp(x: number): number {
  return Math.ceil(x / ALIGN) * ALIGN;
}
