// The README's code examples import only what the package's entry point exports.
import { ok } from "node:assert/strict";
import * as entry from "../mod.ts";

Deno.test("README: every name its examples import from ./mod.ts is exported there", () => {
  const readme = Deno.readTextFileSync(new URL("../README.md", import.meta.url));
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const imported: string[] = [];
  for (const block of blocks) {
    for (const [, names] of block.matchAll(/import\s*\{([^}]*)\}\s*from\s*"\.\/mod\.ts"/g)) {
      for (const name of names.split(",").map((n) => n.trim()).filter(Boolean)) {
        // Type-only imports have no value to look for at run time.
        if (!name.startsWith("type ")) imported.push(name);
      }
    }
  }
  ok(imported.length >= 5, `examples found: ${imported.join(", ")}`);
  const missing = imported.filter((name) => !(name in entry));
  ok(missing.length === 0, `not exported by mod.ts: ${missing.join(", ")}`);
});
