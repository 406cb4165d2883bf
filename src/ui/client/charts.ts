/**
 * The report's charts, drawn with uPlot (canvas, small and fast): lines over time
 * with optional shaded intervals and guide lines, and bar histograms.
 *
 * @module
 */
/// <reference lib="dom" />
import uPlot from "npm:uplot@1.6.32";
import { h } from "./dom.ts";

/** A line of a chart. */
export interface Line {
  readonly label: string;
  readonly values: readonly (number | null)[];
  /** On the right-hand axis. */
  readonly right?: boolean;
  readonly dash?: boolean;
}

/** A line chart's content. */
export interface LineChart {
  readonly title: string;
  /** Shared x values. */
  readonly x: readonly number[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly rightLabel?: string;
  readonly lines: readonly Line[];
  /** Intervals shaded on the x axis, with a label each. */
  readonly shaded?: readonly { from: number; to: number; label: string }[];
  /** Horizontal guide lines on the left axis. */
  readonly guides?: readonly { y: number; label: string }[];
  /** Vertical lines at these x values (e.g. transition times). */
  readonly marks?: readonly number[];
  /** Draw as bars (histogram). */
  readonly bars?: boolean;
  /** Logarithmic x axis. */
  readonly logX?: boolean;
}

/** Colour-blind-friendly palette (Okabe–Ito). */
const COLOURS = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#000000",
  "#F0E442",
];

const charts = new Set<{ plot: uPlot; box: HTMLElement }>();
let observer: ResizeObserver | undefined;

function width(box: HTMLElement): number {
  return Math.max(280, Math.min(box.clientWidth || 800, 1100));
}

/**
 * Draws a chart in a new figure element.
 *
 * @param spec What to draw.
 * @returns The figure (append it to the page; the chart follows its width).
 */
export function lineChart(spec: LineChart): HTMLElement {
  const box = h("div", { class: "chart" });
  const figure = h(
    "figure",
    { class: "figure" },
    h("figcaption", {}, spec.title),
    box,
  );
  const guideLines = spec.guides ?? [];
  const shaded = spec.shaded ?? [];
  const draw = () => {
    const series: uPlot.Series[] = [
      { label: spec.xLabel, value: (_u, v) => (v === null ? "–" : v.toFixed(2)) },
      ...spec.lines.map((line, i): uPlot.Series => ({
        label: line.label,
        stroke: COLOURS[i % COLOURS.length],
        fill: spec.bars ? `${COLOURS[i % COLOURS.length]}99` : undefined,
        width: 2,
        dash: line.dash ? [6, 4] : undefined,
        scale: line.right ? "right" : "y",
        paths: spec.bars ? uPlot.paths.bars!({ size: [1, Infinity] }) : undefined,
        points: { show: false },
        value: (_u, v) => (v === null || v === undefined ? "–" : v.toPrecision(3)),
      })),
    ];
    const axes: uPlot.Axis[] = [
      { label: spec.xLabel, stroke: "#333", grid: { stroke: "#eee" } },
      { label: spec.yLabel, stroke: "#333", grid: { stroke: "#eee" }, size: 60 },
    ];
    if (spec.rightLabel) {
      axes.push({
        label: spec.rightLabel,
        scale: "right",
        side: 1,
        grid: { show: false },
        size: 60,
      });
    }
    const options: uPlot.Options = {
      width: width(box),
      height: 280,
      series,
      axes,
      scales: {
        x: { time: false, distr: spec.logX ? 3 : 1 },
        y: {
          range: (_u, min, max) => [
            Math.min(
              0,
              min,
              ...guideLines.map((g) => g.y),
            ),
            Math.max(max, ...guideLines.map((g) => g.y * 1.1)) || 1,
          ],
        },
      },
      cursor: { drag: { x: false, y: false } },
      hooks: {
        drawClear: [(u) => {
          const ctx = u.ctx;
          ctx.save();
          ctx.fillStyle = "rgba(213, 94, 0, 0.12)";
          for (const s of shaded) {
            const left = u.valToPos(s.from, "x", true);
            const right = u.valToPos(s.to, "x", true);
            ctx.fillRect(left, u.bbox.top, Math.max(1, right - left), u.bbox.height);
          }
          ctx.restore();
        }],
        draw: [(u) => {
          const ctx = u.ctx;
          ctx.save();
          ctx.font = `${12 * devicePixelRatio}px sans-serif`;
          ctx.strokeStyle = "#555";
          ctx.setLineDash([3, 3]);
          ctx.lineWidth = devicePixelRatio;
          for (const m of spec.marks ?? []) {
            const x = u.valToPos(m, "x", true);
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
          }
          for (const g of guideLines) {
            const y = u.valToPos(g.y, "y", true);
            ctx.strokeStyle = g.y >= 1500 ? "#b00020" : "#b36b00";
            ctx.setLineDash([8, 6]);
            ctx.lineWidth = 1.5 * devicePixelRatio;
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            // The label above its line, on a light backing so that a curve does not cross it.
            const px = devicePixelRatio;
            ctx.font = `${12 * px}px system-ui, sans-serif`;
            ctx.textAlign = "right";
            const right = u.bbox.left + u.bbox.width - 6 * px;
            const baseline = y - 6 * px;
            const width = ctx.measureText(g.label).width;
            ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
            ctx.fillRect(right - width - 3 * px, baseline - 12 * px, width + 6 * px, 15 * px);
            ctx.fillStyle = ctx.strokeStyle;
            ctx.fillText(g.label, right, baseline);
          }
          ctx.restore();
        }],
      },
    };
    const data = [
      Array.from(spec.x),
      ...spec.lines.map((l) => Array.from(l.values)),
    ] as uPlot.AlignedData;
    const plot = new uPlot(options, data, box);
    charts.add({ plot, box });
  };
  // Draw once the figure is in the page (its width known), after the frame that shows
  // the report's numbers.
  requestAnimationFrame(() => setTimeout(draw, 0));
  observer ??= new ResizeObserver(() => {
    for (const chart of charts) {
      if (!chart.box.isConnected) {
        chart.plot.destroy();
        charts.delete(chart);
      } else if (Math.abs(chart.plot.width - width(chart.box)) > 8) {
        chart.plot.setSize({ width: width(chart.box), height: 280 });
      }
    }
  });
  observer.observe(document.body);
  if (shaded.length > 0) {
    figure.append(
      h("p", { class: "note" }, "Shaded: ", shaded.map((s) => s.label).join(", "), "."),
    );
  }
  return figure;
}
