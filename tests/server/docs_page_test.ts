/**
 * `GET /docs`: Swagger UI served from this server (no CDN), rendering `/openapi.json`.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { Hono } from "hono";
import {
  SWAGGER_UI_BUNDLE_JS_SHA256,
  SWAGGER_UI_CSS_SHA256,
} from "../../src/server/_docs_assets.ts";
import { docsPage } from "../../src/server/docs_page.ts";

const app = new Hono();
app.get("/docs/*", docsPage);

const get = (path: string, headers: Record<string, string> = {}) =>
  app.fetch(new Request(`http://localhost${path}`, { headers }));

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(
    new DecompressionStream("gzip"),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

Deno.test("/docs: a page of local files only, starting Swagger UI on /openapi.json", async () => {
  const page = await get("/docs");
  strictEqual(page.status, 200);
  ok(page.headers.get("Content-Type")!.startsWith("text/html"));
  const html = await page.text();
  const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  deepStrictEqual(sources, ["/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/init.js"]);
  ok(!/https?:\/\//.test(html), "no remote URL in the page");
  const init = await (await get("/docs/init.js")).text();
  ok(init.includes('url: "/openapi.json"'));
  ok(init.includes("validatorUrl: null"), "no remote validator badge");
  strictEqual((await get("/docs/")).status, 200);
  const missing = await get("/docs/nope.js");
  strictEqual(missing.status, 404);
  await missing.body?.cancel();
});

Deno.test("/docs files: the package's bytes, gzip when accepted, plain otherwise", async () => {
  for (
    const [path, sha256, type] of [
      ["/docs/swagger-ui-bundle.js", SWAGGER_UI_BUNDLE_JS_SHA256, "text/javascript"],
      ["/docs/swagger-ui.css", SWAGGER_UI_CSS_SHA256, "text/css"],
    ]
  ) {
    const zipped = await get(path, { "Accept-Encoding": "gzip, deflate, br" });
    strictEqual(zipped.status, 200);
    strictEqual(zipped.headers.get("Content-Encoding"), "gzip");
    ok(zipped.headers.get("Content-Type")!.startsWith(type));
    const bytes = await gunzip(new Uint8Array(await zipped.arrayBuffer()));
    strictEqual(await sha256Hex(bytes), sha256, path);

    const plain = await get(path, { "Accept-Encoding": "identity" });
    strictEqual(plain.headers.get("Content-Encoding"), null);
    strictEqual(await sha256Hex(new Uint8Array(await plain.arrayBuffer())), sha256, path);

    const etag = zipped.headers.get("ETag")!;
    const cached = await get(path, { "If-None-Match": etag });
    strictEqual(cached.status, 304);
  }
  const bundle = await get("/docs/swagger-ui-bundle.js", { "Accept-Encoding": "identity" });
  ok((await bundle.text()).includes("SwaggerUIBundle"));
});
