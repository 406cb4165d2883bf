import { deepStrictEqual, throws } from "node:assert/strict";
import { CsvError, formatCsvLine, parseCsv } from "../../src/sweep/csv.ts";

Deno.test("parseCsv: quotes, doubled quotes, commas and line breaks in cells, CRLF", () => {
  const text = 'a,b,c\r\n1,"x, y","say ""hi"""\n\n"two\nlines",,end\n';
  deepStrictEqual(parseCsv(text), [
    { line: 1, cells: ["a", "b", "c"] },
    { line: 2, cells: ["1", "x, y", 'say "hi"'] },
    { line: 4, cells: ["two\nlines", "", "end"] },
  ]);
});

Deno.test("parseCsv: a last line without its line break", () => {
  deepStrictEqual(parseCsv("a,b\n1,2").map((r) => r.cells), [["a", "b"], ["1", "2"]]);
  deepStrictEqual(parseCsv("a,\n").map((r) => r.cells), [["a", ""]]);
});

Deno.test("parseCsv: an unclosed quote and text after a closing quote name their line", () => {
  throws(() => parseCsv('a\n"open\n'), new CsvError(2, "a quoted cell is never closed"));
  throws(() => parseCsv('a\n"x"y\n'), /line 2: expected a comma/);
});

Deno.test("formatCsvLine quotes only what needs it, and parseCsv reads it back", () => {
  const cells = ["plain", "with,comma", 'a "quote"', "two\nlines", "", "3.5"];
  const line = formatCsvLine([...cells.slice(0, 5), 3.5]);
  deepStrictEqual(line, 'plain,"with,comma","a ""quote""","two\nlines",,3.5\n');
  deepStrictEqual(parseCsv(line)[0].cells, cells);
});
