/**
 * Sampleable distributions with the semantics of the reference's
 * `monte_carlo/sampleable.py` (CAiMIRA 4.19.0): Normal, Uniform, LogNormal, Custom and
 * LogCustom (rejection sampling), CustomKernel and LogCustomKernel (weighted Gaussian
 * kernel density, as scikit-learn's `KernelDensity.sample`).
 *
 * A distribution is a plain immutable description; {@link generateSamples} draws from
 * it with an explicit {@link Rng}, consuming the stream exactly as the reference does
 * (../shared/spec/sampling-order.md, section 2), so a seeded draw equals the reference's.
 *
 * @module
 */
import { checkOptions } from "../options.ts";
import { releaseColumn } from "../kernel/column_arena.ts";
import { pow10InPlace } from "../kernel/generator.ts";
import { interp, type InterpTable } from "./interp.ts";
import { checkCount, kernelGeneratorOf, type Rng } from "./rng.ts";
import { unreachable } from "../exhaustive.ts";

/**
 * A density for rejection sampling: an interpolation table (evaluated in the kernel)
 * or a vectorised function (values at each x; evaluated in TypeScript).
 */
export type Density = InterpTable | ((x: Float64Array) => ArrayLike<number>);

/** Gaussian with the given mean and standard deviation. */
export interface NormalDistribution {
  /** Discriminant. */
  readonly kind: "normal";
  /** Mean, in the unit of the variable. */
  readonly mean: number;
  /** Standard deviation, in the unit of the variable. */
  readonly standardDeviation: number;
}

/** Continuous uniform on [low, high). */
export interface UniformDistribution {
  /** Discriminant. */
  readonly kind: "uniform";
  /** Lower bound (included). */
  readonly low: number;
  /** Upper bound (excluded). */
  readonly high: number;
}

/** exp of a Gaussian with mean `meanGaussian` and deviation `standardDeviationGaussian`. */
export interface LogNormalDistribution {
  /** Discriminant. */
  readonly kind: "lognormal";
  /** μ of the underlying Gaussian (of ln x). */
  readonly meanGaussian: number;
  /** σ of the underlying Gaussian (of ln x). */
  readonly standardDeviationGaussian: number;
}

/**
 * Rejection sampling of x in `bounds` under `density`, whose maximum must not exceed
 * `maxDensity`. With `log10: true` (the reference's LogCustom) bounds and density are
 * in log10 of the variable and samples are returned as 10^x.
 */
export interface CustomDistribution {
  /** Discriminant. */
  readonly kind: "custom";
  /** [low, high] of x (log10 of the variable when `log10`). */
  readonly bounds: readonly [number, number];
  /** The (unnormalised) density of x. */
  readonly density: Density;
  /** Upper bound of the density on `bounds` (the rejection envelope). */
  readonly maxDensity: number;
  /** Whether x is log10 of the variable (samples are returned as 10^x). */
  readonly log10: boolean;
}

/**
 * Weighted Gaussian kernel density over the points `variable` with weights
 * `frequencies` and kernel bandwidth `bandwidth`. With `log10: true` (the reference's
 * LogCustomKernel) the points are log10 of the variable and samples are returned as 10^x.
 */
export interface CustomKernelDistribution {
  /** Discriminant. */
  readonly kind: "customKernel";
  /** Kernel centres (log10 of the variable when `log10`). */
  readonly variable: Float64Array;
  /** Weight of each centre (non-negative, positive sum). */
  readonly frequencies: Float64Array;
  /** Standard deviation of each Gaussian kernel, in the unit of `variable`. */
  readonly bandwidth: number;
  /** Whether the centres are log10 of the variable (samples are returned as 10^x). */
  readonly log10: boolean;
}

/**
 * Any sampleable distribution.
 *
 * @example Usage
 * ```ts
 * import { createRng, type Distribution, generateSamples, uniformDistribution } from "./mod.ts";
 * const dist: Distribution = uniformDistribution(0, 1);
 * if (dist.kind !== "uniform" || generateSamples(dist, createRng(1), 5).length !== 5) {
 *   throw new Error("a uniform distribution");
 * }
 * ```
 */
