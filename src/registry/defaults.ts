/**
 * The default parameters of CAiMIRA: a typed, documented copy of the reference's
 * `DataRegistry` (`calculator/store/data_registry.py`, CAiMIRA 4.19.0, commit e624bcf3).
 *
 * Field names are camelCase; each group names the reference key it maps to. Names that
 * are data rather than fields (activities, expirations, variants, masks, scenarios) keep
 * the reference's spelling exactly. Literature references live in the doc comments.
 *
 * @module
 */
import type { WeibullViralLoadParams } from "../montecarlo/viral_load.ts";
import { deepFreeze } from "./_freeze.ts";
import type { LogCustomKernelParameter, LogNormalParameter, Parameter } from "./parameters.ts";

// MARK: names

/** The activity levels of the reference (keys of `activity_distributions`). */
export const ACTIVITY_NAMES = [
  "Seated",
  "Standing",
  "Light activity",
  "Moderate activity",
  "Heavy exercise",
] as const;

/** An activity level, spelled as in the reference. */
export type ActivityName = typeof ACTIVITY_NAMES[number];

/** The expiratory activities of the reference (keys of `expiration_BLO_factors`). */
export const EXPIRATION_NAMES = ["Breathing", "Speaking", "Singing", "Shouting"] as const;

/** An expiratory activity, spelled as in the reference. */
export type ExpirationName = typeof EXPIRATION_NAMES[number];

/** The virus variants of the reference (keys of `virus_distributions`). */
export const VIRUS_NAMES = [
  "SARS_CoV_2",
  "SARS_CoV_2_ALPHA",
  "SARS_CoV_2_BETA",
  "SARS_CoV_2_GAMMA",
  "SARS_CoV_2_DELTA",
  "SARS_CoV_2_OMICRON",
] as const;

/** A virus variant, spelled as in the reference. */
export type VirusName = typeof VIRUS_NAMES[number];

/** The mask types of the reference (keys of `mask_distributions`). */
export const MASK_NAMES = ["Type I", "FFP2", "Cloth"] as const;

/** A mask type, spelled as in the reference. */
export type MaskName = typeof MASK_NAMES[number];

/**
 * The registry entries a virus may take its viral load from. Reference: the
 * `ViralLoads` enum (`"Ref: Viral load - covid overal viral load data"` and
 * `"Ref: Viral load - symptomatic viral load frequencies"`).
 */
export const VIRAL_LOAD_REFERENCES = ["covidOverallVlData", "symptomaticVlFrequencies"] as const;

/** Name of a viral-load entry of {@link VirologicalData}. */
export type ViralLoadReference = typeof VIRAL_LOAD_REFERENCES[number];

// MARK: expiration_particle

/** One value per mode of the BLO model: bronchiolar (B), laryngeal (L), oral (O). */
export interface BloModes {
  /** Bronchiolar mode. */
  readonly B: number;
  /** Laryngeal mode. */
  readonly L: number;
  /** Oral mode. */
  readonly O: number;
}

/** Range of expired particle diameters that is integrated over. */
export interface ParticleSizeRange {
  /** Smallest diameter, µm (reference `minimum_diameter`). */
  readonly minimumDiameter: number;
  /** Largest diameter, µm (reference `maximum_diameter`). */
  readonly maximumDiameter: number;
}

/**
 * Expired particles. Reference key `expiration_particle`.
 *
 * BLO model: Morawska et al. 2009, doi:10.1016/j.jaerosci.2008.11.002; Johnson et al.
 * 2011, doi:10.1016/j.jaerosci.2011.07.009.
 */
