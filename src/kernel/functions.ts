/**
 * The one list of the WebAssembly kernel's functions (asm/index.ts): their TypeScript
 * signatures ({@link KernelFunctions}, and {@link KernelTestFunctions} for the few that
 * only tests call) and their arities ({@link KERNEL_FUNCTIONS}, checked against the
 * declared signatures by the type checker). `deno task check:wasm` compares this list with
 * the compiled module's exports (names and parameter counts), so a function added to,
 * removed from or changed in the kernel without this list fails the build.
 *
 * Pointers are byte offsets into the kernel's memory; only src/kernel/ handles them.
 *
 * @module
 */

/** The kernel functions the library calls (pointers are byte offsets into the memory). */
export interface KernelFunctions {
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
  /** e^x rounded exactly like glibc's FMA build. */
  exp_glibc(x: number): number;
  /** log10 x rounded like glibc's `log10`. */
  log10_glibc(x: number): number;
  /** out[i] = log10 x[i] for n f64, rounded like glibc's `log10`. */
  log10_column(x: number, out: number, n: number): void;
  /** ln x rounded exactly like glibc's FMA build. */
  log_glibc(x: number): number;
  /** Fills the slopes of the table at `t`: [xp: m f64][fp: m f64][slope: m - 1 f64]. */
  interp_init(t: number, m: number): void;
  /** The f64 of scratch `interp_rejection` needs for n samples (n and a part of later rounds). */
  rejection_scratch_f64(n: number): number;
  /**
   * Rejection sampling against an interpolated density (`scratch`:
   * `rejection_scratch_f64(n)` f64, `idx`: n u32); returns the redraw rounds.
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
  /**
   * out[i] = (1 − e^(−x)) · 100 of n doses, x = ((dose · times) / per) · (1 − immunity) /
   * ((oneOverLn2 · ID50) · transmissibility); immunity and ID50 per sample, or the one
   * value `sim`, `sid` where the pointer is 0.
   */
  infection_percent_of_dose(
    out: number,
    dose: number,
    n: number,
    times: number,
    per: number,
    im: number,
    sim: number,
    id: number,
    sid: number,
    oneOverLn2: number,
    transmissibility: number,
  ): void;
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
  /**
   * The Chebyshev coefficients of `count` expansions from their values at `k` nodes
   * (node-major `values`, K × count f64; `cos` the K × K table): coefficients to `out`
   * (count × K f64), kept counts to `degrees` (count u32, 0 when refused), `folded` K f64
   * of scratch; returns the number refused.
   */
  chebyshev_coefficients(
    values: number,
    count: number,
    k: number,
    cos: number,
    tail: number,
    out: number,
    degrees: number,
    folded: number,
  ): number;
  /** out[i] = Σ_{k < degree} a_k T_k(x_i) for n f64 `x` (Clenshaw's recurrence). */
  clenshaw_column(a: number, degree: number, x: number, n: number, out: number): void;
  /** In place: every value of n f64 at `x` that is ≤ 0 (−0 too, not NaN) becomes `floor`. */
  raise_nonpositive(x: number, n: number, floor: number): void;
  /** 1 when every one of the n f64 at `x` is finite and not ±0, else 0. */
  all_finite_nonzero(x: number, n: number): number;
  /** out[i] = x[i] / divisor for n f64. */
  divide_column(out: number, x: number, n: number, divisor: number): void;
  /**
   * out[i] = a[i] op b[i] for n f64 (op 0 add, 1 subtract, 2 multiply, 3 divide); an
   * operand whose pointer is 0 is its one value `sa` or `sb` for every sample.
   */
  elementwise(
    op: number,
    out: number,
    a: number,
    sa: number,
    b: number,
    sb: number,
    n: number,
  ): void;
  /**
   * out[i] = a[i] · (b[i] · (1 − c[i])) for n f64; an operand whose pointer is 0 is its
   * one value `sa`, `sb` or `sc`.
   */
  product_with_complement(
    out: number,
    a: number,
    sa: number,
    b: number,
    sb: number,
    c: number,
    sc: number,
    n: number,
  ): void;
  /** out[i] = (x[i] − mid) / half for n f64. */
  normalize_column(out: number, x: number, n: number, mid: number, half: number): void;
  /** `np.sum` of n f64 (8192-value chunks, each pairwise). */
  numpy_sum(p: number, n: number): number;
  /**
   * Σ w_i and Σ w_i · b_i over n samples as running sums in order (two f64 at `out`); w_i
   * from the column at `w`, or `sw` where `w` is 0.
   */
  weighted_totals(w: number, sw: number, b: number, n: number, out: number): void;
  /** `np.sum((x - mean)**2)` of n f64 (the sum inside `np.std`). */
  numpy_squared_deviations(p: number, n: number, mean: number): number;
  /**
   * `np.sum(lr / 100 * away + sr / 100 * near)` of two columns of n probabilities, % (the
   * expected new cases summed over the samples).
   */
  new_cases_sum(lr: number, sr: number, n: number, away: number, near: number): number;
  /** The smallest and the largest of the n f64 at `p`, to `out` (2 f64; NaNs skipped). */
  column_range(p: number, n: number, out: number): void;
  /**
   * `np.histogram` with `bins` equal bins: bins + 1 f64 edges, bins f64 counts (`tallies`:
   * scratch for 4 · bins u32).
   */
  numpy_histogram(
    p: number,
    n: number,
    bins: number,
    edges: number,
    counts: number,
    tallies: number,
  ): void;
  /**
   * x → 10^x in place (glibc's pow) for the n f64 at `x` from index `start`; returns
   * the index of the first value it leaves (outside 2^-53 <= |x| < 222), or n.
   */
  pow10_column(x: number, start: number, n: number): number;
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
   * Bin codes of n samples in evenly spaced bins (asm/even_bins.ts): `codes` n u16 (the
   * first bin holding the sample, + 0x8000 when the next holds it too, 0xffff for none),
   * `counts` bins u32; `lows`, `highs` bins f64, `perSpacing` = 1 / their spacing,
   * `contiguous` 1 when they are also at least a spacing wide (no test inside them); with
   * `histBins` > 0 also the counts of the values in equal bins over [histLo, histHi]
   * (`histCounts`, histBins u32).
   */
  even_bin_codes(
    v: number,
    n: number,
    lows: number,
    highs: number,
    bins: number,
    perSpacing: number,
    contiguous: number,
    codes: number,
    counts: number,
    histLo: number,
    histHi: number,
    histBins: number,
    histCounts: number,
  ): void;
  /**
   * Each bin's values of `p` (n f64), in sample order, one bin after the other into
   * `out`, from `even_bin_codes`' outputs; `starts` (bins u32) gets each bin's first
   * index. Returns the number of values written (asm/even_bins.ts).
   */
  even_bin_gather(
    p: number,
    n: number,
    codes: number,
    counts: number,
    bins: number,
    starts: number,
    out: number,
  ): number;
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
   * `out`: the n f64 at `x` as JSON numbers (shortest round trip, as `JSON.stringify`)
   * separated by commas (at most 26 · n bytes of text; up to 26 · n + 64 bytes written);
   * returns the byte count, or −1 − i when x[i] is not finite (asm/json_numbers.ts).
   */
  json_numbers(x: number, n: number, out: number): number;
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

/** Kernel functions exported for tests only (precision checks of the kernel's maths). */
export interface KernelTestFunctions {
  /** Software fused multiply-add (exact rounding of a * b + c). */
  fma_soft(a: number, b: number, c: number): number;
  /** For tests: ln of two values by the two-lane path (host FMA only), written to `out`. */
  log2_glibc(x0: number, x1: number, out: number): void;
  /** numpy `interp` at one point on a table prepared by `interp_init`. */
  interp_at(x: number, t: number, m: number, left: number, right: number): number;
}

/** The number of parameters of each function of a function table. */
type Arities<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer P) => unknown ? P["length"]
    : never;
};

