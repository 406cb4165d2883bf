/**
 * Powell's conjugate-direction method with bounds, step for step as scipy 1.10
 * `optimize.minimize(method="powell")` runs it (`_optimize.py`: `_minimize_powell`,
 * `_linesearch_powell`, `_line_for_search`, `_minimize_scalar_bounded`): line searches
 * with the bounded Brent method (one-sided bounds through the arctan transform),
 * direction replacement by the extrapolation test, stop when one sweep lowers the
 * objective by less than `ftol` relatively. Used by the CO2 fit, so that our fit follows
 * the reference's path (the reference: `xtol=1e-3`, bounds ≥ 0, start at ones).
 *
 * @module
 */

/** Options of {@link minimizePowell}. */
export interface PowellOptions {
  /** Lower bound of each parameter (default: none). */
  readonly lowerBounds?: readonly number[];
  /** Upper bound of each parameter (default: none; use Infinity for one-sided bounds). */
  readonly upperBounds?: readonly number[];
  /**
   * Line-search tolerance (scipy `xtol`).
   *
   * @default {1e-4}
   */
  readonly xtol?: number;
  /**
   * Relative decrease of the objective below which the search stops (scipy `ftol`).
   *
   * @default {1e-4}
   */
  readonly ftol?: number;
  /**
   * Largest number of objective evaluations.
   *
   * @default {1000 × the number of parameters}
   */
  readonly maxEvaluations?: number;
}

/** Result of {@link minimizePowell}. */
export interface PowellResult {
  /** The parameters found. */
  readonly x: number[];
  /** The objective at `x`. */
  readonly fun: number;
  /** Sweeps over the directions. */
  readonly iterations: number;
  /** Objective evaluations. */
  readonly evaluations: number;
  /** Why the search stopped: converged, or a limit reached. */
  readonly status: "converged" | "max-evaluations" | "max-iterations";
}

/** Thrown inside the search when the evaluation budget is spent (scipy `_MaxFuncCallError`). */
class EvaluationBudgetSpent extends Error {}

const SQRT_EPS = Math.sqrt(2.2e-16);
const GOLDEN_MEAN = 0.5 * (3.0 - Math.sqrt(5.0));

/** numpy's `sign(v) + (v == 0)`: 1 for zero. */
const signOrOne = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 1);

/**
 * Minimises a function of one variable on [lower, upper] (scipy `fminbound` /
 * `_minimize_scalar_bounded`: golden section with parabolic steps).
 *
 * @param f The function.
 * @param lower Lower end.
 * @param upper Upper end (≥ lower).
 * @param xatol Absolute tolerance on the argument.
 * @param maxIterations Largest number of evaluations.
 * @returns The argument and value of the minimum found.
 */
export function minimizeScalarBounded(
  f: (x: number) => number,
  lower: number,
  upper: number,
  xatol = 1e-5,
  maxIterations = 500,
): { x: number; fun: number } {
  let a = lower;
  let b = upper;
  let fulc = a + GOLDEN_MEAN * (b - a);
  let nfc = fulc;
  let xf = fulc;
  let rat = 0;
  let e = 0;
  let x = xf;
  let fx = f(x);
  let num = 1;
  let ffulc = fx;
  let fnfc = fx;
  let xm = 0.5 * (a + b);
  let tol1 = SQRT_EPS * Math.abs(xf) + xatol / 3.0;
  let tol2 = 2.0 * tol1;
  while (Math.abs(xf - xm) > tol2 - 0.5 * (b - a)) {
    let golden = true;
    if (Math.abs(e) > tol1) {
      golden = false;
      let r = (xf - nfc) * (fx - ffulc);
      let q = (xf - fulc) * (fx - fnfc);
      let p = (xf - fulc) * q - (xf - nfc) * r;
      q = 2.0 * (q - r);
      if (q > 0.0) p = -p;
      q = Math.abs(q);
      r = e;
      e = rat;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf)) {
        rat = (p + 0.0) / q;
        x = xf + rat;
        if (x - a < tol2 || b - x < tol2) rat = tol1 * signOrOne(xm - xf);
      } else {
        golden = true;
      }
    }
    if (golden) {
      e = xf >= xm ? a - xf : b - xf;
      rat = GOLDEN_MEAN * e;
    }
    x = xf + signOrOne(rat) * Math.max(Math.abs(rat), tol1);
    const fu = f(x);
    num += 1;
    if (fu <= fx) {
      if (x >= xf) a = xf;
      else b = xf;
      fulc = nfc;
      ffulc = fnfc;
      nfc = xf;
      fnfc = fx;
      xf = x;
      fx = fu;
    } else {
      if (x < xf) a = x;
      else b = x;
      if (fu <= fnfc || nfc === xf) {
        fulc = nfc;
        ffulc = fnfc;
        nfc = x;
        fnfc = fu;
      } else if (fu <= ffulc || fulc === xf || fulc === nfc) {
        fulc = x;
        ffulc = fu;
      }
    }
    xm = 0.5 * (a + b);
    tol1 = SQRT_EPS * Math.abs(xf) + xatol / 3.0;
    tol2 = 2.0 * tol1;
    if (num >= maxIterations) break;
  }
  return { x: xf, fun: fx };
}

/**
 * The range of steps l with lower ≤ x + l·direction ≤ upper for every parameter the
 * direction moves (scipy `_line_for_search`); (0, 0) when there is none.
 */
