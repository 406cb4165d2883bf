/**
 * A centred moving average with the semantics and rounding of pandas'
 * `Series.rolling(window, center=True).mean()` (pandas `_libs/window/aggregations.pyx`
 * `roll_mean` over a `FixedWindowIndexer`): the window of sample i is
 * [i + 1 + ⌊(w − 1)/2⌋ − w, i + ⌊(w − 1)/2⌋]; windows that reach past either end are NaN;
 * the running sum adds and removes values with Kahan compensation; a window whose values
 * are all equal (counted as pandas does, from the last reset) gives that value exactly,
 * and the sign clamps of pandas apply.
 *
 * @module
 */

/**
 * The centred rolling mean.
 *
 * @param values The series (finite values).
 * @param window Window length, samples ≥ 1.
 * @returns The means, NaN where the window is incomplete.
 * @throws {RangeError} When the window is not a positive integer.
 */
export function centeredRollingMean(values: readonly number[], window: number): number[] {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`expected a window of at least 1 sample but found ${window}`);
  }
  const n = values.length;
  const offset = (window - 1) >> 1;
  const out = new Array<number>(n);
  let sum = 0;
  let count = 0;
  let negatives = 0;
  let addCompensation = 0;
  let removeCompensation = 0;
  let sameInARow = 0;
  let previous = NaN;
  let prevStart = 0;
  let prevEnd = 0;
  const add = (v: number) => {
    count++;
    const y = v - addCompensation;
    const t = sum + y;
    addCompensation = t - sum - y;
    sum = t;
    if (v < 0 || Object.is(v, -0)) negatives++;
    sameInARow = v === previous ? sameInARow + 1 : 1;
    previous = v;
  };
  const remove = (v: number) => {
    count--;
    const y = -v - removeCompensation;
    const t = sum + y;
    removeCompensation = t - sum - y;
    sum = t;
    if (v < 0 || Object.is(v, -0)) negatives--;
  };
  const mean = (): number => {
    if (count < window || count === 0) return NaN;
    const m = sum / count;
    if (sameInARow >= count) return previous;
    if (negatives === 0 && m < 0) return 0;
    if (negatives === count && m > 0) return 0;
    return m;
  };
  for (let i = 0; i < n; i++) {
    const start = Math.max(0, i + 1 + offset - window);
    const end = Math.min(n, i + 1 + offset);
    if (i === 0 || start >= prevEnd) {
      sum = 0;
      count = 0;
      negatives = 0;
      addCompensation = 0;
      removeCompensation = 0;
      sameInARow = 0;
      previous = values[start];
      for (let j = start; j < end; j++) add(values[j]);
    } else {
      for (let j = prevStart; j < start; j++) remove(values[j]);
      for (let j = prevEnd; j < end; j++) add(values[j]);
    }
    out[i] = mean();
    prevStart = start;
    prevEnd = end;
  }
  return out;
}
