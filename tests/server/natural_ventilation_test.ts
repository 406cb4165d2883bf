// Natural ventilation with no configuration, through the application in-process
// (`createApp` with the jobs run on this thread, no workers): the reference's REST
// documentation example (caimira/docs/mkdocs/docs/code/rest_api.md, natural
// ventilation in Geneva) answers 200 and names the embedded climatology as its source;
// explicit outdoor temperatures win; a malformed list is a 400 naming the field.
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { createApp } from "../../src/server/app.ts";
import { runJob } from "../../src/server/jobs.ts";
import { readFixtureInput } from "../forms/_helpers.ts";

function app() {
  const a = createApp({
    runReport: (job) => Promise.resolve(runJob(job, {})),
    load: () => ({ size: 1, ready: 1, busy: 0, queued: 0 }),
    allowedOrigins: [],
    maxBodyBytes: 64 * 1024,
    log: () => {},
  });
  return (body: unknown) =>
    a.request("/virus/report?seed=0&prob_dist=0", { method: "POST", body: JSON.stringify(body) });
}

const EXAMPLE = readFixtureInput("s1_rest_example_natural");

Deno.test("createApp: the REST doc's natural-ventilation example answers 200 with no configuration", async () => {
  const res = await app()(EXAMPLE);
  strictEqual(res.status, 200);
  const { results } = await res.json();
  const group = results.groups.group_1;
  ok(group.prob_inf > 0 && group.prob_inf < 100, String(group.prob_inf));
  const source = results.outdoor_temperature_source;
  strictEqual(source.kind, "climatology");
  deepStrictEqual(source.station, {
    id: "06700",
    name: "Geneve Airp.",
    latitude: 46.25,
    longitude: 6.13,
  });
  ok(source.distance_km > 0 && source.distance_km < 10, String(source.distance_km));
  ok(/Deutscher Wetterdienst/.test(source.source), source.source);
  strictEqual(source.warning, undefined);
});

Deno.test("createApp: explicit outdoor_temperatures win and are reported as such", async () => {
  const res = await app()({ ...EXAMPLE, outdoor_temperatures: JSON.stringify(Array(24).fill(0)) });
  strictEqual(res.status, 200);
  strictEqual((await res.json()).results.outdoor_temperature_source.kind, "explicit");
});

Deno.test("createApp: outdoor_temperatures in kelvin are a 400 naming the field and the unit", async () => {
  const res = await app()({ ...EXAMPLE, outdoor_temperatures: Array(24).fill(280) });
  strictEqual(res.status, 400);
  const { message } = await res.json();
  ok(/^outdoor_temperatures: expected temperatures in °C.*kelvin/.test(message), message);
});

Deno.test("createApp: other ventilation types report no outdoor temperature source", async () => {
  const res = await app()({ ...EXAMPLE, ventilation_type: "no_ventilation" });
  strictEqual(res.status, 200);
  strictEqual((await res.json()).results.outdoor_temperature_source, undefined);
});
