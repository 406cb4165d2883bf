/**
 * The reference's own JSON layout of the registry (its `DataRegistry.to_dict()`, or the
 * `data` of its data service), translated to our camelCase layout, and our paths
 * translated back for error messages.
 *
 * Translation rules: snake_case keys map to the camelCase fields of `DataRegistry`;
 * `{"associated_value", "parameters"}` entries become `Parameter` objects;
 * `{"value": x}` entries become x; `"references"` keys are dropped; a virus's
 * `"viral_load_in_sputum"` becomes a viral-load name, or with `"Custom"`, the parameter
 * in its `"Viral load custom"` entry.
 *
 * @module
 */
import { ACTIVITY_NAMES, EXPIRATION_NAMES, MASK_NAMES, VIRUS_NAMES } from "./defaults.ts";
import {
  describeValue,
  formatRegistryPath,
  oneOf,
  type PathSegment,
  RegistryError,
} from "./error.ts";
import type { ParameterKind } from "./parameters.ts";
import { isPlainObject } from "./_merge.ts";

// MARK: layout

type Spec =
  | { readonly t: "leaf" }
  | { readonly t: "param" }
  | { readonly t: "value" }
  | { readonly t: "tag"; readonly expected: string }
  | { readonly t: "record"; readonly item: Spec }
  | ObjectSpec;

/** An object node: reference key -> [native key (null: merge into the parent), child]. */
interface ObjectSpec {
  readonly t: "object";
  readonly fields: Readonly<Record<string, readonly [string | null, Spec]>>;
  /** Whether this is a virus entry (viral load keys are handled specially). */
  readonly virus?: boolean;
}

const leaf: Spec = { t: "leaf" };
const param: Spec = { t: "param" };
const value: Spec = { t: "value" };

function obj(fields: ObjectSpec["fields"], virus = false): ObjectSpec {
  return { t: "object", fields, virus };
}

/** An object whose keys are data names, identical in both layouts. */
function named(names: readonly string[], item: Spec): ObjectSpec {
  return obj(Object.fromEntries(names.map((n) => [n, [n, item] as const])));
}

const BLO = named(["B", "L", "O"], leaf);

const SIZE_RANGE = obj({
  minimum_diameter: ["minimumDiameter", leaf],
  maximum_diameter: ["maximumDiameter", leaf],
});

const VIRUS = obj({
  viral_load_in_sputum: ["viralLoadInSputum", leaf],
  "Viral load custom": [null, param],
  infectious_dose: ["infectiousDose", param],
  viable_to_RNA_ratio: ["viableToRnaRatio", param],
  transmissibility_factor: ["transmissibilityFactor", value],
  infectiousness_days: ["infectiousnessDays", value],
}, true);