function lineForSearch(
  x: readonly number[],
  direction: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): [number, number] {
  let lmin = -Infinity;
  let lmax = Infinity;
  for (let i = 0; i < x.length; i++) {
    const d = direction[i];
    if (d === 0) continue;
    const low = (lower[i] - x[i]) / d;
    const high = (upper[i] - x[i]) / d;
    lmin = Math.max(lmin, d > 0 ? low : high);
    lmax = Math.min(lmax, d > 0 ? high : low);
  }
  return lmax >= lmin ? [lmin, lmax] : [0, 0];
}

/**
 * Minimises `f` over the box given by the bounds.
 *
 * @example Usage
 * ```ts
 * import { minimizePowell } from "./mod.ts";
 * const r = minimizePowell(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0], {
 *   lowerBounds: [0, 0],
 *   upperBounds: [Infinity, Infinity],
 * });
 * if (Math.abs(r.x[0] - 1) > 1e-3 || Math.abs(r.x[1]) > 1e-3) throw new Error("bad");
 * ```
 *
 * @param f The objective.
 * @param x0 Starting point.
 * @param options Bounds and tolerances.
 * @returns The point reached.
 */
export function minimizePowell(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: PowellOptions = {},
): PowellResult {
  const n = x0.length;
  const xtol = options.xtol ?? 1e-4;
  const ftol = options.ftol ?? 1e-4;
  const maxEvaluations = options.maxEvaluations ?? n * 1000;
  const maxIterations = n * 1000;
  const bounded = options.lowerBounds !== undefined || options.upperBounds !== undefined;
  const lower = options.lowerBounds ?? new Array(n).fill(-Infinity);
  const upper = options.upperBounds ?? new Array(n).fill(Infinity);
  let evaluations = 0;
  const func = (x: readonly number[]) => {
    if (evaluations >= maxEvaluations) throw new EvaluationBudgetSpent();
    evaluations++;
    return f(x);
  };
  const along = (p: readonly number[], d: readonly number[], alpha: number) =>
    p.map((v, i) => v + alpha * d[i]);

  /** One line search from p along xi (scipy `_linesearch_powell`, bounded branch). */
  const lineSearch = (
    p: readonly number[],
    xi: readonly number[],
    fval: number,
  ): [number, number[], number[]] => {
    if (xi.every((v) => v === 0)) return [fval, [...p], [...xi]];
    if (!bounded) throw new RangeError("minimizePowell needs bounds (unbounded search not ported)");
    const [lmin, lmax] = lineForSearch(p, xi, lower, upper);
    const tolerance = (xtol * 100) / 100;
    if (Number.isFinite(lmin) && Number.isFinite(lmax)) {
      const r = minimizeScalarBounded((a) => func(along(p, xi, a)), lmin, lmax, tolerance);
      const step = xi.map((v) => r.x * v);
      return [r.fun, along(p, step, 1), step];
    }
    if (lmin === -Infinity && lmax === Infinity) {
      throw new RangeError("minimizePowell: a direction free in both senses (not ported)");
    }
    const r = minimizeScalarBounded(
      (a) => func(along(p, xi, Math.tan(a))),
      Math.atan(lmin),
      Math.atan(lmax),
      tolerance,
    );
    const step = xi.map((v) => Math.tan(r.x) * v);
    return [r.fun, along(p, step, 1), step];
  };

  const directions = Array.from({ length: n }, (_, i) => {
    const row = new Array<number>(n).fill(0);
    row[i] = 1;
    return row;
  });
  let x = [...x0];
  let fval = func(x);
  let x1 = [...x];
  let iterations = 0;
  let status: PowellResult["status"] = "converged";
  try {
    for (;;) {
      const fx = fval;
      let bigind = 0;
      let delta = 0.0;
      for (let i = 0; i < n; i++) {
        const fx2 = fval;
        [fval, x] = lineSearch(x, directions[i], fval);
        if (fx2 - fval > delta) {
          delta = fx2 - fval;
          bigind = i;
        }
      }
      iterations++;
      const bnd = ftol * (Math.abs(fx) + Math.abs(fval)) + 1e-20;
      if (2.0 * (fx - fval) <= bnd) break;
      if (evaluations >= maxEvaluations) {
        status = "max-evaluations";
        break;
      }
      if (iterations >= maxIterations) {
        status = "max-iterations";
        break;
      }
      if (Number.isNaN(fx) && Number.isNaN(fval)) break;
      let direction = x.map((v, i) => v - x1[i]);
      x1 = [...x];
      const lmax = lineForSearch(x, direction, lower, upper)[1];
      const x2 = along(x, direction, Math.min(lmax, 1));
      const fx2 = func(x2);
      if (fx > fx2) {
        let t = 2.0 * (fx + fx2 - 2.0 * fval);
        let temp = fx - fval - delta;
        t *= temp * temp;
        temp = fx - fx2;
        t -= delta * temp * temp;
        if (t < 0.0) {
          [fval, x, direction] = lineSearch(x, direction, fval);
          if (direction.some((v) => v !== 0)) {
            directions[bigind] = directions[n - 1];
            directions[n - 1] = direction;
          }
        }
      }
    }
  } catch (error) {
    if (!(error instanceof EvaluationBudgetSpent)) throw error;
    status = "max-evaluations";
  }
  return { x, fun: fval, iterations, evaluations, status };
}
