/**
 * The errors of the weather module that callers are expected to catch.
 *
 * @module
 */

/**
 * No weather dataset could be read: none was configured, a file is missing or
 * unreadable (no read permission, HTTP error). The message names what was tried and
 * how to provide a dataset.
 *
 * @example Usage
 * ```ts
 * import { loadWeatherDataset, WeatherDataUnavailableError } from "./mod.ts";
 * try {
 *   await loadWeatherDataset({ env: () => undefined });
 * } catch (e) {
 *   if (!(e instanceof WeatherDataUnavailableError)) throw e;
 * }
 * ```
 */
export class WeatherDataUnavailableError extends Error {
  /**
   * Creates the error.
   *
   * @param message What is missing and how to provide it, in sentence case.
   * @param options Standard error options (`cause`: the underlying I/O error) and the
   *   reason without advice.
   */
  constructor(message: string, options?: WeatherDataUnavailableOptions) {
    super(message, options);
    this.name = "WeatherDataUnavailableError";
    this.reason = options?.reason ?? message;
  }

  /**
   * What went wrong, without the advice on how to provide the data (e.g. `expected
   * weather data at /srv/w/x.txt but found no such file`): for callers that give their
   * own advice, such as the server's start-up error.
   */
  readonly reason: string;
}

/** Options of {@link WeatherDataUnavailableError}. */
export interface WeatherDataUnavailableOptions extends ErrorOptions {
  /**
   * What went wrong, without advice.
   *
   * @default {the message}
   */
  readonly reason?: string;
}

/**
 * The nearest weather station has no usable hourly temperatures for the requested
 * month: the month is absent from the dataset or some of its 24 values are missing
 * (NaN). The reference crashes (absent month) or silently mixes °C and K (NaN month);
 * we refuse instead.
 *
 * @example Usage
 * ```ts
 * import { createWeatherDataset, MissingTemperaturesError, outsideTemperature } from "./mod.ts";
 * const dataset = createWeatherDataset(
 *   [{ id: "067000-99999", name: "GENEVA COINTRIN", latitude: 46.238, longitude: 6.109 }],
 *   { "067000-99999": { "1": Array(24).fill(0) } },
 * );
 * try {
 *   outsideTemperature(dataset, { latitude: 46.2, longitude: 6.1, month: 7, year: 2025 });
 * } catch (e) {
 *   if (!(e instanceof MissingTemperaturesError) || e.month !== 7) throw e;
 * }
 * ```
 */
export class MissingTemperaturesError extends Error {
  /** The station's identifier (e.g. `067000-99999`). */
  readonly stationId: string;
  /** The month, 1 (January) to 12 (December). */
  readonly month: number;

  /**
   * Creates the error.
   *
   * @param stationId The station's identifier.
   * @param month The month, 1 to 12.
   * @param found What the dataset holds instead, e.g. `no data for that month`.
   */
  constructor(stationId: string, month: number, found: string) {
    super(
      `expected 24 hourly temperatures for station ${stationId} in month ${month} but found ${found}`,
    );
    this.name = "MissingTemperaturesError";
    this.stationId = stationId;
    this.month = month;
  }
}
