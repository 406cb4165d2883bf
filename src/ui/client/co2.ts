/**
 * The CO2 page's script: upload a sensor series (CSV or XLSX), see it plotted with the
 * suggested transition times (editable), fit the ventilation (`/co2/report`), see the
 * exhalation rate and the ventilation per interval, and carry the fit to a virus
 * report (`ventilation_type=from_fitting`).
 *
 * @module
 */
/// <reference lib="dom" />
import { ApiError, postApi } from "./api.ts";
import { lineChart } from "./charts.ts";
import { type Co2Series, csvRows, seriesFromRows } from "./co2_series.ts";
import { h } from "./dom.ts";
import { clock } from "./format.ts";
import { xlsxRows } from "./xlsx_rows.ts";

/** Results of `/co2/transition_times`. */
interface TransitionTimes {
  readonly occupancy_times: number[];
  readonly ventilation_times: number[];
  readonly total_times: number[];
}

/** Results of `/co2/report`. */
interface Co2Fit {
  /** m³/h per person. */
  readonly exhalation_rate: number;
  /** h^-1 per interval. */
  readonly ventilation_values: number[];
  readonly room_capacity: number | null;
  /** L/s per interval. */
  readonly ventilation_ls_values: number[];
  /** L/s per person per interval (null without a room capacity). */
  readonly ventilation_lsp_values: number[] | null;
  /** ppm at each input time. */
  readonly predictive_CO2: number[];
}

const main = document.querySelector<HTMLElement>("main")!;
let series: Co2Series | undefined;

const field = (
  id: string,
  label: string,
  attrs: Record<string, unknown>,
  unit?: string,
  help?: string,
) =>
  h(
    "div",
    { class: "field" },
    h("label", { for: id, class: "label" }, label),
    h(
      "div",
      { class: "control" },
      h("input", { id, name: id, ...attrs }),
      unit ? h("span", { class: "unit" }, unit) : null,
    ),
    help ? h("p", { class: "help", id: `${id}-help` }, help) : null,
    h("p", { class: "error", id: `${id}-error`, role: "alert", hidden: true }),
  );

const fileInput = h("input", {
  id: "co2-file",
  type: "file",
  accept: ".csv,.txt,.xlsx,text/csv",
  "aria-describedby": "co2-file-help",
});
const fileError = h("p", { class: "error", role: "alert", hidden: true, id: "co2-file-error" });
/** What was read from the file: readings, time span, and the rows left out. */
const fileNote = h("p", { class: "help", role: "status", hidden: true, id: "co2-file-note" });

/** "rows 3, 5 and 9" or "12 rows, the first 3, 5, 9, …". */
function rowList(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  if (rows.length <= 5) return `rows ${rows.slice(0, -1).join(", ")} and ${rows.at(-1)}`;
  return `${rows.length} rows (${rows.slice(0, 5).join(", ")}, …)`;
}
const dataChart = h("div", { id: "co2-data-chart" });
const transitions = h("input", {
  id: "co2-transitions",
  type: "text",
  inputmode: "decimal",
  "aria-describedby": "co2-transitions-help",
});
const message = h("div", { class: "summary error", role: "alert", hidden: true });
const fitResult = h("div", { id: "co2-fit-result", "aria-live": "polite" });
const suggest = h("button", {
  type: "button",
  class: "secondary",
  id: "co2-suggest",
  disabled: true,
}, "Suggest transition times");
const fit = h(
  "button",
  { type: "button", class: "primary", id: "co2-fit", disabled: true },
  "Fit the ventilation",
);

const value = (id: string) => (document.getElementById(id) as HTMLInputElement).value.trim();

/** The room and its occupants as form fields (the CO2 form's and the virus form's). */
function occupants(): Record<string, string> {
  const lunch = (document.getElementById("lunch") as HTMLInputElement).checked ? "1" : "0";
  return {
    room_volume: value("room_volume"),
    total_people: value("total_people"),
    infected_people: value("infected_people"),
    exposed_start: value("exposed_start"),
    exposed_finish: value("exposed_finish"),
    infected_start: value("exposed_start"),
    infected_finish: value("exposed_finish"),
    exposed_lunch_option: lunch,
    infected_lunch_option: lunch,
  };
}

function form(states?: number[]): Record<string, unknown> {
  const body: Record<string, unknown> = {
    CO2_data: JSON.stringify({ times: series!.times, CO2: series!.co2 }),
    ...occupants(),
    exposed_lunch_start: value("exposed_lunch_start"),
    exposed_lunch_finish: value("exposed_lunch_finish"),
  };
  body.infected_lunch_start = body.exposed_lunch_start;
  body.infected_lunch_finish = body.exposed_lunch_finish;
  const capacity = value("room_capacity");
  if (capacity !== "") body.room_capacity = Number(capacity);
  if (states) body.fitting_ventilation_states = JSON.stringify(states);
  return body;
}

