// svgDataUri: base64 of the document's UTF-8 bytes, for ASCII documents (taken as they
// are) and for documents with other characters (encoded first), against an independent
// encoding of the bytes.
import { strictEqual } from "node:assert/strict";
import { SVG_DATA_URI_PREFIX, svgDataUri } from "../../src/report/svg.ts";

/** Base64 of the UTF-8 bytes of `text`, one byte at a time. */
function base64OfUtf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

Deno.test("svgDataUri() is base64 of the UTF-8 bytes, ASCII or not", () => {
  const documents = [
    "",
    "<svg xmlns='http://www.w3.org/2000/svg'/>",
    `<svg><text>P(I) = 12.5%</text>${'<rect x="1"/>'.repeat(5000)}</svg>`,
    "<svg><text>Temperature 20 °C, 75 m³ – ok</text></svg>",
    `<svg>${"é".repeat(40000)}</svg>`,
    "<svg><text>\u007f\u0080</text></svg>",
  ];
  for (const svg of documents) {
    const uri = svgDataUri(svg);
    strictEqual(uri, SVG_DATA_URI_PREFIX + base64OfUtf8(svg), svg.slice(0, 40));
    // And it decodes back to the document.
    const binary = atob(uri.slice(SVG_DATA_URI_PREFIX.length));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    strictEqual(new TextDecoder().decode(bytes), svg);
  }
});
