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
import { kernelColumn } from "./column_arena.ts";
import { fillGaussianColumn, splitsGaussian } from "./gaussian_column.ts";
import type { Kernel, Part } from "../kernel/kernel.ts";
import type { InterpTable } from "./interp.ts";
import { checkCount, type Rng } from "./rng.ts";

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

/** Any sampleable distribution. */
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
  if (variable.length !== frequencies.length || variable.length === 0) {
    throw new RangeError(
      `expected variable and frequencies of the same non-zero length but found ${variable.length} and ${frequencies.length}`,
    );
  }
  let total = 0;
  for (let i = 0; i < variable.length; i++) {
    requireFinite(`variable[${i}]`, variable[i]);
    requireNonNegative(`frequencies[${i}]`, frequencies[i]);
    total += frequencies[i];
  }
  if (!(total > 0)) throw new RangeError("expected frequencies with a positive sum but found 0");
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
  }
}

/**
 * Advances `rng` exactly as {@link generateSamples} of `dist` would, for draws whose
 * values are not needed: normal and lognormal draws skip computing the values; other
 * distributions are drawn and discarded.
 *
 * @param dist The distribution.
 * @param rng The generator (advanced in place).
 * @param n Number of samples.
 */
export function skipSamples(dist: Distribution, rng: Rng, n: number): void {
  checkCount(n);
  if (dist.kind === "normal" || dist.kind === "lognormal") rng.skipNormal(n);
  else generateSamples(dist, rng, n);
}

/** Rejection sampling with an interpolation table, entirely in the kernel. */
function rejectionWithTable(
  dist: CustomDistribution,
  table: InterpTable,
  rng: Rng,
  n: number,
): Float64Array {
  const kernel = rng.kernel;
  const m = table.xp.length;
  return kernelColumn(kernel, n, (out) => {
    const t = kernel.alloc((3 * m - 1) * 8);
    kernel.f64(t, m).set(table.xp);
    kernel.f64(t + m * 8, m).set(table.fp);
    const k = kernel.exports;
    k.interp_init(t, m);
    const scratch = kernel.alloc(2 * n * 8);
    const idx = kernel.alloc(n * 4);
    const [lo, hi] = dist.bounds;
    if (kernel.splits(n)) {
      // The same steps as `interp_rejection`, round 0's test by parts on two threads,
      // each part as soon as its candidates are drawn: each part lists its rejected
      // indices in order in its own stretch of `idx`, and the lists are then put one
      // after the other.
      k.fill_uniform(rng.statePtr, scratch, n, 0, dist.maxDensity);
      const parts = kernel.parts(n);
      const counts = kernel.alloc(parts.length * 4);
      kernel.runParts(
        "interp_scan",
        parts.map((q, i) => [
          out + q.start * 8,
          scratch + q.start * 8,
          q.count,
          q.start,
          idx + q.start * 4,
          t,
          m,
          table.left,
          table.right,
          counts + i * 4,
        ]),
        (i) => k.fill_uniform(rng.statePtr, out + parts[i].start * 8, parts[i].count, lo, hi),
      );
      const total = joinPartLists(kernel, idx, idx, parts, counts);
      // The later rounds (`interp_rounds`) the same way: each round's densities drawn,
      // then its candidates part by part, each part tested as soon as drawn; each part's
      // still-rejected indices in its own stretch of `still`, then one after the other
      // in `idx`.
      const still = kernel.alloc(n * 4);
      let pending = total;
      while (pending > 0) {
        const fvalues = scratch;
        const xs = scratch + pending * 8;
        k.fill_uniform(rng.statePtr, fvalues, pending, 0, dist.maxDensity);
        const round = kernel.parts(pending);
        const roundCounts = kernel.alloc(round.length * 4);
        kernel.runParts(
          "interp_rescan",
          round.map((q, i) => [
            out,
            xs + q.start * 8,
            fvalues + q.start * 8,
            q.count,
            idx + q.start * 4,
            still + q.start * 4,
            t,
            m,
            table.left,
            table.right,
            roundCounts + i * 4,
          ]),
          (i) => k.fill_uniform(rng.statePtr, xs + round[i].start * 8, round[i].count, lo, hi),
        );
        pending = joinPartLists(kernel, still, idx, round, roundCounts);
      }
    } else {
      k.interp_rejection(
        rng.statePtr,
        out,
        scratch,
        idx,
        n,
        lo,
        hi,
        dist.maxDensity,
        t,
        m,
        table.left,
        table.right,
      );
    }
    if (dist.log10) pow10InKernel(kernel, out, n);
  });
}

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
  while (rejected.length > 0) {
    const m = rejected.length;
    const newF = rng.uniform(0, dist.maxDensity, m);
    const newX = rng.uniform(lo, hi, m);
    for (let k = 0; k < m; k++) {
      fvalue[rejected[k]] = newF[k];
      x[rejected[k]] = newX[k];
    }
    rejected = rejectedIndices(density, fvalue, x, rejected);
  }
  return dist.log10 ? pow10InPlace(rng.kernel, x) : x;
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
    if (fvalue[i] > f[k]) out.push(i);
  }
  return Uint32Array.from(out);
}