/** Hides the last attempt's problems (the summary and each field's). */
function clearErrors() {
  message.hidden = true;
  for (const e of main.querySelectorAll<HTMLElement>(".field .error")) e.hidden = true;
}

function showError(error: unknown) {
  clearErrors();
  const text = (error as Error).message;
  message.hidden = false;
  message.replaceChildren(h("p", {}, text));
  if (error instanceof ApiError && error.status === 400) {
    for (const part of text.split("; ")) {
      const name = part.match(/^([A-Za-z_0-9]+)[.[:]/)?.[1];
      const slot = name ? document.getElementById(`${name}-error`) : null;
      if (slot && name) {
        slot.hidden = false;
        // Named by the label a person sees rather than the wire name.
        const label = document.querySelector(`label[for="${name}"]`)?.textContent;
        slot.textContent = label ? label + part.slice(name.length) : part;
      }
    }
  }
}

function parseStates(): number[] {
  const states = transitions.value.split(/[,;\s]+/).filter(Boolean).map((t) =>
    /:/.test(t) ? Number(t.split(":")[0]) + Number(t.split(":")[1]) / 60 : Number(t)
  );
  if (states.some((s) => !Number.isFinite(s))) {
    throw new ApiError(
      400,
      `co2-transitions: expected times in hours (e.g. 8.5, 10.25) but found "${transitions.value}"`,
    );
  }
  return states;
}

function drawData(marks: number[] = [], predicted?: number[]) {
  const lines = [{ label: "measured CO2", values: series!.co2 }];
  if (predicted) lines.push({ label: "fitted CO2", values: predicted });
  dataChart.replaceChildren(lineChart({
    title: "CO2 readings" + (marks.length ? " and transition times" : ""),
    x: series!.times,
    xLabel: "Time (h)",
    yLabel: "CO2 (ppm)",
    guides: [{ y: 800, label: "800 ppm" }, { y: 1500, label: "1500 ppm" }],
    marks,
    lines,
  }));
}

async function readFile(file: File): Promise<Co2Series> {
  if (/\.xlsx$/i.test(file.name)) {
    return seriesFromRows(xlsxRows(new Uint8Array(await file.arrayBuffer())), true);
  }
  return seriesFromRows(csvRows(await file.text()));
}

fileInput.addEventListener("change", async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  fileError.hidden = true;
  fileNote.hidden = true;
  try {
    series = await readFile(file);
    fileNote.hidden = false;
    fileNote.textContent = `${series.times.length} readings from ${clock(series.times[0])} to ` +
      `${clock(series.times.at(-1)!)}` +
      (series.skipped
        ? `; left out, without a time and a CO2 number: ${rowList(series.skipped)}.`
        : ".");
    drawData();
    suggest.disabled = false;
    fit.disabled = false;
    const first = series.times[0];
    const last = series.times.at(-1)!;
    (document.getElementById("exposed_start") as HTMLInputElement).value ||= clock(first);
    (document.getElementById("exposed_finish") as HTMLInputElement).value ||= clock(last);
  } catch (error) {
    fileError.hidden = false;
    fileError.textContent = `${file.name}: ${(error as Error).message}`;
  }
});

suggest.addEventListener("click", async () => {
  clearErrors();
  try {
    const times = await postApi<TransitionTimes>("/co2/transition_times", form());
    transitions.value = times.total_times.join(", ");
    drawData(times.total_times);
  } catch (error) {
    showError(error);
  }
});

fit.addEventListener("click", async () => {
  clearErrors();
  try {
    const states = parseStates();
    const result = await postApi<Co2Fit>("/co2/report", form(states));
    const last = series!.times.at(-1)!;
    const times = states.length > 0 && states.at(-1) !== last ? [...states, last] : states;
    drawData(times, result.predictive_CO2);
    showFit(result, times);
  } catch (error) {
    showError(error);
  }
});

