import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { handle, parseServeArgs } from "../../src/server/main.ts";
import { VERSION } from "../../src/version.ts";

const noEnv = () => undefined;

Deno.test("parseServeArgs() defaults to 127.0.0.1:8088 and takes flags over the environment", () => {
  deepStrictEqual(parseServeArgs([], noEnv), { port: 8088, hostname: "127.0.0.1" });
  const env = (n: string) => ({ PORT: "9000", HOST: "0.0.0.0" } as Record<string, string>)[n];
  deepStrictEqual(parseServeArgs([], env), { port: 9000, hostname: "0.0.0.0" });
  deepStrictEqual(parseServeArgs(["--port", "1234", "--host=::1"], env), {
    port: 1234,
    hostname: "::1",
  });
  strictEqual(parseServeArgs(["--help"], noEnv), "help");
  throws(() => parseServeArgs(["--port", "http"], noEnv), /port in 0\.\.65535/);
  throws(() => parseServeArgs(["--verbose"], noEnv), /unknown option --verbose/);
});

Deno.test("handle() answers the landing page, health, 501 for planned routes and 404", async () => {
  const landing = handle(new Request("http://x/"));
  strictEqual(landing.status, 200);
  strictEqual((await landing.json()).version, VERSION);
  strictEqual((await handle(new Request("http://x/health")).json()).status, "ok");
  const report = handle(new Request("http://x/virus/report", { method: "POST", body: "{}" }));
  strictEqual(report.status, 501);
  strictEqual((await report.json()).message, "/virus/report is not implemented yet");
  strictEqual(handle(new Request("http://x/nope")).status, 404);
});

Deno.test("VERSION equals the version in deno.json", async () => {
  const config = JSON.parse(await Deno.readTextFile(new URL("../../deno.json", import.meta.url)));
  strictEqual(VERSION, config.version);
});
