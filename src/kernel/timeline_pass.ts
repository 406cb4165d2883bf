/**
 * The kernel's timeline pass (asm/timeline.ts) as a typed operation: the long-range
 * normalised concentration of every sample followed through a list of events (state
 * changes, probe times, interval ends), with weighted sums over the samples at the probes
 * and per-sample integrals. src/model/timeline.ts builds the events from a model.
 *
 * @module
 */
import { takeColumn } from "./column_arena.ts";
import type { ColumnOrScalar } from "./columns.ts";
import type { Kernel } from "./kernel.ts";

const F64_BYTES = Float64Array.BYTES_PER_ELEMENT;
const U32_BYTES = Uint32Array.BYTES_PER_ELEMENT;

/** The inputs of {@link timelinePass}, one entry per event where a list is per event. */
export interface TimelinePassInputs {
  /** Number of samples. */
  readonly n: number;
  /** Per-sample part of the removal rate, h⁻¹. */
  readonly removalRate: ColumnOrScalar;
  /** Normalised background concentration. */
  readonly background: ColumnOrScalar;
  /** Weights of the probe sums. */
  readonly weights: readonly ColumnOrScalar[];
  /** Weights of the integral sums. */
  readonly integralWeights: readonly ColumnOrScalar[];
  /** Time of each event, h, increasing. */
  readonly eventTimes: readonly number[];
  /** Index into `stepLengths` of the step ending at each event. */
  readonly stepIndex: Uint32Array;
  /** The distinct step lengths, h. */
  readonly stepLengths: readonly number[];
  /** e^(−base · step) of each event's step. */
  readonly baseGrowth: readonly number[];
  /** 1 − e^(−base · step) of each event's step. */
  readonly baseIntegral: readonly number[];
  /** Scalar part of the removal rate of each event's segment, h⁻¹. */
  readonly baseRate: readonly number[];
  /** People present over the room volume in each event's segment, m⁻³. */
  readonly peopleOverVolume: readonly number[];
  /**
   * Per event: bit 0 a state change, bits 1–15 the probe (1-based, 0 none), bits 16–31
   * the interval end (1-based index into the endpoints, 0 none).
   */
  readonly flags: readonly number[];
  /** Per event: the integral time (1-based, 0 none). */
  readonly integralFlags: readonly number[];
  /** First presence of the emitters, h. */
  readonly firstPresence: number;
  /** Number of probe times. */
  readonly probeCount: number;
  /** Number of integral times. */
  readonly integralTimeCount: number;
  /** Number of interval endpoints. */
  readonly endpointCount: number;
  /** Intervals as [start, stop] endpoint indices: the per-sample integral over each. */
  readonly spans: readonly (readonly [number, number])[];
}

/** The results of {@link timelinePass}. */
export interface TimelinePassResult {
  /** For each weight: Σ_i w_i C_i at each probe. */
  readonly sums: Float64Array[];
  /**
   * For each span: ∫ C_i over it, per sample (n values), or one number when the removal
   * rate and the background are (then every sample has the same concentration).
   */
  readonly spanIntegrals: ColumnOrScalar[];
  /** For each integral weight: Σ_i w_i ∫₀ᵗ C_i at each integral time. */
  readonly integralSums: Float64Array[];
}

/**
 * Runs the timeline pass (asm/timeline.ts) in `kernel`.
 *
 * @param kernel The kernel (its scratch memory is released afterwards).
 * @param inputs The events and columns.
 * @returns The probe sums, span integrals and integral sums.
 */
export function timelinePass(kernel: Kernel, inputs: TimelinePassInputs): TimelinePassResult {
  const { n, weights, integralWeights, probeCount, integralTimeCount, endpointCount } = inputs;
  const e = inputs.eventTimes.length;
  return kernel.scope(() => {
    const column = (v: ColumnOrScalar): [number, number] =>
      typeof v === "number" ? [0, v] : [kernel.put(v), 0];
    const u32s = (values: ArrayLike<number>): number => {
      const ptr = kernel.alloc(Math.max(values.length, 1) * U32_BYTES);
      kernel.u32(ptr, values.length).set(values);
      return ptr;
    };
    const list = (vs: readonly ColumnOrScalar[]): [number, number] => {
      const pairs = vs.map(column);
      return [u32s(pairs.map(([p]) => p)), kernel.put(pairs.map(([, v]) => v))];
    };
    const zeros = (count: number): number => {
      const ptr = kernel.alloc(count * F64_BYTES);
      kernel.f64(ptr, count).fill(0);
      return ptr;
    };
    const [dep, depScalar] = column(inputs.removalRate);
    const [bgn, bgnScalar] = column(inputs.background);
    const [weightPtrs, weightScalars] = list(weights);
    const [intWeightPtrs, intWeightScalars] = list(integralWeights);
    const steps = inputs.stepLengths.length;
    const scratch = kernel.alloc(
      (4 * steps + 2 * weights.length + 2 * integralWeights.length) * F64_BYTES,
    );
    const sums = zeros(probeCount * weights.length);
    const intSums = zeros(integralTimeCount * integralWeights.length);
    const cumulative = kernel.alloc(endpointCount * n * F64_BYTES);
    kernel.exports.timeline_pass(
      n,
      dep,
      depScalar,
      bgn,
      bgnScalar,
      weights.length,
      weightPtrs,
      weightScalars,
      integralWeights.length,
      intWeightPtrs,
      intWeightScalars,
      e,
      kernel.put(inputs.eventTimes),
      u32s(inputs.stepIndex),
      kernel.put(inputs.stepLengths),
      steps,
      kernel.put(inputs.baseGrowth),
      kernel.put(inputs.baseIntegral),
      kernel.put(inputs.baseRate),
      kernel.put(inputs.peopleOverVolume),
      u32s(inputs.flags),
      u32s(inputs.integralFlags),
      inputs.firstPresence,
      scratch,
      sums,
      cumulative,
      intSums,
    );
    const at = (endpoint: number) => kernel.f64(cumulative + endpoint * n * F64_BYTES, n);
    const scalar = typeof inputs.removalRate === "number" &&
      typeof inputs.background === "number";
    const spanIntegrals = inputs.spans.map(([a, b]): ColumnOrScalar => {
      const ia = at(a);
      const ib = at(b);
      if (scalar) return ib[0] - ia[0];
      const out = takeColumn(n);
      for (let i = 0; i < n; i++) out[i] = ib[i] - ia[i];
      return out;
    });
    const byWeight = (ptr: number, rows: number, columns: number) => {
      const all = kernel.f64(ptr, rows * columns);
      const out: Float64Array[] = [];
      for (let w = 0; w < columns; w++) {
        const c = new Float64Array(rows);
        for (let r = 0; r < rows; r++) c[r] = all[r * columns + w];
        out.push(c);
      }
      return out;
    };
    return {
      sums: byWeight(sums, probeCount, weights.length),
      spanIntegrals,
      integralSums: byWeight(intSums, integralTimeCount, integralWeights.length),
    };
  });
}
