/**
 * A report worker's large responses (a report with `prob_dist`: 5 to 11 MB of JSON)
 * written into its kernel's memory: in segments of {@link SEGMENT_VALUES} f64 taken from
 * the kernel's column heap (src/server/report_json.ts, `reportJsonChunks`), which the
 * main thread streams to the client straight from that shared memory and gives back once
 * sent (`releaseReply` of `AppOptions`, a `{ release }` message to the worker). A segment
 * is the size of a 250,000-sample report's columns, so the response reuses the pages of
 * the columns the report has just freed, and the next report's columns reuse the
 * segments': a response takes no memory of its own, and writes no page that was not
 * written before (a new page costs a fault, about 17 µs on this project's test machines).
 *
 * Until then each worker kept one 32 MiB response buffer for its next large response
 * (10.4 MB of it written after s4's 10.9 MB response): with `deno task load --memory`
 * (the bundle, 2 workers) the server's peak was 229–236 MB; with the segments 193–210 MB
 * (187–200 MB with the kernels' smaller heaps since), and `deno task load --prob-dist`
 * measured 55–57 ms of server CPU per report against 60–67 ms.
 *
 * @module
 */
import type { Kernel } from "../kernel/kernel.ts";
import { sharedKernel } from "../kernel/shared.ts";
import { REPORT_CHUNK_SIZE } from "../report/report_chunks.ts";

/**
 * f64 values per segment: a report chunk's column (250,000 values, 2,000,000 bytes), the
 * size of the columns a report frees in the kernel's column heap.
 */
export const SEGMENT_VALUES = REPORT_CHUNK_SIZE;

/** The message that gives a response's segments back to the worker that holds them. */
export interface SegmentsRelease {
  /** The response's id (`segments` of its reply). */
  readonly release: number;
}

/** The segments of one response, and the kernel they are columns of. */
interface Held {
  readonly kernel: Kernel;
  readonly columns: readonly Float64Array[];
}

/** A worker's responses held in its kernel's memory. */
export interface ResponseSegments {
  /**
   * Writes one response: `write` gets the supplier of empty segments (columns of the
   * shared kernel) and returns the response's chunks.
   *
   * @returns The chunks, and the id that gives the segments back ({@link release});
   *   no id when `write` took none.
   */
  write(
    write: (nextSegment: () => Uint8Array) => Uint8Array[],
  ): { chunks: Uint8Array[]; id?: number };
  /** Gives the segments of response `id` back to their kernel's free list (unknown: ignored). */
  release(id: number): void;
  /** Responses whose segments are held now. */
  readonly held: number;
}

/**
 * Creates a worker's bookkeeping of responses held in its kernel.
 *
 * @returns It.
 * @example Usage
 * ```ts
 * import { createResponseSegments } from "./response_segments.ts";
 * const segments = createResponseSegments();
 * const { chunks, id } = segments.write((next) => [next().subarray(0, 2)]);
 * if (chunks[0].length !== 2 || id === undefined) throw new Error("not held");
 * segments.release(id);
 * if (segments.held > 0) throw new Error("not released");
 * ```
 */
export function createResponseSegments(): ResponseSegments {
  const held = new Map<number, Held>();
  let lastId = 0;
  return {
    write(write) {
      const kernel = sharedKernel();
      const columns: Float64Array[] = [];
      const nextSegment = () => {
        const column = kernel.column(SEGMENT_VALUES);
        columns.push(column);
        return new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
      };
      let chunks: Uint8Array[];
      try {
        chunks = write(nextSegment);
      } catch (error) {
        for (const column of columns) kernel.freeColumn(column);
        throw error;
      }
      if (columns.length === 0) return { chunks };
      const id = ++lastId;
      held.set(id, { kernel, columns });
      return { chunks, id };
    },
    release(id) {
      const response = held.get(id);
      if (response === undefined) return;
      held.delete(id);
      for (const column of response.columns) response.kernel.freeColumn(column);
    },
    get held() {
      return held.size;
    },
  };
}
