/**
 * The control block shared by a kernel and its helper thread (src/kernel/helper.ts and
 * helper_worker.ts): 32-bit slots, then the task's arguments as f64.
 *
 * @module
 */
import type { SplitTask } from "./kernel.ts";

/** Slot: sequence number of the last task posted (written by the kernel's thread). */
export const POSTED = 0;
/** Slot: the helper's state, {@link STARTING}, {@link READY} or {@link FAILED}. */
export const STATE = 1;
/** Slot: sequence number of the last task finished (written by the helper). */
export const DONE = 2;
/** Slot: index in {@link TASKS} of the posted task. */
export const TASK = 3;
/** Slot: 1 when the last task threw on the helper. */
export const ERROR = 4;

/** Helper states. */
export const STARTING = 0;
export const READY = 1;
export const FAILED = 2;

/** Byte offset of the arguments (f64) in the block, and their largest number. */
export const ARGS_OFFSET = 64;
export const MAX_ARGS = 16;
/** Bytes of the control block. */
export const CONTROL_BYTES = ARGS_OFFSET + 8 * MAX_ARGS;

/** The tasks a helper runs, by index. */
export const TASKS: readonly SplitTask[] = [
  "aerosol_volume",
  "bin_candidates",
  "chebyshev_moments",
  "fraction_deposited",
  "gaussian_values",
  "histogram_counts",
  "infection_percent",
  "interp_scan",
  "interval_doses",
  "kde_search",
  "log10_column",
  "min_max",
  "pow10_part",
];

/** What the kernel's thread sends to a new helper. */
export interface HelperStart {
  /** The compiled kernel. */
  readonly module: WebAssembly.Module;
  /** The kernel's (shared) memory. */
  readonly memory: WebAssembly.Memory;
  /** The control block. */
  readonly control: SharedArrayBuffer;
  /** The helper instance's scratch block in that memory. */
  readonly scratch: number;
  /** Use the software fused multiply-add, as the kernel's thread does. */
  readonly softwareFma: boolean;
}
