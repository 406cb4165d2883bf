/**
 * The calculator's form: draws the sections of {@link SECTIONS}, the occupancy-group
 * and close-range editors, shows or hides fields as the choices change, collects the
 * values to send, and shows the server's problems next to the fields they name.
 *
 * @module
 */
/// <reference lib="dom" />
import { EXPIRATION_NAMES } from "../../registry/defaults.ts";
import { h } from "./dom.ts";
import {
  EDITOR_FIELDS,
  EXTENSION_FIELDS,
  FIELDS,
  type FieldSpec,
  type FormValues,
  SECTIONS,
} from "./form_fields.ts";
import { type GroupsEditor, groupsEditor } from "./groups_editor.ts";
import { type InteractionsEditor, interactionsEditor } from "./interactions_editor.ts";
import type { ServerIssue } from "./server_errors.ts";

/** The drawn form. */
export interface FormView {
  readonly element: HTMLFormElement;
  /** The values to send (only the fields that apply). */
  values(): FormValues;
  /** Shows problems next to their fields (and all of them in a summary). */
  showIssues(issues: readonly ServerIssue[]): void;
  /**
   * The problems the browser finds before sending (required fields, ranges, numbers,
   * JSON text), in the server's format.
   */
  clientIssues(): ServerIssue[];
  /** Clears the problems shown. */
  clearIssues(): void;
  /** Shows the form busy (submitting) or not. */
  busy(on: boolean): void;
}

const id = (name: string) => `f-${name}`;

/** The label a person sees for each field, by its wire name. */
const LABELS: ReadonlyMap<string, string> = new Map([
  ...FIELDS.map((f) => [f.name, f.label] as const),
  // The editors' fields, as their lists are titled.
  ["occupancy", "Occupancy groups"],
  ["short_range_interactions", "Close-range interactions"],
]);

/**
 * An issue as a person reads it: the field's wire name at its start (`windows_number: …`)
 * replaced by the field's label (`Number of windows: …`); a path below it is kept.
 */
function readable(issue: ServerIssue): string {
  const label = LABELS.get(issue.field);
  if (label === undefined || !issue.message.startsWith(issue.field)) return issue.message;
  return label + issue.message.slice(issue.field.length);
}

function input(spec: FieldSpec, value: string, changed: () => void): HTMLElement {
  const described = [spec.help ? `${id(spec.name)}-help` : "", `${id(spec.name)}-error`]
    .filter(Boolean).join(" ");
  const common = {
    id: id(spec.name),
    name: spec.name,
    "aria-describedby": described,
    onchange: changed,
  };
  switch (spec.kind) {
    case "select":
      return h(
        "select",
        common,
        (spec.choices ?? []).map(([v, l]) => h("option", { value: v, selected: v === value }, l)),
      );
    case "radio":
      return h(
        "div",
        {
          class: "radios",
          role: "radiogroup",
          id: id(spec.name),
          "aria-labelledby": `${id(spec.name)}-label`,
          "aria-describedby": described,
        },
        (spec.choices ?? []).map(([v, l], i) =>
          h(
            "label",
            { class: "radio" },
            h("input", {
              type: "radio",
              name: spec.name,
              value: v,
              id: i === 0 ? `${id(spec.name)}-first` : undefined,
              checked: v === value,
              onchange: changed,
            }),
            l,
          )
        ),
      );
    case "checkbox":
      return h("input", { ...common, type: "checkbox", value: "1", checked: value === "1" });
    case "json":
      return h("textarea", { ...common, rows: 3, spellcheck: "false", value });
    case "precise":
      return preciseActivityInput(spec, value, common, changed);
    case "breaks":
      return breaksInput(spec, value, changed);
    default:
      return h("input", {
        ...common,
        type: spec.kind === "integer" || spec.kind === "number"
          ? "number"
          : spec.kind === "time"
          ? "time"
          : "text",
        inputmode: spec.kind === "integer"
          ? "numeric"
          : spec.kind === "number"
          ? "decimal"
          : undefined,
        step: spec.kind === "integer" ? "1" : spec.step,
        min: spec.min,
        max: spec.max,
        required: spec.required,
        value,
      });
  }
}

/** The `precise_activity` field: {physical_activity, respiratory_activity: [{type, percentage}]}. */
interface PreciseActivity {
  physical_activity?: string;
  respiratory_activity?: { type: string; percentage: number }[];
}

