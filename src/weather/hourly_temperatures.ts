/**
 * The hourly-temperature file (`global_weather_set.json` in the reference): for each
 * station, for each month, the mean temperature of each UTC hour of the day.
 *
 * @module
 */
import { OUTDOOR_TEMPERATURE_C } from "../forms/physical_ranges.ts";
import { KELVIN_AT_0_CELSIUS } from "../units.ts";

/**
 * Hourly temperatures of one station: month (1–12) → 24 temperatures in K, index `h`
 * being the mean over the month of the hour starting at `h`:00 UTC.
 */
export type StationTemperatures = ReadonlyMap<number, readonly number[]>;

/**
 * Reads the hourly temperatures of all stations and converts them to kelvin.
 *
 * The input is `{"<station id>": {"1": [24 numbers], …, "12": [24 numbers]}}` with
 * values in °C for UTC hours 0..23; each value becomes `273.15 + value` (K). Months may
 * be missing. Python's `json` writes unavailable values as bare `NaN` tokens, which
 * `JSON.parse` rejects: in text input, bare `NaN`, `Infinity` and `-Infinity` are read
 * as missing values, like `null`; missing values are stored as NaN. A month holding
 * NaN is kept: asking for its profile throws `MissingTemperaturesError` (the reference
 * leaves such months in °C and computes with them).
 *
 * @param input The file's text, or the already parsed JSON value.
 * @returns Station identifier → temperatures, in the file's order.
 * @throws {SyntaxError} When the text is not JSON (even with the tokens above).
 * @throws {TypeError} When the structure is not as described: not an object, a month
 *   key other than `1`..`12`, or not exactly 24 numbers in a month.
 * @throws {RangeError} When a temperature is outside −90 to 60 °C.
 * @example Usage
 * ```ts
 * import { parseHourlyTemperatures } from "./mod.ts";
 * const data = parseHourlyTemperatures(`{"067000-99999": {"1": [${Array(24).fill(0)}]}}`);
 * if (data.get("067000-99999")?.get(1)?.[0] !== 273.15) throw new Error("bad");
 * ```
 */
export function parseHourlyTemperatures(input: unknown): Map<string, StationTemperatures> {
  const json = typeof input === "string" ? parseJsonWithNaN(input) : input;
  if (!isRecord(json)) {
    throw new TypeError(
      `expected an object of stations in the hourly temperatures but found ${describe(json)}`,
    );
  }
  const out = new Map<string, StationTemperatures>();
  for (const [stationId, months] of Object.entries(json)) {
    if (!isRecord(months)) {
      throw new TypeError(
        `expected an object of months for station ${stationId} but found ${describe(months)}`,
      );
    }
    const byMonth = new Map<number, readonly number[]>();
    for (const [key, values] of Object.entries(months)) {
      const month = Number(key);
      if (!/^(?:[1-9]|1[0-2])$/.test(key)) {
        throw new TypeError(
          `expected month keys "1" to "12" for station ${stationId} but found ${
            JSON.stringify(key)
          }`,
        );
      }
      byMonth.set(month, toKelvin(values, stationId, month));
    }
    out.set(stationId, byMonth);
  }
  return out;
}

function toKelvin(values: unknown, stationId: string, month: number): readonly number[] {
  if (!Array.isArray(values) || values.length !== 24) {
    throw new TypeError(
      `expected 24 hourly temperatures for station ${stationId} in month ${month} but found ${
        describe(values)
      }`,
    );
  }
  return Object.freeze(values.map((v, hour) => {
    if (v === null) return NaN;
    if (typeof v !== "number") {
      throw new TypeError(
        `expected a number at hour ${hour} for station ${stationId} in month ${month} but found ${
          describe(v)
        }`,
      );
    }
    // NaN (a value parsed elsewhere) is a missing one, as null.
    if (Number.isNaN(v)) return NaN;
    if (!(v >= OUTDOOR_TEMPERATURE_C.min && v <= OUTDOOR_TEMPERATURE_C.max)) {
      // Below absolute zero the model's flows are NaN; beyond Earth's records, a wrong unit.
      throw new RangeError(
        `expected a temperature from ${OUTDOOR_TEMPERATURE_C.min} to ` +
          `${OUTDOOR_TEMPERATURE_C.max} °C at hour ${hour} for station ${stationId} in month ` +
          `${month} but found ${v}`,
      );
    }
    return KELVIN_AT_0_CELSIUS + v;
  }));
}

/**
 * `JSON.parse`, also accepting Python's bare `NaN`, `Infinity` and `-Infinity` tokens,
 * which become `null` (missing values).
 */
function parseJsonWithNaN(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error;
  }
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      // Copy a string literal whole, escapes included.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const token = ["-Infinity", "Infinity", "NaN"].find((t) => text.startsWith(t, i));
    if (token !== undefined) {
      out += "null";
      i += token.length;
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v === null) return "null";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}
