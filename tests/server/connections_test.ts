// The connection guard in front of the real server: half-open and idle connections are
// closed by their deadlines, and a flood of them against a small descriptor limit
// leaves a live server. Waits poll without budgets of their own (a loaded machine only
// makes them slower); each read that should end has a generous cap so a regression
// fails instead of hanging.
import { listeningUrl } from "./_server_process.ts";
import { ok, strictEqual } from "node:assert/strict";
import type { ServeOptions } from "../../src/server/options.ts";
import { startServer } from "../../src/server/serve.ts";

const WORKER = new URL("../../src/server/main.ts", import.meta.url);
const MAIN = WORKER.pathname;
const encoder = new TextEncoder();

function options(overrides: Partial<ServeOptions>): ServeOptions {
  return {
    port: 0,
    hostname: "127.0.0.1",
    workers: 1,
    queue: 4,
    timeoutS: 60,
    maxBodyBytes: 64 * 1024,
    allowedOrigins: [],
    headerTimeoutS: 0.2,
    idleTimeoutS: 0.3,
    drainDelayS: 0,
    shutdownTimeoutS: 30,
    ...overrides,
  };
}

/** Reads until the peer closes; the text read, or "open" when still open after `capMs`. */
async function readToClose(conn: Deno.Conn, capMs = 60_000): Promise<string> {
  const buffer = new Uint8Array(4096);
  let text = "";
  const cap = new Promise<"open">((resolve) => setTimeout(() => resolve("open"), capMs));
  while (true) {
    const n = await Promise.race([conn.read(buffer).catch(() => null), cap]);
    if (n === "open") return "open";
    if (n === null) return text;
    text += new TextDecoder().decode(buffer.subarray(0, n));
  }
}

Deno.test("connection guard: half-open heads, slow bodies and idle keep-alive are closed", async () => {
  const server = await startServer(options({}), { workerUrl: WORKER, log: () => {} });
  const port = server.port;
  try {
    const half = await Deno.connect({ hostname: "127.0.0.1", port });
    await half.write(encoder.encode("GET /health HTTP/1.1\r\nHo"));
    strictEqual(await readToClose(half), "");
    half.close();

    const slow = await Deno.connect({ hostname: "127.0.0.1", port });
    await slow.write(
      encoder.encode("POST /virus/report HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{"),
    );
    strictEqual(await readToClose(slow, 120_000), ""); // the body deadline (30 s)
    slow.close();

    const idle = await Deno.connect({ hostname: "127.0.0.1", port });
    await idle.write(encoder.encode("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
    const answer = await readToClose(idle);
    ok(answer.startsWith("HTTP/1.1 "), answer.slice(0, 40));
    idle.close();
  } finally {
    await server.shutdown();
  }
});

Deno.test({
  name: "connection guard: 150 half-open connections under `ulimit -n 96` leave a live server",
  ignore: Deno.build.os !== "linux",
  fn: async () => {
    const child = new Deno.Command("bash", {
      args: [
        "-c",
        `ulimit -n 96 && exec "$0" run --allow-net=127.0.0.1 --allow-env --allow-read "$1" ` +
        "--port 0 --workers 1 --header-timeout 0.5",
        Deno.execPath(),
        MAIN,
      ],
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).spawn();
    const { url, lines } = await listeningUrl(child);
    const port = Number(new URL(url).port);
    const conns: Deno.Conn[] = [];
    try {
      for (let i = 0; i < 150; i++) {
        const conn = await Deno.connect({ hostname: "127.0.0.1", port });
        conns.push(conn);
        await conn.write(encoder.encode("GET /health HTTP/1.1\r\nHo")).catch(() => {});
      }
      let status = 0;
      for (let attempt = 0; attempt < 600 && status !== 200; attempt++) {
        const res = await fetch(`${url}/health`).catch(() => undefined);
        status = res?.status ?? 0;
        await res?.body?.cancel();
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      strictEqual(status, 200);
      const exited = await Promise.race([
        child.status.then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), 100)),
      ]);
      strictEqual(exited, false);
    } finally {
      for (const conn of conns) {
        try {
          conn.close();
        } catch { /* closed by the server */ }
      }
      child.kill("SIGKILL");
      await child.status;
      await lines.cancel();
      await child.stderr.cancel();
    }
  },
});