export type Distribution =
  | NormalDistribution
  | UniformDistribution
  | LogNormalDistribution
  | CustomDistribution
  | CustomKernelDistribution;

/**
 * Normal(mean, sd): `normal(mean, sd, n)`.
 *
 * @param mean Mean.
 * @param standardDeviation Standard deviation, >= 0.
 * @returns The distribution.
 * @example Usage
 * ```ts
 * import { createRng, generateSamples, normalDistribution } from "./mod.ts";
 * const x = generateSamples(normalDistribution(1, 0.5), createRng(0), 3);
 * if (x.length !== 3) throw new Error("three samples");
 * ```
 */
export function normalDistribution(mean: number, standardDeviation: number): NormalDistribution {
  requireFinite("mean", mean);
  requireNonNegative("standard deviation", standardDeviation);
  return { kind: "normal", mean, standardDeviation };
}

/**
 * Uniform(low, high): `uniform(low, high, n)`.
 *
 * @param low Lower bound.
 * @param high Upper bound, >= low.
 * @returns The distribution.
 * @example Usage
 * ```ts
 * import { createRng, generateSamples, uniformDistribution } from "./mod.ts";
 * const x = generateSamples(uniformDistribution(10, 100), createRng(0), 1);
 * if (x[0] !== 59.393215353459226) throw new Error("numpy's uniform(10, 100) after seed(0)");
 * ```
 */
export function uniformDistribution(low: number, high: number): UniformDistribution {
  requireFinite("low", low);
  requireFinite("high", high);
  if (high < low) throw new RangeError(`expected high >= low but found ${high} < ${low}`);
  return { kind: "uniform", low, high };
}

/**
 * LogNormal(μ, σ) of the underlying Gaussian: `lognormal(μ, σ, n)`.
 *
 * @param meanGaussian μ of the underlying Gaussian.
 * @param standardDeviationGaussian σ of the underlying Gaussian, >= 0.
 * @returns The distribution.
 * @example Usage
 * ```ts
 * import { createRng, generateSamples, logNormalDistribution } from "./mod.ts";
 * const x = generateSamples(logNormalDistribution(0, 0.25), createRng(0), 100);
 * if (!x.every((v) => v > 0)) throw new Error("positive");
 * ```
 */
export function logNormalDistribution(
  meanGaussian: number,
  standardDeviationGaussian: number,
): LogNormalDistribution {
  requireFinite("mean of the Gaussian", meanGaussian);
  requireNonNegative("standard deviation of the Gaussian", standardDeviationGaussian);
  return { kind: "lognormal", meanGaussian, standardDeviationGaussian };
}

/**
 * Custom / LogCustom: rejection sampling under a density.
 *
 * @param bounds [low, high] of x (log10 of the variable when `log10`).
 * @param density Interpolation table or vectorised function of x.
 * @param maxDensity A value at or above the density's maximum on the bounds, > 0.
 * @param options `log10: true` for the reference's LogCustom.
 * @returns The distribution.
 */
export function customDistribution(
  bounds: readonly [number, number],
  density: Density,
  maxDensity: number,
  options: { log10?: boolean } = {},
): CustomDistribution {
  checkOptions(options, { log10: "boolean" }, "customDistribution");
  requireFinite("lower bound", bounds[0]);
  requireFinite("upper bound", bounds[1]);
  if (!(bounds[1] > bounds[0])) {
    throw new RangeError(`expected bounds with high > low but found [${bounds[0]}, ${bounds[1]}]`);
  }
  if (!(maxDensity > 0) || !Number.isFinite(maxDensity)) {
    throw new RangeError(`expected a positive finite maximum density but found ${maxDensity}`);
  }
  return {
    kind: "custom",
    bounds: [bounds[0], bounds[1]],
    density,
    maxDensity,
    log10: options.log10 ?? false,
  };
}

/**
 * CustomKernel / LogCustomKernel: weighted Gaussian kernel density.
 *
 * @param variable The kernel centres (log10 of the variable when `log10`).
 * @param frequencies Non-negative weights, one per centre, with a positive sum.
 * @param bandwidth Kernel standard deviation, > 0.
 * @param options `log10: true` for the reference's LogCustomKernel.
 * @returns The distribution (with copies of the arrays).
 */
