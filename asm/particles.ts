// Per-sample particle physics over a column of diameters.
//
// see: W. C. Hinds, Aerosol Technology (Wiley, 1999), pp. 233–259 (ICRP deposition
//      fraction) and Henriques et al. (2022), doi:10.1101/2021.10.14.21264988; the
//      reference's `Particle.fraction_deposited`, `Mask.exhale_efficiency` and
//      `Expiration.aerosols`. Same expressions and order as src/model/particle.ts,
//      mask.ts and expiration.ts (their scalar twins).

/** `out` (n f64): deposited fraction for diameters `d` (n f64, µm) after evaporation. */
export function fraction_deposited(out: usize, d: usize, n: u32, evaporation: f64): void {
  for (let i: u32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const x = load<f64>(d + o) * evaporation;
    const inhalable = 1.0 - 0.5 * (1.0 - (1.0 / (1.0 + (0.00076 * Math.pow(x, 2.8)))));
    const lx = Math.log(x);
    store<f64>(
      out + o,
      inhalable * (0.0587 + (0.911 / (1.0 + Math.exp(4.77 + 1.485 * lx))) +
        (0.943 / (1.0 + Math.exp(0.508 - 2.58 * lx)))),
    );
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
    store<f64>(out + o, cn * (((Math.PI * Math.pow(x, 3.0)) / 6.0) * (1.0 - e)) * 1e-12);
  }
}
