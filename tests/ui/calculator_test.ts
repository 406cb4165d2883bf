/// <reference lib="dom" />
// The web calculator in a real browser (headless Chromium through puppeteer-core):
// the form gives the API's numbers for three rooms, a field error appears next to its
// field, permalinks (ours and the reference's /_c/ format) pre-fill the form, the CSV
// holds the report's series, the CO2 upload-to-report flow works, and axe-core finds
// no serious accessibility violation. Skipped (with a message) when Chromium or the
// shared fixtures are absent.
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { deflateSync } from "node:zlib";
import axe from "axe-core";
import { zipSync } from "fflate";
import type { Page } from "puppeteer-core";
import { findChromium, type HeadlessBrowser, startBrowser, WAIT_MS } from "./_browser.ts";
import { fillForm, shownNumbers, submitAndWaitForReport } from "./_calculator.ts";
import { exampleSeries, uploadAndFit } from "./_co2.ts";
import { referenceInput, sharedFixtures, startTestServer } from "./_server.ts";
import type { RunningServer } from "../../src/server/serve.ts";

const chromium = findChromium();
const shared = sharedFixtures();
const skip = chromium === undefined
  ? "chromium not found (apt-get install -y chromium, or set CHROMIUM)"
  : shared === undefined
  ? "the shared fixtures (../shared/fixtures) are absent"
  : undefined;
if (skip !== undefined) console.warn(`browser tests skipped: ${skip}`);

/** Network errors the tests provoke on purpose (a 400 answer). */
const EXPECTED_400 = /Failed to load resource: the server responded with a status of 400/;

async function withCalculator(
  body: (ctx: { server: RunningServer; browser: HeadlessBrowser }) => Promise<void>,
): Promise<void> {
  const server = await startTestServer();
  let browser: HeadlessBrowser | undefined;
  try {
    browser = await startBrowser(chromium!);
    await body({ server, browser });
  } finally {
    await browser?.close();
    await server.shutdown();
  }
}

async function api(server: RunningServer, path: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });
  return { status: response.status, json: await response.json() };
}

async function open(page: Page, url: string) {
  await page.goto(url, { waitUntil: "networkidle0", timeout: WAIT_MS });
}

