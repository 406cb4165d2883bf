/**
 * The viral load in sputum, RNA copies/mL, of the "COVID overall" data: a Weibull
 * distribution of log10(viral load) with shape 3.47 and scale 7.01 (Chen et al.,
 * eLife 10:e65774, 2021, doi:10.7554/eLife.65774, first line of Fig. 4 - figure
 * supplement 3), sampled by rejection under a piecewise-linear interpolation of its
 * density at 30 points between its 1 % and 99 % quantiles, bounded to 10^2-10^10
 * (reference: CAiMIRA 4.19.0 `covid_overal_vl_data`, `viral_load` and `frequencies_pdf`
 * in `monte_carlo/data.py`, parameters in the registry's `virological_data`).
 *
 * ## The table
 * The reference computes the table with scipy's `weibull_min.ppf`/`pdf` and numpy's
 * `linspace`. The abscissae can be recomputed bit for bit, but the densities cannot:
 * on the reference host numpy evaluated `pow` and `exp` with Intel SVML's AVX-512
 * routines, and 14 of the 30 densities differ by an ulp or two from any correctly
 * rounded or glibc evaluation (checked in tests/montecarlo/viral_load_test.ts). A
 * one-ulp change of the curve can flip an accept/reject decision and shift the rest of
 * the random stream, so for the reference parameters the table recorded in the
 * reference's sampling trace is used verbatim ({@link COVID_OVERALL_VL_TABLE}); other
 * parameters get a computed table.
 *
 * @module
 */
import { type CustomDistribution, customDistribution } from "./distributions.ts";
import { type InterpTable, interpTable } from "./interp.ts";
import { expC } from "../kernel/libm.ts";
import { linspace } from "./linspace.ts";

/**
 * Parameters of the Weibull viral-load model (the registry's
 * `virological_data.covid_overal_vl_data.parameters`).
 */
export interface WeibullViralLoadParams {
  /** Weibull shape c of log10(viral load) (dimensionless, > 0). Reference 3.47. */
  readonly shapeFactor: number;
  /** Weibull scale of log10(viral load), log10(copies/mL) (> 0). Reference 7.01. */
  readonly scaleFactor: number;
  /** Quantile of the first table point, in (0, 1). Reference 0.01. */
  readonly start: number;
  /** Quantile of the last table point, in (start, 1). Reference 0.99. */
  readonly stop: number;
  /** Number of table points, integer >= 2. Reference 30. */
  readonly num: number;
  /** Lower bound of log10(viral load), log10(copies/mL). Reference 2. */
  readonly minBound: number;
  /** Upper bound of log10(viral load), log10(copies/mL). Reference 10. */
  readonly maxBound: number;
  /** Density left of the table. Reference 0. */
  readonly interpolationFpLeft: number;
  /** Density right of the table. Reference 0. */
  readonly interpolationFpRight: number;
  /** Rejection envelope of the density (>= its maximum, about 0.1904). Reference 0.2. */
  readonly maxFunction: number;
}

/** The reference parameters (CAiMIRA 4.19.0 data registry). */
const REFERENCE_WEIBULL = {
  shapeFactor: 3.47,
  scaleFactor: 7.01,
  start: 0.01,
  stop: 0.99,
  num: 30,
} as const;

/**
 * The reference's interpolation table for the reference parameters: x = log10(viral
 * load in copies/mL), y = Weibull density, exactly as recorded in the reference's
 * sampling traces (`tables["interp-26305f85b9ea"]`, numpy 1.24.2 / scipy 1.10.1).
 */
export const COVID_OVERALL_VL_TABLE: InterpTable = interpTable(
  [
    1.861990880637661,
    2.173152176244816,
    2.484313471851971,
    2.795474767459126,
    3.106636063066281,
    3.417797358673436,
    3.7289586542805915,
    4.040119949887746,
    4.351281245494901,
    4.662442541102056,
    4.973603836709211,
    5.284765132316366,
    5.595926427923522,
    5.907087723530677,
    6.218249019137832,
    6.529410314744987,
    6.840571610352142,
    7.151732905959297,
    7.462894201566452,
    7.774055497173607,
    8.085216792780763,
    8.396378088387916,
    8.707539383995073,
    9.018700679602226,
    9.329861975209383,
    9.641023270816538,
    9.952184566423693,
    10.263345862030848,
    10.574507157638003,
    10.885668453245158,
  ],
  [
    0.018542474679419312,
    0.026967380457547922,
    0.037151482987404234,
    0.049040423220261455,
    0.062496947798665374,
    0.07729103066187064,
    0.09309336181503909,
    0.10947424179624195,
    0.12590983872042158,
    0.14179742507298354,
    0.1564805464820279,
    0.16928406229916157,
    0.1795576806559008,
    0.1867251122099885,
    0.19033449494054036,
    0.19010457322278373,
    0.18596055181857565,
    0.1780538571710171,
    0.16676137907637745,
    0.15266210413717676,
    0.1364921270730617,
    0.119082353233743,
    0.10128615217429815,
    0.08390613837955006,
    0.0676296421451747,
    0.05298109658115234,
    0.04029670391710028,
    0.029722930238352853,
    0.02123643251685034,
    0.01467979721595771,
  ],
  { left: 0, right: 0 },
);

