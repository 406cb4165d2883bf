/**
 * An independent, simplified re-implementation of CAiMIRA's whole algorithm (long-range
 * concentration, short-range jet, deposited dose and probability of infection), used by
 * full_algorithm_test.ts to check the model end to end. Port of the "simple" models of
 * caimira/tests/test_full_algorithm.py (reference e624bcf3).
 *
 * Nothing here imports src/: the BLO size distribution, settling, viral decay, deposition
 * fraction, jet dilution and the time dependence are all written again from the papers'
 * formulas. Where the Python uses analytic sums of step responses this file does the same;
 * where it calls scipy's `quad` over the particle diameter this file uses a composite
 * Simpson rule in ln d on a fine grid (see {@link DiameterGrid}), accurate to far better
 * than the Monte Carlo tolerances of the tests.
 *
 * Simplifications (as in the reference): no masks, the same ventilation rate at all
 * times, one breathing rate for the infected's exhalation and the exposed's inhalation,
 * identical presence of infected and exposed, short-range interactions inside the
 * presence of the infected.
 *
 * @module
 */

/** One number for every sample, or one per Monte Carlo sample. */
export type Values = number | Float64Array;

/** Spans `[start, end]` in hours; a time t is inside when start < t <= end. */
export type Spans = readonly (readonly [number, number])[];

/** One value per BLO mode, in the order bronchiolar, laryngeal, oral. */
export type Triple = readonly [number, number, number];

/** Whether `t` (h) is inside one of the spans (open start, closed end). */
export function inside(spans: Spans, t: number): boolean {
  return spans.some(([a, b]) => a < t && t <= b);
}

/** Sorted distinct start and end times of the spans, h. */
export function switchTimes(spans: Spans): number[] {
  return [...new Set(spans.flat())].sort((a, b) => a - b);
}

/** Element-wise operation on numbers and equally long arrays (up to five operands). */
export function elementwise(f: (...x: number[]) => number, ...args: Values[]): Values {
  const arrays = args.filter((a): a is Float64Array => typeof a !== "number");
  if (arrays.length === 0) return f(...(args as number[]));
  const n = arrays[0].length;
  if (arrays.some((a) => a.length !== n)) {
    throw new RangeError(`expected arrays of one length but found ${arrays.map((a) => a.length)}`);
  }
  const out = new Float64Array(n);
  const at = (a: Values, i: number) => typeof a === "number" ? a : a[i];
  const [a, b, c, d, e] = args;
  switch (args.length) {
    case 1:
      for (let i = 0; i < n; i++) out[i] = f(at(a, i));
      break;
    case 2:
      for (let i = 0; i < n; i++) out[i] = f(at(a, i), at(b, i));
      break;
    case 3:
      for (let i = 0; i < n; i++) out[i] = f(at(a, i), at(b, i), at(c, i));
      break;
    case 4:
      for (let i = 0; i < n; i++) out[i] = f(at(a, i), at(b, i), at(c, i), at(d, i));
      break;
    case 5:
      for (let i = 0; i < n; i++) out[i] = f(at(a, i), at(b, i), at(c, i), at(d, i), at(e, i));
      break;
    default:
      throw new RangeError(`expected at most 5 operands but found ${args.length}`);
  }
  return out;
}

/** Mean of the samples (a number is its own mean). */
export function average(x: Values): number {
  if (typeof x === "number") return x;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Error function, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7, i.e. a
 * relative error below 1e-4 on the erf differences used below).
 */
export function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const y = 1 - poly * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/** Volume of a sphere of diameter d (µm), µm³. */
export function sphereVolume(d: number): number {
  return (Math.PI / 6) * d ** 3;
}

/** Parameters of the three log-normal modes of the BLO model (Johnson et al. 2011). */
export interface BloModes {
  /** Total number concentration of each mode, cm⁻³. */
  readonly cn: Triple;
  /** Mean of ln(d / µm) of each mode. */
  readonly mu: Triple;
  /** Standard deviation of ln(d / µm) of each mode. */
  readonly sigma: Triple;
}

/**
 * The BLO parameters used by the reference's simple model (written out here rather
 * than read from the model's registry).
 */
