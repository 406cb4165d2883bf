/**
 * The timeline sums of many samples from a few: when the samples differ only in the
 * per-sample part of the removal rate (the deposition rate, a function of the particle
 * diameter) the normalised concentration C(t; r) and its integral are smooth (entire)
 * functions of r. They are evaluated exactly at K Chebyshev nodes spanning the samples'
 * range of r (one kernel pass over K "samples"), expanded in Chebyshev polynomials, and
 * the weighted sums over the N samples follow from the weights' Chebyshev moments
 * Σ_i w_i T_k(x_i): O(N·K) instead of O(N·events).
 *
 * The expansion is accepted only when its last coefficients are below 1e-13 of the
 * largest, i.e. converged down to the rounding floor of the node values (else the caller
 * runs the exact per-sample pass); results then agree with the exact pass to about 1e-13.
 * Terms past the last coefficient above that threshold are dropped (typically 13–28 of
 * the 64 remain), which shortens the moments and the per-sample Clenshaw sums.
 *
 * see: J. P. Boyd, Chebyshev and Fourier Spectral Methods (Dover, 2001), ch. 2 and 4
 *      (interpolation at Chebyshev–Gauss nodes, geometric convergence for analytic
 *      functions); L. N. Trefethen, Approximation Theory and Approximation Practice
 *      (SIAM, 2013), ch. 8.
 *
 * @module
 */
import {
  chebyshevCoefficients,
  chebyshevMoments,
  clenshawColumn,
  columnRangeInKernel,
  normalizeColumn,
} from "../kernel/columns.ts";
import type { Kernel } from "../kernel/kernel.ts";
import { weightedTotals } from "../kernel/statistics.ts";
import { cacheSlot, type EvaluationCache } from "./evaluation_cache.ts";
import {
  timelineBatch,
  type TimelineInputs,
  type TimelineRequest,
  type TimelineResult,
} from "./timeline.ts";
import { lane, type Vec } from "./vec.ts";

/** Number of Chebyshev nodes. */
const NODES = 64;
/** Largest accepted size of the trailing coefficients, relative to the largest one. */
const TAIL = 1e-13;
/** cos(π k (j + ½) / K) at [k·K + j]: the discrete Chebyshev transform at the Gauss nodes. */
const COS_TABLE = (() => {
  const table = new Float64Array(NODES * NODES);
  for (let k = 0; k < NODES; k++) {
    for (let j = 0; j < NODES; j++) {
      table[k * NODES + j] = Math.cos(Math.PI * k * (j + 0.5) / NODES);
    }
  }
  return table;
})();

/**
 * The batch of `request` through a Chebyshev expansion in the per-sample removal rate,
 * or undefined when it does not apply (scalar rate, per-sample background) or would not
 * be accurate enough.
 */
