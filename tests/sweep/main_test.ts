// `deno task sweep` as a process: generated rooms, two shards that together equal the
// whole run, and a resumed run that skips the rows done and redoes a cut-off last row.
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";

const MAIN = new URL("../../src/sweep/main.ts", import.meta.url).pathname;

async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-write", "--allow-env", MAIN, ...args],
    env: { NO_COLOR: "1" },
  }).output();
  return { code, stderr: new TextDecoder().decode(stderr) };
}

/** A shell tool (the test itself has no write permission). */
async function shell(command: string, ...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command(command, { args }).output();
  if (code !== 0) throw new Error(`${command}: ${new TextDecoder().decode(stderr)}`);
  return new TextDecoder().decode(stdout).trim();
}

/** The data lines of an output, sorted (rows finish in any order). */
function dataLines(path: string): string[] {
  return Deno.readTextFileSync(path).split("\n").slice(1).filter((l) => l !== "").sort();
}

Deno.test({
  name: "sweep: shards, resume, and a cut-off last row",
  ignore: Deno.build.os === "windows",
  fn: async () => {
    const dir = await shell("mktemp", "-d");
    try {
      const rooms = `${dir}/rooms.csv`;
      strictEqual((await run("--generate", "4", rooms, "--seed", "3")).code, 0);
      const [first, second, whole] = [`${dir}/s0.csv`, `${dir}/s1.csv`, `${dir}/all.csv`];
      for (const [out, shard] of [[first, "0/2"], [second, "1/2"]]) {
        const { code, stderr } = await run(rooms, "--out", out, "--shard", shard, "--workers", "1");
        strictEqual(code, 0, stderr);
        ok(stderr.includes(`4 rows, 2 in this run (shard ${shard})`), stderr);
        ok(stderr.includes("2 rooms in"), stderr);
      }
      deepStrictEqual(dataLines(first).map((l) => l.split(",")[0]), ["0", "2"]);
      deepStrictEqual(dataLines(second).map((l) => l.split(",")[0]), ["1", "3"]);

      let result = await run(rooms, "--out", whole, "--workers", "1");
      strictEqual(result.code, 0, result.stderr);
      const all = dataLines(whole);
      deepStrictEqual(all, [...dataLines(first), ...dataLines(second)].sort());
      ok(all.every((l) => l.split(",")[3] === "ok"), all.join("\n"));

      const before = Deno.readTextFileSync(whole);
      result = await run(rooms, "--out", whole, "--workers", "1");
      ok(result.stderr.includes("4 already in"), result.stderr);
      ok(result.stderr.includes("0 rooms in"), result.stderr);
      strictEqual(Deno.readTextFileSync(whole), before);

      // A run stopped while writing: the last line cut in the middle.
      await shell("truncate", "-s", "-10", whole);
      result = await run(rooms, "--out", whole, "--workers", "1");
      ok(result.stderr.includes("3 already in"), result.stderr);
      ok(result.stderr.includes("1 rooms in"), result.stderr);
      deepStrictEqual(dataLines(whole), all);
    } finally {
      await shell("rm", "-rf", dir);
    }
  },
});

Deno.test("sweep: bad arguments exit 2 and say what is wrong", async () => {
  const missingOut = await run("rooms.csv");
  strictEqual(missingOut.code, 2);
  ok(missingOut.stderr.includes("--out: expected the results file"), missingOut.stderr);
  const badShard = await run("rooms.csv", "--out", "x.csv", "--shard", "2/2");
  strictEqual(badShard.code, 2);
  ok(badShard.stderr.includes('--shard: expected i/n with 0 ≤ i < n (e.g. 0/4) but found "2/2"'));
});
