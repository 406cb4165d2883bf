/**
 * numpy's legacy MT19937 generator and its samplers in the kernel (asm/mt19937.ts,
 * asm/samplers.ts), as typed operations on one state block: seeding, raw outputs, the
 * columns of `random_sample`, `uniform`, `normal`, `lognormal`, rejection sampling
 * against an interpolated density, weighted Gaussian kernel-density sampling, and
 * glibc's 10^x. src/montecarlo/rng.ts and src/montecarlo/distributions.ts build the
 * public generator and distributions on it.
 *
 * @module
 */
import { kernelColumn } from "./column_arena.ts";
import { createKernel, type Kernel } from "./kernel.ts";

/** Number of 32-bit words in the MT19937 key. */
const KEY_WORDS = 624;
/** Offsets inside the kernel's state block (see asm/mt19937.ts), in u32 and f64 units. */
const POS_WORD = 624;
const HAS_GAUSS_WORD = 625;
const GAUSS_F64 = 313;
const F64_BYTES = Float64Array.BYTES_PER_ELEMENT;
const U32_BYTES = Uint32Array.BYTES_PER_ELEMENT;

/** The generator's state, like numpy's `RandomState.get_state()`. */
export interface GeneratorState {
  /** The 624 key words. */
  readonly key: Uint32Array;
  /** Position in the key, 0..624 (624: the next output regenerates the block). */
  readonly pos: number;
  /** Whether a second Gaussian value is cached. */
  readonly hasGauss: boolean;
  /** The cached Gaussian value (0 when none). */
  readonly cachedGaussian: number;
}

/** An interpolation table of a density: numpy `interp(x, xp, fp, left, right)`. */
export interface DensityTable {
  /** Increasing abscissae. */
  readonly xp: ArrayLike<number>;
  /** Values at `xp`. */
  readonly fp: ArrayLike<number>;
  /** Value left of `xp[0]`. */
  readonly left: number;
  /** Value right of the last `xp`. */
  readonly right: number;
}

/** One MT19937 stream in a kernel. Every method advances the stream as numpy does. */
export interface KernelGenerator {
  /** The kernel holding the state (columns drawn go to its column heap in an arena). */
  readonly kernel: Kernel;
  /** Re-seeds like `np.random.seed(seed)` (clears the cached Gaussian). */
  seed(seed: number): void;
  /** Next raw 32-bit output, 0..2^32-1. */
  nextUint32(): number;
  /** `random_sample(n)`. */
  randomSample(n: number): Float64Array;
  /** `uniform(low, high, n)`. */
  uniform(low: number, high: number, n: number): Float64Array;
  /** `normal(loc, scale, n)`. */
  normal(loc: number, scale: number, n: number): Float64Array;
  /** `lognormal(mean, sigma, n)`. */
  lognormal(mean: number, sigma: number, n: number): Float64Array;
  /** Advances the stream as `normal(…, n)` would, without the values. */
  skipNormal(n: number): void;
  /**
   * n draws of rejection sampling in [lo, hi) against the density `table` (at most
   * `maxDensity`), the reference's order (candidates, then densities, by rounds of the
   * rejected); with `log10`, 10^x of each draw.
   */
  rejection(
    table: DensityTable,
    lo: number,
    hi: number,
    maxDensity: number,
    n: number,
    log10: boolean,
  ): Float64Array;
  /**
   * n draws of the weighted Gaussian kernel density over `variable` (scikit-learn's
   * `KernelDensity.sample`); with `log10`, 10^x of each draw.
   */
  kernelDensity(
    variable: Float64Array,
    frequencies: Float64Array,
    bandwidth: number,
    n: number,
    log10: boolean,
  ): Float64Array;
  /** A copy of the state. */
  getState(): GeneratorState;
  /** Restores a state of {@link KernelGenerator.getState} (checked by the caller). */
  setState(state: GeneratorState): void;
}

/**
 * A generator seeded like `np.random.seed(seed)`, its state in `kernel` (allocated at
 * the kernel's current stack top: with a given kernel, use the generator only inside
 * the {@link Kernel.scope} it was created in) or in a new kernel of its own.
 *
 * @param seed Integer in [0, 2^32 − 1] (checked by the caller).
 * @param kernel The kernel to hold the state.
 * @returns The generator.
 */
