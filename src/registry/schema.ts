/**
 * Schema of a complete {@link DataRegistry} (internal: the public API is
 * `loadRegistry`), read with the toolkit of `../schema.ts`. Objects are strict, so
 * unknown keys are errors. Every message starts with "expected"; `_issues.ts` adds
 * "but found …".
 *
 * @module
 */
import {
  array,
  discriminated,
  enumOf,
  isObject,
  literal,
  number,
  object,
  type Payload,
  preprocess,
  record,
  Schema,
  type Shape,
  string,
} from "../schema.ts";
import {
  ACTIVITY_NAMES,
  type DataRegistry,
  EXPIRATION_NAMES,
  MASK_NAMES,
  VIRAL_LOAD_REFERENCES,
  VIRUS_NAMES,
  type VirusData,
} from "./defaults.ts";
import { listOf, oneOf } from "./error.ts";
import type { Parameter } from "./parameters.ts";

// MARK: building blocks

/** A strict object whose unknown-key error lists the allowed keys. */
function strict<const T extends Shape>(shape: T) {
  const keys = Object.keys(shape).join(", ");
  return object(shape, {
    notObject: "expected an object",
    unknownKeys: `expected one of the keys ${keys}`,
  });
}

/** A strict object with exactly the given names as keys, each holding `value`. */
function keyed<K extends string, V>(names: readonly K[], value: Schema<V>) {
  return strict(Object.fromEntries(names.map((n) => [n, value])) as Record<K, Schema<V>>);
}

/** A finite number. */
const finite = number("expected a number");
/** A finite number that passes `test`. */
const numberWhere = (test: (v: number) => boolean, expected: string) =>
  finite.refine(test, expected);
/** A number >= 0. */
const nonNegative = numberWhere((v) => v >= 0, "expected a non-negative number");
/** A number > 0. */
const positive = numberWhere((v) => v > 0, "expected a positive number");
/** A fraction in [0, 1]. */
const fraction = numberWhere((v) => v >= 0 && v <= 1, "expected a fraction between 0 and 1");
/** A fraction in (0, 1]. */
const positiveFraction = numberWhere((v) => v > 0 && v <= 1, "expected a fraction in (0, 1]");
/** A fraction in (0, 1), e.g. a quantile with a finite Weibull value. */
const openFraction = numberWhere((v) => v > 0 && v < 1, "expected a fraction in (0, 1)");

/** An integer of at least `min`. */
function integerFrom(min: number, expected: string): Schema<number> {
  return number("expected an integer")
    .refine(Number.isInteger, "expected an integer")
    .refine((v) => v >= min, expected);
}

/** A list of `item`, with at least one. */
function nonEmptyList<O>(item: Schema<O>): Schema<O[]> {
  return array(item, "expected an array").superRefine((list, ctx) => {
    if (list.length === 0) ctx.addIssue({ message: "expected at least 1 item but found 0" });
  });
}

/** Adds an issue at `key` unless `low < high` (or `low <= high` when `allowEqual`). */
function ordered<T extends Record<string, unknown>>(
  lowKey: keyof T & string,
  highKey: keyof T & string,
  allowEqual = false,
) {
  return (ctx: Payload<T>): void => {
    const low = ctx.value[lowKey];
    const high = ctx.value[highKey];
    if (typeof low !== "number" || typeof high !== "number") return;
    if (allowEqual ? high >= low : high > low) return;
    ctx.issues.push({
      code: "custom",
      input: high,
      path: [highKey],
      message: `expected ${highKey} ${allowEqual ? ">=" : ">"} ${lowKey} but found ${high} ${
        allowEqual ? "<" : "<="
      } ${low}`,
    });
  };
}

// MARK: parameters

/** The `kind` of a parameter (the option is chosen by it, so it always matches). */
const kind = <const K extends string>(name: K) => literal(name, `expected ${JSON.stringify(name)}`);

