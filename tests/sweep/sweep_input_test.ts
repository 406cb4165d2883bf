import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import {
  inputFormat,
  readSweepInput,
  rowSeed,
  SweepInputError,
} from "../../src/sweep/sweep_input.ts";

Deno.test("JSON Lines: one form per line, blank lines skipped, id and seed taken out", () => {
  const rows = readSweepInput(
    '{"id":"a","seed":7,"room_volume":"60"}\n\n{"total_people":"3"}\n',
    "jsonl",
  );
  deepStrictEqual(rows, [
    { index: 0, line: 1, id: "a", seed: 7, form: { room_volume: "60" } },
    { index: 1, line: 3, id: "", seed: undefined, form: { total_people: "3" } },
  ]);
});

Deno.test("CSV: header of field names; an empty cell leaves its field out", () => {
  const rows = readSweepInput("id,room_volume,seed,air_changes\nr1,60,,\nr2,75,12,3\n", "csv");
  deepStrictEqual(rows.map((r) => [r.index, r.line, r.id, r.seed, r.form]), [
    [0, 2, "r1", undefined, { room_volume: "60" }],
    [1, 3, "r2", 12, { room_volume: "75", air_changes: "3" }],
  ]);
});

Deno.test("bad input names the line and the problem", () => {
  throws(
    () => readSweepInput('{"a":1}\n[1]\n', "jsonl"),
    new SweepInputError(2, "expected a JSON object (one form per line)"),
  );
  throws(() => readSweepInput("{oops\n", "jsonl"), /input line 1: invalid JSON/);
  throws(() => readSweepInput("a,b\n1,2,3\n", "csv"), /input line 2: expected at most 2 cells/);
  throws(() => readSweepInput("a,,b\n", "csv"), /input line 1: column 2 has no name/);
  throws(
    () => readSweepInput('{"seed":-1}\n', "jsonl"),
    /input line 1: seed: expected an integer in 0..4294967295 but found -1/,
  );
  throws(() => readSweepInput("seed\n1.5\n", "csv"), /input line 2: seed/);
});

Deno.test("rowSeed: the seed column, else base + index modulo 2^32", () => {
  const [a, b] = readSweepInput('{"seed":5}\n{}\n', "jsonl");
  strictEqual(rowSeed(a, 100), 5);
  strictEqual(rowSeed(b, 100), 101);
  strictEqual(rowSeed(b, 2 ** 32 - 1), 0);
});

Deno.test("inputFormat from the extension", () => {
  strictEqual(inputFormat("rooms.CSV"), "csv");
  strictEqual(inputFormat("a/rooms.jsonl"), "jsonl");
  throws(() => inputFormat("rooms.xlsx"), /expected a .jsonl or .csv file/);
});
