// Weighted Chebyshev moments of a column of samples.
//
// see: J. P. Boyd, Chebyshev and Fourier Spectral Methods (Dover, 2001), ch. 2:
//      T_0 = 1, T_1 = x, T_{k+1} = 2x T_k − T_{k−1}.
//
// Layout: x: n f64 in [−1, 1]; weightPtrs: nw u32 column pointers (0: use the scalar);
// weightScalars: nw f64; out: nw × K f64, out[w·K + k] = Σ_i w_i T_k(x_i) (overwritten);
// scratch: CHEBYSHEV_SCRATCH_BYTES.
//
// The samples are taken in blocks of BLOCK: T_k of a block is built from T_{k−1} and
// T_{k−2} (three rotating block rows, in cache), and each weight's moment gains the dot
// product of its block with T_k (two lanes, two partial sums).

/** Samples per block. */
const BLOCK: u32 = 256;
/** Scratch bytes needed by `chebyshev_moments`: three block rows of f64. */
export const CHEBYSHEV_SCRATCH_BYTES: u32 = 3 * BLOCK * 8;

/** Writes the weighted Chebyshev moments (see the layout above). */
export function chebyshev_moments(
  x: usize,
  n: u32,
  k: u32,
  nw: u32,
  weightPtrs: usize,
  weightScalars: usize,
  out: usize,
  scratch: usize,
): void {
  for (let j: u32 = 0; j < nw * k; j++) store<f64>(out + (<usize>j << 3), 0.0);
  const rowBytes = <usize>BLOCK << 3;
  for (let start: u32 = 0; start < n; start += BLOCK) {
    const len = min<u32>(BLOCK, n - start);
    const xs = x + (<usize>start << 3);
    // Rows: previous (T_{m−2}), current (T_{m−1}), next; rotated by index.
    let prev = scratch;
    let cur = scratch + rowBytes;
    let next = scratch + 2 * rowBytes;
    for (let m: u32 = 0; m < k; m++) {
      if (m == 0) {
        for (let j: u32 = 0; j < len; j++) store<f64>(next + (<usize>j << 3), 1.0);
      } else if (m == 1) {
        memory.copy(next, xs, <usize>len << 3);
      } else {
        let j: u32 = 0;
        for (; j + 2 <= len; j += 2) {
          const o = <usize>j << 3;
          const xv = v128.load(xs + o);
          const t = f64x2.sub(
            f64x2.mul(f64x2.add(xv, xv), v128.load(cur + o)),
            v128.load(prev + o),
          );
          v128.store(next + o, t);
        }
        for (; j < len; j++) {
          const o = <usize>j << 3;
          const xi = load<f64>(xs + o);
          store<f64>(next + o, 2.0 * xi * load<f64>(cur + o) - load<f64>(prev + o));
        }
      }
      for (let w: u32 = 0; w < nw; w++) {
        const p = <usize>load<u32>(weightPtrs + (<usize>w << 2));
        const q = out + (<usize>(w * k + m) << 3);
        store<f64>(
          q,
          load<f64>(q) + (p == 0
            ? load<f64>(weightScalars + (<usize>w << 3)) * blockSum(next, len)
            : blockDot(p + (<usize>start << 3), next, len)),
        );
      }
      // Rotate: the new row becomes current.
      const spare = prev;
      prev = cur;
      cur = next;
      next = spare;
    }
  }
}

/** Σ_j a_j b_j over `len` f64 (two lanes, two partial sums). */
// @ts-ignore: decorator
@inline function blockDot(a: usize, b: usize, len: u32): f64 {
  let s0 = f64x2.splat(0.0);
  let s1 = f64x2.splat(0.0);
  let j: u32 = 0;
  for (; j + 4 <= len; j += 4) {
    const o = <usize>j << 3;
    s0 = f64x2.add(s0, f64x2.mul(v128.load(a + o), v128.load(b + o)));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(a + o, 16), v128.load(b + o, 16)));
  }
  const s = f64x2.add(s0, s1);
  let total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; j < len; j++) total += load<f64>(a + (<usize>j << 3)) * load<f64>(b + (<usize>j << 3));
  return total;
}

/** Σ_j b_j over `len` f64. */
// @ts-ignore: decorator
@inline function blockSum(b: usize, len: u32): f64 {
  let s0 = f64x2.splat(0.0);
  let s1 = f64x2.splat(0.0);
  let j: u32 = 0;
  for (; j + 4 <= len; j += 4) {
    const o = <usize>j << 3;
    s0 = f64x2.add(s0, v128.load(b + o));
    s1 = f64x2.add(s1, v128.load(b + o, 16));
  }
  const s = f64x2.add(s0, s1);
  let total = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; j < len; j++) total += load<f64>(b + (<usize>j << 3));
  return total;
}
