// The long-range concentration timeline of every Monte Carlo sample in one pass.
//
// see: CERN-OPEN-2021-004 (doi:10.17181/CERN.1GDQ.5Y75) and the reference's
//      `_ConcentrationModelBase`: between state changes the normalised concentration
//      relaxes towards C∞ = (people / V) / λ + background with rate λ:
//      C(t) = C∞ (1 − e^{−λΔt}) + C(t₀) e^{−λΔt}, and its integral from t₀ is
//      C∞ Δt + (C∞ − C(t₀)) (e^{−λΔt} − 1) / λ. Before the first presence the
//      concentration is the background. λ = dep_i + base (per-sample part + scalar part).
//
// Memory layout (byte offsets; f64 columns of n values, 8-byte aligned):
//   dep, bgn, weight: n f64 each, or 0 to use the scalar argument for every sample
//   events: e f64 times (h), ascending; the first event is the state change at 0 h
//   base, peopleOverV: e f64: scalar removal-rate part (h⁻¹) and people / volume (m⁻³)
//     of the state segment that ends at or contains each event time
//   flags: e u32: bit 0 = state change; bits 1.. = (probe index + 1) for the weighted
//     concentration sum, in the low 15 bits after the shift; bits 16.. = (integral
//     column + 1)
//   concSum: probes f64 (accumulated: Σ_i weight_i · C_i(t)), zeroed by the caller
//   intOut: columns × n f64: cumulative normalised integral from 0 h at the event

// @ts-ignore: decorator
@inline function col(ptr: usize, scalar: f64, i: u32): f64 {
  return ptr == 0 ? scalar : load<f64>(ptr + (<usize>i << 3));
}

/** Evaluates the timeline of every sample; see the layout above. */
export function timeline_pass(
  n: u32,
  dep: usize,
  depScalar: f64,
  bgn: usize,
  bgnScalar: f64,
  weight: usize,
  weightScalar: f64,
  e: u32,
  events: usize,
  base: usize,
  peopleOverV: usize,
  flags: usize,
  firstPresence: f64,
  concSum: usize,
  intOut: usize,
): void {
  for (let i: u32 = 0; i < n; i++) {
    const d = col(dep, depScalar, i);
    const b = col(bgn, bgnScalar, i);
    const w = col(weight, weightScalar, i);
    let tState: f64 = 0.0;
    let cState: f64 = b;
    let iState: f64 = 0.0;
    for (let k: u32 = 0; k < e; k++) {
      const o = <usize>k << 3;
      const t = load<f64>(events + o);
      const dt = t - tState;
      let c: f64;
      let integral: f64;
      if (t <= firstPresence) {
        c = b;
        integral = iState + b * dt;
      } else {
        const rr = d + load<f64>(base + o);
        const pov = load<f64>(peopleOverV + o);
        const f = Math.exp(-rr * dt);
        if (rr == 0.0) {
          c = dt * pov + cState;
          integral = NaN;
        } else {
          const limit = pov / rr + b;
          c = limit * (1.0 - f) + cState * f;
          integral = iState + (limit * dt + (limit - cState) * (f - 1.0) / rr);
        }
      }
      const flag = load<u32>(flags + (<usize>k << 2));
      if ((flag & 1) != 0) {
        tState = t;
        cState = c;
        iState = integral;
      }
      const probe = (flag >> 1) & 0x7fff;
      if (probe != 0) {
        const p = concSum + (<usize>(probe - 1) << 3);
        store<f64>(p, load<f64>(p) + w * c);
      }
      const column = flag >> 16;
      if (column != 0) {
        store<f64>(intOut + ((<usize>(column - 1) * <usize>n + <usize>i) << 3), integral);
      }
    }
  }
}
