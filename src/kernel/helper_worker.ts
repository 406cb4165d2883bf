/**
 * The helper thread of a kernel (started by src/kernel/helper.ts): its own instance of
 * the kernel on the kernel's shared memory, running the tasks posted in the control
 * block (src/kernel/helper_protocol.ts) until the process ends.
 *
 * @module
 */
import { parentPort } from "node:worker_threads";
import { instantiateKernel, type KernelExports, MAX_PARTS, type SplitTask } from "./kernel.ts";
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

/** How long the helper watches for the next task before it sleeps, ms. */
const SPIN_MS = 0.5;

/** A spin-wait hint to the processor (`Atomics.pause` where the engine has it). */
const pause: () => void = (Atomics as unknown as { pause?: () => void }).pause ?? (() => {});

parentPort?.once("message", (start: HelperStart) => {
  const control = new Int32Array(start.control);
  let exports: KernelExports;
  try {
    exports = instantiateKernel(start.memory, start.module).exports as unknown as KernelExports;
    exports.init_fma(1 + 2 ** -52, 1 - 2 ** -52, -1);
    if (start.softwareFma) exports.force_soft_fma();
    exports.set_scratch(start.scratch);
  } catch {
    Atomics.store(control, STATE, FAILED);
    Atomics.notify(control, STATE);
    return;
  }
  const table = new Float64Array(start.control, ARGS_OFFSET, MAX_ARGS * MAX_PARTS);
  const bgTable = new Float64Array(start.control, BG_ARGS_OFFSET, MAX_ARGS * MAX_PARTS);
  // One argument list for every call (a kernel function ignores the extra zeros): no
  // garbage per part, so no collection pauses on this thread in the middle of a task.
  const argv: number[] = new Array(MAX_ARGS).fill(0);
  const call = (task: SplitTask, from: Float64Array, row: number, count: number): void => {
    for (let i = 0; i < MAX_ARGS; i++) argv[i] = i < count ? from[row + i] : 0;
    (exports[task] as (...values: number[]) => void).apply(undefined, argv);
  };
  const bgDone = new Int32Array(start.control, BG_DONE_OFFSET, MAX_PARTS);
  const doneFlags = new Int32Array(start.control, DONE_FLAGS_OFFSET, MAX_PARTS);
  /** Runs the background task's next part, if any is left; false when none is. */
  const backgroundPart = (): boolean => {
    const part = Atomics.load(control, BG_NEXT);
    if (part >= Atomics.load(control, BG_PARTS)) return false;
    if (Atomics.compareExchange(control, BG_NEXT, part, part + 1) !== part) return true;
    const row = part * MAX_ARGS;
    try {
      call(
        TASKS[Atomics.load(control, BG_TASK)],
        bgTable,
        row,
        Atomics.load(control, BG_ARG_COUNT),
      );
      Atomics.store(bgDone, part, 1);
    } catch {
      Atomics.store(control, BG_ERROR, 1);
    }
    Atomics.add(control, BG_FINISHED, 1);
    Atomics.notify(control, BG_FINISHED);
    return true;
  };
  Atomics.store(control, STATE, READY);
  Atomics.notify(control, STATE);
  let seen = Atomics.load(control, POSTED);
  for (;;) {
    // Tasks often come a few hundred microseconds apart: watch for the next one for a
    // moment before sleeping, and all the time while a computation keeps the helper
    // awake (on these virtual machines a thread woken from sleep runs its first
    // milliseconds of work up to twice as slowly).
    // Meanwhile, it takes the background task's parts.
    let until = performance.now() + SPIN_MS;
    while (Atomics.load(control, POSTED) === seen) {
      if (backgroundPart()) until = performance.now() + SPIN_MS;
      else if (Atomics.load(control, AWAKE) > 0) pause();
      else if (performance.now() >= until) break;
    }
    Atomics.wait(control, POSTED, seen);
    const posted = Atomics.load(control, POSTED);
    if (posted === seen) continue;
    seen = posted;
    const task = TASKS[Atomics.load(control, TASK)];
    const parts = Atomics.load(control, PARTS);
    const count = Atomics.load(control, ARG_COUNT);
    try {
      // The next part not yet taken by either thread, once prepared, until there is none.
      for (;;) {
        const part = Atomics.load(control, NEXT);
        if (part >= parts) break;
        if (part >= Atomics.load(control, PREPARED)) {
          // Waiting for this thread's preparation: a background part meanwhile.
          if (!backgroundPart()) pause();
          continue;
        }
        if (Atomics.compareExchange(control, NEXT, part, part + 1) !== part) continue;
        const row = part * MAX_ARGS;
        call(task, table, row, count);
        Atomics.store(doneFlags, part, 1);
      }
    } catch {
      Atomics.store(control, ERROR, 1);
    }
    Atomics.store(control, DONE, posted);
    Atomics.notify(control, DONE);
  }
});
