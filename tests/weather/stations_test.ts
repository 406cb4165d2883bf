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

Deno.test("parseStationList() reads the list's bytes as its text: ASCII lines in place, others decoded (UTF-8), a byte order mark skipped", () => {
  // "Ü" and "É" are two bytes each in UTF-8 but one character: the columns count characters.
  const accented = LINE_B.replace("SECOND STATION", "ZÜRICH-KLOTÉN ");
  const text = [LINE_A, accented, "", LINE_A.replace("000001", "000003")].join("\r\n");
  const fromText = parseStationList(text);
  strictEqual(fromText[1].name, "ZÜRICH-KLOTÉN");
  strictEqual(fromText[1].latitude, -89.999);
  const utf8 = new TextEncoder().encode(text);
  deepStrictEqual(parseStationList(utf8), fromText);
  deepStrictEqual(parseStationList(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8)), fromText);
  throws(() => parseStationList(new TextEncoder().encode(`${LINE_A}\nZÜRICH`)), {
    name: "SyntaxError",
    message: /latitude on line 2 .* found ""/,
  });
});

Deno.test("parseStationList() with `keep` returns only those stations and still checks every line", () => {
  const third = LINE_A.replace("000001", "000003");
  const kept = parseStationList(
    [LINE_A, LINE_B, third].join("\n"),
    new Set(["000001-99999", "000003-99999", "999999-99999"]),
  );
  deepStrictEqual(kept.map((s) => s.id), ["000001-99999", "000003-99999"]);
  throws(
    () =>
      parseStationList(
        `${LINE_A}\n${LINE_B.replace("179.999", "179,999")}`,
        new Set(["000001-99999"]),
      ),
    { name: "SyntaxError", message: /longitude on line 2/ },
  );
});

Deno.test("parseStationList() accepts exactly the coordinates Python's float() reads as a decimal (nan and inf aside)", () => {
  const decimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
  const fields = [
    "1",
    "-1.5",
    "+.5",
    "5.",
    ".",
    "1e5",
    "1E-5",
    "2e+3",
    "1e",
    "e5",
    "--1",
    "1.2.3",
    "+",
    " 12.5 ",
    "\u00a012.5",
    "\ufeff7",
    "\u30001.5",
    "1_0",
    "0x10",
    "Inf",
    "nan",
    "١٢",
    ".e1",
    "1.e1",
    "-.5E2",
    "12 5",
    "",
  ];
  for (const field of fields) {
    const line = `${LINE_A.slice(0, 44)}${field.padStart(7)}${LINE_A.slice(51)}`;
    const accepted = (() => {
      try {
        return parseStationList(line)[0].latitude;
      } catch (error) {
        if (error instanceof RangeError) return "off the globe";
        if (!(error instanceof SyntaxError)) throw error;
        return undefined;
      }
    })();
    const value = Number(field.trim());
    const expected = !decimal.test(field.padStart(7).trim())
      ? undefined
      : Math.abs(value) <= 90
      ? value
      : "off the globe";
    strictEqual(accepted, expected, JSON.stringify(field));
  }
});

Deno.test("parseStationList() refuses a kept station off the globe, and input that is not a list", () => {
  const at = (latitude: string, longitude: string) =>
    `${LINE_A.slice(0, 44)}${latitude.padStart(7)}${longitude.padStart(9)}${LINE_A.slice(60)}`;
  strictEqual(parseStationList(at("-90", "180"))[0].longitude, 180);
  for (const [latitude, longitude] of [["99999", "6.1"], ["46.2", "999.9"], ["-91", "0"]]) {
    throws(() => parseStationList(at(latitude, longitude)), /off|from -90 to 90/, latitude);
  }
  // A line whose station is not kept is only checked for its syntax.
  deepStrictEqual(parseStationList(at("99999", "6.1"), new Set(["nothing"])), []);
  for (const bad of [42, {}, null]) {
    throws(() => parseStationList(bad as never), TypeError, String(bad));
  }
});

Deno.test({
  name: "parseStationList() reads the HadISD list shipped with the reference",
  ignore: NO_STATION_LIST,
  fn() {
    const stations = parseStationList(STATION_LIST_TEXT as string);
    strictEqual(stations.length, 8486);
    deepStrictEqual(parseStationList(new TextEncoder().encode(STATION_LIST_TEXT)), stations);
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