export function chebyshevBatch(
  kernel: Kernel,
  cache: EvaluationCache,
  inputs: TimelineInputs,
  request: TimelineRequest,
): TimelineResult | undefined {
  const dep = inputs.dep;
  const background = uniform(cache, inputs.background);
  if (typeof dep === "number" && background === undefined) {
    return affineBatch(kernel, inputs, request);
  }
  if (typeof dep === "number" || background === undefined) return undefined;
  // Per-sample integral columns alone are cheaper in the exact pass.
  const sumsWanted = (request.times ?? []).length + (request.integralTimes ?? []).length;
  if (sumsWanted === 0) return undefined;
  const [lo, hi] = rangeOf(cache, dep);
  if (!(hi - lo > 1e-9 * Math.max(1, Math.abs(hi)))) return undefined;
  const mid = (hi + lo) / 2;
  const half = (hi - lo) / 2;
  const K = NODES;
  const nodes = Float64Array.from(
    { length: K },
    (_, j) => mid + half * Math.cos(Math.PI * (j + 0.5) / K),
  );
  const oneHot = Array.from({ length: K }, (_, j) => {
    const w = new Float64Array(K);
    w[j] = 1;
    return w;
  });
  const times = request.times ?? [];
  const integralTimes = [...new Set(request.integralTimes ?? [])].sort((a, b) => a - b);
  const atNodes = timelineBatch(kernel, { ...inputs, dep: nodes, background }, {
    times,
    weights: times.length > 0 ? oneHot : [],
    intervals: request.intervals,
    integralTimes,
    integralWeights: integralTimes.length > 0 && (request.integralWeights ?? []).length > 0
      ? oneHot
      : [],
  });

  // Every expansion's coefficients at once, in the kernel: the values at the nodes of the
  // curve times, then of the integral times, then of the integral columns.
  const expansions = times.length + integralTimes.length + atNodes.integrals.length;
  const firstIntegralSum = times.length;
  const firstIntegral = firstIntegralSum + integralTimes.length;
  const fill = (values: Float64Array) => {
    for (let j = 0; j < K; j++) {
      const row = j * expansions;
      const sums = atNodes.sums[j];
      if (sums !== undefined) values.set(sums, row);
      const integralSums = atNodes.integralSums[j];
      if (integralSums !== undefined) values.set(integralSums, row + firstIntegralSum);
      for (let c = 0; c < atNodes.integrals.length; c++) {
        values[row + firstIntegral + c] = (atNodes.integrals[c] as Float64Array)[j];
      }
    }
  };
  return chebyshevCoefficients(
    kernel,
    K,
    expansions,
    fill,
    COS_TABLE,
    TAIL,
    (block, degrees, refused) => {
      if (refused > 0) return undefined;
      let degree = 1;
      for (let e = 0; e < expansions; e++) degree = Math.max(degree, degrees[e]);

      const weights = request.weights ?? [1];
      const integralWeights = request.integralWeights ?? [];
      const { x, moments } = cachedMoments(
        kernel,
        cache,
        dep,
        mid,
        half,
        [...weights, ...integralWeights],
        degree,
      );

      /** Σ_k a_k m_k of expansion `e` (its kept coefficients, in k order) and moments `m`. */
      const dot = (e: number, m: Float64Array): number => {
        const offset = e * K;
        let s = 0;
        for (let k = 0; k < degrees[e]; k++) s += block[offset + k] * m[k];
        return s;
      };
      const sums = weights.map((_, w) => Float64Array.from(times, (_, t) => dot(t, moments[w])));
      const integralSums = integralWeights.map((_, w) =>
        Float64Array.from(
          integralTimes,
          (_, t) => dot(firstIntegralSum + t, moments[weights.length + w]),
        )
      );
      // Per sample, in the kernel: Σ_k a_k T_k(x_i).
      const integrals: Vec[] = atNodes.integrals.map((_, c) => {
        const e = firstIntegral + c;
        return clenshawColumn(kernel, block.subarray(e * K, e * K + degrees[e]), x);
      });
      return { sums, integrals, integralSums };
    },
  );
}

/**
 * With one removal rate for all samples, C(t) and its integral are affine in the
 * normalised background b (C = A(t) + B(t) b), so two evaluations (b = 0 and b = 1)
 * give every weighted sum: Σ w_i C_i = A Σ w_i + B Σ w_i b_i. (The CO2 model: the
 * background over the per-sample exhalation.)
 */
