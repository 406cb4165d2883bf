// The offline checks of the container and cluster files (scripts/deploy/): the
// repository's files pass, and each kind of mistake is caught and named.
import { deepStrictEqual, ok } from "node:assert/strict";
import { checkDockerfile } from "../../scripts/deploy/dockerfile_check.ts";
import { checkManifests, type ManifestFile } from "../../scripts/deploy/manifest_check.ts";

const ROOT = new URL("../../", import.meta.url);
const read = (path: string) => Deno.readTextFileSync(new URL(path, ROOT));
const DOCKERFILE = read("Dockerfile");
const VERSION = JSON.parse(read("deno.json")).version as string;
const MANIFESTS: ManifestFile[] = [
  "deploy/k8s/deployment.yaml",
  "deploy/k8s/service.yaml",
  "deploy/k8s/hpa.yaml",
  "deploy/k8s/pdb.yaml",
  "deploy/k8s/sweep/job.yaml",
].map((path) => ({ path, text: read(path) }));

function exists(path: string): boolean {
  try {
    Deno.statSync(new URL(path, ROOT));
    return true;
  } catch {
    return false;
  }
}

const context = { denoVersion: "2.9.6", exists, dockerignore: read(".dockerignore") };

/** The manifests with `text` replaced by `edit(text)` in `path`. */
function edited(path: string, edit: (text: string) => string): ManifestFile[] {
  return MANIFESTS.map((m) => m.path === path ? { path, text: edit(m.text) } : m);
}

function includes(problems: string[], fragment: string) {
  ok(problems.some((p) => p.includes(fragment)), `expected "${fragment}" in ${problems}`);
}

Deno.test("the repository's Dockerfile passes the lint", () => {
  deepStrictEqual(checkDockerfile(DOCKERFILE, context), []);
});

Deno.test("the Dockerfile lint names each broken rule", () => {
  const broken = DOCKERFILE
    .replace("USER 65532:65532", "USER root")
    .replace(/HEALTHCHECK[^\n]*\\\n[^\n]*\n/, "")
    .replace("HOST=0.0.0.0", "HOST=127.0.0.1")
    .replace(/ENTRYPOINT \[.*\]/, "ENTRYPOINT deno run /app/server/main.js")
    .replace("COPY deno.json deno.lock ./", "COPY deno.json deno.lock README.md ./")
    .replace("ARG DENO_VERSION=2.9.6", "ARG DENO_VERSION=2.9.5");
  const problems = checkDockerfile(broken, context);
  includes(problems, "USER root: expected a numeric non-root user");
  includes(problems, "expected a HEALTHCHECK on /health");
  includes(problems, "expected ENV HOST=0.0.0.0");
  includes(problems, "ENTRYPOINT in shell form");
  includes(problems, "COPY README.md: excluded by .dockerignore");
  includes(problems, "expected the tested release 2.9.6 but found 2.9.5");
  includes(problems, "FROM denoland/deno:2.9.5: expected Deno 2.9.6");
});

Deno.test("the Dockerfile lint wants two stages and pinned tags, and runs dockerfile-utils", () => {
  const problems = checkDockerfile(
    'ARG DENO_VERSION=2.9.6\nFROM debian\nworkdir app\nCMD ["a"]\nCMD ["b"]\n',
    context,
  );
  includes(problems, "expected a multi-stage build");
  includes(problems, "FROM debian: expected a pinned tag");
  includes(problems, "WORKDIR paths should be absolute (dockerfile-utils)");
  includes(problems, "only be one CMD instruction");
});

Deno.test("the repository's manifests pass the schema and the rules", () => {
  deepStrictEqual(checkManifests(MANIFESTS, VERSION), []);
});

Deno.test("a misspelt field is an unknown field", () => {
  const problems = checkManifests(
    edited("deploy/k8s/deployment.yaml", (t) => t.replace("readinessProbe:", "readinesProbe:")),
    VERSION,
  );
  includes(problems, ".spec.template.spec.containers[0].readinesProbe: unknown field");
  includes(problems, "expected readinessProbe.httpGet.path /health");
});

Deno.test("a value of the wrong type fails the Kubernetes schema", () => {
  const problems = checkManifests(
    edited("deploy/k8s/deployment.yaml", (t) => t.replace("replicas: 2", "replicas: two")),
    VERSION,
  );
  includes(problems, "Deployment caimira-ts: data/spec/replicas must be integer");
});

Deno.test("the rules: limits, probes' port, selectors, autoscaler target, image tag", () => {
  const problems = checkManifests(
    edited("deploy/k8s/deployment.yaml", (t) =>
      t.replace("              memory: 1Gi\n", "")
        .replace("caimira-ts:0.1.0", "caimira-ts:latest")
        .replace(/(livenessProbe:\n\s+httpGet:\n\s+path: \/health\n\s+port:) http/, "$1 metrics"))
      .map((m) =>
        m.path.endsWith("service.yaml")
          ? { ...m, text: m.text.replace("targetPort: http", "targetPort: web") }
          : m
      ).map((m) =>
        m.path.endsWith("hpa.yaml")
          ? { ...m, text: m.text.replace(/(kind: Deployment\n\s+name:) caimira-ts/, "$1 other") }
          : m
      ),
    VERSION,
  );
  includes(problems, "expected resources.limits.memory");
  includes(problems, `expected the image tag ${VERSION} (deno.json) but found caimira-ts:latest`);
  includes(problems, "livenessProbe.httpGet.port metrics is not a container port");
  includes(problems, "Service caimira-ts: targetPort web is not a container port");
  includes(problems, "scaleTargetRef names no Deployment here");
});

Deno.test("an unknown kind and broken YAML are reported", () => {
  const problems = checkManifests([
    ...MANIFESTS,
    { path: "x.yaml", text: "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n---\na: [\n" },
  ], VERSION);
  includes(problems, "x.yaml: Secret s: no schema for v1/Secret");
  includes(problems, "x.yaml: document 2:");
});
