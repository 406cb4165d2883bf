/**
 * How the calculator writes numbers and times.
 *
 * @module
 */

/**
 * A probability in % as the reference's report prints it.
 *
 * @param percent The probability, %.
 * @returns E.g. `"<0.01%"`, `"0.53%"`, `"12.3%"`, `">99.9%"`.
 */
export function formatPercent(percent: number): string {
  if (Number.isNaN(percent) || percent > 99.9) return ">99.9%";
  if (percent < 0.01) return "<0.01%";
  if (percent < 1) return `${percent.toFixed(2)}%`;
  return `${percent.toFixed(1)}%`;
}

/**
 * Hours of the day as a clock time.
 *
 * @param hours Hours since midnight, e.g. 8.5.
 * @returns E.g. `"08:30"` (rounded to the minute).
 */
export function clock(hours: number): string {
  const minutes = Math.round(hours * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${
    String(minutes % 60).padStart(2, "0")
  }`;
}
