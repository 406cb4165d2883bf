/**
 * Driving the CO2 page: uploading a sensor series and fitting it.
 *
 * @module
 */
import type { Page } from "puppeteer-core";
import { WAIT_MS } from "./_browser.ts";

/**
 * Uploads a CSV (built from the reference's CO2 example: its times and ppm) and fits.
 *
 * @param page The page, showing `/calculator/co2`.
 * @param csv The file's text (default: the shared example series).
 */
export async function uploadAndFit(page: Page, csv?: string): Promise<void> {
  const text = csv ?? exampleCsv();
  const input = await page.waitForSelector("#co2-file", { timeout: WAIT_MS });
  const path = await Deno.makeTempFile({ suffix: ".csv" });
  try {
    await Deno.writeTextFile(path, text);
    await input!.uploadFile(path);
    await page.waitForSelector("#co2-data-chart .uplot", { timeout: WAIT_MS });
  } finally {
    await Deno.remove(path);
  }
  await page.click("#co2-suggest");
  await page.waitForFunction(() => (document.querySelector<HTMLInputElement>("#co2-transitions")?.value ?? "") !== "", { timeout: WAIT_MS });
  await page.click("#co2-fit");
  await page.waitForSelector("#co2-fit-result table", { timeout: WAIT_MS });
}

/**
 * The shared CO2 example as a CSV file with a time column (HH:MM) and a CO2 column.
 *
 * @returns The CSV text.
 */
export function exampleCsv(): string {
  const body = JSON.parse(Deno.readTextFileSync(new URL("../../../shared/fixtures/reference/s_co2_report.in.json", import.meta.url)));
  const data = JSON.parse(body.CO2_data) as { times: number[]; CO2: number[] };
  const lines = ["Time,CO2 (ppm)"];
  data.times.forEach((t, i) => {
    const minutes = Math.round(t * 60);
    lines.push(`${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")},${data.CO2[i]}`);
  });
  return lines.join("\n") + "\n";
}
