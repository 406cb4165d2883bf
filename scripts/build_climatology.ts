/**
 * Builds the embedded outdoor-temperature climatology (`src/weather/_climat_normals.ts`)
 * from the monthly CLIMAT reports of WMO stations published by Deutscher Wetterdienst
 * (DWD) as open data.
 *
 * Input: a folder holding the DWD files as published (not committed here)
 * - `CLIMAT_RAW_YYYYMM.txt`, one per month (from `observations_global/CLIMAT/monthly/raw/`
 *   of DWD's Climate Data Center, opendata.dwd.de): one line per station and month,
 *   `;`-separated, section 1 of the CLIMAT report (FM 71);
 * - `stations_list_CLIMAT_data.txt` (from `help/` of the same server): WMO station
 *   number, name, latitude, longitude (decimal degrees), height (m), country; ISO-8859-1.
 *
 * What is kept, per station and calendar month: the mean over the years FIRST_YEAR to
 * LAST_YEAR of the reported mean daily maximum (Tx) and mean daily minimum (Tn) air
 * temperatures, rounded to 0.1 °C (the reports' precision). A month of a year counts
 * when Tx, Tn and the monthly mean T are reported (groups 3 and 4), Tx >= Tn,
 * Tx − Tn <= MAX_DAILY_RANGE_C, (Tx + Tn) / 2 is within MIDRANGE_TOLERANCE_C of T, at most
 * MAX_MISSING_DAYS days are missing from either, and neither value is more than
 * OUTLIER_C from the median of that station's calendar month over the years (CLIMAT
 * raw reports are not quality-controlled: this drops sign and digit errors). A station
 * is kept when every calendar month has at least MIN_YEARS such years, the station
 * list gives its coordinates, and its mean daily range is not more than RANGE_EXCESS_C
 * above the median of its neighbours' (see RANGE_EXCESS_C).
 *
 * Usage:
 *   deno run --allow-read --allow-write scripts/build_climatology.ts <input folder> \
 *     [output file, default src/weather/_climat_normals.ts]
 *
 * @module
 */

/** First year averaged. */
export const FIRST_YEAR = 2004;
/** Last year averaged. */
export const LAST_YEAR = 2020;
/** Fewest years a calendar month needs for the station to be kept. */
export const MIN_YEARS = 5;
/** Most days missing from the month's Tx or Tn record for the month to count. */
export const MAX_MISSING_DAYS = 5;
/** Largest distance of a year's value from the station-month median, °C. */
export const OUTLIER_C = 8;
/**
 * Largest difference between (Tx + Tn) / 2 and the reported monthly mean temperature T,
 * °C: a larger one means the report is inconsistent (e.g. absolute extremes given as
 * mean daily extremes).
 */
export const MIDRANGE_TOLERANCE_C = 3;
/**
 * Largest mean daily range Tx − Tn of a month, °C: the widest in the data that are
 * consistent otherwise are high deserts near 25 °C (Oruro, Bishop); two Siberian stations
 * report near 30 °C in winter, which are their absolute extremes, not daily means.
 */
export const MAX_DAILY_RANGE_C = 26;
/**
 * Largest excess, °C, of a station's mean daily range (Tx − Tn averaged over the 12
 * months) over the median of its neighbours' (the stations within NEIGHBOUR_KM, when
 * there are at least MIN_NEIGHBOURS): some stations report the month's absolute
 * extremes as mean daily extremes in every report (Smolensk: April "Tx" 21 °C, "Tn"
 * −5 °C), which no check of a single report can see.
 */
export const RANGE_EXCESS_C = 8;
/** Radius of the neighbourhood of the range check, km. */
export const NEIGHBOUR_KM = 500;
/** Fewest neighbours for the range check to apply. */
export const MIN_NEIGHBOURS = 3;

// Section 1 columns of the raw files (0-based), see readme_RAW_CLIMATs_eng.txt.
const COL = {
  year: 0,
  month: 1,
  station: 2,
  group3: 7,
  tSign: 8,
  t: 9,
  group4: 11,
  txSign: 12,
  tx: 13,
  tnSign: 14,
  tn: 15,
  group8: 25,
  missingTx: 28,
  missingTn: 29,
} as const;

/** One year's value of a station-month, tenths of °C. */
interface MonthValue {
  readonly year: number;
  readonly tx: number;
  readonly tn: number;
}

/** A station of the list. */
export interface ListedStation {
  /** WMO station number, five digits. */
  readonly id: string;
  /** Name as in the list. */
  readonly name: string;
  /** Decimal degrees north. */
  readonly latitude: number;
  /** Decimal degrees east. */
  readonly longitude: number;
  /** Height above sea level, m (NaN when not given). */
  readonly heightM: number;
}

