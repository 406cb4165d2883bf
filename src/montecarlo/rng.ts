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
import { createKernelGenerator, type KernelGenerator } from "../kernel/generator.ts";
import type { Kernel } from "../kernel/kernel.ts";

/** Number of 32-bit words in the MT19937 key. */
const KEY_WORDS = 624;
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

/**
 * A numpy-compatible generator. Every method advances the one shared stream.
 *
 * @example Usage
 * ```ts
 * import { createRng, type Rng } from "./mod.ts";
 * const rng: Rng = createRng(0);
 * const state = rng.getState();
 * const first = rng.normal(0, 1, 3);
 * rng.setState(state);
 * if (rng.normal(0, 1, 3).join() !== first.join()) throw new Error("the same draws again");
 * ```
 */
export interface Rng {
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
 * @returns A new {@link Rng} (with its own kernel instance).
 * @throws {RangeError} When the seed is not an integer in range.
 * @example Usage
 * ```ts
 * import { createRng } from "./rng.ts";
 * const rng = createRng(0);
 * const [x] = rng.randomSample(1);
 * if (x !== 0.5488135039273248) throw new Error("not numpy's stream");
 * ```
 */
export function createRng(seed: number): Rng {
  checkSeed(seed);
  return rngOf(createKernelGenerator(seed));
}

/**
 * {@link createRng} with its state in `kernel` (allocated at the kernel's current stack
 * top, so the generator must only be used inside the {@link Kernel.scope} it was created
 * in): for one computation that shares its kernel's memory with the sampling, e.g. a
 * report.
 *
 * @param seed Integer in [0, 2^32 - 1].
 * @param kernel The kernel to hold the state.
 * @returns A new {@link Rng}.
 * @throws {RangeError} When the seed is not an integer in range.
 */
export function createKernelRng(seed: number, kernel: Kernel): Rng {
  checkSeed(seed);
  return rngOf(createKernelGenerator(seed, kernel));
}

function rngOf(generator: KernelGenerator): Rng {
  const rng: Rng = {
    seed(s) {
      checkSeed(s);
      generator.seed(s);
    },
    nextUint32: () => generator.nextUint32(),
    randomSample: (n) => generator.randomSample(checkCount(n)),
    uniform(low, high, n) {
      checkFinite("low", low);
      checkFinite("high", high);
      // numpy: OverflowError "Range exceeds valid bounds".
      checkFinite("high - low", high - low);
      return generator.uniform(low, high, checkCount(n));
    },
    normal(loc, scale, n) {
      checkFinite("loc", loc);
      checkScale("scale", scale);
      return generator.normal(loc, scale, checkCount(n));
    },
    lognormal(mean, sigma, n) {
      checkFinite("mean", mean);
      checkScale("sigma", sigma);
      return generator.lognormal(mean, sigma, checkCount(n));
    },
    skipNormal: (n) => generator.skipNormal(checkCount(n)),
    getState: () => generator.getState(),
    setState(state) {
      checkState(state);
      generator.setState(state);
    },
  };
  generators.set(rng, generator);
  return rng;
}

/** The kernel generator behind each {@link Rng} (for the samplers of this folder). */
const generators = new WeakMap<Rng, KernelGenerator>();

/**
 * The kernel generator behind `rng`, for samplers that draw in the kernel.
 *
 * @param rng A generator of {@link createRng}.
 * @returns Its kernel generator.
 */
export function kernelGeneratorOf(rng: Rng): KernelGenerator {
  const generator = generators.get(rng);
  if (generator === undefined) throw new TypeError("expected a generator made by createRng");
  return generator;
}

function checkFinite(name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`expected ${name} to be a finite number but found ${String(value)}`);
  }
}

/** A scale or sigma: finite and not negative (numpy raises ValueError below 0). */
function checkScale(name: string, value: number): void {
  checkFinite(name, value);
  if (value < 0) throw new RangeError(`expected ${name} >= 0 but found ${value}`);
}

/**
 * A state as numpy's `get_state` gives it: 624 words of 32 bits, not all zero (an
 * all-zero MT19937 state yields only zeros, on which the polar method never ends), a
 * position in [0, 624], and a cached Gaussian that is a finite number when there is one.
 */
function checkState(state: RngState): void {
  if (state === null || typeof state !== "object") {
    throw new TypeError(`expected a generator state (from getState) but found ${String(state)}`);
  }
  const key = state.key;
  if (key === null || typeof key !== "object" || key.length !== KEY_WORDS) {
    throw new RangeError(`expected ${KEY_WORDS} key words but found ${key?.length}`);
  }
  let any = false;
  for (let i = 0; i < KEY_WORDS; i++) {
    const word = key[i];
    if (!Number.isInteger(word) || word < 0 || word > MAX_SEED) {
      throw new RangeError(
        `expected key[${i}] to be an integer in [0, 2^32 - 1] but found ${word}`,
      );
    }
    if (word !== 0) any = true;
  }
  if (!any) {
    throw new RangeError(
      "expected a key with a non-zero word (an all-zero state gives only zeros)",
    );
  }
  if (!Number.isInteger(state.pos) || state.pos < 0 || state.pos > KEY_WORDS) {
    throw new RangeError(`expected a key position in [0, ${KEY_WORDS}] but found ${state.pos}`);
  }
  if (typeof state.hasGauss !== "boolean") {
    throw new TypeError(
      `expected hasGauss to be true or false but found ${String(state.hasGauss)}`,
    );
  }
  if (state.hasGauss) checkFinite("cachedGaussian", state.cachedGaussian);
}

function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`expected a seed that is an integer in [0, 2^32 - 1] but found ${seed}`);
  }
}

/**
 * Throws unless `n` is a usable sample count (a non-negative safe integer).
 *
 * @param n The count.
 * @returns `n`.
 * @throws {RangeError} When it is not.
 */
export function checkCount(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`expected a sample count that is a non-negative integer but found ${n}`);
  }
  return n;
}
