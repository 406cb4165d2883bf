/**
 * CAiMIRA in TypeScript: CERN's airborne-infection risk model (CAiMIRA 4.19.0) for Deno.
 * From a room, its ventilation, the people in it and what they do, it computes the virus
 * report (concentration of infectious virions over time, short- and long-range
 * exposure, probability of infection and expected new cases, with Monte Carlo
 * uncertainty from a seeded numpy-compatible generator, so a seeded report equals the
 * reference's) and the CO2 report (ventilation transition times fitted to measured
 * CO2). It runs as a library (this module) or as a REST server (`deno task serve`).
 *
 * Start here: {@link virusReport} and {@link co2Report} take the forms of the
 * reference's web calculator. The subpaths hold the rest:
 *
 * - `./model`: rooms, ventilation, populations, concentration and exposure models
 * - `./montecarlo`: the generator, sampleable distributions, the BLO model
 * - `./forms`: parsing, validation and model building from the forms
 * - `./report`: the report data, plots and the CO2 fit
 * - `./registry`: default parameters and overrides
 * - `./weather`: weather stations and outdoor temperatures
 * - `./server`: the REST server
 *
 * @example Usage
 * ```ts
 * import { virusReport } from "./mod.ts";
 *
 * const report = virusReport({
 *   simulation_name: "Office",
 *   room_number: "123",
 *   calculator_version: "N/A",
 *   location_name: "Geneva",
 *   inside_temp: "293.",
 *   room_volume: "75",
 *   volume_type: "room_volume_explicit",
 *   total_people: "10",
 *   infected_people: "1",
 *   ventilation_type: "no_ventilation",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 * }, { seed: 0, sampleSize: 2000 });
 * console.log(report.groups);
 * ```
 *
 * @module
 */

// Reports: the virus report and the CO2 report (the reference's /virus/report, /co2/report)
export {
  co2Report,
  co2TransitionTimes,
  MAX_SAMPLE_SIZE,
  REPORT_CHUNK_SIZE,
  virusReport,
  virusReportFromForm,
} from "./src/report/mod.ts";
export type {
  Co2Report,
  Co2ReportOptions,
  Co2TransitionTimes,
  GroupReport,
  SampleArrays,
  VirusReport,
  VirusReportOptions,
} from "./src/report/mod.ts";

// Forms: the two forms, parsed and validated
export { FormError, parseCo2Form, parseVirusForm } from "./src/forms/mod.ts";
export type { Co2Form, FormIssue, VirusForm } from "./src/forms/mod.ts";

// Default parameters (the reference's DataRegistry) and overrides
export { DEFAULT_REGISTRY, loadRegistry, RegistryError } from "./src/registry/mod.ts";
export type { DataRegistry } from "./src/registry/mod.ts";

// Monte Carlo: the seeded generator and distributions
export {
  createRng,
  customDistribution,
  customKernelDistribution,
  generateSamples,
  logNormalDistribution,
  normalDistribution,
  uniformDistribution,
} from "./src/montecarlo/mod.ts";
export type { Distribution, Rng } from "./src/montecarlo/mod.ts";

// Weather: stations and outdoor temperatures (for natural ventilation)
export { createWeatherDataset, loadWeatherDataset } from "./src/weather/mod.ts";
export type { WeatherDataset } from "./src/weather/mod.ts";

// Package metadata
export { VERSION } from "./src/version.ts";
