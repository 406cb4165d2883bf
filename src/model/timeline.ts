/**
 * One pass over the concentration timeline of every Monte Carlo sample in the kernel
 * (asm/timeline.ts): the weighted sum over samples of the normalised concentration at
 * chosen times, and per-sample integrals of the normalised concentration over chosen
 * intervals.
 *
 * It applies when the removal rate is a per-sample part plus a scalar part that
 * changes only at state changes (the reference requires this whenever the particle
 * diameter is sampled) and the room volume is one number.
 *
 * @module
 */
import type { Kernel } from "../kernel/kernel.ts";
import { sampleCount, type Vec } from "./vec.ts";

/** Inputs of {@link timelineBatch}. */
export interface TimelineInputs {
  /** Per-sample part of the removal rate, h⁻¹. */
  readonly dep: Vec;
  /** Normalised background concentration. */
  readonly background: Vec;
  /** Sorted state-change times, h (the first is 0). */
  readonly stateTimes: readonly number[];
  /** Scalar removal-rate part of the segment ending at or containing a time, h⁻¹. */
  readonly baseAt: (timeH: number) => number;
  /** People present divided by the room volume in the segment of a time, m⁻³. */
  readonly peopleOverVolumeAt: (timeH: number) => number;
  /** First presence of the emitters, h. */
  readonly firstPresence: number;
}

/** What to compute in one pass. */
export interface TimelineRequest {
  /** Times at which to sum weight × normalised concentration over the samples, h. */
  readonly times?: readonly number[];
  /** Weight of each sample in the sums (default 1). */
  readonly weight?: Vec;
  /** Intervals [start, stop] (h) to integrate the normalised concentration over. */
  readonly intervals?: readonly (readonly [number, number])[];
}

/** Results of one pass. */
export interface TimelineResult {
  /** Σ_i weight_i C_i(t) for each requested time. */
  readonly sums: Float64Array;
  /** Per-sample integral over each requested interval (a number when nothing is per sample). */
  readonly integrals: Vec[];
}

const STATE = 1;

/**
 * Runs the kernel pass.
 *
 * @param kernel Kernel instance to run in (its scratch memory is released afterwards).
 * @param inputs The model's timeline.
 * @param request Probe times and intervals.
 * @returns Sums at the times and integrals over the intervals.
 */
export function timelineBatch(
  kernel: Kernel,
  inputs: TimelineInputs,
  request: TimelineRequest,
): TimelineResult {
  const times = request.times ?? [];
  const intervals = request.intervals ?? [];
  // Events: state changes, probe times and interval ends, in time order (a state change
  // before probes at the same time, so probes see the value reached at it).
  const endpoints = [...new Set(intervals.flat())].sort((a, b) => a - b);
  type Event = { t: number; state: boolean; probe: number; column: number };
  const events: Event[] = inputs.stateTimes.map((t) => ({ t, state: true, probe: 0, column: 0 }));
  times.forEach((t, p) => events.push({ t, state: false, probe: p + 1, column: 0 }));
  endpoints.forEach((t, c) => events.push({ t, state: false, probe: 0, column: c + 1 }));
  events.sort((a, b) => a.t - b.t || Number(b.state) - Number(a.state));
  if (times.length >= 0x7fff || endpoints.length >= 0xffff) {
    throw new RangeError(`expected fewer than 32767 probe times but found ${times.length}`);
  }
  const n = sampleCount(inputs.dep, inputs.background, request.weight ?? 0);
  const e = events.length;
  return kernel.scope(() => {
    const column = (v: Vec | undefined): [number, number] => {
      if (v === undefined) return [0, 1];
      if (typeof v === "number") return [0, v];
      return [kernel.put(v), 0];
    };
    const [dep, depScalar] = column(inputs.dep);
    const [bgn, bgnScalar] = column(inputs.background);
    const [weight, weightScalar] = column(request.weight);
    const evTimes = kernel.put(events.map((ev) => ev.t));
    // The segment parameters of an event: the segment ending at (a state change) or
    // holding (a probe) its time; a probe at a state-change time comes after the state
    // event, so it opens the next segment (its own value is the state's either way).
    const stateTimes = inputs.stateTimes;
    const paramTimes = events.map((ev) => {
      if (ev.state) return ev.t;
      const next = stateTimes.find((t) => t > ev.t);
      return stateTimes.includes(ev.t) ? (next === undefined ? ev.t + 1 : (ev.t + next) / 2) : ev.t;
    });
    const baseValues = paramTimes.map((t) => inputs.baseAt(t));
    const base = kernel.put(baseValues);
    // Distinct step lengths (equal within 1e-13 h share one per-sample factor).
    const stepKeys = new Map<number, number>();
    const stepLengths: number[] = [];
    const stepIndex = new Uint32Array(e);
    events.forEach((ev, k) => {
      const delta = k === 0 ? ev.t : ev.t - events[k - 1].t;
      const key = Math.round(delta * 1e13);
      let index = stepKeys.get(key);
      if (index === undefined) {
        index = stepLengths.length;
        stepKeys.set(key, index);
        stepLengths.push(delta);
      }
      stepIndex[k] = index;
    });
    const step = kernel.alloc(e * 4);
    kernel.u32(step, e).set(stepIndex);
    const steps = kernel.put(stepLengths);
    const gb = kernel.put(
      events.map((_, k) => Math.exp(-baseValues[k] * stepLengths[stepIndex[k]])),
    );
    const hb = kernel.put(
      events.map((_, k) => -Math.expm1(-baseValues[k] * stepLengths[stepIndex[k]])),
    );
    const scratch = kernel.alloc(4 * stepLengths.length * 8);
    const pov = kernel.put(paramTimes.map((t) => inputs.peopleOverVolumeAt(t)));
    const flags = kernel.alloc(e * 4);
    kernel.u32(flags, e).set(
      events.map((ev) => (ev.state ? STATE : 0) | (ev.probe << 1) | (ev.column << 16)),
    );
    const sums = kernel.alloc(times.length * 8);
    kernel.f64(sums, times.length).fill(0);
    const cumulative = kernel.alloc(endpoints.length * n * 8);
    kernel.exports.timeline_pass(
      n,
      dep,
      depScalar,
      bgn,
      bgnScalar,
      weight,
      weightScalar,
      e,
      evTimes,
      step,
      steps,
      stepLengths.length,
      gb,
      hb,
      base,
      pov,
      flags,
      inputs.firstPresence,
      scratch,
      sums,
      cumulative,
    );
    const at = (t: number) => kernel.f64(cumulative + endpoints.indexOf(t) * n * 8, n);
    const scalar = typeof inputs.dep === "number" && typeof inputs.background === "number";
    const integrals = intervals.map(([a, b]): Vec => {
      const ia = at(a);
      const ib = at(b);
      if (scalar) return ib[0] - ia[0];
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = ib[i] - ia[i];
      return out;
    });
    return { sums: kernel.f64(sums, times.length).slice(), integrals };
  });
}