export interface ExpirationParticleData {
  /** Diameter ranges (reference `particle_size_range`). */
  readonly particleSizeRange: {
    /**
     * For long-range (room) exposure (reference `long_range`). Hunziker,
     * doi:10.1136/bmjopen-2020-047772; Cheng et al., doi:10.1016/j.indenv.2024.100045;
     * Henriques et al., doi:10.1098/rsif.2024.0740.
     */
    readonly longRange: ParticleSizeRange;
    /**
     * For short-range interactions (reference `short_range`). Morawska et al. 2009;
     * Johnson et al. 2011.
     */
    readonly shortRange: ParticleSizeRange;
  };
  /**
   * The three log-normal modes of the BLO model (reference `BLOmodel`): each mode is
   * cn · N(ln d; mu, sigma) / d.
   */
  readonly bloModel: {
    /** Total aerosol concentration of each mode, cm⁻³. */
    readonly cn: BloModes;
    /** Mean of ln(d / 1 µm) of each mode. */
    readonly mu: BloModes;
    /** Standard deviation of ln(d / 1 µm) of each mode, > 0. */
    readonly sigma: BloModes;
  };
  /**
   * Dimensionless weight of each BLO mode per expiratory activity (reference
   * `expiration_BLO_factors`).
   */
  readonly expirationBloFactors: Readonly<Record<ExpirationName, BloModes>>;
  /** Particle properties (reference `particle`). */
  readonly particle: {
    /**
     * Diameter after evaporation over diameter at emission, fraction 0–1 (reference
     * `evaporation_factor`). Marr et al., doi:10.1098/rsif.2018.0298.
     */
    readonly evaporationFactor: number;
  };
}

// MARK: activity_distributions

/**
 * Breathing rates of one activity level. Henriques et al., doi:10.1098/rsfs.2021.0076,
 * and references therein.
 */
export interface ActivityRates {
  /** Inhalation rate, m³/h (reference `inhalation_rate`). */
  readonly inhalationRate: Parameter;
  /** Exhalation rate, m³/h (reference `exhalation_rate`). */
  readonly exhalationRate: Parameter;
}

// MARK: virological_data

/**
 * Weibull-shaped density of log10 viral loads, sampled by rejection under an
 * interpolation table (reference `covid_overal_vl_data`, `"Weibull distribution"`).
 * Chen et al., eLife 2021, https://elifesciences.org/articles/65774 (Fig. 4, figure
 * supplement 3, first line).
 */
export type WeibullViralLoadData = WeibullViralLoadParams;

/** One virus variant (an entry of the reference's `virus_distributions`). */
export interface VirusData {
  /**
   * Viral load in sputum, RNA copies/mL: the name of a viral-load entry of the registry,
   * or a distribution of its own (reference `viral_load_in_sputum`; a parameter here is
   * the reference's `"Custom"` with its `"Viral load custom"` entry).
   */
  readonly viralLoadInSputum: ViralLoadReference | Parameter;
  /**
   * Dose that initiates infection (ID50), RNA copies (reference `infectious_dose`).
   * Lednicky et al., doi:10.1016/j.ijid.2020.09.025; Henriques et al.,
   * doi:10.1098/rsfs.2021.0076.
   */
  readonly infectiousDose: Parameter;
  /**
   * Viable-to-RNA virus ratio, fraction 0–1 (reference `viable_to_RNA_ratio`).
   * Henriques et al., doi:10.1098/rsfs.2021.0076.
   */
  readonly viableToRnaRatio: Parameter;
  /**
   * Dimensionless factor on the infectious dose (below 1: more transmissible than the
   * wild type) (reference `transmissibility_factor.value`). Campbell et al.,
   * doi:10.2807/1560-7917.ES.2021.26.24.2100509; Omicron: Du et al.,
   * https://www.mdpi.com/1999-4915/14/4/821.
   */
  readonly transmissibilityFactor: number;
  /**
   * Days an infected person is contagious, used only for incidence rates (reference
   * `infectiousness_days.value`). French and Swiss guidelines (2021), supported by WHO
   * (WHO-2019-nCoV-IHR-Quarantine-2021.1).
   */
  readonly infectiousnessDays: number;
}

/** Viral loads and virus variants. Reference key `virological_data`. */
export interface VirologicalData {
  /**
   * Viral load of symptomatic patients, RNA copies/mL, as a kernel density over log10
   * values (reference `symptomatic_vl_frequencies`). Henriques et al.,
   * doi:10.1101/2021.10.14.21264988, and references therein.
   */
  readonly symptomaticVlFrequencies: Parameter;
  /** Overall COVID-19 viral load (reference `covid_overal_vl_data`). */
  readonly covidOverallVlData: WeibullViralLoadData;
  /** The variants (reference `virus_distributions`). */
  readonly virusDistributions: Readonly<Record<VirusName, VirusData>>;
}

// MARK: mask_distributions

