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

/**
 * The dose in units of ID63 of sample i: ((dose · times) / per) · (1 − immunity) /
 * ((1/ln 2 · ID50) · transmissibility), immunity and ID50 from a column (`Im`, `Id` =
 * u8) or one value (u16).
 */
// @ts-ignore: decorator
@inline function unitsOf2<Im, Id>(
  dose: usize,
  o: usize,
  times: v128,
  per: v128,
  im: usize,
  ims: v128,
  id: usize,
  ids: v128,
  oneOverLn2: v128,
  transmissibility: v128,
): v128 {
  const immunity = sizeof<Im>() == 1 ? v128.load(im + o) : ims;
  const id50 = sizeof<Id>() == 1 ? v128.load(id + o) : ids;
  const d = f64x2.mul(
    f64x2.div(f64x2.mul(v128.load(dose + o), times), per),
    f64x2.sub(v128.load(ONE_HUNDRED), immunity),
  );
  return f64x2.div(d, f64x2.mul(f64x2.mul(oneOverLn2, id50), transmissibility));
}

/** The same for one sample. */
// @ts-ignore: decorator
@inline function unitsOf<Im, Id>(
  dose: usize,
  o: usize,
  times: f64,
  per: f64,
  im: usize,
  sim: f64,
  id: usize,
  sid: f64,
  oneOverLn2: f64,
  transmissibility: f64,
): f64 {
  const immunity = sizeof<Im>() == 1 ? load<f64>(im + o) : sim;
  const id50 = sizeof<Id>() == 1 ? load<f64>(id + o) : sid;
  const d = (load<f64>(dose + o) * times / per) * (1.0 - immunity);
  return d / (oneOverLn2 * id50 * transmissibility);
}

// @ts-ignore: decorator
@inline function percentOfDose<Im, Id>(
  out: usize,
  dose: usize,
  n: u32,
  times: f64,
  per: f64,
  im: usize,
  sim: f64,
  id: usize,
  sid: f64,
  oneOverLn2: f64,
  transmissibility: f64,
): void {
  let i: u32 = 0;
  if (useHostFma()) {
    const t = f64x2.splat(times);
    const p = f64x2.splat(per);
    const ims = f64x2.splat(sim);
    const ids = f64x2.splat(sid);
    const l = f64x2.splat(oneOverLn2);
    const tr = f64x2.splat(transmissibility);
    for (; i + 2 <= n; i += 2) {
      const o = <usize>i << 3;
      const x = unitsOf2<Im, Id>(dose, o, t, p, im, ims, id, ids, l, tr);
      const e = expOf2(f64x2.neg(x));
      v128.store(out + o, f64x2.mul(f64x2.sub(v128.load(ONE_HUNDRED), e), v128.load(ONE_HUNDRED, 16)));
    }
    for (; i < n; i++) {
      const o = <usize>i << 3;
      const x = unitsOf<Im, Id>(dose, o, times, per, im, sim, id, sid, oneOverLn2, transmissibility);
      store<f64>(out + o, (1.0 - expOf<HostFma>(-x)) * 100.0);
    }
    return;
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    const x = unitsOf<Im, Id>(dose, o, times, per, im, sim, id, sid, oneOverLn2, transmissibility);
    store<f64>(out + o, (1.0 - expOf<SoftFma>(-x)) * 100.0);
  }
}

/**
 * out[i] = (1 − e^(−x)) · 100 (%) of the n doses at `dose` (virions, f64), with x the
 * dose in units of ID63: ((dose · times) / per) · (1 − immunity) / ((oneOverLn2 · ID50) ·
 * transmissibility); immunity and ID50 per sample at `im`, `id`, or, where the pointer
 * is 0, the one value `sim`, `sid`. `out` may be `dose`.
 */
export function infection_percent_of_dose(
  out: usize,
  dose: usize,
  n: u32,
  times: f64,
  per: f64,
  im: usize,
  sim: f64,
  id: usize,
  sid: f64,
  oneOverLn2: f64,
  transmissibility: f64,
): void {
  if (im != 0 && id != 0) {
    percentOfDose<u8, u8>(out, dose, n, times, per, im, sim, id, sid, oneOverLn2, transmissibility);
  } else if (im != 0) {
    percentOfDose<u8, u16>(out, dose, n, times, per, im, sim, id, sid, oneOverLn2, transmissibility);
  } else if (id != 0) {
    percentOfDose<u16, u8>(out, dose, n, times, per, im, sim, id, sid, oneOverLn2, transmissibility);
  } else {
    percentOfDose<u16, u16>(out, dose, n, times, per, im, sim, id, sid, oneOverLn2, transmissibility);
  }
}
