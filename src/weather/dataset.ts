/**
 * A weather dataset: the stations that have hourly temperatures, their temperatures,
 * and the search tree over their coordinates. Loaded once by the caller and passed
 * down (nothing is cached in the module).
 *
 * @module
 */
import { checkOptions, type OptionKind } from "../options.ts";
import { buildKdTree } from "./_kdtree.ts";
import { WeatherDataUnavailableError } from "./errors.ts";
import { parseHourlyTemperatures, type StationTemperatures } from "./hourly_temperatures.ts";
import {
  parseStationList,
  type StationIds,
  stationListLinesOf,
  type WeatherStation,
} from "./stations.ts";

/** Name of the environment variable holding the folder (path or URL) of the weather files. */
export const WEATHER_DATA_ENV = "CAIMIRA_WEATHER_DATA";

/** File name of the HadISD station list, as shipped with the reference. */
export const STATION_LIST_FILE = "hadisd_station_fullinfo_v311_202001p.txt";

/**
 * File names of the hourly temperatures looked for in a folder, in order: the
 * reference's name for the real HadISD means, then the made-up set of this project's
 * fixtures (used only when the first is absent).
 */
export const TEMPERATURE_FILES: readonly string[] = Object.freeze([
  "global_weather_set.json",
  "global_weather_set.synthetic.json",
]);

/**
 * The search structure over the stations' (longitude, latitude) pairs: a k-d tree laid
 * out exactly like the reference's scipy `cKDTree`, so that ties resolve the same way.
 * Opaque: use `nearestStation`.
 */
export interface StationTree {
  /** Discriminant. */
  readonly kind: "kd-tree";
  /** Number of stations in the tree. */
  readonly size: number;
}

/**
 * A weather dataset, ready for station searches and temperature profiles.
 *
 * @example Usage
 * ```ts
 * import { createWeatherDataset, type WeatherDataset } from "./mod.ts";
 * const dataset: WeatherDataset = createWeatherDataset(
 *   [{ id: "067000-99999", name: "GENEVA COINTRIN", latitude: 46.238, longitude: 6.109 }],
 *   { "067000-99999": { "1": Array(24).fill(2) } },
 * );
 * if (dataset.stations[0].name !== "GENEVA COINTRIN") throw new Error("one station");
 * ```
 */
export interface WeatherDataset {
  /**
   * The stations that have hourly temperatures, in the station list's order (the
   * order decides between equally near stations, as in the reference).
   */
  readonly stations: readonly WeatherStation[];
  /** Station identifier → month (1–12) → 24 hourly temperatures, K, UTC hours 0..23. */
  readonly temperatures: ReadonlyMap<string, StationTemperatures>;
  /** Search tree over `stations`; index `i` of the tree is `stations[i]`. */
  readonly tree: StationTree;
  /** Where the data came from (paths or URLs, or `"memory"`), for logs and reports. */
  readonly source: string;
}

/**
 * Builds a dataset from the two files' contents (or already parsed data).
 *
 * Only the stations of the list that have an entry in the temperatures are kept, in
 * the list's order (reference: `wx_station_data`). Temperatures are converted to K
 * (see `parseHourlyTemperatures`).
 *
 * @param stationList The station list: its text, its bytes (UTF-8, read in place without
 *   a string of the whole file), or stations already parsed.
 * @param temperatures The hourly temperatures: JSON text, the parsed JSON value, or the
 *   result of `parseHourlyTemperatures`.
 * @param source Where the data came from (kept in `source`).
 * @returns The dataset.
 * @throws {SyntaxError} When a file's text cannot be read.
 * @throws {TypeError} When the temperatures are not structured as expected.
 * @throws {RangeError} When no station of the list has temperatures.
 * @example Usage
 * ```ts
 * import { createWeatherDataset, nearestStation } from "./mod.ts";
 * const dataset = createWeatherDataset(
 *   [
 *     { id: "067000-99999", name: "GENEVA COINTRIN", latitude: 46.238, longitude: 6.109 },
 *     { id: "010010-99999", name: "JAN MAYEN", latitude: 70.933, longitude: -8.667 },
 *   ],
 *   { "067000-99999": { "1": Array(24).fill(2) } },
 * );
 * if (dataset.stations.length !== 1) throw new Error("bad");
 * if (nearestStation(dataset, 70, -8).id !== "067000-99999") throw new Error("bad");
 * ```
 */
