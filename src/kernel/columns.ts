/**
 * Typed per-sample column operations of the kernel: each takes and returns columns
 * (`Float64Array`, freed with the innermost column arena, see ./column_arena.ts) and
 * numbers, and owns the kernel memory, offsets and calls behind it. The formulas are
 * those of asm/particles.ts, asm/dose_response.ts, asm/interval_doses.ts,
 * asm/chebyshev.ts and asm/libm.ts; the callers document the physics.
 *
 * @module
 */
import { kernelColumn, releaseColumn } from "./column_arena.ts";
import type { Kernel } from "./kernel.ts";
import { sharedKernel } from "./shared.ts";

/** A per-sample column or one value for every sample. */
export type ColumnOrScalar = Float64Array | number;

const F64_BYTES = Float64Array.BYTES_PER_ELEMENT;
const U32_BYTES = Uint32Array.BYTES_PER_ELEMENT;

/**
 * Whether the kernel can use `out` and the operands where they are: `out` and every
 * column operand in its memory, each column of out.length values (a number is one value
 * for every sample).
 */
function inKernel(k: Kernel, out: Float64Array, operands: readonly ColumnOrScalar[]): boolean {
  const n = out.length;
  return k.owns(out) &&
    operands.every((x) => typeof x === "number" || (x.length === n && k.owns(x)));
}

/** An operand's pointer for a kernel function: its byte offset, or 0 for one value. */
function pointerOf(x: ColumnOrScalar): number {
  return typeof x === "number" ? 0 : x.byteOffset;
}

/** An operand's one value for a kernel function (0 for a column, which is read instead). */
function scalarOf(x: ColumnOrScalar): number {
  return typeof x === "number" ? x : 0;
}

/**
 * Removal rate by gravitational deposition (h⁻¹) of each diameter after evaporation
 * (asm/particles.ts `deposition_rate`).
 *
 * @param diameterUm Diameters at emission, µm.
 * @param evaporationFactor Factor applied to the diameter once airborne.
 * @returns The rates, h⁻¹.
 */
export function depositionRateColumn(
  diameterUm: Float64Array,
  evaporationFactor: number,
): Float64Array {
  const k = sharedKernel();
  const n = diameterUm.length;
  return kernelColumn(
    k,
    n,
    (out) => k.exports.deposition_rate(out, k.ref(diameterUm), n, evaporationFactor),
  );
}

/**
 * Fraction of inhaled particles deposited in the respiratory tract for each diameter
 * after evaporation (asm/particles.ts `fraction_deposited`).
 *
 * @param diameterUm Diameters at emission, µm.
 * @param evaporationFactor Factor applied to the diameter once airborne.
 * @param over `diameterUm` itself to write the fractions over the diameters (no new
 *   column when it is in the kernel).
 * @returns The fractions, 0–1 (`over` when given).
 */
export function fractionDepositedColumn(
  diameterUm: Float64Array,
  evaporationFactor: number,
  over?: Float64Array,
): Float64Array {
  const k = sharedKernel();
  const n = diameterUm.length;
  if (over === diameterUm && k.owns(over)) {
    // Each sample's diameter is read before its fraction is written (asm/particles.ts).
    k.exports.fraction_deposited(over.byteOffset, over.byteOffset, n, evaporationFactor);
    return over;
  }
  const fractions = kernelColumn(
    k,
    n,
    (out) => k.exports.fraction_deposited(out, k.ref(diameterUm), n, evaporationFactor),
  );
  if (over === undefined) return fractions;
  over.set(fractions);
  releaseColumn(fractions);
  return over;
}

/**
 * Aerosol volume (mL/cm³) of a single expiration over a diameter column, through a mask
 * (asm/particles.ts `aerosol_volume`).
 *
 * @param diameterUm Diameters, µm.
 * @param cn Particle emission concentration, cm⁻³.
 * @param etaExhale The mask's exhalation efficiency per sample, for all samples, or
 *   undefined for the mask's fit over the diameter.
 * @param factorExhale The mask's exhalation factor.
 * @returns The volumes, mL/cm³.
 */
export function aerosolVolumeColumn(
  diameterUm: Float64Array,
  cn: number,
  etaExhale: ColumnOrScalar | undefined,
  factorExhale: number,
): Float64Array {
  const k = sharedKernel();
  const n = diameterUm.length;
  return kernelColumn(k, n, (out) => {
    const etaColumn = etaExhale !== undefined && typeof etaExhale !== "number"
      ? k.ref(etaExhale)
      : 0;
    k.exports.aerosol_volume(
      out,
      k.ref(diameterUm),
      n,
      cn,
      etaColumn,
      typeof etaExhale === "number" ? etaExhale : 0,
      etaExhale === undefined ? 1 : 0,
      factorExhale,
    );
  });
}

