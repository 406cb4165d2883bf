/**
 * Registry parameters that may be a distribution: the typed form of the reference's
 * `{"associated_value": …, "parameters": …}` entries (reference
 * `monte_carlo/data.py`, `evaluate_custom_value_type` and `param_evaluation`).
 *
 * @module
 */
import {
  customKernelDistribution,
  type Distribution,
  logNormalDistribution,
  normalDistribution,
  uniformDistribution,
} from "../montecarlo/distributions.ts";
import { unreachable } from "../exhaustive.ts";

/**
 * exp of a Gaussian. Reference: `"associated_value": "Log-normal distribution"` with
 * `lognormal_mean_gaussian` and `lognormal_standard_deviation_gaussian`.
 */
export interface LogNormalParameter {
  /** Discriminant. */
  readonly kind: "lognormal";
  /** μ of the underlying Gaussian (of ln x, x in the unit of the slot). */
  readonly meanGaussian: number;
  /** σ of the underlying Gaussian (of ln x), >= 0. */
  readonly standardDeviationGaussian: number;
}

/**
 * Gaussian. Reference: `"associated_value": "Normal distribution"` with
 * `normal_mean_gaussian` and `normal_standard_deviation_gaussian`.
 */
export interface NormalParameter {
  /** Discriminant. */
  readonly kind: "normal";
  /** Mean, in the unit of the slot. */
  readonly mean: number;
  /** Standard deviation, in the unit of the slot, >= 0. */
  readonly standardDeviation: number;
}

/**
 * Continuous uniform on [low, high). Reference: `"associated_value": "Uniform
 * distribution"` with `low` and `high`.
 */
export interface UniformParameter {
  /** Discriminant. */
  readonly kind: "uniform";
  /** Lower bound, in the unit of the slot. */
  readonly low: number;
  /** Upper bound, in the unit of the slot, >= low. */
  readonly high: number;
}

/**
 * Weighted Gaussian kernel density over log10 of the variable; samples are 10^x.
 * Reference: `"associated_value": "Log Custom Kernel distribution"` with
 * `log_variable`, `frequencies` and `kernel_bandwidth`.
 */
export interface LogCustomKernelParameter {
  /** Discriminant. */
  readonly kind: "logCustomKernel";
  /** Kernel centres, log10 of the variable. */
  readonly logVariable: readonly number[];
  /** Weight of each centre: non-negative, one per centre, with a positive sum. */
  readonly frequencies: readonly number[];
  /** Standard deviation of each Gaussian kernel, in log10 units, > 0. */
  readonly bandwidth: number;
}

/**
 * A fixed value. Reference: `"associated_value": "Constant value"` (whose `parameters`
 * is the value itself), or a bare number.
 */
export interface ConstantParameter {
  /** Discriminant. */
  readonly kind: "constant";
  /** The value, in the unit of the slot. */
  readonly value: number;
}

/** A registry value that is either fixed or drawn per Monte Carlo sample. */
export type Parameter =
  | LogNormalParameter
  | NormalParameter
  | UniformParameter
  | LogCustomKernelParameter
  | ConstantParameter;

/** The `kind` of every {@link Parameter}. */
export type ParameterKind = Parameter["kind"];

/**
 * The sampleable distribution a registry parameter stands for, or its value when it is
 * a constant (the reference's `param_evaluation`).
 *
 * @param param A parameter from the registry.
 * @returns The distribution (in the unit of the slot), or the constant value.
 * @throws {RangeError} If the parameter's numbers are invalid (e.g. high < low).
 * @example Usage
 * ```ts
 * import { DEFAULT_REGISTRY, toDistribution } from "./mod.ts";
 * const seated = DEFAULT_REGISTRY.activityDistributions.Seated.inhalationRate;
 * const dist = toDistribution(seated);
 * if (typeof dist === "number" || dist.kind !== "lognormal") throw new Error("bad");
 * ```
 */
export function toDistribution(param: Parameter): Distribution | number {
  switch (param.kind) {
    case "constant":
      return param.value;
    case "normal":
      return normalDistribution(param.mean, param.standardDeviation);
    case "uniform":
      return uniformDistribution(param.low, param.high);
    case "lognormal":
      return logNormalDistribution(param.meanGaussian, param.standardDeviationGaussian);
    case "logCustomKernel":
      return customKernelDistribution(param.logVariable, param.frequencies, param.bandwidth, {
        log10: true,
      });
    default:
      return unreachable(param, "parameter");
  }
}