export function createWeatherDataset(
  stationList: string | Uint8Array | readonly WeatherStation[],
  temperatures: unknown,
  source = "memory",
): WeatherDataset {
  const { all, byStation } = parseBoth(
    (keep) =>
      typeof stationList === "string" || stationList instanceof Uint8Array
        ? parseStationList(stationList, keep)
        : stationList,
    () =>
      temperatures instanceof Map
        ? temperatures as ReadonlyMap<string, StationTemperatures>
        : parseHourlyTemperatures(temperatures),
  );
  const stations = Object.freeze(all.filter((s) => byStation.has(s.id)).map((s) => ({ ...s })));
  if (stations.length === 0) {
    throw new RangeError(
      `expected at least one station of the list with hourly temperatures but found none ` +
        `(${all.length} stations listed, ${byStation.size} in the temperatures)`,
    );
  }
  const tree = buildKdTree(stations.map((s) => [s.longitude, s.latitude] as const));
  return { stations, temperatures: byStation, tree, source };
}

/** What each of {@link LoadWeatherDatasetOptions} may hold (checked by `checkOptions`). */
const WEATHER_OPTIONS: Readonly<Record<keyof LoadWeatherDatasetOptions, OptionKind>> = {
  directory: { test: (v) => typeof v === "string" || v instanceof URL, expected: "a path or URL" },
  stationList: {
    test: (v) => typeof v === "string" || v instanceof URL,
    expected: "a path or URL",
  },
  temperatures: {
    test: (v) => typeof v === "string" || v instanceof URL,
    expected: "a path or URL",
  },
  env: { test: (v) => typeof v === "function", expected: "a function" },
  timeoutMs: { test: (v) => typeof v === "number" && v > 0, expected: "a positive number" },
  sha256: {
    test: (v) => Array.isArray(v) && v.every((h) => typeof h === "string"),
    expected: "a list of hexadecimal digests",
  },
};

/** Options of {@link loadWeatherDataset}. */
export interface LoadWeatherDatasetOptions {
  /**
   * Folder holding the station list (`hadisd_station_fullinfo_v311_202001p.txt`) and
   * the temperatures (`global_weather_set.json`, else `global_weather_set.synthetic.json`):
   * a path, a `file:` URL or an `http(s):` URL.
   *
   * @default {the value of the `CAIMIRA_WEATHER_DATA` environment variable}
   */
  readonly directory?: string | URL;
  /** The station list file (path or URL); overrides the one in `directory`. */
  readonly stationList?: string | URL;
  /** The hourly temperatures file (path or URL); overrides the one in `directory`. */
  readonly temperatures?: string | URL;
  /**
   * How environment variables are read (for tests, or to forbid the fallback).
   *
   * @default {Deno.env.get (an unset variable, or no `--allow-env`, reads as unset)}
   */
  readonly env?: (name: string) => string | undefined;
  /**
   * Time limit of each download (URLs), ms.
   *
   * @default {30000}
   */
  readonly timeoutMs?: number;
  /**
   * Accepted SHA-256 digests (hex, as `sha256sum` prints them): each file read must have
   * one of them.
   */
  readonly sha256?: readonly string[];
}

/**
 * Reads a weather dataset from files or URLs.
 *
 * Each file is taken from its own option when given, else from `directory`, else from
 * the folder named by the `CAIMIRA_WEATHER_DATA` environment variable. Local files
 * need `--allow-read`, URLs `--allow-net`, the variable `--allow-env`.
 *
 * @param options Where the files are.
 * @returns The dataset (see {@link createWeatherDataset}).
 * @throws {WeatherDataUnavailableError} When no location is configured, or a file is
 *   missing or cannot be read; the message says how to provide the data.
 * @throws {SyntaxError} When a file's content is malformed (message names the file).
 * @throws {TypeError} When the temperatures are not structured as expected.
 * @example Usage
 * ```ts ignore
 * import { loadWeatherDataset } from "./mod.ts";
 * // CAIMIRA_WEATHER_DATA=/srv/weather deno run --allow-read --allow-env main.ts
 * const dataset = await loadWeatherDataset();
 * console.log(dataset.stations.length, dataset.source);
 * ```
 */
