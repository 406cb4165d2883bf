// The embedded CLIMAT climatology (its invariants and its coverage: a station within
// 300 km of a city on every continent), the row parser, the nearest-station search
// against a brute-force scan, and the generator (scripts/build_climatology.ts) on
// hand-made CLIMAT lines whose expected means are computed here.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import {
  addRawFile,
  escapeAboveLatin1,
  FIRST_YEAR,
  MIN_YEARS,
  parseStationsList,
  RANGE_EXCESS_C,
  renderModule,
  type StationNormals,
  stationNormals,
  withoutRangeOutliers,
} from "../../scripts/build_climatology.ts";
import {
  embeddedClimatology,
  greatCircleKm,
  nearestClimatologyStations,
  parseClimatologyRows,
} from "../../src/weather/mod.ts";
import {
  EMBEDDED_CLIMATOLOGY_SOURCE,
  nearestEmbeddedClimatologyStations,
} from "../../src/weather/climatology.ts";

Deno.test("embeddedClimatology(): thousands of stations, 12 months each, Tmin <= Tmax, plausible °C", () => {
  const { stations, source } = embeddedClimatology();
  ok(stations.length > 2000, String(stations.length));
  ok(/Deutscher Wetterdienst/.test(source) && /2004-2020/.test(source), source);
  strictEqual(new Set(stations.map((s) => s.id)).size, stations.length);
  for (const s of stations) {
    ok(/^\d{5}$/.test(s.id), s.id);
    strictEqual(s.meanDailyMaxC.length, 12);
    strictEqual(s.meanDailyMinC.length, 12);
    s.meanDailyMaxC.forEach((tx, m) => {
      const tn = s.meanDailyMinC[m] as number;
      ok(tn <= tx && tn >= -90 && tx <= 60 && tx - tn <= 26, `${s.id} month ${m + 1}`);
    });
  }
  strictEqual(embeddedClimatology(), embeddedClimatology()); // parsed once
});

/** A city per continent, with the largest distance to its nearest station, km. */
const CITIES: [string, number, number][] = [
  ["Geneva (Europe)", 46.20833, 6.14275],
  ["Lagos (Africa)", 6.45, 3.4],
  ["Cairo (Africa)", 30.04, 31.24],
  ["Delhi (Asia)", 28.61, 77.21],
  ["Tokyo (Asia)", 35.68, 139.69],
  ["Chicago (North America)", 41.88, -87.63],
  ["Mexico City (North America)", 19.43, -99.13],
  ["Buenos Aires (South America)", -34.6, -58.38],
  ["Lima (South America)", -12.05, -77.04],
  ["Sydney (Oceania)", -33.87, 151.21],
  ["Auckland (Oceania)", -36.85, 174.76],
  ["McMurdo (Antarctica)", -77.85, 166.67],
];

for (const [city, lat, lon] of CITIES) {
  Deno.test(`embeddedClimatology(): a station within 300 km of ${city}`, () => {
    const [nearest] = nearestClimatologyStations(embeddedClimatology(), lat, lon, 1);
    ok(nearest !== undefined && nearest.distanceKm < 300, JSON.stringify(nearest));
  });
}

Deno.test("nearestClimatologyStations(): the same stations and distances as a brute-force scan", () => {
  // The search skips stations by latitude alone: a grid over the globe (poles and the
  // date line included), points on stations (distance 0) and on their latitudes.
  const climatology = embeddedClimatology();
  const locations: [number, number][] = [[0, 0], [46.2, 6.14], [-60, -170], [89, 10]];
  locations.push([10, 179.9], [90, 0], [-90, 0]);
  for (let lat = -88; lat <= 88; lat += 11) {
    for (let lon = -180; lon <= 180; lon += 30) locations.push([lat, lon]);
  }
  for (const s of climatology.stations.slice(0, 60)) {
    locations.push([s.latitude, s.longitude], [s.latitude, s.longitude + 3]);
  }
  for (const [lat, lon] of locations) {
    for (const count of [1, 3, 5]) {
      const found = nearestClimatologyStations(climatology, lat, lon, count);
      // Stable sort: ties keep the stations' order (the lower index first).
      const scan = climatology.stations
        .map((station) => ({
          station,
          distanceKm: greatCircleKm(lat, lon, station.latitude, station.longitude),
        }))
        .sort((a, b) => a.distanceKm - b.distanceKm)
        .slice(0, count);
      deepStrictEqual(
        found.map((f) => [f.station.id, f.distanceKm]),
        scan.map((s) => [s.station.id, s.distanceKm]),
        `${lat}, ${lon}, ${count}`,
      );
    }
  }
  deepStrictEqual(nearestClimatologyStations(climatology, 0, 0, 0), []);
  throws(() => nearestClimatologyStations(climatology, NaN, 0, 1), RangeError);
});

