/**
 * The web calculator's routes: the pages (`/calculator`, `/calculator/report`,
 * `/calculator/co2`), their bundled assets (`/calculator/assets/<name>`), and the
 * reference's shortened links `/_c/<base64 of the zlib-compressed query>`, which
 * redirect to the pre-filled form as the reference's `CompressedCalculatorFormInputs`
 * does (its QR codes point there).
 *
 * @module
 */
import type { Env, Hono } from "npm:hono@^4.13.19";
import { calculatorPage } from "../ui/pages.ts";

/** The bundled assets (about 0.7 MB of module text), loaded on their first request. */
async function uiAssets() {
  return (await import("../ui/_assets.ts")).UI_ASSETS;
}

/** Longest accepted `/_c/` payload, characters (the reference's links are a few hundred). */
const MAX_COMPRESSED_CHARS = 16 * 1024;

/** Largest decompressed query, bytes. */
const MAX_QUERY_BYTES = 256 * 1024;

function html(body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-cache",
      "Content-Security-Policy":
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'",
    },
  });
}

function badLink(problem: string): Response {
  return new Response(
    `Invalid calculator link: ${problem}. Was it copied completely?`,
    { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
}

/**
 * Decodes a reference-format shortened link: standard base64 (URL-safe letters also
 * accepted) of the zlib-compressed (RFC 1950) query string of the form.
 *
 * @param payload What follows `/_c/`.
 * @returns The query string (without `?`).
 * @throws {TypeError} When the payload is not base64 of zlib data or not UTF-8.
 */
export async function decodeCompressedLink(payload: string): Promise<string> {
  let text: string;
  try {
    text = decodeURIComponent(payload).replaceAll("-", "+").replaceAll("_", "/").trim();
  } catch {
    throw new TypeError("expected base64 text");
  }
  if (text.length === 0 || text.length > MAX_COMPRESSED_CHARS) {
    throw new TypeError(`expected 1 to ${MAX_COMPRESSED_CHARS} base64 characters`);
  }
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    throw new TypeError("expected base64 text");
  }
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(
    new DecompressionStream("deflate"),
  );
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += chunk.byteLength;
      if (size > MAX_QUERY_BYTES) throw new TypeError("too large");
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof TypeError && error.message === "too large") {
      throw new TypeError(`expected at most ${MAX_QUERY_BYTES} bytes once decompressed`);
    }
    throw new TypeError("expected zlib-compressed data");
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(all);
  } catch {
    throw new TypeError("expected UTF-8 text once decompressed");
  }
}

/**
 * A decoded query as it may stand in a `Location` header: every character outside printable
 * ASCII (controls such as CR, LF or NUL, spaces, non-ASCII letters) percent-encoded as
 * UTF-8, which a browser reads back as the same query (a header cannot hold them).
 *
 * @param query The query string (well-formed UTF-16: decoded by a fatal UTF-8 decoder).
 * @returns The same query in printable ASCII.
 */
function asciiQuery(query: string): string {
  return query.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
}

/**
 * Registers the calculator's pages, assets and `/_c/` links on an application.
 *
 * @param app The application.
 */
export function registerUiRoutes<E extends Env>(app: Hono<E>): void {
  app.get("/calculator", () => html(calculatorPage("calculator")));
  app.get("/calculator/", (c) => c.redirect("/calculator", 301));
  app.get("/calculator/report", () => html(calculatorPage("calculator")));
  app.get("/calculator/co2", () => html(calculatorPage("co2")));
  app.get("/calculator/assets/:name", async (c) => {
    const name = c.req.param("name");
    const assets = await uiAssets();
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (asset === undefined) return c.json({ message: `no asset ${name}` }, 404);
    return new Response(asset.body, {
      headers: { "Content-Type": asset.type, "Cache-Control": "no-cache" },
    });
  });
  app.get("/_c/*", async (c) => {
    const payload = c.req.path.slice("/_c/".length);
    let query: string;
    try {
      query = await decodeCompressedLink(payload);
    } catch (error) {
      return badLink((error as Error).message);
    }
    return c.redirect(`/calculator?${asciiQuery(query)}`, 302);
  });
}
