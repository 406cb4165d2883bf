/**
 * Ventilation: how fast the air of a room is replaced or filtered, as an air-exchange
 * rate in h⁻¹ (reference: `_VentilationBase` and its subclasses in `models.py`).
 *
 * Every kind is a plain object with a `kind` field; {@link airExchange} gives its rate
 * at a time and {@link ventilationTransitionTimes} the times at which that rate may
 * change. Between two such times the rate is constant.
 *
 * @module
 */
import { add, div, map1, map2, mul, sub, type Vec } from "./vec.ts";
import { type Interval, transitionTimes, triggered } from "./interval.ts";
import { type PiecewiseConstant, valueAt } from "./piecewise_constant.ts";
import type { Room } from "./room.ts";
import { DEG_PER_RAD, S_PER_H } from "../units.ts";
import { unreachable } from "../exhaustive.ts";

/** Fields shared by the window kinds (reference `WindowOpening`). */
export interface WindowOpeningBase {
  /** When the window is open. */
  readonly active: Interval;
  /** Air temperature outside the window over the day, K. */
  readonly outsideTemp: PiecewiseConstant;
  /** Height of the window, m. */
  readonly windowHeight: Vec;
  /** Length of the gap of the open window, m. */
  readonly openingLength: Vec;
  /** Number of identical windows. */
  readonly numberOfWindows: number;
  /** Smallest inside-minus-outside temperature difference used in the flow, K. */
  readonly minDeltaT: number;
}

/** A sliding or side-hung window (hinge vertical); reference `SlidingWindow`. */
export interface SlidingWindow extends WindowOpeningBase {
  /** Discriminant. */
  readonly kind: "sliding-window";
  /** Discharge coefficient Cd, fraction 0–1 of the opening that exchanges air. */
  readonly dischargeCoefficient: Vec;
}

/** A top- or bottom-hung window (hinge horizontal); reference `HingedWindow`. */
export interface HingedWindow extends WindowOpeningBase {
  /** Discriminant. */
  readonly kind: "hinged-window";
  /** Width of the window, m (its discharge coefficient depends on width / height). */
  readonly windowWidth: Vec;
}

/** A window driven by buoyancy (inside-outside temperature difference). */
export type WindowOpening = SlidingWindow | HingedWindow;

/** A portable HEPA air cleaner; reference `HEPAFilter`. */
export interface HepaFilter {
  /** Discriminant. */
  readonly kind: "hepa-filter";
  /** When the filter runs. */
  readonly active: Interval;
  /** Clean-air flow rate while running, m³/h. */
  readonly qAirMech: Vec;
}

/** Mechanical ventilation given as a supply flow; reference `HVACMechanical`. */
export interface HvacMechanical {
  /** Discriminant. */
  readonly kind: "hvac-mechanical";
  /** When the system runs. */
  readonly active: Interval;
  /** Air flow rate while running, m³/h. */
  readonly qAirMech: Vec;
}

/** Ventilation given directly as air changes per hour; reference `AirChange`. */
export interface AirChange {
  /** Discriminant. */
  readonly kind: "air-change";
  /** When the ventilation runs. */
  readonly active: Interval;
  /** Air-exchange rate while running, h⁻¹ (independent of the room volume). */
  readonly airExch: Vec;
}

/**
 * An air-exchange rate given over the day (e.g. fitted to CO2 data); reference
 * `CustomVentilation`.
 */
export interface CustomVentilation {
  /** Discriminant. */
  readonly kind: "custom";
  /** Air-exchange rate over the day, h⁻¹. */
  readonly ventilationValue: PiecewiseConstant;
}

/** Several ventilations at once; their rates add up. Reference `MultipleVentilation`. */
export interface MultipleVentilation {
  /** Discriminant. */
  readonly kind: "multiple";
  /** The parts. */
  readonly ventilations: readonly Ventilation[];
}

/** Any way of exchanging a room's air. */
export type Ventilation =
  | SlidingWindow
  | HingedWindow
  | HepaFilter
  | HvacMechanical
  | AirChange
  | CustomVentilation
  | MultipleVentilation;

/**
 * Measured mean discharge coefficient of sliding and side-hung windows (reference
 * `DataRegistry.ventilation.natural.discharge_factor.sliding`).
 */
