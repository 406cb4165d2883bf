/**
 * Turns a schema issue into a {@link RegistryError} whose message reads
 * "<path>: expected … but found …".
 *
 * @module
 */
import type { Issue } from "../schema.ts";
import {
  describeValue,
  formatRegistryPath,
  listOf,
  type PathSegment,
  RegistryError,
} from "./error.ts";

/** Maps a path of the validated (native) registry to the path the user wrote. */
export type PathMapper = (path: readonly PathSegment[]) => readonly PathSegment[];

/**
 * The error for the first of `issues`.
 *
 * @param issues Issues from a failed `safeParse`.
 * @param mapPath Translates native paths for error messages (identity by default).
 * @returns The error to throw.
 */
export function issuesToError(
  issues: readonly Issue[],
  mapPath: PathMapper = (p) => p,
): RegistryError {
  const issue = issues[0];
  const path = issue.path.filter((s): s is PathSegment => typeof s !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const keys = (issue.keys ?? []).map((k) => JSON.stringify(k));
    const found = keys.length === 1
      ? `the unknown key ${keys[0]}`
      : `the unknown keys ${listOf(keys, "and")}`;
    const at = [...path, ...(issue.keys ?? []).slice(0, 1)];
    return new RegistryError(
      formatRegistryPath(mapPath(at)),
      `${issue.message} but found ${found}`,
    );
  }
  const problem = issue.message.includes(" but found ")
    ? issue.message
    : `${issue.message} but found ${describeValue(issue.input)}`;
  return new RegistryError(formatRegistryPath(mapPath(path)), problem);
}