/**
 * ((load × exhalation) × (ratio × (1 − immunity))) × factor per sample, each input a
 * column of `n` values or one value (asm/particles.ts `emission_per_aerosol`).
 *
 * @param n Number of samples.
 * @param load Viral load in sputum, RNA copies/mL.
 * @param exhalation Exhalation rate, m³/h.
 * @param ratio Viable-to-RNA ratio.
 * @param immunity Host immunity, 0–1.
 * @param factor The constant factor (a unit conversion).
 * @returns The column.
 */
export function emissionPerAerosolColumn(
  n: number,
  load: ColumnOrScalar,
  exhalation: ColumnOrScalar,
  ratio: ColumnOrScalar,
  immunity: ColumnOrScalar,
  factor: number,
): Float64Array {
  const k = sharedKernel();
  return kernelColumn(k, n, (out) => {
    const at = (x: ColumnOrScalar) => (typeof x === "number" ? k.put([x]) : k.ref(x));
    const stride = (x: ColumnOrScalar) => (typeof x === "number" ? 0 : 1);
    k.exports.emission_per_aerosol(
      out,
      n,
      at(load),
      stride(load),
      at(exhalation),
      stride(exhalation),
      at(ratio),
      stride(ratio),
      at(immunity),
      stride(immunity),
      factor,
    );
  });
}

/**
 * The exponential dose-response (1 − e^(−x)) · 100 (%), with glibc's exp, of the `n`
 * values that `fill` writes (asm/dose_response.ts), into `out`.
 *
 * @param n Number of values.
 * @param fill Writes the doses in units of ID63 into the column it is given (n values).
 * @param out Receives the probabilities, % (n values).
 */
export function infectionPercentInto(
  n: number,
  fill: (dose: Float64Array) => void,
  out: Float64Array,
): void {
  const k = sharedKernel();
  k.scope(() => {
    const p = k.alloc(n * F64_BYTES);
    fill(k.f64(p, n));
    k.exports.infection_percent(p, n);
    out.set(k.f64(p, n));
  });
}

/**
 * The exponential dose-response (1 − e^(−x)) · 100 (%), with glibc's exp, of per-sample
 * doses (virions) in the kernel (asm/dose_response.ts `infection_percent_of_dose`), x
 * being the dose in units of ID63: ((dose · times) / per) · (1 − immunity) /
 * ((oneOverLn2 · ID50) · transmissibility), when `out`, `dose` and the column inputs are
 * all in the shared kernel's memory with the same length; else nothing, and false (the
 * caller then uses {@link infectionPercentInto}).
 *
 * @param out Receives the probabilities, % (may be `dose`).
 * @param dose Deposited dose per sample, virions.
 * @param times Multiplies the dose.
 * @param per Divides the dose (after `times`).
 * @param immunity Host immunity, 0–1, per sample or for all.
 * @param id50 Infectious dose ID50 per sample or for all, virions.
 * @param oneOverLn2 1 / ln 2 (ID63 = ID50 / ln 2).
 * @param transmissibility The variant's transmissibility factor.
 * @returns Whether the kernel wrote `out`.
 */
export function infectionPercentOfDoseInKernel(
  out: Float64Array,
  dose: Float64Array,
  times: number,
  per: number,
  immunity: ColumnOrScalar,
  id50: ColumnOrScalar,
  oneOverLn2: number,
  transmissibility: number,
): boolean {
  const n = out.length;
  const k = sharedKernel();
  if (dose.length !== n || !inKernel(k, out, [dose, immunity, id50])) return false;
  k.exports.infection_percent_of_dose(
    out.byteOffset,
    dose.byteOffset,
    n,
    times,
    per,
    pointerOf(immunity),
    scalarOf(immunity),
    pointerOf(id50),
    scalarOf(id50),
    oneOverLn2,
    transmissibility,
  );
  return true;
}

/**
 * Runs `body` with a function that sums interval doses per sample: for dose factors
 * (per-sample columns of `n` values or numbers) fixed for the whole body, `sumInto(rows,
 * into)` writes into `into` (n values) Σ over the rows in order of Σ_k row[k] · factor_k
 * (asm/interval_doses.ts). The factors go into the kernel once.
 *
 * @param factors The dose factors.
 * @param n Number of samples.
 * @param body The computation.
 * @returns What `body` returns.
 */
