/**
 * `deno task check:deploy`: lints the Dockerfile and validates the Kubernetes
 * manifests offline (no Docker engine, no cluster), see `scripts/deploy/`. Prints each
 * problem and exits 1 when there is one.
 *
 * @module
 */
import { checkDockerfile } from "./deploy/dockerfile_check.ts";
import { checkManifests, type ManifestFile } from "./deploy/manifest_check.ts";

const ROOT = new URL("../", import.meta.url);

function exists(path: string): boolean {
  try {
    Deno.statSync(new URL(path, ROOT));
    return true;
  } catch {
    return false;
  }
}

function yamlFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of Deno.readDirSync(new URL(dir, ROOT))) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) found.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) found.push(path);
  }
  return found.sort();
}

const version = JSON.parse(Deno.readTextFileSync(new URL("deno.json", ROOT))).version as string;
const dockerfile = checkDockerfile(Deno.readTextFileSync(new URL("Dockerfile", ROOT)), {
  denoVersion: Deno.version.deno,
  exists,
  dockerignore: exists(".dockerignore")
    ? Deno.readTextFileSync(new URL(".dockerignore", ROOT))
    : undefined,
});
const files: ManifestFile[] = yamlFiles("deploy/k8s").map((path) => ({
  path,
  text: Deno.readTextFileSync(new URL(path, ROOT)),
}));
const manifests = checkManifests(files, version);

for (const p of dockerfile) console.log(`Dockerfile: ${p}`);
for (const p of manifests) console.log(p);
console.log(
  `Dockerfile: ${dockerfile.length === 0 ? "ok" : `${dockerfile.length} problem(s)`}; ` +
    `${files.length} manifest files: ${
      manifests.length === 0 ? "ok" : `${manifests.length} problem(s)`
    }`,
);
if (dockerfile.length + manifests.length > 0) Deno.exit(1);