export const BLO: BloModes = {
  cn: [0.06, 0.2, 0.0010008],
  mu: [0.989541, 1.38629, 4.97673],
  sigma: [0.262364, 0.506818, 0.585005],
};

/**
 * Number of emitted particles per unit diameter, n(d) = Σ_m A_m c_m/(√(2π) σ_m d)
 * exp(−(ln d − μ_m)²/(2σ_m²)), cm⁻³ µm⁻¹.
 */
export function bloDensity(d: number, factors: Triple, modes: BloModes = BLO): number {
  let total = 0;
  for (let m = 0; m < 3; m++) {
    const z = Math.log(d) - modes.mu[m];
    total += (modes.cn[m] * factors[m] / modes.sigma[m]) *
      Math.exp(-(z * z) / (2 * modes.sigma[m] ** 2));
  }
  return total / (d * SQRT_2PI);
}

/**
 * Deposition fraction in the respiratory tract of a particle of emitted diameter d (µm)
 * shrunk by `evaporation` (ICRP model, W. C. Hinds, Aerosol Technology, 1999).
 */
export function depositedFraction(diameter: number, evaporation: number): number {
  const d = diameter * evaporation;
  const inhalable = 1 - 0.5 * (1 - 1 / (1 + 0.00076 * d ** 2.8));
  return inhalable * (0.0587 + 0.911 / (1 + Math.exp(4.77 + 1.485 * Math.log(d))) +
    0.943 / (1 + Math.exp(0.508 - 2.58 * Math.log(d))));
}

/**
 * Nodes and weights of a composite Simpson rule in u = ln d over [dMin, dMax] (the
 * Jacobian d is folded into the weights): Σ_j w_j g(d_j) ≈ ∫ g(d) dd. Replaces scipy's
 * adaptive `quad` of the reference; 4000 panels over ln(1000) have a step of 1.7e-3 in
 * ln d, and the integrands are smooth log-normal shapes.
 */
export interface DiameterGrid {
  /** Diameters, µm. */
  readonly d: Float64Array;
  /** Quadrature weights, µm. */
  readonly w: Float64Array;
}

/** A Simpson grid over [dMin, dMax] µm with `panels` (even) sub-intervals in ln d. */
export function diameterGrid(dMin: number, dMax: number, panels = 4000): DiameterGrid {
  const a = Math.log(dMin);
  const h = (Math.log(dMax) - a) / panels;
  const d = new Float64Array(panels + 1);
  const w = new Float64Array(panels + 1);
  for (let j = 0; j <= panels; j++) {
    d[j] = Math.exp(a + j * h);
    const simpson = j === 0 || j === panels ? 1 : j % 2 === 1 ? 4 : 2;
    w[j] = (h / 3) * simpson * d[j];
  }
  return { d, w };
}

/** Σ_j w_j g(d_j): the integral of g over the grid's range. */
export function integrate(grid: DiameterGrid, g: (d: number) => number): number {
  let s = 0;
  for (let j = 0; j < grid.d.length; j++) s += grid.w[j] * g(grid.d[j]);
  return s;
}

const LN2 = Math.log(2);
/** Settling velocity of a 2.5 µm particle, m/s; emission height 1.5 m; s per h. */
const SETTLING_2_5_UM = 1.88e-4;
const EMISSION_HEIGHT = 1.5;
const SECONDS_PER_HOUR = 3600;

/** Inputs of {@link simpleConcentrationModel}. */
export interface SimpleConcentrationInputs {
  /** When the infected are present. */
  readonly infectedPresence: Spans;
  /** Viral load in sputum, RNA copies/mL. */
  readonly viralLoad: Values;
  /** Breathing rate (exhalation of the infected, inhalation of the exposed), m³/h. */
  readonly breathingRate: Values;
  /** Room volume, m³. */
  readonly roomVolume: number;
  /** Air changes per hour of the ventilation, h⁻¹. */
  readonly lambdaVentilation: number;
  /** BLO factors of the long-range expiration. */
  readonly bloFactors: Triple;
  /** Number of infected (default 1). */
  readonly numInfected?: number;
  /** Viable-to-RNA ratio (default 0.5). */
  readonly viableToRna?: Values;
  /** Host immunity of the infected (default 0). */
  readonly hostImmunity?: Values;
  /** Relative humidity (default 0.3); the temperature is 293 K. */
  readonly humidity?: number;
  /** Long-range diameter range, µm (default 0.1–20). */
  readonly diameterMin?: number;
  /** Long-range diameter range, µm (default 0.1–20). */
  readonly diameterMax?: number;
  /** Evaporation factor of airborne particles (default 0.3). */
  readonly evaporation?: number;
}

