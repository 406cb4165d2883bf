// `deno task serve` as a process: SIGTERM while a report is running lets the report
// finish (200), then the process exits 0; bad flags exit 2 with a message.
import { listeningUrl } from "./_server_process.ts";
import { ok, strictEqual } from "node:assert/strict";
import { readFixtureInput } from "../forms/_helpers.ts";

const MAIN = new URL("../../src/server/main.ts", import.meta.url).pathname;
const PERMISSIONS = ["--allow-net=127.0.0.1", "--allow-env", "--allow-read"];

Deno.test({
  name: "server process: SIGTERM finishes the request in flight, then exits 0",
  ignore: Deno.build.os === "windows",
  fn: async () => {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", ...PERMISSIONS, MAIN, "--port", "0", "--workers", "1"],
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).spawn();
    const { url, lines } = await listeningUrl(child);
    const inFlight = fetch(`${url}/virus/report?prob_dist=0&seed=3`, {
      method: "POST",
      body: JSON.stringify(readFixtureInput("s2_hepa_classroom")),
    });
    while (!(await (await fetch(`${url}/health`)).json()).workers.busy) {
      // wait until the report runs
    }
    child.kill("SIGTERM");
    const res = await inFlight;
    strictEqual(res.status, 200);
    strictEqual((await res.json()).results.seed, 3);
    const status = await child.status;
    let output = "";
    for (;;) {
      const { value, done } = await lines.read();
      if (done) break;
      output += value;
    }
    await child.stderr.cancel();
    strictEqual(status.code, 0, output);
    ok(output.includes("shutting down"), output);
    ok(/POST \/virus\/report 200 [\d.]+ ms id=/.test(output), output);
  },
});

Deno.test("server process: an invalid flag exits 2 and names it", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", ...PERMISSIONS, MAIN, "--workers", "zero"],
    env: { NO_COLOR: "1" },
  }).output();
  strictEqual(code, 2);
  ok(
    new TextDecoder().decode(stderr).includes(
      '--workers: expected an integer in 1..256 but found "zero"',
    ),
  );
});