function preciseActivityInput(
  spec: FieldSpec,
  value: string,
  common: Record<string, unknown>,
  changed: () => void,
): HTMLElement {
  let parsed: PreciseActivity = {};
  try {
    parsed = JSON.parse(value || "{}");
  } catch {
    // an unreadable link value: start empty
  }
  const share = (type: string) =>
    parsed.respiratory_activity?.find((r) => r.type === type)?.percentage ?? "";
  return h(
    "div",
    { class: "precise" },
    h(
      "select",
      common,
      (spec.choices ?? []).map(([v, l]) =>
        h("option", { value: v, selected: v === (parsed.physical_activity ?? "Seated") }, l)
      ),
    ),
    h(
      "div",
      { class: "shares", role: "group", "aria-label": "Share of time per respiratory activity" },
      EXPIRATION_NAMES.map((type) =>
        h(
          "label",
          { class: "inline" },
          type,
          h("input", {
            type: "number",
            min: 0,
            max: 100,
            step: "any",
            inputmode: "decimal",
            "data-expiration": type,
            value: share(type),
            onchange: changed,
          }),
          " %",
        )
      ),
    ),
  );
}

function readPreciseActivity(row: HTMLElement): string {
  const activity = row.querySelector("select")?.value ?? "";
  const shares = [...row.querySelectorAll<HTMLInputElement>("input[data-expiration]")]
    .filter((i) => i.value.trim() !== "")
    .map((i) => ({ type: i.dataset.expiration!, percentage: Number(i.value) }));
  return JSON.stringify({ physical_activity: activity, respiratory_activity: shares });
}

/** The `specific_breaks` field: breaks of the exposed and of the infected, times "HH:MM". */
type Breaks = Record<
  "exposed_breaks" | "infected_breaks",
  { start_time: string; finish_time: string }[]
>;

function breaksInput(spec: FieldSpec, value: string, changed: () => void): HTMLElement {
  let breaks: Breaks = { exposed_breaks: [], infected_breaks: [] };
  try {
    breaks = { ...breaks, ...JSON.parse(value || "{}") };
  } catch {
    // an unreadable link value: start empty
  }
  const element = h("div", {
    class: "breaks",
    id: id(spec.name),
    "data-breaks": JSON.stringify(breaks),
  });
  const draw = () => {
    element.dataset.breaks = JSON.stringify(breaks);
    element.replaceChildren(
      ...(["exposed_breaks", "infected_breaks"] as const).map((who) =>
        h(
          "div",
          { class: "break-list" },
          h(
            "p",
            { class: "label" },
            who === "exposed_breaks" ? "Exposed occupants" : "Infected occupant",
          ),
          h(
            "ul",
            {
              class: "presence",
              "aria-label": `Breaks of the ${who === "exposed_breaks" ? "exposed" : "infected"}`,
            },
            breaks[who].map((b, i) =>
              h(
                "li",
                {},
                h(
                  "label",
                  { class: "inline" },
                  "From",
                  h("input", {
                    type: "time",
                    value: b.start_time,
                    onchange: (e: Event) => {
                      b.start_time = (e.target as HTMLInputElement).value;
                      draw();
                      changed();
                    },
                  }),
                ),
                h(
                  "label",
                  { class: "inline" },
                  "until",
                  h("input", {
                    type: "time",
                    value: b.finish_time,
                    onchange: (e: Event) => {
                      b.finish_time = (e.target as HTMLInputElement).value;
                      draw();
                      changed();
                    },
                  }),
                ),
                h("button", {
                  type: "button",
                  class: "link",
                  "aria-label": `Remove break ${i + 1}`,
                  onclick: () => {
                    breaks[who].splice(i, 1);
                    draw();
                    changed();
                  },
                }, "Remove"),
              )
            ),
          ),
          h("button", {
            type: "button",
            class: "secondary",
            onclick: () => {
              breaks[who].push({ start_time: "10:00", finish_time: "10:15" });
              draw();
              changed();
            },
          }, "Add a break"),
        )
      ),
    );
  };
  draw();
  return element;
}

function readBreaks(row: HTMLElement): string {
  const breaks = JSON.parse(
    row.querySelector<HTMLElement>(".breaks")?.dataset.breaks ?? "{}",
  ) as Partial<Breaks>;
  const exposed = breaks.exposed_breaks ?? [];
  const infected = breaks.infected_breaks ?? [];
  return exposed.length + infected.length === 0
    ? "{}"
    : JSON.stringify({ exposed_breaks: exposed, infected_breaks: infected });
}

