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
// e^{−λδ} = e^{−dep_i δ} · e^{−base δ}. The per-sample factors 1 − e^{−dep_i δ} (expm1,
// accurate for small steps) and e^{−dep_i δ} = 1 + expm1 are computed once per sample
// for each distinct step length δ; the scalar factors are given per event. 1 − F is
// carried as its own sum, (1 − F g) = (1 − F) + F (1 − g), so it never cancels. Two
// samples run side by side in f64x2 lanes with the scalar path's exact operations.
//
// Memory layout (byte offsets; f64 columns of n values, 8-byte aligned):
//   dep, bgn: n f64 each, or 0 to use the scalar argument for every sample
//   weightPtrs, weightScalars: nw u32 column pointers (0: use the scalar) and nw f64
//     scalars, the weights of the concentration sums; intWeight*: the same (niw) for
//     the weighted integral sums
//   events: e f64 times (h), ascending; the first event is the state change at 0 h
//   step: e u32, index into `steps` of the step from the previous event (h)
//   steps: d f64 distinct step lengths, h
//   gb, hb: e f64: e^{−base δ} and 1 − e^{−base δ} of each event's step
//   base, peopleOverV: e f64: scalar removal-rate part (h⁻¹) and people / volume (m⁻³)
//     of the state segment that ends at or contains each event time
//   flags: e u32: bit 0 = state change; bits 1..15 = probe index + 1 (weighted
//     concentration sum); bits 16.. = integral column + 1
//   flags2: e u32: integral-sum index + 1 (0: none)
//   scratch: 4 d + 2 nw + 2 niw f64
//   concSum: probes × nw f64 (accumulated: Σ_i weight_i · C_i(t)), zeroed by the caller
//   intOut: columns × n f64: cumulative normalised integral from 0 h at the event
//   intSum: sums × niw f64 (accumulated: Σ_i weight_i · ∫₀ᵗ C_i), zeroed by the caller

// @ts-ignore: decorator
@inline function col(ptr: usize, scalar: f64, i: u32): f64 {
  return ptr == 0 ? scalar : load<f64>(ptr + (<usize>i << 3));
}

// The pass's shared inputs, set by `timeline_pass` (read by the per-sample loops).
let gN: u32 = 0;
let gE: u32 = 0;
let gD: u32 = 0;
let gEvents: usize = 0;
let gStep: usize = 0;
let gSteps: usize = 0;
let gGb: usize = 0;
let gHb: usize = 0;
let gBase: usize = 0;
let gPov: usize = 0;
let gFlags: usize = 0;
let gFirstPresence: f64 = 0.0;
let gScratch: usize = 0;
let gConcSum: usize = 0;
let gIntOut: usize = 0;
let gNw: u32 = 0;
let gWeightPtrs: usize = 0;
let gWeightScalars: usize = 0;
let gNiw: u32 = 0;
let gIntWeightPtrs: usize = 0;
let gIntWeightScalars: usize = 0;
let gFlags2: usize = 0;
let gIntSum: usize = 0;

/** Evaluates the timeline of every sample; see the layout above. */
export function timeline_pass(
  n: u32,
  dep: usize,
  depScalar: f64,
  bgn: usize,
  bgnScalar: f64,
  nw: u32,
  weightPtrs: usize,
  weightScalars: usize,
  niw: u32,
  intWeightPtrs: usize,
  intWeightScalars: usize,
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
  flags2: usize,
  firstPresence: f64,
  scratch: usize,
  concSum: usize,
  intOut: usize,
  intSum: usize,
): void {
  gN = n;
  gE = e;
  gD = d;
  gEvents = events;
  gStep = step;
  gSteps = steps;
  gGb = gb;
  gHb = hb;
  gBase = base;
  gPov = peopleOverV;
  gFlags = flags;
  gFirstPresence = firstPresence;
  gScratch = scratch;
  gConcSum = concSum;
  gIntOut = intOut;
  gNw = nw;
  gWeightPtrs = weightPtrs;
  gWeightScalars = weightScalars;
  gNiw = niw;
  gIntWeightPtrs = intWeightPtrs;
  gIntWeightScalars = intWeightScalars;
  gFlags2 = flags2;
  gIntSum = intSum;
  // A zero removal rate needs the scalar path (C grows linearly); it can only happen
  // where the scalar part is zero and the per-sample part is zero too.
  let zeroBase = false;
  for (let k: u32 = 0; k < e; k++) if (load<f64>(base + (<usize>k << 3)) == 0.0) zeroBase = true;
  let i: u32 = 0;
  for (; i + 1 < n; i += 2) {
    const r0 = col(dep, depScalar, i);
    const r1 = col(dep, depScalar, i + 1);
    if (zeroBase && (r0 == 0.0 || r1 == 0.0)) {
      sampleScalar(i, r0, col(bgn, bgnScalar, i));
      sampleScalar(i + 1, r1, col(bgn, bgnScalar, i + 1));
    } else {
      samplePair(i, f64x2(r0, r1), f64x2(col(bgn, bgnScalar, i), col(bgn, bgnScalar, i + 1)));
    }
  }
  for (; i < n; i++) sampleScalar(i, col(dep, depScalar, i), col(bgn, bgnScalar, i));
}

