// A sweep computed in-process (the job adapter on `runJob`): each row's numbers are
// those of `virusReport` with the row's seed, whatever the concurrency.
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { virusReport } from "../../src/report/virus_report.ts";
import { runJob } from "../../src/server/jobs.ts";
import { parseCsv } from "../../src/sweep/csv.ts";
import { generateRooms } from "../../src/sweep/generate_rooms.ts";
import { outcome } from "../../src/sweep/report_job.ts";
import { resultHeader } from "../../src/sweep/results_csv.ts";
import { runSweep, type SweepCounts } from "../../src/sweep/run_sweep.ts";
import { readSweepInput } from "../../src/sweep/sweep_input.ts";

Deno.test("runSweep: rows in, one line per row with virusReport's numbers at its seed", async () => {
  const rooms = generateRooms(3, 5);
  const input = rooms.map((r, i) => JSON.stringify(i === 1 ? { ...r, seed: 42 } : r)).join("\n") +
    '\n{"id":"bad","total_people":"many"}\n';
  const rows = readSweepInput(input, "jsonl");
  let output = resultHeader();
  const progress: SweepCounts[] = [];
  const counts = await runSweep({
    rows,
    baseSeed: 1000,
    concurrency: 2,
    report: (form, seed) =>
      Promise.resolve(
        outcome(runJob({ kind: "virus", body: JSON.stringify(form), seed, probDist: false }, {})),
      ),
    write: (lines) => {
      output += lines;
      return Promise.resolve();
    },
    onProgress: (c) => progress.push(c),
  });
  deepStrictEqual(counts, { done: 4, ok: 3, errors: 1, failed: 0 });
  strictEqual(progress.length, 4);
  const records = parseCsv(output).slice(1).map((r) => r.cells).sort((a, b) => +a[0] - +b[0]);
  const seeds = [1000, 42, 1002];
  for (let i = 0; i < 3; i++) {
    const { id: _id, ...form } = rooms[i];
    const report = virusReport(form, { seed: seeds[i], probDist: false }) as unknown as {
      groups: Record<string, { prob_inf: number; expected_new_cases: number }>;
      CO2_concentrations: number[];
    };
    const g = report.groups.group_1;
    deepStrictEqual(records[i].slice(0, 5), [
      String(i),
      rooms[i].id,
      String(seeds[i]),
      "ok",
      "group_1",
    ]);
    strictEqual(records[i][5], "1");
    strictEqual(Number(records[i][6]), g.prob_inf);
    strictEqual(Number(records[i][8]), g.expected_new_cases);
    strictEqual(Number(records[i][9]), Math.max(...report.CO2_concentrations));
  }
  deepStrictEqual(records[3].slice(0, 4), ["3", "bad", "1003", "error"]);
  strictEqual(records[3][10].includes("total_people"), true);
});
