/**
 * The physics of CAiMIRA (reference: `calculator/models/models.py`, CAiMIRA 4.19.0).
 *
 * ## Contracts (the same for every file in this folder)
 * - Every numeric model parameter is a {@link Vec}: one number for all Monte Carlo
 *   samples, or a Float64Array with one value per sample. All arrays of one model have
 *   the same length N (the reference's contract).
 * - Model objects are immutable plain objects (`readonly` fields, discriminated unions
 *   with a `kind` field where a concept has variants); behaviour lives in pure functions
 *   named for what they compute (`airExchange(ventilation, room, timeH)`), never in
 *   classes or global state.
 * - Units follow the reference: time in hours since midnight (`…H` suffix when it helps),
 *   lengths in m, volumes in m³, flows in m³/h, rates in h⁻¹, temperatures in K, humidity
 *   and efficiencies as fractions 0–1, diameters in µm, concentrations in virions/m³
 *   (CO2 in ppm). Each exported field and function documents its unit.
 * - Each physical formula names its source (paper and DOI, or the reference symbol).
 * - Bad arguments throw `TypeError`/`RangeError` with "expected … but found …".
 *
 * @module
 */
export * from "./activity.ts";
export * from "./cases.ts";
export * from "./co2_data_model.ts";
export * from "./concentration.ts";
export * from "./expiration.ts";
export * from "./exposure.ts";
export * from "./exposure_curves.ts";
export * from "./evaluation_cache.ts";
export * from "./interval.ts";
export * from "./mask.ts";
export * from "./monte_carlo_data.ts";
export * from "./particle.ts";
export * from "./piecewise_constant.ts";
export * from "./population.ts";
export * from "./room.ts";
export * from "./sampling.ts";
export * from "./short_range.ts";
export type { Vec } from "./vec.ts";
// The request and result of `ConcentrationEvaluator.batch`.
export type { TimelineRequest, TimelineResult } from "./timeline.ts";
export * from "./ventilation.ts";
export * from "./virus.ts";
