/**
 * Reading a CO2 sensor export: a table (CSV text, or the rows of a spreadsheet) with a
 * time column and a CO2 column, into times (hours of the day) and concentrations (ppm).
 *
 * @module
 */

/** A CO2 series. */
export interface Co2Series {
  /** Hours of the day (e.g. 8.5 for 08:30), increasing. */
  readonly times: number[];
  /** CO2 concentrations, ppm. */
  readonly co2: number[];
  /** The rows left out, numbered among the file's non-blank rows (1 = the first), when any. */
  readonly skipped?: number[];
}

/** A cell of a table. */
export type Cell = string | number | null;

/**
 * A time cell as hours of the day: decimal hours, "HH:MM[:SS]", a date-time text
 * ("2024-01-15 08:30:00" or ISO), or a spreadsheet time (fraction of a day, or a
 * date serial whose fraction is the time of day).
 *
 * @param cell The cell.
 * @param fractionOfDay Numbers are fractions of a day (a spreadsheet's time cells).
 * @returns Hours, or NaN when unreadable.
 */
export function hoursOf(cell: Cell, fractionOfDay = false): number {
  if (cell === null) return NaN;
  if (typeof cell === "number") {
    return fractionOfDay ? 24 * (cell - Math.floor(cell)) : cell;
  }
  const text = cell.trim();
  const clock = text.match(/(?:^|[ T])(\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/);
  if (clock) return Number(clock[1]) + Number(clock[2]) / 60 + Number(clock[3] ?? 0) / 3600;
  const n = Number(text.replace(",", "."));
  return text === "" ? NaN : n;
}

function columnIndex(header: string[], pattern: RegExp, fallback: number): number {
  const found = header.findIndex((h) => pattern.test(h));
  return found >= 0 ? found : fallback;
}

/**
 * Reads a series from table rows: the first row is a header when it is not numeric;
 * the time column is the one named like "time" or "date" (else the first), the CO2
 * column the one named like "CO2" (else the second).
 *
 * @param rows The rows.
 * @param spreadsheet Numbers in the time column are fractions of a day.
 * @returns The series.
 * @throws {RangeError} When fewer than two readable rows are found.
 */
export function seriesFromRows(rows: Cell[][], spreadsheet = false): Co2Series {
  const first = rows[0] ?? [];
  const hasHeader = first.some((c) =>
    typeof c === "string" && c.trim() !== "" && Number.isNaN(Number(c)) && !/^\d{1,2}:\d{2}/.test(c)
  );
  const header = hasHeader ? first.map((c) => String(c ?? "")) : [];
  const timeColumn = columnIndex(header, /time|date|heure|zeit/i, 0);
  const co2Column = columnIndex(header, /co2|co\u2082|ppm/i, timeColumn === 0 ? 1 : 0);
  const times: number[] = [];
  const co2: number[] = [];
  const skipped: number[] = [];
  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) {
    const row = rows[r];
    const t = hoursOf(row[timeColumn] ?? null, spreadsheet);
    const raw = row[co2Column];
    const c = typeof raw === "number" ? raw : Number(String(raw ?? "").trim().replace(",", "."));
    if (Number.isFinite(t) && Number.isFinite(c) && String(raw ?? "").trim() !== "") {
      times.push(t);
      co2.push(c);
    } else {
      skipped.push(r + 1);
    }
  }
  if (times.length < 2) {
    throw new RangeError(
      `expected at least two rows with a time and a CO2 value but found ${times.length}` +
        (header.length ? ` (columns: ${header.join(", ")})` : ""),
    );
  }
  return skipped.length > 0 ? { times, co2, skipped } : { times, co2 };
}

/**
 * Splits CSV text (comma, semicolon or tab separated; quoted cells allowed) into rows.
 *
 * @param text The file's text.
 * @returns The rows.
 */
export function csvRows(text: string): Cell[][] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  const delimiter = [";", "\t", ","].find((d) => (lines[0] ?? "").includes(d)) ?? ",";
  return lines.map((line) => {
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        cells.push(cell);
        cell = "";
      } else cell += ch;
    }
    cells.push(cell);
    return cells;
  });
}
