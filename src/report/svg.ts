/**
 * Embedding SVG documents in the report as data URIs.
 *
 * @module
 */

/** The prefix of a base64 SVG data URI. */
export const SVG_DATA_URI_PREFIX = "data:image/svg+xml;base64,";

/**
 * An SVG document as a `data:image/svg+xml;base64,…` URI (UTF-8 bytes, base64), usable
 * as the `src` of an `<img>` like the reference's PNG plots.
 *
 * @param svg The SVG document text.
 * @returns The data URI.
 *
 * @example Usage
 * ```ts
 * import { svgDataUri } from "./svg.ts";
 * const uri = svgDataUri("<svg xmlns='http://www.w3.org/2000/svg'/>");
 * if (!uri.startsWith("data:image/svg+xml;base64,")) throw new Error("unexpected");
 * ```
 */
export function svgDataUri(svg: string): string {
  // ASCII text is its own UTF-8: base64 of the string as it is (the usual case; the
  // byte-by-byte conversion below costs ten times as much).
  if (isAscii(svg)) return SVG_DATA_URI_PREFIX + btoa(svg);
  const bytes = new TextEncoder().encode(svg);
  const chunk = 0x8000;
  let binary = "";
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return SVG_DATA_URI_PREFIX + btoa(binary);
}

/** Whether every character of `text` is ASCII (code unit below 128). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
