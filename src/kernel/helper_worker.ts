/**
 * The helper thread of a kernel (started by src/kernel/helper.ts): its own instance of
 * the kernel on the kernel's shared memory, running the tasks posted in the control
 * block (src/kernel/helper_protocol.ts) until the process ends.
 *
 * @module
 */
import { parentPort } from "node:worker_threads";
import { instantiateKernel, type KernelExports, runTask } from "./kernel.ts";
import {
  ARGS_OFFSET,
  DONE,
  ERROR,
  FAILED,
  type HelperStart,
  MAX_ARGS,
  POSTED,
  READY,
  STATE,
  TASK,
  TASKS,
} from "./helper_protocol.ts";

/** How long the helper watches for the next task before it sleeps, ms. */
const SPIN_MS = 0.5;

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
  const args = new Float64Array(start.control, ARGS_OFFSET, MAX_ARGS);
  Atomics.store(control, STATE, READY);
  Atomics.notify(control, STATE);
  let seen = Atomics.load(control, POSTED);
  for (;;) {
    // A report's tasks often come a few hundred microseconds apart: watch for the next
    // one for a moment before sleeping (waking a sleeping thread takes about 0.1 ms).
    const until = performance.now() + SPIN_MS;
    while (Atomics.load(control, POSTED) === seen && performance.now() < until);
    Atomics.wait(control, POSTED, seen);
    const posted = Atomics.load(control, POSTED);
    if (posted === seen) continue;
    seen = posted;
    const task = TASKS[Atomics.load(control, TASK)];
    try {
      Atomics.store(control, ERROR, 0);
      runTask(exports, task, Array.from(args));
    } catch {
      Atomics.store(control, ERROR, 1);
    }
    Atomics.store(control, DONE, posted);
    Atomics.notify(control, DONE);
  }
});