/** A station's climatology: 12 monthly means of Tx and Tn, tenths of °C. */
export interface StationNormals {
  readonly station: ListedStation;
  readonly tx: readonly number[];
  readonly tn: readonly number[];
  /** Fewest years behind any of the 12 months. */
  readonly minYears: number;
}

/** Reads the station list (`;`-separated, header line first). */
export function parseStationsList(text: string): Map<string, ListedStation> {
  const out = new Map<string, ListedStation>();
  const lines = text.split(/\r\n|\r|\n/);
  for (const line of lines.slice(1)) {
    const cells = line.split(";").map((c) => c.trim());
    if (cells.length < 5 || !/^\d{5}$/.test(cells[0] ?? "")) continue;
    const [id, name, lat, lon, height] = cells as [string, string, string, string, string];
    if (lat === "" || lon === "") continue;
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) continue;
    out.set(id, { id, name, latitude, longitude, heightM: height === "" ? NaN : Number(height) });
  }
  return out;
}

/** Signed tenths of °C from a CLIMAT sign digit and a three-digit value, or NaN. */
function signed(sign: string | undefined, value: string | undefined): number {
  if (value === undefined || !/^\d{3}$/.test(value)) return NaN;
  if (sign === "0") return Number(value);
  if (sign === "1") return -Number(value);
  return NaN;
}

function missingDays(cell: string | undefined): number {
  return cell !== undefined && /^\d+$/.test(cell) ? Number(cell) : NaN;
}

/**
 * Adds the Tx/Tn of one raw monthly file to `values` (station → month → values). A
 * station reported twice in the same month keeps its last line.
 */
export function addRawFile(
  text: string,
  values: Map<string, Map<number, Map<number, MonthValue>>>,
): void {
  for (const line of text.split(/\r\n|\r|\n/)) {
    const c = line.split(";");
    if (c.length < 30 || !/^\d{4}$/.test(c[COL.year] ?? "")) continue;
    const year = Number(c[COL.year]);
    const month = Number(c[COL.month]);
    const id = c[COL.station] ?? "";
    if (year < FIRST_YEAR || year > LAST_YEAR || !(month >= 1 && month <= 12)) continue;
    if (!/^\d{5}$/.test(id) || c[COL.group4] !== "4") continue;
    const tx = signed(c[COL.txSign], c[COL.tx]);
    const tn = signed(c[COL.tnSign], c[COL.tn]);
    if (!Number.isFinite(tx) || !Number.isFinite(tn) || tx < tn) continue;
    if (tx - tn > 10 * MAX_DAILY_RANGE_C) continue;
    const t = c[COL.group3] === "3" ? signed(c[COL.tSign], c[COL.t]) : NaN;
    if (!(Math.abs((tx + tn) / 2 - t) <= 10 * MIDRANGE_TOLERANCE_C)) continue;
    // Missing-day counts are in group 8; without it nothing says the month is incomplete
    // (many stations omit the group when nothing is missing).
    if (c[COL.group8] === "8") {
      const m = Math.max(missingDays(c[COL.missingTx]), missingDays(c[COL.missingTn]));
      if (m > MAX_MISSING_DAYS) continue;
    }
    let byMonth = values.get(id);
    if (byMonth === undefined) values.set(id, byMonth = new Map());
    let byYear = byMonth.get(month);
    if (byYear === undefined) byMonth.set(month, byYear = new Map());
    byYear.set(year, { year, tx, tn });
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] as number : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The stations kept, with their 12 monthly means, sorted by station number. */
export function stationNormals(
  values: Map<string, Map<number, Map<number, MonthValue>>>,
  stations: Map<string, ListedStation>,
): StationNormals[] {
  const out: StationNormals[] = [];
  for (const [id, byMonth] of values) {
    const station = stations.get(id);
    if (station === undefined) continue;
    const tx: number[] = [];
    const tn: number[] = [];
    let minYears = Infinity;
    for (let month = 1; month <= 12; month++) {
      const years = [...(byMonth.get(month)?.values() ?? [])];
      if (years.length === 0) break;
      const mx = median(years.map((v) => v.tx));
      const mn = median(years.map((v) => v.tn));
      const kept = years.filter((v) =>
        Math.abs(v.tx - mx) <= 10 * OUTLIER_C && Math.abs(v.tn - mn) <= 10 * OUTLIER_C
      );
      if (kept.length < MIN_YEARS) break;
      minYears = Math.min(minYears, kept.length);
      tx.push(Math.round(kept.reduce((s, v) => s + v.tx, 0) / kept.length));
      tn.push(Math.round(kept.reduce((s, v) => s + v.tn, 0) / kept.length));
    }
    if (tx.length === 12) out.push({ station, tx, tn, minYears });
  }
  out.sort((a, b) => a.station.id.localeCompare(b.station.id));
  return withoutRangeOutliers(out);
}

/** Mean daily range over the 12 months, tenths of °C. */
function meanRange(n: StationNormals): number {
  return n.tx.reduce((s, tx, m) => s + tx - (n.tn[m] as number), 0) / 12;
}

/** Great-circle distance, km (haversine, mean Earth radius 6371.0088 km). */
function distanceKm(a: ListedStation, b: ListedStation): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) *
      Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Drops the stations whose mean daily range exceeds their neighbours' (RANGE_EXCESS_C). */
