/**
 * Deep merge of a partial override onto a registry: plain objects merge key by key,
 * everything else (arrays, numbers, strings, null) replaces.
 *
 * @module
 */
import { describeValue, formatRegistryPath, type PathSegment, RegistryError } from "./error.ts";

/**
 * Whether `value` is a plain object (`{…}` or JSON.parse output), not an array, class
 * instance or null.
 *
 * @param value Any value.
 * @returns True for plain objects.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Merges `override` onto `base` without changing either. A plain object whose `kind`
 * differs from the base's `kind` (a parameter switching distribution) replaces the base
 * instead of merging into it. `undefined` keeps the base value.
 *
 * @param base The current value (e.g. the defaults).
 * @param override The partial override.
 * @param path Path of `base` from the registry root, for error messages.
 * @returns The merged value; untouched parts are shared with `base`.
 * @throws {RegistryError} If the override holds a `__proto__` key.
 */
export function deepMerge(
  base: unknown,
  override: unknown,
  path: readonly PathSegment[] = [],
): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(override) || !isPlainObject(base)) return override;
  if ("kind" in override && "kind" in base && override.kind !== base.kind) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === "__proto__") {
      throw new RegistryError(
        formatRegistryPath([...path, key]),
        `expected a registry key but found ${describeValue(key)}`,
      );
    }
    out[key] = deepMerge(Object.hasOwn(base, key) ? base[key] : undefined, value, [...path, key]);
  }
  return out;
}
