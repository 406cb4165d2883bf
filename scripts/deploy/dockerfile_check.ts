/**
 * Offline lint of the Dockerfile: the generic checks of `dockerfile-utils` (the linter
 * of the VS Code Docker language server: syntax, instruction casing, repeated CMD /
 * ENTRYPOINT / HEALTHCHECK, relative WORKDIR, ...) and this project's rules:
 * multi-stage, base images pinned to the tested Deno release, no `ADD`, a non-root
 * numeric `USER`, a `HEALTHCHECK` on `/health`, `HOST=0.0.0.0`, the exposed port,
 * exec-form `ENTRYPOINT`/`CMD` (so SIGTERM reaches the server), and `COPY` sources that
 * exist and that `.dockerignore` lets through.
 *
 * @module
 */
import { validate } from "npm:dockerfile-utils@0.16.3";

/** One instruction of a Dockerfile (continuation lines joined). */
export interface Instruction {
  /** Upper-case keyword, e.g. `FROM`. */
  readonly keyword: string;
  /** Everything after the keyword. */
  readonly args: string;
  /** 1-based line of the keyword. */
  readonly line: number;
}

/** What the Dockerfile is checked against. */
export interface DockerfileContext {
  /** The Deno release the repository is tested with, e.g. "2.9.6". */
  readonly denoVersion: string;
  /** Whether a path of the build context exists (relative to the repository root). */
  readonly exists: (path: string) => boolean;
  /** The text of `.dockerignore` (undefined: none). */
  readonly dockerignore?: string;
}

/** Splits a Dockerfile into instructions (comments and blank lines dropped). */
export function parseInstructions(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const instructions: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let logical = lines[i];
    if (/^\s*(#|$)/.test(logical)) continue;
    while (/\\\s*$/.test(logical) && i + 1 < lines.length) {
      i++;
      if (/^\s*#/.test(lines[i])) continue;
      logical = logical.replace(/\\\s*$/, " ") + lines[i].trim();
    }
    const match = /^\s*(\S+)\s*(.*)$/.exec(logical);
    if (match) {
      instructions.push({
        keyword: match[1].toUpperCase(),
        args: match[2].trim(),
        line: start + 1,
      });
    }
  }
  return instructions;
}

/** The default values of the `ARG`s declared before the first `FROM`. */
function globalArgs(instructions: readonly Instruction[]): Map<string, string> {
  const args = new Map<string, string>();
  for (const ins of instructions) {
    if (ins.keyword === "FROM") break;
    if (ins.keyword !== "ARG") continue;
    const [name, value] = ins.args.split(/=(.*)/s, 2);
    if (value !== undefined) args.set(name.trim(), value.trim());
  }
  return args;
}

function substitute(text: string, args: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a, b) => args.get(a ?? b) ?? whole);
}

/** The paths `.dockerignore` lets through when it is an allowlist (`*` then `!path`). */
function allowlist(dockerignore: string | undefined): string[] | undefined {
  if (dockerignore === undefined) return undefined;
  const rules = dockerignore.split(/\r?\n/).map((l) => l.trim()).filter((l) =>
    l !== "" && !l.startsWith("#")
  );
  if (rules[0] !== "*") return undefined;
  return rules.slice(1).filter((r) => r.startsWith("!")).map((r) => r.slice(1).replace(/\/$/, ""));
}

/**
 * Lints a Dockerfile.
 *
 * @param text The Dockerfile.
 * @param context The tested Deno release and the build context.
 * @returns The problems found, each as "line N: ..." (empty when it passes).
 */
