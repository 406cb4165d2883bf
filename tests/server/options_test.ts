import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import {
  parseServeArgs,
  type ServeOptions,
  SERVER_ENV,
  SERVER_V8_FLAGS,
} from "../../src/server/options.ts";
import { VERSION } from "../../src/version.ts";

const noEnv = () => undefined;

function options(args: string[], env: Record<string, string> = {}, cores = 2): ServeOptions {
  const parsed = parseServeArgs(args, (n) => env[n], cores);
  if (parsed === "help") throw new Error("unexpected help");
  return parsed;
}

Deno.test("parseServeArgs(): defaults are 127.0.0.1:8088, one worker per core, 4 queued per worker", () => {
  deepStrictEqual(options([]), {
    port: 8088,
    hostname: "127.0.0.1",
    workers: 2,
    queue: 8,
    timeoutS: 120,
    maxBodyBytes: 1024 * 1024,
    maxSampleSize: 1_000_000,
    weatherDirectory: undefined,
    allowedOrigins: [],
    headerTimeoutS: 10,
    idleTimeoutS: 30,
    drainDelayS: 0,
    shutdownTimeoutS: 30,
  });
});

Deno.test("parseServeArgs(): flags win over the environment", () => {
  const env = {
    PORT: "9000",
    HOST: "0.0.0.0",
    CAIMIRA_WORKERS: "3",
    CAIMIRA_WEATHER_DATA: "/data/weather",
    CAIMIRA_ALLOWED_ORIGINS: " https://A.example ,,https://b.example",
  };
  const fromEnv = options([], env);
  strictEqual(fromEnv.port, 9000);
  strictEqual(fromEnv.hostname, "0.0.0.0");
  strictEqual(fromEnv.workers, 3);
  strictEqual(fromEnv.queue, 12);
  strictEqual(fromEnv.weatherDirectory, "/data/weather");
  deepStrictEqual(fromEnv.allowedOrigins, ["https://a.example", "https://b.example"]);
  const fromFlags = options(
    ["--port", "1234", "--host=::1", "--workers=1", "--queue", "0", "--timeout", "0.5"],
    env,
  );
  deepStrictEqual(
    [fromFlags.port, fromFlags.hostname, fromFlags.workers, fromFlags.queue, fromFlags.timeoutS],
    [1234, "::1", 1, 0, 0.5],
  );
  strictEqual(parseServeArgs(["--port", "1", "--help"], noEnv), "help");
});

Deno.test("parseServeArgs(): invalid values and unknown flags name the flag", () => {
  throws(() => options(["--port", "http"]), /--port: expected an integer in 0\.\.65535/);
  throws(() => options(["--port", "70000"]), /--port/);
  throws(() => options(["--workers", "0"]), /--workers: expected an integer in 1\.\./);
  throws(() => options(["--timeout", "-1"]), /--timeout: expected seconds/);
  throws(() => options(["--timeout", "0"]), /--timeout/);
  throws(() => options(["--max-body", "1e3"]), /--max-body/);
  throws(() => options(["--host", ""]), /--host: expected an address/);
  throws(() => options(["--queue"]), /--queue: expected a value but found none/);
  throws(() => options(["--verbose"]), /unknown option --verbose/);
});

Deno.test("VERSION equals the version in deno.json", async () => {
  const config = JSON.parse(await Deno.readTextFile(new URL("../../deno.json", import.meta.url)));
  strictEqual(VERSION, config.version);
});

Deno.test("deno task serve and the container start the server with SERVER_V8_FLAGS", () => {
  const root = new URL("../../", import.meta.url);
  const flag = `--v8-flags=${SERVER_V8_FLAGS}`;
  const serve = JSON.parse(Deno.readTextFileSync(new URL("deno.json", root))).tasks.serve;
  ok(serve.split(" ").includes(flag), `deno task serve: ${serve}`);
  const dockerfile = Deno.readTextFileSync(new URL("Dockerfile", root));
  const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)?.[1];
  ok(entrypoint !== undefined && JSON.parse(entrypoint).includes(flag), `ENTRYPOINT ${entrypoint}`);
});

Deno.test("deno task serve and the container start the server with SERVER_ENV", () => {
  const root = new URL("../../", import.meta.url);
  const serve: string = JSON.parse(Deno.readTextFileSync(new URL("deno.json", root))).tasks.serve;
  const dockerfile = Deno.readTextFileSync(new URL("Dockerfile", root));
  // The runtime stage's ENV instruction (with its continuation lines).
  const env = /^ENV ((?:.*\\\n)*.*)$/m.exec(dockerfile.split(/^FROM /m).at(-1)!)?.[1] ?? "";
  const assignments = env.split(/\s*\\?\n\s*|\s+/).filter((a) => a.includes("="));
  const entries = Object.entries(SERVER_ENV);
  ok(entries.length > 0);
  for (const [name, value] of entries) {
    ok(serve.startsWith(`${name}=${value} `) || serve.includes(` ${name}=${value} `), serve);
    ok(assignments.includes(`${name}=${value}`), `ENV ${assignments.join(" ")}`);
  }
});