Deno.test("nearestEmbeddedClimatologyStations(): the built climatology's nearest stations, without building it", () => {
  const built = embeddedClimatology();
  strictEqual(EMBEDDED_CLIMATOLOGY_SOURCE, built.source);
  // Locations on a grid over the globe, and on stations themselves (distance 0, ties).
  const locations: [number, number][] = [];
  for (let lat = -85; lat <= 85; lat += 17) {
    for (let lon = -175; lon <= 175; lon += 25) locations.push([lat, lon]);
  }
  for (const s of built.stations.slice(0, 40)) locations.push([s.latitude, s.longitude]);
  for (const [lat, lon] of locations) {
    deepStrictEqual(
      nearestEmbeddedClimatologyStations(lat, lon, 3),
      nearestClimatologyStations(built, lat, lon, 3),
      `${lat}, ${lon}`,
    );
  }
  throws(() => nearestEmbeddedClimatologyStations(NaN, 0, 1), RangeError);
});

Deno.test("parseClimatologyRows(): tenths of °C to °C; malformed rows name their number", () => {
  const tx = "10,20,30,40,50,60,70,80,90,100,110,120";
  const tn = "-10,-20,-30,-40,-50,-60,-70,-80,-90,-100,-110,-120";
  const { stations } = parseClimatologyRows([`12345;X;1.5;-2.5;;${tx};${tn}`], "src");
  const [s] = stations;
  strictEqual(s?.latitude, 1.5);
  strictEqual(s?.longitude, -2.5);
  ok(Number.isNaN(s?.heightM));
  strictEqual(s?.meanDailyMaxC[11], 12);
  strictEqual(s?.meanDailyMinC[0], -1);
  throws(() => parseClimatologyRows(["ok", `1;X;1;2;3;${tx}`], "src"), /row 1/);
  throws(() => parseClimatologyRows([`1;X;91;2;3;${tx};${tn}`], "src"), /coordinates/);
  throws(() => parseClimatologyRows([`1;X;1;2;3;${tx};1,2`], "src"), /12 temperatures/);
});

// --- the generator on hand-made CLIMAT lines ---

interface Report {
  t?: number; // tenths of °C
  tx: number;
  tn: number;
  missing?: number; // days missing from Tx and Tn
}

/** One raw CLIMAT line (section 1 columns as published; later sections left empty). */
function line(year: number, month: number, id: string, r: Report): string {
  const signed = (v: number) => [v < 0 ? "1" : "0", String(Math.abs(v)).padStart(3, "0")];
  const t = r.t ?? Math.round((r.tx + r.tn) / 2);
  const cells = [
    String(year),
    String(month).padStart(2, "0"),
    id,
    "1",
    "10100",
    "2",
    "10150",
    "3",
    ...signed(t),
    "020",
    "4",
    ...signed(r.tx),
    ...signed(r.tn),
    "5",
    "090",
    "6",
    "0050",
    "3",
    "08",
    "",
    "",
    "",
    "8",
    "00",
    "00",
    String(r.missing ?? 0),
    String(r.missing ?? 0),
    "9",
    "00",
    "00",
    "00",
  ];
  return cells.join(";");
}

const LIST = "WMO-Station ID; StationName; Latitude; Longitude; Height; Country\r\n" +
  "11111;          Alpha;            10.50;    -20.25;      12; Nowhere\r\n" +
  "22222;          Beta;             -5.00;     30.00;        ; Nowhere\r\n" +
  "44444;          unknown station;        ;          ;       ;\r\n";

