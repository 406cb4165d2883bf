// The long-range concentration timeline of every Monte Carlo sample in one pass.
//
// see: CERN-OPEN-2021-004 (doi:10.17181/CERN.1GDQ.5Y75) and the reference's
//      `_ConcentrationModelBase`: between state changes the normalised concentration
//      relaxes towards C∞ = (people / V) / λ + background with rate λ:
//      C(t) = C∞ (1 − F) + C(t₀) F and ∫ C = C∞ τ − (C∞ − C(t₀)) (1 − F) / λ, where
//      τ = t − t₀ and F = e^{−λτ}. Before the first presence the concentration is the
//      background. λ = dep_i + base (a per-sample part and a scalar part of the segment).
//
// Speed: F is carried from event to event as a product of step factors
// e^{−λδ} = e^{−dep_i δ} · e^{−base δ}. The per-sample factors e^{−dep_i δ} and
// 1 − e^{−dep_i δ} (expm1, accurate for small steps) are computed once per sample for
// each distinct step length δ; the scalar factors are given per event. 1 − F is carried
// as its own sum, (1 − F g) = (1 − F) + F (1 − g), so it never cancels.
//
// Memory layout (byte offsets; f64 columns of n values, 8-byte aligned):
//   dep, bgn, weight: n f64 each, or 0 to use the scalar argument for every sample
//   events: e f64 times (h), ascending; the first event is the state change at 0 h
//   step: e u32, index into `steps` of the step from the previous event (h)
//   steps: d f64 distinct step lengths, h
//   gb, hb: e f64: e^{−base δ} and 1 − e^{−base δ} of each event's step
//   base, peopleOverV: e f64: scalar removal-rate part (h⁻¹) and people / volume (m⁻³)
//     of the state segment that ends at or contains each event time
//   flags: e u32: bit 0 = state change; bits 1..15 = probe index + 1 (weighted
//     concentration sum); bits 16.. = integral column + 1
//   scratch: 2 d f64
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
  step: usize,
  steps: usize,
  d: u32,
  gb: usize,
  hb: usize,
  base: usize,
  peopleOverV: usize,
  flags: usize,
  firstPresence: f64,
  scratch: usize,
  concSum: usize,
  intOut: usize,
): void {
  const hd = scratch + (<usize>d << 3);
  for (let i: u32 = 0; i < n; i++) {
    const r = col(dep, depScalar, i);
    const b = col(bgn, bgnScalar, i);
    const w = col(weight, weightScalar, i);
    for (let k: u32 = 0; k < d; k++) {
      const x = -r * load<f64>(steps + (<usize>k << 3));
      store<f64>(scratch + (<usize>k << 3), Math.exp(x));
      store<f64>(hd + (<usize>k << 3), -Math.expm1(x));
    }
    let tState: f64 = 0.0;
    let cState: f64 = b;
    let iState: f64 = 0.0;
    let f: f64 = 1.0;
    let g: f64 = 0.0;
    let segmentReady = false;
    let rr: f64 = 0.0;
    let inverse: f64 = 0.0;
    let limit: f64 = 0.0;
    let pov: f64 = 0.0;
    for (let k: u32 = 0; k < e; k++) {
      const o = <usize>k << 3;
      const t = load<f64>(events + o);
      const tau = t - tState;
      let c: f64;
      let integral: f64;
      if (t <= firstPresence) {
        c = b;
        integral = iState + b * tau;
      } else {
        if (!segmentReady) {
          rr = r + load<f64>(base + o);
          pov = load<f64>(peopleOverV + o);
          inverse = 1.0 / rr;
          limit = pov * inverse + b;
          segmentReady = true;
        }
        const s = <usize>load<u32>(step + (<usize>k << 2)) << 3;
        const gs = load<f64>(scratch + s);
        g = g + f * (load<f64>(hd + s) + gs * load<f64>(hb + o));
        f = f * (gs * load<f64>(gb + o));
        if (rr == 0.0) {
          c = tau * pov + cState;
          integral = NaN;
        } else {
          c = limit * g + cState * f;
          integral = iState + (limit * tau - (limit - cState) * g * inverse);
        }
      }
      const flag = load<u32>(flags + (<usize>k << 2));
      if ((flag & 1) != 0) {
        tState = t;
        cState = c;
        iState = integral;
        f = 1.0;
        g = 0.0;
        segmentReady = false;
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
