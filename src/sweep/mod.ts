/**
 * Batch sweeps as a library: read a portfolio of forms (JSON Lines or CSV), pick a
 * shard, give each row its seed, compute the rows (on the server's worker pool or any
 * other `report` function) and write the results CSV, resumably. `main.ts` is the
 * command (`deno task sweep`).
 *
 * @example Usage
 * ```ts
 * import { readSweepInput, resultHeader, rowSeed, runSweep } from "./mod.ts";
 *
 * const rows = readSweepInput('{"id":"a","room_volume":"60"}\n', "jsonl");
 * let csv = resultHeader();
 * await runSweep({
 *   rows,
 *   baseSeed: 0,
 *   concurrency: 1,
 *   report: () => Promise.resolve({ status: "error", message: "not computed here" }),
 *   write: (lines) => {
 *     csv += lines;
 *     return Promise.resolve();
 *   },
 * });
 * if (rowSeed(rows[0], 0) !== 0 || !csv.includes("a,0,error")) throw new Error("unexpected");
 * ```
 *
 * @module
 */
export { CsvError, type CsvRecord, formatCsvLine, parseCsv } from "./csv.ts";
export { generateRooms } from "./generate_rooms.ts";
export { progressLine } from "./progress.ts";
export { outcome, type ReportPool, type ReportPoolOptions, startReportPool } from "./report_job.ts";
export {
  type ExistingOutput,
  readExistingOutput,
  RESULT_COLUMNS,
  resultHeader,
  resultLines,
  type RowOutcome,
} from "./results_csv.ts";
export { runSweep, type SweepCounts, type SweepRun } from "./run_sweep.ts";
export { inShard, parseShard, type Shard, WHOLE } from "./shard.ts";
export {
  inputFormat,
  readSweepInput,
  rowSeed,
  SweepInputError,
  type SweepInputFormat,
  type SweepRow,
} from "./sweep_input.ts";