export async function loadWeatherDataset(
  options: LoadWeatherDatasetOptions = {},
): Promise<WeatherDataset> {
  return weatherDatasetFromFiles(await readWeatherFiles(options));
}

/** The two files of a weather dataset as read (see {@link readWeatherFiles}). */
export interface WeatherFiles {
  /**
   * The station list: its bytes as read (UTF-8; parsed in place, see
   * `createWeatherDataset`), or its text.
   */
  readonly stationList: string | Uint8Array;
  /** The hourly temperatures' text (JSON). */
  readonly temperatures: string;
  /** Where they came from. */
  readonly stationListAt: string;
  /** Where they came from. */
  readonly temperaturesAt: string;
}

/**
 * Reads the two files of a weather dataset without parsing them (so that a server can
 * read them once and hand the texts to its workers). Options as
 * {@link loadWeatherDataset}'s.
 *
 * @param options Where the files are, the time limit of a download, checksums.
 * @returns The files' texts and where they came from.
 * @throws {WeatherDataUnavailableError} As {@link loadWeatherDataset}, also when a
 *   download overruns `timeoutMs` or a file's SHA-256 is not one of `sha256`.
 */
export async function readWeatherFiles(
  options: LoadWeatherDatasetOptions = {},
): Promise<WeatherFiles> {
  checkOptions(options, WEATHER_OPTIONS, "loadWeatherDataset");
  const env = options.env ?? readEnv;
  let directory: string | URL | undefined = options.directory;
  if (directory === undefined && (!options.stationList || !options.temperatures)) {
    const fromEnv = env(WEATHER_DATA_ENV);
    if (fromEnv !== undefined && fromEnv.trim() !== "") directory = fromEnv.trim();
  }
  if (directory === undefined && (!options.stationList || !options.temperatures)) {
    const reason = "expected a weather dataset but none is configured";
    throw new WeatherDataUnavailableError(`${reason}: ${HOW_TO_PROVIDE}`, { reason });
  }
  const read = { timeoutMs: options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS };
  const stationListAt = options.stationList ?? join(directory as string | URL, STATION_LIST_FILE);
  const stationBytes = await readBytes(stationListAt, read);
  let temperaturesAt: string | URL;
  let temperatureBytes: Uint8Array<ArrayBuffer>;
  if (options.temperatures !== undefined) {
    temperaturesAt = options.temperatures;
    temperatureBytes = await readBytes(temperaturesAt, read);
  } else {
    [temperaturesAt, temperatureBytes] = await readFirst(
      TEMPERATURE_FILES.map((name) => join(directory as string | URL, name)),
      read,
    );
  }
  if (options.sha256 !== undefined) {
    await checkDigest(stationBytes, stationListAt, options.sha256);
    await checkDigest(temperatureBytes, temperaturesAt, options.sha256);
  }
  return {
    stationList: stationBytes,
    temperatures: new TextDecoder().decode(temperatureBytes),
    stationListAt: String(stationListAt),
    temperaturesAt: String(temperaturesAt),
  };
}

/**
 * Builds the dataset from files read by {@link readWeatherFiles}.
 *
 * @param files The files' texts.
 * @returns The dataset.
 * @throws {SyntaxError} When a file's content is malformed (message names the file).
 * @throws {TypeError} When the temperatures are not structured as expected.
 */
export function weatherDatasetFromFiles(files: WeatherFiles): WeatherDataset {
  const { all, byStation } = parseBoth(
    (keep) => withFileName(() => parseStationList(files.stationList, keep), files.stationListAt),
    () => withFileName(() => parseHourlyTemperatures(files.temperatures), files.temperaturesAt),
  );
  return createWeatherDataset(all, byStation, `${files.stationListAt} + ${files.temperaturesAt}`);
}

/**
 * The station list and the temperatures parsed, the list's stations cut to those with
 * temperatures while it is read (see `parseStationList`'s `keep`). A malformed list is
 * reported before malformed temperatures, as when the list was read first.
 */