/** Hours in the explicit outdoor temperatures (one per hour of the day, local time). */
const HOURS_PER_DAY = 24;

/**
 * What is wrong with an `outdoor_temperatures` text, or undefined: a JSON array of 24
 * numbers, °C.
 */
function outdoorTemperaturesProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `expected a JSON array of ${HOURS_PER_DAY} temperatures in °C but found ${
      JSON.stringify(text.slice(0, 40))
    }`;
  }
  if (!Array.isArray(value) || value.length !== HOURS_PER_DAY) {
    return `expected ${HOURS_PER_DAY} hourly temperatures in °C but found ${
      Array.isArray(value) ? value.length : typeof value
    }`;
  }
  const bad = value.findIndex((t) => typeof t !== "number" || !Number.isFinite(t));
  return bad >= 0
    ? `expected numbers (°C) but found ${JSON.stringify(value[bad])} at hour ${bad}`
    : undefined;
}

/** A number as a number input accepts it ("293." and "75.0" from links become "293", "75"). */
function numberText(spec: FieldSpec, value: string): string {
  if (spec.kind !== "number" && spec.kind !== "integer") return value;
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? String(n) : value;
}

function fieldRow(spec: FieldSpec, value: string, changed: () => void): HTMLElement {
  const control = input(spec, numberText(spec, value), changed);
  const grouped = spec.kind === "radio" || spec.kind === "breaks";
  const labelFor = grouped ? undefined : id(spec.name);
  const labelTag = grouped ? "span" : "label";
  const labelElement = h(
    labelTag as "label",
    {
      for: labelFor,
      id: `${id(spec.name)}-label`,
      class: "label",
    },
    spec.label,
    spec.required ? h("span", { class: "req", "aria-hidden": "true" }, " *") : null,
  );
  return h(
    "div",
    { class: `field field-${spec.kind}`, "data-field": spec.name },
    spec.kind === "checkbox"
      ? h("label", { class: "check", for: id(spec.name) }, control, spec.label)
      : [
        labelElement,
        h(
          "div",
          { class: "control" },
          control,
          spec.unit ? h("span", { class: "unit" }, spec.unit) : null,
        ),
      ],
    spec.help ? h("p", { class: "help", id: `${id(spec.name)}-help` }, spec.help) : null,
    h("p", { class: "error", id: `${id(spec.name)}-error`, role: "alert", hidden: true }),
  );
}

/**
 * Draws the form.
 *
 * @param initial The values to start from.
 * @param onSubmit Called with the form when the user submits it.
 * @returns The form view.
 */
