// Weighted Chebyshev moments of a column of samples.
//
// see: J. P. Boyd, Chebyshev and Fourier Spectral Methods (Dover, 2001), ch. 2:
//      T_0 = 1, T_1 = x, T_{k+1} = 2x T_k − T_{k−1}.
//
// Layout: x: n f64 in [−1, 1]; weightPtrs: nw u32 column pointers (0: use the scalar);
// weightScalars: nw f64; out: nw × K f64, out[w·K + k] = Σ_i w_i T_k(x_i) (overwritten);
// scratch: CHEBYSHEV_SCRATCH_BYTES.
//
// The samples are taken in blocks of BLOCK, two at a time (two lanes). For each block and
// weight the degrees go by groups of four: the four new T_k of a pair of samples are made
// in registers from the last two, which are the only ones kept (two rows of the block),
// and each of the four moments gains their products in its own register. A scalar weight
// w sums T_k alone and multiplies the block's sum by w.

/** Samples per block. */
const BLOCK: u32 = 256;
/** Scratch bytes needed by `chebyshev_moments`: six block rows of f64. */
export const CHEBYSHEV_SCRATCH_BYTES: u32 = 6 * BLOCK * 8;

/** Adds lane 0 + lane 1 of `acc` (times `scale`) to the moment at `q`, when `m < k`. */
// @ts-ignore: decorator
@inline function addMoment(q: usize, m: u32, k: u32, acc: v128, scale: f64): void {
  if (m < k) {
    store<f64>(q, load<f64>(q) + scale * (f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1)));
  }
}

/** Copies `len` f64 from `from` to `to` and appends a 0 (an odd block made even). */
// @ts-ignore: decorator
@inline function padded(to: usize, from: usize, len: u32): usize {
  memory.copy(to, from, <usize>len << 3);
  store<f64>(to + (<usize>len << 3), 0.0);
  return to;
}

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
  const older = scratch; // T_{m−2} of each sample of the block
  const newer = scratch + rowBytes; // T_{m−1}
  const xPad = scratch + 2 * rowBytes; // an odd block's x and weights with a 0 appended
  const wPad0 = scratch + 3 * rowBytes;
  const wPad1 = scratch + 4 * rowBytes;
  // BLOCK ones: the weights of a scalar weight, whose value then multiplies the block's sums.
  const ones = scratch + 5 * rowBytes;
  for (let j: u32 = 0; j < BLOCK; j++) store<f64>(ones + (<usize>j << 3), 1.0);
  for (let start: u32 = 0; start < n; start += BLOCK) {
    const len = min<u32>(BLOCK, n - start);
    const odd = (len & 1) != 0;
    const xs = odd ? padded(xPad, x + (<usize>start << 3), len) : x + (<usize>start << 3);
    for (let w0: u32 = 0; w0 < nw; w0 += 2) {
      // Weights w0 and w1 (the same one when w0 is the last).
      const w1 = min<u32>(w0 + 1, nw - 1);
      const p0 = <usize>load<u32>(weightPtrs + (<usize>w0 << 2));
      const p1 = <usize>load<u32>(weightPtrs + (<usize>w1 << 2));
      const s0 = p0 == 0 ? load<f64>(weightScalars + (<usize>w0 << 3)) : 1.0;
      const s1 = p1 == 0 ? load<f64>(weightScalars + (<usize>w1 << 3)) : 1.0;
      const q0 = out + (<usize>(w0 * k) << 3);
      const q1 = out + (<usize>(w1 * k) << 3);
      const both = w1 != w0;
      let b0 = p0 == 0 ? ones : p0 + (<usize>start << 3);
      let b1 = p1 == 0 ? ones : p1 + (<usize>start << 3);
      // The appended sample has weight 0, so it adds nothing.
      if (odd) {
        b0 = padded(wPad0, b0, len);
        b1 = padded(wPad1, b1, len);
      }
      const pairs = (len + 1) & ~1;
      // Degrees 0 and 1, and the rows T_0 = 1, T_1 = x for the recurrence.
      let a0 = f64x2.splat(0.0);
      let a1 = f64x2.splat(0.0);
      let e0 = f64x2.splat(0.0);
      let e1 = f64x2.splat(0.0);
      for (let j: u32 = 0; j < pairs; j += 2) {
        const o = <usize>j << 3;
        const xv = v128.load(xs + o);
        const u = v128.load(b0 + o);
        const v = v128.load(b1 + o);
        a0 = f64x2.add(a0, u);
        a1 = f64x2.add(a1, f64x2.mul(u, xv));
        e0 = f64x2.add(e0, v);
        e1 = f64x2.add(e1, f64x2.mul(v, xv));
        // (1, 1) from `ones`: V8 rebuilds a `v128.const` at every use in a loop.
        v128.store(older + o, v128.load(ones));
        v128.store(newer + o, xv);
      }
      addMoment(q0, 0, k, a0, s0);
      addMoment(q0 + 8, 1, k, a1, s0);
      if (both) {
        addMoment(q1, 0, k, e0, s1);
        addMoment(q1 + 8, 1, k, e1, s1);
      }
      // Degrees m .. m + 3.
      for (let m: u32 = 2; m < k; m += 4) {
        let c0 = f64x2.splat(0.0);
        let c1 = f64x2.splat(0.0);
        let c2 = f64x2.splat(0.0);
        let c3 = f64x2.splat(0.0);
        let d0 = f64x2.splat(0.0);
        let d1 = f64x2.splat(0.0);
        let d2 = f64x2.splat(0.0);
        let d3 = f64x2.splat(0.0);
        for (let j: u32 = 0; j < pairs; j += 2) {
          const o = <usize>j << 3;
          const x = v128.load(xs + o);
          const twoX = f64x2.add(x, x);
          const before = v128.load(newer + o);
          const t0 = f64x2.sub(f64x2.mul(twoX, before), v128.load(older + o));
          const t1 = f64x2.sub(f64x2.mul(twoX, t0), before);
          const t2 = f64x2.sub(f64x2.mul(twoX, t1), t0);
          const t3 = f64x2.sub(f64x2.mul(twoX, t2), t1);
          v128.store(older + o, t2);
          v128.store(newer + o, t3);
          const u = v128.load(b0 + o);
          c0 = f64x2.add(c0, f64x2.mul(u, t0));
          c1 = f64x2.add(c1, f64x2.mul(u, t1));
          c2 = f64x2.add(c2, f64x2.mul(u, t2));
          c3 = f64x2.add(c3, f64x2.mul(u, t3));
          const v = v128.load(b1 + o);
          d0 = f64x2.add(d0, f64x2.mul(v, t0));
          d1 = f64x2.add(d1, f64x2.mul(v, t1));
          d2 = f64x2.add(d2, f64x2.mul(v, t2));
          d3 = f64x2.add(d3, f64x2.mul(v, t3));
        }
        const at0 = q0 + (<usize>m << 3);
        addMoment(at0, m, k, c0, s0);
        addMoment(at0 + 8, m + 1, k, c1, s0);
        addMoment(at0 + 16, m + 2, k, c2, s0);
        addMoment(at0 + 24, m + 3, k, c3, s0);
        if (both) {
          const at1 = q1 + (<usize>m << 3);
          addMoment(at1, m, k, d0, s1);
          addMoment(at1 + 8, m + 1, k, d1, s1);
          addMoment(at1 + 16, m + 2, k, d2, s1);
          addMoment(at1 + 24, m + 3, k, d3, s1);
        }
      }
    }
  }
}

