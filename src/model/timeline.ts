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
import { timelinePass } from "../kernel/timeline_pass.ts";
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
  /** Weights of the samples in the sums, one sum per weight and time (default [1]). */
  readonly weights?: readonly Vec[];
  /** Intervals [start, stop] (h) to integrate the normalised concentration over, per sample. */
  readonly intervals?: readonly (readonly [number, number])[];
  /** Times at which to sum weight × (integral of the normalised concentration from 0 h), h. */
  readonly integralTimes?: readonly number[];
  /** Weights of the samples in the integral sums (default none). */
  readonly integralWeights?: readonly Vec[];
}

/** Results of one pass. */
export interface TimelineResult {
  /** For each weight: Σ_i weight_i C_i(t) at each requested time. */
  readonly sums: Float64Array[];
  /** Per-sample integral over each requested interval (a number when nothing is per sample). */
  readonly integrals: Vec[];
  /** For each integral weight: Σ_i weight_i ∫₀ᵗ C_i at each integral time. */
  readonly integralSums: Float64Array[];
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
  const weights = request.weights ?? [1];
  const intervals = request.intervals ?? [];
  const integralTimes = [...new Set(request.integralTimes ?? [])].sort((a, b) => a - b);
  const integralWeights = request.integralWeights ?? [];
  // Events: state changes, probe times and interval ends, in time order (a state change
  // before probes at the same time, so probes see the value reached at it).
  const endpoints = [...new Set(intervals.flat())].sort((a, b) => a - b);
  type Event = { t: number; state: boolean; probe: number; column: number; sum: number };
  const events: Event[] = inputs.stateTimes.map((t) => ({
    t,
    state: true,
    probe: 0,
    column: 0,
    sum: 0,
  }));
  times.forEach((t, p) => events.push({ t, state: false, probe: p + 1, column: 0, sum: 0 }));
  endpoints.forEach((t, c) => events.push({ t, state: false, probe: 0, column: c + 1, sum: 0 }));
  if (integralWeights.length > 0) {
    integralTimes.forEach((t, k) =>
      events.push({ t, state: false, probe: 0, column: 0, sum: k + 1 })
    );
  }
  events.sort((a, b) => a.t - b.t || Number(b.state) - Number(a.state));
  if (times.length >= 0x7fff || endpoints.length >= 0xffff) {
    throw new RangeError(`expected fewer than 32767 probe times but found ${times.length}`);
  }
  const n = sampleCount(inputs.dep, inputs.background, ...weights, ...integralWeights);
  const e = events.length;
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
  const pass = timelinePass(kernel, {
    n,
    removalRate: inputs.dep,
    background: inputs.background,
    weights,
    integralWeights,
    eventTimes: events.map((ev) => ev.t),
    stepIndex,
    stepLengths,
    baseGrowth: events.map((_, k) => Math.exp(-baseValues[k] * stepLengths[stepIndex[k]])),
    baseIntegral: events.map((_, k) => -Math.expm1(-baseValues[k] * stepLengths[stepIndex[k]])),
    baseRate: baseValues,
    peopleOverVolume: paramTimes.map((t) => inputs.peopleOverVolumeAt(t)),
    flags: events.map((ev) => (ev.state ? STATE : 0) | (ev.probe << 1) | (ev.column << 16)),
    integralFlags: events.map((ev) => ev.sum),
    firstPresence: inputs.firstPresence,
    probeCount: times.length,
    integralTimeCount: integralTimes.length,
    endpointCount: endpoints.length,
    spans: intervals.map(([a, b]) => [endpoints.indexOf(a), endpoints.indexOf(b)] as const),
  });
  return {
    sums: pass.sums,
    integrals: pass.spanIntegrals,
    integralSums: pass.integralSums,
  };
}
