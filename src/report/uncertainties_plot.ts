/**
 * The report's "uncertainties" figure, drawn as SVG: how the probability of infection
 * depends on the infected person's viral load.
 *
 * Three panels, after the reference's matplotlib figure (`uncertainties_plot` in
 * `calculator/report/virus_report_data.py`, CAiMIRA 4.19.0):
 * - (i) the conditional probability of infection (%) against the viral load: mean per
 *   viral-load bin, with the band between the 5th and 95th percentiles;
 * - (ii) below it, on the same viral-load axis, the histogram of the sampled viral loads
 *   (150 bins over 10² to 10¹⁰ RNA copies/mL);
 * - (iii) to its right, on the same probability axis, the horizontal histogram of the
 *   per-sample probability of infection (30 bins), labelled with its mean P(I).
 *
 * The drawing is ours (plain SVG text), not a pixel copy of the reference's PNG.
 *
 * @module
 */
import { mean, type Vec } from "../model/vec.ts";
import { histogram } from "../montecarlo/statistics.ts";
import type { ConditionalProbabilityData } from "./conditional_probability.ts";
import { svgDataUri } from "./svg.ts";
import { escapeXml, fmt, linearScale, niceTicks, tickLabel } from "./_svg.ts";

/** Figure size, px. */
const WIDTH = 720;
const HEIGHT = 560;
/** Panel boxes, px (width ratios 5 : 0.5 gap : 1 and height ratios 3 : 1 as the reference). */
const MAIN = { x: 110, y: 40, w: 450, h: 300 } as const;
const PROB_HIST = { x: 605, y: 40, w: 90, h: 300 } as const;
const VL_HIST = { x: 110, y: 368, w: 450, h: 100 } as const;
/** Viral-load axis, log10(RNA copies/mL). */
const VL_MIN = 2;
const VL_MAX = 10;
/** Histogram bins: viral load (over [VL_MIN, VL_MAX]) and probability of infection. */
const VL_BINS = 150;
const PROB_BINS = 30;

/**
 * What the figure needs that a report has already computed from the same samples (each
 * computed here when absent).
 */
export interface UncertaintiesPlotInputs {
  /**
   * The counts of the samples' log10 viral loads in the bins of
   * {@link VIRAL_LOAD_HISTOGRAM} (else counted from `data`).
   */
  readonly viralLoadCounts?: readonly number[];
  /** The mean of the probabilities (the report's `prob_inf`), %. */
  readonly meanProbability?: number;
}

/**
 * The bins of the figure's viral-load histogram (panel ii), log10(RNA copies/mL): the
 * counts `uncertaintiesPlot` takes as `viralLoadCounts` (from
 * `conditionalProbabilityWithHistogram`).
 */
export const VIRAL_LOAD_HISTOGRAM: {
  readonly lo: number;
  readonly hi: number;
  readonly bins: number;
} = Object.freeze({ lo: VL_MIN, hi: VL_MAX, bins: VL_BINS });
/**
 * Colours: matplotlib's default blue and its "grey"; the histogram panels get a very
 * light background (the reference's grey panels come out transparent in its PNG).
 */
const BLUE = "#1f77b4";
const GREY = "#808080";
const LIGHT_GREY = "#d3d3d3";
const PANEL_BACKGROUND = "#f4f4f4";
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

/** `n` equal-width bin counts of the values of `x` inside [lo, hi] (right edge included). */
function fixedRangeCounts(x: ArrayLike<number>, lo: number, hi: number, n: number): number[] {
  const counts = new Float64Array(n);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!(v >= lo && v <= hi)) continue;
    counts[Math.min(n - 1, Math.floor(((v - lo) / (hi - lo)) * n))]++;
  }
  return Array.from(counts);
}

/** Runs of consecutive indices where `ok(i)` holds. */
function runs(n: number, ok: (i: number) => boolean): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < n; i++) {
    if (ok(i)) current.push(i);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

function text(
  x: number,
  y: number,
  content: string,
  attrs = "",
): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}"${attrs ? " " + attrs : ""}>${content}</text>`;
}

/** "10" with a superscript exponent. */
function powerOfTen(exponent: number): string {
  return `10<tspan dy="-6" font-size="9">${exponent}</tspan>`;
}

