import { deepStrictEqual, match, rejects, strictEqual, throws } from "node:assert/strict";
import {
  compactWeatherFiles,
  createWeatherDataset,
  loadWeatherDataset,
  nearestStation,
  readWeatherFiles,
  WEATHER_DATA_ENV,
  weatherDatasetFromFiles,
  WeatherDataUnavailableError,
  type WeatherFiles,
} from "../../src/weather/mod.ts";
import {
  NO_STATION_LIST,
  SHARED_WEATHER_DIR,
  STATION_LIST_TEXT,
  STATION_LIST_URL,
  SYNTHETIC,
  SYNTHETIC_STATIONS,
  SYNTHETIC_TEXT,
} from "./_data.ts";

const SYNTHETIC_URL = new URL(
  "../fixtures/weather/global_weather_set.synthetic.json",
  import.meta.url,
);
const unset = () => undefined;

Deno.test("createWeatherDataset() keeps the listed stations that have temperatures, in list order", () => {
  const extra = { id: "999999-99999", name: "NO DATA", latitude: 0, longitude: 0 };
  const dataset = createWeatherDataset([extra, ...SYNTHETIC_STATIONS], SYNTHETIC_TEXT);
  deepStrictEqual(dataset.stations, SYNTHETIC_STATIONS);
  strictEqual(dataset.tree.kind, "kd-tree");
  strictEqual(dataset.tree.size, 8);
  strictEqual(dataset.temperatures.size, 8);
  strictEqual(dataset.source, "memory");
});

Deno.test("createWeatherDataset() refuses a dataset without any usable station", () => {
  throws(() => createWeatherDataset(SYNTHETIC_STATIONS, { "000000-00000": {} }), {
    name: "RangeError",
    message: /at least one station .* but found none \(8 stations listed, 1 in the temperatures\)/,
  });
});

Deno.test({
  name: "createWeatherDataset() on the HadISD list keeps the 8 synthetic stations in file order",
  ignore: NO_STATION_LIST,
  fn() {
    const dataset = createWeatherDataset(STATION_LIST_TEXT as string, SYNTHETIC);
    deepStrictEqual(dataset.stations, SYNTHETIC_STATIONS);
  },
});

Deno.test({
  name: "loadWeatherDataset() reads a folder given as option or through CAIMIRA_WEATHER_DATA",
  ignore: NO_STATION_LIST,
  async fn() {
    // The shared folder holds only the synthetic temperatures: the fallback file name.
    const fromOption = await loadWeatherDataset({ directory: SHARED_WEATHER_DIR, env: unset });
    deepStrictEqual(fromOption.stations, SYNTHETIC_STATIONS);
    match(
      fromOption.source,
      /hadisd_station_fullinfo_v311_202001p\.txt \+ .*global_weather_set\.synthetic\.json$/,
    );

    const seen: string[] = [];
    const fromEnv = await loadWeatherDataset({
      env: (name) => (seen.push(name), SHARED_WEATHER_DIR.pathname),
    });
    deepStrictEqual(seen, [WEATHER_DATA_ENV]);
    deepStrictEqual(fromEnv.stations, SYNTHETIC_STATIONS);
    deepStrictEqual(fromEnv.temperatures, fromOption.temperatures);
  },
});

Deno.test({
  name: "loadWeatherDataset() takes each file on its own (paths or URLs)",
  ignore: NO_STATION_LIST,
  async fn() {
    const dataset = await loadWeatherDataset({
      stationList: STATION_LIST_URL.pathname,
      temperatures: SYNTHETIC_URL,
      env: () => {
        throw new Error("the environment is not read when both files are given");
      },
    });
    deepStrictEqual(dataset.stations, SYNTHETIC_STATIONS);
  },
});

Deno.test("loadWeatherDataset() without a dataset throws WeatherDataUnavailableError saying how to provide one", async () => {
  await rejects(() => loadWeatherDataset({ env: unset }), (error: unknown) => {
    strictEqual(error instanceof WeatherDataUnavailableError, true);
    const { name, message } = error as Error;
    strictEqual(name, "WeatherDataUnavailableError");
    match(message, /none is configured/);
    match(message, /set CAIMIRA_WEATHER_DATA to a folder/);
    match(message, /hadisd_station_fullinfo_v311_202001p\.txt and global_weather_set\.json/);
    match(message, /pass \{ directory \} or \{ stationList, temperatures \} to loadWeatherDataset/);
    return true;
  });
  // An empty variable counts as unset.
  await rejects(() => loadWeatherDataset({ env: () => "  " }), WeatherDataUnavailableError);
  // Only one of the two files given, and no folder.
  await rejects(
    () => loadWeatherDataset({ temperatures: SYNTHETIC_URL, env: unset }),
    WeatherDataUnavailableError,
  );
});

