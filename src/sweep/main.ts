/**
 * Entry point of `deno task sweep`, and of its report workers (loaded in a Web Worker
 * this module answers report jobs, as `src/server/main.ts` does, so a bundle of it is a
 * single file).
 *
 * `deno task sweep INPUT.jsonl|csv --out results.csv [--shard i/n] [--seed N]
 * [--workers N]` computes the virus report of each row through the server's worker
 * pool and appends one CSV line per exposed group to the output; rows already in the
 * output are skipped (resume). `deno task sweep --generate N FILE` writes N made-up
 * rooms. See `--help`.
 *
 * @module
 */
import { inWorker, startWorker } from "../server/worker_scope.ts";
import { generateRooms } from "./generate_rooms.ts";
import { progressLine } from "./progress.ts";
import { readWeatherFiles } from "../weather/dataset.ts";
import { startReportPool } from "./report_job.ts";
import { readExistingOutput, resultHeader } from "./results_csv.ts";
import { runSweep } from "./run_sweep.ts";
import { inShard, parseShard, type Shard, WHOLE } from "./shard.ts";
import { formatCsvLine } from "./csv.ts";
import { inputFormat, readSweepInput } from "./sweep_input.ts";

const USAGE = `Usage: caimira-sweep INPUT.jsonl|INPUT.csv --out RESULTS.csv [options]
       caimira-sweep --generate N ROOMS.jsonl|ROOMS.csv [--seed N]

Computes the virus report of every form of INPUT (one POST /virus/report body per
JSON line, or per CSV row under a header of field names; optional columns "id" and
"seed") and appends to RESULTS.csv one line per exposed group: prob_inf_percent,
prob_inf_sd_percent, expected_new_cases, co2_max_ppm. Rows already in RESULTS.csv
are skipped, so a stopped run resumes where it was.

  --out FILE          the results (created, or resumed)
  --shard i/n         only the rows whose index is i modulo n (0 <= i < n)
  --seed N            base seed: a row without a "seed" column gets N + its index
                      (default 0)
  --workers N         report workers (default: number of cores, or $CAIMIRA_WORKERS)
  --timeout S         time limit of one report in seconds (default 600)
  --weather-data DIR  weather dataset folder for natural ventilation (default
                      $CAIMIRA_WEATHER_DATA)
  --generate N        write N generated rooms to the file given, then stop
  --help              print this help`;

/** The parsed command line. */
interface SweepArgs {
  readonly input: string;
  readonly out?: string;
  readonly shard: Shard;
  readonly seed: number;
  readonly workers: number;
  readonly timeoutS: number;
  readonly weatherDirectory?: string;
  readonly generate?: number;
}

function integer(flag: string, text: string | undefined, min: number, max: number): number {
  const n = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || n < min || n > max) {
    throw new RangeError(`${flag}: expected an integer in ${min}..${max} but found "${text}"`);
  }
  return n;
}

function parseArgs(args: readonly string[]): SweepArgs | "help" {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  const known = [
    "--out",
    "--shard",
    "--seed",
    "--workers",
    "--timeout",
    "--weather-data",
    "--generate",
  ];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag === "--help" || flag === "-h") return "help";
    if (!flag.startsWith("--")) {
      positional.push(args[i]);
      continue;
    }
    if (!known.includes(flag)) throw new RangeError(`unknown option ${args[i]} (see --help)`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new RangeError(`${flag}: expected a value but found none`);
    flags.set(flag, value);
  }
  if (positional.length !== 1) {
    throw new RangeError(`expected one input file but found ${positional.length} (see --help)`);
  }
  const generate = flags.has("--generate")
    ? integer("--generate", flags.get("--generate"), 0, 10_000_000)
    : undefined;
  if (generate === undefined && !flags.has("--out")) {
    throw new RangeError("--out: expected the results file (see --help)");
  }
  const workers = flags.get("--workers") ?? Deno.env.get("CAIMIRA_WORKERS");
  return {
    input: positional[0],
    out: flags.get("--out"),
    shard: flags.has("--shard") ? parseShard(flags.get("--shard")!) : WHOLE,
    seed: flags.has("--seed") ? integer("--seed", flags.get("--seed"), 0, 2 ** 32 - 1) : 0,
    workers: workers === undefined
      ? Math.max(1, navigator.hardwareConcurrency)
      : integer("--workers", workers, 1, 256),
    timeoutS: flags.has("--timeout") ? integer("--timeout", flags.get("--timeout"), 1, 86400) : 600,
    weatherDirectory: flags.get("--weather-data") ?? Deno.env.get("CAIMIRA_WEATHER_DATA"),
    generate,
  };
}

async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}