/** The simple long-range concentration model (reference `SimpleConcentrationModel`). */
export interface SimpleConcentrationModel {
  /** The inputs with defaults filled in. */
  readonly inputs: Required<SimpleConcentrationInputs>;
  /** Removal rate without the (diameter-dependent) deposition, h⁻¹. */
  removalRate(): number;
  /** Fraction of infectious virus. */
  infectiousFraction(): Values;
  /** Coefficient a of the deposition rate a·d², h⁻¹ µm⁻². */
  depositionCoefficient(): number;
  /** Emission per unit diameter per (viral load × breathing rate), mL/m³/µm. */
  vR(d: number): number;
  /** ∫ vR e^{−a d² Δt}/(a d² + λ) dd × viral load × breathing rate. */
  f(deltaT: number): Values;
  /** Long-range concentration at t, virions/m³. */
  concentration(t: number): Values;
  /** The long-range diameter grid. */
  readonly grid: DiameterGrid;
}

/**
 * Half-life of SARS-CoV-2 in air at 293 K and relative humidity `rh` (Dabisch et al.
 * 2021, doi:10.1080/02786826.2020.1829536), capped at 6.43 h (also when negative).
 */
export function simpleHalflife(rh: number): number {
  const tC = 293 - 273.15;
  const perMinute = 0.16030 + 0.04018 * ((tC - 20.615) / 10.585) +
    0.02176 * ((rh * 100 - 45.235) / 28.665) - 0.14369 -
    0.02636 * (tC - 20.615) / 10.585;
  const hours = LN2 / perMinute / 60;
  return hours <= 0 ? 6.43 : Math.min(6.43, hours);
}

/**
 * The long-range concentration as a sum of step responses: every time the infected
 * enter (leave), a source switches on (off), and for particles of diameter d the
 * concentration relaxes with rate λ + a d². Integrated over d with the BLO emission.
 */
export function simpleConcentrationModel(
  given: SimpleConcentrationInputs,
): SimpleConcentrationModel {
  const inputs: Required<SimpleConcentrationInputs> = {
    numInfected: 1,
    viableToRna: 0.5,
    hostImmunity: 0,
    humidity: 0.3,
    diameterMin: 0.1,
    diameterMax: 20,
    evaporation: 0.3,
    ...given,
  };
  const grid = diameterGrid(inputs.diameterMin, inputs.diameterMax);
  const lambda = inputs.lambdaVentilation + LN2 / simpleHalflife(inputs.humidity);
  // Settling at v(d) = 1.88e-4 m/s × (d × evaporation / 2.5 µm)² over 1.5 m, per hour.
  const a = SETTLING_2_5_UM * SECONDS_PER_HOUR / EMISSION_HEIGHT * (inputs.evaporation / 2.5) ** 2;
  // 1e-6: µm³ per cm³ of air → mL per m³ of air.
  const vR = (d: number) => bloDensity(d, inputs.bloFactors) * sphereVolume(d) * 1e-6;
  const vRGrid = Float64Array.from(grid.d, vR);
  const fCache = new Map<number, Values>();
  const f = (deltaT: number): Values => {
    let v = fCache.get(deltaT);
    if (v === undefined) {
      let s = 0;
      for (let j = 0; j < grid.d.length; j++) {
        const ad2 = a * grid.d[j] ** 2;
        s += grid.w[j] * vRGrid[j] / (ad2 + lambda) * Math.exp(-ad2 * deltaT);
      }
      v = elementwise((vl, br) => s * vl * br, inputs.viralLoad, inputs.breathingRate);
      fCache.set(deltaT, v);
    }
    return v;
  };
  const infectiousFraction = () =>
    elementwise((r, hi) => r * (1 - hi), inputs.viableToRna, inputs.hostImmunity);
  const times = switchTimes(inputs.infectedPresence);
  const presentAfter = (k: number) =>
    k + 1 < times.length && inside(inputs.infectedPresence, (times[k] + times[k + 1]) / 2);
  const presentBefore = (k: number) => k > 0 && presentAfter(k - 1);

  const concentration = (t: number): Values => {
    if (t <= times[0]) return 0;
    // Segment index i: times[i] < t <= times[i + 1].
    let i = 0;
    while (i + 1 < times.length && times[i + 1] < t) i++;
    // Each switch time t_k <= times[i] contributes (P_{k-1} − P_k) f(t − t_k) e^{−λ(t − t_k)}.
    let result: Values = inside(inputs.infectedPresence, t) ? f(0) : 0;
    for (let k = 0; k <= i; k++) {
      const sign = (presentBefore(k) ? 1 : 0) - (presentAfter(k) ? 1 : 0);
      if (sign === 0) continue;
      const decay = Math.exp(-lambda * (t - times[k]));
      result = elementwise((r, fk) => r + sign * fk * decay, result, f(t - times[k]));
    }
    return elementwise(
      (r, fi) => r * inputs.numInfected * fi / inputs.roomVolume,
      result,
      infectiousFraction(),
    );
  };

  return {
    inputs,
    grid,
    removalRate: () => lambda,
    infectiousFraction,
    depositionCoefficient: () => a,
    vR,
    f,
    concentration,
  };
}