Deno.test("loadWeatherDataset() reports a missing file as WeatherDataUnavailableError", async () => {
  const here = new URL("./", import.meta.url); // holds neither file
  await rejects(() => loadWeatherDataset({ directory: here }), (error: unknown) => {
    strictEqual(error instanceof WeatherDataUnavailableError, true);
    match(
      (error as Error).message,
      /hadisd_station_fullinfo_v311_202001p\.txt but found no such file/,
    );
    return true;
  });
  // A station list, and no temperature file under either name.
  await rejects(
    () =>
      loadWeatherDataset({
        directory: here.pathname,
        stationList: new URL("./_data.ts", import.meta.url),
      }),
    {
      name: "WeatherDataUnavailableError",
      message: /global_weather_set\.json or .*global_weather_set\.synthetic\.json but found none/,
    },
  );
});

Deno.test("loadWeatherDataset() over HTTP prefers global_weather_set.json and names a bad file", async () => {
  const geneva = SYNTHETIC_STATIONS[0]!;
  const stationLine = `${geneva.id} ${geneva.name.padEnd(31)}${
    geneva.latitude.toFixed(3).padStart(7)
  }${geneva.longitude.toFixed(3).padStart(9)}   430.1 1935-01-01 2020-02-06\n`;
  const files = new Map<string, string>([
    ["/good/hadisd_station_fullinfo_v311_202001p.txt", stationLine],
    ["/good/global_weather_set.json", JSON.stringify({ [geneva.id]: { 1: Array(24).fill(20) } })],
    ["/good/global_weather_set.synthetic.json", SYNTHETIC_TEXT],
    ["/synthetic/hadisd_station_fullinfo_v311_202001p.txt", stationLine],
    ["/synthetic/global_weather_set.synthetic.json", SYNTHETIC_TEXT],
    ["/bad/hadisd_station_fullinfo_v311_202001p.txt", stationLine],
    ["/bad/global_weather_set.json", "{ not json"],
    ["/failing/hadisd_station_fullinfo_v311_202001p.txt", stationLine],
    ["/failing/global_weather_set.synthetic.json", SYNTHETIC_TEXT],
  ]);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    const path = new URL(request.url).pathname;
    if (path === "/failing/global_weather_set.json") return new Response("", { status: 500 });
    const body = files.get(path);
    return body === undefined ? new Response("no", { status: 404 }) : new Response(body);
  });
  const base = `http://127.0.0.1:${server.addr.port}`;
  try {
    const good = await loadWeatherDataset({ directory: `${base}/good` });
    deepStrictEqual(good.stations, [geneva]);
    strictEqual(good.temperatures.get(geneva.id)?.get(1)?.[0], 293.15);
    strictEqual(
      good.source,
      `${base}/good/hadisd_station_fullinfo_v311_202001p.txt + ${base}/good/global_weather_set.json`,
    );

    const synthetic = await loadWeatherDataset({ directory: new URL(`${base}/synthetic/`) });
    match(synthetic.source, /global_weather_set\.synthetic\.json$/);

    await rejects(() => loadWeatherDataset({ directory: `${base}/bad` }), {
      name: "SyntaxError",
      message: /\/bad\/global_weather_set\.json: /,
    });
    // A server error is not "absent": no fallback to the synthetic file.
    await rejects(() => loadWeatherDataset({ directory: `${base}/failing` }), {
      name: "WeatherDataUnavailableError",
      message: /global_weather_set\.json but the server answered 500/,
    });
    await rejects(() => loadWeatherDataset({ directory: `${base}/missing` }), {
      name: "WeatherDataUnavailableError",
      message: /hadisd_station_fullinfo_v311_202001p\.txt but found nothing \(HTTP 404\)/,
    });
  } finally {
    await server.shutdown();
  }
});

