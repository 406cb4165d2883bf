// The real server on a free loopback port, spoken to over HTTP: routes, envelopes,
// CORS, errors, queue limit, time limit, shutdown, and the reports equal to the library's
// (and to the reference's on every shared fixture).
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { co2Report } from "../../src/report/co2_report.ts";
import { virusReport } from "../../src/report/virus_report.ts";
import type { ServeOptions } from "../../src/server/options.ts";
import { type RunningServer, startServer } from "../../src/server/serve.ts";
import {
  differences,
  NATURAL_FIXTURES,
  NATURAL_UI_REPORT_FIXTURES,
  UI_REPORT_FIXTURES,
} from "../_helpers/report_differences.ts";
import { readFixtureInput, VIRUS_FIXTURES } from "../forms/_helpers.ts";

const WORKER = new URL("../../src/server/main.ts", import.meta.url);
const SHARED_WEATHER = new URL("../../../shared/fixtures/weather/", import.meta.url);
const ALLOWED = "https://allowed.example";

function sharedWeather(): string | undefined {
  try {
    Deno.statSync(new URL("hadisd_station_fullinfo_v311_202001p.txt", SHARED_WEATHER));
    return SHARED_WEATHER.pathname;
  } catch {
    return undefined;
  }
}

async function start(overrides: Partial<ServeOptions>) {
  const log: string[] = [];
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    workers: 1,
    queue: 4,
    timeoutS: 60,
    maxBodyBytes: 64 * 1024,
    allowedOrigins: [ALLOWED],
    headerTimeoutS: 10,
    idleTimeoutS: 30,
    drainDelayS: 0,
    shutdownTimeoutS: 30,
    ...overrides,
  }, { workerUrl: WORKER, log: (line) => log.push(line) });
  return { server, log };
}