const REGISTRY = obj({
  version: ["version", leaf],
  expiration_particle: [
    "expirationParticle",
    obj({
      particle_size_range: [
        "particleSizeRange",
        obj({
          long_range: ["longRange", SIZE_RANGE],
          short_range: ["shortRange", SIZE_RANGE],
        }),
      ],
      BLOmodel: ["bloModel", obj({ cn: ["cn", BLO], mu: ["mu", BLO], sigma: ["sigma", BLO] })],
      expiration_BLO_factors: ["expirationBloFactors", named(EXPIRATION_NAMES, BLO)],
      particle: ["particle", obj({ evaporation_factor: ["evaporationFactor", leaf] })],
    }),
  ],
  activity_distributions: [
    "activityDistributions",
    named(
      ACTIVITY_NAMES,
      obj({
        inhalation_rate: ["inhalationRate", param],
        exhalation_rate: ["exhalationRate", param],
      }),
    ),
  ],
  virological_data: [
    "virologicalData",
    obj({
      symptomatic_vl_frequencies: ["symptomaticVlFrequencies", param],
      covid_overal_vl_data: [
        "covidOverallVlData",
        obj({
          associated_value: [null, { t: "tag", expected: "Weibull distribution" }],
          parameters: [
            null,
            obj({
              shape_factor: ["shapeFactor", leaf],
              scale_factor: ["scaleFactor", leaf],
              start: ["start", leaf],
              stop: ["stop", leaf],
              num: ["num", leaf],
              min_bound: ["minBound", leaf],
              max_bound: ["maxBound", leaf],
              interpolation_fp_left: ["interpolationFpLeft", leaf],
              interpolation_fp_right: ["interpolationFpRight", leaf],
              max_function: ["maxFunction", leaf],
            }),
          ],
        }),
      ],
      virus_distributions: ["virusDistributions", named(VIRUS_NAMES, VIRUS)],
    }),
  ],
  mask_distributions: [
    "maskDistributions",
    named(
      MASK_NAMES,
      obj({
        "η_inhale": ["etaInhale", param],
        "η_exhale": ["etaExhale", param],
        factor_exhale: ["factorExhale", value],
      }),
    ),
  ],
  room: [
    "room",
    obj({
      inside_temp: ["insideTemp", leaf],
      humidity_with_heating: ["humidityWithHeating", leaf],
      humidity_without_heating: ["humidityWithoutHeating", leaf],
    }),
  ],
  ventilation: [
    "ventilation",
    obj({
      natural: [
        "natural",
        obj({
          discharge_factor: ["dischargeFactor", obj({ sliding: ["sliding", leaf] })],
        }),
      ],
      infiltration_ventilation: ["infiltrationVentilation", leaf],
    }),
  ],
  concentration_model: [
    "concentrationModel",
    obj({
      virus_concentration_model: [
        "virusConcentrationModel",
        obj({
          min_background_concentration: ["minBackgroundConcentration", leaf],
        }),
      ],
      CO2_concentration_model: [
        "co2ConcentrationModel",
        obj({
          CO2_atmosphere_concentration: ["co2AtmosphereConcentration", leaf],
          CO2_fraction_exhaled: ["co2FractionExhaled", leaf],
        }),
      ],
    }),
  ],
  short_range_model: [
    "shortRangeModel",
    obj({
      dilution_factor: [
        "dilutionFactor",
        obj({
          mouth_diameter: ["mouthDiameter", leaf],
          exhalation_coefficient: ["exhalationCoefficient", leaf],
          breathing_cycle: ["breathingCycle", leaf],
          penetration_coefficients: [
            "penetrationCoefficients",
            obj({
              "𝛽r1": ["betaR1", leaf],
              "𝛽r2": ["betaR2", leaf],
              "𝛽x1": ["betaX1", leaf],
            }),
          ],
        }),
      ],
      conversational_distance: [
        "conversationalDistance",
        obj({
          minimum_distance: ["minimumDistance", leaf],
          maximum_distance: ["maximumDistance", leaf],
        }),
      ],
    }),
  ],
  monte_carlo: ["monteCarlo", obj({ sample_size: ["sampleSize", leaf] })],
  population_scenario_activity: ["populationScenarioActivity", {
    t: "record",
    item: obj({
      placeholder: ["placeholder", leaf],
      activity: ["activity", leaf],
      expiration: ["expiration", leaf],
    }),
  }],
});

/** The reference's `associated_value` of each parameter kind. */
const KIND_NAMES: Readonly<Record<ParameterKind, string>> = {
  lognormal: "Log-normal distribution",
  normal: "Normal distribution",
  uniform: "Uniform distribution",
  logCustomKernel: "Log Custom Kernel distribution",
  constant: "Constant value",
};

/** Reference key of each parameter field inside `parameters`, per kind. */
const PARAMETER_KEYS: Readonly<Record<ParameterKind, Readonly<Record<string, string>>>> = {
  lognormal: {
    lognormal_mean_gaussian: "meanGaussian",
    lognormal_standard_deviation_gaussian: "standardDeviationGaussian",
  },
  normal: {
    normal_mean_gaussian: "mean",
    normal_standard_deviation_gaussian: "standardDeviation",
  },
  uniform: { low: "low", high: "high" },
  logCustomKernel: {
    log_variable: "logVariable",
    frequencies: "frequencies",
    kernel_bandwidth: "bandwidth",
  },
  constant: {},
};