export function withIntervalDoses<T>(
  factors: readonly ColumnOrScalar[],
  n: number,
  body: (sumInto: (rows: readonly (readonly number[])[], into: Float64Array) => void) => T,
): T {
  const k = sharedKernel();
  return k.scope(() => {
    const columns = factors.map((f) => (typeof f === "number" ? 0 : k.ref(f)));
    const factorColumns = k.alloc(columns.length * U32_BYTES);
    k.u32(factorColumns, columns.length).set(columns);
    const scalars = k.put(factors.map((f) => (typeof f === "number" ? f : 0)));
    const out = k.alloc(n * F64_BYTES);
    return body((rows, into) =>
      k.scope(() => {
        const flat = k.put(rows.flat());
        k.exports.interval_doses(
          out,
          n,
          flat,
          rows.length,
          factors.length,
          factorColumns,
          scalars,
        );
        into.set(k.f64(out, n));
      })
    );
  });
}

/**
 * log10 of each value, rounded like glibc's `log10` (numpy's) (asm/libm.ts).
 *
 * @param x The values.
 * @param out Receives the logarithms (same length).
 * @throws {RangeError} When `out` and `x` have different lengths.
 */
export function log10Into(x: Float64Array, out: Float64Array): void {
  const k = sharedKernel();
  const n = x.length;
  if (out.length !== n) {
    throw new RangeError(`expected ${n} values for the logarithms but found ${out.length}`);
  }
  k.scope(() => {
    // Written where `out` is when it is in the kernel's memory (a report's column).
    if (k.owns(out)) {
      k.exports.log10_column(k.ref(x), out.byteOffset, n);
      return;
    }
    const result = k.alloc(n * F64_BYTES);
    k.exports.log10_column(k.ref(x), result, n);
    out.set(k.f64(result, n));
  });
}

/**
 * (x − mid) / half of each value (asm/chebyshev.ts).
 *
 * @param kernel The kernel whose column heap holds the result.
 * @param x The values.
 * @param mid Subtracted.
 * @param half Divisor.
 * @returns The column.
 */
export function normalizeColumn(
  kernel: Kernel,
  x: Float64Array,
  mid: number,
  half: number,
): Float64Array {
  const n = x.length;
  return kernelColumn(
    kernel,
    n,
    (out) => kernel.exports.normalize_column(out, kernel.ref(x), n, mid, half),
  );
}

/**
 * Σ_{k < degree} a_k T_k(x_i) of each value of `x` (Clenshaw's recurrence,
 * asm/chebyshev.ts).
 *
 * @param kernel The kernel whose column heap holds the result.
 * @param a The Chebyshev coefficients.
 * @param x The points, in [−1, 1].
 * @returns The column.
 */
export function clenshawColumn(
  kernel: Kernel,
  a: ArrayLike<number>,
  x: Float64Array,
): Float64Array {
  const n = x.length;
  return kernelColumn(
    kernel,
    n,
    (out) => kernel.exports.clenshaw_column(kernel.put(a), a.length, kernel.ref(x), n, out),
  );
}

/**
 * In place, every value of `column` at or below 0 (−0 included, NaN not) becomes `floor`,
 * in the kernel (asm/elementwise.ts `raise_nonpositive`) when the column lives there.
 *
 * @param column The values.
 * @param floor Their new value.
 * @returns False when the column is not in the shared kernel's memory (nothing done).
 */
export function raiseNonPositiveInKernel(column: Float64Array, floor: number): boolean {
  const k = sharedKernel();
  if (!k.owns(column)) return false;
  k.exports.raise_nonpositive(column.byteOffset, column.length, floor);
  return true;
}

/**
 * The smallest and the largest value of `column` (NaNs skipped; [∞, −∞] when empty), in
 * the kernel (asm/reductions.ts `column_range`, two values at a time) when the column
 * lives there.
 *
 * @param column The values.
 * @returns [smallest, largest], or undefined when the column is not in the shared
 *   kernel's memory (nothing done).
 */
export function columnRangeInKernel(column: Float64Array): [number, number] | undefined {
  const k = sharedKernel();
  if (!k.owns(column)) return undefined;
  return k.scope(() => {
    const out = k.alloc(16);
    k.exports.column_range(column.byteOffset, column.length, out);
    const [lo, hi] = k.f64(out, 2);
    return [lo, hi];
  });
}