/** Loads weight `k` of a list (pointer or scalar) for sample i. */
// @ts-ignore: decorator
@inline function weightOf(ptrs: usize, scalars: usize, k: u32, i: u32): f64 {
  return col(
    <usize>load<u32>(ptrs + (<usize>k << 2)),
    load<f64>(scalars + (<usize>k << 3)),
    i,
  );
}

/** The timeline of sample i (per-sample rate part r, background b, weight w). */
function sampleScalar(i: u32, r: f64, b: f64): void {
  const d = gD;
  const scratch = gScratch;
  const hd = scratch + (<usize>d << 3);
  const ws = scratch + (<usize>d << 5);
  const iws = ws + (<usize>gNw << 4);
  for (let k: u32 = 0; k < gNw; k++) {
    store<f64>(ws + (<usize>k << 3), weightOf(gWeightPtrs, gWeightScalars, k, i));
  }
  for (let k: u32 = 0; k < gNiw; k++) {
    store<f64>(iws + (<usize>k << 3), weightOf(gIntWeightPtrs, gIntWeightScalars, k, i));
  }
  for (let k: u32 = 0; k < d; k++) {
    const em1 = Math.expm1(-r * load<f64>(gSteps + (<usize>k << 3)));
    store<f64>(scratch + (<usize>k << 3), 1.0 + em1);
    store<f64>(hd + (<usize>k << 3), -em1);
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
  for (let k: u32 = 0; k < gE; k++) {
    const o = <usize>k << 3;
    const t = load<f64>(gEvents + o);
    const tau = t - tState;
    let c: f64;
    let integral: f64;
    if (t <= gFirstPresence) {
      c = b;
      integral = iState + b * tau;
    } else {
      if (!segmentReady) {
        rr = r + load<f64>(gBase + o);
        pov = load<f64>(gPov + o);
        inverse = 1.0 / rr;
        limit = pov * inverse + b;
        segmentReady = true;
      }
      const s = <usize>load<u32>(gStep + (<usize>k << 2)) << 3;
      const gs = load<f64>(scratch + s);
      g = g + f * (load<f64>(hd + s) + gs * load<f64>(gHb + o));
      f = f * (gs * load<f64>(gGb + o));
      if (rr == 0.0) {
        c = tau * pov + cState;
        integral = NaN;
      } else {
        c = limit * g + cState * f;
        integral = iState + (limit * tau - (limit - cState) * g * inverse);
      }
    }
    const flag = load<u32>(gFlags + (<usize>k << 2));
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
      const row = gConcSum + ((<usize>(probe - 1) * <usize>gNw) << 3);
      for (let m: u32 = 0; m < gNw; m++) {
        const p = row + (<usize>m << 3);
        store<f64>(p, load<f64>(p) + load<f64>(ws + (<usize>m << 3)) * c);
      }
    }
    const column = flag >> 16;
    if (column != 0) {
      store<f64>(gIntOut + ((<usize>(column - 1) * <usize>gN + <usize>i) << 3), integral);
    }
    const sumIndex = load<u32>(gFlags2 + (<usize>k << 2));
    if (sumIndex != 0) {
      const row = gIntSum + ((<usize>(sumIndex - 1) * <usize>gNiw) << 3);
      for (let m: u32 = 0; m < gNiw; m++) {
        const p = row + (<usize>m << 3);
        store<f64>(p, load<f64>(p) + load<f64>(iws + (<usize>m << 3)) * integral);
      }
    }
  }
}

/** Stores the weights of samples i and i + 1 for each of `count` weights as f64x2 at `dst`. */
@inline function gatherPairWeights(dst: usize, ptrs: usize, scalars: usize, count: u32, i: u32): void {
  for (let k: u32 = 0; k < count; k++) {
    v128.store(
      dst + (<usize>k << 4),
      f64x2(weightOf(ptrs, scalars, k, i), weightOf(ptrs, scalars, k, i + 1)),
    );
  }
}

