// Per-sample particle physics over a column of diameters.
//
// see: W. C. Hinds, Aerosol Technology (Wiley, 1999), pp. 233–259 (ICRP deposition
//      fraction) and Henriques et al. (2022), doi:10.1101/2021.10.14.21264988; the
//      reference's `Particle.fraction_deposited`, `Mask.exhale_efficiency` and
//      `Expiration.aerosols`. Same expressions and order as src/model/particle.ts,
//      mask.ts and expiration.ts (their scalar twins).

import { expOf, expOf2, HostFma, logOf, logOf2, SoftFma, useHostFma } from "./libm";
import { LOGS_OFFSET, scratchAt } from "./scratch";

/**
 * `out` (n f64): deposited fraction for diameters `d` (n f64, µm) after evaporation.
 * x^2.8 is computed as e^(2.8 ln x) (within a few ulps of `pow`), reusing ln x, with the
 * kernel's glibc-rounded exp and log, two samples at a time with the host FMA.
 */
export function fraction_deposited(out: usize, d: usize, n: u32, evaporation: f64): void {
  if (useHostFma()) fractionDepositedPairs(out, d, n, evaporation);
  else {
    for (let i: u32 = 0; i < n; i++) {
      const o = <usize>i << 3;
      store<f64>(out + o, fractionDepositedOf<SoftFma>(load<f64>(d + o) * evaporation));
    }
  }
}

/** The deposited fraction of one evaporated diameter x (µm). */
// @ts-ignore: decorator
@inline function fractionDepositedOf<M>(x: f64): f64 {
  const lx = logOf<M>(x);
  const inhalable = 1.0 - 0.5 * (1.0 - (1.0 / (1.0 + (0.00076 * expOf<M>(2.8 * lx)))));
  return inhalable * (0.0587 + (0.911 / (1.0 + expOf<M>(4.77 + 1.485 * lx))) +
    (0.943 / (1.0 + expOf<M>(0.508 - 2.58 * lx))));
}

/**
 * The constants of `fractionDepositedOf`, each in two lanes, read from linear memory (V8
 * rebuilds a `v128.const` at every use inside a loop; a constant-address load is one
 * instruction): 1, 0.5, 0.00076, 2.8, 4.77, 1.485, 0.508, 2.58, 0.0587, 0.911, 0.943.
 */
const DEPOSITION_CONSTANTS: usize = memory.data<f64>([
  1.0, 1.0, 0.5, 0.5, 0.00076, 0.00076, 2.8, 2.8, 4.77, 4.77, 1.485, 1.485,
  0.508, 0.508, 2.58, 2.58, 0.0587, 0.0587, 0.911, 0.911, 0.943, 0.943,
], 16);

/** Constant `k` of `DEPOSITION_CONSTANTS` in both lanes. */
// @ts-ignore: decorator
@inline function c2(k: usize): v128 {
  return v128.load(DEPOSITION_CONSTANTS + (k << 4));
}

/** Samples per chunk of `fractionDepositedPairs` (their logarithms go to the scratch block). */
const LOG_CHUNK: u32 = 256;

/** As `fractionDepositedOf<HostFma>`, two samples at a time (the same operations per lane). */
function fractionDepositedPairs(out: usize, d: usize, n: u32, evaporation: f64): void {
  let i: u32 = 0;
  const evaporations = f64x2.splat(evaporation);
  const logs = scratchAt(LOGS_OFFSET);
  while (i + 2 <= n) {
    // By chunks: the logarithms first, then the rest (shorter independent iterations,
    // which the processor overlaps better than one long chain).
    const start = i;
    const end = min<u32>(n & ~1, start + LOG_CHUNK);
    for (let j = start; j < end; j += 2) {
      const x = f64x2.mul(v128.load(d + (<usize>j << 3)), evaporations);
      v128.store(logs + (<usize>(j - start) << 3), logOf2(x));
    }
    for (; i < end; i += 2) {
      const o = <usize>i << 3;
      const one = c2(0);
      const lx = v128.load(logs + (<usize>(i - start) << 3));
      const power = expOf2(f64x2.mul(c2(3), lx));
      const e1 = expOf2(f64x2.add(c2(4), f64x2.mul(c2(5), lx)));
      const e2 = expOf2(f64x2.sub(c2(6), f64x2.mul(c2(7), lx)));
      const inhalable = f64x2.sub(
        one,
        f64x2.mul(c2(1), f64x2.sub(one, f64x2.div(one, f64x2.add(one, f64x2.mul(c2(2), power))))),
      );
      const sum = f64x2.add(
        f64x2.add(c2(8), f64x2.div(c2(9), f64x2.add(one, e1))),
        f64x2.div(c2(10), f64x2.add(one, e2)),
      );
      v128.store(out + o, f64x2.mul(inhalable, sum));
    }
  }
  if (i < n) {
    const o = <usize>i << 3;
    store<f64>(out + o, fractionDepositedOf<HostFma>(load<f64>(d + o) * evaporation));
  }
}

