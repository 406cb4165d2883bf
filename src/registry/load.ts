/**
 * Building a registry from the defaults and a partial override, with validation.
 *
 * @module
 */
import { checkOptions } from "../options.ts";
import { type DataRegistry, DEFAULT_REGISTRY } from "./defaults.ts";
import { describeValue, RegistryError } from "./error.ts";
import { deepFreeze } from "./_freeze.ts";
import { issuesToError, type PathMapper } from "./_issues.ts";
import { deepMerge, isPlainObject } from "./_merge.ts";
import { fromReferenceFormat, toReferencePath } from "./_reference_format.ts";
import { DataRegistrySchema } from "./schema.ts";

/**
 * Layout of an override: `"native"` uses the camelCase fields of {@link DataRegistry};
 * `"reference"` is the reference's snake_case JSON (`DataRegistry.to_dict()`, with
 * `{"associated_value", "parameters"}` distributions and `{"value": …}` constants).
 */
export type RegistryFormat = "native" | "reference";

/** Options of {@link loadRegistry}. */
export interface LoadRegistryOptions {
  /**
   * Layout of the override.
   *
   * @default {"native"}
   */
  readonly format?: RegistryFormat;
  /**
   * The registry the override is merged onto.
   *
   * @default {DEFAULT_REGISTRY}
   */
  readonly base?: DataRegistry;
}

/**
 * A registry: `base` (the defaults) with a partial override deep-merged onto it, then
 * validated.
 *
 * Merge rules: objects merge key by key; arrays, numbers and strings replace; a
 * parameter object with a different `kind` replaces the default parameter whole; a bare
 * number where a parameter is expected is a constant. Unknown keys are rejected; new
 * keys are allowed only in `populationScenarioActivity` (a new scenario).
 *
 * @param override The partial registry (parsed JSON), or undefined for the defaults.
 * @param options Layout of the override and the registry to merge onto.
 * @returns The merged registry, deeply frozen.
 * @throws {RegistryError} If the override or the merged registry is invalid; the message
 *   names the path (in the override's layout) and the problem.
 * @throws {TypeError} If `options.format` is not a known layout.
 * @example Usage
 * ```ts
 * import { loadRegistry } from "./mod.ts";
 * const registry = loadRegistry({ room: { insideTemp: 295 }, monteCarlo: { sampleSize: 1000 } });
 * if (registry.room.humidityWithHeating !== 0.3) throw new Error("bad");
 * ```
 * @example The reference's layout
 * ```ts
 * import { loadRegistry } from "./mod.ts";
 * const registry = loadRegistry(
 *   { monte_carlo: { sample_size: 1000, references: "N/A." } },
 *   { format: "reference" },
 * );
 * if (registry.monteCarlo.sampleSize !== 1000) throw new Error("bad");
 * ```
 */
export function loadRegistry(override: unknown, options: LoadRegistryOptions = {}): DataRegistry {
  checkOptions(options, { format: ["native", "reference"], base: "object" }, "loadRegistry");
  const format = options.format ?? "native";
  let partial: unknown = {};
  if (override !== undefined) {
    if (!isPlainObject(override)) {
      throw new RegistryError(
        "registry",
        `expected an object but found ${describeValue(override)}`,
      );
    }
    partial = format === "reference" ? fromReferenceFormat(override) : override;
  }
  const merged = deepMerge(options.base ?? DEFAULT_REGISTRY, partial);
  const result = DataRegistrySchema.safeParse(merged);
  if (!result.success) {
    const mapPath: PathMapper | undefined = format === "reference" ? toReferencePath : undefined;
    throw issuesToError(result.issues, mapPath);
  }
  return deepFreeze(result.data);
}