export const SLIDING_WINDOW_DISCHARGE_COEFFICIENT = 0.6;

/**
 * Default smallest inside-minus-outside temperature difference, K (reference
 * `WindowOpening.min_deltaT`).
 */
export const DEFAULT_MIN_DELTA_T = 0.1;

/** Options shared by {@link slidingWindow} and {@link hingedWindow}. */
export interface WindowOpeningOptions {
  /** When the window is open. */
  active: Interval;
  /** Air temperature outside over the day, K. */
  outsideTemp: PiecewiseConstant;
  /** Height of the window, m. */
  windowHeight: Vec;
  /** Length of the gap of the open window, m. */
  openingLength: Vec;
  /**
   * Number of identical windows.
   *
   * @default {1}
   */
  numberOfWindows?: number;
  /**
   * Smallest inside-minus-outside temperature difference, K.
   *
   * @default {0.1}
   */
  minDeltaT?: number;
}

/** Options of {@link slidingWindow}. */
export interface SlidingWindowOptions extends WindowOpeningOptions {
  /**
   * Discharge coefficient, fraction 0–1 (the registry may supply another value).
   *
   * @default {0.6}
   */
  dischargeCoefficient?: Vec;
}

/** Options of {@link hingedWindow}. */
export interface HingedWindowOptions extends WindowOpeningOptions {
  /** Width of the window, m. */
  windowWidth: Vec;
}

/**
 * A sliding window with the reference's defaults for what is not given.
 *
 * @param options Opening times, outside temperature and window geometry.
 * @returns The window.
 * @example Usage
 * ```ts
 * import { slidingWindow } from "./ventilation.ts";
 * import { specificInterval } from "./interval.ts";
 * import { piecewiseConstant } from "./piecewise_constant.ts";
 * const w = slidingWindow({
 *   active: specificInterval([[0, 24]]),
 *   outsideTemp: piecewiseConstant([0, 24], [283]),
 *   windowHeight: 1.6,
 *   openingLength: 0.6,
 * });
 * if (w.dischargeCoefficient !== 0.6) throw new Error("bad");
 * ```
 */
export function slidingWindow(options: SlidingWindowOptions): SlidingWindow {
  return {
    kind: "sliding-window",
    ...windowFields(options),
    dischargeCoefficient: options.dischargeCoefficient ?? SLIDING_WINDOW_DISCHARGE_COEFFICIENT,
  };
}

/**
 * A hinged window with the reference's defaults for what is not given.
 *
 * @param options Opening times, outside temperature and window geometry (width included).
 * @returns The window.
 */
export function hingedWindow(options: HingedWindowOptions): HingedWindow {
  return { kind: "hinged-window", ...windowFields(options), windowWidth: options.windowWidth };
}

function windowFields(options: WindowOpeningOptions): WindowOpeningBase {
  return {
    active: options.active,
    outsideTemp: options.outsideTemp,
    windowHeight: options.windowHeight,
    openingLength: options.openingLength,
    numberOfWindows: options.numberOfWindows ?? 1,
    minDeltaT: options.minDeltaT ?? DEFAULT_MIN_DELTA_T,
  };
}

/**
 * A HEPA filter.
 *
 * @param active When it runs.
 * @param qAirMech Clean-air flow rate, m³/h.
 * @returns The ventilation.
 */
export function hepaFilter(active: Interval, qAirMech: Vec): HepaFilter {
  return { kind: "hepa-filter", active, qAirMech };
}

/**
 * Mechanical ventilation with a given air flow.
 *
 * @param active When it runs.
 * @param qAirMech Air flow rate, m³/h.
 * @returns The ventilation.
 */
export function hvacMechanical(active: Interval, qAirMech: Vec): HvacMechanical {
  return { kind: "hvac-mechanical", active, qAirMech };
}

/**
 * Ventilation with a given number of air changes per hour.
 *
 * @param active When it runs.
 * @param airExch Air-exchange rate, h⁻¹.
 * @returns The ventilation.
 */
export function airChange(active: Interval, airExch: Vec): AirChange {
  return { kind: "air-change", active, airExch };
}

/**
 * Ventilation whose rate is given over the day.
 *
 * @param ventilationValue Air-exchange rate over the day, h⁻¹.
 * @returns The ventilation.
 */
