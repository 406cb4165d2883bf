/**
 * The server's entry point is also its workers' module, and each thread loads only what
 * it runs: `src/server/main.ts` itself statically imports neither the report code nor
 * the HTTP application; a worker imports `worker.ts` (the report code, no Hono, OpenAPI,
 * pages or connection guard) and the main thread `serve.ts` (the HTTP application, no
 * forms parsing, models, kernel or report). Read from `deno info --json`.
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

/** The report code, which only a worker may load. */
const REPORT_CODE = [
  "src/server/jobs.ts",
  "src/report/virus_report.ts",
  "src/model/exposure.ts",
  "src/kernel/kernel.ts",
  "src/forms/build_virus_models.ts",
];
/** The HTTP application, which only the main thread may load. */
const HTTP_APPLICATION = [
  "src/server/serve.ts",
  "src/server/app.ts",
  "src/server/connection_guard.ts",
];
/**
 * What the main thread loads on the first request that needs it: the OpenAPI document
 * (from the form fields), the API documentation's files, the calculator's assets.
 */
const ON_FIRST_REQUEST = [
  "src/server/openapi.ts",
  "src/server/docs_page.ts",
  "src/ui/_assets.ts",
  "src/forms/virus_form_fields.ts",
];
const ROOT = new URL("../../", import.meta.url).href;

Deno.test("the entry point loads neither the report code nor the HTTP application", async () => {
  const graph = await staticGraph(MAIN);
  for (const path of [...REPORT_CODE, ...HTTP_APPLICATION]) {
    assert.ok(!graph.has(ROOT + path), `${path} must be imported dynamically by main.ts`);
  }
});

Deno.test("a report worker loads the report code and not the HTTP application", async () => {
  const graph = await staticGraph(new URL("worker.ts", SERVER));
  for (const path of REPORT_CODE) assert.ok(graph.has(ROOT + path), `${path} is in a worker`);
  for (const path of HTTP_APPLICATION) {
    assert.ok(!graph.has(ROOT + path), `${path} must not be loaded by a worker`);
  }
  assert.ok(![...graph].some((s) => s.includes("hono")), "no Hono module is loaded by a worker");
  // The forms are read with src/schema.ts, not zod (about 10 MB per thread).
  assert.ok(![...graph].some((s) => s.includes("zod")), "no zod module is loaded by a worker");
});

Deno.test("the main thread loads the HTTP application and not the report code", async () => {
  const graph = await staticGraph(new URL("serve.ts", SERVER));
  for (const path of HTTP_APPLICATION) assert.ok(graph.has(ROOT + path), `${path} is served`);
  for (const path of REPORT_CODE) {
    assert.ok(!graph.has(ROOT + path), `${path} must not be loaded by the main thread`);
  }
  for (const module of ON_FIRST_REQUEST) {
    assert.ok(!graph.has(ROOT + module), `${module} must be loaded on its first request only`);
  }
});