const ALL_PARAMETER_KEYS: Readonly<Record<string, string>> = Object.assign(
  {},
  ...Object.values(PARAMETER_KEYS),
);

/** The reference's `ViralLoads` values and our viral-load names. */
const VIRAL_LOADS: Readonly<Record<string, string>> = {
  "Ref: Viral load - covid overal viral load data": "covidOverallVlData",
  "Ref: Viral load - symptomatic viral load frequencies": "symptomaticVlFrequencies",
};
const CUSTOM_VIRAL_LOAD = "Custom";
const CUSTOM_VIRAL_LOAD_KEY = "Viral load custom";

// MARK: reference -> native

/**
 * Translates a (partial) registry in the reference's layout to our layout.
 *
 * @param input The reference-layout override (parsed JSON).
 * @returns The same override in our layout, still partial and not yet validated.
 * @throws {RegistryError} On unknown keys or entries that cannot be translated, with the
 *   reference's path.
 */
export function fromReferenceFormat(input: unknown): unknown {
  return convert(REGISTRY, input, []);
}

function fail(path: readonly PathSegment[], problem: string): never {
  throw new RegistryError(formatRegistryPath(path), problem);
}

function convert(spec: Spec, input: unknown, path: readonly PathSegment[]): unknown {
  switch (spec.t) {
    case "leaf":
      return input;
    case "param":
      return convertParameter(input, path);
    case "value":
      return convertValue(input, path);
    case "tag":
      if (input !== spec.expected) {
        fail(path, `expected ${JSON.stringify(spec.expected)} but found ${describeValue(input)}`);
      }
      return undefined;
    case "record": {
      const entries = requireObject(input, path);
      return Object.fromEntries(
        Object.entries(entries).map(([k, v]) => [k, convert(spec.item, v, [...path, k])]),
      );
    }
    case "object":
      return convertObject(spec, input, path);
  }
}

function requireObject(input: unknown, path: readonly PathSegment[]): Record<string, unknown> {
  if (!isPlainObject(input)) fail(path, `expected an object but found ${describeValue(input)}`);
  return input;
}

function requireKnownKeys(
  input: Record<string, unknown>,
  known: readonly string[],
  path: readonly PathSegment[],
): void {
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) {
      fail(
        [...path, key],
        `expected one of the keys ${known.join(", ")} but found the unknown key ${
          JSON.stringify(key)
        }`,
      );
    }
  }
}

function convertObject(
  spec: ObjectSpec,
  input: unknown,
  path: readonly PathSegment[],
): Record<string, unknown> {
  const entries = requireObject(input, path);
  requireKnownKeys(entries, [...Object.keys(spec.fields), "references"], path);
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(entries)) {
    if (key === "references" || (spec.virus && key === CUSTOM_VIRAL_LOAD_KEY)) continue;
    const [native, child] = spec.fields[key];
    if (spec.virus && native === "viralLoadInSputum") {
      out[native] = convertViralLoad(entries, path);
      continue;
    }
    const converted = convert(child, raw, [...path, key]);
    if (native === null) {
      if (isPlainObject(converted)) Object.assign(out, converted);
    } else if (converted !== undefined) {
      out[native] = converted;
    }
  }
  if (spec.virus && entries[CUSTOM_VIRAL_LOAD_KEY] !== undefined && !("viralLoadInSputum" in out)) {
    fail(
      [...path, CUSTOM_VIRAL_LOAD_KEY],
      `expected it only next to viral_load_in_sputum "Custom" but found no viral_load_in_sputum`,
    );
  }
  return out;
}

