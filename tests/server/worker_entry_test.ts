/**
 * The server's entry point is also its workers' module: what a worker loads is the
 * static import graph of `src/server/main.ts`. It must hold the report code and not the
 * HTTP application (Hono, OpenAPI, pages, connection guard), which the main thread
 * imports on its own (less memory per worker). Read from `deno info --json`.
 */
import assert from "node:assert/strict";

const MAIN = new URL("../../src/server/main.ts", import.meta.url);
const SERVER = new URL("../../src/server/", import.meta.url).href;

interface InfoModule {
  readonly specifier: string;
  readonly dependencies?: readonly {
    readonly code?: { readonly specifier: string };
    readonly isDynamic?: boolean;
  }[];
}

/** The modules reachable from `root` through static (non-dynamic) code imports. */
async function staticGraph(root: URL): Promise<Set<string>> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", root.pathname],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(code, 0, new TextDecoder().decode(stderr));
  const info = JSON.parse(new TextDecoder().decode(stdout)) as { modules: InfoModule[] };
  const bySpecifier = new Map(info.modules.map((m) => [m.specifier, m]));
  const seen = new Set<string>([root.href]);
  const todo = [root.href];
  while (todo.length > 0) {
    const module = bySpecifier.get(todo.pop()!);
    for (const dependency of module?.dependencies ?? []) {
      const target = dependency.code?.specifier;
      if (target === undefined || dependency.isDynamic === true || seen.has(target)) continue;
      seen.add(target);
      todo.push(target);
    }
  }
  return seen;
}

Deno.test("a report worker loads the report code and not the HTTP application", async () => {
  const graph = await staticGraph(MAIN);
  for (const needed of ["worker.ts", "jobs.ts"]) {
    assert.ok(graph.has(SERVER + needed), `${needed} is in the worker's graph`);
  }
  for (const mainThreadOnly of ["serve.ts", "app.ts", "openapi.ts", "connection_guard.ts"]) {
    assert.ok(
      !graph.has(SERVER + mainThreadOnly),
      `${mainThreadOnly} must not be loaded by a worker (import it dynamically in main.ts)`,
    );
  }
  assert.ok(
    ![...graph].some((s) => s.includes("hono")),
    "no Hono module is loaded by a worker",
  );
});
