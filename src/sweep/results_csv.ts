/**
 * The output of a sweep: a CSV with one line per exposed group of each computed row
 * (most forms have one group), in the order the rows finish, and how a resumed run
 * finds the rows already done.
 *
 * @module
 */
import { formatCsvLine, parseCsv } from "./csv.ts";
import type { SweepRow } from "./sweep_input.ts";

/**
 * The columns: `row` (0-based input index), `id`, `seed`, `status` (`ok`, `error`: the
 * form was rejected, the message says why; `failed`: the computation failed and a
 * resumed run tries the row again), `group` (name of the exposed group), `group_count`
 * (the row's number of groups, so of lines; 0 for an error), `prob_inf_percent` (mean probability of
 * infection, %), `prob_inf_sd_percent` (its standard deviation over the samples, %),
 * `expected_new_cases` (mean number of new infections in the group), `co2_max_ppm`
 * (highest CO2 concentration of the event, ppm) and `message`.
 */
export const RESULT_COLUMNS = [
  "row",
  "id",
  "seed",
  "status",
  "group",
  "group_count",
  "prob_inf_percent",
  "prob_inf_sd_percent",
  "expected_new_cases",
  "co2_max_ppm",
  "message",
] as const;

/** The outcome of one row's report. */
export type RowOutcome =
  | {
    /** The report ran. */
    readonly status: "ok";
    /** The report's `results` (as `POST /virus/report` returns them). */
    readonly results: Record<string, unknown>;
  }
  | {
    /** "error": the form is invalid (final); "failed": try again on resume. */
    readonly status: "error" | "failed";
    /** Why. */
    readonly message: string;
  };

/** Text on one line (the resume logic reads the output line by line). */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

function numberOrEmpty(value: unknown): number | string {
  return typeof value === "number" && Number.isFinite(value) ? value : "";
}

/**
 * The output lines of one row.
 *
 * @param row The input row.
 * @param seed The seed it ran with.
 * @param outcome The report or the error.
 * @returns The CSV lines (one per group; one for an error), each ending with LF.
 */
export function resultLines(row: SweepRow, seed: number, outcome: RowOutcome): string {
  if (outcome.status !== "ok") {
    return formatCsvLine([
      row.index,
      oneLine(row.id),
      seed,
      outcome.status,
      "",
      0,
      "",
      "",
      "",
      "",
      oneLine(outcome.message),
    ]);
  }
  const { groups, CO2_concentrations: co2 } = outcome.results as {
    groups?: Record<string, Record<string, unknown>>;
    CO2_concentrations?: unknown[];
  };
  const co2Values = Array.isArray(co2) ? co2.filter((v): v is number => typeof v === "number") : [];
  const co2Max = co2Values.length > 0 ? Math.max(...co2Values) : "";
  const entries = Object.entries(groups ?? {});
  return entries.map(([name, g]) =>
    formatCsvLine([
      row.index,
      oneLine(row.id),
      seed,
      "ok",
      name,
      entries.length,
      numberOrEmpty(g.prob_inf),
      numberOrEmpty(g.prob_inf_sd),
      numberOrEmpty(g.expected_new_cases),
      co2Max,
      "",
    ])
  ).join("");
}

/** The header line of the output. */
export function resultHeader(): string {
  return formatCsvLine(RESULT_COLUMNS);
}

/** What an existing output holds. */
export interface ExistingOutput {
  /** Rows done (status `ok` or `error`); `failed` rows are not done. */
  readonly done: ReadonlySet<number>;
  /**
   * Length in UTF-8 bytes of the part to keep; the resumed run cuts off the rest and
   * appends after it.
   */
  readonly keepBytes: number;
}

/**
 * Reads an existing output file (to resume). A row's lines are written together, but
 * a run stopped while writing can leave the last row incomplete (a partial line, or
 * fewer lines than its `group_count`): those lines are dropped and the row computed
 * again.
 *
 * @param text The file's text.
 * @returns The rows done and the length of the part to keep.
 * @throws {Error} When the file's header is not {@link RESULT_COLUMNS} (another file).
 */
export function readExistingOutput(text: string): ExistingOutput {
  const lines = text.split("\n");
  lines.pop(); // the partial line after the last LF ("" when the file ends with LF)
  if (lines.length === 0) return { done: new Set(), keepBytes: 0 };
  if (lines[0].replace(/\r$/, "") !== RESULT_COLUMNS.join(",")) {
    throw new Error(
      `the output exists with other columns (expected ${RESULT_COLUMNS.join(",")}): ` +
        "choose another --out",
    );
  }
  // Lines hold no line breaks (ids and messages are written on one line).
  const records = lines.slice(1).map((l) => parseCsv(l)[0]?.cells ?? []);
  const column = (name: typeof RESULT_COLUMNS[number]) => RESULT_COLUMNS.indexOf(name);
  let kept = records.length;
  if (kept > 0) {
    const last = records[kept - 1];
    let first = kept - 1;
    while (first > 0 && records[first - 1][0] === last[0]) first--;
    const expected = Math.max(1, Number(last[column("group_count")]));
    if (kept - first !== expected) kept = first;
  }
  const done = new Set<number>();
  for (const cells of records.slice(0, kept)) {
    const status = cells[column("status")];
    if (status === "ok" || status === "error") done.add(Number(cells[0]));
  }
  const keepText = lines.slice(0, kept + 1).map((l) => `${l}\n`).join("");
  return { done, keepBytes: new TextEncoder().encode(keepText).length };
}
