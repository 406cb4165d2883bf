/**
 * Runs the rows of a sweep: keeps `concurrency` reports in flight, writes each row's
 * lines as soon as it finishes (so a stopped run loses at most the rows in flight), and
 * reports progress.
 *
 * @module
 */
import { resultLines, type RowOutcome } from "./results_csv.ts";
import { rowSeed, type SweepRow } from "./sweep_input.ts";

/** What a sweep needs. */
export interface SweepRun {
  /** The rows to compute (already filtered by shard and resume). */
  readonly rows: readonly SweepRow[];
  /** Base seed of rows without a `seed` column. */
  readonly baseSeed: number;
  /** Reports in flight at once, ≥ 1. */
  readonly concurrency: number;
  /** Computes one report (never rejects). */
  readonly report: (form: Record<string, unknown>, seed: number) => Promise<RowOutcome>;
  /** Appends a row's lines to the output. */
  readonly write: (lines: string) => Promise<void>;
  /** Called after each row with the counts so far. */
  readonly onProgress?: (counts: SweepCounts) => void;
}

/** Rows computed so far, by outcome. */
export interface SweepCounts {
  /** Rows finished. */
  readonly done: number;
  /** Of which `ok`. */
  readonly ok: number;
  /** Of which `error` (invalid form). */
  readonly errors: number;
  /** Of which `failed` (computed again on resume). */
  readonly failed: number;
}

/**
 * Computes the rows.
 *
 * @param run Rows, seeds, concurrency, how to compute and where to write.
 * @returns The counts at the end.
 */
export async function runSweep(run: SweepRun): Promise<SweepCounts> {
  const counts = { done: 0, ok: 0, errors: 0, failed: 0 };
  let next = 0;
  // Writes one after another, in the order rows finish.
  let writing = Promise.resolve();
  const worker = async () => {
    while (next < run.rows.length) {
      const row = run.rows[next++];
      const seed = rowSeed(row, run.baseSeed);
      const outcome = await run.report(row.form, seed);
      const lines = resultLines(row, seed, outcome);
      writing = writing.then(() => run.write(lines));
      await writing;
      counts.done++;
      if (outcome.status === "ok") counts.ok++;
      else if (outcome.status === "error") counts.errors++;
      else counts.failed++;
      run.onProgress?.({ ...counts });
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(run.concurrency, run.rows.length)) }, worker),
  );
  return counts;
}