function parseBoth(
  parseList: (keep: StationIds) => readonly WeatherStation[],
  parseTemperatures: () => ReadonlyMap<string, StationTemperatures>,
): { all: readonly WeatherStation[]; byStation: ReadonlyMap<string, StationTemperatures> } {
  let byStation: ReadonlyMap<string, StationTemperatures> | undefined;
  let temperaturesError: unknown;
  try {
    byStation = parseTemperatures();
  } catch (error) {
    temperaturesError = error;
  }
  // Without temperatures the list is still read, for its own errors first.
  const all = parseList(byStation ?? new Set<string>());
  if (byStation === undefined) throw temperaturesError;
  return { all, byStation };
}

/**
 * The same files with the station list cut to the lines of the stations `dataset` kept
 * (those with temperatures), in their order, repeated identifiers included: a dataset
 * built from the result is the same as `dataset` (same stations in the same order, so
 * the same search tree). A server checks the files once on its main thread and hands
 * its workers these: each then parses a few lines instead of the whole list (8,486
 * lines in the HadISD list); with the fixtures' eight stations a server of 2 workers
 * holds about 2.5 MB less.
 *
 * @param files The files' texts, as read by {@link readWeatherFiles}.
 * @param dataset The dataset built from `files` ({@link weatherDatasetFromFiles}).
 * @returns The files, the station list cut (as text).
 * @example Usage
 * ```ts
 * import { compactWeatherFiles, weatherDatasetFromFiles } from "./mod.ts";
 * const files = {
 *   stationList: "067000-99999 GENEVA COINTRIN                 46.238    6.109\n" +
 *     "010010-99999 JAN MAYEN                       70.933   -8.667\n",
 *   temperatures: JSON.stringify({ "067000-99999": { "1": Array(24).fill(2) } }),
 *   stationListAt: "list.txt",
 *   temperaturesAt: "temperatures.json",
 * };
 * const compact = compactWeatherFiles(files, weatherDatasetFromFiles(files));
 * if (compact.stationList.includes("JAN MAYEN")) throw new Error("not cut");
 * if (weatherDatasetFromFiles(compact).stations[0].id !== "067000-99999") throw new Error("bad");
 * ```
 */
export function compactWeatherFiles(
  files: WeatherFiles,
  dataset: WeatherDataset,
): WeatherFiles & { readonly stationList: string } {
  const kept = new Set(dataset.stations.map((s) => s.id));
  return { ...files, stationList: stationListLinesOf(files.stationList, kept) };
}

/** Default time limit of one download, ms. */
const DEFAULT_DOWNLOAD_TIMEOUT_MS = 30_000;

/** Refuses a file whose SHA-256 (lower-case hex) is not among `accepted`. */
async function checkDigest(
  bytes: Uint8Array<ArrayBuffer>,
  at: string | URL,
  accepted: readonly string[],
): Promise<void> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  if (!accepted.some((a) => a.trim().toLowerCase() === hex)) {
    const reason = `expected weather data at ${String(at)} with one of the configured ` +
      `SHA-256 digests but found ${hex}`;
    throw new WeatherDataUnavailableError(reason, { reason });
  }
}

/**
 * The start-up message of a server whose `--weather-data` folder (or
 * `CAIMIRA_WEATHER_DATA`) cannot be read: the reason, then what to do, in command-line
 * terms.
 *
 * @param error The error of {@link loadWeatherDataset}.
 * @param directory The configured folder or URL.
 * @returns The message.
 * @example Usage
 * ```ts
 * import { weatherDataStartupMessage, WeatherDataUnavailableError } from "./mod.ts";
 * const error = new WeatherDataUnavailableError("x", { reason: "no such file" });
 * if (!weatherDataStartupMessage(error, "/srv/w").includes("--weather-data")) {
 *   throw new Error("bad");
 * }
 * ```
 */
export function weatherDataStartupMessage(
  error: WeatherDataUnavailableError,
  directory: string,
): string {
  return `the weather data of --weather-data (or ${WEATHER_DATA_ENV}) cannot be read: ` +
    `${error.reason}. Give --weather-data DIR (or ${WEATHER_DATA_ENV}=DIR) a folder or URL ` +
    `holding ${STATION_LIST_FILE} and ${TEMPERATURE_FILES[0]} (the reference's HadISD mean ` +
    `hourly temperatures), or set neither to use the embedded climatology ` +
    `(configured: ${directory})`;
}

