import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { parseCsv } from "../../src/sweep/csv.ts";
import {
  readExistingOutput,
  RESULT_COLUMNS,
  resultHeader,
  resultLines,
} from "../../src/sweep/results_csv.ts";
import type { SweepRow } from "../../src/sweep/sweep_input.ts";

const row = (index: number, id = ""): SweepRow => ({ index, line: index + 1, id, form: {} });

Deno.test("resultLines: one line per group, CO2 maximum over the event", () => {
  const text = resultLines(row(4, "r4"), 9, {
    status: "ok",
    results: {
      CO2_concentrations: [440, 900.5, null, 650],
      groups: {
        group_1: { prob_inf: 12.5, prob_inf_sd: 3, expected_new_cases: 1.25 },
        group_2: { prob_inf: 1, prob_inf_sd: null, expected_new_cases: 0.1 },
      },
    },
  });
  deepStrictEqual(parseCsv(resultHeader() + text).map((r) => r.cells), [
    [...RESULT_COLUMNS],
    ["4", "r4", "9", "ok", "group_1", "2", "12.5", "3", "1.25", "900.5", ""],
    ["4", "r4", "9", "ok", "group_2", "2", "1", "", "0.1", "900.5", ""],
  ]);
});

Deno.test("resultLines: an error on one line, its message on one line", () => {
  strictEqual(
    resultLines(row(0), 0, { status: "error", message: "room_volume: expected\na number" }),
    "0,,0,error,,0,,,,,room_volume: expected a number\n",
  );
});

Deno.test("readExistingOutput: rows done; a cut-off line or an incomplete last row dropped", () => {
  const ok = (i: number, groups: string[]) =>
    resultLines(row(i), i, {
      status: "ok",
      results: { groups: Object.fromEntries(groups.map((g) => [g, { prob_inf: 1 }])) },
    });
  const complete = resultHeader() + ok(0, ["g"]) +
    resultLines(row(1), 1, { status: "error", message: "bad form" }) +
    resultLines(row(2), 2, { status: "failed", message: "timeout" }) + ok(3, ["a", "b"]);
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  // Complete: everything kept.
  let existing = readExistingOutput(complete);
  deepStrictEqual([...existing.done].sort(), [0, 1, 3]);
  strictEqual(existing.keepBytes, bytes(complete));
  // A cut-off line after a complete row: only that line dropped.
  existing = readExistingOutput(complete + "7,,7,o");
  deepStrictEqual([...existing.done].sort(), [0, 1, 3]);
  strictEqual(existing.keepBytes, bytes(complete));
  // The last row with one of its two lines: the row dropped.
  const [firstOfTwo] = ok(5, ["group_1", "group_2"]).split(/(?<=\n)/);
  existing = readExistingOutput(complete + firstOfTwo);
  deepStrictEqual([...existing.done].sort(), [0, 1, 3]);
  strictEqual(existing.keepBytes, bytes(complete));
  deepStrictEqual(readExistingOutput(""), { done: new Set(), keepBytes: 0 });
  deepStrictEqual(readExistingOutput("row,id,se"), { done: new Set(), keepBytes: 0 });
  deepStrictEqual(readExistingOutput(resultHeader()), {
    done: new Set(),
    keepBytes: bytes(resultHeader()),
  });
});

Deno.test("readExistingOutput refuses a file with other columns", () => {
  throws(() => readExistingOutput("a,b\n1,2\n"), /the output exists with other columns/);
});
