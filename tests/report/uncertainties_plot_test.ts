// The uncertainties figure: a well-formed SVG document with the three panels, their
// axes, labels and units, and a data URI that decodes back to it.
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { conditionalProbabilityData } from "../../src/report/conditional_probability.ts";
import { SVG_DATA_URI_PREFIX, svgDataUri } from "../../src/report/svg.ts";
import { uncertaintiesPlot, uncertaintiesPlotSvg } from "../../src/report/uncertainties_plot.ts";

/** Synthetic samples: log-uniform viral loads and a dose-response-like probability, %. */
function samples(n: number): { viralLoad: Float64Array; probability: Float64Array } {
  const viralLoad = new Float64Array(n);
  const probability = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = ((i * 7919) % 10007) / 10007;
    const v = ((i * 104729) % 9973) / 9973;
    const log10 = 2 + 8 * u;
    viralLoad[i] = 10 ** log10;
    probability[i] = 100 * (1 - Math.exp(-(10 ** (log10 - 8)) * (0.2 + v)));
  }
  return { viralLoad, probability };
}

/**
 * Checks that `xml` is one element with properly nested tags (a small well-formedness
 * check: no comments, CDATA or processing instructions are expected) and returns the
 * opening tags, in order.
 */
function checkWellFormed(xml: string): string[] {
  const stack: string[] = [];
  const opened: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  let m;
  while ((m = tag.exec(xml)) !== null) {
    // Text between tags must not contain a stray '<' or an unescaped '&'.
    const between = xml.slice(last, m.index);
    ok(!between.includes("<"), `stray "<" before offset ${m.index}`);
    ok(!/&(?!(amp|lt|gt|quot|apos);)/.test(between), `unescaped "&" before offset ${m.index}`);
    last = tag.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      strictEqual(stack.pop(), name, `closing </${name}> at offset ${m.index}`);
      if (stack.length === 0) strictEqual(xml.slice(last).trim(), "", "content after the root");
    } else {
      if (stack.length === 0) strictEqual(opened.length, 0, "a single root element");
      opened.push(name);
      if (!selfClosing) stack.push(name);
    }
  }
  strictEqual(stack.length, 0, `unclosed elements: ${stack.join(", ")}`);
  return opened;
}

Deno.test("uncertaintiesPlotSvg() draws the three panels with labelled axes", () => {
  const { viralLoad, probability } = samples(20000);
  const data = conditionalProbabilityData(viralLoad, probability);
  const svg = uncertaintiesPlotSvg(probability, data);
  ok(svg.startsWith("<svg "));
  ok(svg.endsWith("</svg>"));
  match(svg, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const tags = checkWellFormed(svg);
  strictEqual(tags[0], "svg");
  deepStrictEqual(
    [...svg.matchAll(/<g class="panel" id="([^"]+)"/g)].map((m) => m[1]),
    ["panel-i", "panel-iii", "panel-ii"],
  );
  // (i): the mean curve and the percentile band; axis labels with units.
  strictEqual((svg.match(/class="mean-curve"/g) ?? []).length, 1);
  strictEqual((svg.match(/class="percentile-band"/g) ?? []).length, 1);
  match(svg, /Conditional probability<\/tspan><tspan[^>]*>of infection \(%\)/);
  match(svg, /Viral load<\/tspan><tspan[^>]*>\(RNA copies\/mL\)/);
  match(svg, /Predictive total probability/);
  match(svg, /5th and 95th percentiles/);
  // Viral-load ticks 10² … 10¹⁰ and the panel tags.
  for (const e of [2, 4, 6, 8, 10]) match(svg, new RegExp(`10<tspan[^>]*>${e}</tspan>`));
  for (const label of ["(i)", "(ii)", "(iii)"]) ok(svg.includes(`>${label}</text>`), label);
  // (iii): the mean probability of infection, rounded to 0.1 %.
  let total = 0;
  for (const p of probability) total += p;
  ok(svg.includes(`>${(total / probability.length).toFixed(1)}%</text>`));
  ok(!svg.includes("NaN"), "no NaN in the drawing");
});

Deno.test("uncertaintiesPlotSvg() skips empty viral-load bins", () => {
  // Few samples: most bins are empty (NaN), and the curve breaks into pieces.
  const { viralLoad, probability } = samples(40);
  const data = conditionalProbabilityData(viralLoad, probability);
  ok(data.pi_means.some(Number.isNaN));
  const svg = uncertaintiesPlotSvg(probability, data);
  checkWellFormed(svg);
  ok(!svg.includes("NaN"), "no NaN in the drawing");
  ok((svg.match(/class="mean-curve"/g) ?? []).length >= 1);
});

Deno.test("uncertaintiesPlotSvg() handles one value for every sample", () => {
  const data = conditionalProbabilityData(1e6, Float64Array.of(5, 5, 5));
  const svg = uncertaintiesPlotSvg(5, data);
  checkWellFormed(svg);
  ok(!svg.includes("NaN"), "no NaN in the drawing");
  ok(svg.includes(">5.0%</text>"));
});

Deno.test("uncertaintiesPlot() returns a base64 SVG data URI that decodes to the SVG", () => {
  const { viralLoad, probability } = samples(2000);
  const data = conditionalProbabilityData(viralLoad, probability);
  const uri = uncertaintiesPlot(probability, data);
  ok(uri.startsWith(SVG_DATA_URI_PREFIX));
  strictEqual(SVG_DATA_URI_PREFIX, "data:image/svg+xml;base64,");
  const bytes = Uint8Array.from(
    atob(uri.slice(SVG_DATA_URI_PREFIX.length)),
    (c) => c.charCodeAt(0),
  );
  strictEqual(new TextDecoder().decode(bytes), uncertaintiesPlotSvg(probability, data));
});

Deno.test("svgDataUri() encodes UTF-8 text", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>10² µg · 5ᵗʰ</text></svg>';
  const uri = svgDataUri(svg);
  const bytes = Uint8Array.from(
    atob(uri.slice(SVG_DATA_URI_PREFIX.length)),
    (c) => c.charCodeAt(0),
  );
  strictEqual(new TextDecoder().decode(bytes), svg);
});
