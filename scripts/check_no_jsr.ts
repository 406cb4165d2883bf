/**
 * Fails when any source or config file imports from JSR (unreachable from our
 * machines and CI: every dependency must be an `npm:` specifier).
 *
 * @module
 */
const ROOTS = ["mod.ts", "deno.json", "src", "tests", "scripts", "asm"];
const PATTERN = /["'`]jsr:/;

async function* files(path: string): AsyncGenerator<string> {
  const info = await Deno.stat(path);
  if (info.isFile) {
    if (/\.(ts|json)$/.test(path)) yield path;
    return;
  }
  for await (const entry of Deno.readDir(path)) yield* files(`${path}/${entry.name}`);
}

const offenders: string[] = [];
for (const root of ROOTS) {
  for await (const file of files(root)) {
    if (file.endsWith("check_no_jsr.ts")) continue;
    const text = await Deno.readTextFile(file);
    text.split("\n").forEach((line, i) => {
      if (PATTERN.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
}
if (offenders.length > 0) {
  console.error(`jsr: imports are not allowed (use npm: specifiers):\n${offenders.join("\n")}`);
  Deno.exit(1);
}
console.log("no jsr: imports");