/**
 * out[i] = Σ_k a_k T_k(x_i), k < `degree`, for the n samples at `x` (Clenshaw's
 * recurrence b_k = 2x·b_{k+1} − b_{k+2} + a_k, then x·b_1 − b_2 + a_0; the same
 * operations in the same order as src/model/chebyshev_batch.ts), two samples at a time.
 */
export function clenshaw_column(a: usize, degree: u32, x: usize, n: u32, out: usize): void {
  const a0 = load<f64>(a);
  let i: u32 = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    const xv = v128.load(x + o);
    const twoX = f64x2.add(xv, xv);
    let b1 = f64x2.splat(0.0);
    let b2 = f64x2.splat(0.0);
    for (let k = <i32>degree - 1; k >= 1; k--) {
      const b0 = f64x2.add(f64x2.sub(f64x2.mul(twoX, b1), b2), v128.load64_splat(a + (<usize>k << 3)));
      b2 = b1;
      b1 = b0;
    }
    v128.store(out + o, f64x2.add(f64x2.sub(f64x2.mul(xv, b1), b2), f64x2.splat(a0)));
  }
  for (; i < n; i++) {
    const xi = load<f64>(x + (<usize>i << 3));
    let b1 = 0.0;
    let b2 = 0.0;
    for (let k = <i32>degree - 1; k >= 1; k--) {
      const b0 = 2 * xi * b1 - b2 + load<f64>(a + (<usize>k << 3));
      b2 = b1;
      b1 = b0;
    }
    store<f64>(out + (<usize>i << 3), xi * b1 - b2 + a0);
  }
}

