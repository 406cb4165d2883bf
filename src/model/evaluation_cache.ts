/**
 * The cache an evaluation owns: values derived from immutable model objects and columns
 * (a model's deposition rate, a rate column's range, Chebyshev moments...), computed
 * once per key object and kept as long as both the cache and the key are alive. An
 * exposure evaluator makes one (or is given one: a report shares one between the
 * evaluators of all its groups, whose models share columns); nothing is cached in
 * module state.
 *
 * @module
 */

/** One kind of cached value: from key objects of type K to values of type V. */
export interface CacheSlot<K extends object, V> {
  /** What the slot holds (for debugging). */
  readonly name: string;
  /** Phantom field: the key and value types. */
  readonly _types?: (key: K) => V;
}

/**
 * A new slot kind.
 *
 * @param name What the slot holds.
 * @returns The slot.
 */
export function cacheSlot<K extends object, V>(name: string): CacheSlot<K, V> {
  return { name };
}

/** Values computed once per key object, by slot. */
export interface EvaluationCache {
  /**
   * The value of `slot` for `key`: computed by `compute` the first time, then kept.
   *
   * @param slot The kind of value.
   * @param key The (immutable) object it is derived from.
   * @param compute Computes it.
   */
  get<K extends object, V>(slot: CacheSlot<K, V>, key: K, compute: () => V): V;
  /**
   * Removes the value of `slot` for `key` and hands it over (undefined when there is
   * none): whoever takes a column may free it, and the next `get` computes it again.
   *
   * @param slot The kind of value.
   * @param key The object it is derived from.
   */
  take<K extends object, V>(slot: CacheSlot<K, V>, key: K): V | undefined;
}

/**
 * A new, empty cache.
 *
 * @returns The cache.
 */
export function createEvaluationCache(): EvaluationCache {
  const slots = new Map<CacheSlot<object, unknown>, WeakMap<object, unknown>>();
  return {
    get<K extends object, V>(slot: CacheSlot<K, V>, key: K, compute: () => V): V {
      let values = slots.get(slot as CacheSlot<object, unknown>);
      if (values === undefined) {
        values = new WeakMap();
        slots.set(slot as CacheSlot<object, unknown>, values);
      }
      if (values.has(key)) return values.get(key) as V;
      const value = compute();
      values.set(key, value);
      return value;
    },
    take<K extends object, V>(slot: CacheSlot<K, V>, key: K): V | undefined {
      const values = slots.get(slot as CacheSlot<object, unknown>);
      const value = values?.get(key) as V | undefined;
      values?.delete(key);
      return value;
    },
  };
}
