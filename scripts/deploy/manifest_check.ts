/**
 * Offline validation of the Kubernetes manifests (`deploy/k8s/**.yaml`):
 *
 * - schema: each document against the Kubernetes OpenAPI schema of its kind, through
 *   the validators `kubernetes-models` compiles from it (types, required fields,
 *   formats);
 * - unknown fields: every key must be a field of its type (as `kubectl apply` with
 *   the default strict field validation requires), from the field tables of the
 *   official client `@kubernetes/client-node` — a typo such as `readinesProbe` fails;
 * - this project's rules: probes on `/health` through a declared container port,
 *   CPU and memory requests and limits, a non-root pod, the image tag equal to the
 *   package version, and a Service, HorizontalPodAutoscaler and PodDisruptionBudget
 *   that point at the Deployment's pods.
 *
 * @module
 */
import * as client from "npm:@kubernetes/client-node@2.0.1";
import { Deployment } from "npm:kubernetes-models@5.1.0/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "npm:kubernetes-models@5.1.0/autoscaling/v2/HorizontalPodAutoscaler";
import { Job } from "npm:kubernetes-models@5.1.0/batch/v1/Job";
import { PersistentVolumeClaim } from "npm:kubernetes-models@5.1.0/v1/PersistentVolumeClaim";
import { PodDisruptionBudget } from "npm:kubernetes-models@5.1.0/policy/v1/PodDisruptionBudget";
import { Service } from "npm:kubernetes-models@5.1.0/v1/Service";
import { parseAllDocuments } from "npm:yaml@2.9.1";

/** A manifest file. */
export interface ManifestFile {
  /** Path, for messages. */
  readonly path: string;
  /** YAML text (one or more documents). */
  readonly text: string;
}

/** A Kubernetes object as written (plain data). */
// deno-lint-ignore no-explicit-any
type Obj = Record<string, any>;

/** A validated kind: how to validate it, and the name of its type in the client. */
interface Kind {
  readonly validate: (obj: Obj) => void;
  readonly clientType: string;
}

/** The kinds the manifests may use, by `apiVersion/kind`. */
const KINDS: Readonly<Record<string, Kind>> = {
  "apps/v1/Deployment": {
    validate: (o) => new Deployment(o as never).validate(),
    clientType: "V1Deployment",
  },
  "v1/Service": { validate: (o) => new Service(o as never).validate(), clientType: "V1Service" },
  "autoscaling/v2/HorizontalPodAutoscaler": {
    validate: (o) => new HorizontalPodAutoscaler(o as never).validate(),
    clientType: "V2HorizontalPodAutoscaler",
  },
  "policy/v1/PodDisruptionBudget": {
    validate: (o) => new PodDisruptionBudget(o as never).validate(),
    clientType: "V1PodDisruptionBudget",
  },
  "batch/v1/Job": { validate: (o) => new Job(o as never).validate(), clientType: "V1Job" },
  "v1/PersistentVolumeClaim": {
    validate: (o) => new PersistentVolumeClaim(o as never).validate(),
    clientType: "V1PersistentVolumeClaim",
  },
};

interface Attribute {
  readonly baseName: string;
  readonly type: string;
}

function attributes(type: string): readonly Attribute[] | undefined {
  const model = (client as unknown as Record<string, { getAttributeTypeMap?: () => Attribute[] }>)[
    type
  ];
  return model?.getAttributeTypeMap?.();
}

/** Keys of `value` (of client type `type`) that its type does not have, as paths. */
function unknownFields(value: unknown, type: string, path: string): string[] {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    return Array.isArray(value)
      ? value.flatMap((v, i) => unknownFields(v, array[1], `${path}[${i}]`))
      : [];
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    return value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => unknownFields(v, map[1], `${path}.${k}`))
      : [];
  }
  const fields = attributes(type);
  if (fields === undefined || value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const field = fields.find((f) => f.baseName === key);
    if (field === undefined) return [`${path}.${key}: unknown field (not in ${type})`];
    return unknownFields(v, field.type, `${path}.${key}`);
  });
}