export function withoutRangeOutliers(normals: readonly StationNormals[]): StationNormals[] {
  const ranges = normals.map(meanRange);
  return normals.filter((n, i) => {
    const around = normals
      .map((m, j) => j !== i && distanceKm(n.station, m.station) <= NEIGHBOUR_KM ? ranges[j] : NaN)
      .filter((r) => !Number.isNaN(r)) as number[];
    if (around.length < MIN_NEIGHBOURS) return true;
    return (ranges[i] as number) - median(around) <= 10 * RANGE_EXCESS_C;
  });
}

/**
 * `text` with every UTF-16 code unit above U+00FF written as a `\uXXXX` escape. The module's
 * text stays Latin-1: one character above U+00FF anywhere in a module (a comment
 * included) makes V8 keep its whole source, here 369 KB, at two bytes a character (about
 * 0.9 MB more resident memory in every isolate that imports the library).
 */
export function escapeAboveLatin1(text: string): string {
  return text.replace(
    /[\u0100-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The generated module's text. */
export function renderModule(normals: readonly StationNormals[], files: number): string {
  const rows = normals.map(({ station: s, tx, tn }) => {
    const name = escapeAboveLatin1(
      s.name.replaceAll(";", ",").replaceAll('"', "'").replaceAll("\\", "/"),
    );
    const height = Number.isFinite(s.heightM) ? String(s.heightM) : "";
    return `  "${s.id};${name};${s.latitude};${s.longitude};${height};${tx.join(",")};${
      tn.join(",")
    }",`;
  });
  return `// Generated by scripts/build_climatology.ts from ${files} monthly CLIMAT files: do not edit.
/**
 * Monthly climatology of WMO stations: mean daily maximum and minimum air temperature
 * per calendar month, averaged over ${FIRST_YEAR}-${LAST_YEAR} from the monthly CLIMAT
 * reports published by Deutscher Wetterdienst (Datenbasis: Deutscher Wetterdienst,
 * Einzelwerte gemittelt). See README.md ("Outdoor temperatures") for the provenance.
 *
 * @module
 */

/** Where the numbers come from (a citation for reports). */
export const CLIMAT_NORMALS_SOURCE: string =
  "Datenbasis: Deutscher Wetterdienst, Einzelwerte gemittelt (CLIMAT monthly reports of ` +
    `WMO stations, opendata.dwd.de: mean daily maximum and minimum air temperature per ` +
    `month, averaged ${FIRST_YEAR}-${LAST_YEAR})";

/** First and last year averaged. */
export const CLIMAT_NORMALS_YEARS: readonly [number, number] = [${FIRST_YEAR}, ${LAST_YEAR}];

/**
 * One station a row: \`WMO number;name;latitude °N;longitude °E;height m;Tx Jan..Dec;Tn Jan..Dec\`,
 * temperatures in tenths of °C (monthly means of the daily maximum and minimum).
 */
export const CLIMAT_NORMALS_ROWS: readonly string[] = [
${rows.join("\n")}
];
`;
}

if (import.meta.main) {
  const [input, output = "src/weather/_climat_normals.ts"] = Deno.args;
  if (input === undefined) {
    console.error("usage: build_climatology.ts <folder with CLIMAT_RAW_*.txt> [output]");
    Deno.exit(2);
  }
  const latin1 = new TextDecoder("iso-8859-1");
  const stations = parseStationsList(
    latin1.decode(await Deno.readFile(`${input}/stations_list_CLIMAT_data.txt`)),
  );
  const values = new Map<string, Map<number, Map<number, MonthValue>>>();
  const names = [...Deno.readDirSync(input)].map((e) => e.name)
    .filter((n) => /^CLIMAT_RAW_\d{6}\.txt$/.test(n)).sort();
  let used = 0;
  for (const name of names) {
    const year = Number(name.slice(11, 15));
    if (year < FIRST_YEAR || year > LAST_YEAR) continue;
    addRawFile(latin1.decode(await Deno.readFile(`${input}/${name}`)), values);
    used++;
  }
  const normals = stationNormals(values, stations);
  await Deno.writeTextFile(output, renderModule(normals, used));
  const lat = normals.map((n) => n.station.latitude);
  console.log(
    `${used} monthly files, ${stations.size} listed stations, ${values.size} reporting, ` +
      `${normals.length} kept (latitudes ${Math.min(...lat)}..${Math.max(...lat)}) -> ${output}`,
  );
}
