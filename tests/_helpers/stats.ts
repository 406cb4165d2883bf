/**
 * Test helpers: closeness assertions and the statistics used to check samplers
 * against their exact distributions with bounds derived from the sample size.
 */
import { AssertionError } from "node:assert/strict";

/** Tolerances for {@link assertClose}: relative and absolute. */
export interface Tolerance {
  rel?: number;
  abs?: number;
}

/** Asserts |actual - expected| <= abs + rel * |expected| (NaN equals NaN). */
export function assertClose(
  actual: number,
  expected: number,
  { rel = 1e-8, abs = 0 }: Tolerance = {},
  what = "value",
): void {
  if (Number.isNaN(actual) && Number.isNaN(expected)) return;
  const delta = Math.abs(actual - expected);
  const bound = abs + rel * Math.abs(expected);
  if (!(delta <= bound)) {
    throw new AssertionError({
      message:
        `${what}: expected ${expected} but found ${actual} (delta ${delta}, tolerance rel ${rel} abs ${abs})`,
    });
  }
}

/** Arithmetic mean. */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** k-th central moment (population, ddof 0). */
export function centralMoment(x: ArrayLike<number>, k: number): number {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) ** k;
  return s / x.length;
}

/**
 * Asserts the sample mean and variance of `x` agree with `mu` and `variance` within
 * `z` standard errors: σ/√N for the mean, sqrt((μ4 − σ⁴)/N) for the variance
 * (μ4 estimated from the sample).
 */
export function assertMoments(
  x: Float64Array,
  mu: number,
  variance: number,
  z = 5,
): void {
  const n = x.length;
  const m = mean(x);
  const v = centralMoment(x, 2);
  const m4 = centralMoment(x, 4);
  assertClose(
    m,
    mu,
    { rel: 0, abs: z * Math.sqrt(variance / n) },
    "sample mean",
  );
  assertClose(v, variance, {
    rel: 0,
    abs: z * Math.sqrt(Math.max(m4 - v * v, 0) / n),
  }, "variance");
}

/**
 * Asserts the empirical CDF of `x` agrees with `cdf` at each point of `at`, within
 * `z` binomial standard errors sqrt(F(1 − F)/N) plus `slack` (for approximate CDFs).
 */
export function assertCdf(
  x: Float64Array,
  cdf: (t: number) => number,
  at: number[],
  z = 5,
  slack = 1e-6,
): void {
  const sorted = x.slice().sort();
  const n = sorted.length;
  for (const t of at) {
    const f = cdf(t);
    const empirical = countAtMost(sorted, t) / n;
    assertClose(empirical, f, {
      rel: 0,
      abs: z * Math.sqrt(f * (1 - f) / n) + slack,
    }, `CDF(${t})`);
  }
}

function countAtMost(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Standard normal CDF via erfc (W. J. Cody's rational Chebyshev approximation as in
 * Numerical Recipes `erfcc`, fractional error < 1.2e-7).
 */
export function normalCdf(z: number): number {
  const x = -z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly = -x * x - 1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 +
                                    t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return 0.5 * (x >= 0 ? erfc : 2 - erfc);
}

/**
 * Histogram density like numpy `histogram(x, bins, density=True)`: returns bin
 * centres and densities over [min, max].
 */
export function histogramDensity(
  x: Float64Array,
  bins: number,
): { centres: number[]; density: number[] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const width = (hi - lo) / bins;
  const counts = new Float64Array(bins);
  for (const v of x) counts[Math.min(Math.floor((v - lo) / width), bins - 1)]++;
  return {
    centres: Array.from({ length: bins }, (_, i) => lo + (i + 0.5) * width),
    density: Array.from(counts, (c) => c / (x.length * width)),
  };
}

/** numpy `linspace(start, stop, num)`: i * step + start, last element exactly `stop`. */
export function linspace(
  start: number,
  stop: number,
  num: number,
): Float64Array {
  const out = new Float64Array(num);
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  out[num - 1] = stop;
  return out;
}

/** sha1 (hex) of the little-endian bytes of a float64 or uint32 array. */
export async function sha1Hex(x: Float64Array | Uint32Array): Promise<string> {
  const bytes = new Uint8Array(x.buffer, x.byteOffset, x.byteLength).slice();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}