async function formValue(page: Page, name: string): Promise<string> {
  return await page.evaluate((n: string) => {
    const radio = document.querySelector<HTMLInputElement>(
      `input[type=radio][name="${n}"]:checked`,
    );
    if (radio) return radio.value;
    const element = document.querySelector<HTMLInputElement>(`#f-${n}`);
    if (element === null) return "(missing)";
    return element.type === "checkbox" ? (element.checked ? "1" : "0") : element.value;
  }, name);
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools (the page's CSP forbids injected inline scripts).
  await page.evaluate(axe.source);
  return await page.evaluate(async () => {
    // deno-lint-ignore no-explicit-any
    const result = await (globalThis as any).axe.run(document, {
      resultTypes: ["violations"],
    });
    return result.violations
      .filter((v: { impact: string }) => v.impact === "serious" || v.impact === "critical")
      .map((v: { id: string; help: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`
      );
  });
}

/**
 * A `/virus/report` body as a calculator link: the link's absent fields take the form's
 * initial values (lunch breaks on, as in the reference's form), the API's are false.
 */
function linkQuery(body: Record<string, unknown>): string {
  const values = { exposed_lunch_option: "0", infected_lunch_option: "0", ...body };
  return new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();
}

const ROOMS = [
  "s2_hepa_classroom",
  "s5_dims_breaks_vaccine_delta",
  "s6_precise_activity_cond_prob",
];

Deno.test({
  name: "calculator: the form's report shows the API's numbers for three rooms (same seed)",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withCalculator(async ({ server, browser }) => {
      const { page, errors } = await browser.page();
      for (const room of ROOMS) {
        const body = referenceInput(room);
        await open(page, `${server.url}/calculator`);
        await fillForm(page, body);
        await submitAndWaitForReport(page);
        const seed = Number(await page.$eval("#seed", (e) => e.textContent));
        ok(Number.isInteger(seed), `${room}: seed shown`);
        const { status, json } = await api(server, `/virus/report?seed=${seed}&prob_dist=0`, body);
        strictEqual(status, 200, `${room}: API ${JSON.stringify(json).slice(0, 200)}`);
        const shown = await shownNumbers(page);
        for (const [id, group] of Object.entries(json.results.groups)) {
          const g = group as Record<string, number>;
          const s = shown[id];
          ok(s !== undefined, `${room}: group ${id} shown`);
          strictEqual(s.prob_inf, g.prob_inf, `${room}: prob_inf`);
          strictEqual(s.prob_inf_sd, g.prob_inf_sd, `${room}: prob_inf_sd`);
          strictEqual(s.expected_new_cases, g.expected_new_cases, `${room}: expected_new_cases`);
          strictEqual(
            s.prob_probabilistic_exposure,
            g.prob_probabilistic_exposure,
            `${room}: probabilistic`,
          );
        }
        if (room.startsWith("s6")) {
          ok(await page.$("figcaption ::-p-text(by viral load)"), "uncertainty plot shown");
        }
      }
      deepStrictEqual(errors, []);
    });
  },
});

Deno.test({
  name: "calculator: a 400 from the API is shown next to the field it names, without a reload",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withCalculator(async ({ server, browser }) => {
      const { page, errors } = await browser.page();
      const body = { ...referenceInput("s2_hepa_classroom"), infected_people: "30" };
      const { status, json } = await api(server, "/virus/report", body);
      strictEqual(status, 400);
      const field = String(json.message).match(/^([A-Za-z_0-9]+)[.[:]/)?.[1];
      ok(field, `the API names a field: ${json.message}`);
      await open(page, `${server.url}/calculator`);
      await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));
      await fillForm(page, body);
      await page.click("form.calculator button[type=submit]");
      const error = await page.waitForSelector(`#f-${field}-error:not([hidden])`, {
        timeout: WAIT_MS,
      });
      const text = await error!.evaluate((e) => e.textContent ?? "");
      // The API's problem, named by the field's label rather than its wire name.
      const problem = json.message.split("; ")[0].slice(field!.length);
      ok(text.includes(problem) && !text.startsWith(field!), `${text} shows ${json.message}`);
      const label = await page.$eval(`label[for=f-${field}]`, (e) => e.textContent ?? "");
      ok(text.startsWith(label.replace(/\s*\*$/, "")), `${text} starts with "${label}"`);
      strictEqual(
        await page.evaluate(() => (globalThis as unknown as { marker: number }).marker),
        42,
        "no reload",
      );
      strictEqual(await page.$eval(`#f-${field}`, (e) => e.getAttribute("aria-invalid")), "true");
      deepStrictEqual(errors.filter((e) => !EXPECTED_400.test(e)), []);
    });
  },
});

Deno.test({
  name: "calculator: permalinks pre-fill the form: ours, our short link, and a reference /_c/ link",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withCalculator(async ({ server, browser }) => {
      const { page, errors } = await browser.page();
      const body = referenceInput("s5_dims_breaks_vaccine_delta");
      await open(page, `${server.url}/calculator`);
      await fillForm(page, body);
      await submitAndWaitForReport(page);
      const checked = [
        "floor_area",
        "ceiling_height",
        "vaccine_booster_type",
        "window_type",
        "geographic_cases",
        "exposed_coffee_break_option",
        "event_month",
      ];
      // The browser's back button returns to the filled-in form too, and forward to the report.
      await Promise.all([
        page.waitForSelector("form.calculator", { timeout: WAIT_MS }),
        page.goBack(),
      ]);
      strictEqual(new URL(page.url()).pathname, "/calculator");
      for (const name of checked) {
        strictEqual(await formValue(page, name), String(body[name]), `back: ${name}`);
      }
      await Promise.all([page.waitForSelector("#edit", { timeout: WAIT_MS }), page.goForward()]);
      // "Change the inputs" returns to the filled-in form, without a reload, focus on its title.
      await page.click("#edit");
      await page.waitForSelector("form.calculator", { timeout: WAIT_MS });
      strictEqual(new URL(page.url()).pathname, "/calculator");
      strictEqual(await formValue(page, "floor_area"), String(body.floor_area));
      strictEqual(await page.evaluate(() => document.activeElement?.id), "form-title");
      await Promise.all([page.waitForSelector("#permalink", { timeout: WAIT_MS }), page.goBack()]);
      const links = {
        "#permalink": await page.$eval("#permalink", (e) => (e as HTMLInputElement).value),
        "#short-link": await page.$eval("#short-link", (e) => (e as HTMLInputElement).value),
      };
      ok(new URL(links["#short-link"]).pathname.startsWith("/_c/"));
      for (const [id, link] of Object.entries(links)) {
        await open(page, link);
        strictEqual(new URL(page.url()).pathname, "/calculator", `${id} opens the form`);
        for (const name of checked) {
          strictEqual(await formValue(page, name), String(body[name]), `${id}: ${name}`);
        }
      }
      // A link as the reference makes it: urlencode of the non-default fields, zlib, base64.
      const referenceQuery =
        "simulation_name=Ref&room_number=42&room_volume=123.0&total_people=7&" +
        "ventilation_type=mechanical_ventilation&mechanical_ventilation_type=mech_type_air_supply&" +
        "air_supply=250.0&exposed_lunch_option=0&mask_wearing_option=mask_on&mask_type=FFP2";
      const payload = deflateSync(new TextEncoder().encode(referenceQuery)).toString("base64");
      await open(page, `${server.url}/_c/${payload}`);
      strictEqual(new URL(page.url()).pathname, "/calculator");
      strictEqual(await formValue(page, "room_volume"), "123");
      strictEqual(await formValue(page, "air_supply"), "250");
      strictEqual(await formValue(page, "mechanical_ventilation_type"), "mech_type_air_supply");
      strictEqual(await formValue(page, "exposed_lunch_option"), "0");
      strictEqual(await formValue(page, "mask_type"), "FFP2");
      strictEqual(await formValue(page, "simulation_name"), "Ref");
      deepStrictEqual(errors, []);
    });
  },
});

