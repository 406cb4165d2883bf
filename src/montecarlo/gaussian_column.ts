/**
 * A column of Gaussian draws (numpy's legacy polar method, in the stream's order) with
 * the values' arithmetic shared with the kernel's helper thread: the accepted attempts
 * are drawn here, in order, part after part, and both threads turn the parts already
 * drawn into values meanwhile (asm/mt19937.ts, `gaussianAttempts` and `attemptValues`).
 * The values, and the generator's state afterwards, are those of the kernel's one-thread
 * `fill_normal` / `fill_lognormal`.
 *
 * @module
 */
import type { Kernel } from "../kernel/kernel.ts";

/** What the values are: loc + scale · g, e^(that), or the column's value + scale · g. */
export type GaussianMode = "normal" | "lognormal" | "around";

const MODE_CODES: Record<GaussianMode, number> = { normal: 0, lognormal: 1, around: 2 };

/**
 * Whether {@link fillGaussianColumn} of `n` values would use the helper thread now.
 *
 * @param kernel The generator's kernel.
 * @param n Number of values.
 * @returns True when it would.
 */
export function splitsGaussian(kernel: Kernel, n: number): boolean {
  return kernel.splits(n >> 1);
}

/**
 * Fills the `n` f64 at `out` (in the kernel's memory) with Gaussian values drawn from
 * the generator at `statePtr`, as `fill_normal` (mode "normal"), `fill_lognormal`
 * ("lognormal") or numpy's `normal(loc=out, scale)` ("around", `loc` unused) would.
 *
 * @param kernel The generator's kernel.
 * @param statePtr The generator's state block.
 * @param out Byte offset of the column.
 * @param n Number of values.
 * @param loc Mean of the Gaussian (of its logarithm for "lognormal").
 * @param scale Its standard deviation.
 * @param mode See {@link GaussianMode}.
 */
export function fillGaussianColumn(
  kernel: Kernel,
  statePtr: number,
  out: number,
  n: number,
  loc: number,
  scale: number,
  mode: GaussianMode,
): void {
  const k = kernel.exports;
  const code = MODE_CODES[mode];
  kernel.scope(() => {
    const head = k.gaussian_head(statePtr, out, loc, scale, code);
    const pairs = (n - head) >> 1;
    const attempts = kernel.alloc(pairs * 16);
    const parts = kernel.parts(pairs, 1);
    kernel.runParts(
      "gaussian_values",
      parts.map((
        q,
      ) => [attempts + q.start * 16, out + (head + 2 * q.start) * 8, q.count, loc, scale, code]),
      (i) => k.gaussian_attempts(statePtr, attempts + parts[i].start * 16, parts[i].count),
    );
    if (head + 2 * pairs < n) k.gaussian_tail(statePtr, out + (n - 1) * 8, loc, scale, code);
  });
}
