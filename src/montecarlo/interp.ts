/**
 * Piecewise-linear interpolation with numpy `interp` semantics, used as the density
 * of the rejection samplers (the reference's viral-load and short-range distance
 * curves are such tables).
 *
 * @module
 */

/** A table for `interp(x, xp, fp, left, right)`; `xp` strictly increasing. */
export interface InterpTable {
  /** Abscissae, strictly increasing (at least 2 points). */
  readonly xp: Float64Array;
  /** Ordinates at `xp`. */
  readonly fp: Float64Array;
  /** Value for x < xp[0]. */
  readonly left: number;
  /** Value for x > xp[last]. */
  readonly right: number;
}

/**
 * Builds an {@link InterpTable}, checking its shape.
 *
 * @param xp Abscissae, strictly increasing, at least 2.
 * @param fp Ordinates, same length as `xp`, finite.
 * @param outside Values left of `xp[0]` and right of `xp[last]`.
 * @returns The table (copies of the inputs).
 * @throws {RangeError} When the lengths differ, `xp` is not increasing or a value is not finite.
 * @example Usage
 * ```ts
 * import { interp, interpTable } from "./interp.ts";
 * const t = interpTable([0, 1], [0, 2]);
 * if (interp(t, 0.25) !== 0.5) throw new Error("bad");
 * ```
 */
export function interpTable(
  xp: ArrayLike<number>,
  fp: ArrayLike<number>,
  outside: { left?: number; right?: number } = {},
): InterpTable {
  if (xp.length !== fp.length) {
    throw new RangeError(
      `expected xp and fp of the same length but found ${xp.length} and ${fp.length}`,
    );
  }
  if (xp.length < 2) {
    throw new RangeError(`expected at least 2 table points but found ${xp.length}`);
  }
  for (let i = 0; i < xp.length; i++) {
    if (!Number.isFinite(xp[i]) || !Number.isFinite(fp[i])) {
      throw new RangeError(`expected finite table values but found a non-finite value at ${i}`);
    }
    if (i > 0 && !(xp[i] > xp[i - 1])) {
      throw new RangeError(`expected strictly increasing xp but found xp[${i}] <= xp[${i - 1}]`);
    }
  }
  return {
    xp: Float64Array.from(xp),
    fp: Float64Array.from(fp),
    left: outside.left ?? fp[0],
    right: outside.right ?? fp[fp.length - 1],
  };
}

/**
 * numpy `interp` at one point: `left` below the table, `right` above it, the last
 * ordinate at the last abscissa, else `slope * (x - xp[j]) + fp[j]` with
 * `slope = (fp[j+1] - fp[j]) / (xp[j+1] - xp[j])` (numpy's exact expression).
 *
 * @param table The table.
 * @param x The point.
 * @returns The interpolated value.
 */
export function interp(table: InterpTable, x: number): number {
  const { xp, fp } = table;
  const last = xp.length - 1;
  if (x > xp[last]) return table.right;
  if (x < xp[0]) return table.left;
  if (x === xp[last]) return fp[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xp[mid] <= x) lo = mid;
    else hi = mid;
  }
  if (xp[lo] === x) return fp[lo];
  const slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
  return slope * (x - xp[lo]) + fp[lo];
}
