/**
 * The rows of the first worksheet of an XLSX file (Office Open XML, ECMA-376): the file
 * is a zip (unpacked with fflate); the sheet is `xl/worksheets/sheet1.xml` (or the first
 * sheet listed), its text cells point into `xl/sharedStrings.xml`. Values only: no
 * formulas are evaluated (their cached values are read), no styles.
 *
 * @module
 */
/// <reference lib="dom" />
import { unzipSync } from "npm:fflate@0.8.3";
import type { Cell } from "./co2_series.ts";

/** Largest file read, bytes. */
const MAX_BYTES = 20 * 1024 * 1024;

function columnNumber(reference: string): number {
  const letters = reference.match(/^[A-Z]+/)?.[0] ?? "A";
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/**
 * Reads the first worksheet.
 *
 * @param bytes The file.
 * @returns Its rows (numbers as numbers, text as text, empty cells null).
 * @throws {TypeError} When the file is not an XLSX workbook.
 */
export function xlsxRows(bytes: Uint8Array): Cell[][] {
  if (bytes.byteLength > MAX_BYTES) throw new TypeError(`expected at most ${MAX_BYTES} bytes`);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => f.name.startsWith("xl/") && f.name.endsWith(".xml"),
    });
  } catch {
    throw new TypeError("expected an .xlsx workbook (a zip archive)");
  }
  const decoder = new TextDecoder();
  const xml = (name: string) =>
    files[name]
      ? new DOMParser().parseFromString(decoder.decode(files[name]), "application/xml")
      : undefined;
  const sheetName = Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))[0];
  const sheet = sheetName ? xml(sheetName) : undefined;
  if (sheet === undefined) throw new TypeError("expected an .xlsx workbook with a worksheet");
  const shared = [...(xml("xl/sharedStrings.xml")?.getElementsByTagName("si") ?? [])].map((si) =>
    [...si.getElementsByTagName("t")].map((t) => t.textContent ?? "").join("")
  );
  const rows: Cell[][] = [];
  for (const row of sheet.getElementsByTagName("row")) {
    const cells: Cell[] = [];
    for (const c of row.getElementsByTagName("c")) {
      const type = c.getAttribute("t");
      const v = c.getElementsByTagName("v")[0]?.textContent ?? null;
      let value: Cell = null;
      if (type === "s" && v !== null) value = shared[Number(v)] ?? null;
      else if (type === "inlineStr") value = c.getElementsByTagName("t")[0]?.textContent ?? null;
      else if (type === "str" || type === "b" || type === "e") value = v;
      else if (v !== null) value = Number(v);
      const reference = c.getAttribute("r");
      cells[reference ? columnNumber(reference) : cells.length] = value;
    }
    rows.push(Array.from(cells, (x) => x ?? null));
  }
  return rows;
}