Deno.test({
  name: "calculator: the CSV holds the report's times, CO2, concentrations and doses",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withCalculator(async ({ server, browser }) => {
      const { page } = await browser.page();
      const body = referenceInput("s3_mech_masks_shortrange");
      await open(page, `${server.url}/calculator/report?${linkQuery(body)}&seed=7`);
      await page.waitForSelector(".report .group-card", { timeout: WAIT_MS });
      await page.evaluate(() => {
        const blobs: Blob[] = [];
        (globalThis as unknown as { blobs: Blob[] }).blobs = blobs;
        const create = URL.createObjectURL;
        URL.createObjectURL = (b: Blob | MediaSource) => {
          blobs.push(b as Blob);
          return create(b);
        };
      });
      await page.click("#download-csv");
      const csv = await page.evaluate(() =>
        (globalThis as unknown as { blobs: Blob[] }).blobs[0].text()
      );
      const { json } = await api(
        server,
        "/virus/report?seed=7&prob_dist=0&alternative_scenarios=1",
        body,
      );
      const r = json.results;
      const g = r.groups.group_1;
      const rows = csv.trim().split("\n").map((l) => l.split(","));
      const scenarios = Object.entries(r.alternative_scenarios.stats) as [
        string,
        { concentrations: number[] },
      ][];
      deepStrictEqual(rows[0], [
        "time_h",
        "co2_ppm",
        "concentration_virions_per_m3",
        "cumulative_dose_virions",
        "long_range_concentration_virions_per_m3",
        "long_range_cumulative_dose_virions",
        ...scenarios.map(([name]) => `scenario: ${name} concentration_virions_per_m3`),
      ]);
      strictEqual(rows.length - 1, r.times.length);
      rows.slice(1).forEach((row, i) => {
        strictEqual(Number(row[0]), r.times[i]);
        strictEqual(Number(row[1]), r.CO2_concentrations[i]);
        strictEqual(Number(row[2]), g.concentrations[i]);
        strictEqual(
          row[3] === "" ? undefined : Number(row[3]),
          i === 0 ? undefined : g.cumulative_doses[i - 1],
        );
        strictEqual(Number(row[4]), g.concentrations_zoomed[i]);
        scenarios.forEach(([, stats], k) =>
          strictEqual(Number(row[6 + k]), stats.concentrations[i])
        );
      });
    });
  },
});

