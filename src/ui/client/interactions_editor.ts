/**
 * The editor of close-range interactions (the form's `short_range_interactions`):
 * rows of expiratory activity, start time and duration, each for one exposure group.
 *
 * @module
 */
/// <reference lib="dom" />
import { EXPIRATION_NAMES } from "../../registry/defaults.ts";
import { h } from "./dom.ts";
import type { FormValues } from "./form_fields.ts";

/** One interaction being edited. */
interface Interaction {
  group: string;
  expiration: string;
  start_time: string;
  duration: number;
}

/** The editor. */
export interface InteractionsEditor {
  readonly element: HTMLElement;
  /** Where the server's problems with `short_range_interactions` are shown. */
  readonly errorElement: HTMLElement;
  /**
   * The field as JSON text.
   *
   * @param onlyGroup Put every interaction in this group (one-group mode).
   */
  value(onlyGroup?: string): string;
  /** Shows or hides the editor and updates the group choices. */
  refresh(shown: boolean, groups: string[]): void;
}

function parse(text: string | undefined): Interaction[] {
  try {
    const value = JSON.parse(text ?? "{}") as Record<string, Omit<Interaction, "group">[]>;
    return Object.entries(value).flatMap(([group, list]) =>
      Array.isArray(list) ? list.map((i) => ({ ...i, group, duration: Number(i.duration) })) : []
    );
  } catch {
    return [];
  }
}

/**
 * Creates the editor.
 *
 * @param initial The form's initial values (`short_range_interactions`).
 * @param changed Called after a change.
 * @returns The editor.
 */
export function interactionsEditor(initial: FormValues, changed: () => void): InteractionsEditor {
  const rows = parse(initial.short_range_interactions);
  let groups = ["group_1"];
  const list = h("ul", { class: "interactions", "aria-label": "Close-range interactions" });
  const errorElement = h("p", {
    class: "error",
    id: "f-short_range_interactions-error",
    role: "alert",
    hidden: true,
  });
  const draw = () => {
    list.replaceChildren(
      ...rows.map((row, i) =>
        h(
          "li",
          {},
          groups.length > 1 || !groups.includes(row.group)
            ? h(
              "label",
              { class: "inline" },
              "Group",
              h("select", {
                onchange: (e: Event) => (row.group = (e.target as HTMLSelectElement).value),
              }, groups.map((g) => h("option", { value: g, selected: g === row.group }, g))),
            )
            : null,
          h(
            "label",
            { class: "inline" },
            "Activity",
            h(
              "select",
              { onchange: (e: Event) => (row.expiration = (e.target as HTMLSelectElement).value) },
              EXPIRATION_NAMES.map((x) =>
                h("option", { value: x, selected: x === row.expiration }, x)
              ),
            ),
          ),
          h(
            "label",
            { class: "inline" },
            "At",
            h("input", {
              type: "time",
              value: row.start_time,
              onchange: (e: Event) => (row.start_time = (e.target as HTMLInputElement).value),
            }),
          ),
          h(
            "label",
            { class: "inline" },
            "For",
            h("input", {
              type: "number",
              min: 0,
              step: 1,
              value: row.duration,
              inputmode: "numeric",
              onchange: (e: Event) => (row.duration = Number((e.target as HTMLInputElement).value)),
            }),
            " min",
          ),
          h("button", {
            type: "button",
            class: "link",
            "aria-label": `Remove interaction ${i + 1}`,
            onclick: () => {
              rows.splice(i, 1);
              draw();
              changed();
            },
          }, "Remove"),
        )
      ),
    );
  };
  const add = h("button", {
    type: "button",
    class: "secondary",
    onclick: () => {
      rows.push({ group: groups[0], expiration: "Speaking", start_time: "10:30", duration: 15 });
      draw();
      changed();
    },
  }, "Add an interaction");
  const element = h(
    "div",
    { class: "field interactions-editor", "data-field": "short_range_interactions" },
    h("p", { class: "label", id: "interactions-label" }, "Interactions"),
    list,
    add,
    errorElement,
  );
  draw();
  return {
    element,
    errorElement,
    value(onlyGroup) {
      const out: Record<string, Omit<Interaction, "group">[]> = {};
      for (const { group, ...rest } of rows) (out[onlyGroup ?? group] ??= []).push(rest);
      return JSON.stringify(out);
    },
    refresh(shown, ids) {
      element.hidden = !shown;
      if (ids.join() !== groups.join()) {
        groups = ids;
        for (const row of rows) if (!groups.includes(row.group)) row.group = groups[0] ?? "group_1";
        draw();
      }
    },
  };
}
