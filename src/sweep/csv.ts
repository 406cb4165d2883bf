/**
 * CSV as RFC 4180 writes it: comma-separated cells, a cell in double quotes when it
 * holds a comma, a quote or a line break (a quote inside doubled), CRLF or LF lines.
 *
 * @module
 */

/** The CSV is malformed (e.g. a quote left open). */
export class CsvError extends Error {
  /**
   * Creates the error.
   *
   * @param line 1-based line where the problem is.
   * @param problem What is wrong.
   */
  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.name = "CsvError";
  }
}

/** One parsed record with the line it starts on. */
export interface CsvRecord {
  /** 1-based line of the record's first character. */
  readonly line: number;
  /** The cells, unquoted. */
  readonly cells: string[];
}

/**
 * Parses CSV text into records (blank lines skipped).
 *
 * @param text The CSV text.
 * @returns The records in order.
 * @throws {CsvError} On a quote left open or text after a closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  /** The current cell was quoted (it is complete). */
  let quoted = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
    quoted = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === "" && !quoted) {
      const openedAt = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(openedAt, "a quoted cell is never closed");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (text[i] === "\n") line++;
        cell += text[i++];
      }
      if (i < text.length && !/[,\r\n]/.test(text[i])) {
        throw new CsvError(line, `expected a comma or the end of the line after a closing quote`);
      }
      quoted = true;
      continue;
    }
    if (ch === ",") {
      cells.push(cell);
      cell = "";
      quoted = false;
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}

/**
 * Formats one record as a CSV line (with its LF).
 *
 * @param cells The cells (numbers are written with `String`).
 * @returns The line.
 */
export function formatCsvLine(cells: readonly (string | number)[]): string {
  return cells.map((c) => {
    const text = String(c);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }).join(",") + "\n";
}