/** The parameter count of every kernel function the library calls. */
export const KERNEL_FUNCTIONS: Arities<KernelFunctions> = {
  heap_base: 0,
  state_bytes: 0,
  mt_seed: 2,
  mt_next_u32: 1,
  mt_refresh: 1,
  fill_random: 3,
  fill_uniform: 5,
  fill_normal: 5,
  skip_normal: 2,
  fill_lognormal: 5,
  init_fma: 3,
  force_soft_fma: 0,
  exp_glibc: 1,
  log10_glibc: 1,
  log10_column: 3,
  log_glibc: 1,
  interp_init: 2,
  interp_rejection: 12,
  rejection_scratch_f64: 1,
  timeline_pass: 27,
  interval_doses: 7,
  infection_percent: 2,
  infection_percent_of_dose: 11,
  deposition_rate: 4,
  emission_per_aerosol: 11,
  fraction_deposited: 4,
  aerosol_volume: 8,
  chebyshev_coefficients: 8,
  chebyshev_moments: 8,
  clenshaw_column: 5,
  divide_column: 4,
  raise_nonpositive: 3,
  all_finite_nonzero: 2,
  elementwise: 7,
  product_with_complement: 8,
  normalize_column: 5,
  numpy_sum: 2,
  numpy_squared_deviations: 3,
  weighted_totals: 5,
  new_cases_sum: 5,
  column_range: 3,
  numpy_histogram: 6,
  pow10_column: 3,
  bin_candidates: 9,
  bin_gather: 8,
  even_bin_codes: 13,
  even_bin_gather: 7,
  group_statistics: 7,
  set_scratch: 1,
  scratch_bytes: 0,
  kde_sample: 9,
  json_numbers: 3,
};

/** The parameter count of every kernel function exported for tests only. */
export const KERNEL_TEST_FUNCTIONS: Arities<KernelTestFunctions> = {
  fma_soft: 3,
  log2_glibc: 3,
  interp_at: 5,
};

/** The kernel's exports: its functions and its linear memory. */
export interface KernelExports extends KernelFunctions, KernelTestFunctions {
  /** The kernel's linear memory (shared, so that it never moves). */
  readonly memory: WebAssembly.Memory;
}