/** Inputs of {@link simpleShortRangeModel}. */
export interface SimpleShortRangeInputs {
  /** The interaction span (one). */
  readonly interaction: readonly [number, number];
  /** Interpersonal distance, m (default 0.854). */
  readonly distance?: Values;
  /** Breathing rate of the interaction's activity, m³/h (default 0.51). */
  readonly breathingRate?: Values;
  /** BLO factors of the short-range expiration (default breathing). */
  readonly bloFactors?: Triple;
  /** Short-range diameter range, µm (default 0.1–100). */
  readonly diameterMin?: number;
  /** Short-range diameter range, µm (default 0.1–100). */
  readonly diameterMax?: number;
}

/** The simple short-range model (reference `SimpleShortRangeModel`). */
export interface SimpleShortRangeModel {
  /** The inputs with defaults filled in. */
  readonly inputs: Required<SimpleShortRangeInputs>;
  /** Dilution factor of the jet at the interpersonal distance. */
  dilutionFactor(): Values;
  /** Virion concentration at the mouth of the infected, virions/m³. */
  jetConcentration(conc: SimpleConcentrationModel): Values;
  /** Extra concentration breathed at t during the interaction, virions/m³. */
  concentration(conc: SimpleConcentrationModel, t: number): Values;
}

/**
 * The two-stage expiratory jet of Jia et al. (2022), doi:10.1016/j.buildenv.2022.109166:
 * the jet stage dilutes linearly with distance up to the transition point x*, reached
 * after the exhalation time t* = 2 s; beyond, the puff dilutes with the cube of distance.
 */
