// Weighted Chebyshev moments of a column of samples.
//
// see: J. P. Boyd, Chebyshev and Fourier Spectral Methods (Dover, 2001), ch. 2:
//      T_0 = 1, T_1 = x, T_{k+1} = 2x T_k − T_{k−1}.
//
// Layout: x: n f64 in [−1, 1]; weightPtrs: nw u32 column pointers (0: use the scalar);
// weightScalars: nw f64; out: nw × K f64, out[w·K + k] = Σ_i w_i T_k(x_i) (overwritten).
// Two samples per f64x2 step; lanes are added at the end.

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
  // scratch: nw × K v128 accumulators, then K v128 for the T_k of a sample pair.
  const acc = scratch;
  const tk = scratch + (<usize>(nw * k) << 4);
  for (let j: u32 = 0; j < nw * k; j++) v128.store(acc + (<usize>j << 4), f64x2.splat(0.0));
  let i: u32 = 0;
  // Four samples per step (two f64x2 of each T_k, built by the recurrence in registers),
  // so each accumulator is loaded and stored once per four samples.
  for (; i + 3 < n; i += 4) {
    const xa = v128.load(x + (<usize>i << 3));
    const xb = v128.load(x + (<usize>i << 3), 16);
    const twoA = f64x2.add(xa, xa);
    const twoB = f64x2.add(xb, xb);
    let a0 = f64x2.splat(1.0);
    let a1 = xa;
    let b0 = a0;
    let b1 = xb;
    for (let m: u32 = 0; m < k; m++) {
      let ta: v128, tb: v128;
      if (m == 0) {
        ta = a0;
        tb = b0;
      } else if (m == 1) {
        ta = a1;
        tb = b1;
      } else {
        ta = f64x2.sub(f64x2.mul(twoA, a1), a0);
        tb = f64x2.sub(f64x2.mul(twoB, b1), b0);
        a0 = a1;
        a1 = ta;
        b0 = b1;
        b1 = tb;
      }
      for (let w: u32 = 0; w < nw; w++) {
        const p = <usize>load<u32>(weightPtrs + (<usize>w << 2));
        let term: v128;
        if (p == 0) {
          const wv = f64x2.splat(load<f64>(weightScalars + (<usize>w << 3)));
          term = f64x2.add(f64x2.mul(wv, ta), f64x2.mul(wv, tb));
        } else {
          const q = p + (<usize>i << 3);
          term = f64x2.add(f64x2.mul(v128.load(q), ta), f64x2.mul(v128.load(q, 16), tb));
        }
        const at = acc + (<usize>(w * k + m) << 4);
        v128.store(at, f64x2.add(v128.load(at), term));
      }
    }
  }
  for (; i + 1 < n; i += 2) {
    const xv = v128.load(x + (<usize>i << 3));
    const two = f64x2.add(xv, xv);
    let t0 = f64x2.splat(1.0);
    let t1 = xv;
    v128.store(tk, t0);
    if (k > 1) v128.store(tk + 16, t1);
    for (let m: u32 = 2; m < k; m++) {
      const t2 = f64x2.sub(f64x2.mul(two, t1), t0);
      v128.store(tk + (<usize>m << 4), t2);
      t0 = t1;
      t1 = t2;
    }
    for (let w: u32 = 0; w < nw; w++) {
      const p = <usize>load<u32>(weightPtrs + (<usize>w << 2));
      const wv = p == 0
        ? f64x2.splat(load<f64>(weightScalars + (<usize>w << 3)))
        : v128.load(p + (<usize>i << 3));
      const row = acc + (<usize>(w * k) << 4);
      for (let m: u32 = 0; m < k; m++) {
        const q = row + (<usize>m << 4);
        v128.store(q, f64x2.add(v128.load(q), f64x2.mul(wv, v128.load(tk + (<usize>m << 4)))));
      }
    }
  }
  for (let w: u32 = 0; w < nw * k; w++) {
    const a = v128.load(acc + (<usize>w << 4));
    store<f64>(out + (<usize>w << 3), f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1));
  }
  for (; i < n; i++) {
    const xi = load<f64>(x + (<usize>i << 3));
    let t0: f64 = 1.0;
    let t1 = xi;
    for (let m: u32 = 0; m < k; m++) {
      let t: f64;
      if (m == 0) t = 1.0;
      else if (m == 1) t = xi;
      else {
        t = 2.0 * xi * t1 - t0;
        t0 = t1;
        t1 = t;
      }
      for (let w: u32 = 0; w < nw; w++) {
        const p = <usize>load<u32>(weightPtrs + (<usize>w << 2));
        const wi = p == 0 ? load<f64>(weightScalars + (<usize>w << 3)) : load<f64>(p + (<usize>i << 3));
        const q = out + (<usize>(w * k + m) << 3);
        store<f64>(q, load<f64>(q) + wi * t);
      }
    }
  }
}