/**
 * One mask type (an entry of the reference's `mask_distributions`). Efficiencies: Pan et
 * al., doi:10.1080/02786826.2021.1890687; Booth et al., doi:10.1016/j.jhin.2013.02.007;
 * Monn et al., doi:10.4209/aaqr.2020.08.0531.
 */
export interface MaskData {
  /** Filtration efficiency when inhaling, fraction 0–1 (reference `η_inhale`). */
  readonly etaInhale: Parameter;
  /**
   * Filtration efficiency when exhaling, fraction 0–1 (reference `η_exhale`); when
   * absent the model uses its diameter-dependent exhale efficiency.
   */
  readonly etaExhale?: Parameter;
  /** Dimensionless factor on the exhale efficiency (reference `factor_exhale.value`). */
  readonly factorExhale: number;
}

// MARK: room, ventilation, concentration_model

/** Room defaults. Reference key `room`. */
export interface RoomData {
  /** Inside air temperature, K (reference `inside_temp`). */
  readonly insideTemp: number;
  /** Relative humidity with heating on, fraction 0–1 (reference `humidity_with_heating`). */
  readonly humidityWithHeating: number;
  /** Relative humidity without heating, fraction 0–1 (reference `humidity_without_heating`). */
  readonly humidityWithoutHeating: number;
}

/**
 * Ventilation defaults. Reference key `ventilation`. Henriques et al.,
 * doi:10.1101/2021.10.14.21264988.
 */
export interface VentilationData {
  /** Natural ventilation (reference `natural`). */
  readonly natural: {
    /** Discharge coefficients (reference `discharge_factor`). */
    readonly dischargeFactor: {
      /** Discharge coefficient of sliding windows, dimensionless (reference `sliding`). */
      readonly sliding: number;
    };
  };
  /** Air exchange through infiltration, h⁻¹ (reference `infiltration_ventilation`). */
  readonly infiltrationVentilation: number;
}

/** Concentration-model constants. Reference key `concentration_model`. */
export interface ConcentrationModelData {
  /** Virus concentration (reference `virus_concentration_model`). */
  readonly virusConcentrationModel: {
    /** Background concentration, virions/m³ (reference `min_background_concentration`). */
    readonly minBackgroundConcentration: number;
  };
  /**
   * CO2 concentration (reference `CO2_concentration_model`). ECMWF CO2 forecasts,
   * https://charts.ecmwf.int/products/carbon-dioxide-forecasts; Zhang et al.,
   * https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7127751/.
   */
  readonly co2ConcentrationModel: {
    /** Outdoor CO2 concentration, ppm (reference `CO2_atmosphere_concentration`). */
    readonly co2AtmosphereConcentration: number;
    /** CO2 volume fraction of exhaled air, fraction 0–1 (reference `CO2_fraction_exhaled`). */
    readonly co2FractionExhaled: number;
  };
}

// MARK: short_range_model

/** Short-range (expiratory jet) model. Reference key `short_range_model`. */
export interface ShortRangeModelData {
  /**
   * Jet dilution (reference `dilution_factor`). Jia et al.,
   * doi:10.1016/j.buildenv.2022.109166.
   */
  readonly dilutionFactor: {
    /** Mouth opening diameter, m (reference `mouth_diameter`). */
    readonly mouthDiameter: number;
    /**
     * Ratio of the breathing-cycle duration to the exhalation duration, dimensionless
     * (reference `exhalation_coefficient`, φ).
     */
    readonly exhalationCoefficient: number;
    /** Duration of one breathing cycle, s (reference `breathing_cycle`). */
    readonly breathingCycle: number;
    /** Dimensionless jet penetration coefficients (reference `penetration_coefficients`). */
    readonly penetrationCoefficients: {
      /** Radial coefficient of the jet-like stage (reference `𝛽r1`). */
      readonly betaR1: number;
      /** Radial coefficient of the puff-like stage (reference `𝛽r2`). */
      readonly betaR2: number;
      /** Streamwise coefficient of the jet-like stage (reference `𝛽x1`). */
      readonly betaX1: number;
    };
  };
  /**
   * Bounds of the interpersonal distance during a conversation (reference
   * `conversational_distance`). Derived from Fig. 8 a) "stand-stand" of Zhang et al.,
   * https://www.mdpi.com/1660-4601/17/4/1445.
   */
  readonly conversationalDistance: {
    /** Shortest distance, m (reference `minimum_distance`). */
    readonly minimumDistance: number;
    /** Longest distance, m (reference `maximum_distance`). */
    readonly maximumDistance: number;
  };
}