const LogNormalParameterSchema = strict({
  kind: kind("lognormal"),
  meanGaussian: finite,
  standardDeviationGaussian: nonNegative,
});

const NormalParameterSchema = strict({
  kind: kind("normal"),
  mean: finite,
  standardDeviation: nonNegative,
});

const LogCustomKernelParameterSchema = strict({
  kind: kind("logCustomKernel"),
  logVariable: nonEmptyList(finite),
  frequencies: nonEmptyList(nonNegative),
  bandwidth: positive,
}).check((ctx) => {
  const { logVariable, frequencies } = ctx.value;
  if (!Array.isArray(logVariable) || !Array.isArray(frequencies)) return;
  if (frequencies.length !== logVariable.length) {
    ctx.issues.push({
      code: "custom",
      input: frequencies,
      path: ["frequencies"],
      message:
        `expected as many frequencies as logVariable values (${logVariable.length}) but found ${frequencies.length}`,
    });
  } else if (!(frequencies.reduce((a, b) => a + b, 0) > 0)) {
    ctx.issues.push({
      code: "custom",
      input: frequencies,
      path: ["frequencies"],
      message: "expected frequencies with a positive sum but found a sum of 0",
    });
  }
});

/**
 * A {@link Parameter} whose constant value and uniform bounds lie in `range`; a bare
 * number is read as a constant.
 */
function parameter(range: Schema<number>): Schema<Parameter> {
  const options: { readonly [kind in Parameter["kind"]]: Schema<Parameter> } = {
    lognormal: LogNormalParameterSchema,
    normal: NormalParameterSchema,
    uniform: strict({ kind: kind("uniform"), low: range, high: range })
      .check(ordered("low", "high", true)),
    logCustomKernel: LogCustomKernelParameterSchema,
    constant: strict({ kind: kind("constant"), value: range }),
  };
  const kinds = Object.keys(options).map((k) => JSON.stringify(k));
  return preprocess(
    (v) => typeof v === "number" ? { kind: "constant", value: v } : v,
    discriminated("kind", options, {
      notObject: "expected an object",
      unknownOption: `expected ${oneOf(kinds)}`,
    }),
  );
}

/** A parameter of a non-negative quantity (rates, doses, viral loads). */
const nonNegativeParameter = parameter(nonNegative);
/** A parameter of a fraction 0–1 (efficiencies, ratios). */
const fractionParameter = parameter(fraction);

// MARK: groups

const BloModesSchema = strict({ B: finite, L: finite, O: finite });
/** Whether the numbers of an object (absent ones aside) have a positive sum. */
const positiveSum = (weights: Readonly<Record<string, number | undefined>>) =>
  Object.values(weights).reduce((a: number, b) => a + (b ?? 0), 0) > 0;

const NonNegativeBloModesSchema = strict({ B: nonNegative, L: nonNegative, O: nonNegative })
  .refine(positiveSum, "expected mode frequencies with a positive sum but found a sum of 0");

const ParticleSizeRangeSchema = strict({
  minimumDiameter: positive,
  maximumDiameter: positive,
}).check(ordered("minimumDiameter", "maximumDiameter"));

const ExpirationParticleSchema = strict({
  particleSizeRange: strict({
    longRange: ParticleSizeRangeSchema,
    shortRange: ParticleSizeRangeSchema,
  }),
  bloModel: strict({
    cn: NonNegativeBloModesSchema,
    mu: BloModesSchema,
    sigma: strict({ B: positive, L: positive, O: positive }),
  }),
  expirationBloFactors: keyed(EXPIRATION_NAMES, NonNegativeBloModesSchema),
  particle: strict({ evaporationFactor: positiveFraction }),
});

const ActivityRatesSchema = strict({
  inhalationRate: nonNegativeParameter,
  exhalationRate: nonNegativeParameter,
});

