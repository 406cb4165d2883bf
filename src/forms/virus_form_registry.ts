/**
 * The registry data that the virus form is validated against.
 *
 * @module
 */
import type { VirusName } from "../registry/defaults.ts";

/**
 * The parts of a `DataRegistry` that the form depends on; any `DataRegistry` (e.g. from
 * `loadRegistry`) fits.
 */
export interface VirusFormRegistry {
  /** Activity presets: their keys are the allowed values of `activity_type`. */
  readonly populationScenarioActivity: Readonly<Record<string, unknown>>;
  /** Virus data. */
  readonly virologicalData: {
    /** Per variant. */
    readonly virusDistributions: Readonly<
      Record<VirusName, {
        /** Days an infected person is contagious (probabilistic exposure check). */
        readonly infectiousnessDays: number;
      }>
    >;
  };
}