Deno.test({
  name:
    "calculator: CO2 upload, suggested transitions and fit equal the API's, and the fit makes a report",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withCalculator(async ({ server, browser }) => {
      const { page, errors } = await browser.page();
      await open(page, `${server.url}/calculator/co2`);
      await uploadAndFit(page);
      const data = exampleSeries();
      // What was read is said under the file: every reading (no row left out) and the span.
      const note = await page.$eval("#co2-file-note", (e) => e.textContent ?? "");
      ok(
        note.startsWith(`${data.times.length} readings from 08:00 to `) && note.endsWith("."),
        note,
      );
      const form = {
        CO2_data: JSON.stringify({ times: data.times, CO2: data.CO2 }),
        room_volume: "60",
        total_people: "2",
        infected_people: "1",
        room_capacity: 10,
        exposed_start: "08:30",
        exposed_finish: "13:00",
        infected_start: "08:30",
        infected_finish: "13:00",
      };
      const suggested = await api(server, "/co2/transition_times", form);
      const transitions = await page.$eval(
        "#co2-transitions",
        (e) => (e as HTMLInputElement).value,
      );
      deepStrictEqual(transitions.split(", ").map(Number), suggested.json.results.total_times);
      const fitted = await api(server, "/co2/report", {
        ...form,
        fitting_ventilation_states: JSON.stringify(suggested.json.results.total_times),
      });
      strictEqual(fitted.status, 200);
      strictEqual(
        Number(await page.$eval("#exhalation-rate", (e) => (e as HTMLElement).dataset.value)),
        fitted.json.results.exhalation_rate,
      );
      // Each row names its interval: from one transition time to the next.
      const bounds = [...suggested.json.results.total_times];
      if (bounds.at(-1) !== data.times.at(-1)) bounds.push(data.times.at(-1));
      const clock = (hours: number) => {
        const minutes = Math.round(hours * 60);
        return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:` +
          String(minutes % 60).padStart(2, "0");
      };
      deepStrictEqual(
        await page.$$eval("#co2-fit-result tbody th", (cells) => cells.map((c) => c.textContent)),
        fitted.json.results.ventilation_values.map((_: number, i: number) =>
          `${clock(bounds[i])}–${clock(bounds[i + 1])}`
        ),
      );
      // A problem shown by one attempt is gone after the next one succeeds.
      const setVolume = (value: string) =>
        page.evaluate((v: string) => {
          (document.getElementById("room_volume") as HTMLInputElement).value = v;
        }, value);
      await setVolume("");
      await page.click("#co2-fit");
      const problem = await page.waitForSelector("#room_volume-error:not([hidden])", {
        timeout: WAIT_MS,
      });
      const said = await problem!.evaluate((e) => e.textContent ?? "");
      ok(/^Room volume: expected/.test(said), said);
      await setVolume("60");
      // The earlier fit's table goes, so that the wait below is for the new one.
      await page.$eval("#co2-fit-result", (e) => e.replaceChildren());
      await page.click("#co2-fit");
      await page.waitForSelector("#room_volume-error[hidden]", { timeout: WAIT_MS });
      await page.waitForSelector("#co2-fit-result table", { timeout: WAIT_MS });
      strictEqual(await page.$$eval(".field .error:not([hidden])", (e) => e.length), 0);
      await Promise.all([page.waitForNavigation({ timeout: WAIT_MS }), page.click("#use-fit")]);
      strictEqual(await formValue(page, "ventilation_type"), "from_fitting");
      await fillForm(page, { simulation_name: "From the CO2 fit", room_number: "R1" });
      await submitAndWaitForReport(page);
      const shown = await shownNumbers(page);
      ok(Number.isFinite(shown.group_1.prob_inf), "a report from the fit");
      deepStrictEqual(errors.filter((e) => !EXPECTED_400.test(e)), []);
    });
  },
});

Deno.test({
  name:
    "calculator: axe-core finds no serious accessibility violation on the form, a report and the CO2 page",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withCalculator(async ({ server, browser }) => {
      const { page } = await browser.page(375);
      await open(page, `${server.url}/calculator`);
      deepStrictEqual(await axeViolations(page), [], "form");
      // A name without spaces, longer than the phone's width: the title wraps rather than
      // running off the page.
      const body = {
        ...referenceInput("s3_mech_masks_shortrange"),
        simulation_name: "a_room_name_without_any_space_in_it_wider_than_a_phone",
      };
      await open(page, `${server.url}/calculator/report?${linkQuery(body)}&seed=1`);
      await page.waitForSelector(".report .group-card", { timeout: WAIT_MS });
      deepStrictEqual(await axeViolations(page), [], "report");
      const title = await page.$eval("#report-title", (e) => [e.scrollWidth, e.clientWidth]);
      ok(title[0] <= title[1], `the report's title fits its box (${title[0]} > ${title[1]} px)`);
      const reportWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      ok(
        reportWidth <= 375,
        `no horizontal scrolling at 375 px (report is ${reportWidth} px wide)`,
      );
      await open(page, `${server.url}/calculator/co2`);
      deepStrictEqual(await axeViolations(page), [], "co2");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      ok(width <= 375, `no horizontal scrolling at 375 px (page is ${width} px wide)`);
    });
  },
});

