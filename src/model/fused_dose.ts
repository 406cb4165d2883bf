/**
 * The fused dose: an exposure evaluator's dose summed over the intervals between
 * population changes in one pass over the samples (asm/interval_doses.ts), when every
 * model's long-range dose between two times is a number × its dose factor (per-sample
 * diameters): the same operations, in the same order, as summing the dose interval by
 * interval (the plain definition, `FastPath` "plain"), without a column per interval.
 *
 * @module
 */
import { takeColumn } from "../kernel/column_arena.ts";
import { withIntervalDoses } from "../kernel/columns.ts";
import type { LongRangeDose } from "./long_range_dose.ts";
import type { ShortRangeDose } from "./short_range_dose.ts";
import { isArray, sampleCount, type Vec } from "./vec.ts";

/**
 * The dose summed over the intervals between `times`, or undefined when some exposure
 * is per sample (then the dose is summed interval by interval).
 *
 * @param long The long-range dose (its weighted cumulative sums prefetched at `times`).
 * @param short The short-range dose.
 * @param scratchColumn A column for intermediate values.
 * @param times Increasing times, h.
 * @param withShortRange Include the short-range dose.
 * @returns The dose, virions, or undefined.
 */
export function fusedDose(
  long: LongRangeDose,
  short: ShortRangeDose,
  scratchColumn: (n: number) => Float64Array,
  times: readonly number[],
  withShortRange: boolean,
): Vec | undefined {
  if (times.length < 2) return undefined;
  const intervals = times.slice(1).map((t2, p) => [times[p], t2] as const);
  const exposures: number[][] = [];
  for (const [t1, t2] of intervals) {
    const row: number[] = [];
    for (let k = 0; k < long.staticParts.length; k++) {
      const e = long.staticParts[k].perSampleDiameter
        ? long.meanWeightedExposure(k, t1, t2)
        : undefined;
      if (e === undefined) return undefined;
      row.push(e);
    }
    exposures.push(row);
  }
  const overlaps = intervals.map(([t1, t2]) => short.overlapsWith(t1, t2));
  const inputs = withShortRange
    ? [...long.staticParts.map((p) => p.doseFactor), ...short.columns]
    : long.staticParts.map((p) => p.doseFactor);
  const perSample = inputs.some(isArray);
  const n = perSample ? sampleCount(...inputs) : 1;
  const total = perSample ? takeColumn(n) : new Float64Array(1);
  // Into `into` (n values): per sample, Σ_k exposure_k · factor_k of each of the rows
  // (an interval each), summed over them in order; the dose factors go into the kernel
  // once, for every interval.
  withIntervalDoses(long.staticParts.map((p) => p.doseFactor), n, (longRangeInto) => {
    if (!withShortRange) {
      longRangeInto(exposures, total);
    } else {
      // Interval by interval: each adds its short range to its column of long ranges.
      const longRange = scratchColumn(n);
      for (let p = 0; p < exposures.length; p++) {
        longRangeInto([exposures[p]], longRange);
        short.withShortRangeInto(longRange, 1, overlaps[p], total, p > 0);
      }
    }
  });
  return perSample ? total : total[0];
}
