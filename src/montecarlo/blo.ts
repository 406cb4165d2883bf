/**
 * The BLO tri-modal model of the size distribution of expired aerosols
 * (G. Johnson et al., "Modality of human expired aerosol size distributions",
 * J. Aerosol Sci. 42 (12), 839-851, 2011, doi:10.1016/j.jaerosci.2011.07.009):
 * three lognormal modes in the diameter d (µm) produced at the bronchioles (B), the
 * larynx (L) and the oral cavity (O),
 *
 *   n(d) = Σ_m (1/d) · A_m c_m / (√(2π) σ_m) · exp(-(ln d - μ_m)² / (2 σ_m²)),
 *
 * with c_m the number concentration of mode m (cm⁻³), μ_m and σ_m the mean and standard
 * deviation of ln d (d in µm), and A_m a per-activity factor scaling each mode
 * (breathing, speaking, singing, shouting). Reference: CAiMIRA 4.19.0 `BLOmodel`
 * (`monte_carlo/data.py`), with its parameters in the data registry
 * (`expiration_particle.BLOmodel` and `expiration_BLO_factors`).
 *
 * Floating point: the reference evaluates the modes with numpy in the order written
 * above, summing B, L then O onto 0; this file uses the same operation order and
 * glibc's `exp`/`log` (see {@link bloDistribution} about numpy's SIMD variants).
 *
 * @module
 */
import { erf } from "./erf.ts";
import { expC, logC } from "../kernel/libm.ts";

/** One value per BLO mode: bronchiolar (B), laryngeal (L), oral (O). */
export interface BloTriple {
  /** Bronchiolar mode. */
  readonly B: number;
  /** Laryngeal mode. */
  readonly L: number;
  /** Oral mode. */
  readonly O: number;
}

/**
 * Parameters of the three lognormal modes (the registry's `expiration_particle.BLOmodel`;
 * CAiMIRA 4.19.0: cn B 0.06, L 0.2, O 0.0010008; mu B 0.989541, L 1.38629, O 4.97673;
 * sigma B 0.262364, L 0.506818, O 0.585005).
 */
export interface BloModelParams {
  /** Total number concentration of each mode, cm⁻³. */
  readonly cn: BloTriple;
  /** Mean of ln(d / 1 µm) of each mode (dimensionless). */
  readonly mu: BloTriple;
  /** Standard deviation of ln(d / 1 µm) of each mode (dimensionless), > 0. */
  readonly sigma: BloTriple;
}

/**
 * Activity factors A_B, A_L, A_O scaling each mode (dimensionless, >= 0; the registry's
 * `expiration_BLO_factors`: Breathing (1, 0, 0), Speaking (1, 1, 1), Singing and
 * Shouting (1, 5, 5)).
 */
export type BloFactors = BloTriple;

/** The modes in the reference's summation order. */
const MODES = ["B", "L", "O"] as const;

/** √(2π), correctly rounded (numpy `sqrt(2*pi)`). */
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * The BLO size distribution n(d) at each diameter, cm⁻³ µm⁻¹ (a number density per unit
 * diameter, not normalised: its integral over d is Σ A_m c_m when the range covers the
 * modes).
 *
 * Per mode the term is `((1 / d) * (A*cn / (√(2π) σ))) * exp(-(t*t) / (2 σ²))` with
 * `t = ln d - μ`, and the terms are added in the order B, L, O onto 0, as the
 * reference does. `exp` and `log` are glibc's, which is what numpy uses on hosts
 * without AVX-512. numpy 1.24 on an AVX-512 host uses Intel SVML's vector `exp`/`log`
 * instead, which can differ from glibc in the last bit; the reference's weights
 * (trace `frequencies.sha1`) came from such a host, so single weights may differ from
 * it by an ulp or so (see tests/montecarlo/trace_replay_test.ts for the effect on draws).
 *
 * @param params The mode parameters.
 * @param factors The activity factors.
 * @param d Diameters, µm (> 0).
 * @returns n(d) for each diameter, cm⁻³ µm⁻¹.
 * @example Usage
 * ```ts
 * import { bloDistribution } from "./blo.ts";
 * const params = {
 *   cn: { B: 0.06, L: 0.2, O: 0.0010008 },
 *   mu: { B: 0.989541, L: 1.38629, O: 4.97673 },
 *   sigma: { B: 0.262364, L: 0.506818, O: 0.585005 },
 * };
 * const n = bloDistribution(params, { B: 1, L: 1, O: 1 }, Float64Array.of(1, 2.7, 4));
 * if (!(n[1] > n[0])) throw new Error("the B mode peaks near e^0.99 µm");
 * ```
 */
