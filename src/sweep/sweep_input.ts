/**
 * The input of a sweep: one form of `POST /virus/report` per row, as JSON Lines (one
 * JSON object per line) or CSV (a header of field names, then one row per form; an
 * empty cell leaves its field out, so the field's default applies).
 *
 * Two optional control columns are not form fields: `id` (a label copied to the
 * results) and `seed` (the row's seed, 0..2^32−1; without it the row gets the base
 * seed plus its index, see {@link rowSeed}).
 *
 * @module
 */
import { parseCsv } from "./csv.ts";

/** A row of the input is malformed (the message names the line and the problem). */
export class SweepInputError extends Error {
  /**
   * Creates the error.
   *
   * @param line 1-based line of the input.
   * @param problem What is wrong.
   */
  constructor(line: number, problem: string) {
    super(`input line ${line}: ${problem}`);
    this.name = "SweepInputError";
  }
}

/** One form of the sweep. */
export interface SweepRow {
  /** 0-based index among the input's rows (the header and blank lines not counted). */
  readonly index: number;
  /** 1-based line where the row starts, for messages. */
  readonly line: number;
  /** The `id` control column (empty when absent). */
  readonly id: string;
  /** The `seed` control column (absent: derived from the index). */
  readonly seed?: number;
  /** The form, as the request body of `POST /virus/report`. */
  readonly form: Record<string, unknown>;
}

/** Input formats. */
export type SweepInputFormat = "jsonl" | "csv";

/** Largest seed (numpy's `RandomState` takes 0..2^32−1). */
const MAX_SEED = 2 ** 32 - 1;

/**
 * The format of an input file from its name.
 *
 * @param path The file name.
 * @returns "csv" for `.csv`, "jsonl" for `.jsonl`, `.ndjson` or `.json`.
 * @throws {SweepInputError} For any other extension.
 */
export function inputFormat(path: string): SweepInputFormat {
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.(jsonl|ndjson|json)$/i.test(path)) return "jsonl";
  throw new SweepInputError(0, `expected a .jsonl or .csv file but found "${path}"`);
}

function controlSeed(value: unknown, line: number): number | undefined {
  if (value === undefined || value === "") return undefined;
  const seed = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED || String(value).trim() === "") {
    throw new SweepInputError(
      line,
      `seed: expected an integer in 0..${MAX_SEED} but found ${JSON.stringify(value)}`,
    );
  }
  return seed;
}

function toRow(index: number, line: number, fields: Record<string, unknown>): SweepRow {
  const { id, seed, ...form } = fields;
  return {
    index,
    line,
    id: id === undefined ? "" : String(id),
    seed: controlSeed(seed, line),
    form,
  };
}

/**
 * Reads the rows of an input.
 *
 * @param text The file's text.
 * @param format "jsonl" or "csv".
 * @returns The rows in order.
 * @throws {SweepInputError} On a line that is not a JSON object, a CSV row with more
 *   cells than the header, a header without names, or an invalid `seed`.
 */
export function readSweepInput(text: string, format: SweepInputFormat): SweepRow[] {
  if (format === "jsonl") {
    const rows: SweepRow[] = [];
    for (const [i, raw] of text.split(/\r?\n/).entries()) {
      if (raw.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new SweepInputError(i + 1, `invalid JSON (${(error as Error).message})`);
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new SweepInputError(i + 1, "expected a JSON object (one form per line)");
      }
      rows.push(toRow(rows.length, i + 1, value as Record<string, unknown>));
    }
    return rows;
  }
  const [header, ...records] = parseCsv(text);
  if (header === undefined) return [];
  const names = header.cells.map((c) => c.trim());
  const blank = names.findIndex((n) => n === "");
  if (blank >= 0) throw new SweepInputError(header.line, `column ${blank + 1} has no name`);
  return records.map((record, index) => {
    if (record.cells.length > names.length) {
      throw new SweepInputError(
        record.line,
        `expected at most ${names.length} cells (the header's) but found ${record.cells.length}`,
      );
    }
    const fields: Record<string, unknown> = {};
    record.cells.forEach((cell, i) => {
      if (cell !== "") fields[names[i]] = cell;
    });
    return toRow(index, record.line, fields);
  });
}

/**
 * The seed of a row: its `seed` column, else `(baseSeed + index) mod 2^32`, so a row's
 * result does not depend on the shard or on the order in which rows are computed.
 *
 * @param row The row.
 * @param baseSeed The sweep's base seed.
 * @returns The seed, 0..2^32−1.
 */
export function rowSeed(row: SweepRow, baseSeed: number): number {
  return row.seed ?? (baseSeed + row.index) % (MAX_SEED + 1);
}