/** Waits until /health says ok (a worker is ready); polls without a budget of its own. */
async function ready(server: RunningServer): Promise<void> {
  while (true) {
    const health = await fetch(`${server.url}/health`);
    await health.body?.cancel();
    if (health.status === 200) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function withServer(
  overrides: Partial<ServeOptions>,
  body: (server: RunningServer, log: string[]) => Promise<void>,
): Promise<void> {
  const { server, log } = await start(overrides);
  try {
    await body(server, log);
  } finally {
    await server.shutdown();
  }
}

function post(server: RunningServer, path: string, body: unknown, headers = {}) {
  return fetch(`${server.url}${path}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers,
  });
}

/** The library's report as it travels through JSON. */
function libraryReport(body: unknown, seed: number, probDist = true) {
  return JSON.parse(JSON.stringify(virusReport(body, { seed, probDist })));
}

Deno.test("server: landing, health, OpenAPI document, 404 and 405", async () => {
  await withServer({}, async (server, log) => {
    const landing = await fetch(`${server.url}/`);
    strictEqual((await landing.json()).openapi, "/openapi.json");
    const html = await fetch(`${server.url}/`, { headers: { Accept: "text/html" } });
    const page = await html.text();
    ok(page.includes('<a href="/openapi.json">'));
    // Laid out for a phone's width, links to the calculator, and no favicon request.
    ok(page.includes('<meta name="viewport" content="width=device-width, initial-scale=1">'));
    ok(page.includes('<a href="/calculator">') && page.includes('<link rel="icon" href="data:,">'));
    let health = await fetch(`${server.url}/health`);
    while (health.status === 503) {
      // the worker is starting: /health says so, then ok
      strictEqual((await health.json()).status, "starting");
      await new Promise((r) => setTimeout(r, 20));
      health = await fetch(`${server.url}/health`);
    }
    deepStrictEqual(await health.json(), {
      status: "ok",
      version: (await (await fetch(`${server.url}/`)).json()).version,
      workers: { size: 1, ready: 1, busy: 0, queued: 0 },
    });
    const doc = await (await fetch(`${server.url}/openapi.json`)).json();
    strictEqual(doc.openapi, "3.1.0");
    const form = (path: string) => {
      const schema = doc.paths[path].post.requestBody.content["application/json"].schema;
      return doc.components.schemas[schema.$ref.replace("#/components/schemas/", "")];
    };
    ok(form("/virus/report").properties.total_people);
    ok(doc.paths["/report"].post);
    ok(form("/co2/report").properties.CO2_data);
    ok(doc.paths["/co2/transition_times"].post);
    const docs = await fetch(`${server.url}/docs`);
    strictEqual(docs.status, 200);
    ok((await docs.text()).includes("/docs/swagger-ui-bundle.js"));
    const missing = await fetch(`${server.url}/nope`);
    strictEqual(missing.status, 404);
    deepStrictEqual(await missing.json(), { message: "no route GET /nope" });
    const wrong = await fetch(`${server.url}/virus/report`);
    strictEqual(wrong.status, 405);
    strictEqual(wrong.headers.get("Allow"), "POST, OPTIONS");
    deepStrictEqual(await wrong.json(), {
      message: "GET is not allowed on /virus/report (use POST)",
    });
    ok(log.some((l) => /^GET \/nope 404 [\d.]+ ms id=[0-9a-f]{8}$/.test(l)));
  });
});

Deno.test("server: CORS echoes allowed origins only; preflight is 204", async () => {
  await withServer({}, async (server) => {
    const allowed = await fetch(`${server.url}/health`, {
      headers: { Origin: "https://ALLOWED.example" },
    });
    await allowed.body?.cancel();
    strictEqual(allowed.headers.get("Access-Control-Allow-Origin"), "https://ALLOWED.example");
    const denied = await fetch(`${server.url}/health`, {
      headers: { Origin: "https://other.example" },
    });
    await denied.body?.cancel();
    strictEqual(denied.headers.get("Access-Control-Allow-Origin"), null);
    const preflight = await fetch(`${server.url}/virus/report`, {
      method: "OPTIONS",
      headers: { Origin: ALLOWED },
    });
    await preflight.body?.cancel();
    strictEqual(preflight.status, 204);
    strictEqual(preflight.headers.get("Access-Control-Allow-Methods"), "POST, OPTIONS");
    strictEqual(preflight.headers.get("Access-Control-Allow-Headers"), "Content-Type");
    strictEqual(preflight.headers.get("Access-Control-Allow-Origin"), ALLOWED);
    const refused = await post(server, "/virus/report", "{", { Origin: ALLOWED });
    strictEqual(refused.status, 400);
    await refused.body?.cancel();
    strictEqual(refused.headers.get("Access-Control-Allow-Origin"), ALLOWED);
  });
});

Deno.test("server: each class of bad input is a JSON 400, 413 or 404 naming the problem", async () => {
  await withServer({ maxBodyBytes: 2048 }, async (server) => {
    const body = readFixtureInput("s2_hepa_classroom");
    const cases: [string, unknown, number, RegExp][] = [
      ["/virus/report", "{not json", 400, /^body: expected a JSON object but found invalid JSON/],
      ["/virus/report", "", 400, /^body: expected a JSON object but found nothing$/],
      ["/virus/report", [1, 2], 400, /JSON object/],
      ["/virus/report", { ...body, total_people: "ten" }, 400, /^total_people: expected/],
      ["/virus/report", { ...body, colour: "red" }, 400, /colour/],
      ["/virus/report", { ...body, event_month: "Jan" }, 400, /^event_month: expected one of/],
      ["/virus/report?seed=abc", body, 400, /^query parameter seed: expected an integer/],
      ["/virus/report?samples=9", body, 400, /query parameter samples: unknown/],
      ["/virus/report?sample_size=0", body, 400, /^query parameter sample_size: expected/],
      ["/report?prob_dist=maybe", body, 400, /query parameter prob_dist/],
      ["/virus/report", { ...body, simulation_name: "x".repeat(4000) }, 413, /at most 2048 bytes/],
    ];
    for (const [path, sent, status, message] of cases) {
      const res = await post(server, path, sent);
      strictEqual(res.status, status, `${path} ${JSON.stringify(sent).slice(0, 40)}`);
      strictEqual(res.headers.get("Content-Type"), "application/json");
      const answer = await res.json();
      ok(message.test(answer.message), answer.message);
      ok(!/\.ts|at \w+ \(|file:/.test(answer.message), answer.message);
    }
  });
});

Deno.test("server: natural ventilation without a weather dataset uses the embedded climatology", async () => {
  await withServer({ weatherDirectory: undefined }, async (server, log) => {
    const res = await post(
      server,
      "/virus/report?prob_dist=0",
      readFixtureInput("s1_rest_example_natural"),
    );
    strictEqual(res.status, 200);
    const source = (await res.json()).results.outdoor_temperature_source;
    strictEqual(source.kind, "climatology");
    strictEqual(source.station.id, "06700"); // Geneve Airp., nearest to the example's Geneva
    ok(log.some((line) => /embedded climatology/.test(line)), log.join("\n"));
  });
});

Deno.test("server: a bad --weather-data folder stops the start with a command-line message", async () => {
  const missing = new URL("./no-such-weather-folder/", import.meta.url).pathname;
  await start({ weatherDirectory: missing }).then(
    () => Promise.reject(new Error("expected the start to fail")),
    (error: Error) => {
      ok(/--weather-data/.test(error.message), error.message);
      ok(/CAIMIRA_WEATHER_DATA/.test(error.message), error.message);
      ok(error.message.includes(missing), error.message);
      ok(!/loadWeatherDataset|\{ directory \}/.test(error.message), error.message);
    },
  );
});

Deno.test("server: a seeded /virus/report equals the library call; /report uses report_data", async () => {
  await withServer({}, async (server) => {
    const body = readFixtureInput("s2_hepa_classroom");
    const res = await post(server, "/virus/report?seed=42", body);
    strictEqual(res.status, 200);
    const answer = await res.json();
    strictEqual(answer.status, "success");
    strictEqual(answer.message, "Results generated successfully");
    const expected = libraryReport(body, 42);
    deepStrictEqual(answer.results, expected);
    strictEqual(answer.results.groups.group_1.prob_dist.length, 250_000);
    const old = await (await post(server, "/report?seed=42&prob_dist=0", body)).json();
    deepStrictEqual(Object.keys(old), ["status", "message", "report_data"]);
    deepStrictEqual(old.report_data, libraryReport(body, 42, false));
  });
});

Deno.test("server: without a seed, a random one is used and reported back", async () => {
  await withServer({}, async (server) => {
    const body = readFixtureInput("s2_hepa_classroom");
    const first = (await (await post(server, "/virus/report?prob_dist=0", body)).json()).results;
    ok(Number.isInteger(first.seed) && first.seed >= 0 && first.seed < 2 ** 32);
    const again = await post(server, `/virus/report?prob_dist=0&seed=${first.seed}`, body);
    deepStrictEqual((await again.json()).results, first);
  });
});

Deno.test("server: health answers while a report runs; a full queue answers 503 with Retry-After", async () => {
  await withServer({ queue: 0 }, async (server, log) => {
    const body = readFixtureInput("s3_mech_masks_shortrange");
    const running = post(server, "/virus/report?prob_dist=0", body);
    let health;
    do {
      health = await (await fetch(`${server.url}/health`)).json();
    } while (health.workers.busy === 0);
    deepStrictEqual(health.workers, { size: 1, ready: 1, busy: 1, queued: 0 });
    const refused = await post(server, "/virus/report?prob_dist=0", body);
    strictEqual(refused.status, 503);
    ok(Number(refused.headers.get("Retry-After")) >= 1);
    ok(/busy/.test((await refused.json()).message));
    // On failure the message carries the server's log (an internal error's stack).
    const answer = await running;
    strictEqual(answer.status, 200, `${await answer.text()}\nserver log:\n${log.join("\n")}`);
  });
});

Deno.test("server: a report over the time limit answers 503 and the worker is replaced", async () => {
  await withServer({ timeoutS: 0.02 }, async (server) => {
    await ready(server);
    const res = await post(
      server,
      "/virus/report?prob_dist=0",
      readFixtureInput("s3_mech_masks_shortrange"),
    );
    strictEqual(res.status, 503);
    ok(/time limit of 0.02 s/.test((await res.json()).message));
    const health = await (await fetch(`${server.url}/health`)).json();
    strictEqual(health.workers.busy, 0);
    strictEqual(health.workers.size, 1);
  });
});

Deno.test("server: shutdown lets the request in flight finish", async () => {
  const { server } = await start({ queue: 1 });
  const body = readFixtureInput("s2_hepa_classroom");
  const inFlight = post(server, "/virus/report?prob_dist=0&seed=1", body);
  while (!(await (await fetch(`${server.url}/health`)).json()).workers.busy) {
    // wait until the report is running
  }
  const stopped = server.shutdown();
  const res = await inFlight;
  strictEqual(res.status, 200);
  deepStrictEqual((await res.json()).results, libraryReport(body, 1, false));
  await stopped;
});

const weatherDirectory = sharedWeather();
Deno.test("server: every shared fixture through HTTP equals the reference's results (seed 0)", async () => {
  await withServer({ weatherDirectory, workers: 2, queue: 8 }, async (server) => {
    const compared = await Promise.all(VIRUS_FIXTURES.map(async (name) => {
      if (NATURAL_FIXTURES.has(name) && weatherDirectory === undefined) {
        console.log(`SKIP ${name} over HTTP: ../shared/fixtures/weather station list not found`);
        return 0;
      }
      const res = await post(server, "/virus/report?seed=0", readFixtureInput(name));
      strictEqual(res.status, 200, name);
      const trim = JSON.parse(
        await Deno.readTextFile(
          new URL(`../fixtures/reference/${name}.trim.json`, import.meta.url),
        ),
      );
      const out: string[] = [];
      differences((await res.json()).results, trim.results, `${name}.results`, out);
      deepStrictEqual(out, []);
      return 1;
    }));
    ok(compared.filter((c) => c === 1).length >= VIRUS_FIXTURES.length - NATURAL_FIXTURES.size);
  });
});

Deno.test("server: alternative_scenarios=1 answers the reference's UI report data on every fixture (seed 0)", async () => {
  await withServer({ weatherDirectory, workers: 2, queue: 8 }, async (server) => {
    const compared = await Promise.all(UI_REPORT_FIXTURES.map(async (name, k) => {
      if (NATURAL_UI_REPORT_FIXTURES.has(name) && weatherDirectory === undefined) {
        console.log(`SKIP ${name} over HTTP: ../shared/fixtures/weather station list not found`);
        return 0;
      }
      const read = async (kind: string) =>
        JSON.parse(
          await Deno.readTextFile(
            new URL(`../fixtures/ui_report/${name}.${kind}.json`, import.meta.url),
          ),
        );
      // Both routes; /report wraps the same results in report_data.
      const route = k % 2 === 0 ? "/virus/report" : "/report";
      const res = await post(server, `${route}?seed=0&alternative_scenarios=1`, await read("in"));
      strictEqual(res.status, 200, name);
      const answer = await res.json();
      const results = route === "/report" ? answer.report_data : answer.results;
      const out: string[] = [];
      differences(results, (await read("trim")).results, `${name}.results`, out);
      deepStrictEqual(out, []);
      return 1;
    }));
    ok(compared.filter((c) => c === 1).length >= UI_REPORT_FIXTURES.length - 1);
  });
});

Deno.test("server: the CO2 routes answer the reference's results; plot and fit_method options", async () => {
  await withServer({}, async (server) => {
    const read = async (name: string, kind: string) =>
      JSON.parse(
        await Deno.readTextFile(
          new URL(`../fixtures/reference/${name}.${kind}.json`, import.meta.url),
        ),
      );
    const times = await post(
      server,
      "/co2/transition_times",
      await read("s_co2_transition_times", "in"),
    );
    strictEqual(times.status, 200);
    deepStrictEqual(await times.json(), await read("s_co2_transition_times", "trim"));

    const body = await read("s_co2_report", "in");
    const report = await (await post(server, "/co2/report", body)).json();
    strictEqual(report.status, "success");
    deepStrictEqual(
      report.results,
      JSON.parse(JSON.stringify(co2Report(body))),
    );
    const expected = (await read("s_co2_report", "trim")).results;
    ok(Math.abs(report.results.exhalation_rate / expected.exhalation_rate - 1) < 1e-8);

    // Without a capacity (the field is optional): no flow per person, as the reference.
    for (const capacity of [undefined, "", null, 0]) {
      const res = await post(server, "/co2/report?plot=1", { ...body, room_capacity: capacity });
      strictEqual(res.status, 200, `room_capacity ${capacity}`);
      const { results } = await res.json();
      strictEqual(results.room_capacity, capacity === 0 ? 0 : null);
      strictEqual(results.ventilation_lsp_values, null);
      deepStrictEqual(results.ventilation_values, report.results.ventilation_values);
    }

    const plotted = await (await post(server, "/co2/report?plot=1&fit_method=least_squares", body))
      .json();
    ok(plotted.results.CO2_plot_img.startsWith("data:image/svg+xml;base64,"));
    ok(plotted.results.exhalation_rate !== report.results.exhalation_rate);

    const cases: [string, unknown, RegExp][] = [
      ["/co2/report?seed=1", body, /^query parameter seed: unknown parameter/],
      ["/co2/transition_times?fit_method=powell", body, /fit_method: unknown parameter/],
      ["/co2/report?fit_method=nelder", body, /fit_method: expected "powell" or "least_squares"/],
      [
        "/co2/report",
        { ...body, CO2_data: { times: [1, 2], CO2: [400, -5] } },
        /CO2_data\.CO2\[1\]/,
      ],
      ["/co2/report", { ...body, fitting_ventilation_states: "[]" }, /fitting_ventilation_states/],
      ["/co2/transition_times", { ...body, room_volume: "big" }, /^room_volume: expected/],
    ];
    for (const [path, sent, message] of cases) {
      const res = await post(server, path, sent);
      strictEqual(res.status, 400, path);
      const answer = await res.json();
      ok(message.test(answer.message), answer.message);
    }
  });
});
