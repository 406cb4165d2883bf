/**
 * Driving the CO2 page: uploading a sensor series and fitting it.
 *
 * @module
 */
/// <reference lib="dom" />
import type { Page } from "puppeteer-core";
import { WAIT_MS } from "./_browser.ts";

/** A file as chosen in the page's file dialog. */
export interface UploadedFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/**
 * Uploads a sensor file, fills in the room of the reference's CO2 example, asks for the
 * suggested transition times and fits.
 *
 * @param page The page, showing `/calculator/co2`.
 * @param file The file (default: the shared example series as CSV).
 */
export async function uploadAndFit(page: Page, file?: UploadedFile): Promise<void> {
  const chosen = file ?? {
    name: "sensor.csv",
    type: "text/csv",
    bytes: new TextEncoder().encode(exampleCsv()),
  };
  await page.waitForSelector("input#co2-file", { timeout: WAIT_MS });
  // As if chosen in the file dialog (no file written on disk).
  await page.evaluate(
    (name: string, type: string, bytes: number[]) => {
      const input = document.querySelector<HTMLInputElement>("#co2-file")!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
      input.files = transfer.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    },
    chosen.name,
    chosen.type,
    Array.from(chosen.bytes),
  );
  await page.waitForSelector("#co2-data-chart .uplot", { timeout: WAIT_MS });
  // The room of the reference's CO2 example (s_co2_report.in.json).
  await page.evaluate(() => {
    const set = (id: string, value: string) => {
      const input = document.getElementById(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    };
    set("room_volume", "60");
    set("total_people", "2");
    set("infected_people", "1");
    set("room_capacity", "10");
    set("exposed_start", "08:30");
    set("exposed_finish", "13:00");
  });
  await page.click("#co2-suggest");
  await page.waitForFunction(
    () => (document.querySelector<HTMLInputElement>("#co2-transitions")?.value ?? "") !== "",
    { timeout: WAIT_MS },
  );
  await page.click("#co2-fit");
  await page.waitForSelector("#co2-fit-result table", { timeout: WAIT_MS });
}

/**
 * The reference's CO2 example series (`s_co2_report.in.json`).
 *
 * @returns Times (hours) and CO2 (ppm).
 */
export function exampleSeries(): { times: number[]; CO2: number[] } {
  const body = JSON.parse(
    Deno.readTextFileSync(
      new URL("../../../shared/fixtures/reference/s_co2_report.in.json", import.meta.url),
    ),
  );
  return JSON.parse(body.CO2_data);
}

/**
 * The example as a sensor's CSV export: a header, decimal hours and ppm.
 *
 * @returns The CSV text.
 */
export function exampleCsv(): string {
  const data = exampleSeries();
  return ["Time (h),CO2 (ppm)", ...data.times.map((t, i) => `${t},${data.CO2[i]}`)].join("\n") +
    "\n";
}
