/**
 * The parts of the `/virus/report` results the calculator shows (see
 * docs in `src/server/openapi.ts` and the API contract), and the CSV export of them.
 *
 * @module
 */

/** One exposure group's results. */
export interface GroupResults {
  readonly prob_inf: number;
  readonly prob_inf_sd: number;
  readonly prob_hist_count: readonly number[];
  readonly prob_hist_bins: readonly number[];
  readonly expected_new_cases: number;
  readonly exposed_presence_intervals: readonly (readonly [number, number])[];
  /** Virus concentration, virions/m³, one per report time. */
  readonly concentrations: readonly number[];
  /** Cumulative inhaled dose, virions, one per interval between report times. */
  readonly cumulative_doses: readonly number[];
  readonly prob_probabilistic_exposure?: number;
  readonly long_range_prob?: number;
  readonly long_range_expected_new_cases?: number;
  readonly short_range_interactions?: readonly {
    expiration: string;
    presence_interval: readonly (readonly [number, number])[];
  }[];
  readonly concentrations_zoomed?: readonly number[];
  readonly long_range_cumulative_doses?: readonly number[];
  readonly conditional_probability_data?: {
    viral_loads: readonly number[];
    pi_means: readonly number[];
    lower_percentiles: readonly number[];
    upper_percentiles: readonly number[];
  };
}

/** One alternative scenario (issue 16). */
export interface ScenarioResults {
  readonly probability_of_infection: number;
  readonly expected_new_cases: number;
  readonly concentrations: readonly number[];
  /** Absent for the current scenario; null without probabilistic exposure. */
  readonly prob_probabilistic_exposure?: number | null;
}

/** Where the outdoor temperatures came from (weather issue). */
export interface OutdoorTemperatureSource {
  readonly kind: "explicit" | "dataset" | "climatology";
  readonly station?: { id: string; name: string; latitude: number; longitude: number };
  readonly distance_km?: number;
  readonly source?: string;
  readonly warning?: string;
}

/** The results of `/virus/report`. */
export interface VirusResults {
  readonly seed: number;
  /** Report times, hours of the day. */
  readonly times: readonly number[];
  /** Mean CO2 concentration, ppm, one per report time. */
  readonly CO2_concentrations: readonly number[];
  readonly groups: Readonly<Record<string, GroupResults>>;
  readonly alternative_scenarios?: { stats: Readonly<Record<string, ScenarioResults>> };
  readonly alternative_viral_load?: Readonly<Record<string, number>>;
  readonly outdoor_temperature_source?: OutdoorTemperatureSource;
}

function cell(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The report's time series as CSV: one row per report time with the CO2
 * concentration, each group's concentration, long-range concentration and cumulative
 * doses (the dose up to that time; empty at the first time), and each alternative
 * scenario's concentration.
 *
 * @param results The report's results.
 * @returns The CSV text (header line first, `\n` line ends).
 */
export function reportCsv(results: VirusResults): string {
  const groups = Object.entries(results.groups);
  const scenarios = Object.entries(results.alternative_scenarios?.stats ?? {});
  const header = ["time_h", "co2_ppm"];
  const multi = groups.length > 1;
  for (const [id, g] of groups) {
    const p = multi ? `${id}_` : "";
    header.push(`${p}concentration_virions_per_m3`, `${p}cumulative_dose_virions`);
    if (g.concentrations_zoomed) {
      header.push(
        `${p}long_range_concentration_virions_per_m3`,
        `${p}long_range_cumulative_dose_virions`,
      );
    }
  }
  for (const [name] of scenarios) header.push(`scenario: ${name} concentration_virions_per_m3`);
  const lines = [header.map(cell).join(",")];
  results.times.forEach((time, i) => {
    const row: (number | string | undefined)[] = [time, results.CO2_concentrations[i]];
    for (const [, g] of groups) {
      row.push(g.concentrations[i], i === 0 ? undefined : g.cumulative_doses[i - 1]);
      if (g.concentrations_zoomed) {
        row.push(
          g.concentrations_zoomed[i],
          i === 0 ? undefined : g.long_range_cumulative_doses?.[i - 1],
        );
      }
    }
    for (const [, s] of scenarios) row.push(s.concentrations[i]);
    lines.push(row.map(cell).join(","));
  });
  return lines.join("\n") + "\n";
}