/**
 * Puts the lists the parts wrote (part i: counts[i] u32 from `from` + start · 4) one after
 * the other at `to` (may be `from`: each list moves down, never over one not yet moved);
 * returns their total length.
 */
function joinPartLists(
  kernel: Kernel,
  from: number,
  to: number,
  parts: readonly Part[],
  counts: number,
): number {
  const end = parts[parts.length - 1];
  const source = kernel.u32(from, end.start + end.count);
  const target = kernel.u32(to, end.start + end.count);
  let total = 0;
  kernel.u32(counts, parts.length).forEach((c, i) => {
    target.set(source.subarray(parts[i].start, parts[i].start + c), total);
    total += c;
  });
  return total;
}

/** Weighted Gaussian KDE sampling, entirely in the kernel. */
function kernelDensitySample(dist: CustomKernelDistribution, rng: Rng, n: number): Float64Array {
  const kernel = rng.kernel;
  const size = dist.variable.length;
  return kernelColumn(kernel, n, (out) => {
    const v = kernel.put(dist.variable);
    const w = kernel.put(dist.frequencies);
    const cum = kernel.alloc(size * 8);
    const lut = kernel.alloc(size * 4);
    const k = kernel.exports;
    if (splitsGaussian(kernel, n)) {
      // The same steps as `kde_sample`, the search and the values on two threads (the
      // search of each part as soon as its uniforms are drawn).
      const total = k.kde_prepare(w, cum, lut, size);
      const parts = kernel.parts(n);
      kernel.runParts(
        "kde_search",
        parts.map((q) => [out + q.start * 8, q.count, v, cum, lut, size, total]),
        (i) => k.fill_random(rng.statePtr, out + parts[i].start * 8, parts[i].count),
      );
      fillGaussianColumn(kernel, rng.statePtr, out, n, 0, dist.bandwidth, "around");
    } else k.kde_sample(rng.statePtr, out, n, v, w, cum, lut, size, dist.bandwidth);
    if (dist.log10) pow10InKernel(kernel, out, n);
  });
}

/**
 * x -> 10^x in place for the n f64 at `ptr` in the kernel's memory, rounded like glibc's
 * `pow(10, x)` (the reference's `10 ** x`): the kernel's port for 2^-53 <= |x| < 222,
 * V8's `**` (glibc's `pow` on the reference's platform; tests/kernel/libm_test.ts) for
 * the rest.
 */
function pow10InKernel(kernel: Kernel, ptr: number, n: number): void {
  // Each part (on two threads with a helper) goes as far as it can in the kernel and
  // records where it stopped; the values it leaves are then done here, one by one.
  const parts = kernel.parts(n);
  const stops = kernel.alloc(parts.length * 4);
  kernel.runParts("pow10_part", parts.map((q, i) => [ptr + q.start * 8, q.count, stops + i * 4]));
  kernel.u32(stops, parts.length).slice().forEach((stop, i) =>
    finishPow10(kernel, ptr + parts[i].start * 8, parts[i].count, stop)
  );
}

/** The rest of {@link pow10InKernel} for the n f64 at `ptr`, from index `stop` (where the kernel stopped). */
function finishPow10(kernel: Kernel, ptr: number, n: number, stop: number): void {
  let i = stop;
  while (i < n) {
    const x = kernel.f64(ptr, n);
    x[i] = 10 ** x[i];
    i = kernel.exports.pow10_column(ptr, i + 1, n);
  }
}

/** {@link pow10InKernel} of a column outside the kernel, in place. */
function pow10InPlace(kernel: Kernel, x: Float64Array): Float64Array {
  kernel.scope(() => {
    if (kernel.owns(x)) {
      pow10InKernel(kernel, x.byteOffset, x.length);
      return;
    }
    const ptr = kernel.put(x);
    pow10InKernel(kernel, ptr, x.length);
    x.set(kernel.f64(ptr, x.length));
  });
  return x;
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
