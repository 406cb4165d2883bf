/**
 * The calculator page's script: the form at `/calculator` and the report at
 * `/calculator/report`, in one page without reloads. Submitting the form asks the API
 * for the report; its problems appear next to the fields; a report pushes its own URL
 * (the inputs and the seed), so back returns to the form and the URL reproduces it.
 *
 * @module
 */
/// <reference lib="dom" />
import { ApiError, postApi, reportQueryOptions } from "./api.ts";
import { h } from "./dom.ts";
import type { FormValues } from "./form_fields.ts";
import { type FormView, formView } from "./form_view.ts";
import { LINK_FIELDS, permalinkQuery, valuesFromQuery } from "./permalink.ts";
import type { VirusResults } from "./report_data.ts";
import { reportView } from "./report_view.ts";
import { serverIssues } from "./server_errors.ts";

const main = document.querySelector<HTMLElement>("main")!;
const status = h("p", { class: "status", role: "status", "aria-live": "polite" });

async function requestReport(values: FormValues, seed?: number): Promise<VirusResults> {
  const query = new URLSearchParams({ prob_dist: "0" });
  if (seed !== undefined) query.set("seed", String(seed));
  if ((await reportQueryOptions()).has("alternative_scenarios")) {
    query.set("alternative_scenarios", "1");
  }
  return await postApi<VirusResults>(`/virus/report?${query}`, values);
}

function showForm(initial: FormValues): FormView {
  const view = formView(initial, async (form) => {
    form.clearIssues();
    const local = form.clientIssues();
    if (local.length > 0) {
      form.showIssues(local);
      return;
    }
    form.busy(true);
    status.textContent = "Calculating…";
    const values = form.values();
    try {
      const started = performance.now();
      const results = await requestReport(values);
      performance.measure("caimira-report", { start: started });
      // The form's own entry keeps its values, so that back returns to the filled form.
      history.replaceState({}, "", `/calculator?${permalinkQuery(values)}`);
      history.pushState(
        { report: true },
        "",
        `/calculator/report?${permalinkQuery(values, results.seed)}`,
      );
      showReport(values, results);
    } catch (error) {
      form.busy(false);
      status.textContent = "";
      showProblem(form, error);
    }
  });
  main.replaceChildren(
    h("h1", { id: "form-title", tabindex: "-1" }, "Airborne infection risk calculator"),
    h(
      "p",
      { class: "lead" },
      "Describe a room and the people in it; the calculator estimates the probability that the exposed people are infected by an infected person through the air. Fields marked * are required.",
    ),
    status,
    view.element,
  );
  document.title = "CAiMIRA calculator: airborne infection risk";
  main.dataset.ready = "form";
  return view;
}

function showProblem(form: FormView, error: unknown) {
  if (error instanceof ApiError && error.status === 400) {
    form.showIssues(serverIssues(error.message, LINK_FIELDS));
  } else {
    form.showIssues([{ field: "", message: (error as Error).message }]);
  }
}

function showReport(values: FormValues, results: VirusResults) {
  const report = reportView(values, results, () => {
    history.pushState({}, "", `/calculator?${permalinkQuery(values)}`);
    showForm({ ...valuesFromQuery(new URLSearchParams(permalinkQuery(values))).values });
    document.getElementById("form-title")?.focus();
  });
  main.replaceChildren(report);
  document.title = `CAiMIRA report: ${values.simulation_name ?? ""}`;
  report.querySelector<HTMLElement>("#report-title")?.focus();
  main.dataset.ready = "report";
}

async function route() {
  const { values, seed } = valuesFromQuery(new URLSearchParams(location.search));
  if (location.pathname === "/calculator/report") {
    main.replaceChildren(h("p", { class: "status", role: "status" }, "Calculating the report…"));
    // The link holds the form's values; send them as the form would.
    const form = formView(values, () => {});
    const sent = form.values();
    try {
      showReport(sent, await requestReport(sent, seed));
    } catch (error) {
      history.replaceState({}, "", `/calculator?${permalinkQuery(sent)}`);
      const view = showForm(values);
      showProblem(view, error);
    }
  } else {
    showForm(values);
  }
}

addEventListener("popstate", () => void route());
// Ask early which report options the server has, off the submit's path.
void reportQueryOptions();
void route();