/** out[i] = (x[i] − mid) / half for n f64: samples mapped to [−1, 1], two at a time. */
export function normalize_column(out: usize, x: usize, n: u32, mid: f64, half: f64): void {
  const m = f64x2.splat(mid);
  const h = f64x2.splat(half);
  let i: u32 = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    v128.store(out + o, f64x2.div(f64x2.sub(v128.load(x + o), m), h));
  }
  if (i < n) store<f64>(out + (<usize>i << 3), (load<f64>(x + (<usize>i << 3)) - mid) / half);
}

/**
 * The Chebyshev coefficients of `count` expansions from their values at the K nodes
 * x_j = cos(π (j + ½) / K) (the same operations in the same order as the loop they
 * replace in src/model/chebyshev_batch.ts):
 * a_k = (k = 0 ? 1 : 2) · Σ_{j < K/2} f_j cos(π k (j + ½) / K) / K, where f_j is
 * v_j + v_{K−1−j} for even k and v_j − v_{K−1−j} for odd k (the values folded about the
 * middle), each sum in j order, four k of the same parity at a time (K a multiple of 8).
 * Each expansion is then cut after its last coefficient above `tail` × its largest, and
 * refused (degree 0) when one of its last three is above that.
 *
 * Layout: values: K × count f64, node-major (expansion e's value at node j at
 * j·count + e); cos: K × K f64, cos[k·K + j] = cos(π k (j + ½) / K); out: count × K f64
 * (expansion e's coefficients at e·K); degrees: count u32 (coefficients kept, 0 when
 * refused); folded: K f64 of scratch.
 *
 * @returns The number of expansions refused.
 */
export function chebyshev_coefficients(
  values: usize,
  count: u32,
  k: u32,
  cos: usize,
  tail: f64,
  out: usize,
  degrees: usize,
  folded: usize,
): u32 {
  const folds = k >> 1;
  const even = folded;
  const odd = folded + (<usize>folds << 3);
  const kf = <f64>k;
  let refused: u32 = 0;
  for (let e: u32 = 0; e < count; e++) {
    for (let j: u32 = 0; j < folds; j++) {
      const left = load<f64>(values + ((<usize>j * count + e) << 3));
      const right = load<f64>(values + ((<usize>(k - 1 - j) * count + e) << 3));
      store<f64>(even + (<usize>j << 3), left + right);
      store<f64>(odd + (<usize>j << 3), left - right);
    }
    const a = out + ((<usize>e * k) << 3);
    for (let first: u32 = 0; first < k; first += 8) {
      for (let parity: u32 = 0; parity < 2; parity++) {
        const f = parity == 0 ? even : odd;
        const kk = first + parity;
        const r0 = cos + ((<usize>kk * k) << 3);
        const r1 = r0 + ((<usize>2 * k) << 3);
        const r2 = r0 + ((<usize>4 * k) << 3);
        const r3 = r0 + ((<usize>6 * k) << 3);
        let s0 = 0.0;
        let s1 = 0.0;
        let s2 = 0.0;
        let s3 = 0.0;
        for (let j: u32 = 0; j < folds; j++) {
          const o = <usize>j << 3;
          const v = load<f64>(f + o);
          s0 += v * load<f64>(r0 + o);
          s1 += v * load<f64>(r1 + o);
          s2 += v * load<f64>(r2 + o);
          s3 += v * load<f64>(r3 + o);
        }
        store<f64>(a + (<usize>kk << 3), (kk == 0 ? 1.0 : 2.0) * s0 / kf);
        store<f64>(a + (<usize>(kk + 2) << 3), 2.0 * s1 / kf);
        store<f64>(a + (<usize>(kk + 4) << 3), 2.0 * s2 / kf);
        store<f64>(a + (<usize>(kk + 6) << 3), 2.0 * s3 / kf);
      }
    }
    let largest = 0.0;
    for (let m: u32 = 0; m < k; m++) largest = max(largest, abs(load<f64>(a + (<usize>m << 3))));
    const last = max(
      max(abs(load<f64>(a + (<usize>(k - 1) << 3))), abs(load<f64>(a + (<usize>(k - 2) << 3)))),
      abs(load<f64>(a + (<usize>(k - 3) << 3))),
    );
    let degree: u32 = 0;
    if (last <= tail * largest || largest == 0) {
      degree = k;
      while (degree > 1 && abs(load<f64>(a + (<usize>(degree - 1) << 3))) <= tail * largest) degree--;
    } else {
      refused++;
    }
    store<u32>(degrees + (<usize>e << 2), degree);
  }
  return refused;
}
