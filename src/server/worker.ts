/**
 * The inside of a report worker: loads the shared data once (`init` message), then
 * answers `{ id, job }` messages with `{ id, reply }` (see `worker_pool.ts`).
 *
 * @module
 */
import { loadWeatherDataset } from "../weather/dataset.ts";
import { type JobContext, type ReportJob, runJob } from "./jobs.ts";

/** The first message a worker receives. */
export interface WorkerInit {
  /** Folder or URL of the weather dataset (absent: no natural ventilation). */
  readonly weatherDirectory?: string;
}

/** The worker's global scope, as far as this module uses it. */
interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/** True when this code runs inside a Web Worker. */
export function inWorker(): boolean {
  const scope = (globalThis as { WorkerGlobalScope?: new () => unknown }).WorkerGlobalScope;
  return scope !== undefined && globalThis instanceof scope;
}

async function loadContext(init: WorkerInit): Promise<JobContext> {
  if (init.weatherDirectory === undefined) return {};
  // The main thread has already loaded this dataset once, so a failure here is rare
  // (files removed since): natural ventilation then answers 400 with the reason.
  try {
    return { weather: await loadWeatherDataset({ directory: init.weatherDirectory }) };
  } catch (error) {
    console.error(`report worker: weather data unavailable: ${(error as Error).message}`);
    return {};
  }
}

/** Starts answering jobs (call once, inside a worker). */
export function runWorker(): void {
  const scope = globalThis as unknown as WorkerScope;
  let context: Promise<JobContext> = Promise.resolve({});
  scope.onmessage = async (event: MessageEvent) => {
    const message = event.data as { init?: WorkerInit; id?: number; job?: ReportJob };
    if (message.init !== undefined) {
      context = loadContext(message.init);
      return;
    }
    const reply = runJob(message.job as ReportJob, await context);
    // The encoded results move to the main thread without a copy.
    scope.postMessage({ id: message.id, reply }, reply.ok ? [reply.json.buffer] : []);
  };
}
