/**
 * CAiMIRA in TypeScript: the airborne-infection risk model of CERN's CAiMIRA
 * (virus concentration in a room, long- and short-range exposure, Monte Carlo
 * uncertainty, infection probability, CO2 model), with its vectorised loops in a
 * WebAssembly kernel and a random stream that reproduces the reference's seeded runs.
 *
 * This release provides the numpy-compatible generator, the reference's sampleable
 * distributions, its default parameters and the physics model (concentration,
 * short- and long-range exposure, infection probability) with Monte Carlo builders.
 *
 * @example Usage
 * ```ts
 * import { createRng, generateSamples, uniformDistribution } from "./mod.ts";
 *
 * const rng = createRng(0);
 * const infectiousDose = generateSamples(uniformDistribution(10, 100), rng, 250_000);
 * console.log(infectiousDose[0]); // 59.393215353459226, as numpy.random.seed(0) gives
 * ```
 *
 * @module
 */

// Monte Carlo: seeded generator, distributions, BLO model
export * from "./src/montecarlo/mod.ts";

// Physics: rooms, ventilation, populations, concentration, exposure, Monte Carlo builders
export * from "./src/model/mod.ts";

// Default parameters (the reference's DataRegistry) and overrides
export * from "./src/registry/mod.ts";

// Forms: the /virus/report form, parsed and validated
export * from "./src/forms/mod.ts";

// Report: the virus report data (the reference's /virus/report results)
export * from "./src/report/mod.ts";

// Weather: stations, nearest station, time zones, outdoor temperature profiles
export * from "./src/weather/mod.ts";

// Kernel: the WebAssembly instance behind the numerics
export * from "./src/kernel/mod.ts";

// Package metadata
export { VERSION } from "./src/version.ts";