const WeibullViralLoadSchema = strict({
  shapeFactor: positive,
  scaleFactor: positive,
  start: openFraction,
  stop: openFraction,
  num: integerFrom(2, "expected an integer >= 2"),
  minBound: finite,
  maxBound: finite,
  interpolationFpLeft: nonNegative,
  interpolationFpRight: nonNegative,
  maxFunction: positive,
})
  .check(ordered("start", "stop"))
  .check(ordered("minBound", "maxBound"));

/** One of `values`, spelled exactly. */
function choice<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return enumOf(values, `expected ${oneOf(values.map((v) => JSON.stringify(v)))}`);
}

/**
 * A viral load: the name of a registry distribution (a string) or a parameter (an
 * object or a number), so a parameter's own problem is the one reported.
 */
function viralLoadSchema(): Schema<VirusData["viralLoadInSputum"]> {
  const expected = `expected ${
    listOf([...VIRAL_LOAD_REFERENCES.map((r) => JSON.stringify(r)), "an object"], "or")
  }`;
  const name = enumOf(VIRAL_LOAD_REFERENCES, expected);
  return new Schema<VirusData["viralLoadInSputum"]>((p) => {
    if (typeof p.value === "string") return name.run(p);
    if (typeof p.value === "number" || isObject(p.value)) return nonNegativeParameter.run(p);
    p.issues.push({ code: "invalid_type", path: [], message: expected, input: p.value });
    return p;
  });
}

const VirusSchema = strict({
  viralLoadInSputum: viralLoadSchema(),
  infectiousDose: nonNegativeParameter,
  viableToRnaRatio: fractionParameter,
  transmissibilityFactor: positive,
  infectiousnessDays: positive,
});

const MaskSchema = strict({
  etaInhale: fractionParameter,
  etaExhale: fractionParameter.optional(),
  factorExhale: nonNegative,
});

const PopulationScenarioSchema = strict({
  placeholder: string("expected a string"),
  activity: choice([...ACTIVITY_NAMES, ""]),
  // None at all is the precise activity's (the form gives them).
  expiration: keyed(EXPIRATION_NAMES, nonNegative.optional()).refine(
    (w) => Object.values(w).every((v) => v === undefined) || positiveSum(w),
    "expected expiration weights with a positive sum but found a sum of 0",
  ),
});

// MARK: registry

/** The complete registry. */
export const DataRegistrySchema: Schema<DataRegistry> = strict({
  version: string("expected a string or null").nullable(),
  expirationParticle: ExpirationParticleSchema,
  activityDistributions: keyed(ACTIVITY_NAMES, ActivityRatesSchema),
  virologicalData: strict({
    symptomaticVlFrequencies: nonNegativeParameter,
    covidOverallVlData: WeibullViralLoadSchema,
    virusDistributions: keyed(VIRUS_NAMES, VirusSchema),
  }),
  maskDistributions: keyed(MASK_NAMES, MaskSchema),
  room: strict({
    insideTemp: positive,
    humidityWithHeating: fraction,
    humidityWithoutHeating: fraction,
  }),
  ventilation: strict({
    natural: strict({ dischargeFactor: strict({ sliding: positiveFraction }) }),
    infiltrationVentilation: nonNegative,
  }),
  concentrationModel: strict({
    virusConcentrationModel: strict({ minBackgroundConcentration: nonNegative }),
    co2ConcentrationModel: strict({
      co2AtmosphereConcentration: nonNegative,
      co2FractionExhaled: fraction,
    }),
  }),
  shortRangeModel: strict({
    dilutionFactor: strict({
      mouthDiameter: positive,
      exhalationCoefficient: positive,
      breathingCycle: positive,
      penetrationCoefficients: strict({ betaR1: positive, betaR2: positive, betaX1: positive }),
    }),
    conversationalDistance: strict({
      minimumDistance: positive,
      maximumDistance: positive,
    }).check(ordered("minimumDistance", "maximumDistance")),
  }),
  monteCarlo: strict({ sampleSize: integerFrom(1, "expected a positive integer") }),
  populationScenarioActivity: record(PopulationScenarioSchema, "expected an object"),
});
