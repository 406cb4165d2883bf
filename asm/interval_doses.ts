// The long-range dose of each sample summed over the intervals of a presence, when each
// interval's dose is Σ_k exposure[p, k] · factor_k (src/model/exposure.ts, `fusedDeposited`):
// per sample, dose_p = 0 + e[p,0]·f_0 (+ e[p,k]·f_k for k ≥ 1), and the total is dose_0,
// then total + dose_p in interval order — the same operations, unfused, as that loop.

/** Factor k of the samples at byte offsets o and o + 8 (a column, or its scalar twice). */
// @ts-ignore: decorator
@inline function pairOf(ptrs: usize, scalars: usize, k: u32, o: usize): v128 {
  const ptr = <usize>load<u32>(ptrs + (<usize>k << 2));
  return ptr == 0 ? f64x2.splat(load<f64>(scalars + (<usize>k << 3))) : v128.load(ptr + o);
}

/** Factor k of the sample at byte offset o. */
// @ts-ignore: decorator
@inline function valueOf(ptrs: usize, scalars: usize, k: u32, o: usize): f64 {
  const ptr = <usize>load<u32>(ptrs + (<usize>k << 2));
  return ptr == 0 ? load<f64>(scalars + (<usize>k << 3)) : load<f64>(ptr + o);
}

/**
 * `out` (n f64) = the summed doses. `exposures`: intervals × factors f64, row by interval;
 * `factorPtrs`: factors u32 column pointers (0: the scalar from `factorScalars`, factors
 * f64).
 */
export function interval_doses(
  out: usize,
  n: u32,
  exposures: usize,
  intervals: u32,
  factors: u32,
  factorPtrs: usize,
  factorScalars: usize,
): void {
  let i: u32 = 0;
  if (factors == 1) {
    // One factor (one infected population): f_i read once for all the intervals.
    const ptr = <usize>load<u32>(factorPtrs);
    const scalar = load<f64>(factorScalars);
    for (; i + 2 <= n; i += 2) {
      const o = <usize>i << 3;
      const f = ptr == 0 ? f64x2.splat(scalar) : v128.load(ptr + o);
      let total = f64x2.add(f64x2.splat(0.0), f64x2.mul(f64x2.splat(load<f64>(exposures)), f));
      for (let p: u32 = 1; p < intervals; p++) {
        const e = f64x2.splat(load<f64>(exposures + (<usize>p << 3)));
        total = f64x2.add(total, f64x2.add(f64x2.splat(0.0), f64x2.mul(e, f)));
      }
      v128.store(out + o, intervals == 0 ? f64x2.splat(0.0) : total);
    }
  }
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    let total = f64x2.splat(0.0);
    for (let p: u32 = 0; p < intervals; p++) {
      const row = exposures + (<usize>(p * factors) << 3);
      let dose = f64x2.add(f64x2.splat(0.0), f64x2.mul(f64x2.splat(load<f64>(row)), pairOf(factorPtrs, factorScalars, 0, o)));
      for (let k: u32 = 1; k < factors; k++) {
        const e = f64x2.splat(load<f64>(row + (<usize>k << 3)));
        dose = f64x2.add(dose, f64x2.mul(e, pairOf(factorPtrs, factorScalars, k, o)));
      }
      total = p == 0 ? dose : f64x2.add(total, dose);
    }
    v128.store(out + o, total);
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    let total: f64 = 0.0;
    for (let p: u32 = 0; p < intervals; p++) {
      const row = exposures + (<usize>(p * factors) << 3);
      let dose = 0.0 + load<f64>(row) * valueOf(factorPtrs, factorScalars, 0, o);
      for (let k: u32 = 1; k < factors; k++) {
        dose = dose + load<f64>(row + (<usize>k << 3)) * valueOf(factorPtrs, factorScalars, k, o);
      }
      total = p == 0 ? dose : total + dose;
    }
    store<f64>(out + o, total);
  }

}
