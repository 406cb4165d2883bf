/**
 * The room: its air volume, temperature and humidity (reference `Room` in `models.py`).
 *
 * @module
 */
import type { Vec } from "./vec.ts";
import { type PiecewiseConstant, piecewiseConstant } from "./piecewise_constant.ts";

/** An enclosed space whose air is shared by its occupants. */
export interface Room {
  /** Air volume, m³ (scalar or per sample). */
  readonly volume: Vec;
  /** Air temperature inside over the day, K. */
  readonly insideTemp: PiecewiseConstant;
  /** Relative humidity, fraction 0–1 (0.5 is 50 %). */
  readonly humidity: Vec;
  /** Design limit on the number of occupants (people), when known. */
  readonly capacity?: number | undefined;
}

/** Options of {@link createRoom}. */
export interface RoomOptions {
  /** Air volume, m³ (scalar or per sample). */
  volume: Vec;
  /**
   * Air temperature inside over the day, K.
   *
   * @default {@link DEFAULT_INSIDE_TEMP} (293 K all day)
   */
  insideTemp?: PiecewiseConstant;
  /**
   * Relative humidity, fraction 0–1.
   *
   * @default {0.5}
   */
  humidity?: Vec;
  /**
   * Design limit on the number of occupants (people).
   *
   * @default {undefined}
   */
  capacity?: number;
}

/** The reference's default inside temperature: 293 K from 0 h to 24 h (`Room.inside_temp`). */
export const DEFAULT_INSIDE_TEMP: PiecewiseConstant = piecewiseConstant([0, 24], [293]);

/** The reference's default relative humidity, fraction (`Room.humidity`). */
export const DEFAULT_HUMIDITY = 0.5;

/**
 * A room with the reference's defaults for what is not given.
 *
 * @param options Volume (required), inside temperature, humidity and capacity.
 * @returns The room.
 * @example Usage
 * ```ts
 * import { createRoom } from "./room.ts";
 * const office = createRoom({ volume: 75 });
 * if (office.humidity !== 0.5) throw new Error("bad");
 * ```
 */
export function createRoom(options: RoomOptions): Room {
  return {
    volume: options.volume,
    insideTemp: options.insideTemp ?? DEFAULT_INSIDE_TEMP,
    humidity: options.humidity ?? DEFAULT_HUMIDITY,
    capacity: options.capacity,
  };
}
