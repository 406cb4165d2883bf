/**
 * Helpers to build SVG plots as text: escaping, number formatting, linear scales and
 * "nice" tick values.
 *
 * @module
 */

/** Escapes the five XML special characters of `text`. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) =>
      c === "&"
        ? "&amp;"
        : c === "<"
        ? "&lt;"
        : c === ">"
        ? "&gt;"
        : c === '"'
        ? "&quot;"
        : "&apos;",
  );
}

/** A coordinate with at most 2 decimals (enough for a drawing, keeps the text short). */
export function fmt(x: number): string {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/** A linear map from a data interval onto a pixel interval. */
export function linearScale(
  d0: number,
  d1: number,
  p0: number,
  p1: number,
): (x: number) => number {
  const k = d1 === d0 ? 0 : (p1 - p0) / (d1 - d0);
  return (x) => p0 + (x - d0) * k;
}

/**
 * Round tick values covering [lo, hi]: about `target` steps of 1, 2, 2.5 or 5 × 10^k.
 * A flat or nearly flat range (also at huge magnitudes, where `lo + 1 === lo`) is widened
 * by 5 % of its magnitude; non-finite bounds give [0, 1]; never more than
 * `4 × target + 2` ticks.
 *
 * @returns The ticks and the widened domain [first tick, last tick].
 */
export function niceTicks(
  lo: number,
  hi: number,
  target = 5,
): { ticks: number[]; lo: number; hi: number } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  const magnitudeOfRange = Math.max(Math.abs(lo), Math.abs(hi), 1);
  if (!(hi - lo > magnitudeOfRange * 1e-9)) {
    const pad = magnitudeOfRange * 0.05;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const raw = (hi - lo) / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ??
    10 * magnitude;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  if (!(last - first <= 4 * target + 2) || !Number.isFinite(first)) {
    return { ticks: [lo, hi], lo, hi };
  }
  const ticks: number[] = [];
  // Multiply (not accumulate) so tick labels stay round.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { ticks, lo: ticks[0], hi: ticks[ticks.length - 1] };
}

/** A tick label: integers as such, other values with up to 3 significant decimals. */
export function tickLabel(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}
