/**
 * The browser benchmark of the web calculator: for each shared reference case
 * (`../shared/fixtures/reference/s*.in.json`, virus reports), opens the form pre-filled
 * from a link, submits it and measures the time from the click until the report is on
 * the screen (the API's time included), next to the API's own time for the same request
 * from here. Target: under one second. Needs Chromium and the shared fixtures.
 *
 * Usage: deno task bench:ui
 *
 * @module
 */
/// <reference lib="dom" />
import { findChromium, startBrowser, WAIT_MS } from "../tests/ui/_browser.ts";
import { referenceInput, sharedFixtures, startTestServer } from "../tests/ui/_server.ts";

/** Runs per case; the table shows the fastest (the first warms the worker up). */
const RUNS = 3;

const chromium = findChromium();
const shared = sharedFixtures();
if (chromium === undefined || shared === undefined) {
  console.error("needs chromium (apt-get install -y chromium) and ../shared/fixtures");
  Deno.exit(1);
}
const cases = [...Deno.readDirSync(new URL("reference/", shared))]
  .map((e) => e.name.match(/^(s\d+_.+)\.in\.json$/)?.[1])
  .filter((n): n is string => n !== undefined)
  .sort();

const server = await startTestServer();
const browser = await startBrowser(chromium);
const rows: string[] = [];
try {
  const { page } = await browser.page();
  for (const name of cases) {
    const body = referenceInput(name);
    // A link's absent lunch options are the form's (on); the API's are off.
    const values = { exposed_lunch_option: "0", infected_lunch_option: "0", ...body };
    const query = new URLSearchParams(
      Object.entries(values).map(([k, v]) => [k, String(v)]),
    );
    const browserMs: number[] = [];
    const completeMs: number[] = [];
    const fetchMs: number[] = [];
    const apiMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto(`${server.url}/calculator?${query}`, {
        waitUntil: "networkidle0",
        timeout: WAIT_MS,
      });
      const [shown, complete] = await page.evaluate(() =>
        new Promise<[number, number]>((resolve) => {
          const main = document.querySelector("main")!;
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (document.querySelector(".report .group-card")) {
              observer.disconnect();
              // The next frame: the report's numbers are painted.
              requestAnimationFrame(() => {
                const shown = performance.now() - started;
                // Then the charts and the QR code.
                const drawn = () => {
                  const done = document.querySelectorAll(".figure .uplot").length ===
                      document.querySelectorAll(".figure").length &&
                    document.querySelector(".qr svg");
                  if (done) resolve([shown, performance.now() - started]);
                  else setTimeout(drawn, 5);
                };
                drawn();
              });
            }
          });
          observer.observe(main, { childList: true, subtree: true });
          document.querySelector<HTMLButtonElement>("form.calculator button[type=submit]")!
            .click();
        })
      );
      browserMs.push(shown);
      completeMs.push(complete);
      fetchMs.push(
        await page.evaluate(() =>
          performance.getEntriesByName("caimira-report")[0]?.duration ?? NaN
        ),
      );
      const started = performance.now();
      const response = await fetch(`${server.url}/virus/report?prob_dist=0`, {
        method: "POST",
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      apiMs.push(performance.now() - started);
    }
    const best = Math.min(...browserMs);
    rows.push(
      `| ${name} | ${best.toFixed(0)} | ${Math.min(...completeMs).toFixed(0)} | ${
        Math.min(...fetchMs).toFixed(0)
      } | ${Math.min(...apiMs).toFixed(0)} | ${best <= 1000 ? "yes" : "no"} |`,
    );
  }
} finally {
  await browser.close();
  await server.shutdown();
}
console.log(
  "| case | click to numbers shown, ms | to charts and QR drawn, ms | of which the request, ms | API alone from Deno, ms | numbers under 1 s |",
);
console.log("|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
