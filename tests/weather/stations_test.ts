import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { parseStationList } from "../../src/weather/mod.ts";
import { NO_STATION_LIST, STATION_LIST_TEXT } from "./_data.ts";

// Two lines in the list's layout (made-up stations, real column widths).
const LINE_A =
  "000001-99999 FIRST STATION                   12.500  -45.250   100.0 1950-01-01 2020-02-06";
const LINE_B =
  "000002-12345 SECOND STATION                 -89.999  179.999     1.5 1931-01-01 00:00:00 2020-02-06";

Deno.test("parseStationList() cuts the fixed-width columns", () => {
  deepStrictEqual(parseStationList(`${LINE_A}\n${LINE_B}\n`), [
    { id: "000001-99999", name: "FIRST STATION", latitude: 12.5, longitude: -45.25 },
    { id: "000002-12345", name: "SECOND STATION", latitude: -89.999, longitude: 179.999 },
  ]);
});

Deno.test("parseStationList() accepts CRLF and CR line ends and skips blank lines", () => {
  const stations = parseStationList(`${LINE_A}\r\n\r\n${LINE_B}\r`);
  deepStrictEqual(stations.map((s) => s.id), ["000001-99999", "000002-12345"]);
});

Deno.test("parseStationList() keeps a repeated identifier at its first position with its last values", () => {
  // The reference fills a Python dict: insertion order of the first line, value of the last.
  const again = LINE_A.replace("FIRST STATION  ", "FIRST, MOVED   ").replace("12.500", "13.000");
  const stations = parseStationList([LINE_A, LINE_B, again].join("\n"));
  deepStrictEqual(stations.map((s) => [s.id, s.name, s.latitude]), [
    ["000001-99999", "FIRST, MOVED", 13],
    ["000002-12345", "SECOND STATION", -89.999],
  ]);
});

Deno.test("parseStationList() rejects a short line or a non-numeric coordinate with its line number", () => {
  throws(() => parseStationList(`${LINE_A}\n000003-99999 TOO SHORT`), {
    name: "SyntaxError",
    message: /latitude on line 2 /,
  });
  throws(() => parseStationList(LINE_A.replace("-45.250", "  east ")), {
    name: "SyntaxError",
    message: /longitude on line 1/,
  });
});

Deno.test({
  name: "parseStationList() reads the HadISD list shipped with the reference",
  ignore: NO_STATION_LIST,
  fn() {
    const stations = parseStationList(STATION_LIST_TEXT as string);
    strictEqual(stations.length, 8486);
    deepStrictEqual(stations[0], {
      id: "010010-99999",
      name: "JAN MAYEN(NOR-NAVY)",
      latitude: 70.933,
      longitude: -8.667,
    });
    deepStrictEqual(stations.find((s) => s.id === "067000-99999"), {
      id: "067000-99999",
      name: "GENEVA COINTRIN",
      latitude: 46.238,
      longitude: 6.109,
    });
    // Lines with a time in the date range (longer lines) parse the same way.
    deepStrictEqual(stations.find((s) => s.id === "710230-99999"), {
      id: "710230-99999",
      name: "JIMMY LAKE",
      latitude: 54.92,
      longitude: -109.95,
    });
  },
});