export function customKernelDistribution(
  variable: ArrayLike<number>,
  frequencies: ArrayLike<number>,
  bandwidth: number,
  options: { log10?: boolean } = {},
): CustomKernelDistribution {
  checkOptions(options, { log10: "boolean" }, "customKernelDistribution");
  if (variable.length !== frequencies.length || variable.length === 0) {
    throw new RangeError(
      `expected variable and frequencies of the same non-zero length but found ${variable.length} and ${frequencies.length}`,
    );
  }
  const total = checkedWeightSum(variable, frequencies);
  if (!(total > 0)) throw new RangeError("expected frequencies with a positive sum but found 0");
  if (!Number.isFinite(total)) {
    // The cumulative weights would be infinite: every draw would land on the last centre.
    throw new RangeError(`expected frequencies with a finite sum but found ${total}`);
  }
  if (!(bandwidth > 0) || !Number.isFinite(bandwidth)) {
    throw new RangeError(`expected a positive finite bandwidth but found ${bandwidth}`);
  }
  return {
    kind: "customKernel",
    variable: Float64Array.from(variable),
    frequencies: Float64Array.from(frequencies),
    bandwidth,
    log10: options.log10 ?? false,
  };
}

/**
 * Draws `n` samples of `dist`, consuming `rng` exactly as the reference does.
 *
 * @param dist The distribution.
 * @param rng The generator (advanced in place).
 * @param n Number of samples.
 * @returns `n` samples.
 * @example Usage
 * ```ts
 * import { createRng } from "./rng.ts";
 * import { generateSamples, uniformDistribution } from "./distributions.ts";
 * const x = generateSamples(uniformDistribution(10, 100), createRng(42), 3);
 * if (x.length !== 3) throw new Error("bad");
 * ```
 */
export function generateSamples(dist: Distribution, rng: Rng, n: number): Float64Array {
  checkCount(n);
  // Only createRng's generators draw the reference's stream (and have a kernel).
  kernelGeneratorOf(rng);
  switch (dist.kind) {
    case "normal":
      return rng.normal(dist.mean, dist.standardDeviation, n);
    case "uniform":
      return rng.uniform(dist.low, dist.high, n);
    case "lognormal":
      return rng.lognormal(dist.meanGaussian, dist.standardDeviationGaussian, n);
    case "custom":
      return typeof dist.density === "function"
        ? rejectionWithFunction(dist, dist.density, rng, n)
        : rejectionWithTable(dist, dist.density, rng, n);
    case "customKernel":
      return kernelDensitySample(dist, rng, n);
    default:
      return unreachable(dist, "distribution");
  }
}

/**
 * Advances `rng` exactly as {@link generateSamples} of `dist` would, for draws whose
 * values are not needed: normal and lognormal draws skip computing the values; other
 * distributions are drawn into a column that is freed at once.
 *
 * @param dist The distribution.
 * @param rng The generator (advanced in place).
 * @param n Number of samples.
 */
export function skipSamples(dist: Distribution, rng: Rng, n: number): void {
  checkCount(n);
  if (dist.kind === "normal" || dist.kind === "lognormal") rng.skipNormal(n);
  else releaseColumn(generateSamples(dist, rng, n));
}

/** Rejection sampling with an interpolation table, entirely in the kernel. */
function rejectionWithTable(
  dist: CustomDistribution,
  table: InterpTable,
  rng: Rng,
  n: number,
): Float64Array {
  const [lo, hi] = dist.bounds;
  const highest = n > 0 ? highestOn(table, lo, hi) : 1;
  if (!(highest > 0)) {
    // Every candidate would be rejected, round after round, for ever.
    throw new RangeError(
      `expected a density table positive somewhere in the bounds [${lo}, ${hi}] but found ` +
        `none (its highest value there is ${highest})`,
    );
  }
  return kernelGeneratorOf(rng).rejection(table, lo, hi, dist.maxDensity, n, dist.log10);
}

/**
 * The highest value of the piecewise-linear `table` on [lo, hi]: at the bounds or at a
 * knot between them.
 */