export function formView(initial: FormValues, onSubmit: (view: FormView) => void): FormView {
  const rows = new Map<string, HTMLElement>();
  const sections = new Map<string, HTMLElement>();
  const groups: GroupsEditor = groupsEditor(initial, () => refresh());
  const interactions: InteractionsEditor = interactionsEditor(initial, () => refresh());
  const summary = h("div", { class: "summary error", role: "alert", hidden: true, tabindex: "-1" });
  const submit = h("button", { type: "submit", class: "primary" }, "Calculate the risk");
  const form = h("form", {
    class: "calculator",
    novalidate: true,
    "aria-label": "Risk calculator",
  });

  const read = (spec: FieldSpec): string => {
    if (spec.kind === "radio") {
      const checked = form.querySelector<HTMLInputElement>(`input[name="${spec.name}"]:checked`);
      return checked?.value ?? "";
    }
    if (spec.kind === "precise" || spec.kind === "breaks") {
      const row = rows.get(spec.name);
      if (row === undefined) return initial[spec.name] ?? "";
      return spec.kind === "precise" ? readPreciseActivity(row) : readBreaks(row);
    }
    const element = form.querySelector<HTMLInputElement>(`#${id(spec.name)}`);
    if (element === null) return initial[spec.name] ?? "";
    if (spec.kind === "checkbox") return element.checked ? "1" : "0";
    return element.value.trim();
  };
  const current = (): FormValues => {
    const values: FormValues = {};
    for (const spec of FIELDS) values[spec.name] = read(spec);
    values.occupancy_mode = groups.mode();
    return values;
  };
  const applies = (spec: FieldSpec, values: FormValues) =>
    (spec.when?.(values) ?? true) &&
    (SECTIONS.find((s) => s.fields.includes(spec))?.when?.(values) ?? true);
  const refresh = () => {
    const values = current();
    for (const spec of FIELDS) {
      const row = rows.get(spec.name);
      if (row) row.hidden = spec.kind === "hidden" || !applies(spec, values);
    }
    groups.refresh();
    interactions.refresh(values.short_range_option === "short_range_yes", groups.ids());
  };

  for (const section of SECTIONS) {
    const element = h(
      "fieldset",
      { id: `s-${section.id}`, class: "section" },
      h("legend", {}, section.title),
      section.intro ? h("p", { class: "intro" }, section.intro) : null,
    );
    if (section.id === "times") element.append(groups.element);
    for (const spec of section.fields) {
      const row = fieldRow(spec, initial[spec.name] ?? "", refresh);
      rows.set(spec.name, row);
      element.append(row);
    }
    if (section.id === "short_range") element.append(interactions.element);
    sections.set(section.id, element);
    form.append(element);
  }
  form.prepend(summary);
  form.append(h("div", { class: "actions" }, submit));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit(view);
  });

  const view: FormView = {
    element: form,
    values() {
      const values = current();
      const out: FormValues = {};
      for (const spec of FIELDS) {
        if (!applies(spec, values) && !spec.alwaysSent) continue;
        const value = values[spec.name];
        if (EXTENSION_FIELDS.includes(spec.name) && value === "") continue;
        out[spec.name] = value;
      }
      if (groups.mode() === "groups") {
        out.occupancy = groups.value();
        const totals = groups.totals();
        out.total_people = String(totals.people);
        out.infected_people = String(totals.infected);
      }
      if (values.short_range_option === "short_range_yes") {
        out.short_range_interactions = interactions.value(
          groups.mode() === "groups" ? undefined : "group_1",
        );
      }
      return out;
    },
    showIssues(issues) {
      view.clearIssues();
      const shown = new Set<string>();
      for (const issue of issues) {
        const target = (EDITOR_FIELDS as readonly string[]).includes(issue.field)
          ? (issue.field === "occupancy" ? groups.errorElement : interactions.errorElement)
          : form.querySelector<HTMLElement>(`#${id(issue.field)}-error`);
        if (target !== null && issue.field !== "") {
          target.hidden = false;
          target.textContent = target.textContent
            ? `${target.textContent} ${readable(issue)}`
            : readable(issue);
          shown.add(issue.field);
          const row = rows.get(issue.field);
          if (row) row.hidden = false;
          row?.classList.add("invalid");
          row?.querySelector("input, select, textarea")?.setAttribute("aria-invalid", "true");
        }
      }
      summary.hidden = false;
      summary.replaceChildren(
        h("p", {}, "The calculator could not use these inputs:"),
        h(
          "ul",
          {},
          issues.map((i) =>
            h(
              "li",
              {},
              i.field && shown.has(i.field)
                ? h("a", { href: `#${id(i.field)}` }, readable(i))
                : readable(i),
            )
          ),
        ),
      );
      summary.focus();
    },
    clientIssues() {
      const issues: ServerIssue[] = [];
      for (const spec of FIELDS) {
        const row = rows.get(spec.name);
        if (row === undefined || row.hidden) continue;
        for (const control of row.querySelectorAll<HTMLInputElement>("input, select, textarea")) {
          if (!control.checkValidity()) {
            issues.push({
              field: spec.name,
              message: `${spec.name}: ${control.validationMessage}`,
            });
            break;
          }
        }
        if (spec.name === "outdoor_temperatures" && read(spec) !== "") {
          const problem = outdoorTemperaturesProblem(read(spec));
          if (problem) issues.push({ field: spec.name, message: `${spec.name}: ${problem}` });
          continue;
        }
        if (spec.kind === "json" && read(spec) !== "") {
          try {
            JSON.parse(read(spec));
          } catch (error) {
            issues.push({
              field: spec.name,
              message: `${spec.name}: expected JSON text (${(error as Error).message})`,
            });
          }
        }
      }
      return issues;
    },
    clearIssues() {
      summary.hidden = true;
      for (const element of form.querySelectorAll<HTMLElement>(".error[id]")) {
        element.hidden = true;
        element.textContent = "";
      }
      groups.errorElement.hidden = true;
      interactions.errorElement.hidden = true;
      for (const row of form.querySelectorAll(".invalid")) row.classList.remove("invalid");
      for (const element of form.querySelectorAll("[aria-invalid]")) {
        element.removeAttribute("aria-invalid");
      }
    },
    busy(on) {
      submit.disabled = on;
      submit.textContent = on ? "Calculating…" : "Calculate the risk";
    },
  };
  refresh();
  return view;
}
