/**
 * Non-linear least squares with lower bounds of zero: a projected Levenberg–Marquardt
 * method (Marquardt's diagonal scaling; forward-difference Jacobian; parameters at the
 * bound whose gradient pushes outwards are held there). Deterministic: the same inputs
 * give the same iterates on every machine.
 *
 * Used for the CO2 fit, where the reference uses scipy's Powell method; the issue asks
 * for any sound bounded optimiser that reaches an objective at least as low.
 *
 * @module
 */

/** Options of {@link boundedLeastSquares}. */
export interface BoundedLeastSquaresOptions {
  /**
   * Largest number of accepted steps.
   *
   * @default {500}
   */
  readonly maxIterations?: number;
  /**
   * Stop when a step lowers the sum of squares by less than this fraction of it.
   *
   * @default {1e-15}
   */
  readonly relativeTolerance?: number;
}

/** Result of {@link boundedLeastSquares}. */
export interface BoundedLeastSquaresResult {
  /** The parameters found, all ≥ 0. */
  readonly x: number[];
  /** The residuals at `x`. */
  readonly residuals: Float64Array;
  /** Euclidean norm of the residuals at `x`. */
  readonly norm: number;
  /** Accepted steps. */
  readonly iterations: number;
  /** Residual evaluations. */
  readonly evaluations: number;
}

const sumOfSquares = (r: Float64Array) => {
  let s = 0;
  for (const v of r) s += v * v;
  return s;
};

/** Σ a[i] · b[i], summed in index order. */
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Solves A d = b (A symmetric positive definite, small) by Gaussian elimination with pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    const p = m[c][c];
    if (p === 0) continue;
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / p;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const d = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * d[k];
    d[r] = m[r][r] === 0 ? 0 : s / m[r][r];
  }
  return d;
}

/**
 * Minimises ‖residuals(x)‖ over x ≥ 0.
 *
 * @example Usage
 * ```ts
 * import { boundedLeastSquares } from "./mod.ts";
 * // Fit y = a·t + b to points on y = 2t − 1 with b ≥ 0: the best b is 0.
 * const t = [0, 1, 2, 3];
 * const fit = boundedLeastSquares(
 *   (x) => Float64Array.from(t, (ti) => x[0] * ti + x[1] - (2 * ti - 1)),
 *   [1, 1],
 * );
 * if (fit.x[1] !== 0 || Math.abs(fit.x[0] - 1.5714285714) > 1e-6) throw new Error("bad");
 * ```
 *
 * @param residuals The residual vector at x (same length at every x).
 * @param x0 Starting point (negative entries are moved to 0).
 * @param options Iteration limits.
 * @returns The parameters, residuals and norm reached.
 */
export function boundedLeastSquares(
  residuals: (x: readonly number[]) => Float64Array,
  x0: readonly number[],
  options: BoundedLeastSquaresOptions = {},
): BoundedLeastSquaresResult {
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.relativeTolerance ?? 1e-15;
  const p = x0.length;
  let evaluations = 0;
  const evaluate = (x: readonly number[]) => {
    evaluations++;
    return residuals(x);
  };
  let x = x0.map((v) => Math.max(0, v));
  let r = evaluate(x);
  let f = sumOfSquares(r);
  let mu = 1e-3;
  let iterations = 0;
  while (iterations < maxIterations && f > 0) {
    // Forward differences (x + h stays feasible).
    const columns: Float64Array[] = [];
    for (let j = 0; j < p; j++) {
      const h = 1e-7 * Math.max(Math.abs(x[j]), 1e-2);
      const xh = [...x];
      xh[j] += h;
      const rh = evaluate(xh);
      columns.push(rh.map((v, i) => (v - r[i]) / h));
    }
    const gradient = columns.map((c) => dot(c, r));
    const free = [...Array(p).keys()].filter((j) => x[j] > 0 || gradient[j] < 0);
    if (free.length === 0) break;
    // Jᵀ J over the free parameters: symmetric, so each pair's sum is computed once.
    const normal = free.map(() => new Array<number>(free.length));
    for (let k = 0; k < free.length; k++) {
      for (let l = k; l < free.length; l++) {
        normal[k][l] = normal[l][k] = dot(columns[free[k]], columns[free[l]]);
      }
    }
    const maxDiagonal = Math.max(...free.map((_, k) => normal[k][k]));
    let accepted = false;
    for (let attempt = 0; attempt < 60 && !accepted; attempt++) {
      const damped = normal.map((row, k) =>
        row.map((v, l) => (k === l ? v + mu * Math.max(v, 1e-12 * maxDiagonal) : v))
      );
      const step = solve(damped, free.map((j) => -gradient[j]));
      const xn = [...x];
      free.forEach((j, k) => (xn[j] = Math.max(0, x[j] + step[k])));
      const rn = evaluate(xn);
      const fn = sumOfSquares(rn);
      if (fn < f) {
        const decrease = f - fn;
        x = xn;
        r = rn;
        f = fn;
        mu = Math.max(mu / 3, 1e-15);
        accepted = true;
        iterations++;
        if (decrease <= tolerance * f) return result();
      } else {
        mu *= 4;
      }
    }
    if (!accepted) break;
  }
  return result();

  function result(): BoundedLeastSquaresResult {
    return { x, residuals: r, norm: Math.sqrt(f), iterations, evaluations };
  }
}