function matches(selector: Obj | undefined, labels: Obj | undefined): boolean {
  if (selector === undefined || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** The project's rules for a Deployment's pods (or a Job's). */
function podRules(where: string, pod: Obj, version: string, server: boolean): string[] {
  const problems: string[] = [];
  const spec = pod?.spec ?? {};
  if (spec.securityContext?.runAsNonRoot !== true) {
    problems.push(`${where}: expected spec.securityContext.runAsNonRoot: true`);
  }
  for (const c of spec.containers ?? []) {
    const at = `${where}: container ${c.name}`;
    const tag = /:([^:/]+)$/.exec(c.image ?? "")?.[1];
    if (tag !== version) {
      problems.push(`${at}: expected the image tag ${version} (deno.json) but found ${c.image}`);
    }
    for (const kind of ["requests", "limits"]) {
      for (const resource of ["cpu", "memory"]) {
        if (c.resources?.[kind]?.[resource] === undefined) {
          problems.push(`${at}: expected resources.${kind}.${resource}`);
        }
      }
    }
    if (c.securityContext?.allowPrivilegeEscalation !== false) {
      problems.push(`${at}: expected securityContext.allowPrivilegeEscalation: false`);
    }
    if (!server) continue;
    const ports = (c.ports ?? []) as Obj[];
    for (const probe of ["readinessProbe", "livenessProbe"]) {
      const get = c[probe]?.httpGet;
      if (get?.path !== "/health") {
        problems.push(`${at}: expected ${probe}.httpGet.path /health`);
      } else if (!ports.some((p) => p.name === get.port || p.containerPort === get.port)) {
        problems.push(`${at}: ${probe}.httpGet.port ${get.port} is not a container port`);
      }
    }
    const host = (c.env ?? []).find((e: Obj) => e.name === "HOST")?.value;
    if (host !== undefined && host !== "0.0.0.0") {
      problems.push(`${at}: HOST must be 0.0.0.0 for the Service to reach the server`);
    }
  }
  return problems;
}

/**
 * Validates manifests.
 *
 * @param files The YAML files.
 * @param version The package version (deno.json), expected as the image tag.
 * @returns The problems found, each naming its file and object (empty when they pass).
 */
export function checkManifests(files: readonly ManifestFile[], version: string): string[] {
  const problems: string[] = [];
  const objects: { where: string; obj: Obj }[] = [];
  for (const file of files) {
    for (const [i, doc] of parseAllDocuments(file.text).entries()) {
      if (doc.errors.length > 0) {
        problems.push(`${file.path}: document ${i + 1}: ${doc.errors[0].message}`);
        continue;
      }
      const obj = doc.toJS() as Obj | null;
      if (obj === null) continue;
      const key = `${obj.apiVersion}/${obj.kind}`;
      const where = `${file.path}: ${obj.kind ?? "?"} ${obj.metadata?.name ?? "(no name)"}`;
      const kind = KINDS[key];
      if (kind === undefined) {
        problems.push(`${where}: no schema for ${key} (known: ${Object.keys(KINDS).join(", ")})`);
        continue;
      }
      try {
        kind.validate(obj);
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
      }
      for (const p of unknownFields(obj, kind.clientType, "")) problems.push(`${where}: ${p}`);
      objects.push({ where, obj });
    }
  }
  const deployments = objects.filter((o) => o.obj.kind === "Deployment");
  if (deployments.length === 0) problems.push("no Deployment found");
  const podLabels = deployments.map((d) => d.obj.spec?.template?.metadata?.labels);
  for (const { where, obj } of objects) {
    switch (obj.kind) {
      case "Deployment":
        problems.push(...podRules(where, obj.spec?.template, version, true));
        if (!matches(obj.spec?.selector?.matchLabels, obj.spec?.template?.metadata?.labels)) {
          problems.push(`${where}: spec.selector does not select its own pods`);
        }
        break;
      case "Job":
        problems.push(...podRules(where, obj.spec?.template, version, false));
        break;
      case "Service": {
        if (!podLabels.some((l) => matches(obj.spec?.selector, l))) {
          problems.push(`${where}: spec.selector matches no Deployment's pods`);
        }
        const names = deployments.flatMap((d) =>
          (d.obj.spec?.template?.spec?.containers ?? []).flatMap((c: Obj) => c.ports ?? [])
        );
        for (const port of obj.spec?.ports ?? []) {
          if (
            !names.some((p: Obj) =>
              p.name === port.targetPort || p.containerPort === port.targetPort
            )
          ) {
            problems.push(`${where}: targetPort ${port.targetPort} is not a container port`);
          }
        }
        break;
      }
      case "HorizontalPodAutoscaler": {
        const target = obj.spec?.scaleTargetRef;
        if (
          !deployments.some((d) =>
            target?.kind === "Deployment" && d.obj.metadata?.name === target?.name
          )
        ) {
          problems.push(`${where}: scaleTargetRef names no Deployment here`);
        }
        break;
      }
      case "PodDisruptionBudget":
        if (!podLabels.some((l) => matches(obj.spec?.selector?.matchLabels, l))) {
          problems.push(`${where}: spec.selector matches no Deployment's pods`);
        }
        break;
    }
  }
  return problems;
}