export function simpleShortRangeModel(given: SimpleShortRangeInputs): SimpleShortRangeModel {
  const inputs: Required<SimpleShortRangeInputs> = {
    distance: 0.854,
    breathingRate: 0.51,
    bloFactors: [1, 0, 0],
    diameterMin: 0.1,
    diameterMax: 100,
    ...given,
  };
  const phi = 2; // exhalation coefficient: exhaled flow over the mean breathing flow
  const mouth = 0.02; // mouth opening diameter, m
  const tStar = 2; // duration of one exhalation of a 4 s breathing cycle, s
  const betaR1 = 0.18;
  const betaR2 = 0.2;
  const betaX1 = 2.4;
  let dilution: Values | undefined;
  const dilutionFactor = (): Values => {
    dilution ??= elementwise(
      (x, br) => {
        const qExh = phi * br / 3600; // m³/s
        const u0 = qExh / (Math.PI / 4 * mouth ** 2); // m/s
        const x0 = mouth / 2 / betaR1; // virtual origin, m
        const t0 = (x0 / betaX1) ** 2 / Math.sqrt(qExh * u0); // time of the virtual origin, s
        const xStar = betaX1 * (qExh * u0) ** 0.25 * Math.sqrt(tStar + t0) - x0;
        const sStar = 2 * betaR1 * (xStar + x0) / mouth;
        return x <= xStar
          ? 2 * betaR1 * (x + x0) / mouth
          : sStar * (1 + betaR2 * (x - xStar) / betaR1 / (xStar + x0)) ** 3;
      },
      inputs.distance,
      inputs.breathingRate,
    );
    return dilution;
  };
  // ∫ n(d) π d³/6 dd over [dMin, dMax], analytically: for each log-normal mode,
  // c_m A_m d0³ e^{9σ²/2} (erf(y_max) − erf(y_min)) / 2 × π/6, y = (ln d − μ)/(√2 σ) − 3σ/√2.
  const emittedVolume = (() => {
    let total = 0;
    for (let m = 0; m < 3; m++) {
      const { mu, sigma, cn } = { mu: BLO.mu[m], sigma: BLO.sigma[m], cn: BLO.cn[m] };
      const y = (d: number) => (Math.log(d) - mu) / (Math.SQRT2 * sigma) - 3 * sigma / Math.SQRT2;
      total += cn * inputs.bloFactors[m] * Math.exp(mu) ** 3 / 2 *
        Math.exp(9 * sigma ** 2 / 2) * (erf(y(inputs.diameterMax)) - erf(y(inputs.diameterMin)));
    }
    return total * Math.PI / 6; // µm³/cm³
  })();
  const jetConcentration = (conc: SimpleConcentrationModel): Values =>
    elementwise(
      (vl, r) => vl * r * 1e-6 * emittedVolume,
      conc.inputs.viralLoad,
      conc.inputs.viableToRna,
    );
  const concentration = (conc: SimpleConcentrationModel, t: number): Values => {
    if (!inside([inputs.interaction], t)) return 0;
    return elementwise(
      (jet, lr, s) => (jet - lr) / s,
      jetConcentration(conc),
      conc.concentration(t),
      dilutionFactor(),
    );
  };
  return { inputs, dilutionFactor, jetConcentration, concentration };
}

/** Inputs of {@link simpleExposureModel}. */
export interface SimpleExposureInputs extends SimpleConcentrationInputs {
  /** Infectious dose ID50, RNA copies (default 50). */
  readonly id50?: Values;
  /** Transmissibility factor (default 1; < 1 is more transmissible). */
  readonly transmissibility?: number;
  /** Short-range interactions (default none). */
  readonly shortRange?: readonly SimpleShortRangeModel[];
}

/** The simple exposure model (reference `SimpleExposureModel`). */
export interface SimpleExposureModel extends SimpleConcentrationModel {
  /** Long-range plus short-range concentration at t, virions/m³. */
  totalConcentration(t: number): Values;
  /** Long-range concentration × deposition fraction integrated over [t1, t2]. */
  integratedLongRange(t1: number, t2: number, evaporation: number): Values;
  /** Short-range deposited dose of all interactions, virions. */
  integratedShortRange(): Values;
  /** Deposited dose, virions. */
  dose(): Values;
  /** Probability of infection, %. */
  probabilityInfection(): Values;
}