export function customVentilation(ventilationValue: PiecewiseConstant): CustomVentilation {
  return { kind: "custom", ventilationValue };
}

/**
 * Several ventilations acting together.
 *
 * @param ventilations The parts; their rates add up.
 * @returns The ventilation.
 */
export function multipleVentilation(ventilations: readonly Ventilation[]): MultipleVentilation {
  return { kind: "multiple", ventilations: [...ventilations] };
}

/**
 * The discharge coefficient of a window: the stored value for a sliding window,
 * {@link hingedDischargeCoefficient} for a hinged one.
 *
 * @param window The window.
 * @returns Discharge coefficient Cd, fraction 0–1.
 */
export function dischargeCoefficient(window: WindowOpening): Vec {
  return window.kind === "sliding-window"
    ? window.dischargeCoefficient
    : hingedDischargeCoefficient(
      window.windowWidth,
      window.windowHeight,
      window.openingLength,
    );
}

/**
 * Discharge coefficient of a top- or bottom-hung window, for want of manufacturer data:
 * `Cd = Cd_max · (1 − exp(−M · α))`, where `α = 2 · asin(L / (2H))` is the opening
 * angle in degrees and `(M, Cd_max)` depend on the ratio width / height:
 * below 0.5 → (0.06, 0.612); [0.5, 1) → (0.048, 0.589); [1, 2) → (0.04, 0.563);
 * 2 or more → (0.038, 0.548).
 *
 * Unit: fraction 0–1. Source: the UK government's spreadsheet calculator (R. Daniels,
 * C. Wright, B. Jones, 2018), see BB101 Section 8.3 and ESFA Output Specification
 * Annex 2F Section 11.3; reference `HingedWindow.discharge_coefficient`.
 *
 * @param windowWidth Width W of the window, m.
 * @param windowHeight Height H of the window, m.
 * @param openingLength Length L of the opening gap, m.
 * @returns Discharge coefficient (scalar when all inputs are scalars).
 */
export function hingedDischargeCoefficient(
  windowWidth: Vec,
  windowHeight: Vec,
  openingLength: Vec,
): Vec {
  const ratio = div(windowWidth, windowHeight);
  const angleDeg = map2(
    openingLength,
    windowHeight,
    (length, height) => 2 * (Math.asin(length / (2 * height)) * DEG_PER_RAD),
  );
  return map2(ratio, angleDeg, (r, angle) => {
    const [m, cdMax] = hingedCoefficients(r);
    return cdMax * (1 - Math.exp(-m * angle));
  });
}

/** `(M, Cd_max)` for a width / height ratio (NaN for a NaN ratio). */
function hingedCoefficients(ratio: number): readonly [number, number] {
  if (ratio < 0.5) return [0.06, 0.612];
  if (ratio < 1) return [0.048, 0.589];
  if (ratio < 2) return [0.04, 0.563];
  if (ratio >= 2) return [0.038, 0.548];
  return [NaN, NaN];
}

/** Standard gravity as the reference writes it, m/s². */
const GRAVITY = 9.81;

/**
 * The divisor 3 of single-sided buoyancy-driven ventilation: the flow through an
 * opening of area A is Cd · A / 3 · √(g · H · ΔT / T_out).
 */
const SINGLE_SIDED_DIVISOR = 3;

/**
 * Air-exchange rate through an open window, driven by the temperature difference:
 * `(3600 / (3 V)) · Cd · A · √(g · H · ΔT / T_out)`, with `A = H · L · n` the open area
 * of the n windows, `ΔT = T_in − T_out`, and `T_in` raised to at least
 * `T_out + minDeltaT` (the flow for an inverted gradient is not modelled). 0 while the
 * window is closed.
 *
 * Unit: h⁻¹. Source: A. Henriques et al., CERN-OPEN-2021-004,
 * doi:10.17181/CERN.1GDQ.5Y75; reference `WindowOpening.air_exchange`.
 */
