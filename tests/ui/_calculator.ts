/**
 * Driving the calculator's pages like a user: filling the form from a wire body,
 * submitting, and reading the report's numbers.
 *
 * @module
 */
/// <reference lib="dom" />
import type { Page } from "puppeteer-core";
import { WAIT_MS } from "./_browser.ts";

/**
 * Fills the form's fields with a `/virus/report` body (values the form cannot show,
 * e.g. `not-applicable` radios, are skipped: those fields are hidden then).
 *
 * @param page The page, showing the form.
 * @param body The body.
 */
export async function fillForm(page: Page, body: Record<string, unknown>): Promise<void> {
  await page.evaluate((values: Record<string, unknown>) => {
    const form = document.querySelector("form.calculator")!;
    for (const [name, raw] of Object.entries(values)) {
      const value = String(raw);
      const radios = form.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${name}"]`);
      if (radios.length > 0) {
        for (const radio of radios) {
          if (radio.value === value) {
            radio.checked = true;
            radio.dispatchEvent(new Event("change", { bubbles: true }));
          }
        }
        continue;
      }
      if (name === "precise_activity") {
        const activity = JSON.parse(value) as {
          physical_activity: string;
          respiratory_activity: { type: string; percentage: number }[];
        };
        const row = form.querySelector<HTMLElement>('[data-field="precise_activity"]')!;
        row.querySelector("select")!.value = activity.physical_activity;
        for (const share of row.querySelectorAll<HTMLInputElement>("input[data-expiration]")) {
          share.value = String(
            activity.respiratory_activity.find((r) => r.type === share.dataset.expiration)
              ?.percentage ?? "",
          );
        }
        continue;
      }
      const element = form.querySelector<HTMLInputElement>(`#f-${name}`);
      if (element === null) continue;
      if (element.type === "checkbox") element.checked = value === "1";
      else if (element.type === "number" && value.trim() !== "") {
        element.value = String(Number(value));
      } else element.value = value;
      element.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }, body);
}

/**
 * Submits the form and waits for the report.
 *
 * @param page The page.
 */
export async function submitAndWaitForReport(page: Page): Promise<void> {
  await page.click("form.calculator button[type=submit]");
  await page.waitForSelector("main[data-ready=report] .report .group-card", { timeout: WAIT_MS });
}

/**
 * The numbers shown for each group (their exact values, `data-value`).
 *
 * @param page The page, showing a report.
 * @returns Group id → quantity name → value.
 */
export async function shownNumbers(page: Page): Promise<Record<string, Record<string, number>>> {
  return await page.evaluate(() => {
    const out: Record<string, Record<string, number>> = {};
    for (const card of document.querySelectorAll<HTMLElement>(".group-card")) {
      const numbers: Record<string, number> = {};
      for (const v of card.querySelectorAll<HTMLElement>("[data-name]")) {
        numbers[v.dataset.name!] = Number(v.dataset.value);
      }
      out[card.dataset.group!] = numbers;
    }
    return out;
  });
}
