/**
 * Turns zod issues into {@link FormIssue}s whose problem reads "expected … but found …".
 *
 * @module
 */
import type { z } from "npm:zod@^4.1.0";
import { describeValue, formatPath, listOf, shortKey } from "./_describe.ts";
import { type FormIssue, formIssue } from "./form_error.ts";

/** Unknown keys named in one message at most. */
const MAX_KEYS_LISTED = 10;

/**
 * One {@link FormIssue} per zod issue (one per key for unknown keys).
 *
 * @param issues Issues of a failed `safeParse` with `reportInput: true`.
 * @param prefix Path of the parsed value inside the form (empty for the whole form).
 * @param formName Name of the form, for unknown top-level fields.
 * @returns The issues, in zod's order.
 */
export function formIssuesFromZod(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
  formName: string,
): FormIssue[] {
  return issues.flatMap((issue) => describe(issue, prefix, formName));
}

function describe(
  issue: z.core.$ZodIssue,
  prefix: readonly PropertyKey[],
  formName: string,
): FormIssue[] {
  const path = [...prefix, ...issue.path];
  const input = (issue as { input?: unknown }).input;

  if (issue.code === "unrecognized_keys") {
    if (path.length === 0) {
      return issue.keys.map((key) =>
        formIssue(shortKey(key), `unknown field, expected one of the fields of the ${formName}`)
      );
    }
    const shown = issue.keys.slice(0, MAX_KEYS_LISTED).map((k) => JSON.stringify(shortKey(k)));
    const more = issue.keys.length - shown.length;
    if (more > 0) shown.push(`${more} more`);
    const found = issue.keys.length === 1
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
