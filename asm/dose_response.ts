// The exponential dose-response over a column: the probability of infection (%) of a
// dose expressed in units of ID63.
//
// see: Henriques et al. (2022), doi:10.1101/2021.10.14.21264988 (P = 1 − e^(−dose/ID63));
//      the reference's `ExposureModel.infection_probability`. e^x rounded as glibc's exp.

import { expOf, expOf2, HostFma, SoftFma, useHostFma } from "./libm";

/** (1, 1) and (100, 100), read from memory (V8 rebuilds a `v128.const` at each use in a loop). */
const ONE_HUNDRED: usize = memory.data<f64>([1.0, 1.0, 100.0, 100.0], 16);

/** In place over `p` (n f64): x → (1 − e^(−x)) · 100. */
export function infection_percent(p: usize, n: u32): void {
  let i: u32 = 0;
  if (useHostFma()) {
    for (; i + 2 <= n; i += 2) {
      const at = p + (<usize>i << 3);
      const e = expOf2(f64x2.neg(v128.load(at)));
      v128.store(at, f64x2.mul(f64x2.sub(v128.load(ONE_HUNDRED), e), v128.load(ONE_HUNDRED, 16)));
    }
    for (; i < n; i++) {
      const at = p + (<usize>i << 3);
      store<f64>(at, (1.0 - expOf<HostFma>(-load<f64>(at))) * 100.0);
    }
    return;
  }
  for (; i < n; i++) {
    const at = p + (<usize>i << 3);
    store<f64>(at, (1.0 - expOf<SoftFma>(-load<f64>(at))) * 100.0);
  }
}