export function checkDockerfile(text: string, context: DockerfileContext): string[] {
  const problems: string[] = [];
  for (const d of validate(text)) {
    problems.push(`line ${d.range.start.line + 1}: ${d.message} (dockerfile-utils)`);
  }
  const instructions = parseInstructions(text);
  const args = globalArgs(instructions);
  const froms = instructions.filter((i) => i.keyword === "FROM");
  if (froms.length < 2) problems.push("expected a multi-stage build (two FROM or more)");
  if (args.get("DENO_VERSION") !== context.denoVersion) {
    problems.push(
      `ARG DENO_VERSION: expected the tested release ${context.denoVersion} but found ${
        args.get("DENO_VERSION") ?? "none"
      }`,
    );
  }
  for (const from of froms) {
    const image = substitute(from.args.split(/\s+/).find((w) => !w.startsWith("--")) ?? "", args);
    const tag = /^[^@]+:([^/:@]+)$/.exec(image)?.[1];
    if (!image.includes("@sha256:") && (tag === undefined || tag === "latest")) {
      problems.push(`line ${from.line}: FROM ${image}: expected a pinned tag (not latest)`);
    }
    if (image.startsWith("denoland/deno:") && !image.endsWith(context.denoVersion)) {
      problems.push(`line ${from.line}: FROM ${image}: expected Deno ${context.denoVersion}`);
    }
  }
  for (const add of instructions.filter((i) => i.keyword === "ADD")) {
    problems.push(`line ${add.line}: use COPY instead of ADD`);
  }
  for (const ins of instructions) {
    if ((ins.keyword === "ENTRYPOINT" || ins.keyword === "CMD") && !ins.args.startsWith("[")) {
      problems.push(
        `line ${ins.line}: ${ins.keyword} in shell form: use the exec form ["..."] so that signals reach the process`,
      );
    }
  }
  const lastFrom = froms.at(-1);
  const final = lastFrom === undefined ? [] : instructions.filter((i) => i.line > lastFrom.line);
  const user = final.filter((i) => i.keyword === "USER").at(-1);
  const uid = user?.args.split(":")[0];
  if (uid === undefined) {
    problems.push("final stage: expected a USER (non-root)");
  } else if (!/^\d+$/.test(uid) || uid === "0") {
    problems.push(
      `line ${user!.line}: USER ${
        user!.args
      }: expected a numeric non-root user (Kubernetes' runAsNonRoot checks the number)`,
    );
  }
  const healthcheck = final.find((i) => i.keyword === "HEALTHCHECK");
  if (healthcheck === undefined || !healthcheck.args.includes("/health")) {
    problems.push("final stage: expected a HEALTHCHECK on /health");
  }
  const env = final.filter((i) => i.keyword === "ENV").map((i) => i.args).join(" ");
  if (!/(^|\s)HOST=0\.0\.0\.0(\s|$)/.test(env)) {
    problems.push("final stage: expected ENV HOST=0.0.0.0 (listen on every interface)");
  }
  const port = /(?:^|\s)PORT=(\d+)/.exec(env)?.[1];
  const exposed = final.filter((i) => i.keyword === "EXPOSE").flatMap((i) => i.args.split(/\s+/));
  if (port === undefined || !exposed.some((p) => p.split("/")[0] === port)) {
    problems.push(`final stage: expected EXPOSE of the PORT (${port ?? "no ENV PORT"})`);
  }
  const allowed = allowlist(context.dockerignore);
  for (const copy of instructions.filter((i) => i.keyword === "COPY")) {
    const words = copy.args.split(/\s+/);
    if (words.some((w) => w.startsWith("--from="))) continue;
    const sources = words.filter((w) => !w.startsWith("--")).slice(0, -1);
    for (const source of sources) {
      const path = source.replace(/^\.\//, "").replace(/\/$/, "");
      if (!context.exists(path)) {
        problems.push(`line ${copy.line}: COPY ${source}: no such file in the build context`);
      } else if (
        allowed !== undefined && !allowed.some((a) => path === a || path.startsWith(`${a}/`))
      ) {
        problems.push(`line ${copy.line}: COPY ${source}: excluded by .dockerignore`);
      }
    }
  }
  return problems;
}
