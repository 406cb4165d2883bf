/**
 * Checks the server's OpenAPI document with two independent tools from npm:
 * `@apidevtools/swagger-parser` (validation against the OpenAPI 3.1 schema, references
 * resolved) and `@redocly/cli lint` with its recommended rules (operation ids, servers,
 * licence, examples valid against their schemas, ...). Any error or warning fails.
 *
 * Usage: deno task check:openapi
 *
 * @module
 */
import SwaggerParser from "@apidevtools/swagger-parser";
import { openApiDocument } from "../src/server/openapi.ts";

/** The Redocly CLI, pinned. */
const REDOCLY = "npm:@redocly/cli@2.77.0";

/** Problems counted in Redocly's JSON report. */
interface RedoclyTotals {
  readonly errors: number;
  readonly warnings: number;
  readonly ignored: number;
}

async function swaggerParser(document: unknown): Promise<string[]> {
  try {
    // The parser dereferences in place: give it a copy.
    await SwaggerParser.validate(structuredClone(document) as never);
    return [];
  } catch (error) {
    const details = (error as { details?: unknown }).details;
    const more = details === undefined
      ? ""
      : `\n${JSON.stringify(details, null, 1).slice(0, 4000)}`;
    return [`swagger-parser: ${(error as Error).message}${more}`];
  }
}

async function redocly(document: unknown): Promise<string[]> {
  const dir = await Deno.makeTempDir({ prefix: "openapi-" });
  try {
    const file = `${dir}/openapi.json`;
    await Deno.writeTextFile(file, JSON.stringify(document, null, 1));
    const run = async (format: string) =>
      await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", REDOCLY, "lint", "--extends", "recommended", "--format", format, file],
        env: { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
      }).output();
    const result = await run("json");
    const text = new TextDecoder().decode(result.stdout);
    let totals: RedoclyTotals;
    try {
      totals = JSON.parse(text.slice(text.indexOf("{"))).totals;
    } catch {
      return [
        `redocly: no report (exit ${result.code}): ${new TextDecoder().decode(result.stderr)}`,
      ];
    }
    if (totals.errors + totals.warnings === 0) return [];
    const stylish = await run("stylish");
    return [
      `redocly: ${totals.errors} errors, ${totals.warnings} warnings\n` +
      new TextDecoder().decode(stylish.stdout) + new TextDecoder().decode(stylish.stderr),
    ];
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  const document = openApiDocument();
  const problems = [...await swaggerParser(document), ...await redocly(document)];
  for (const p of problems) console.error(p);
  if (problems.length > 0) Deno.exit(1);
  console.log("OpenAPI document: valid (swagger-parser) and clean (redocly recommended)");
}