Deno.test("readWeatherFiles() gives up on a host that does not answer and checks SHA-256 digests", async () => {
  // A server that accepts the request and never answers (held until the test ends).
  const held: ((r: Response) => void)[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    if (new URL(request.url).pathname.startsWith("/slow/")) {
      return new Promise<Response>((resolve) => held.push(resolve));
    }
    return new Response(new URL(request.url).pathname.endsWith(".txt") ? STATION_LIST_TEXT : "{}");
  });
  const base = `http://127.0.0.1:${server.addr.port}`;
  try {
    await rejects(() => readWeatherFiles({ directory: `${base}/slow`, timeoutMs: 50 }), {
      name: "WeatherDataUnavailableError",
      message: /no answer within the download time limit/,
    });
    const files = await readWeatherFiles({ directory: `${base}/fast` });
    // The digests of the files' bytes, as `sha256sum` prints them.
    const digest = async (file: string | Uint8Array) =>
      Array.from(
        new Uint8Array(
          await crypto.subtle.digest(
            "SHA-256",
            typeof file === "string" ? new TextEncoder().encode(file) : file.slice(),
          ),
        ),
        (b) => b.toString(16).padStart(2, "0"),
      ).join("");
    const both = [await digest(files.stationList), await digest(files.temperatures)];
    await readWeatherFiles({ directory: `${base}/fast`, sha256: both });
    await rejects(() => readWeatherFiles({ directory: `${base}/fast`, sha256: [both[0]] }), {
      name: "WeatherDataUnavailableError",
      message: /with one of the configured SHA-256 digests but found [0-9a-f]{64}/,
    });
  } finally {
    for (const resolve of held) resolve(new Response("late"));
    await server.shutdown();
  }
});

/** Datasets from `files` and from their compacted form: they must be the same. */
function compacted(files: WeatherFiles) {
  const full = weatherDatasetFromFiles(files);
  const compact = compactWeatherFiles(files, full);
  return { full, compact, fromCompact: weatherDatasetFromFiles(compact) };
}

Deno.test("compactWeatherFiles() keeps the lines of the kept stations: the same dataset", () => {
  const line = (id: string, name: string, lat: string, lon: string) =>
    `${id} ${name.padEnd(31)}${lat.padStart(7)}${lon.padStart(9)}   100.0 1950-01-01 2020-02-06`;
  const temperatures = { "000001-99999": { "1": Array(24).fill(5) }, "000003-99999": {} };
  const files: WeatherFiles = {
    // CRLF line ends, a station without temperatures, and a repeated identifier (the
    // station keeps its first position and its last values).
    stationList: [
      line("000001-99999", "FIRST", "10.000", "20.000"),
      line("000002-99999", "NO TEMPERATURES", "11.000", "21.000"),
      line("000003-99999", "THIRD", "12.000", "22.000"),
      line("000001-99999", "FIRST, MOVED", "13.000", "23.000"),
    ].join("\r\n"),
    temperatures: JSON.stringify(temperatures),
    stationListAt: "list.txt",
    temperaturesAt: "temperatures.json",
  };
  const { full, compact, fromCompact } = compacted(files);
  deepStrictEqual(fromCompact, full);
  deepStrictEqual(full.stations.map((s) => [s.id, s.name, s.latitude]), [
    ["000001-99999", "FIRST, MOVED", 13],
    ["000003-99999", "THIRD", 12],
  ]);
  strictEqual(compact.stationList.includes("NO TEMPERATURES"), false);
  strictEqual(compact.stationList.split("\n").filter((l) => l !== "").length, 3);
  strictEqual(compact.temperatures, files.temperatures);
});

Deno.test({
  name: "compactWeatherFiles() cuts the HadISD list to the synthetic stations, same searches",
  ignore: NO_STATION_LIST,
  fn() {
    const { full, compact, fromCompact } = compacted({
      stationList: STATION_LIST_TEXT as string,
      temperatures: SYNTHETIC_TEXT,
      stationListAt: "hadisd.txt",
      temperaturesAt: "synthetic.json",
    });
    deepStrictEqual(fromCompact, full);
    strictEqual(compact.stationList.split("\n").filter((l) => l !== "").length, 8);
    for (let lat = -80; lat <= 80; lat += 20) {
      for (let lon = -170; lon <= 170; lon += 34) {
        strictEqual(nearestStation(fromCompact, lat, lon).id, nearestStation(full, lat, lon).id);
      }
    }
  },
});
