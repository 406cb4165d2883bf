/**
 * Freezes a plain JSON-like value and everything it holds, so shared registries cannot
 * be changed in place.
 *
 * @param value An object, array or primitive.
 * @returns The same value, frozen all the way down.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