/**
 * The Weibull interpolation table computed from its parameters: abscissae
 * `linspace(ppf(start), ppf(stop), num)` with ppf(q) = scale · (-ln(1 - q))^(1/c), and
 * densities pdf(x) = (c · (x/scale)^(c-1) · e^{-(x/scale)^c}) / scale, in scipy's
 * operation order (`weibull_min`). JavaScript's `log1p`/`**` and glibc's `exp` may
 * differ from the reference's in the last bit (see the module notes).
 *
 * @param params The Weibull parameters.
 * @returns The table, x in log10(copies/mL), y the density (per log10 unit).
 * @throws {RangeError} When a parameter is out of range.
 */
export function weibullViralLoadTable(params: WeibullViralLoadParams): InterpTable {
  const { shapeFactor: c, scaleFactor: scale, start, stop, num } = params;
  if (!(c > 0) || !(scale > 0) || !Number.isFinite(c) || !Number.isFinite(scale)) {
    throw new RangeError(`expected a positive shape and scale but found ${c} and ${scale}`);
  }
  if (!(start > 0) || !(stop > start) || !(stop < 1)) {
    throw new RangeError(`expected quantiles 0 < start < stop < 1 but found ${start}, ${stop}`);
  }
  const ppf = (q: number) => (-Math.log1p(-q)) ** (1 / c) * scale;
  const xp = linspace(ppf(start), ppf(stop), num);
  const fp = xp.map((x) => {
    const z = x / scale;
    return (c * z ** (c - 1) * expC(-(z ** c))) / scale;
  });
  return interpTable(xp, fp, {
    left: params.interpolationFpLeft,
    right: params.interpolationFpRight,
  });
}

/**
 * The viral load in sputum, copies/mL: `LogCustom(bounds, interp(table), maxFunction)`,
 * i.e. 10^x with x = log10(viral load) drawn by rejection under the Weibull table.
 * For the reference Weibull parameters the recorded {@link COVID_OVERALL_VL_TABLE} is
 * used (bit-exact draws); otherwise {@link weibullViralLoadTable}.
 *
 * @param params The Weibull viral-load parameters (the registry's values).
 * @returns The distribution of the viral load, copies/mL.
 * @example Usage
 * ```ts
 * import { covidOverallViralLoadDistribution } from "./viral_load.ts";
 * const vl = covidOverallViralLoadDistribution({
 *   shapeFactor: 3.47, scaleFactor: 7.01, start: 0.01, stop: 0.99, num: 30,
 *   minBound: 2, maxBound: 10, interpolationFpLeft: 0, interpolationFpRight: 0,
 *   maxFunction: 0.2,
 * });
 * if (!vl.log10) throw new Error("bad");
 * ```
 */
export function covidOverallViralLoadDistribution(
  params: WeibullViralLoadParams,
): CustomDistribution {
  const reference = params.shapeFactor === REFERENCE_WEIBULL.shapeFactor &&
    params.scaleFactor === REFERENCE_WEIBULL.scaleFactor &&
    params.start === REFERENCE_WEIBULL.start &&
    params.stop === REFERENCE_WEIBULL.stop &&
    params.num === REFERENCE_WEIBULL.num;
  const table = reference
    ? interpTable(COVID_OVERALL_VL_TABLE.xp, COVID_OVERALL_VL_TABLE.fp, {
      left: params.interpolationFpLeft,
      right: params.interpolationFpRight,
    })
    : weibullViralLoadTable(params);
  return customDistribution([params.minBound, params.maxBound], table, params.maxFunction, {
    log10: true,
  });
}
