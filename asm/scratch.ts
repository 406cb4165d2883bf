// Scratch memory of one kernel instance.
//
// Every instance of the kernel may run on the same (shared) linear memory as another one
// on another thread, so buffers that a function writes must not be static data: each
// instance gets its own block (allocated by the TypeScript wrapper and set once with
// `set_scratch`), and the functions take their buffers at fixed offsets in it.

/** Bytes of an instance's scratch block. */
export const SCRATCH_BYTES: u32 = 8192;

/** Offsets in the block: the Gaussian attempts (256 × 16 bytes) and their factors (256 × 8). */
export const ATTEMPTS_OFFSET: usize = 0;
export const FACTORS_OFFSET: usize = 4096;
/** The deposited fraction's logarithms (256 × 8 bytes; never used with the two above). */
export const LOGS_OFFSET: usize = 4096;

/** This instance's block. */
let base: usize = 0;

/** Sets this instance's scratch block (`scratch_bytes()` bytes, 16-byte aligned). */
export function set_scratch(ptr: usize): void {
  base = ptr;
}

/** Bytes to allocate for `set_scratch`. */
export function scratch_bytes(): u32 {
  return SCRATCH_BYTES;
}

/** The address at `offset` in this instance's scratch block. */
// @ts-ignore: decorator
@inline export function scratchAt(offset: usize): usize {
  return base + offset;
}
