/**
 * A seeded random number generator that reproduces numpy's legacy `RandomState`
 * (MT19937) stream bit for bit: `random_sample`, `uniform`, `normal` (polar method
 * with the cached second value), `lognormal`.
 *
 * Source: ../shared/spec/sampling-order.md, section 1. The generator state and every
 * draw live in the WebAssembly kernel; each generator owns one kernel instance, which
 * the samplers reuse for their scratch memory.
 *
 * @module
 */
import { kernelColumn } from "./column_arena.ts";
import { createKernel, type Kernel } from "../kernel/kernel.ts";
import { fillGaussianColumn, splitsGaussian } from "./gaussian_column.ts";

/** Number of 32-bit words in the MT19937 key. */
const KEY_WORDS = 624;
/** Byte offsets inside the kernel's state block (see asm/mt19937.ts). */
const POS_OFFSET = 2496;
const HAS_GAUSS_OFFSET = 2500;
const GAUSS_OFFSET = 2504;
/** Largest seed accepted by numpy's legacy seeding, 2^32 - 1. */
const MAX_SEED = 0xffffffff;

/** A snapshot of the generator, like numpy's `RandomState.get_state()`. */
export interface RngState {
  /** The 624 key words. */
  readonly key: Uint32Array;
  /** Position in the key, 0..624 (624: the next output regenerates the block). */
  readonly pos: number;
  /** Whether a second Gaussian value is cached. */
  readonly hasGauss: boolean;
  /** The cached Gaussian value (0 when none). */
  readonly cachedGaussian: number;
}

/** A numpy-compatible generator. Every method advances the one shared stream. */
export interface Rng {
  /** The kernel instance that holds the state (samplers allocate their scratch here). */
  readonly kernel: Kernel;
  /** Byte offset of the state block in {@link Rng.kernel}'s memory. */
  readonly statePtr: number;
  /** Re-seeds like `np.random.seed(seed)`, also clearing the Gaussian cache. */
  seed(seed: number): void;
  /** Next raw 32-bit output, 0..2^32-1. */
  nextUint32(): number;
  /** `n` doubles in [0, 1): `random_sample(n)`. */
  randomSample(n: number): Float64Array;
  /** `n` values of `uniform(low, high)` = low + (high - low) * random_sample. */
  uniform(low: number, high: number, n: number): Float64Array;
  /** `n` values of `normal(loc, scale)` = loc + scale * gauss, in index order. */
  normal(loc: number, scale: number, n: number): Float64Array;
  /** `n` values of `lognormal(mean, sigma)` = exp(mean + sigma * gauss). */
  lognormal(mean: number, sigma: number, n: number): Float64Array;
  /**
   * Advances the stream exactly as `normal(…, n)` or `lognormal(…, n)` would, without
   * computing the values (for draws whose values are not needed).
   */
  skipNormal(n: number): void;
  /** A copy of the current state. */
  getState(): RngState;
  /** Restores a state taken with {@link Rng.getState}. */
  setState(state: RngState): void;
}

/**
 * Creates a generator seeded like `np.random.seed(seed)`.
 *
 * @param seed Integer in [0, 2^32 - 1].
 * @param options `kernel`: hold the state in this kernel instead of a new one. The state
 *   block is then allocated at the kernel's current stack top, so the generator must only
 *   be used inside the {@link Kernel.scope} it was created in (for one computation that
 *   shares its kernel's memory with the sampling).
 * @returns A new {@link Rng} (with its own kernel instance unless one is given).
 * @throws {RangeError} When the seed is not an integer in range.
 * @example Usage
 * ```ts
 * import { createRng } from "./rng.ts";
 * const rng = createRng(0);
 * const [x] = rng.randomSample(1);
 * if (x !== 0.5488135039273248) throw new Error("not numpy's stream");
 * ```
 */
export function createRng(seed: number, options: { kernel?: Kernel } = {}): Rng {
  checkSeed(seed);
  const kernel = options.kernel ?? createKernel();
  const k = kernel.exports;
  const statePtr = kernel.alloc(k.state_bytes());
  k.mt_seed(statePtr, seed);

  function draw(n: number, fill: (out: number) => void): Float64Array {
    checkCount(n);
    return kernelColumn(kernel, n, fill);
  }

  /** `normal` or `lognormal`: on two threads when the kernel has a helper (same values). */
  function gaussian(n: number, loc: number, scale: number, mode: "normal" | "lognormal") {
    return draw(n, (out) => {
      if (splitsGaussian(kernel, n)) fillGaussianColumn(kernel, statePtr, out, n, loc, scale, mode);
      else if (mode === "normal") k.fill_normal(statePtr, out, n, loc, scale);
      else k.fill_lognormal(statePtr, out, n, loc, scale);
    });
  }

  return {
    kernel,
    statePtr,
    seed(s) {
      checkSeed(s);
      k.mt_seed(statePtr, s);
    },
    nextUint32: () => k.mt_next_u32(statePtr) >>> 0,
    randomSample: (n) => draw(n, (out) => k.fill_random(statePtr, out, n)),
    uniform: (low, high, n) => draw(n, (out) => k.fill_uniform(statePtr, out, n, low, high)),
    normal: (loc, scale, n) => gaussian(n, loc, scale, "normal"),
    lognormal: (mean, sigma, n) => gaussian(n, mean, sigma, "lognormal"),
    skipNormal(n) {
      checkCount(n);
      k.skip_normal(statePtr, n);
    },
    getState() {
      const view = new DataView(k.memory.buffer, statePtr, k.state_bytes());
      return {
        key: kernel.u32(statePtr, KEY_WORDS).slice(),
        pos: view.getUint32(POS_OFFSET, true),
        hasGauss: view.getUint32(HAS_GAUSS_OFFSET, true) !== 0,
        cachedGaussian: view.getFloat64(GAUSS_OFFSET, true),
      };
    },
    setState(state) {
      if (state.key.length !== KEY_WORDS) {
        throw new RangeError(`expected ${KEY_WORDS} key words but found ${state.key.length}`);
      }
      if (!Number.isInteger(state.pos) || state.pos < 0 || state.pos > KEY_WORDS) {
        throw new RangeError(`expected a key position in [0, ${KEY_WORDS}] but found ${state.pos}`);
      }
      kernel.u32(statePtr, KEY_WORDS).set(state.key);
      const view = new DataView(k.memory.buffer, statePtr, k.state_bytes());
      view.setUint32(POS_OFFSET, state.pos, true);
      view.setUint32(HAS_GAUSS_OFFSET, state.hasGauss ? 1 : 0, true);
      view.setFloat64(GAUSS_OFFSET, state.hasGauss ? state.cachedGaussian : 0, true);
      k.mt_refresh(statePtr);
    },
  };
}

function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`expected a seed that is an integer in [0, 2^32 - 1] but found ${seed}`);
  }
}

/** Throws unless `n` is a usable sample count (a non-negative safe integer). */
export function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`expected a sample count that is a non-negative integer but found ${n}`);
  }
}