// MARK: population_scenario_activity

/** A preset of the form's activity type (an entry of `population_scenario_activity`). */
export interface PopulationScenario {
  /** Label shown to the user (reference `placeholder`). */
  readonly placeholder: string;
  /** Activity level of the occupants, or "" when the user chooses (reference `activity`). */
  readonly activity: ActivityName | "";
  /**
   * Relative weight of each expiratory activity, >= 0 (reference `expiration`). With
   * `loadRegistry` an override merges into these weights; set a weight to 0 to
   * drop an expiration.
   */
  readonly expiration: Readonly<Partial<Record<ExpirationName, number>>>;
}

// MARK: the registry

/**
 * Every default parameter of the model: the reference's `DataRegistry`.
 *
 * Values that may vary per Monte Carlo sample are {@link Parameter}s; use
 * `toDistribution` to sample them.
 * @example Usage
 * ```ts
 * import { type DataRegistry, DEFAULT_REGISTRY } from "./mod.ts";
 * const registry: DataRegistry = DEFAULT_REGISTRY;
 * if (!(registry.monteCarlo.sampleSize > 0)) throw new Error("a sample size");
 * ```
 */
export interface DataRegistry {
  /**
   * Version of the data, when loaded from a data service, else null (reference
   * `version`; the report shows it as `data_registry_version`).
   */
  readonly version: string | null;
  /** Expired particles (reference `expiration_particle`). */
  readonly expirationParticle: ExpirationParticleData;
  /** Breathing rates per activity level (reference `activity_distributions`). */
  readonly activityDistributions: Readonly<Record<ActivityName, ActivityRates>>;
  /** Viral loads and variants (reference `virological_data`). */
  readonly virologicalData: VirologicalData;
  /** Mask efficiencies per mask type (reference `mask_distributions`). */
  readonly maskDistributions: Readonly<Record<MaskName, MaskData>>;
  /** Room defaults (reference `room`). */
  readonly room: RoomData;
  /** Ventilation defaults (reference `ventilation`). */
  readonly ventilation: VentilationData;
  /** Concentration-model constants (reference `concentration_model`). */
  readonly concentrationModel: ConcentrationModelData;
  /** Short-range model constants (reference `short_range_model`). */
  readonly shortRangeModel: ShortRangeModelData;
  /** Monte Carlo settings (reference `monte_carlo`). */
  readonly monteCarlo: {
    /** Number of samples per Monte Carlo draw, integer >= 1 (reference `sample_size`). */
    readonly sampleSize: number;
  };
  /**
   * Presets of the form's `activity_type`, keyed by its value (reference
   * `population_scenario_activity`).
   */
  readonly populationScenarioActivity: Readonly<Record<string, PopulationScenario>>;
}

// MARK: values

/** Same distribution for inhalation and exhalation, as in the reference. */
function breathing(meanGaussian: number, standardDeviationGaussian: number): ActivityRates {
  const rate: LogNormalParameter = {
    kind: "lognormal",
    meanGaussian,
    standardDeviationGaussian,
  };
  return { inhalationRate: rate, exhalationRate: { ...rate } };
}

/**
 * A SARS-CoV-2 variant with the reference's shared values: overall viral load, ID50
 * uniform on [10, 100) RNA copies, viable-to-RNA ratio uniform on [0.01, 0.6), 14 days.
 */
function sarsCoV2(transmissibilityFactor: number): VirusData {
  return {
    viralLoadInSputum: "covidOverallVlData",
    infectiousDose: { kind: "uniform", low: 10, high: 100 },
    viableToRnaRatio: { kind: "uniform", low: 0.01, high: 0.6 },
    transmissibilityFactor,
    infectiousnessDays: 14,
  };
}

/**
 * Kernel density of symptomatic viral loads (reference `symptomatic_vl_frequencies`):
 * 38 log10 viral loads with their frequencies, bandwidth 0.1.
 */