/**
 * The uncertainties figure as an SVG document.
 *
 * @param probability Probability of infection per sample, % (the same samples as `data`).
 * @param data The conditional probability data of the same exposure model
 *   (`conditionalProbabilityData`).
 * @param computed What is already computed from the same samples (see
 *   {@link UncertaintiesPlotInputs}).
 * @returns The SVG document text (UTF-8, starts with `<svg`).
 *
 * @example Usage
 * ```ts ignore
 * const prob = exposureEvaluator(model).infectionProbability();
 * const svg = uncertaintiesPlotSvg(prob, conditionalProbabilityData(viralLoad, prob));
 * ```
 */
export function uncertaintiesPlotSvg(
  probability: Vec,
  data: ConditionalProbabilityData,
  computed: UncertaintiesPlotInputs = {},
): string {
  const probs = typeof probability === "number" ? Float64Array.of(probability) : probability;
  const probHist = histogram(probs, PROB_BINS);
  const meanProbability = computed.meanProbability ?? mean(probability);
  const viralLoadCounts = computed.viralLoadCounts;

  // Shared probability axis of panels (i) and (iii).
  let yMax = 0;
  let yMin = 0;
  for (const list of [data.pi_means, data.lower_percentiles, data.upper_percentiles]) {
    for (const v of list) {
      if (Number.isFinite(v)) {
        yMax = Math.max(yMax, v);
        yMin = Math.min(yMin, v);
      }
    }
  }
  const probEdges = probHist.edges;
  if (Number.isFinite(probEdges[probEdges.length - 1])) {
    yMax = Math.max(yMax, probEdges[probEdges.length - 1]);
  }
  if (Number.isFinite(probEdges[0])) yMin = Math.min(yMin, probEdges[0]);
  // Round ticks over the data, and 5 % of the data range as margin on both sides (so
  // curves at 0 % or 100 % stay off the frame, as matplotlib's autoscale does).
  if (!(yMax > yMin)) yMax = yMin + 1;
  const margin = 0.05 * (yMax - yMin);
  const yAxis = {
    lo: yMin - margin,
    hi: yMax + margin,
    ticks: niceTicks(yMin, yMax).ticks.filter((t) => t >= yMin - margin && t <= yMax + margin),
  };
  const yOf = linearScale(yAxis.lo, yAxis.hi, MAIN.y + MAIN.h, MAIN.y);
  const xOf = linearScale(VL_MIN, VL_MAX, MAIN.x, MAIN.x + MAIN.w);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" ` +
      `viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" font-family="${FONT}" font-size="12" ` +
      `aria-labelledby="uncertainties-title">`,
    `<title id="uncertainties-title">${
      escapeXml(
        "Conditional probability of infection given the viral load of the infected person, " +
          "with the distributions of viral load and probability of infection",
      )
    }</title>`,
    `<defs><clipPath id="clip-main"><rect x="${MAIN.x}" y="${MAIN.y}" width="${MAIN.w}" ` +
      `height="${MAIN.h}"/></clipPath><clipPath id="clip-prob"><rect x="${PROB_HIST.x}" ` +
      `y="${PROB_HIST.y}" width="${PROB_HIST.w}" height="${PROB_HIST.h}"/></clipPath></defs>`,
  );

  // (i) conditional probability against viral load.
  out.push(`<g class="panel" id="panel-i">`);
  out.push(`<g clip-path="url(#clip-main)">`);
  const vls = data.viral_loads;
  for (
    const run of runs(
      vls.length,
      (i) =>
        Number.isFinite(data.lower_percentiles[i]) && Number.isFinite(data.upper_percentiles[i]),
    )
  ) {
    const upper = run.map((i) => `${fmt(xOf(vls[i]))},${fmt(yOf(data.upper_percentiles[i]))}`);
    const lower = run.slice().reverse().map((i) =>
      `${fmt(xOf(vls[i]))},${fmt(yOf(data.lower_percentiles[i]))}`
    );
    out.push(
      `<polygon class="percentile-band" points="${
        [...upper, ...lower].join(" ")
      }" fill="${BLUE}" fill-opacity="0.1" stroke="none"/>`,
    );
  }
  for (const run of runs(vls.length, (i) => Number.isFinite(data.pi_means[i]))) {
    const points = run.map((i) => `${fmt(xOf(vls[i]))},${fmt(yOf(data.pi_means[i]))}`);
    out.push(
      `<polyline class="mean-curve" points="${
        points.join(" ")
      }" fill="none" stroke="${BLUE}" stroke-width="1.5"/>`,
    );
  }
  out.push(`</g>`);
  out.push(
    `<rect x="${MAIN.x}" y="${MAIN.y}" width="${MAIN.w}" height="${MAIN.h}" fill="none" stroke="black"/>`,
  );
  for (const t of yAxis.ticks) {
    const y = fmt(yOf(t));
    out.push(
      `<line x1="${MAIN.x - 4}" y1="${y}" x2="${MAIN.x}" y2="${y}" stroke="black"/>`,
      text(MAIN.x - 7, yOf(t) + 4, tickLabel(t), `text-anchor="end"`),
    );
  }
  for (let e = VL_MIN; e <= VL_MAX; e += 2) {
    const x = fmt(xOf(e));
    out.push(
      `<line x1="${x}" y1="${MAIN.y + MAIN.h}" x2="${x}" y2="${
        MAIN.y + MAIN.h + 4
      }" stroke="black"/>`,
    );
  }
  const yLabelX = MAIN.x - 55;
  const yLabelY = MAIN.y + MAIN.h / 2;
  out.push(
    `<text transform="translate(${yLabelX} ${yLabelY}) rotate(-90)" text-anchor="middle" ` +
      `font-size="14"><tspan x="0" dy="-0.6em">Conditional probability</tspan>` +
      `<tspan x="0" dy="1.2em">of infection (%)</tspan></text>`,
  );
  out.push(text(xOf(9.5), MAIN.y + MAIN.h - 8, "(i)", `font-style="italic"`));
  // Legend, top left.
  const lx = MAIN.x + 10;
  const ly = MAIN.y + 10;
  out.push(
    `<g class="legend"><rect x="${lx}" y="${ly}" width="210" height="46" fill="white" ` +
      `fill-opacity="0.8" stroke="${LIGHT_GREY}" rx="3"/>`,
    `<line x1="${lx + 8}" y1="${ly + 14}" x2="${lx + 32}" y2="${
      ly + 14
    }" stroke="${BLUE}" stroke-width="1.5"/>`,
    text(lx + 40, ly + 18, "Predictive total probability"),
    `<rect x="${lx + 8}" y="${ly + 27}" width="24" height="10" fill="${BLUE}" fill-opacity="0.1" ` +
      `stroke="${BLUE}" stroke-opacity="0.3"/>`,
    text(lx + 40, ly + 36, "5th and 95th percentiles"),
    `</g>`,
  );
  out.push(`</g>`);

  // (iii) histogram of the probability of infection, sharing the y axis of (i).
  out.push(`<g class="panel" id="panel-iii">`);
  out.push(
    `<rect x="${PROB_HIST.x}" y="${PROB_HIST.y}" width="${PROB_HIST.w}" height="${PROB_HIST.h}" ` +
      `fill="${PANEL_BACKGROUND}"/>`,
  );
  const maxProbCount = Math.max(1, ...probHist.counts);
  const barLength = linearScale(0, maxProbCount * 1.05, 0, PROB_HIST.w);
  out.push(`<g clip-path="url(#clip-prob)">`);
  for (let k = 0; k < probHist.counts.length; k++) {
    const c = probHist.counts[k];
    if (c === 0) continue;
    const top = yOf(probHist.edges[k + 1]);
    const bottom = yOf(probHist.edges[k]);
    out.push(
      `<rect x="${PROB_HIST.x}" y="${fmt(top)}" width="${fmt(barLength(c))}" ` +
        `height="${fmt(Math.max(0.5, bottom - top))}" fill="${BLUE}"/>`,
    );
  }
  out.push(`</g>`);
  out.push(
    `<rect x="${PROB_HIST.x}" y="${PROB_HIST.y}" width="${PROB_HIST.w}" height="${PROB_HIST.h}" ` +
      `fill="none" stroke="black"/>`,
  );
  for (const t of yAxis.ticks) {
    const y = fmt(yOf(t));
    out.push(
      `<line x1="${PROB_HIST.x - 4}" y1="${y}" x2="${PROB_HIST.x}" y2="${y}" stroke="black"/>`,
    );
  }
  const labelY = yAxis.lo <= 50 && 50 <= yAxis.hi ? yOf(50) : MAIN.y + MAIN.h / 2;
  const meanLabel = Number.isFinite(meanProbability) ? meanProbability.toFixed(1) : "NaN";
  out.push(
    text(PROB_HIST.x + PROB_HIST.w / 2, labelY - 4, "P(I) =", `text-anchor="middle"`),
    text(
      PROB_HIST.x + PROB_HIST.w / 2,
      labelY + 12,
      `${meanLabel}%`,
      `text-anchor="middle" font-weight="bold"`,
    ),
    text(
      PROB_HIST.x + PROB_HIST.w / 2,
      PROB_HIST.y - 8,
      "(iii)",
      `text-anchor="middle" font-style="italic"`,
    ),
    text(
      PROB_HIST.x + PROB_HIST.w / 2,
      PROB_HIST.y + PROB_HIST.h + 16,
      "samples",
      `text-anchor="middle" font-size="10"`,
    ),
  );
  out.push(`</g>`);

  // (ii) histogram of the viral load, sharing the x axis of (i).
  out.push(`<g class="panel" id="panel-ii">`);
  out.push(
    `<rect x="${VL_HIST.x}" y="${VL_HIST.y}" width="${VL_HIST.w}" height="${VL_HIST.h}" ` +
      `fill="${PANEL_BACKGROUND}"/>`,
  );
  const vlCounts = viralLoadCounts?.length === VL_BINS
    ? viralLoadCounts
    : fixedRangeCounts(data.log10_vl_in_sputum, VL_MIN, VL_MAX, VL_BINS);
  const maxVlCount = Math.max(1, ...vlCounts);
  const barHeight = linearScale(0, maxVlCount * 1.05, 0, VL_HIST.h);
  const binWidth = (VL_MAX - VL_MIN) / VL_BINS;
  for (let k = 0; k < VL_BINS; k++) {
    if (vlCounts[k] === 0) continue;
    const h = barHeight(vlCounts[k]);
    const x0 = xOf(VL_MIN + k * binWidth);
    const x1 = xOf(VL_MIN + (k + 1) * binWidth);
    out.push(
      `<rect x="${fmt(x0)}" y="${fmt(VL_HIST.y + VL_HIST.h - h)}" width="${fmt(x1 - x0)}" ` +
        `height="${fmt(h)}" fill="${GREY}"/>`,
    );
  }
  out.push(
    `<rect x="${VL_HIST.x}" y="${VL_HIST.y}" width="${VL_HIST.w}" height="${VL_HIST.h}" ` +
      `fill="none" stroke="black"/>`,
  );
  for (let e = VL_MIN; e <= VL_MAX; e += 2) {
    const x = xOf(e);
    out.push(
      `<line x1="${fmt(x)}" y1="${VL_HIST.y + VL_HIST.h}" x2="${fmt(x)}" ` +
        `y2="${VL_HIST.y + VL_HIST.h + 4}" stroke="black"/>`,
      text(x, VL_HIST.y + VL_HIST.h + 20, powerOfTen(e), `text-anchor="middle"`),
    );
  }
  out.push(
    text(xOf(9.5), VL_HIST.y + 0.2 * VL_HIST.h, "(ii)", `font-style="italic"`),
    `<text x="${fmt(VL_HIST.x + VL_HIST.w / 2)}" y="${VL_HIST.y + VL_HIST.h + 44}" ` +
      `text-anchor="middle" font-size="14"><tspan>Viral load</tspan>` +
      `<tspan x="${fmt(VL_HIST.x + VL_HIST.w / 2)}" dy="1.2em">(RNA copies/mL)</tspan></text>`,
  );
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join("\n");
}

/**
 * The uncertainties figure as a `data:image/svg+xml;base64,…` URI: the report's
 * `uncertainties_plot_src` (the reference's is a PNG; the data URI works the same as an
 * `<img>` source).
 *
 * @param probability Probability of infection per sample, %.
 * @param data The conditional probability data of the same exposure model
 *   (`conditionalProbabilityData`).
 * @param computed What is already computed from the same samples (see
 *   {@link UncertaintiesPlotInputs}).
 * @returns The data URI.
 *
 * @example Usage
 * ```ts ignore
 * const prob = exposureEvaluator(model).infectionProbability();
 * const src = uncertaintiesPlot(prob, conditionalProbabilityData(viralLoad, prob));
 * src.startsWith("data:image/svg+xml;base64,"); // true
 * ```
 */
export function uncertaintiesPlot(
  probability: Vec,
  data: ConditionalProbabilityData,
  computed: UncertaintiesPlotInputs = {},
): string {
  return svgDataUri(uncertaintiesPlotSvg(probability, data, computed));
}