function highestOn(table: InterpTable, lo: number, hi: number): number {
  let highest = Math.max(interp(table, lo), interp(table, hi));
  for (let i = 0; i < table.xp.length; i++) {
    if (table.xp[i] > lo && table.xp[i] < hi) highest = Math.max(highest, table.fp[i]);
  }
  return highest;
}

/**
 * Rounds in a row without one accepted candidate after which a density given as a
 * function is taken to be 0 (or below the draws) everywhere: with an acceptance of
 * 1 in 10,000, 100,000 such rounds happen with a probability of about e^-10.
 */
const MAX_FRUITLESS_ROUNDS = 100_000;

/** Rejection sampling with a user function, in TypeScript (same draw order). */
function rejectionWithFunction(
  dist: CustomDistribution,
  density: (x: Float64Array) => ArrayLike<number>,
  rng: Rng,
  n: number,
): Float64Array {
  const [lo, hi] = dist.bounds;
  const fvalue = rng.uniform(0, dist.maxDensity, n);
  const x = rng.uniform(lo, hi, n);
  let rejected = rejectedIndices(density, fvalue, x, null);
  let fruitless = 0;
  while (rejected.length > 0) {
    const m = rejected.length;
    if (fruitless === MAX_FRUITLESS_ROUNDS) {
      throw new RangeError(
        `expected a density that accepts some candidates but none of ${m} was accepted in ` +
          `${MAX_FRUITLESS_ROUNDS} rounds (is it 0 on the bounds [${lo}, ${hi}]?)`,
      );
    }
    const newF = rng.uniform(0, dist.maxDensity, m);
    const newX = rng.uniform(lo, hi, m);
    for (let k = 0; k < m; k++) {
      fvalue[rejected[k]] = newF[k];
      x[rejected[k]] = newX[k];
    }
    const before = rejected.length;
    rejected = rejectedIndices(density, fvalue, x, rejected);
    fruitless = rejected.length === before ? fruitless + 1 : 0;
  }
  return dist.log10 ? pow10InPlace(x, kernelGeneratorOf(rng).kernel) : x;
}

/**
 * Indices i (ascending) with fvalue[i] > density(x)[i], among `among` (or all).
 * Only redrawn indices can change status, so later rounds test only those.
 */
function rejectedIndices(
  density: (x: Float64Array) => ArrayLike<number>,
  fvalue: Float64Array,
  x: Float64Array,
  among: Uint32Array | null,
): Uint32Array {
  const subset = among ? Float64Array.from(among, (i) => x[i]) : x;
  const f = density(subset);
  if (f.length !== subset.length) {
    throw new RangeError(
      `expected the density to return ${subset.length} values but found ${f.length}`,
    );
  }
  const out: number[] = [];
  for (let k = 0; k < subset.length; k++) {
    const i = among ? among[k] : k;
    const value = f[k];
    if (Number.isNaN(value)) {
      // A NaN would accept the candidate whatever its draw.
      throw new RangeError(
        `expected the density to return numbers but found NaN at x = ${subset[k]}`,
      );
    }
    if (fvalue[i] > value) out.push(i);
  }
  return Uint32Array.from(out);
}

/** Weighted Gaussian KDE sampling, entirely in the kernel. */
function kernelDensitySample(dist: CustomKernelDistribution, rng: Rng, n: number): Float64Array {
  return kernelGeneratorOf(rng).kernelDensity(
    dist.variable,
    dist.frequencies,
    dist.bandwidth,
    n,
    dist.log10,
  );
}

/**
 * The sum of the kernel weights, after checking every centre is finite and every weight
 * non-negative and finite (names built only for the error: the check runs per report).
 */
function checkedWeightSum(variable: ArrayLike<number>, frequencies: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < variable.length; i++) {
    const v = variable[i];
    const f = frequencies[i];
    if (!Number.isFinite(v)) requireFinite(`variable[${i}]`, v);
    if (!(Number.isFinite(f) && f >= 0)) requireNonNegative(`frequencies[${i}]`, f);
    total += f;
  }
  return total;
}

function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`expected a finite ${name} but found ${value}`);
  }
}

function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`expected a non-negative finite ${name} but found ${value}`);
  }
}