function windowAirExchange(window: WindowOpening, room: Room, timeH: number): Vec {
  if (!triggered(window.active, timeH)) return 0;
  const outsideTemp = valueAt(window.outsideTemp, timeH);
  const insideTemp = map2(
    valueAt(room.insideTemp, timeH),
    add(outsideTemp, window.minDeltaT),
    Math.max, // NaN-propagating, like numpy's maximum
  );
  const gradient = div(sub(insideTemp, outsideTemp), outsideTemp);
  const root = map1(mul(mul(GRAVITY, window.windowHeight), gradient), Math.sqrt);
  const area = mul(mul(window.windowHeight, window.openingLength), window.numberOfWindows);
  const perVolume = div(S_PER_H, mul(SINGLE_SIDED_DIVISOR, room.volume));
  return mul(mul(mul(perVolume, dischargeCoefficient(window)), area), root);
}

/**
 * The air-exchange rate of a ventilation in a room at a time.
 *
 * - windows: the buoyancy-driven flow of `windowAirExchange` (source: CERN-OPEN-2021-004,
 *   doi:10.17181/CERN.1GDQ.5Y75), 0 while closed;
 * - HEPA filter and HVAC: `qAirMech / V` while running, else 0;
 * - air change: `airExch` while running, else 0;
 * - custom: its value at `timeH`;
 * - multiple: the sum of the parts, added in order.
 *
 * The rate does not vary between two of {@link ventilationTransitionTimes}.
 *
 * @param ventilation The ventilation.
 * @param room The room (its volume, m³, and inside temperature, K).
 * @param timeH Time, h since midnight.
 * @returns Air-exchange rate, h⁻¹ (scalar or per sample).
 * @throws {RangeError} When parts of a multiple ventilation have different sample counts.
 * @example Usage
 * ```ts
 * import { airExchange, hepaFilter } from "./ventilation.ts";
 * import { specificInterval } from "./interval.ts";
 * import { createRoom } from "./room.ts";
 * const hepa = hepaFilter(specificInterval([[8, 17]]), 500);
 * if (airExchange(hepa, createRoom({ volume: 50 }), 9) !== 10) throw new Error("bad");
 * ```
 */
export function airExchange(ventilation: Ventilation, room: Room, timeH: number): Vec {
  switch (ventilation.kind) {
    case "sliding-window":
    case "hinged-window":
      return windowAirExchange(ventilation, room, timeH);
    case "hepa-filter":
    case "hvac-mechanical":
      return triggered(ventilation.active, timeH) ? div(ventilation.qAirMech, room.volume) : 0;
    case "air-change":
      return triggered(ventilation.active, timeH) ? ventilation.airExch : 0;
    case "custom":
      return valueAt(ventilation.ventilationValue, timeH);
    case "multiple": {
      const [first, ...rest] = ventilation.ventilations;
      if (first === undefined) return 0;
      let total = airExchange(first, room, timeH);
      for (const part of rest) total = add(total, airExchange(part, room, timeH));
      return total;
    }
    default:
      return unreachable(ventilation, "ventilation");
  }
}

/**
 * The times at which the air-exchange rate may change: the opening and closing times
 * of the active interval, plus, for windows, the transition times of the inside and
 * outside temperatures; for a custom ventilation its transition times; for a multiple
 * one those of all parts.
 *
 * @param ventilation The ventilation.
 * @param room The room (its inside temperature matters for windows).
 * @returns Sorted unique times, h.
 */
export function ventilationTransitionTimes(ventilation: Ventilation, room: Room): number[] {
  const times = new Set<number>();
  collectTransitionTimes(ventilation, room, times);
  return Array.from(times).sort((a, b) => a - b);
}

function collectTransitionTimes(ventilation: Ventilation, room: Room, into: Set<number>): void {
  const addAll = (times: readonly number[]) => times.forEach((t) => into.add(t));
  switch (ventilation.kind) {
    case "sliding-window":
    case "hinged-window":
      addAll(transitionTimes(ventilation.active));
      addAll(room.insideTemp.transitionTimes);
      addAll(ventilation.outsideTemp.transitionTimes);
      return;
    case "hepa-filter":
    case "hvac-mechanical":
    case "air-change":
      addAll(transitionTimes(ventilation.active));
      return;
    case "custom":
      addAll(ventilation.ventilationValue.transitionTimes);
      return;
    case "multiple":
      for (const part of ventilation.ventilations) collectTransitionTimes(part, room, into);
      return;
    default:
      return unreachable(ventilation, "ventilation");
  }
}
