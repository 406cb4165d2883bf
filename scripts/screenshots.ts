/**
 * Saves screenshots of the web calculator as a user sees it, at 1280 px and 375 px:
 * the form, a report (and its print layout, as PDF too) and the CO2 page, into
 * `dist/screenshots/`. Needs Chromium (`apt-get install chromium`) and the shared
 * fixtures (`../shared/fixtures/`).
 *
 * Usage: deno task screenshots
 *
 * @module
 */
/// <reference lib="dom" />
import { fillForm, submitAndWaitForReport } from "../tests/ui/_calculator.ts";
import { findChromium, startBrowser, WAIT_MS } from "../tests/ui/_browser.ts";
import { referenceInput, startTestServer } from "../tests/ui/_server.ts";
import { uploadAndFit } from "../tests/ui/_co2.ts";

const OUT = new URL("../dist/screenshots/", import.meta.url);
/** Height of the parts a phone-width page is also saved in, px. */
const PART_HEIGHT = 1400;
const chromium = findChromium();
if (chromium === undefined) {
  console.error("chromium not found: apt-get install -y chromium (or set CHROMIUM)");
  Deno.exit(1);
}
await Deno.mkdir(OUT, { recursive: true });
const server = await startTestServer();
const browser = await startBrowser(chromium);
try {
  for (const width of [1280, 375]) {
    const { page, errors } = await browser.page(width);
    const shot = async (name: string) => {
      const path = new URL(`${name}-${width}.png`, OUT).pathname;
      await page.screenshot({ path, fullPage: true });
      console.log(`saved ${path}`);
      if (width < 800) {
        // A phone page is long: also save it in screen-high parts, easier to look at.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, part = 1; y < height; y += PART_HEIGHT, part++) {
          await page.screenshot({
            path: new URL(`${name}-${width}-part${part}.png`, OUT).pathname,
            clip: { x: 0, y, width, height: Math.min(PART_HEIGHT, height - y) },
            captureBeyondViewport: true,
          });
        }
      }
    };
    await page.goto(`${server.url}/calculator`, { waitUntil: "networkidle0", timeout: WAIT_MS });
    await shot("form");
    await fillForm(page, referenceInput("s3_mech_masks_shortrange"));
    await page.click("form.calculator button[type=submit]");
    await page.waitForSelector(".summary:not([hidden])", { timeout: WAIT_MS });
    await shot("form-errors");
    const started = performance.now();
    await page.goto(
      `${server.url}/calculator/report?${new URLSearchParams(
        {
          exposed_lunch_option: "0",
          infected_lunch_option: "0",
          ...referenceInput("s3_mech_masks_shortrange"),
        } as Record<string, string>,
      )}&seed=0`,
      { waitUntil: "networkidle0", timeout: WAIT_MS },
    );
    await page.waitForSelector(".report .group-card", { timeout: WAIT_MS });
    console.log(
      `report shown in ${(performance.now() - started).toFixed(0)} ms (page load included)`,
    );
    await new Promise((r) => setTimeout(r, 300));
    await shot("report");
    await page.emulateMediaType("print");
    await shot("report-print");
    if (width === 1280) {
      await page.pdf({
        path: new URL("report.pdf", OUT).pathname,
        format: "A4",
        printBackground: true,
      });
    }
    await page.emulateMediaType("screen");
    await page.goto(`${server.url}/calculator`, { waitUntil: "networkidle0", timeout: WAIT_MS });
    await fillForm(page, referenceInput("s2_hepa_classroom"));
    await submitAndWaitForReport(page);
    await new Promise((r) => setTimeout(r, 300));
    await shot("report-classroom");
    const groups = referenceInput("s4_dynamic_occupancy_hvac_ffp2");
    await page.goto(
      `${server.url}/calculator?${new URLSearchParams(
        { exposed_lunch_option: "0", infected_lunch_option: "0", ...groups } as Record<
          string,
          string
        >,
      )}`,
      { waitUntil: "networkidle0", timeout: WAIT_MS },
    );
    await shot("form-groups");
    await submitAndWaitForReport(page);
    await new Promise((r) => setTimeout(r, 300));
    await shot("report-groups");
    await page.goto(`${server.url}/calculator/co2`, {
      waitUntil: "networkidle0",
      timeout: WAIT_MS,
    });
    await shot("co2");
    await uploadAndFit(page);
    await new Promise((r) => setTimeout(r, 300));
    await shot("co2-fit");
    if (errors.length > 0) console.error(`console errors at ${width} px:\n${errors.join("\n")}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.shutdown();
}