/** A minimal XLSX workbook (Office Open XML) with one sheet of rows; text in shared strings. */
function xlsx(rows: (string | number)[][]): Uint8Array {
  const strings: string[] = [];
  const cells = rows.map((row, r) =>
    `<row r="${r + 1}">${
      row.map((value, c) => {
        const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
        strings.push(value);
        return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
      }).join("")
    }</row>`
  ).join("");
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const text = (s: string) => new TextEncoder().encode(s);
  return zipSync({
    "[Content_Types].xml": text(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "xl/workbook.xml": text(
      `<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="CO2" sheetId="1"/></sheets></workbook>`,
    ),
    "xl/sharedStrings.xml": text(
      `<?xml version="1.0"?><sst ${ns}>${
        strings.map((s) => `<si><t>${s}</t></si>`).join("")
      }</sst>`,
    ),
    "xl/worksheets/sheet1.xml": text(
      `<?xml version="1.0"?><worksheet ${ns}><sheetData>${cells}</sheetData></worksheet>`,
    ),
  });
}

Deno.test({
  name:
    "calculator: an XLSX sensor file (times as day fractions) gives the series the API then fits",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withCalculator(async ({ server, browser }) => {
      const { page, errors } = await browser.page();
      const data = exampleSeries();
      const bytes = xlsx([
        ["Time", "CO2 [ppm]"],
        ...data.times.map((t, i) => [t / 24, data.CO2[i]]),
      ]);
      const sent: string[] = [];
      page.on("request", (request) => {
        if (request.url().endsWith("/co2/transition_times")) sent.push(request.postData() ?? "");
      });
      await open(page, `${server.url}/calculator/co2`);
      await uploadAndFit(page, {
        name: "sensor.xlsx",
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bytes,
      });
      strictEqual(sent.length, 1);
      const body = JSON.parse(sent[0]);
      const series = JSON.parse(body.CO2_data) as { times: number[]; CO2: number[] };
      deepStrictEqual(series.CO2, data.CO2);
      strictEqual(series.times.length, data.times.length);
      series.times.forEach((t, i) => ok(Math.abs(t - data.times[i]) < 1e-9, `time ${i}: ${t}`));
      const suggested = await api(server, "/co2/transition_times", body);
      const transitions = await page.$eval(
        "#co2-transitions",
        (e) => (e as HTMLInputElement).value,
      );
      deepStrictEqual(transitions.split(", ").map(Number), suggested.json.results.total_times);
      deepStrictEqual(errors, []);
    });
  },
});

