/**
 * Turns a zod issue into a {@link RegistryError} whose message reads
 * "<path>: expected … but found …".
 *
 * @module
 */
import type { z } from "npm:zod@^4.1.0";
import {
  describeValue,
  formatRegistryPath,
  listOf,
  oneOf,
  type PathSegment,
  RegistryError,
} from "./error.ts";

type Issue = z.core.$ZodIssue;

/** Maps a path of the validated (native) registry to the path the user wrote. */
export type PathMapper = (path: readonly PathSegment[]) => readonly PathSegment[];

/**
 * The error for the first of `issues`.
 *
 * @param issues Issues from a failed `safeParse` with `reportInput: true`.
 * @param mapPath Translates native paths for error messages (identity by default).
 * @returns The error to throw.
 */
export function issuesToError(
  issues: readonly Issue[],
  mapPath: PathMapper = (p) => p,
): RegistryError {
  const { path, problem } = describeIssue(issues[0], []);
  return new RegistryError(formatRegistryPath(mapPath(path)), problem);
}

interface Described {
  readonly path: PathSegment[];
  readonly problem: string;
}

function describeIssue(issue: Issue, prefix: readonly PathSegment[]): Described {
  const path = [...prefix, ...issue.path.filter((s) => typeof s !== "symbol")];
  const input = (issue as { input?: unknown }).input;

  if (issue.code === "unrecognized_keys") {
    const expected = issue.message.startsWith("expected ") ? issue.message : "expected no key";
    const keys = issue.keys.map((k) => JSON.stringify(k));
    const found = keys.length === 1
      ? `the unknown key ${keys[0]}`
      : `the unknown keys ${listOf(keys, "and")}`;
    return { path: [...path, issue.keys[0]], problem: `${expected} but found ${found}` };
  }
  if (issue.message.startsWith("expected ")) {
    const problem = issue.message.includes(" but found ")
      ? issue.message
      : `${issue.message} but found ${describeValue(input)}`;
    return { path, problem };
  }

  switch (issue.code) {
    case "invalid_union":
      return describeUnion(issue, path, input);
    case "invalid_type":
      return {
        path,
        problem: `expected ${typeName(issue.expected)} but found ${describeValue(input)}`,
      };
    case "invalid_value":
      return {
        path,
        problem: `expected ${oneOf(issue.values.map((v) => JSON.stringify(v)))} but found ${
          describeValue(input)
        }`,
      };
    case "too_small":
    case "too_big":
      return { path, problem: describeBound(issue, input) };
    default:
      return { path, problem: `expected a valid value but found ${describeValue(input)}` };
  }
}

/**
 * A union fails: when exactly one branch got past the type check, its issue is the
 * real problem; otherwise list what each branch expected.
 */
function describeUnion(
  issue: z.core.$ZodIssueInvalidUnion,
  path: PathSegment[],
  input: unknown,
): Described {
  if (issue.errors.length === 0) {
    // No option has this discriminator; the path already ends with the discriminator key.
    const options = (issue as { options?: unknown[] }).options ?? [];
    const key = path[path.length - 1];
    const found = typeof input === "object" && input !== null && typeof key === "string"
      ? (input as Record<string, unknown>)[key]
      : input;
    return {
      path,
      problem: `expected ${oneOf(options.map((o) => JSON.stringify(o)))} but found ${
        describeValue(found)
      }`,
    };
  }
  const informative = issue.errors.filter((branch) => !isTypeMismatch(branch));
  if (informative.length === 1) return describeIssue(informative[0][0], path);
  const expected = issue.errors.flatMap((branch) => {
    const first = branch[0];
    if (first?.code === "invalid_value") return first.values.map((v) => JSON.stringify(v));
    if (first?.code === "invalid_type") return [typeName(first.expected)];
    return [];
  });
  return {
    path,
    problem: `expected ${listOf(expected, "or")} but found ${describeValue(input)}`,
  };
}

/** Whether a union branch failed only because the value has the wrong type or value. */
function isTypeMismatch(branch: readonly Issue[]): boolean {
  return branch.length === 1 && branch[0].path.length === 0 &&
    (branch[0].code === "invalid_type" || branch[0].code === "invalid_value");
}

function describeBound(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  input: unknown,
): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive ?? true;
  if (issue.origin === "array") {
    const count = Array.isArray(input) ? input.length : 0;
    const items = limit === 1 ? "item" : "items";
    return `expected ${small ? "at least" : "at most"} ${limit} ${items} but found ${count}`;
  }
  if (issue.origin === "string") {
    return `expected a string of ${small ? "at least" : "at most"} ${limit} characters but found ${
      describeValue(input)
    }`;
  }
  let expected: string;
  if (small && limit === 0) expected = inclusive ? "a non-negative number" : "a positive number";
  else expected = `a number ${small ? ">" : "<"}${inclusive ? "=" : ""} ${limit}`;
  return `expected ${expected} but found ${describeValue(input)}`;
}

function typeName(expected: string): string {
  switch (expected) {
    case "int":
      return "an integer";
    case "object":
    case "record":
      return "an object";
    case "array":
      return "an array";
    default:
      return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
  }
}