/** The deposited dose and the exponential dose-response on top of the simple models. */
export function simpleExposureModel(given: SimpleExposureInputs): SimpleExposureModel {
  const conc = simpleConcentrationModel(given);
  const id50 = given.id50 ?? 50;
  const transmissibility = given.transmissibility ?? 1;
  const shortRange = given.shortRange ?? [];
  const { inputs, grid } = conc;
  const a = conc.depositionCoefficient();
  const lambda = conc.removalRate();
  const presence = inputs.infectedPresence;
  const times = switchTimes(presence);
  const presentAfter = (k: number) =>
    k + 1 < times.length && inside(presence, (times[k] + times[k + 1]) / 2);
  const presentBefore = (k: number) => k > 0 && presentAfter(k - 1);
  const scale = (s: number) =>
    elementwise((vl, br) => s * vl * br, inputs.viralLoad, inputs.breathingRate);

  const fdepGrid = new Map<number, Float64Array>();
  const fdepOn = (evaporation: number) => {
    let v = fdepGrid.get(evaporation);
    if (v === undefined) {
      v = Float64Array.from(grid.d, (d) => conc.vR(d) * depositedFraction(d, evaporation));
      fdepGrid.set(evaporation, v);
    }
    return v;
  };
  // Σ_d vR fdep e^{−a d² Δt} / (a d² + λ)^power: power 1 is the concentration with the
  // deposition fraction, power 2 (negated) its primitive in time.
  const weighted = (deltaT: number, evaporation: number, power: 1 | 2): number => {
    const g = fdepOn(evaporation);
    let s = 0;
    for (let j = 0; j < grid.d.length; j++) {
      const ad2 = a * grid.d[j] ** 2;
      s += grid.w[j] * g[j] / (ad2 + lambda) ** power * Math.exp(-ad2 * deltaT);
    }
    return s;
  };

  const integratedLongRange = (t1: number, t2: number, evaporation: number): Values => {
    if (t2 <= times[0]) return 0;
    let i = 0;
    while (i + 1 < times.length && times[i + 1] < t2) i++;
    if (t1 < times[i] || (i + 1 < times.length && t1 >= times[i + 1])) {
      throw new RangeError(`expected ${t1} and ${t2} in the same presence segment`);
    }
    // ∫_{t1}^{t2} of the step responses: the constant part while present, and for each
    // switch k the primitive −e^{−λ_d (t − t_k)}/λ_d² evaluated between t1 and t2.
    let s = inside(presence, (t1 + t2) / 2) ? weighted(0, evaporation, 1) * (t2 - t1) : 0;
    for (let k = 0; k <= i; k++) {
      const sign = (presentBefore(k) ? 1 : 0) - (presentAfter(k) ? 1 : 0);
      if (sign === 0) continue;
      const primitive = (t: number) =>
        -weighted(t - times[k], evaporation, 2) * Math.exp(-lambda * (t - times[k]));
      s += sign * (primitive(t2) - primitive(t1));
    }
    return elementwise(
      (x, fi) => x * inputs.numInfected * fi / inputs.roomVolume,
      scale(s),
      conc.infectiousFraction(),
    );
  };

  let shortRangeDose: Values | undefined;
  const integratedShortRange = (): Values => {
    if (shortRangeDose !== undefined) return shortRangeDose;
    let total: Values = 0;
    for (const sr of shortRange) {
      const [t1, t2] = sr.inputs.interaction;
      // Particles in the jet have no time to evaporate: deposition at the emitted size.
      const srGrid = diameterGrid(sr.inputs.diameterMin, sr.inputs.diameterMax);
      const deposited = integrate(
        srGrid,
        (d) => sphereVolume(d) * bloDensity(d, sr.inputs.bloFactors) * depositedFraction(d, 1),
      );
      const jet = elementwise(
        (vl, fi) => deposited * vl * fi * 1e-6 * (t2 - t1),
        inputs.viralLoad,
        conc.infectiousFraction(),
      );
      total = elementwise(
        (acc, br, j, lr, s) => acc + br * (j - lr) / s,
        total,
        sr.inputs.breathingRate,
        jet,
        integratedLongRange(t1, t2, 1),
        sr.dilutionFactor(),
      );
    }
    shortRangeDose = total;
    return total;
  };

  let doseCache: Values | undefined;
  const dose = (): Values => {
    if (doseCache !== undefined) return doseCache;
    let total: Values = 0;
    for (const [t1, t2] of presence) {
      total = elementwise(
        (acc, c, br) => acc + c * br,
        total,
        integratedLongRange(t1, t2, inputs.evaporation),
        inputs.breathingRate,
      );
    }
    doseCache = elementwise((x, y) => x + y, total, integratedShortRange());
    return doseCache;
  };

  const probabilityInfection = (): Values =>
    elementwise(
      (d, hi, id) => (1 - Math.exp(-d * LN2 * (1 - hi) / (id * transmissibility))) * 100,
      dose(),
      inputs.hostImmunity,
      id50,
    );

  const totalConcentration = (t: number): Values => {
    let c = conc.concentration(t);
    for (const sr of shortRange) {
      c = elementwise((x, y) => x + y, c, sr.concentration(conc, t));
    }
    return c;
  };

  return {
    ...conc,
    totalConcentration,
    integratedLongRange,
    integratedShortRange,
    dose,
    probabilityInfection,
  };
}
