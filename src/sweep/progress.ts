/**
 * The progress line of a sweep: a bar, rows done of total, rooms per second and the
 * time left at that rate.
 *
 * @module
 */

/** Width of the bar, characters. */
const BAR_WIDTH = 30;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor(s / 60) % 60).padStart(2, "0")}m`
    : s >= 60
    ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`
    : `${s}s`;
}

/**
 * Formats the progress line.
 *
 * @param done Rows finished.
 * @param total Rows to compute in this run.
 * @param elapsedS Seconds since the first row started.
 * @returns E.g. `[#########.....] 300/1000  12.5 rooms/s  56s left`.
 */
export function progressLine(done: number, total: number, elapsedS: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((BAR_WIDTH * done) / total);
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const left = rate > 0 ? (total - done) / rate : Infinity;
  return `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${done}/${total}  ${
    rate.toFixed(1)
  } rooms/s  ${done === total ? `${duration(elapsedS)} total` : `${duration(left)} left`}`;
}
