/**
 * The calculator's calls to the REST API (the only way it talks to the server).
 *
 * @module
 */

/** The API answered with an error. */
export class ApiError extends Error {
  /** HTTP status. */
  readonly status: number;

  /**
   * Creates the error.
   *
   * @param status HTTP status.
   * @param message The API's message.
   */
  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

/**
 * POSTs a JSON body and returns the envelope's `results`.
 *
 * @param path Path and query.
 * @param body The body.
 * @returns The results.
 * @throws {ApiError} On an error answer (the message is the API's).
 */
export async function postApi<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, `the server cannot be reached (${(error as Error).message})`);
  }
  const answer = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok) throw new ApiError(response.status, String(answer.message ?? response.status));
  return answer.results as T;
}

let optionsOffered: Promise<Set<string>> | undefined;

/**
 * The query parameters `/virus/report` documents in `/openapi.json` (so the calculator
 * asks for optional parts, e.g. `alternative_scenarios`, only where the server has them).
 *
 * @returns Their names.
 */
export function reportQueryOptions(): Promise<Set<string>> {
  optionsOffered ??= fetch("/openapi.json")
    .then((r) => r.json())
    .then((doc) => {
      const parameters = doc?.paths?.["/virus/report"]?.post?.parameters ?? [];
      return new Set<string>(parameters.map((p: { name?: string }) => String(p.name)));
    })
    .catch(() => new Set<string>());
  return optionsOffered;
}
