/**
 * The last check before a report leaves a worker: every number in it is finite. A
 * report with NaN, ±Infinity (JSON `null`) or a missing value where a number belongs
 * is a bug, answered as a 500 with the request id (never a 200 with nulls).
 *
 * Allowed exceptions, all the reference's documented outputs: the viral-load bins of
 * `conditional_probability_data` without samples (NaN, written `null`),
 * `prob_probabilistic_exposure` when probabilistic exposure is off (`null`), and the CO2
 * fit's `room_capacity` and `ventilation_lsp_values` when the form gives no capacity
 * (`null`, the reference's `models.CO2DataModel.CO2_fit_params`). A typed
 * array (a per-sample column, formatted by the kernel, which cannot write `null`) must
 * be finite everywhere, also under those keys.
 *
 * @module
 */

/** Keys under which a `null` (or NaN) is a documented value, not a bug. */
const MAY_HOLD_NULL: ReadonlySet<string> = new Set([
  "conditional_probability_data",
  "prob_probabilistic_exposure",
  "room_capacity",
  "ventilation_lsp_values",
]);

/** A report holds a non-finite number where it must not (an internal error, HTTP 500). */
export class NonFiniteResultError extends Error {
  /** Where, e.g. `groups.group_1.prob_inf`. */
  readonly path: string;

  /**
   * Creates the error.
   *
   * @param path Where the value is.
   * @param value What was found there.
   */
  constructor(path: string, value: unknown) {
    super(`the report holds ${String(value)} at ${path}`);
    this.name = "NonFiniteResultError";
    this.path = path;
  }
}

/**
 * Checks that every number in `results` is finite (see the module doc for the
 * documented exceptions). Walks iteratively.
 *
 * @param results A report as it is about to be serialised.
 * @throws {NonFiniteResultError} At the first non-finite number or `null`.
 */
export function assertFiniteResults(results: unknown): void {
  // Each entry: a value, its path, and whether it may hold null or NaN (but in typed arrays).
  const stack: [unknown, string, boolean][] = [[results, "", false]];
  while (stack.length > 0) {
    const [value, path, nullable] = stack.pop()!;
    if (typeof value === "number") {
      if (!nullable && !Number.isFinite(value)) throw new NonFiniteResultError(path, value);
    } else if (value === null || value === undefined) {
      if (!nullable) throw new NonFiniteResultError(path, value);
    } else if (ArrayBuffer.isView(value)) {
      const values = value as unknown as ArrayLike<number>;
      for (let i = 0; i < values.length; i++) {
        if (!Number.isFinite(values[i])) {
          throw new NonFiniteResultError(`${path}[${i}]`, values[i]);
        }
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item === "number") {
          if (!nullable && !Number.isFinite(item)) {
            throw new NonFiniteResultError(`${path}[${i}]`, item);
          }
        } else {
          stack.push([item, `${path}[${i}]`, nullable]);
        }
      }
    } else if (typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        stack.push([
          child,
          path === "" ? key : `${path}.${key}`,
          nullable || MAY_HOLD_NULL.has(key),
        ]);
      }
    }
  }
}