Deno.test({
  name:
    "calculator: alternative scenarios, viral-load percentiles and the weather source are shown when the API returns them",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withCalculator(async ({ server, browser }) => {
      const { page, errors } = await browser.page();
      const body = referenceInput("s2_hepa_classroom");
      const real = (await api(server, "/virus/report?seed=5&prob_dist=0", body)).json.results;
      const concentrations = real.groups.group_1.concentrations as number[];
      // The parallel branches' contracts (alternative scenarios, weather source), answered
      // here by the test until the server has them.
      const results = {
        ...real,
        alternative_scenarios: {
          stats: {
            "Current scenario": {
              probability_of_infection: real.groups.group_1.prob_inf,
              expected_new_cases: real.groups.group_1.expected_new_cases,
              concentrations,
              prob_probabilistic_exposure: null,
            },
            "Neither ventilation nor masks": {
              probability_of_infection: 42.25,
              expected_new_cases: 9.5,
              concentrations: concentrations.map((c) => 3 * c),
              prob_probabilistic_exposure: 1.5,
            },
          },
        },
        alternative_viral_load: { "1e4": 0.123, "1e8": 55.5 },
        outdoor_temperature_source: {
          kind: "climatology",
          station: { id: "06700", name: "GENEVE-COINTRIN", latitude: 46.25, longitude: 6.13 },
          distance_km: 5.2,
          source: "DWD CLIMAT",
          warning: "the nearest station is far away",
        },
      };
      const asked: string[] = [];
      await page.setRequestInterception(true);
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.pathname === "/openapi.json") {
          void request.respond({
            contentType: "application/json",
            body: JSON.stringify({
              paths: {
                "/virus/report": { post: { parameters: [{ name: "alternative_scenarios" }] } },
              },
            }),
          });
        } else if (url.pathname === "/virus/report") {
          asked.push(url.search);
          void request.respond({
            contentType: "application/json",
            body: JSON.stringify({ status: "success", results }),
          });
        } else void request.continue();
      });
      await open(page, `${server.url}/calculator`);
      await fillForm(page, body);
      await submitAndWaitForReport(page);
      strictEqual(asked.length, 1);
      strictEqual(new URLSearchParams(asked[0]).get("alternative_scenarios"), "1");
      const text = await page.$eval(".report", (e) => (e as HTMLElement).innerText);
      for (
        const expected of [
          "Alternative scenarios",
          "Neither ventilation nor masks\t42.3%\t9.50\t1.5%",
          "1e8\t55.5%",
          "GENEVE-COINTRIN",
          "5 km away",
          "the nearest station is far away",
        ]
      ) ok(text.includes(expected), `the report shows ${JSON.stringify(expected)}`);
      ok(await page.$("figcaption ::-p-text(in each scenario)"), "the scenarios' plot");
      deepStrictEqual(errors, []);
    });
  },
});

Deno.test({
  name: "calculator: the form works from the keyboard and checks fields before sending",
  ignore: skip !== undefined,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await withCalculator(async ({ server, browser }) => {
      const { page, errors } = await browser.page(375);
      let posted = 0;
      page.on("request", (r) => {
        if (r.method() === "POST") posted++;
      });
      await open(page, `${server.url}/calculator`);
      // Windows chosen with the keyboard, then a wrong number of outdoor temperatures:
      // the browser finds it before sending anything.
      await page.focus("#f-simulation_name");
      await page.keyboard.type("Typed meeting");
      await page.keyboard.press("Tab");
      await page.keyboard.type("K1");
      await page.focus("#f-room_volume");
      await page.keyboard.type("60");
      await page.focus("#f-total_people");
      await page.keyboard.type("4");
      await page.focus('input[name="ventilation_type"][value="natural_ventilation"]');
      await page.keyboard.press("Space");
      // Left as they are, the windows' count and sizes are flagged together, before sending.
      await page.focus("#f-room_number");
      await page.keyboard.press("Enter");
      for (const name of ["windows_number", "window_height", "opening_distance"]) {
        await page.waitForSelector(`#f-${name}-error:not([hidden])`, { timeout: WAIT_MS });
      }
      strictEqual(posted, 0, "nothing sent");
      await page.focus("#f-windows_number");
      await page.keyboard.type("1");
      await page.focus("#f-window_height");
      await page.keyboard.type("1.5");
      await page.focus("#f-opening_distance");
      await page.keyboard.type("0.2");
      await page.focus("#f-outdoor_temperatures");
      await page.keyboard.type("[1, 2, 3]");
      await page.keyboard.press("Tab");
      await page.focus("#f-room_number");
      await page.keyboard.press("Enter");
      const error = await page.waitForSelector("#f-outdoor_temperatures-error:not([hidden])", {
        timeout: WAIT_MS,
      });
      ok((await error!.evaluate((e) => e.textContent ?? "")).includes("24 hourly temperatures"));
      strictEqual(posted, 0, "nothing sent");
      // Emptied, the form goes to the server and the report comes back.
      await page.$eval("#f-outdoor_temperatures", (e) => ((e as HTMLTextAreaElement).value = ""));
      await page.focus("#f-room_number");
      await page.keyboard.press("Enter");
      await page.waitForSelector("main[data-ready=report] .group-card", { timeout: WAIT_MS });
      strictEqual(await page.$eval("#report-title", (e) => e.textContent), "Report: Typed meeting");
      deepStrictEqual(errors, []);
    });
  },
});
