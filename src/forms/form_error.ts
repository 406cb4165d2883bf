/**
 * The error thrown for an invalid form.
 *
 * @module
 */

/**
 * One problem with one field of a form.
 *
 * @example Usage
 * ```ts
 * import { FormError, type FormIssue, parseVirusForm } from "./mod.ts";
 * let issues: readonly FormIssue[] = [];
 * try {
 *   parseVirusForm({ room_volume: "-1", volume_type: "room_volume_explicit" });
 * } catch (e) {
 *   if (e instanceof FormError) issues = e.issues;
 * }
 * if (!issues.some((i) => i.field === "room_volume")) throw new Error("names the field");
 * ```
 */
export interface FormIssue {
  /**
   * The wire name of the top-level field, e.g. `exposed_finish` or `occupancy`; an
   * unknown key's own name; or `body` when the body itself is not a JSON object.
   */
  readonly field: string;
  /**
   * Where exactly: the field, followed by keys and indices inside a JSON-object field,
   * e.g. `occupancy.group_A.presence[0].start_time`.
   */
  readonly path: string;
  /** What is wrong, in sentence case without a final period, e.g. `expected a time "HH:MM" but found "25:00"`. */
  readonly problem: string;
  /** One sentence: `${path}: ${problem}`. */
  readonly message: string;
}

/**
 * Creates a {@link FormIssue}.
 *
 * @param field The top-level field name.
 * @param problem What is wrong.
 * @param path Where exactly (the field name by default).
 * @returns The issue.
 */
export function formIssue(field: string, problem: string, path: string = field): FormIssue {
  return { field, path, problem, message: `${path}: ${problem}` };
}

/** Issues listed in the message of a {@link FormError}; `issues` holds them all. */
const MAX_ISSUES_IN_MESSAGE = 10;

/**
 * The user's form is invalid: one or more fields are malformed, missing, unknown, or
 * contradict each other. The message lists the issues (the first 10, then how many
 * more), separated by `"; "`; each issue names its field and says what is wrong in one
 * sentence.
 *
 * @example Usage
 * ```ts
 * import { FormError, parseVirusForm } from "./mod.ts";
 * try {
 *   parseVirusForm({ exposed_finish: "25:00" });
 * } catch (e) {
 *   if (!(e instanceof FormError)) throw e;
 *   if (!e.issues.some((i) => i.field === "exposed_finish")) throw e;
 * }
 * ```
 */
export class FormError extends Error {
  /** The field of the first issue (see {@link FormIssue.field}). */
  readonly field: string;
  /** Every issue found, at least one, in field order. */
  readonly issues: readonly FormIssue[];

  /**
   * Creates the error.
   *
   * @param issues The problems found (at least one).
   * @param options Standard error options (`cause`).
   * @throws {RangeError} When `issues` is empty.
   */
  constructor(issues: readonly FormIssue[], options?: ErrorOptions) {
    if (issues.length === 0) {
      throw new RangeError("Cannot create a FormError: expected at least one issue but found none");
    }
    const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((i) => i.message);
    const more = issues.length - shown.length;
    if (more > 0) shown.push(`and ${more} more ${more === 1 ? "problem" : "problems"}`);
    super(shown.join("; "), options);
    this.name = "FormError";
    this.field = issues[0].field;
    this.issues = Object.freeze([...issues]);
  }
}