const HOW_TO_PROVIDE =
  `set ${WEATHER_DATA_ENV} to a folder (or URL) holding ${STATION_LIST_FILE} ` +
  `and ${TEMPERATURE_FILES[0]} (the reference's HadISD mean hourly temperatures), ` +
  `or pass { directory } or { stationList, temperatures } to loadWeatherDataset`;

function readEnv(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined; // no --allow-env: treated as unset
  }
}

/** `base/name` for a path or URL (a trailing slash is added to a URL folder). */
function join(base: string | URL, name: string): string | URL {
  if (base instanceof URL || /^(?:https?|file):\/\//i.test(base)) {
    const url = new URL(String(base));
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return new URL(name, url);
  }
  return base.endsWith("/") || base.endsWith("\\") ? base + name : `${base}/${name}`;
}

function isRemote(at: string | URL): boolean {
  return /^https?:/i.test(at instanceof URL ? at.protocol : at);
}

/** How files are read. */
interface ReadOptions {
  /** Time limit of a download, ms. */
  readonly timeoutMs: number;
}

/** Reads one file or URL; a missing or unreadable one becomes WeatherDataUnavailableError. */
async function readBytes(at: string | URL, read: ReadOptions): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readIfPresent(at, read);
  if (bytes === undefined) {
    const reason = `expected weather data at ${String(at)} but found ${
      isRemote(at) ? "nothing (HTTP 404)" : "no such file"
    }`;
    throw new WeatherDataUnavailableError(`${reason}: ${HOW_TO_PROVIDE}`, { reason });
  }
  return bytes;
}

/**
 * Reads one file or URL, or returns undefined when it does not exist (no such file,
 * HTTP 404). Any other failure becomes WeatherDataUnavailableError.
 */
async function readIfPresent(
  at: string | URL,
  read: ReadOptions,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    if (isRemote(at)) {
      const response = await fetch(at, { signal: AbortSignal.timeout(read.timeoutMs) });
      if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const reason = `expected weather data at ${String(at)} but the server answered ` +
          `${response.status} ${response.statusText}`;
        throw new WeatherDataUnavailableError(`${reason}: ${HOW_TO_PROVIDE}`, { reason });
      }
      return new Uint8Array(await response.arrayBuffer());
    }
    const path = typeof at === "string" && /^file:\/\//i.test(at) ? new URL(at) : at;
    return await Deno.readFile(path);
  } catch (error) {
    if (error instanceof WeatherDataUnavailableError) throw error;
    if (error instanceof Deno.errors.NotFound) return undefined;
    const reason = `expected weather data at ${String(at)} but found ${describeIoError(error)}`;
    throw new WeatherDataUnavailableError(`${reason}: ${HOW_TO_PROVIDE}`, {
      cause: error,
      reason,
    });
  }
}

/** The first of `candidates` that exists; a read failure other than "absent" is thrown. */
async function readFirst(
  candidates: (string | URL)[],
  read: ReadOptions,
): Promise<[string | URL, Uint8Array<ArrayBuffer>]> {
  for (const at of candidates) {
    const bytes = await readIfPresent(at, read);
    if (bytes !== undefined) return [at, bytes];
  }
  const tried = candidates.map(String).join(" or ");
  const reason = `expected hourly temperatures at ${tried} but found none`;
  throw new WeatherDataUnavailableError(`${reason}: ${HOW_TO_PROVIDE}`, { reason });
}

function describeIoError(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") {
    return "no answer within the download time limit";
  }
  if (error instanceof Deno.errors.PermissionDenied || error instanceof Deno.errors.NotCapable) {
    return "no permission to read it (run with --allow-read, or --allow-net for URLs)";
  }
  return error instanceof Error ? `an error (${error.message})` : `an error (${String(error)})`;
}

/** Runs a parser, prefixing the file's name to a syntax or type error. */
function withFileName<T>(parse: () => T, at: string | URL): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new SyntaxError(`${String(at)}: ${error.message}`, { cause: error });
    }
    if (error instanceof TypeError) {
      throw new TypeError(`${String(at)}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