/**
 * Whether every value of `column` is finite and not ±0, in the kernel (asm/elementwise.ts
 * `all_finite_nonzero`) when the column lives there.
 *
 * @param column The values.
 * @returns The answer, or undefined when the column is not in the shared kernel's memory
 *   (nothing done).
 */
export function allFiniteNonZeroInKernel(column: Float64Array): boolean | undefined {
  const k = sharedKernel();
  if (!k.owns(column)) return undefined;
  return k.exports.all_finite_nonzero(column.byteOffset, column.length) === 1;
}

/**
 * The Chebyshev coefficients of `count` expansions from their values at the K nodes,
 * computed in the kernel (asm/chebyshev.ts `chebyshev_coefficients`: folded about the
 * middle node, each sum in node order, every expansion cut after its last coefficient
 * above `tail` × its largest and refused when one of its last three is above that).
 * Everything lives in the kernel's stack while `use` runs; its views are not valid after.
 *
 * @param kernel The kernel.
 * @param k Number of nodes K (a multiple of 8).
 * @param count Number of expansions.
 * @param fill Writes the values, node-major: expansion e's value at node j at j·count + e.
 * @param cosTable cos(π k (j + ½) / K) at k·K + j.
 * @param tail Relative threshold of the coefficients kept.
 * @param use Reads the coefficients (expansion e's K at e·K), each expansion's number of
 *   coefficients kept (0: refused) and the number refused.
 * @returns What `use` returns.
 */
export function chebyshevCoefficients<T>(
  kernel: Kernel,
  k: number,
  count: number,
  fill: (values: Float64Array) => void,
  cosTable: Float64Array,
  tail: number,
  use: (coefficients: Float64Array, degrees: Uint32Array, refused: number) => T,
): T {
  return kernel.scope(() => {
    const values = kernel.alloc(k * count * 8);
    fill(kernel.f64(values, k * count));
    const out = kernel.alloc(count * k * 8);
    const degrees = kernel.alloc(count * 4);
    const refused = kernel.exports.chebyshev_coefficients(
      values,
      count,
      k,
      kernel.ref(cosTable),
      tail,
      out,
      degrees,
      kernel.alloc(k * 8),
    );
    return use(kernel.f64(out, count * k), kernel.u32(degrees, count), refused);
  });
}

/**
 * For each weight w (a column of `x.length` values or a number): μ_k = Σ_i w_i T_k(x_i),
 * k < `degree` (asm/chebyshev.ts). The sum is taken over a fixed grid of parts of the
 * samples, part by part and then over the parts in order (whole kernel blocks of
 * {@link CHEBYSHEV_BLOCK} samples), so that it rounds the same way for a given sample
 * count.
 *
 * @param kernel The kernel.
 * @param x The points, in [−1, 1].
 * @param weights The weights.
 * @param degree Number of moments K.
 * @returns The K moments of each weight.
 */
export function chebyshevMoments(
  kernel: Kernel,
  x: Float64Array,
  weights: readonly ColumnOrScalar[],
  degree: number,
): Float64Array[] {
  if (weights.length === 0) return [];
  const n = x.length;
  const nw = weights.length;
  const K = degree;
  return kernel.scope(() => {
    const xp = kernel.ref(x);
    const columns = weights.map((w) => (typeof w === "number" ? 0 : kernel.ref(w)));
    const weightScalars = kernel.put(weights.map((w) => (typeof w === "number" ? w : 0)));
    const sums = sumGrid(n, CHEBYSHEV_BLOCK).map(({ start, count }) => {
      const weightColumns = kernel.alloc(nw * U32_BYTES);
      kernel.u32(weightColumns, nw).set(
        columns.map((p) => (p === 0 ? 0 : p + start * F64_BYTES)),
      );
      const out = kernel.alloc(nw * K * F64_BYTES);
      const scratch = kernel.alloc(CHEBYSHEV_SCRATCH_BYTES);
      kernel.exports.chebyshev_moments(
        xp + start * F64_BYTES,
        count,
        K,
        nw,
        weightColumns,
        weightScalars,
        out,
        scratch,
      );
      return kernel.f64(out, nw * K);
    });
    return weights.map((_, w) =>
      Float64Array.from({ length: K }, (_, k) => {
        let sum = sums[0][w * K + k];
        for (let i = 1; i < sums.length; i++) sum += sums[i][w * K + k];
        return sum;
      })
    );
  });
}

