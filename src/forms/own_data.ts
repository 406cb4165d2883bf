/**
 * A copy of JSON-like input made of its own data only: objects become objects without
 * a prototype holding their own enumerable string-keyed properties, arrays keep their
 * items. Parsing the copy means a polluted `Object.prototype` (or a class instance's
 * inherited properties) cannot add fields to a form or change a result.
 *
 * @module
 */

/**
 * Copies `value` as described in the module doc (iteratively; nesting is bounded
 * earlier, see `json_nesting.ts`).
 *
 * @param value Input as a caller passed it.
 * @returns The copy (primitives as they are).
 *
 * @example Usage
 * ```ts
 * import { ownData } from "./own_data.ts";
 * const copy = ownData(Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } }));
 * console.assert(!("inherited" in (copy as object)) && (copy as { own: number }).own === 2);
 * ```
 */
export function ownData(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const root = copyShell(value);
  const stack: [unknown, Record<string, unknown> | unknown[]][] = [[value, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    if (Array.isArray(from)) {
      const target = to as unknown[];
      for (let i = 0; i < from.length; i++) target[i] = child(from[i], stack);
    } else {
      const target = to as Record<string, unknown>;
      for (const key of Object.keys(from as object)) {
        target[key] = child((from as Record<string, unknown>)[key], stack);
      }
    }
  }
  return root;
}

function copyShell(value: object): Record<string, unknown> | unknown[] {
  return Array.isArray(value) ? new Array(value.length) : Object.create(null);
}

function child(
  value: unknown,
  stack: [unknown, Record<string, unknown> | unknown[]][],
): unknown {
  if (value === null || typeof value !== "object") return value;
  const shell = copyShell(value);
  stack.push([value, shell]);
  return shell;
}
