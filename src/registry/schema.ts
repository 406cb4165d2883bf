/**
 * Zod schema of a complete {@link DataRegistry} (internal: the public API is
 * `loadRegistry`). Objects are strict, so unknown keys are errors. Messages that the
 * schema customises start with "expected" and are completed by `_issues.ts`.
 *
 * @module
 */
import { z } from "npm:zod@^4.1.0";
import {
  ACTIVITY_NAMES,
  type DataRegistry,
  EXPIRATION_NAMES,
  MASK_NAMES,
  VIRAL_LOAD_REFERENCES,
  VIRUS_NAMES,
} from "./defaults.ts";
import type { Parameter } from "./parameters.ts";

// MARK: building blocks

/** A strict object whose unknown-key error lists the allowed keys. */
function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  const keys = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys" ? `expected one of the keys ${keys}` : undefined,
  });
}

/** A strict object with exactly the given names as keys, each holding `value`. */
function keyed<K extends string, V extends z.ZodType>(names: readonly K[], value: V) {
  return strict(Object.fromEntries(names.map((n) => [n, value])) as Record<K, V>);
}

/** A finite number. */
const finite = z.number();
/** A number >= 0. */
const nonNegative = z.number().min(0);
/** A number > 0. */
const positive = z.number().positive();
/** A fraction in [0, 1]. */
const fraction = z.number()
  .min(0, { error: "expected a fraction between 0 and 1" })
  .max(1, { error: "expected a fraction between 0 and 1" });
/** A fraction in (0, 1]. */
const positiveFraction = z.number()
  .positive({ error: "expected a fraction in (0, 1]" })
  .max(1, { error: "expected a fraction in (0, 1]" });

/** A fraction in (0, 1), e.g. a quantile with a finite Weibull value. */
const openFraction = z.number()
  .positive({ error: "expected a fraction in (0, 1)" })
  .lt(1, { error: "expected a fraction in (0, 1)" });

/** Adds an issue at `key` unless `low < high` (or `low <= high` when `allowEqual`). */
function ordered<T extends Record<string, unknown>>(
  lowKey: keyof T & string,
  highKey: keyof T & string,
  allowEqual = false,
) {
  return (ctx: z.core.ParsePayload<T>): void => {
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

const LogNormalParameterSchema = strict({
  kind: z.literal("lognormal"),
  meanGaussian: finite,
  standardDeviationGaussian: nonNegative,
});

const NormalParameterSchema = strict({
  kind: z.literal("normal"),
  mean: finite,
  standardDeviation: nonNegative,
});

const LogCustomKernelParameterSchema = strict({
  kind: z.literal("logCustomKernel"),
  logVariable: z.array(finite).min(1),
  frequencies: z.array(nonNegative).min(1),
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
function parameter(range: z.ZodNumber): z.ZodType<Parameter, unknown> {
  return z.preprocess(
    (v) => typeof v === "number" ? { kind: "constant", value: v } : v,
    z.discriminatedUnion("kind", [
      LogNormalParameterSchema,
      NormalParameterSchema,
      strict({ kind: z.literal("uniform"), low: range, high: range })
        .check(ordered("low", "high", true)),
      LogCustomKernelParameterSchema,
      strict({ kind: z.literal("constant"), value: range }),
    ]),
  );
}

/** A parameter of a non-negative quantity (rates, doses, viral loads). */
const nonNegativeParameter = parameter(nonNegative);
/** A parameter of a fraction 0–1 (efficiencies, ratios). */
const fractionParameter = parameter(fraction);

// MARK: groups

const BloModesSchema = strict({ B: finite, L: finite, O: finite });
const NonNegativeBloModesSchema = strict({ B: nonNegative, L: nonNegative, O: nonNegative });

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
  num: z.int().min(2, { error: "expected an integer >= 2" }),
  minBound: finite,
  maxBound: finite,
  interpolationFpLeft: nonNegative,
  interpolationFpRight: nonNegative,
  maxFunction: positive,
})
  .check(ordered("start", "stop"))
  .check(ordered("minBound", "maxBound"));

const VirusSchema = strict({
  viralLoadInSputum: z.union([z.enum(VIRAL_LOAD_REFERENCES), nonNegativeParameter]),
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
  placeholder: z.string(),
  activity: z.enum([...ACTIVITY_NAMES, ""]),
  expiration: keyed(EXPIRATION_NAMES, nonNegative.optional()),
});

// MARK: registry

/** The complete registry. */
export const DataRegistrySchema: z.ZodType<DataRegistry, unknown> = strict({
  version: z.string({ error: "expected a string or null" }).nullable(),
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
  monteCarlo: strict({ sampleSize: z.int().min(1, { error: "expected a positive integer" }) }),
  populationScenarioActivity: z.record(z.string(), PopulationScenarioSchema),
});