const SYMPTOMATIC_VL_FREQUENCIES: LogCustomKernelParameter = {
  kind: "logCustomKernel",
  logVariable: [
    2.46032,
    2.67431,
    2.85434,
    3.06155,
    3.25856,
    3.47256,
    3.66957,
    3.85979,
    4.09927,
    4.27081,
    4.47631,
    4.66653,
    4.87204,
    5.10302,
    5.27456,
    5.46478,
    5.6533,
    5.88428,
    6.07281,
    6.30549,
    6.48552,
    6.64856,
    6.85407,
    7.10373,
    7.30075,
    7.47229,
    7.66081,
    7.85782,
    8.05653,
    8.27053,
    8.48453,
    8.65607,
    8.90573,
    9.06878,
    9.27429,
    9.473,
    9.66152,
    9.87552,
  ],
  frequencies: [
    0.001206885,
    0.007851618,
    0.008078144,
    0.01502491,
    0.013258014,
    0.018528495,
    0.020053765,
    0.021896167,
    0.022047184,
    0.018604005,
    0.01547796,
    0.018075445,
    0.021503523,
    0.022349217,
    0.025097721,
    0.032875078,
    0.030594727,
    0.032573045,
    0.034717482,
    0.034792991,
    0.033267721,
    0.042887485,
    0.036846816,
    0.03876473,
    0.045016819,
    0.040063473,
    0.04883754,
    0.043944602,
    0.048142864,
    0.041588741,
    0.048762031,
    0.027921732,
    0.033871788,
    0.022122693,
    0.016927718,
    0.008833228,
    0.00478598,
    0.002807662,
  ],
  bandwidth: 0.1,
};

/**
 * The reference's default registry (CAiMIRA 4.19.0), deeply frozen. Use
 * `loadRegistry` to change values.
 *
 * @example Usage
 * ```ts
 * import { DEFAULT_REGISTRY } from "./mod.ts";
 * const temperature = DEFAULT_REGISTRY.room.insideTemp; // K
 * if (temperature !== 293) throw new Error("bad");
 * ```
 */
