/**
 * The exhaustiveness check of a `switch` over a union's `kind`: its `default` branch
 * calls {@link unreachable} with the value, which the type checker accepts only when
 * every kind has its own case, and which throws if a value of another kind (from
 * untyped data) gets there at run time.
 *
 * @module
 */

/**
 * Marks a branch that no value of the union can reach.
 *
 * @param value The value, of type `never` once every kind is handled.
 * @param what What the value is (for the message), e.g. "ventilation".
 * @returns Never.
 * @throws {TypeError} Always: the value has a kind the switch does not handle.
 */
export function unreachable(value: never, what: string): never {
  const kind = (value as { kind?: unknown } | null)?.kind;
  throw new TypeError(`unexpected ${what} kind ${JSON.stringify(kind)}`);
}
