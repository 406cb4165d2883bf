// The scale-out test's HAProxy configuration: what it promises (health checks on
// /health, retries elsewhere, one request per worker), and HAProxy's own check of the
// file when HAProxy is installed.
import { ok, strictEqual } from "node:assert/strict";
import { haproxyConfig } from "../../scripts/scaleout/haproxy_config.ts";

const CONFIG = haproxyConfig({
  frontendPort: 18000,
  replicaPorts: [18001, 18002, 18003],
  adminPort: 18004,
  maxconnPerReplica: 2,
  checkIntervalMs: 500,
});

Deno.test("haproxyConfig: loopback only, health checks, retries and redispatch", () => {
  for (
    const line of [
      "bind 127.0.0.1:18000",
      "stats socket ipv4@127.0.0.1:18004 level admin",
      "option httpchk GET /health",
      "retry-on conn-failure empty-response junk-response 503",
      "option redispatch 1",
      "server r3 127.0.0.1:18003",
    ]
  ) {
    ok(CONFIG.includes(line), line);
  }
  ok(
    /default-server check inter 500ms .*maxconn 2 observe layer4 .*on-error mark-down/.test(CONFIG),
  );
  // Every address in the file is on loopback.
  for (const address of CONFIG.match(/\d+\.\d+\.\d+\.\d+/g) ?? []) {
    strictEqual(address, "127.0.0.1");
  }
});

async function haproxyInstalled(): Promise<boolean> {
  try {
    await new Deno.Command("haproxy", { args: ["-v"], stdout: "null" }).output();
    return true;
  } catch {
    return false;
  }
}

Deno.test({
  name: "haproxyConfig: HAProxy accepts the file (haproxy -c)",
  ignore: !(await haproxyInstalled()),
  fn: async () => {
    const child = new Deno.Command("haproxy", {
      args: ["-c", "-f", "/dev/stdin"],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(CONFIG));
    await writer.close();
    const { code, stdout, stderr } = await child.output();
    const text = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
    strictEqual(code, 0, text);
    ok(text.includes("Configuration file is valid"), text);
  },
});
