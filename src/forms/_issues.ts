/**
 * Turns schema issues into {@link FormIssue}s whose problem reads "expected … but found …".
 *
 * @module
 */
import { describeValue, formatPath, listOf, shortKey } from "./_describe.ts";
import { type FormIssue, formIssue } from "./form_error.ts";
import type { Issue } from "../schema.ts";

/** Unknown keys named in one message at most. */
const MAX_KEYS_LISTED = 10;

/**
 * One {@link FormIssue} per schema issue (one per key for unknown keys).
 *
 * @param issues Issues of a failed `safeParse`.
 * @param prefix Path of the parsed value inside the form (empty for the whole form).
 * @param formName Name of the form, for unknown top-level fields.
 * @returns The issues, in the schema's order.
 */
export function formIssuesOf(
  issues: readonly Issue[],
  prefix: readonly PropertyKey[],
  formName: string,
): FormIssue[] {
  return issues.flatMap((issue) => describe(issue, prefix, formName));
}

function describe(
  issue: Issue,
  prefix: readonly PropertyKey[],
  formName: string,
): FormIssue[] {
  const path = [...prefix, ...issue.path];
  const input = issue.input;

  if (issue.code === "unrecognized_keys") {
    if (path.length === 0) {
      return (issue.keys ?? []).map((key) =>
        formIssue(shortKey(key), `unknown field, expected one of the fields of the ${formName}`)
      );
    }
    const keys = issue.keys ?? [];
    const shown = keys.slice(0, MAX_KEYS_LISTED).map((k) => JSON.stringify(shortKey(k)));
    const more = keys.length - shown.length;
    if (more > 0) shown.push(`${more} more`);
    const found = keys.length === 1
      ? `the unknown key ${shown[0]}`
      : `the unknown keys ${listOf(shown, "and")}`;
    return [issueAt(path, `${issue.message} but found ${found}`)];
  }
  if (path.length === 0 && issue.code === "invalid_type") {
    return [
      issueAt(path, `expected a JSON object of form fields but found ${describeValue(input)}`),
    ];
  }
  if (issue.message.startsWith("expected ")) {
    const problem = issue.message.includes(" but found ")
      ? issue.message
      : `${issue.message} but found ${describeValue(input)}`;
    return [issueAt(path, problem)];
  }
  return [
    issueAt(path, `expected a valid value but found ${describeValue(input)} (${issue.message})`),
  ];
}

function issueAt(path: readonly PropertyKey[], problem: string): FormIssue {
  const field = path.length === 0 ? "body" : String(path[0]);
  return formIssue(field, problem, formatPath(path));
}
