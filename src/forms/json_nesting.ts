/**
 * The nesting limit of JSON input: how deep arrays and objects may sit inside each
 * other, in a request body and in the JSON-text fields of a form (`occupancy`, ...).
 * The deepest valid form needs 5 levels; deeper input is refused with a 400 before
 * anything walks it recursively.
 *
 * @module
 */

/** Deepest accepted nesting of arrays and objects (the body itself is level 1). */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `value` nests arrays and objects more than `maxDepth` levels deep. Walks
 * iteratively (no recursion, so any depth is safe) and stops at the first level too deep.
 *
 * @param value A value as `JSON.parse` returns it.
 * @param maxDepth The deepest nesting allowed.
 * @returns True when some array or object sits deeper than `maxDepth`.
 *
 * @example Usage
 * ```ts
 * import { nestedDeeperThan } from "./json_nesting.ts";
 * console.assert(nestedDeeperThan([[[1]]], 2));
 * console.assert(!nestedDeeperThan({ a: [1] }, 2));
 * ```
 */
export function nestedDeeperThan(value: unknown, maxDepth: number = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(item)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The problem to report for input nested too deep. */
export function tooDeepProblem(maxDepth: number = MAX_JSON_DEPTH): string {
  return `expected JSON nested at most ${maxDepth} levels deep but found deeper nesting`;
}