export function bloDistribution(
  params: BloModelParams,
  factors: BloFactors,
  d: ArrayLike<number>,
): Float64Array {
  checkParams(params, factors);
  const out = new Float64Array(d.length);
  for (const m of MODES) {
    const amplitude = (factors[m] * params.cn[m]) / (SQRT_2PI * params.sigma[m]);
    const mu = params.mu[m];
    const twoVariance = 2 * (params.sigma[m] * params.sigma[m]);
    for (let i = 0; i < d.length; i++) {
      const t = logC(d[i]) - mu;
      out[i] += ((1 / d[i]) * amplitude) * expC(-(t * t) / twoVariance);
    }
  }
  return out;
}

/**
 * The integral of the BLO distribution between two diameters, cm⁻³: the total number
 * concentration of aerosols in [dMin, dMax],
 *
 *   Σ_m A_m c_m (erf(y_max) - erf(y_min)) / 2,  y = (ln d - μ_m) / (√2 σ_m),
 *
 * accumulated in the order B, L, O onto 0 (reference `BLOmodel.integrate`; erf as
 * scipy's, `log` as glibc's).
 *
 * @param params The mode parameters.
 * @param factors The activity factors.
 * @param dMin Lower diameter, µm (> 0).
 * @param dMax Upper diameter, µm (>= dMin).
 * @returns The concentration of aerosols with diameters in [dMin, dMax], cm⁻³.
 * @throws {RangeError} When the diameters are not 0 < dMin <= dMax.
 */
export function bloIntegral(
  params: BloModelParams,
  factors: BloFactors,
  dMin: number,
  dMax: number,
): number {
  checkParams(params, factors);
  if (!(dMin > 0) || !(dMax >= dMin) || !Number.isFinite(dMax)) {
    throw new RangeError(`expected diameters 0 < dMin <= dMax but found ${dMin} and ${dMax}`);
  }
  let total = 0;
  for (const m of MODES) {
    const scale = Math.SQRT2 * params.sigma[m];
    const yMin = (logC(dMin) - params.mu[m]) / scale;
    const yMax = (logC(dMax) - params.mu[m]) / scale;
    total += (factors[m] * params.cn[m] * (erf(yMax) - erf(yMin))) / 2;
  }
  return total;
}

function checkParams(params: BloModelParams, factors: BloFactors): void {
  for (const m of MODES) {
    if (!Number.isFinite(params.cn[m]) || params.cn[m] < 0) {
      throw new RangeError(`expected a non-negative cn for mode ${m} but found ${params.cn[m]}`);
    }
    if (!Number.isFinite(params.mu[m])) {
      throw new RangeError(`expected a finite mu for mode ${m} but found ${params.mu[m]}`);
    }
    if (!(params.sigma[m] > 0) || !Number.isFinite(params.sigma[m])) {
      throw new RangeError(`expected a positive sigma for mode ${m} but found ${params.sigma[m]}`);
    }
    if (!Number.isFinite(factors[m]) || factors[m] < 0) {
      throw new RangeError(`expected a non-negative factor for mode ${m} but found ${factors[m]}`);
    }
  }
}