/** Samples per block of the kernel's `chebyshev_moments`. */
const CHEBYSHEV_BLOCK = 256;
/** Scratch bytes of the kernel's `chebyshev_moments` (asm/chebyshev.ts: six rows of 256 f64). */
const CHEBYSHEV_SCRATCH_BYTES = 6 * CHEBYSHEV_BLOCK * F64_BYTES;

/** Fewest items worth more than one part. */
const GRID_MIN_ITEMS = 16384;
/** Smallest number of items of a part (but the last), and largest number of parts. */
const GRID_PART_ITEMS = 16384;
const GRID_MAX_PARTS = 64;

/**
 * The fixed grid of parts of `n` items a sum is taken in: parts of at least
 * 16,384 items for the first three quarters, then parts a quarter that size (multiples
 * of `step` but the last; at most 64 parts), or one part below 16,384 items. It depends
 * on `n` and `step` alone.
 *
 * @param n Number of items.
 * @param step Every part but the last holds a multiple of it.
 * @returns The parts, in order.
 */
export function sumGrid(n: number, step: number): { start: number; count: number }[] {
  if (n < GRID_MIN_ITEMS) return [{ start: 0, count: n }];
  const size = Math.ceil(Math.max(GRID_PART_ITEMS, (2 * n) / GRID_MAX_PARTS) / step) * step;
  const small = Math.ceil(size / 4 / step) * step;
  const large = Math.floor((0.75 * n) / size);
  const grid: { start: number; count: number }[] = [];
  for (let i = 0; i < large; i++) grid.push({ start: i * size, count: size });
  for (let start = large * size; start < n; start += small) {
    grid.push({ start, count: Math.min(small, n - start) });
  }
  return grid;
}

/** The operations of {@link elementwiseInKernel}. */
export type ElementwiseOp = "add" | "sub" | "mul" | "div";

const ELEMENTWISE_CODES: Record<ElementwiseOp, number> = { add: 0, sub: 1, mul: 2, div: 3 };

/** Fewest samples for which {@link elementwiseInKernel} calls the kernel. */
const ELEMENTWISE_MIN_SAMPLES = 64;

/**
 * out[i] = a[i] op b[i] in the kernel (asm/elementwise.ts, two samples at a time, the
 * same IEEE operation per sample), when `out` and the column operands are all in the
 * shared kernel's memory (the columns of a report) and there are enough samples; else
 * nothing, and false (the caller then computes it).
 *
 * @param op The operation.
 * @param out The result column (may be `a` or `b`).
 * @param a Left operand, a column of out.length values or one value.
 * @param b Right operand, likewise.
 * @returns Whether the kernel wrote `out`.
 */
export function elementwiseInKernel(
  op: ElementwiseOp,
  out: Float64Array,
  a: ColumnOrScalar,
  b: ColumnOrScalar,
): boolean {
  const n = out.length;
  if (n < ELEMENTWISE_MIN_SAMPLES) return false;
  const k = sharedKernel();
  if (!inKernel(k, out, [a, b])) return false;
  k.exports.elementwise(
    ELEMENTWISE_CODES[op],
    out.byteOffset,
    pointerOf(a),
    scalarOf(a),
    pointerOf(b),
    scalarOf(b),
    n,
  );
  return true;
}

/**
 * out[i] = a[i] · (b[i] · (1 − c[i])) in the kernel (asm/elementwise.ts, two samples at a
 * time, the same IEEE operations per sample), when `out` and the column operands are all
 * in the shared kernel's memory and there are enough samples; else nothing, and false
 * (the caller then computes it).
 *
 * @param out The result column (may be an operand).
 * @param a First factor, a column of out.length values or one value.
 * @param b Second factor, likewise.
 * @param c Subtracted from 1 in the second factor, likewise.
 * @returns Whether the kernel wrote `out`.
 */
export function productWithComplementInKernel(
  out: Float64Array,
  a: ColumnOrScalar,
  b: ColumnOrScalar,
  c: ColumnOrScalar,
): boolean {
  const n = out.length;
  if (n < ELEMENTWISE_MIN_SAMPLES) return false;
  const k = sharedKernel();
  if (!inKernel(k, out, [a, b, c])) return false;
  k.exports.product_with_complement(
    out.byteOffset,
    pointerOf(a),
    scalarOf(a),
    pointerOf(b),
    scalarOf(b),
    pointerOf(c),
    scalarOf(c),
    n,
  );
  return true;
}
