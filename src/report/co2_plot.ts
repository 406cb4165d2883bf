/**
 * The CO2 plot (reference `CO2FormData.generate_ventilation_plot`, a matplotlib PNG
 * there; an SVG drawn by our own code here): the readings, the modelled concentration
 * when there is one, the ventilation transition times (red, dashed) and the occupancy
 * changes (grey, dashed), with "Time of day" and "Concentration (ppm)" axes.
 *
 * @module
 */
import { escapeXml, fmt, linearScale, niceTicks, tickLabel } from "./_svg.ts";
import { svgDataUri } from "./svg.ts";

/** What the plot shows. */
export interface Co2PlotData {
  /** Reading times, h. */
  readonly times: readonly number[];
  /** Readings, ppm. */
  readonly co2: readonly number[];
  /** Modelled concentration at each reading time, ppm (optional). */
  readonly predictedCo2?: readonly number[];
  /** Ventilation transition times, h (red). */
  readonly ventilationTimes?: readonly number[];
  /** Occupancy changes, h (grey). */
  readonly occupancyTimes?: readonly number[];
}

const WIDTH = 770;
const HEIGHT = 440;
const PLOT = { x: 70, y: 20, w: 670, h: 360 };
const FONT = "DejaVu Sans, Arial, sans-serif";
const MEASURED = "#1f77b4";
const PREDICTED = "#ff7f0e";

function polyline(xs: readonly number[], ys: readonly number[], color: string): string {
  const points = xs.map((x, i) => `${fmt(x)},${fmt(ys[i])}`).join(" ");
  return `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${points}"/>`;
}

/** Smallest and largest value (a loop: no spread of up to 50,000 arguments). */
function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * The plot as an SVG document.
 *
 * @param data Readings, prediction and transition times.
 * @returns The SVG text.
 */
export function co2PlotSvg(data: Co2PlotData): string {
  const { times, co2 } = data;
  const predicted = data.predictedCo2 ?? [];
  const vent = data.ventilationTimes ?? [];
  const occ = data.occupancyTimes ?? [];
  const allTimes = [...times, ...vent, ...occ];
  const allValues = [...co2, ...predicted].filter(Number.isFinite);
  const x = niceTicks(...extent(allTimes), 8);
  const y = niceTicks(...extent(allValues), 6);
  const xOf = linearScale(x.lo, x.hi, PLOT.x, PLOT.x + PLOT.w);
  const yOf = linearScale(y.lo, y.hi, PLOT.y + PLOT.h, PLOT.y);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" ` +
    `viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" font-family="${FONT}" font-size="12">`,
    `<title>CO₂ concentration: data${predicted.length ? " and model" : ""}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<rect x="${PLOT.x}" y="${PLOT.y}" width="${PLOT.w}" height="${PLOT.h}" fill="none" stroke="black"/>`,
  ];
  for (const t of x.ticks) {
    const px = fmt(xOf(t));
    out.push(
      `<line x1="${px}" y1="${PLOT.y + PLOT.h}" x2="${px}" y2="${
        PLOT.y + PLOT.h + 5
      }" stroke="black"/>`,
      `<text x="${px}" y="${PLOT.y + PLOT.h + 18}" text-anchor="middle">${tickLabel(t)}</text>`,
    );
  }
  for (const v of y.ticks) {
    const py = fmt(yOf(v));
    out.push(
      `<line x1="${PLOT.x - 5}" y1="${py}" x2="${PLOT.x}" y2="${py}" stroke="black"/>`,
      `<text x="${PLOT.x - 8}" y="${py}" text-anchor="end" dominant-baseline="middle">${
        tickLabel(v)
      }</text>`,
    );
  }
  out.push(
    `<text x="${PLOT.x + PLOT.w / 2}" y="${HEIGHT - 12}" text-anchor="middle">Time of day</text>`,
    `<text x="16" y="${PLOT.y + PLOT.h / 2}" text-anchor="middle" ` +
      `transform="rotate(-90 16 ${PLOT.y + PLOT.h / 2})">Concentration (ppm)</text>`,
  );
  const vertical = (t: number, color: string) =>
    `<line x1="${fmt(xOf(t))}" y1="${PLOT.y}" x2="${fmt(xOf(t))}" y2="${PLOT.y + PLOT.h}" ` +
    `stroke="${color}" stroke-width="1" stroke-dasharray="4 3"/>`;
  for (const t of vent) out.push(vertical(t, "red"));
  for (const t of occ) out.push(vertical(t, "grey"));
  out.push(polyline(times.map(xOf), co2.map(yOf), MEASURED));
  if (predicted.length) out.push(polyline(times.map(xOf), predicted.map(yOf), PREDICTED));

  const legend: [string, string, boolean][] = [[MEASURED, "CO₂ Data", false]];
  if (predicted.length) legend.push([PREDICTED, "Predictive CO₂", false]);
  if (vent.length) {
    legend.push([
      "red",
      occ.length ? "Ventilation transition times (suggestion)" : "Ventilation transition times",
      true,
    ]);
  }
  if (occ.length) legend.push(["grey", "Occupancy change (from UI)", true]);
  legend.forEach(([color, label, dashed], i) => {
    const ly = PLOT.y + 16 + 18 * i;
    out.push(
      `<line x1="${PLOT.x + 10}" y1="${ly}" x2="${PLOT.x + 36}" y2="${ly}" stroke="${color}" ` +
        `stroke-width="1.5"${dashed ? ' stroke-dasharray="4 3"' : ""}/>`,
      `<text x="${PLOT.x + 42}" y="${ly}" dominant-baseline="middle">${escapeXml(label)}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("\n");
}

/**
 * The plot as a data URI (`data:image/svg+xml;base64,...`), for the `CO2_plot_img` field.
 *
 * @param data Readings, prediction and transition times.
 * @returns The data URI.
 */
export function co2Plot(data: Co2PlotData): string {
  return svgDataUri(co2PlotSvg(data));
}