export function createKernelGenerator(
  seed: number,
  kernel: Kernel = createKernel(),
): KernelGenerator {
  const k = kernel.exports;
  const state = kernel.alloc(k.state_bytes());
  k.mt_seed(state, seed);
  const draw = (n: number, fill: (out: number) => void) => kernelColumn(kernel, n, fill);
  return {
    kernel,
    seed: (s) => k.mt_seed(state, s),
    nextUint32: () => k.mt_next_u32(state) >>> 0,
    randomSample: (n) => draw(n, (out) => k.fill_random(state, out, n)),
    uniform: (low, high, n) => draw(n, (out) => k.fill_uniform(state, out, n, low, high)),
    normal: (loc, scale, n) => draw(n, (out) => k.fill_normal(state, out, n, loc, scale)),
    lognormal: (mean, sigma, n) => draw(n, (out) => k.fill_lognormal(state, out, n, mean, sigma)),
    skipNormal: (n) => k.skip_normal(state, n),
    rejection(table, lo, hi, maxDensity, n, log10) {
      const m = table.xp.length;
      return draw(n, (out) => {
        const t = kernel.alloc((3 * m - 1) * F64_BYTES);
        kernel.f64(t, m).set(table.xp);
        kernel.f64(t + m * F64_BYTES, m).set(table.fp);
        k.interp_init(t, m);
        const scratch = kernel.alloc(k.rejection_scratch_f64(n) * F64_BYTES);
        const idx = kernel.alloc(n * U32_BYTES);
        k.interp_rejection(
          state,
          out,
          scratch,
          idx,
          n,
          lo,
          hi,
          maxDensity,
          t,
          m,
          table.left,
          table.right,
        );
        if (log10) pow10At(kernel, out, n);
      });
    },
    kernelDensity(variable, frequencies, bandwidth, n, log10) {
      const size = variable.length;
      return draw(n, (out) => {
        const v = kernel.put(variable);
        const w = kernel.put(frequencies);
        const cum = kernel.alloc(size * F64_BYTES);
        const lut = kernel.alloc(size * U32_BYTES);
        k.kde_sample(state, out, n, v, w, cum, lut, size, bandwidth);
        if (log10) pow10At(kernel, out, n);
      });
    },
    getState() {
      const words = kernel.u32(state, HAS_GAUSS_WORD + 1);
      const hasGauss = words[HAS_GAUSS_WORD] !== 0;
      return {
        key: words.slice(0, KEY_WORDS),
        pos: words[POS_WORD],
        hasGauss,
        cachedGaussian: kernel.f64(state, GAUSS_F64 + 1)[GAUSS_F64],
      };
    },
    setState(s) {
      const words = kernel.u32(state, HAS_GAUSS_WORD + 1);
      words.set(s.key);
      words[POS_WORD] = s.pos;
      words[HAS_GAUSS_WORD] = s.hasGauss ? 1 : 0;
      kernel.f64(state, GAUSS_F64 + 1)[GAUSS_F64] = s.hasGauss ? s.cachedGaussian : 0;
      k.mt_refresh(state);
    },
  };
}

/**
 * x → 10^x in place, rounded like glibc's `pow(10, x)` (the reference's `10 ** x`): the
 * kernel's port for 2^−53 <= |x| < 222, V8's `**` (glibc's `pow` on the reference's
 * platform; tests/kernel/libm_test.ts) for the rest.
 *
 * @param x The values (changed in place).
 * @param kernel The kernel to compute in.
 * @returns `x`.
 */
export function pow10InPlace(x: Float64Array, kernel: Kernel): Float64Array {
  kernel.scope(() => {
    if (kernel.owns(x)) {
      pow10At(kernel, x.byteOffset, x.length);
      return;
    }
    const ptr = kernel.put(x);
    pow10At(kernel, ptr, x.length);
    x.set(kernel.f64(ptr, x.length));
  });
  return x;
}

/** {@link pow10InPlace} of the n f64 at `ptr`: the kernel as far as it goes, then here. */
function pow10At(kernel: Kernel, ptr: number, n: number): void {
  let i = kernel.exports.pow10_column(ptr, 0, n);
  while (i < n) {
    const x = kernel.f64(ptr, n);
    x[i] = 10 ** x[i];
    i = kernel.exports.pow10_column(ptr, i + 1, n);
  }
}