function convertViralLoad(virus: Record<string, unknown>, path: readonly PathSegment[]): unknown {
  const name = virus.viral_load_in_sputum;
  if (typeof name === "string" && Object.hasOwn(VIRAL_LOADS, name)) return VIRAL_LOADS[name];
  if (name === CUSTOM_VIRAL_LOAD) {
    const custom = virus[CUSTOM_VIRAL_LOAD_KEY];
    if (custom === undefined) {
      fail(
        [...path, CUSTOM_VIRAL_LOAD_KEY],
        `expected a parameter for viral_load_in_sputum "Custom" but found no value`,
      );
    }
    return convertParameter(custom, [...path, CUSTOM_VIRAL_LOAD_KEY]);
  }
  const options = [...Object.keys(VIRAL_LOADS), CUSTOM_VIRAL_LOAD].map((o) => JSON.stringify(o));
  return fail(
    [...path, "viral_load_in_sputum"],
    `expected ${oneOf(options)} but found ${describeValue(name)}`,
  );
}

function convertValue(input: unknown, path: readonly PathSegment[]): unknown {
  const entries = requireObject(input, path);
  requireKnownKeys(entries, ["value", "references"], path);
  return entries.value;
}

function convertParameter(input: unknown, path: readonly PathSegment[]): unknown {
  if (typeof input === "number") return input;
  const entries = requireObject(input, path);
  requireKnownKeys(entries, ["associated_value", "parameters", "references"], path);
  let kind: ParameterKind | undefined;
  if (entries.associated_value !== undefined) {
    kind = (Object.keys(KIND_NAMES) as ParameterKind[]).find((k) =>
      KIND_NAMES[k] === entries.associated_value
    );
    if (kind === undefined) {
      const names = Object.values(KIND_NAMES).map((n) => JSON.stringify(n));
      fail(
        [...path, "associated_value"],
        `expected ${oneOf(names)} but found ${describeValue(entries.associated_value)}`,
      );
    }
  }
  const params = entries.parameters;
  // "Constant value": the reference's `parameters` is the value itself.
  if (kind === "constant") return params === undefined ? { kind } : { kind, value: params };
  const out: Record<string, unknown> = kind === undefined ? {} : { kind };
  if (params === undefined) return out;
  const fields = requireObject(params, [...path, "parameters"]);
  const keys = kind === undefined ? ALL_PARAMETER_KEYS : PARAMETER_KEYS[kind];
  requireKnownKeys(fields, Object.keys(keys), [...path, "parameters"]);
  for (const [key, v] of Object.entries(fields)) out[keys[key]] = v;
  return out;
}

// MARK: native path -> reference path

/**
 * The reference-layout path of a value, given its path in our layout (for error
 * messages about a reference-layout override).
 *
 * @param path Keys and indices in our layout.
 * @returns The same location in the reference's layout.
 */
export function toReferencePath(path: readonly PathSegment[]): PathSegment[] {
  return referencePath(REGISTRY, path);
}

function referencePath(spec: Spec, rest: readonly PathSegment[]): PathSegment[] {
  if (spec.t === "value") return ["value", ...rest];
  if (rest.length === 0) return [];
  const [head, ...tail] = rest;
  switch (spec.t) {
    case "param":
      return parameterPath(rest);
    case "record":
      return [head, ...referencePath(spec.item, tail)];
    case "object": {
      if (spec.virus && head === "viralLoadInSputum") {
        return tail.length === 0
          ? ["viral_load_in_sputum"]
          : [CUSTOM_VIRAL_LOAD_KEY, ...parameterPath(tail)];
      }
      for (const [refKey, [native, child]] of Object.entries(spec.fields)) {
        if (native === head) return [refKey, ...referencePath(child, tail)];
        if (native === null && child.t === "object") {
          const inner = Object.values(child.fields).some(([n]) => n === head);
          if (inner) return [refKey, ...referencePath(child, rest)];
        }
      }
      return [...rest];
    }
    default:
      return [...rest];
  }
}

function parameterPath(rest: readonly PathSegment[]): PathSegment[] {
  const [head, ...tail] = rest;
  if (head === "kind") return ["associated_value", ...tail];
  if (head === "value") return ["parameters", ...tail];
  const refKey = Object.keys(ALL_PARAMETER_KEYS).find((k) => ALL_PARAMETER_KEYS[k] === head);
  return refKey === undefined ? [...rest] : ["parameters", refKey, ...tail];
}