/**
 * The timelines of samples i and i + 1 together (two f64 lanes); the same operations in
 * the same order as `sampleScalar`, so each lane gives the same bits. Removal rates must
 * be non-zero.
 */
function samplePair(i: u32, r: v128, b: v128): void {
  const d = gD;
  const scratch = gScratch;
  const hd = scratch + (<usize>d << 4);
  const ws = scratch + (<usize>d << 5);
  const iws = ws + (<usize>gNw << 4);
  gatherPairWeights(ws, gWeightPtrs, gWeightScalars, gNw, i);
  gatherPairWeights(iws, gIntWeightPtrs, gIntWeightScalars, gNiw, i);
  for (let k: u32 = 0; k < d; k++) {
    const step = load<f64>(gSteps + (<usize>k << 3));
    const em0 = Math.expm1(-f64x2.extract_lane(r, 0) * step);
    const em1 = Math.expm1(-f64x2.extract_lane(r, 1) * step);
    v128.store(scratch + (<usize>k << 4), f64x2(1.0 + em0, 1.0 + em1));
    v128.store(hd + (<usize>k << 4), f64x2(-em0, -em1));
  }
  const one = f64x2.splat(1.0);
  let tState: f64 = 0.0;
  let cState = b;
  let iState = f64x2.splat(0.0);
  let f = one;
  let g = f64x2.splat(0.0);
  let segmentReady = false;
  let inverse = one;
  let limit = b;
  for (let k: u32 = 0; k < gE; k++) {
    const o = <usize>k << 3;
    const t = load<f64>(gEvents + o);
    const tau = t - tState;
    const tauV = f64x2.splat(tau);
    let c: v128;
    let integral: v128;
    if (t <= gFirstPresence) {
      c = b;
      integral = f64x2.add(iState, f64x2.mul(b, tauV));
    } else {
      if (!segmentReady) {
        const rr = f64x2.add(r, f64x2.splat(load<f64>(gBase + o)));
        inverse = f64x2.div(one, rr);
        limit = f64x2.add(f64x2.mul(f64x2.splat(load<f64>(gPov + o)), inverse), b);
        segmentReady = true;
      }
      const s = <usize>load<u32>(gStep + (<usize>k << 2)) << 4;
      const gs = v128.load(scratch + s);
      g = f64x2.add(g, f64x2.mul(f, f64x2.add(v128.load(hd + s), f64x2.mul(gs, f64x2.splat(load<f64>(gHb + o))))));
      f = f64x2.mul(f, f64x2.mul(gs, f64x2.splat(load<f64>(gGb + o))));
      c = f64x2.add(f64x2.mul(limit, g), f64x2.mul(cState, f));
      integral = f64x2.add(
        iState,
        f64x2.sub(f64x2.mul(limit, tauV), f64x2.mul(f64x2.mul(f64x2.sub(limit, cState), g), inverse)),
      );
    }
    const flag = load<u32>(gFlags + (<usize>k << 2));
    if ((flag & 1) != 0) {
      tState = t;
      cState = c;
      iState = integral;
      f = one;
      g = f64x2.splat(0.0);
      segmentReady = false;
    }
    const probe = (flag >> 1) & 0x7fff;
    if (probe != 0) {
      const row = gConcSum + ((<usize>(probe - 1) * <usize>gNw) << 3);
      for (let m: u32 = 0; m < gNw; m++) {
        const p = row + (<usize>m << 3);
        const wc = f64x2.mul(v128.load(ws + (<usize>m << 4)), c);
        store<f64>(p, (load<f64>(p) + f64x2.extract_lane(wc, 0)) + f64x2.extract_lane(wc, 1));
      }
    }
    const column = flag >> 16;
    if (column != 0) {
      const q = gIntOut + ((<usize>(column - 1) * <usize>gN + <usize>i) << 3);
      store<f64>(q, f64x2.extract_lane(integral, 0));
      store<f64>(q, f64x2.extract_lane(integral, 1), 8);
    }
    const sumIndex = load<u32>(gFlags2 + (<usize>k << 2));
    if (sumIndex != 0) {
      const row = gIntSum + ((<usize>(sumIndex - 1) * <usize>gNiw) << 3);
      for (let m: u32 = 0; m < gNiw; m++) {
        const p = row + (<usize>m << 3);
        const wi = f64x2.mul(v128.load(iws + (<usize>m << 4)), integral);
        store<f64>(p, (load<f64>(p) + f64x2.extract_lane(wi, 0)) + f64x2.extract_lane(wi, 1));
      }
    }
  }
}
