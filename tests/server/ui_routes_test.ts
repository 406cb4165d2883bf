// The calculator's routes without a browser: the pages, the assets, and the
// reference's `/_c/<base64 zlib>` links (redirect, or 400 on a broken link).
import { ok, strictEqual } from "node:assert/strict";
import { deflateSync } from "node:zlib";
import { Hono } from "hono";
import { decodeCompressedLink, registerUiRoutes } from "../../src/server/ui_routes.ts";
import { UI_ASSETS } from "../../src/ui/_assets.ts";

function app(): Hono {
  const app = new Hono();
  registerUiRoutes(app);
  return app;
}

Deno.test("registerUiRoutes() serves the pages with their script and stylesheet", async () => {
  for (
    const [path, script] of [
      ["/calculator", "calculator.js"],
      ["/calculator/report", "calculator.js"],
      ["/calculator/co2", "co2.js"],
    ]
  ) {
    const response = await app().request(path);
    strictEqual(response.status, 200, path);
    ok(response.headers.get("Content-Type")!.startsWith("text/html"));
    const html = await response.text();
    ok(html.includes(`/calculator/assets/${script}`), `${path} loads ${script}`);
    ok(html.includes("/calculator/assets/calculator.css"));
  }
});

Deno.test("registerUiRoutes() serves each bundled asset with its type, and 404 for others", async () => {
  for (const [name, asset] of Object.entries(UI_ASSETS)) {
    const response = await app().request(`/calculator/assets/${name}`);
    strictEqual(response.status, 200);
    strictEqual(response.headers.get("Content-Type"), asset.type);
    strictEqual(await response.text(), asset.body);
  }
  strictEqual((await app().request("/calculator/assets/nothing.js")).status, 404);
});

Deno.test("/_c/ redirects a reference-format link (base64 of zlib) to the pre-filled form", async () => {
  // What the reference's generate_permalink makes: b64encode(zlib.compress(urlencode(form))).
  const query = "simulation_name=Meeting+room&room_volume=75.0&hepa_option=1&mask_type=Type+I";
  const payload = deflateSync(new TextEncoder().encode(query)).toString("base64");
  const response = await app().request(`/_c/${payload}`);
  strictEqual(response.status, 302);
  strictEqual(response.headers.get("Location"), `/calculator?${query}`);
  strictEqual(await decodeCompressedLink(payload), query);
});

Deno.test("/_c/ percent-encodes what a header cannot hold (controls, spaces, non-ASCII)", async () => {
  for (
    const [query, location] of [
      ["a=1\r\nSet-Cookie: x=1", "a=1%0D%0ASet-Cookie:%20x=1"],
      ["a=\0", "a=%00"],
      ["room=Salle 3 \u00e9t\u00e9 \u20ac", "room=Salle%203%20%C3%A9t%C3%A9%20%E2%82%AC"],
      ["a=%41&b=~", "a=%41&b=~"],
    ]
  ) {
    const payload = deflateSync(new TextEncoder().encode(query)).toString("base64");
    const response = await app().request(`/_c/${encodeURIComponent(payload)}`);
    strictEqual(response.status, 302, JSON.stringify(query));
    strictEqual(response.headers.get("Location"), `/calculator?${location}`);
    strictEqual(response.headers.get("Set-Cookie"), null);
  }
});

Deno.test("/_c/ answers 400 for a link that is not base64 of zlib data", async () => {
  for (const bad of ["invalid-data", "aGVsbG8=", "%%%"]) {
    const response = await app().request(`/_c/${bad}`);
    strictEqual(response.status, 400, bad);
    ok((await response.text()).startsWith("Invalid calculator link"));
  }
});