function affineBatch(
  kernel: Kernel,
  inputs: TimelineInputs,
  request: TimelineRequest,
): TimelineResult | undefined {
  const b = inputs.background;
  if (typeof b === "number" || (request.intervals ?? []).length > 0) return undefined;
  const times = request.times ?? [];
  const integralTimes = [...new Set(request.integralTimes ?? [])].sort((x, y) => x - y);
  const ends = Float64Array.of(0, 1);
  const twoSamples = [Float64Array.of(1, 0), Float64Array.of(0, 1)];
  const atEnds = timelineBatch(kernel, { ...inputs, background: ends }, {
    times,
    weights: twoSamples,
    integralTimes,
    integralWeights: integralTimes.length > 0 ? twoSamples : [],
  });
  const totals = (w: Vec): [number, number] => {
    const inKernel = weightedTotals(w, b);
    if (inKernel !== undefined) return inKernel;
    let sw = 0;
    let swb = 0;
    const [ws, step] = lane(w);
    for (let i = 0; i < b.length; i++) {
      const wi = ws[i * step];
      sw += wi;
      swb += wi * b[i];
    }
    return [sw, swb];
  };
  const combine = (values: Float64Array[], column: number, [sw, swb]: [number, number]) => {
    const a = values[0][column];
    const slope = values[1][column] - a;
    return a * sw + slope * swb;
  };
  const weights = request.weights ?? [1];
  const sums = weights.map((w) => {
    const t = totals(w);
    return Float64Array.from(times, (_, j) => combine(atEnds.sums, j, t));
  });
  const integralSums = (request.integralWeights ?? []).map((w) => {
    const t = totals(w);
    return Float64Array.from(integralTimes, (_, j) => combine(atEnds.integralSums, j, t));
  });
  return { sums, integrals: [], integralSums };
}

/** Smallest and largest value of a rate column. */
const RANGES = cacheSlot<Float64Array, readonly [number, number]>("column range");

function rangeOf(cache: EvaluationCache, values: Float64Array): readonly [number, number] {
  return cache.get(RANGES, values, () => {
    const inKernel = columnRangeInKernel(values);
    if (inKernel !== undefined) return inKernel;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      if (values[i] < lo) lo = values[i];
      if (values[i] > hi) hi = values[i];
    }
    return [lo, hi] as const;
  });
}

/** The common value of a column whose samples are all equal (undefined otherwise). */
const COMMON_VALUES = cacheSlot<Float64Array, number | undefined>("common value");

/** The common value of a vector whose samples are all equal (e.g. a zero background). */
function uniform(cache: EvaluationCache, v: Vec): number | undefined {
  if (typeof v === "number") return v;
  return cache.get(COMMON_VALUES, v, () => {
    let common: number | undefined = v.length > 0 ? v[0] : undefined;
    for (let i = 1; i < v.length && common !== undefined; i++) {
      if (v[i] !== v[0]) common = undefined;
    }
    return common;
  });
}

/** Normalised rates and weight moments of one rate column, reused across batches. */
interface MomentCache {
  mid: number;
  half: number;
  x: Float64Array;
  byArray: WeakMap<Float64Array, Float64Array>;
  byScalar: Map<number, Float64Array>;
}

/** The moment cache of a rate column (for one normalisation). */
const MOMENTS = cacheSlot<Float64Array, MomentCache[]>("Chebyshev moments");

/**
 * x_i = (dep_i − mid)/half and the first `degree` moments of each weight, computing only
 * those not seen before (or seen to a lower degree) for this (immutable) rate column: the
 * exposure model asks for the same weights (e.g. the emission rates) at many times.
 */
function cachedMoments(
  kernel: Kernel,
  caches: EvaluationCache,
  dep: Float64Array,
  mid: number,
  half: number,
  weights: readonly Vec[],
  degree: number,
): { x: Float64Array; moments: Float64Array[] } {
  const all = caches.get(MOMENTS, dep, () => []);
  let c = all[0];
  if (c === undefined || c.mid !== mid || c.half !== half) {
    const x = normalizeColumn(kernel, dep, mid, half);
    c = { mid, half, x, byArray: new WeakMap(), byScalar: new Map() };
    all[0] = c;
  }
  const lookup = (w: Vec) => typeof w === "number" ? c.byScalar.get(w) : c.byArray.get(w);
  const missing = [...new Set(weights.filter((w) => (lookup(w)?.length ?? 0) < degree))];
  const fresh = chebyshevMoments(kernel, c.x, missing, degree);
  missing.forEach((w, k) => {
    if (typeof w === "number") c.byScalar.set(w, fresh[k]);
    else c.byArray.set(w, fresh[k]);
  });
  return { x: c.x, moments: weights.map((w) => lookup(w)!) };
}