export const DEFAULT_REGISTRY: DataRegistry = deepFreeze<DataRegistry>({
  version: null,
  expirationParticle: {
    particleSizeRange: {
      longRange: { minimumDiameter: 0.1, maximumDiameter: 20 },
      shortRange: { minimumDiameter: 0.1, maximumDiameter: 100 },
    },
    bloModel: {
      cn: { B: 0.06, L: 0.2, O: 0.0010008 },
      mu: { B: 0.989541, L: 1.38629, O: 4.97673 },
      sigma: { B: 0.262364, L: 0.506818, O: 0.585005 },
    },
    expirationBloFactors: {
      Breathing: { B: 1, L: 0, O: 0 },
      Speaking: { B: 1, L: 1, O: 1 },
      Singing: { B: 1, L: 5, O: 5 },
      Shouting: { B: 1, L: 5, O: 5 },
    },
    particle: { evaporationFactor: 0.3 },
  },
  activityDistributions: {
    "Seated": breathing(-0.6872121723362303, 0.10498338229297108),
    "Standing": breathing(-0.5742377578494785, 0.09373162411398223),
    "Light activity": breathing(0.21380242785625422, 0.09435378091059601),
    "Moderate activity": breathing(0.551771330362601, 0.1894616357138137),
    "Heavy exercise": breathing(1.1644665696723049, 0.21744554768657565),
  },
  virologicalData: {
    symptomaticVlFrequencies: SYMPTOMATIC_VL_FREQUENCIES,
    covidOverallVlData: {
      shapeFactor: 3.47,
      scaleFactor: 7.01,
      start: 0.01,
      stop: 0.99,
      num: 30,
      minBound: 2,
      maxBound: 10,
      interpolationFpLeft: 0,
      interpolationFpRight: 0,
      maxFunction: 0.2,
    },
    virusDistributions: {
      SARS_CoV_2: sarsCoV2(1),
      SARS_CoV_2_ALPHA: sarsCoV2(0.78),
      SARS_CoV_2_BETA: sarsCoV2(0.8),
      SARS_CoV_2_GAMMA: sarsCoV2(0.72),
      SARS_CoV_2_DELTA: sarsCoV2(0.51),
      SARS_CoV_2_OMICRON: sarsCoV2(0.2),
    },
  },
  maskDistributions: {
    "Type I": {
      etaInhale: { kind: "uniform", low: 0.25, high: 0.8 },
      factorExhale: 1,
    },
    "FFP2": {
      etaInhale: { kind: "uniform", low: 0.83, high: 0.91 },
      factorExhale: 1,
    },
    "Cloth": {
      etaInhale: { kind: "uniform", low: 0.05, high: 0.4 },
      etaExhale: { kind: "uniform", low: 0.2, high: 0.5 },
      factorExhale: 1,
    },
  },
  room: { insideTemp: 293, humidityWithHeating: 0.3, humidityWithoutHeating: 0.5 },
  ventilation: {
    natural: { dischargeFactor: { sliding: 0.6 } },
    infiltrationVentilation: 0.25,
  },
  concentrationModel: {
    virusConcentrationModel: { minBackgroundConcentration: 0 },
    co2ConcentrationModel: { co2AtmosphereConcentration: 440.44, co2FractionExhaled: 0.042 },
  },
  shortRangeModel: {
    dilutionFactor: {
      mouthDiameter: 0.02,
      exhalationCoefficient: 2,
      breathingCycle: 4,
      penetrationCoefficients: { betaR1: 0.18, betaR2: 0.2, betaX1: 2.4 },
    },
    conversationalDistance: { minimumDistance: 0.5, maximumDistance: 2 },
  },
  monteCarlo: { sampleSize: 250_000 },
  populationScenarioActivity: {
    "office": {
      placeholder: "Office",
      activity: "Seated",
      expiration: { Speaking: 1, Breathing: 2 },
    },
    "smallmeeting": {
      placeholder: "Small meeting (<10 occ.)",
      activity: "Seated",
      expiration: { Speaking: 1 },
    },
    "largemeeting": {
      placeholder: "Large meeting (>= 10 occ.)",
      activity: "Standing",
      expiration: { Speaking: 1, Breathing: 2 },
    },
    "callcenter": { placeholder: "Call Center", activity: "Seated", expiration: { Speaking: 1 } },
    "controlroom-day": {
      placeholder: "Control Room - Day shift",
      activity: "Seated",
      expiration: { Speaking: 1, Breathing: 1 },
    },
    "controlroom-night": {
      placeholder: "Control Room - Night shift",
      activity: "Seated",
      expiration: { Speaking: 1, Breathing: 9 },
    },
    "library": { placeholder: "Library", activity: "Seated", expiration: { Breathing: 1 } },
    "lab": {
      placeholder: "Lab",
      activity: "Light activity",
      expiration: { Speaking: 1, Breathing: 1 },
    },
    "workshop": {
      placeholder: "Workshop",
      activity: "Moderate activity",
      expiration: { Speaking: 1, Breathing: 1 },
    },
    "training": {
      placeholder: "Conference/Training (speaker infected)",
      activity: "Standing",
      expiration: { Speaking: 1 },
    },
    "training_attendee": {
      placeholder: "Conference/Training (attendee infected)",
      activity: "Seated",
      expiration: { Breathing: 1 },
    },
    "gym": { placeholder: "Gym", activity: "Heavy exercise", expiration: { Breathing: 1 } },
    "household-day": {
      placeholder: "Household (day time)",
      activity: "Light activity",
      expiration: { Breathing: 5, Speaking: 5 },
    },
    "household-night": {
      placeholder: "Household (evening and night time)",
      activity: "Seated",
      expiration: { Breathing: 7, Speaking: 3 },
    },
    "primary-school": {
      placeholder: "Primary school",
      activity: "Light activity",
      expiration: { Breathing: 5, Speaking: 5 },
    },
    "secondary-school": {
      placeholder: "Secondary school",
      activity: "Light activity",
      expiration: { Breathing: 7, Speaking: 3 },
    },
    "university": {
      placeholder: "University",
      activity: "Seated",
      expiration: { Breathing: 9, Speaking: 1 },
    },
    "restaurant": {
      placeholder: "Restaurant",
      activity: "Seated",
      expiration: { Breathing: 1, Speaking: 9 },
    },
    "precise": { placeholder: "Precise", activity: "", expiration: {} },
  },
});
