/**
 * The report page: the results per exposure group, the charts, the alternative
 * scenarios, the inputs with derived values, the seed, the share-and-keep tools
 * (permalink, reference-format short link, QR code, CSV, JSON, print) and the
 * disclaimer.
 *
 * @module
 */
/// <reference lib="dom" />
import qrcode from "npm:qrcode-generator@2.0.4";
import {
  boosterVaccineEffectiveness,
  primaryVaccineEffectiveness,
} from "../../registry/vaccines.ts";
import { type Line, lineChart } from "./charts.ts";
import { clock, formatPercent } from "./format.ts";
import { download, h } from "./dom.ts";
import { FIELDS, type FormValues } from "./form_fields.ts";
import { permalinkQuery, shortLinkPath } from "./permalink.ts";
import { type GroupResults, reportCsv, type VirusResults } from "./report_data.ts";

// A printed report shows every input.
addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("details")) details.open = true;
});

/** CO2 guide lines, ppm: the usual "good" and "poor" indoor-air thresholds. */
const CO2_GUIDES = [{ y: 800, label: "800 ppm" }, { y: 1500, label: "1500 ppm" }];

function value(text: string, raw: number, name: string) {
  return h("span", { class: "value", "data-value": String(raw), "data-name": name }, text);
}

function groupCard(id: string, g: GroupResults, multi: boolean): HTMLElement {
  const rows: [string, HTMLElement | string][] = [
    ["Probability of infection", value(formatPercent(g.prob_inf), g.prob_inf, "prob_inf")],
    ["Standard deviation", value(formatPercent(g.prob_inf_sd), g.prob_inf_sd, "prob_inf_sd")],
    [
      "Expected new cases",
      value(g.expected_new_cases.toFixed(2), g.expected_new_cases, "expected_new_cases"),
    ],
  ];
  if (g.long_range_prob !== undefined) {
    rows.splice(1, 0, [
      "Without the close-range interactions",
      value(formatPercent(g.long_range_prob), g.long_range_prob, "long_range_prob"),
    ]);
    rows.push([
      "Expected new cases without close-range",
      value(
        (g.long_range_expected_new_cases ?? NaN).toFixed(2),
        g.long_range_expected_new_cases ?? NaN,
        "long_range_expected_new_cases",
      ),
    ]);
  }
  if (g.prob_probabilistic_exposure !== undefined) {
    rows.push([
      "Probability that someone gets infected, given local incidence",
      value(
        formatPercent(g.prob_probabilistic_exposure),
        g.prob_probabilistic_exposure,
        "prob_probabilistic_exposure",
      ),
    ]);
  }
  const level = g.prob_inf < 1
    ? "low"
    : g.prob_inf < 5
    ? "medium"
    : g.prob_inf < 20
    ? "high"
    : "very-high";
  return h(
    "section",
    {
      class: `group-card risk-${level}`,
      "data-group": id,
      "aria-label": `Results for ${multi ? id : "the exposed occupants"}`,
    },
    h("h3", {}, multi ? `Group ${id}` : "Exposed occupants"),
    h(
      "p",
      { class: "headline" },
      value(formatPercent(g.prob_inf), g.prob_inf, "prob_inf_headline"),
      h("span", {}, " probability of infection for one exposed person"),
    ),
    h("dl", {}, rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    h(
      "p",
      { class: "note" },
      "Present: ",
      g.exposed_presence_intervals.map(([a, b]) => `${clock(a)}–${clock(b)}`).join(", "),
      breaks(g.exposed_presence_intervals),
    ),
  );
}

function breaks(intervals: readonly (readonly [number, number])[]): string {
  const gaps = intervals.slice(1).map(([start], i) => `${clock(intervals[i][1])}–${clock(start)}`);
  return gaps.length === 0 ? "" : `; breaks: ${gaps.join(", ")}`;
}

function table(caption: string, head: string[], rows: (string | HTMLElement)[][]): HTMLElement {
  return h(
    "div",
    // A table wider than a phone scrolls in its box, which keyboards can reach.
    { class: "table-wrap", tabindex: 0, role: "region", "aria-label": caption },
    h(
      "table",
      {},
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, head.map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        rows.map((r) =>
          h("tr", {}, r.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", {}, c))))
        ),
      ),
    ),
  );
}

function inputsTable(values: FormValues, results: VirusResults): HTMLElement {
  const rows: (string | HTMLElement)[][] = [];
  for (const spec of FIELDS) {
    const v = values[spec.name];
    if (v === undefined || spec.kind === "hidden" || v === "" || v === "{}") continue;
    const shown = spec.kind === "checkbox"
      ? (v === "1" ? "yes" : "no")
      : spec.choices?.find(([c]) => c === v)?.[1] ?? v;
    rows.push([spec.label, `${shown}${spec.unit && spec.kind !== "json" ? ` ${spec.unit}` : ""}`]);
  }
  if (values.occupancy) rows.push(["Occupancy groups", values.occupancy]);
  if (values.short_range_interactions) {
    rows.push(["Close-range interactions", values.short_range_interactions]);
  }
  const derived: (string | HTMLElement)[][] = [];
  const volume = values.volume_type === "room_volume_from_dimensions"
    ? Number(values.floor_area) * Number(values.ceiling_height)
    : Number(values.room_volume);
  derived.push(["Room volume", `${Number.isFinite(volume) ? volume.toFixed(1) : "?"} m³`]);
  if (values.vaccine_option === "1") {
    const ve = values.vaccine_booster_option === "1"
      ? boosterVaccineEffectiveness(values.vaccine_type, values.vaccine_booster_type)
      : primaryVaccineEffectiveness(values.vaccine_type);
    derived.push([
      "Vaccine effectiveness",
      ve === undefined ? "not in the table" : `${(ve * 100).toFixed(1)} %`,
    ]);
  }
  const source = results.outdoor_temperature_source;
  if (source) {
    const station = source.station
      ? `${source.station.name} (${source.station.id}, ${source.station.latitude.toFixed(2)}°, ${
        source.station.longitude.toFixed(2)
      }°)`
      : "";
    derived.push([
      "Outdoor temperatures",
      `${
        source.kind === "explicit"
          ? "given in the form"
          : source.kind === "dataset"
          ? "weather dataset"
          : "embedded climatology"
      }` +
      `${station ? `, station ${station}` : ""}${
        source.distance_km !== undefined ? `, ${source.distance_km.toFixed(0)} km away` : ""
      }` +
      `${source.source ? `; source: ${source.source}` : ""}`,
    ]);
    if (source.warning) derived.push(["Weather warning", h("strong", {}, source.warning)]);
  }
  for (const [id, g] of Object.entries(results.groups)) {
    derived.push([
      `Presence${Object.keys(results.groups).length > 1 ? ` of ${id}` : ""}`,
      g.exposed_presence_intervals.map(([a, b]) => `${clock(a)}–${clock(b)}`).join(", ") +
      breaks(g.exposed_presence_intervals),
    ]);
  }
  return h(
    "div",
    {},
    table("Derived values", ["Quantity", "Value"], derived),
    h("details", {}, h("summary", {}, "All inputs"), table("Inputs", ["Input", "Value"], rows)),
  );
}

const SVG = "http://www.w3.org/2000/svg";

/**
 * A QR code (error correction M) as an SVG: one path of the dark modules, with a quiet
 * zone of four modules.
 */
function qrSvg(text: string): SVGSVGElement {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = "";
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
  }
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${n + 8} ${n + 8}`);
  svg.setAttribute("width", "164");
  svg.setAttribute("height", "164");
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.setAttribute("aria-hidden", "true");
  const background = document.createElementNS(SVG, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#fff");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.append(background, path);
  return svg;
}

function shareTools(values: FormValues, results: VirusResults): HTMLElement {
  const query = permalinkQuery(values, results.seed);
  const link = `${location.origin}/calculator?${query}`;
  const reportLink = `${location.origin}/calculator/report?${query}`;
  const short = `${location.origin}${shortLinkPath(query)}`;

  const copy = (text: string, button: HTMLButtonElement) => {
    navigator.clipboard?.writeText(text).then(
      () => (button.textContent = "Copied"),
      () => (button.textContent = "Select and copy the link"),
    );
  };
  const linkRow = (labelText: string, url: string, idName: string) => {
    const button = h("button", { type: "button", class: "secondary" }, "Copy") as HTMLButtonElement;
    button.addEventListener("click", () => copy(url, button));
    return h(
      "div",
      { class: "link-row" },
      h("label", { for: idName }, labelText),
      h("input", { id: idName, type: "text", readonly: true, value: url }),
      button,
      h("span", { class: "print-only" }, url),
    );
  };
  const qrBox = h("div", {
    class: "qr",
    role: "img",
    "aria-label": "QR code of the short link to this report's inputs",
  });
  // The QR code after the numbers are on the screen.
  requestAnimationFrame(() => setTimeout(() => qrBox.replaceChildren(qrSvg(short)), 0));
  return h(
    "section",
    { class: "share", "aria-labelledby": "share-title" },
    h("h2", { id: "share-title" }, "Share and keep"),
    h(
      "div",
      { class: "share-grid" },
      h(
        "div",
        {},
        linkRow("Link to this report (same seed, same numbers)", reportLink, "report-link"),
        linkRow("Link to the filled-in form", link, "permalink"),
        linkRow("Short link (CAiMIRA format)", short, "short-link"),
        h(
          "div",
          { class: "buttons no-print" },
          h("button", {
            type: "button",
            class: "secondary",
            id: "download-csv",
            onclick: () => download("caimira-report.csv", "text/csv", reportCsv(results)),
          }, "Download CSV"),
          h("button", {
            type: "button",
            class: "secondary",
            id: "download-json",
            onclick: () =>
              download(
                "caimira-report.json",
                "application/json",
                JSON.stringify({ inputs: values, seed: results.seed, results }, null, 1),
              ),
          }, "Download JSON"),
          h(
            "button",
            { type: "button", class: "secondary", id: "print", onclick: () => print() },
            "Print or save as PDF",
          ),
        ),
      ),
      qrBox,
    ),
  );
}

/**
 * Draws the report.
 *
 * @param values The inputs sent.
 * @param results The API's results.
 * @param onEdit Called when the user asks to change the inputs.
 * @returns The report element.
 */
export function reportView(
  values: FormValues,
  results: VirusResults,
  onEdit: () => void,
): HTMLElement {
  const groups = Object.entries(results.groups);
  const multi = groups.length > 1;
  const hours = results.times;
  const shaded = groups.flatMap(([, g]) =>
    (g.short_range_interactions ?? []).flatMap((i) =>
      i.presence_interval.map(([from, to]) => ({
        from,
        to,
        label: `${i.expiration} close-range ${clock(from)}–${clock(to)}`,
      }))
    )
  );
  const concentration = lineChart({
    title: "Virus concentration and cumulative dose",
    x: hours,
    xLabel: "Time (h)",
    yLabel: "Concentration (virions/m³)",
    rightLabel: "Cumulative dose (virions)",
    shaded,
    lines: groups.flatMap(([id, g]) => {
      const p = multi ? `${id}: ` : "";
      const lines: Line[] = [
        { label: `${p}concentration`, values: g.concentrations },
        {
          label: `${p}cumulative dose`,
          values: [null, ...g.cumulative_doses],
          right: true,
          dash: true,
        },
      ];
      if (g.concentrations_zoomed) {
        lines.splice(1, 0, {
          label: `${p}long-range only`,
          values: g.concentrations_zoomed,
          right: false,
          dash: true,
        });
      }
      return lines;
    }),
  });
  const histograms = groups.map(([id, g]) => {
    const centres = g.prob_hist_count.map((_, i) =>
      50 * (g.prob_hist_bins[i] + g.prob_hist_bins[i + 1])
    );
    return lineChart({
      title: `Distribution of the probability of infection${multi ? ` (${id})` : ""}`,
      x: centres,
      xLabel: "Probability of infection (%)",
      yLabel: "Density",
      bars: true,
      lines: [{ label: "density", values: g.prob_hist_count }],
    });
  });
  const uncertainty = groups.flatMap(([id, g]) => {
    const d = g.conditional_probability_data;
    if (!d) return [];
    return [lineChart({
      title: `Probability of infection by viral load${multi ? ` (${id})` : ""}`,
      x: d.viral_loads,
      xLabel: "Viral load (log10 RNA copies/mL)",
      yLabel: "Probability of infection (%)",
      lines: [
        { label: "mean", values: d.pi_means },
        { label: "5th percentile", values: d.lower_percentiles, dash: true },
        { label: "95th percentile", values: d.upper_percentiles, dash: true },
      ],
    })];
  });
  const scenarios = Object.entries(results.alternative_scenarios?.stats ?? {});
  const scenarioPart = scenarios.length === 0 ? [] : [
    h("h2", {}, "Alternative scenarios"),
    lineChart({
      title: "Virus concentration in each scenario",
      x: hours,
      xLabel: "Time (h)",
      yLabel: "Concentration (virions/m³)",
      lines: scenarios.map(([name, s]) => ({ label: name, values: s.concentrations })),
    }),
    table(
      "Alternative scenarios",
      ["Scenario", "Probability of infection", "Expected new cases", "Given local incidence"],
      scenarios.map(([name, s]) => [
        name,
        formatPercent(s.probability_of_infection),
        s.expected_new_cases.toFixed(2),
        s.prob_probabilistic_exposure == null ? "–" : formatPercent(s.prob_probabilistic_exposure),
      ]),
    ),
  ];
  const viralLoads = Object.entries(results.alternative_viral_load ?? {});
  const viralLoadPart = viralLoads.length === 0 ? [] : [
    table("Probability of infection at viral-load percentiles", [
      "Viral load",
      "Probability of infection",
    ], viralLoads.map(([vl, p]) => [vl, formatPercent(p)])),
  ];
  const co2 = lineChart({
    title: "CO2 concentration",
    x: hours,
    xLabel: "Time (h)",
    yLabel: "CO2 (ppm)",
    guides: CO2_GUIDES,
    lines: [{ label: "CO2", values: results.CO2_concentrations }],
  });
  return h(
    "article",
    { class: "report", "aria-labelledby": "report-title" },
    h(
      "header",
      { class: "report-head" },
      h("h1", { id: "report-title", tabindex: "-1" }, `Report: ${values.simulation_name ?? ""}`),
      h(
        "p",
        {},
        `Room ${values.room_number ?? ""}, ${values.location_name ?? ""}, ${
          values.event_month ?? ""
        }. `,
        "Seed ",
        h("code", { id: "seed" }, String(results.seed)),
        " (the same inputs and seed give the same numbers).",
      ),
      h(
        "p",
        { class: "no-print" },
        h(
          "button",
          { type: "button", class: "secondary", id: "edit", onclick: onEdit },
          "Change the inputs",
        ),
      ),
    ),
    h(
      "section",
      { class: "cards", "aria-label": "Results" },
      groups.map(([id, g]) => groupCard(id, g, multi)),
    ),
    concentration,
    ...histograms,
    ...uncertainty,
    ...scenarioPart,
    ...viralLoadPart,
    co2,
    h(
      "p",
      { class: "note" },
      "Guide lines: below 800 ppm of CO2 the room is generally well ventilated for its occupancy; above 1500 ppm ventilation is poor.",
    ),
    h("h2", {}, "Inputs and derived values"),
    inputsTable(values, results),
    shareTools(values, results),
    h(
      "section",
      { class: "disclaimer", "aria-labelledby": "disclaimer-title" },
      h("h2", { id: "disclaimer-title" }, "What this model does and does not cover"),
      h(
        "p",
        {},
        "CAiMIRA estimates the probability of infection by airborne transmission (long-range, in a well-mixed room, and close-range when interactions are given) of SARS-CoV-2 for the situation described, from published data on emission, viral loads, masks and ventilation, with Monte Carlo sampling of their uncertainty. It does not cover transmission by touching surfaces or large droplets, people's behaviour outside the situation, or rooms that are not well mixed. The result is an estimate for comparing measures, not a guarantee: follow the rules of your organisation and public-health authorities.",
      ),
    ),
  );
}
