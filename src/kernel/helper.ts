/**
 * A helper thread for a kernel: a second instance of the kernel, on a worker thread, on
 * the same shared memory, so that {@link Kernel.runParts} can run parts of a column's
 * work there while the other parts run on the caller's thread. The two threads meet through
 * a small shared control block (src/kernel/helper_protocol.ts) and `Atomics.wait`, so
 * the split stays synchronous.
 *
 * The helper starts in the background; until it is ready, and for good if it fails or
 * cannot start (no read permission for src/kernel/helper_worker.ts, a module loaded over
 * the network, a bundle without that file), the work runs on the caller's thread alone,
 * with the same results. It does not keep the process alive.
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import {
  type Kernel,
  type KernelHelper,
  kernelModule,
  MAX_PARTS,
  type SplitTask,
} from "./kernel.ts";
import {
  ARG_COUNT,
  ARGS_OFFSET,
  AWAKE,
  CONTROL_BYTES,
  DONE,
  ERROR,
  FAILED,
  type HelperStart,
  MAX_ARGS,
  NEXT,
  PARTS,
  POSTED,
  PREPARED,
  READY,
  STATE,
  TASK,
  TASKS,
} from "./helper_protocol.ts";

/** How long the caller watches for the helper's end before it sleeps, ms. */
const WATCH_MS = 1;
/** Longest wait for the helper's part before it is given up and done here, ms. */
const HELPER_TIMEOUT_MS = 10_000;

/**
 * Starts a helper thread for `kernel` and attaches it ({@link Kernel.attachHelper}).
 *
 * @param kernel The kernel (its memory is shared).
 * @returns The helper, or undefined when a worker thread cannot be created.
 */
export function startHelper(kernel: Kernel): KernelHelper | undefined {
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const slots = new Int32Array(control);
  const table = new Float64Array(control, ARGS_OFFSET, MAX_ARGS * MAX_PARTS);
  const url = new URL("./helper_worker.ts", import.meta.url);
  // Only a local module that may be read without asking (never a permission prompt).
  if (url.protocol !== "file:") return undefined;
  if (Deno.permissions.querySync({ name: "read", path: url }).state !== "granted") {
    return undefined;
  }
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return undefined;
  }
  worker.unref();
  const fail = () => {
    Atomics.store(slots, STATE, FAILED);
    void worker.terminate();
  };
  worker.on("error", fail);
  worker.on("exit", () => Atomics.store(slots, STATE, FAILED));
  const start: HelperStart = {
    module: kernelModule(),
    memory: kernel.exports.memory,
    control,
    // Outside any scope: lives as long as the kernel.
    scratch: kernel.alloc(kernel.exports.scratch_bytes()),
    softwareFma: !kernel.hardwareFma,
  };
  worker.postMessage(start);
  let posted = 0;
  const helper: KernelHelper = {
    ready: () => Atomics.load(slots, STATE) === READY,
    keepAwake(on: boolean): void {
      // Waking it now lets it be up to speed by the first task.
      if (Atomics.add(slots, AWAKE, on ? 1 : -1) === 0 && on) Atomics.notify(slots, POSTED);
    },
    run(task: SplitTask, parts: readonly (readonly number[])[], runHere, prepare): boolean {
      const count = parts[0]?.length ?? 0;
      if (parts.length > MAX_PARTS) throw new RangeError(`too many parts for ${task}`);
      if (parts.some((p) => p.length !== count) || count > MAX_ARGS) {
        throw new RangeError(`expected at most ${MAX_ARGS} arguments, as many in every part`);
      }
      table.fill(0);
      parts.forEach((p, i) => table.set(p, i * MAX_ARGS));
      Atomics.store(slots, TASK, TASKS.indexOf(task));
      Atomics.store(slots, PARTS, parts.length);
      Atomics.store(slots, ARG_COUNT, count);
      Atomics.store(slots, NEXT, 0);
      Atomics.store(slots, PREPARED, prepare === undefined ? parts.length : 0);
      Atomics.store(slots, ERROR, 0);
      posted++;
      Atomics.store(slots, POSTED, posted);
      Atomics.notify(slots, POSTED);
      try {
        if (prepare !== undefined) {
          for (let p = 0; p < parts.length; p++) {
            prepare(p);
            Atomics.store(slots, PREPARED, p + 1);
          }
        }
        for (
          let p = Atomics.add(slots, NEXT, 1);
          p < parts.length;
          p = Atomics.add(slots, NEXT, 1)
        ) {
          runHere(p);
        }
      } finally {
        // Also when a part throws here: no more parts for the helper, and its part in
        // progress finished before the caller may free the memory it writes.
        Atomics.store(slots, NEXT, parts.length);
        if (!finished()) fail();
      }
      return Atomics.load(slots, STATE) === READY;
    },
  };
  /** Waits for the posted task; false when the helper failed, timed out or threw. */
  function finished(): boolean {
    // Watch for the helper's end a moment before sleeping (a wake-up takes about 0.1 ms).
    // (The clock is read once in 64 looks: reading it is a call into the runtime.)
    const watchUntil = performance.now() + WATCH_MS;
    for (let look = 1; Atomics.load(slots, DONE) !== posted; look++) {
      if ((look & 63) === 0 && performance.now() >= watchUntil) break;
    }
    const deadline = performance.now() + HELPER_TIMEOUT_MS;
    for (;;) {
      const done = Atomics.load(slots, DONE);
      if (done === posted) break;
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.load(slots, STATE) !== READY) return false;
      Atomics.wait(slots, DONE, done, Math.min(left, 100));
    }
    return Atomics.load(slots, ERROR) === 0;
  }
  kernel.attachHelper(helper);
  return helper;
}
