/**
 * The server as a child process in tests: waits for its "listening on" line.
 *
 * @module
 */

/** The server's entry point. */
export const SERVER_MAIN: string = new URL("../../src/server/main.ts", import.meta.url).pathname;

/**
 * Reads a server process's output until it says where it listens.
 *
 * @param child The process (stdout piped).
 * @returns Its URL and the rest of its output (to cancel or read on).
 * @throws {Error} When the process ends before listening (with what it printed).
 */
export async function listeningUrl(
  child: Deno.ChildProcess,
): Promise<{ url: string; lines: ReadableStreamDefaultReader<string> }> {
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let output = "";
  while (true) {
    const { value, done } = await lines.read();
    if (done) throw new Error(`the server stopped before listening:\n${output}`);
    output += value;
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (url !== undefined) return { url, lines };
  }
}
