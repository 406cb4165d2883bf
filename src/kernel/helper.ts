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
  BG_ARG_COUNT,
  BG_ARGS_OFFSET,
  BG_DONE_OFFSET,
  BG_ERROR,
  BG_FINISHED,
  BG_NEXT,
  BG_PARTS,
  BG_TASK,
  CONTROL_BYTES,
  DONE,
  DONE_FLAGS_OFFSET,
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
  const bgTable = new Float64Array(control, BG_ARGS_OFFSET, MAX_ARGS * MAX_PARTS);
  const bgDone = new Int32Array(control, BG_DONE_OFFSET, MAX_PARTS);
  const doneFlags = new Int32Array(control, DONE_FLAGS_OFFSET, MAX_PARTS);
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
    run(task: SplitTask, parts: readonly (readonly number[])[], runHere, prepare) {
      const count = checkParts(task, parts);
      table.fill(0);
      doneFlags.fill(0);
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
          Atomics.store(doneFlags, p, 1);
        }
      } finally {
        // Also when a part throws here: no more parts for the helper, and its part in
        // progress finished before the caller may free the memory it writes.
        Atomics.store(slots, NEXT, parts.length);
        if (!finished()) fail();
      }
      if (Atomics.load(slots, STATE) === READY) return undefined;
      const undone: number[] = [];
      for (let p = 0; p < parts.length; p++) if (Atomics.load(doneFlags, p) === 0) undone.push(p);
      return undone;
    },
    later(task: SplitTask, parts: readonly (readonly number[])[]): void {
      const count = checkParts(task, parts);
      // Unpublished while it is written (no part to take), then published.
      Atomics.store(slots, BG_PARTS, 0);
      bgTable.fill(0);
      parts.forEach((p, i) => bgTable.set(p, i * MAX_ARGS));
      bgDone.fill(0);
      Atomics.store(slots, BG_TASK, TASKS.indexOf(task));
      Atomics.store(slots, BG_ARG_COUNT, count);
      Atomics.store(slots, BG_NEXT, 0);
      Atomics.store(slots, BG_FINISHED, 0);
      Atomics.store(slots, BG_ERROR, 0);
      Atomics.store(slots, BG_PARTS, parts.length);
      // Wakes it if it sleeps.
      Atomics.notify(slots, POSTED);
    },
    finishLater(runHere: (part: number) => void): number[] {
      const parts = Atomics.load(slots, BG_PARTS);
      try {
        for (
          let p = Atomics.add(slots, BG_NEXT, 1);
          p < parts;
          p = Atomics.add(slots, BG_NEXT, 1)
        ) {
          try {
            runHere(p);
            Atomics.store(bgDone, p, 1);
          } finally {
            Atomics.add(slots, BG_FINISHED, 1);
          }
        }
      } finally {
        // Also when a part throws here: no more parts taken, and the helper's part in
        // progress finished first.
        const taken = Math.min(Atomics.exchange(slots, BG_NEXT, parts), parts);
        if (!waitFor(BG_FINISHED, taken)) fail();
        Atomics.store(slots, BG_PARTS, 0);
      }
      const undone: number[] = [];
      for (let p = 0; p < parts; p++) if (Atomics.load(bgDone, p) === 0) undone.push(p);
      return undone;
    },
  };
  /** The number of arguments per part; throws when the parts do not fit the control block. */
  function checkParts(task: SplitTask, parts: readonly (readonly number[])[]): number {
    const count = parts[0]?.length ?? 0;
    if (parts.length > MAX_PARTS) throw new RangeError(`too many parts for ${task}`);
    if (parts.some((p) => p.length !== count) || count > MAX_ARGS) {
      throw new RangeError(`expected at most ${MAX_ARGS} arguments, as many in every part`);
    }
    return count;
  }
  /**
   * Waits until the slot `slot` reaches `value` (as the helper finishes); false when the
   * helper failed or timed out first.
   */
  function waitFor(slot: number, value: number): boolean {
    // (The clock is read once in 64 looks: reading it is a call into the runtime.)
    const watchUntil = performance.now() + WATCH_MS;
    for (let look = 1; Atomics.load(slots, slot) !== value; look++) {
      if ((look & 63) === 0 && performance.now() >= watchUntil) break;
    }
    const deadline = performance.now() + HELPER_TIMEOUT_MS;
    for (;;) {
      const now = Atomics.load(slots, slot);
      if (now === value) return true;
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.load(slots, STATE) !== READY) return false;
      Atomics.wait(slots, slot, now, Math.min(left, 100));
    }
  }
  /** Waits for the posted task; false when the helper failed, timed out or threw. */
  function finished(): boolean {
    return waitFor(DONE, posted) && Atomics.load(slots, ERROR) === 0;
  }
  kernel.attachHelper(helper);
  return helper;
}