function showFit(result: Co2Fit, times: number[]) {
  const fitting = {
    transition_times: times,
    ventilation_values: result.ventilation_values,
    exhalation_rate: result.exhalation_rate,
    room_capacity: result.room_capacity,
    ventilation_ls_values: result.ventilation_ls_values,
    ventilation_lsp_values: result.ventilation_lsp_values,
  };
  const query = new URLSearchParams({
    ventilation_type: "from_fitting",
    CO2_fitting_result: JSON.stringify(fitting),
    ...occupants(),
  });
  fitResult.replaceChildren(
    h("h2", {}, "Fitted ventilation"),
    h(
      "p",
      {},
      "Exhalation rate: ",
      h(
        "strong",
        { id: "exhalation-rate", "data-value": String(result.exhalation_rate) },
        `${result.exhalation_rate.toFixed(3)} m³/h`,
      ),
      " per person (fitted).",
    ),
    h(
      "div",
      {
        class: "table-wrap",
        tabindex: 0,
        role: "region",
        "aria-label": "Ventilation per interval",
      },
      h(
        "table",
        { class: "co2-table" },
        h("caption", {}, "Ventilation per interval"),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Interval", "Air changes (h⁻¹)", "L/s", "L/s per person"].map((c) =>
              h("th", { scope: "col" }, c)
            ),
          ),
        ),
        h(
          "tbody",
          {},
          result.ventilation_values.map((ach, i) =>
            h(
              "tr",
              {},
              h(
                "th",
                { scope: "row" },
                // Interval i runs between transition times i and i + 1.
                `${clock(times[i])}–${clock(times[i + 1])}`,
              ),
              h("td", { "data-value": String(ach) }, ach.toFixed(2)),
              h("td", {}, result.ventilation_ls_values[i].toFixed(1)),
              h(
                "td",
                {},
                result.ventilation_lsp_values ? result.ventilation_lsp_values[i].toFixed(1) : "–",
              ),
            )
          ),
        ),
      ),
    ),
    h(
      "p",
      {},
      h(
        "a",
        { id: "use-fit", class: "button-link", href: `/calculator?${query}` },
        "Use this fit in a virus report →",
      ),
    ),
  );
}

main.replaceChildren(
  h("h1", {}, "Ventilation from CO2 measurements"),
  h(
    "p",
    { class: "lead" },
    "Upload a CO2 sensor's readings for a room; the calculator suggests when the ventilation changed, fits the air changes in each interval and the occupants' exhalation rate, and can use the fit for an infection-risk report.",
  ),
  message,
  h(
    "fieldset",
    { class: "section" },
    h("legend", {}, "1. Readings"),
    h(
      "div",
      { class: "field field-json" },
      h("label", { for: "co2-file", class: "label" }, "Sensor file (CSV or XLSX)"),
      fileInput,
      h(
        "p",
        { class: "help", id: "co2-file-help" },
        "A column of times (HH:MM, a date and time, or hours like 8.5) and a column of CO2 in ppm; a header row naming them (e.g. “Time”, “CO2”) is recommended.",
      ),
      fileError,
      fileNote,
    ),
  ),
  h(
    "fieldset",
    { class: "section" },
    h("legend", {}, "2. The room and its occupants"),
    field("room_volume", "Room volume", {
      type: "number",
      min: 0,
      step: "any",
      required: true,
      inputmode: "decimal",
    }, "m³"),
    field("total_people", "People in the room", {
      type: "number",
      min: 1,
      step: 1,
      required: true,
      inputmode: "numeric",
    }),
    field(
      "infected_people",
      "Of whom infected",
      { type: "number", min: 0, step: 1, value: 1, inputmode: "numeric" },
      undefined,
      "Counts only for the occupancy profile.",
    ),
    field(
      "room_capacity",
      "Room capacity (optional)",
      { type: "number", min: 1, step: 1, inputmode: "numeric" },
      "people",
      "For the ventilation per person.",
    ),
    field("exposed_start", "Occupied from", { type: "time", required: true }),
    field("exposed_finish", "Occupied until", { type: "time", required: true }),
    h(
      "div",
      { class: "field field-checkbox" },
      h(
        "label",
        { class: "check", for: "lunch" },
        h("input", { type: "checkbox", id: "lunch" }),
        "Lunch break (room empty)",
      ),
    ),
    field("exposed_lunch_start", "Lunch from", { type: "time", value: "12:30" }),
    field("exposed_lunch_finish", "Lunch until", { type: "time", value: "13:30" }),
  ),
  h(
    "fieldset",
    { class: "section" },
    h("legend", {}, "3. Transition times and fit"),
    h("div", { class: "field field-json" }, dataChart),
    h(
      "div",
      { class: "field field-json" },
      h(
        "label",
        { for: "co2-transitions", class: "label" },
        "Times the ventilation or occupancy changed (hours)",
      ),
      transitions,
      h(
        "p",
        { class: "help", id: "co2-transitions-help" },
        "Comma-separated hours of the day (8.5 is 08:30; HH:MM also accepted). The last reading's time ends the last interval.",
      ),
      h("div", {}, suggest, fit),
    ),
  ),
  fitResult,
);
main.dataset.ready = "co2";
