/**
 * Splits the server's 400 message (`"<path>: <problem>; <path>: <problem>"`, see
 * `src/forms/form_error.ts`) into issues naming their top-level field, so the form can
 * show each one next to its field.
 *
 * @module
 */

/** One problem the server found. */
export interface ServerIssue {
  /** The top-level field, e.g. `occupancy`; `""` when the message names none. */
  readonly field: string;
  /** The full text, e.g. `occupancy.group_A.presence[0].start_time: expected …`. */
  readonly message: string;
}

/**
 * Reads the issues out of a 400 message.
 *
 * @param message The server's `message`.
 * @param known Field names the form knows.
 * @returns The issues, in order.
 */
export function serverIssues(message: string, known: ReadonlySet<string>): ServerIssue[] {
  const issues: ServerIssue[] = [];
  for (const part of message.split(/; (?=[A-Za-z_0-9]+[.[:])/)) {
    const match = part.match(/^([A-Za-z_0-9]+)[.[:]/);
    let field = match?.[1] ?? "";
    if (field === "query") field = "";
    issues.push({ field: known.has(field) ? field : "", message: part });
  }
  return issues;
}