/** Writes `count` generated rooms to `path` (JSON Lines or CSV by its extension). */
async function writeGenerated(path: string, count: number, seed: number): Promise<void> {
  const rooms = generateRooms(count, seed);
  if (inputFormat(path) === "jsonl") {
    await Deno.writeTextFile(path, rooms.map((r) => JSON.stringify(r) + "\n").join(""));
  } else {
    const columns = [...new Set(rooms.flatMap((r) => Object.keys(r)))];
    await Deno.writeTextFile(
      path,
      formatCsvLine(columns) +
        rooms.map((r) => formatCsvLine(columns.map((c) => String(r[c] ?? ""))))
          .join(""),
    );
  }
  console.error(`wrote ${count} rooms to ${path} (seed ${seed})`);
}

async function sweep(args: SweepArgs): Promise<number> {
  const rows = readSweepInput(await Deno.readTextFile(args.input), inputFormat(args.input));
  const out = args.out!;
  const existing = await readTextIfExists(out);
  const previous = existing === undefined ? undefined : readExistingOutput(existing);
  const file = await Deno.open(out, { create: true, write: true });
  const encoder = new TextEncoder();
  const write = async (text: string) => {
    const bytes = encoder.encode(text);
    for (let written = 0; written < bytes.length;) {
      written += await file.write(bytes.subarray(written));
    }
  };
  if (previous === undefined || previous.keepBytes === 0) {
    await file.truncate(0);
    await write(resultHeader());
  } else {
    await file.truncate(previous.keepBytes);
    await file.seek(previous.keepBytes, Deno.SeekMode.Start);
  }
  const mine = rows.filter((r) => inShard(r.index, args.shard));
  const todo = mine.filter((r) => !previous?.done.has(r.index));
  const shardText = args.shard.count > 1 ? ` (shard ${args.shard.index}/${args.shard.count})` : "";
  console.error(
    `${args.input}: ${rows.length} rows, ${mine.length} in this run${shardText}, ` +
      `${mine.length - todo.length} already in ${out}; ${args.workers} report workers`,
  );

  const pool = startReportPool({
    workerUrl: import.meta.url,
    workers: args.workers,
    timeoutS: args.timeoutS,
    weatherFiles: args.weatherDirectory === undefined
      ? undefined
      : await readWeatherFiles({ directory: args.weatherDirectory }),
  });
  let peakRss = Deno.memoryUsage().rss;
  const memoryPoll = setInterval(() => {
    peakRss = Math.max(peakRss, Deno.memoryUsage().rss);
  }, 250);
  const tty = Deno.stderr.isTerminal();
  const started = performance.now();
  let lastDraw = 0;
  let lastDone = -1;
  const draw = (done: number, final = false) => {
    const now = performance.now();
    // A terminal gets the bar redrawn in place; a log gets a line every 10 % or so.
    const step = Math.max(1, Math.ceil(todo.length / 10));
    if (!final && (tty ? now - lastDraw < 200 : done % step !== 0)) return;
    if (final && !tty && done === lastDone) return;
    lastDraw = now;
    lastDone = done;
    const line = progressLine(done, todo.length, (now - started) / 1000);
    Deno.stderr.writeSync(
      encoder.encode(tty ? `\r${line}\u001b[K${final ? "\n" : ""}` : `${line}\n`),
    );
  };
  let counts;
  try {
    counts = await runSweep({
      rows: todo,
      baseSeed: args.seed,
      concurrency: 2 * args.workers,
      report: pool.report,
      write,
      onProgress: (c) => draw(c.done),
    });
    draw(counts.done, true);
  } finally {
    clearInterval(memoryPoll);
    await pool.close();
    file.close();
  }
  const seconds = (performance.now() - started) / 1000;
  peakRss = Math.max(peakRss, Deno.memoryUsage().rss);
  console.error(
    `${counts.done} rooms in ${seconds.toFixed(1)} s: ${(counts.done / seconds || 0).toFixed(2)} ` +
      `rooms/s; ok ${counts.ok}, invalid ${counts.errors}, failed ${counts.failed}; ` +
      `peak memory ${(peakRss / 2 ** 20).toFixed(0)} MB (resident, sampled)`,
  );
  return counts.failed > 0 ? 1 : 0;
}

async function main(): Promise<void> {
  let args: SweepArgs | "help";
  try {
    args = parseArgs(Deno.args);
  } catch (error) {
    console.error((error as Error).message);
    Deno.exit(2);
  }
  if (args === "help") {
    console.log(USAGE);
    return;
  }
  try {
    if (args.generate !== undefined) await writeGenerated(args.input, args.generate, args.seed);
    else Deno.exit(await sweep(args));
  } catch (error) {
    console.error((error as Error).message);
    Deno.exit(1);
  }
}

if (inWorker()) await startWorker();
else if (import.meta.main) await main();
