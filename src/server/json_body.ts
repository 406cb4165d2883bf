/**
 * A request body as JSON: text in, a value out, or a 400 that says what is wrong
 * (nothing, not JSON, nested deeper than {@link MAX_JSON_DEPTH} levels, or a key given
 * twice in one object).
 *
 * @module
 */
import { duplicateKeyOf, duplicateKeyProblem } from "../forms/json_duplicate_keys.ts";
import { MAX_JSON_DEPTH, nestedDeeperThan, tooDeepProblem } from "../forms/json_nesting.ts";

/** The body is not acceptable JSON (HTTP 400). */
export class BadJsonError extends Error {
  /**
   * Creates the error.
   *
   * @param problem What is wrong with the body.
   */
  constructor(problem: string) {
    super(`body: ${problem}`);
    this.name = "BadJsonError";
  }
}

/**
 * Parses a request body.
 *
 * @param text The body as received.
 * @returns The parsed value.
 * @throws {BadJsonError} When the body is empty, not JSON, nested too deep, or has a key
 *   twice in one object.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw new BadJsonError("expected a JSON object but found nothing");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.slice(0, 200);
    throw new BadJsonError(`expected a JSON object but found invalid JSON (${reason})`);
  }
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) throw new BadJsonError(tooDeepProblem());
  const duplicate = duplicateKeyOf(text);
  if (duplicate !== undefined) throw new BadJsonError(duplicateKeyProblem(duplicate));
  return value;
}