Deno.test("build_climatology: means over the years kept, filters as documented", () => {
  const values = new Map();
  const text: string[] = ["year;month;IIiii;..."];
  const expectedTx: number[] = [];
  const expectedTn: number[] = [];
  for (let month = 1; month <= 12; month++) {
    const tx: number[] = [];
    const tn: number[] = [];
    for (let k = 0; k < MIN_YEARS + 2; k++) {
      const year = FIRST_YEAR + k;
      const r = { tx: 100 + 10 * month + k, tn: -20 + month - 2 * k };
      text.push(line(year, month, "11111", r));
      tx.push(r.tx);
      tn.push(r.tn);
    }
    // Dropped: a year before the period, too many missing days, a sign error far from
    // the median, a mean T inconsistent with Tx and Tn, Tx below Tn.
    text.push(line(FIRST_YEAR - 1, month, "11111", { tx: 500, tn: 400 }));
    text.push(line(FIRST_YEAR + 12, month, "11111", { tx: 500, tn: 400, missing: 9 }));
    text.push(line(FIRST_YEAR + 13, month, "11111", { tx: -(100 + 10 * month), tn: -300 }));
    text.push(line(FIRST_YEAR + 14, month, "11111", { t: 300, tx: 120, tn: 60 }));
    text.push(line(FIRST_YEAR + 15, month, "11111", { tx: 10, tn: 20 }));
    expectedTx.push(Math.round(tx.reduce((a, b) => a + b) / tx.length));
    expectedTn.push(Math.round(tn.reduce((a, b) => a + b) / tn.length));
    // Beta: one year short of MIN_YEARS in December only; 33333 is not in the list.
    for (let k = 0; k < (month === 12 ? MIN_YEARS - 1 : MIN_YEARS); k++) {
      text.push(line(FIRST_YEAR + k, month, "22222", { tx: 300, tn: 200 }));
      text.push(line(FIRST_YEAR + k, month, "33333", { tx: 300, tn: 200 }));
    }
  }
  addRawFile(text.join("\r\n"), values);
  const stations = parseStationsList(LIST);
  deepStrictEqual([...stations.keys()], ["11111", "22222"]);
  const normals = stationNormals(values, stations);
  strictEqual(normals.length, 1);
  const [alpha] = normals;
  strictEqual(alpha?.station.name, "Alpha");
  strictEqual(alpha?.station.heightM, 12);
  deepStrictEqual(alpha?.tx, expectedTx);
  deepStrictEqual(alpha?.tn, expectedTn);
  strictEqual(alpha?.minYears, MIN_YEARS + 2);

  // The rendered module parses back to the same numbers (in °C).
  const module = renderModule(normals, 1);
  const rows = [...module.matchAll(/^ {2}"(.*)",$/gm)].map((m) => m[1] as string);
  const [parsed] = parseClimatologyRows(rows, "test").stations;
  deepStrictEqual(parsed?.meanDailyMaxC, expectedTx.map((v) => v / 10));
  deepStrictEqual(parsed?.meanDailyMinC, expectedTn.map((v) => v / 10));
  strictEqual(parsed?.longitude, -20.25);
});

Deno.test("build_climatology: a station whose daily range exceeds its neighbours' is dropped", () => {
  const station = (id: string, latitude: number, range: number): StationNormals => ({
    station: { id, name: id, latitude, longitude: 0, heightM: 0 },
    tx: Array(12).fill(100 + range),
    tn: Array(12).fill(100),
    minYears: 10,
  });
  const limit = 10 * RANGE_EXCESS_C;
  // Four stations within 500 km: ranges 8, 9, 10 °C and one 9 + 8 °C (kept) or more (dropped).
  const near = [station("a", 0, 80), station("b", 1, 90), station("c", 2, 100)];
  const kept = withoutRangeOutliers([...near, station("d", 3, 90 + limit)]);
  strictEqual(kept.length, 4);
  const dropped = withoutRangeOutliers([...near, station("d", 3, 91 + limit)]);
  deepStrictEqual(dropped.map((n) => n.station.id), ["a", "b", "c"]);
  // Fewer than three neighbours: no check.
  strictEqual(withoutRangeOutliers([near[0]!, near[1]!, station("d", 3, 250)]).length, 3);
});

Deno.test("build_climatology: the embedded module's text is Latin-1, names above it escaped", async () => {
  // One character above U+00FF would make V8 hold the whole source at two bytes each.
  const text = await Deno.readTextFile(
    new URL("../../src/weather/_climat_normals.ts", import.meta.url),
  );
  const above = [...text].filter((c) => c.charCodeAt(0) > 0xff);
  deepStrictEqual(above, []);
  const escaped = escapeAboveLatin1("Łódź – Zürich");
  strictEqual(escaped, "\\u0141\u00f3d\\u017a \\u2013 Z\u00fcrich");
  // As a JavaScript string literal it reads back as the name.
  strictEqual(JSON.parse(`"${escaped}"`), "Łódź – Zürich");
  const station: StationNormals = {
    station: { id: "12375", name: "Łódź", latitude: 51.7, longitude: 19.4, heightM: 190 },
    tx: Array(12).fill(100),
    tn: Array(12).fill(0),
    minYears: 10,
  };
  deepStrictEqual([...renderModule([station], 1)].filter((c) => c.charCodeAt(0) > 0xff), []);
});
