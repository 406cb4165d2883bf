/**
 * The editor of occupancy groups with presence intervals (the form's `occupancy`
 * field): several groups, each with its people, its infected and the intervals it is in
 * the room. A capability of the model (CAiMIRA 4.18) the reference's web form lacks.
 *
 * @module
 */
/// <reference lib="dom" />
import { h } from "./dom.ts";
import type { FormValues } from "./form_fields.ts";

/** One presence interval, times "HH:MM". */
interface Presence {
  start_time: string;
  finish_time: string;
}

/** One group being edited. */
interface Group {
  id: string;
  total_people: number;
  infected: number;
  presence: Presence[];
}

/** The editor. */
export interface GroupsEditor {
  readonly element: HTMLElement;
  /** Where the server's problems with `occupancy` are shown. */
  readonly errorElement: HTMLElement;
  /** `legacy` (one group, arrival/departure times) or `groups`. */
  mode(): "legacy" | "groups";
  /** The `occupancy` field as JSON text. */
  value(): string;
  /** People and infected over all groups. */
  totals(): { people: number; infected: number };
  /** The group ids. */
  ids(): string[];
  /** Redraws after a change of mode. */
  refresh(): void;
}

function parse(text: string | undefined): Group[] {
  try {
    const value = JSON.parse(text ?? "{}") as Record<string, Partial<Group>>;
    return Object.entries(value).map(([id, g]) => ({
      id,
      total_people: Number(g.total_people ?? 0),
      infected: Number(g.infected ?? 0),
      presence: Array.isArray(g.presence) ? g.presence.map((p) => ({ ...p })) : [],
    }));
  } catch {
    return [];
  }
}

const EXAMPLE: Group[] = [
  {
    id: "group_A",
    total_people: 5,
    infected: 1,
    presence: [{ start_time: "09:00", finish_time: "12:00" }, {
      start_time: "13:00",
      finish_time: "17:00",
    }],
  },
];

/**
 * Creates the editor.
 *
 * @param initial The form's initial values (`occupancy`).
 * @param changed Called after every change.
 * @returns The editor.
 */
export function groupsEditor(initial: FormValues, changed: () => void): GroupsEditor {
  let groups = parse(initial.occupancy);
  let mode: "legacy" | "groups" = groups.length > 0 ? "groups" : "legacy";
  if (groups.length === 0) groups = structuredClone(EXAMPLE);
  const list = h("div", { class: "groups" });
  const errorElement = h("p", {
    class: "error",
    id: "f-occupancy-error",
    role: "alert",
    hidden: true,
  });
  const choose = (value: "legacy" | "groups") => {
    mode = value;
    changed();
  };
  const modeChoice = h(
    "div",
    { class: "radios", role: "radiogroup", "aria-label": "Who is in the room when" },
    h(
      "label",
      { class: "radio" },
      h("input", {
        type: "radio",
        name: "occupancy_mode",
        value: "legacy",
        checked: mode === "legacy",
        onchange: () => choose("legacy"),
      }),
      "Exposed and infected people with arrival and departure times",
    ),
    h(
      "label",
      { class: "radio" },
      h("input", {
        type: "radio",
        name: "occupancy_mode",
        value: "groups",
        id: "f-occupancy",
        checked: mode === "groups",
        onchange: () => choose("groups"),
      }),
      "Occupancy groups, each with its own presence intervals",
    ),
  );

  const numberInput = (labelText: string, value: number, set: (n: number) => void, min = 0) =>
    h(
      "label",
      { class: "inline" },
      labelText,
      h("input", {
        type: "number",
        min,
        step: 1,
        value,
        inputmode: "numeric",
        onchange: (e: Event) => set(Number((e.target as HTMLInputElement).value)),
      }),
    );
  const timeInput = (labelText: string, value: string, set: (s: string) => void) =>
    h(
      "label",
      { class: "inline" },
      labelText,
      h("input", {
        type: "time",
        value,
        onchange: (e: Event) => set((e.target as HTMLInputElement).value),
      }),
    );

  const draw = () => {
    list.replaceChildren(
      ...groups.map((group, gi) =>
        h(
          "div",
          { class: "group", "data-group": group.id },
          h(
            "div",
            { class: "group-head" },
            h(
              "label",
              { class: "inline" },
              "Group name",
              h("input", {
                type: "text",
                value: group.id,
                onchange: (e: Event) => {
                  group.id = (e.target as HTMLInputElement).value.trim();
                  changed();
                },
              }),
            ),
            numberInput("People", group.total_people, (n) => (group.total_people = n)),
            numberInput("Infected", group.infected, (n) => (group.infected = n)),
            h("button", {
              type: "button",
              class: "link",
              onclick: () => {
                groups.splice(gi, 1);
                draw();
                changed();
              },
            }, `Remove ${group.id}`),
          ),
          h(
            "ul",
            { class: "presence", "aria-label": `Presence of ${group.id}` },
            group.presence.map((p, pi) =>
              h(
                "li",
                {},
                timeInput("From", p.start_time, (s) => (p.start_time = s)),
                timeInput("until", p.finish_time, (s) => (p.finish_time = s)),
                h("button", {
                  type: "button",
                  class: "link",
                  "aria-label": `Remove interval ${pi + 1} of ${group.id}`,
                  onclick: () => {
                    group.presence.splice(pi, 1);
                    draw();
                  },
                }, "Remove"),
              )
            ),
          ),
          h("button", {
            type: "button",
            class: "secondary",
            onclick: () => {
              const last = group.presence.at(-1);
              group.presence.push({
                start_time: last?.finish_time ?? "09:00",
                finish_time: "17:00",
              });
              draw();
            },
          }, "Add a presence interval"),
        )
      ),
      h("button", {
        type: "button",
        class: "secondary",
        onclick: () => {
          let n = groups.length + 1;
          while (groups.some((g) => g.id === `group_${n}`)) n++;
          groups.push({
            id: `group_${n}`,
            total_people: 1,
            infected: 0,
            presence: [{ start_time: "09:00", finish_time: "17:00" }],
          });
          draw();
          changed();
        },
      }, "Add a group"),
    );
  };
  draw();
  const element = h(
    "div",
    { class: "field occupancy", "data-field": "occupancy" },
    modeChoice,
    list,
    errorElement,
  );
  return {
    element,
    errorElement,
    mode: () => mode,
    value: () =>
      JSON.stringify(
        Object.fromEntries(
          groups.map((
            g,
          ) => [g.id, {
            total_people: g.total_people,
            infected: g.infected,
            presence: g.presence,
          }]),
        ),
      ),
    totals: () => ({
      people: groups.reduce((n, g) => n + g.total_people, 0),
      infected: groups.reduce((n, g) => n + g.infected, 0),
    }),
    ids: () => (mode === "groups" ? groups.map((g) => g.id) : ["group_1"]),
    refresh: () => {
      list.hidden = mode !== "groups";
    },
  };
}
