/**
 * The inside of a report worker: builds the shared data once (`init` message: the
 * weather files the main thread has already read, so a replaced worker downloads
 * nothing), says `{ ready: true }`, then answers `{ id, job }` messages with
 * `{ id, reply, recycle }` (see `worker_pool.ts`). `recycle` asks for a fresh worker
 * when the kernel's memory has grown past {@link RECYCLE_KERNEL_BYTES} or the worker's
 * JavaScript heap past {@link RECYCLE_HEAP_BYTES} (the kernel's memory never shrinks; a
 * new worker gives it back to the system). Below that, a kernel past
 * {@link KEEP_KERNEL_BYTES} is given back once the worker has been idle for
 * {@link IDLE_RELEASE_MS} (see {@link releaseMemoryWhenIdle}). A large response is
 * written into the kernel's memory, and a `{ release }` message gives it back once sent
 * (src/server/response_segments.ts).
 *
 * @module
 */
import { releaseSharedKernel, sharedKernelBytes } from "../kernel/shared.ts";
import { weatherDatasetFromFiles, type WeatherFiles } from "../weather/dataset.ts";
import { INTERNAL_ERROR_MESSAGE, type JobContext, type ReportJob, runJob } from "./jobs.ts";
import {
  createResponseSegments,
  type ResponseSegments,
  type SegmentsRelease,
} from "./response_segments.ts";
import type { WorkerScope } from "./worker_scope.ts";

/** The first message a worker receives. */
export interface WorkerInit {
  /** The weather dataset's files, as read by the main thread (absent: none configured). */
  readonly weatherFiles?: WeatherFiles;
}

/**
 * Kernel memory past which a worker asks to be replaced after its job, bytes (the
 * kernel's memory never shrinks: a worker keeps its largest report's columns). 96 MiB
 * lets every fixture report run without a replacement (the largest, s3, reserves 37 MiB,
 * almost all of it columns), and replaces a worker after the limits' expensive
 * reports (20 occupancy groups, 20 short-range interactions): with 2 workers the server's
 * RSS after `deno task probe` is 241 MB (274 MB before the report freed its spent samples
 * and the server fixed glibc's mmap threshold), against 409 MB with 192 MiB.
 */
export const RECYCLE_KERNEL_BYTES = 96 * 1024 * 1024;

/**
 * Kernel memory a worker keeps when idle, bytes: past it the kernel is dropped once the
 * worker has had no job for {@link IDLE_RELEASE_MS} (a new one is made for the next job),
 * and its memory goes back to the system at the garbage collection that follows. 32 MiB
 * keeps the kernel of every fixture report but s3 (at 250,000 samples s1, s2 and s7
 * reserve 20 MiB, s5 and s6 24, s4 27; s3 37, for its three short-range interactions).
 */
export const KEEP_KERNEL_BYTES = 32 * 1024 * 1024;

/**
 * Time without a job after which a worker gives back a kernel past
 * {@link KEEP_KERNEL_BYTES}, ms. Not at once: a new kernel's memory costs its page faults
 * again, about 17 µs per 4 KiB page on this project's test machines (s3's 37 MiB:
 * 160 ms, more than its report), so a worker busy with large reports keeps its kernel.
 * Measured with `deno task load --memory`, dropping the kernel after every such job
 * instead lowered the peak from 233–245 MB to 231–232 MB but lengthened the replay from
 * 2.7–3.3 s to 3.5–3.8 s; since responses are sent from the kernel's memory
 * (src/server/response_segments.ts) it raises the peak (235–272 MB against 187–200 MB),
 * the main thread's views of the responses keeping each dropped kernel alive.
 */
export const IDLE_RELEASE_MS = 2000;

/**
 * After a job (or a response given back): `delayMs` later, drops the shared kernel if it
 * holds more than {@link KEEP_KERNEL_BYTES}, with a full garbage collection when the
 * runtime exposes one (`--expose-gc` in `SERVER_V8_FLAGS`) so that the kernel's memory
 * goes back now rather than at the collector's next look at the old generation. Not while
 * a response is held in the kernel (the main thread is still sending it: its release
 * calls this again).
 *
 * @param segments The worker's responses held in its kernel (absent: none).
 * @param delayMs Idle time before the memory is freed, ms.
 * @returns Cancels it (call it when the next job arrives).
 */
export function releaseMemoryWhenIdle(
  segments?: ResponseSegments,
  delayMs: number = IDLE_RELEASE_MS,
): () => void {
  if (sharedKernelBytes() <= KEEP_KERNEL_BYTES || (segments?.held ?? 0) > 0) return () => {};
  const timer = setTimeout(() => {
    if (releaseSharedKernel(KEEP_KERNEL_BYTES)) (globalThis as { gc?: () => void }).gc?.();
  }, delayMs);
  return () => clearTimeout(timer);
}

/** JavaScript heap of a worker past which it asks to be replaced after its job, bytes. */
export const RECYCLE_HEAP_BYTES = 256 * 1024 * 1024;

function buildContext(init: WorkerInit): JobContext {
  if (init.weatherFiles === undefined) return {};
  // The main thread has parsed the same files once already, so this does not fail.
  return { weather: weatherDatasetFromFiles(init.weatherFiles) };
}

/**
 * Starts answering jobs (call once, inside a worker; `startWorker` of
 * `worker_scope.ts` loads this module and calls it).
 *
 * @param pending Messages that arrived before, handled first, in order.
 */
export function runWorker(pending: readonly MessageEvent[] = []): void {
  const scope = globalThis as unknown as WorkerScope;
  const segments = createResponseSegments();
  let context: JobContext = { segments };
  let cancelRelease = () => {};
  const answer = (event: MessageEvent) => {
    cancelRelease();
    const message = event.data as {
      init?: WorkerInit;
      id?: number;
      job?: ReportJob;
    } & Partial<SegmentsRelease>;
    if (typeof message.release === "number") {
      // A response of this worker's has been sent: its segments go back to the kernel.
      segments.release(message.release);
      cancelRelease = releaseMemoryWhenIdle(segments);
      return;
    }
    if (message.init !== undefined) {
      context = { ...buildContext(message.init), segments };
      scope.postMessage({ ready: true });
      return;
    }
    let reply;
    try {
      reply = runJob(message.job as ReportJob, context);
    } catch (error) {
      // runJob answers every error itself; this is the last net.
      reply = {
        ok: false,
        status: 500,
        message: INTERNAL_ERROR_MESSAGE,
        detail: String((error as Error)?.stack ?? error),
      } as const;
    }
    const recycle = sharedKernelBytes() > RECYCLE_KERNEL_BYTES ||
      Deno.memoryUsage().heapTotal > RECYCLE_HEAP_BYTES;
    // The encoded results reach the main thread without a copy: a buffer of their own is
    // transferred, the kernel's memory is shared.
    const own = reply.ok && reply.segments === undefined ? reply.json[0]?.buffer : undefined;
    scope.postMessage({ id: message.id, reply, recycle }, own instanceof ArrayBuffer ? [own] : []);
    if (!recycle) cancelRelease = releaseMemoryWhenIdle(segments);
  };
  scope.onmessage = answer;
  for (const event of pending) answer(event);
}
