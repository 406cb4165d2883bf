/**
 * The control block shared by a kernel and its helper thread (src/kernel/helper.ts and
 * helper_worker.ts): 32-bit slots, then a table of the posted task's arguments, one row
 * of f64 per part.
 *
 * A task is a list of parts (`Kernel.runParts`). Both threads take the next part by
 * incrementing the {@link NEXT} slot until every part is taken, so each does as many as
 * its speed allows: a late wake-up or a slower core costs at most one part.
 *
 * A background task (`Kernel.later`) has its own slots and table: the helper takes its
 * parts whenever it has nothing else to do (never before a part of a posted task), and
 * the kernel's thread takes the rest when it finishes it.
 *
 * @module
 */
import { MAX_PARTS, type SplitTask } from "./kernel.ts";

/** Slot: sequence number of the last task posted (written by the kernel's thread). */
export const POSTED = 0;
/** Slot: the helper's state, {@link STARTING}, {@link READY} or {@link FAILED}. */
export const STATE = 1;
/** Slot: sequence number of the last task finished (written by the helper). */
export const DONE = 2;
/** Slot: index in {@link TASKS} of the posted task. */
export const TASK = 3;
/** Slot: 1 when a part threw on the helper (it then took no more parts). */
export const ERROR = 4;
/**
 * Slot: number of computations in progress that keep the helper awake (written by the
 * kernel's thread, see `Kernel.awake`): while it is above 0 the helper watches for tasks
 * without ever sleeping.
 */
export const AWAKE = 5;
/** Slot: index of the next part to take (both threads add 1 to take one). */
export const NEXT = 6;
/** Slot: number of parts of the posted task. */
export const PARTS = 7;
/** Slot: number of arguments per part. */
export const ARG_COUNT = 8;
/** Slot: number of parts ready to be taken (the first ones; see `Kernel.runParts`). */
export const PREPARED = 9;
/** Slots of the background task: parts (0: none), next part, parts finished, task, arguments per part, 1 when a part threw on the helper. */
export const BG_PARTS = 10;
export const BG_NEXT = 11;
export const BG_FINISHED = 12;
export const BG_TASK = 13;
export const BG_ARG_COUNT = 14;
export const BG_ERROR = 15;

/** Helper states. */
export const STARTING = 0;
export const READY = 1;
export const FAILED = 2;

/** Byte offset of the argument table (f64, {@link MAX_ARGS} per part). */
export const ARGS_OFFSET = 64;
/** Largest number of arguments of a part (a task has at most `MAX_PARTS` parts). */
export const MAX_ARGS = 16;
/** Byte offset of the background task's argument table (f64, {@link MAX_ARGS} per part). */
export const BG_ARGS_OFFSET = ARGS_OFFSET + 8 * MAX_ARGS * MAX_PARTS;
/** Byte offset of the background task's part flags (i32: 1 once finished). */
export const BG_DONE_OFFSET = BG_ARGS_OFFSET + 8 * MAX_ARGS * MAX_PARTS;
/** Byte offset of the posted task's part flags (i32: 1 once finished, by either thread). */
export const DONE_FLAGS_OFFSET = BG_DONE_OFFSET + 4 * MAX_PARTS;
/** Bytes of the control block. */
export const CONTROL_BYTES = DONE_FLAGS_OFFSET + 4 * MAX_PARTS;

/** The tasks a helper runs, by index. */
export const TASKS: readonly SplitTask[] = [
  "aerosol_volume",
  "bin_candidates",
  "chebyshev_moments",
  "clenshaw_column",
  "deposition_rate",
  "divide_column",
  "emission_per_aerosol",
  "fraction_deposited",
  "gaussian_values",
  "histogram_counts",
  "infection_percent",
  "interp_rescan",
  "interp_scan",
  "interval_doses",
  "kde_search",
  "log10_column",
  "min_max",
  "normalize_column",
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
