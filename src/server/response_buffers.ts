/**
 * A report worker's reusable buffers for large responses (a report with `prob_dist`:
 * 5 to 11 MB of JSON). The main thread gives each buffer back once its response is sent
 * (`returnBuffer` of `AppOptions`, `postToWorkerOf` of the worker pool), and the worker
 * writes its next large response into it: its pages are already in memory, where a new
 * buffer is mapped afresh and faults in every page it writes (the server fixes glibc's
 * mmap threshold, see `SERVER_ENV`, so each large block is a new mapping). A page fault
 * costs about 17 µs on this project's test machines: about 20 ms for s1's 4.7 MB, half
 * as much as computing the report. With the per-sample outputs kept in the kernel too
 * (`sampleArrays: "kernel"`), `deno task load --prob-dist` (s1 with `prob_dist`, 2
 * workers) went from 86–89 ms of server CPU per report to 59–60 ms, and from 16–17 to
 * 23–25 reports/s, with the memory replay's peak unchanged (237–252 MB).
 *
 * Idle workers free them (`clear`, see `src/server/worker.ts`), so reuse holds memory only
 * while reports keep coming.
 *
 * @module
 */

/** Responses smaller than this are written into a new buffer of their size, bytes. */
export const MIN_POOLED_BYTES = 1024 * 1024;
/**
 * Size of a new pooled buffer, bytes (or the response's bound when larger). Only the pages
 * written take memory; a larger buffer serves more responses (the bound is 26 bytes per
 * sample, so 32 MiB covers two 250,000-sample outputs with room to spare).
 */
export const POOLED_BUFFER_BYTES = 32 * 1024 * 1024;
/**
 * Buffers kept per worker. One: with `deno task load --memory`, keeping two (one being
 * sent while the next is written) held 244–258 MB at the peak against 237–252 MB, for no
 * CPU gained in `deno task load --prob-dist` (63–66 ms per report against 59–60 ms).
 */
export const MAX_POOLED_BUFFERS = 1;

/** A worker's pool of response buffers. */
export interface ResponseBuffers {
  /**
   * A buffer for a response of at most `bytes` bytes: a pooled one (or a new pooled-size
   * one) from {@link MIN_POOLED_BYTES} on, else a new one of that size. Its bytes past
   * what the caller writes are unspecified.
   */
  take(bytes: number): Uint8Array<ArrayBuffer>;
  /**
   * Gives back a buffer {@link take} handed out (possibly after a round trip through
   * another thread, which makes it a new object), once nothing reads it; a buffer
   * smaller than {@link MIN_POOLED_BYTES}, or one more than the pool keeps, is freed.
   */
  give(buffer: ArrayBuffer): void;
  /** Frees every pooled buffer. */
  clear(): void;
  /** Buffers pooled now. */
  readonly size: number;
}

/** Frees an array buffer's memory now (every view of it becomes empty). */
function free(buffer: ArrayBuffer): void {
  try {
    buffer.transfer(0);
  } catch {
    // Not detachable: left to the garbage collector.
  }
}

/**
 * Creates an empty pool.
 *
 * @returns The pool.
 * @example Usage
 * ```ts
 * import { createResponseBuffers } from "./response_buffers.ts";
 * const buffers = createResponseBuffers();
 * const first = buffers.take(5_000_000);
 * buffers.give(first.buffer);
 * if (buffers.take(4_000_000).buffer !== first.buffer) throw new Error("not reused");
 * ```
 */
export function createResponseBuffers(): ResponseBuffers {
  const pooled: ArrayBuffer[] = [];
  return {
    take(bytes) {
      if (bytes < MIN_POOLED_BYTES) return new Uint8Array(bytes);
      const at = pooled.findIndex((b) => b.byteLength >= bytes);
      const buffer = at >= 0
        ? pooled.splice(at, 1)[0]
        : new ArrayBuffer(Math.max(bytes, POOLED_BUFFER_BYTES));
      return new Uint8Array(buffer);
    },
    give(buffer) {
      if (buffer.detached) return;
      if (buffer.byteLength < MIN_POOLED_BYTES || pooled.length >= MAX_POOLED_BUFFERS) {
        free(buffer);
        return;
      }
      pooled.push(buffer);
    },
    clear() {
      for (const buffer of pooled.splice(0)) free(buffer);
    },
    get size() {
      return pooled.length;
    },
  };
}