/**
 * `out` (n f64): aerosol volume per exhaled volume, cn · (π d³ / 6) · (1 − η) · 1e-12
 * (mL/cm³), with η the mask's exhale efficiency: the column `eta` (n f64) when not 0,
 * else `etaScalar` when `fitted` is 0, else the diameter-dependent fit times `factor`.
 */
export function aerosol_volume(
  out: usize,
  d: usize,
  n: u32,
  cn: f64,
  eta: usize,
  etaScalar: f64,
  fitted: u32,
  factor: f64,
): void {
  for (let i: u32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const x = load<f64>(d + o);
    let e: f64;
    if (eta != 0) e = load<f64>(eta + o);
    else if (fitted == 0) e = etaScalar;
    else {
      let fit: f64;
      if (x < 0.5) fit = 0.0;
      else if (x < 0.94614) fit = 0.5893 * x + 0.1546;
      else if (x < 3.0) fit = 0.0509 * x + 0.664;
      else fit = 0.8167;
      e = fit * factor;
    }
    // x³ as x · x · x (within two ulps of pow(x, 3), at a tenth of its cost).
    store<f64>(out + o, cn * (((Math.PI * (x * x * x)) / 6.0) * (1.0 - e)) * 1e-12);
  }
}

/** The two-lane constants of `deposition_rate`: 2.5, 1.88e-4 (m/s), 3600 (s/h), 1.5 (m). */
const DEPOSITION_RATE_CONSTANTS: usize = memory.data<f64>(
  [2.5, 2.5, 1.88e-4, 1.88e-4, 3600.0, 3600.0, 1.5, 1.5],
  16,
);

/**
 * `out` (n f64): removal rate by deposition (h⁻¹) for diameters `d` (n f64, µm) after
 * evaporation: settling velocity 1.88e-4 · (d · f / 2.5)² m/s × 3600 s/h / 1.5 m, the
 * operations and order of src/model/concentration.ts, two samples at a time.
 */
export function deposition_rate(out: usize, d: usize, n: u32, evaporation: f64): void {
  const c = DEPOSITION_RATE_CONSTANTS;
  const f = f64x2.splat(evaporation);
  const quarterDiameter = v128.load(c);
  const velocity = v128.load(c, 16);
  const perHour = v128.load(c, 32);
  const height = v128.load(c, 48);
  let i: u32 = 0;
  for (; i + 2 <= n; i += 2) {
    const o = <usize>i << 3;
    const scaled = f64x2.div(f64x2.mul(v128.load(d + o), f), quarterDiameter);
    const v = f64x2.mul(velocity, f64x2.mul(scaled, scaled));
    v128.store(out + o, f64x2.div(f64x2.mul(v, perHour), height));
  }
  for (; i < n; i++) {
    const o = <usize>i << 3;
    const scaled = load<f64>(d + o) * evaporation / 2.5;
    store<f64>(out + o, (1.88e-4 * (scaled * scaled) * 3600.0) / 1.5);
  }
}

/**
 * `out` (n f64): the emission rate per aerosol per person when present, ((viral load ×
 * exhalation rate) × (viable-to-RNA ratio × (1 − immunity))) × `factor`, the operations
 * and order of src/model/population.ts. Each input is n f64 at its pointer with stride 1,
 * or one value repeated with stride 0.
 */
export function emission_per_aerosol(
  out: usize,
  n: u32,
  load_: usize,
  loadStride: u32,
  exhalation: usize,
  exhalationStride: u32,
  ratio: usize,
  ratioStride: u32,
  immunity: usize,
  immunityStride: u32,
  factor: f64,
): void {
  for (let i: u32 = 0; i < n; i++) {
    const v = load<f64>(load_ + (<usize>(i * loadStride) << 3));
    const q = load<f64>(exhalation + (<usize>(i * exhalationStride) << 3));
    const r = load<f64>(ratio + (<usize>(i * ratioStride) << 3));
    const im = load<f64>(immunity + (<usize>(i * immunityStride) << 3));
    store<f64>(out + (<usize>i << 3), ((v * q) * (r * (1.0 - im))) * factor);
  }
}
