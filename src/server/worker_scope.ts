/**
 * What a module that is both a program and a report worker (`src/server/main.ts`,
 * `src/sweep/main.ts`) needs to tell the two apart, and to become a worker: the report
 * code (`worker.ts`: forms, models, kernel) is imported only inside a worker, so the
 * main thread of the server, which only routes requests, neither loads nor holds it.
 *
 * @module
 */

/** The worker's global scope, as far as the worker modules use it. */
export interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/**
 * True when this code runs inside a Web Worker.
 *
 * @returns Whether the global scope is a worker's.
 */
export function inWorker(): boolean {
  const scope = (globalThis as { WorkerGlobalScope?: new () => unknown }).WorkerGlobalScope;
  return scope !== undefined && globalThis instanceof scope;
}

/**
 * Loads the report code and starts answering jobs (call once, inside a worker). The
 * messages that arrive while it loads (the pool posts its `init` at once) are kept and
 * handled first, in order.
 */
export async function startWorker(): Promise<void> {
  const scope = globalThis as unknown as WorkerScope;
  const early: MessageEvent[] = [];
  scope.onmessage = (event) => early.push(event);
  const { runWorker } = await import("./worker.ts");
  runWorker(early);
}
