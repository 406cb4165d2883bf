/**
 * The OpenAPI 3.1 document of the server (`GET /openapi.json`). The request bodies are
 * generated from the forms' field tables (`src/forms/virus_form_fields.ts`,
 * `co2_form_fields.ts`): types, units, descriptions, choices, defaults and physical
 * ranges; the request examples are the reference fixtures' bodies. Only documentation:
 * requests are validated by the library's own parsers, whose messages name the field.
 *
 * Checked by `deno task check:openapi` (Redocly's recommended rules and
 * `@apidevtools/swagger-parser`).
 *
 * @module
 */
import { CO2_FORM_FIELDS } from "../forms/co2_form_fields.ts";
import { describeRange, type FieldTable, type JsonSchema } from "../forms/form_field.ts";
import { VIRUS_FORM_FIELDS } from "../forms/virus_form_fields.ts";
import { VERSION } from "../version.ts";
import { CO2_FORM_EXAMPLES, type RequestExample, VIRUS_FORM_EXAMPLES } from "./openapi_examples.ts";
import { MAX_CO2_DATA_POINTS } from "../forms/co2_form.ts";
import { MAX_JSON_DEPTH } from "../forms/json_nesting.ts";
import {
  MAX_CO2_FIT_WORK,
  MAX_FITTED_INTERVALS,
  MAX_OCCUPANCY_GROUPS,
  MAX_PRESENCE_INTERVALS,
  MAX_SHORT_RANGE_INTERACTIONS,
  MAX_SPECIFIC_BREAKS,
  MAX_VENTILATION_TRANSITIONS,
} from "../forms/limits.ts";
import { DEFAULT_MAX_SAMPLE_SIZE, MAX_REPORT_PARALLELISM } from "./query_options.ts";
import { MAX_SAMPLE_SIZE, REPORT_CHUNK_SIZE } from "../report/report_chunks.ts";
import { MAX_RESPONSE_SAMPLE_VALUES } from "./report_limits.ts";
import { REPORT_ROUTES } from "./routes.ts";

/** An OpenAPI document, as plain JSON. */
export type OpenApiDocument = { readonly [key: string]: unknown };

/** An OpenAPI parameter object. */
interface Parameter {
  readonly name: string;
  readonly in: "query";
  readonly description: string;
  readonly schema: JsonSchema;
}

/** Where the document's schemas live. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

// MARK: forms, from the field tables

/** The description of one field: meaning, range (with why), unit, requiredness. */
function fieldDescription(row: FieldTable[string]): string {
  const parts = [row.description + "."];
  if (row.range !== undefined) {
    parts.push(`Range: ${describeRange(row.range, row.unit)} (${row.range.why}).`);
  } else if (row.unit !== undefined && row.unit !== "") {
    parts.push(`Unit: ${row.unit}.`);
  }
  if (row.default === null) parts.push("Required.");
  return parts.join(" ");
}

/** Longest example value shown with a field (JSON text), characters. */
const MAX_FIELD_EXAMPLE_CHARS = 200;

/** Up to three distinct short values of `field` in the request examples. */
function fieldExamples(
  field: string,
  list: Readonly<Record<string, RequestExample>>,
): unknown[] {
  const seen = new Map<string, unknown>();
  for (const example of Object.values(list)) {
    if (!(field in example.value)) continue;
    const value = example.value[field];
    const text = JSON.stringify(value);
    if (text.length <= MAX_FIELD_EXAMPLE_CHARS && !seen.has(text)) seen.set(text, value);
  }
  return [...seen.values()].slice(0, 3);
}

/** The JSON Schema of a form: one property per row of its table. */
function formSchema(
  table: FieldTable,
  description: string,
  requestExamples: Readonly<Record<string, RequestExample>>,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [wire, row] of Object.entries(table)) {
    const property: Record<string, unknown> = {
      ...row.jsonSchema,
      description: fieldDescription(row),
    };
    const examples = fieldExamples(wire, requestExamples);
    if (examples.length > 0) property.examples = examples;
    if (row.default === null) required.push(wire);
    else if (row.default !== undefined) property.default = row.default;
    if (row.unit !== undefined && row.unit !== "") property["x-unit"] = row.unit;
    properties[wire] = property;
  }
  return { type: "object", description, additionalProperties: false, required, properties };
}

/** How every form field is read (shown with each form). */
const WIRE_RULES = "Fields are sent as the reference's HTML form sends them (numbers and " +
  'booleans as strings, "1"/"0", JSON objects and lists as JSON text) or as plain JSON. A ' +
  'field that is omitted, "" or null takes its default. Unknown fields are errors; the ' +
  "reference's CSRF token _xsrf is accepted and ignored.";

// MARK: results

const ErrorBody: JsonSchema = {
  type: "object",
  required: ["message"],
  properties: {
    message: {
      type: "string",
      description: "What is wrong; for bad input, the field and the problem",
    },
  },
};

const numbers = (description: string): JsonSchema => ({
  type: "array",
  items: { type: "number" },
  description,
});

const VirusResults: JsonSchema = {
  type: "object",
  required: ["times", "CO2_concentrations", "groups", "seed", "model"],
  properties: {
    times: numbers("Report times, hours"),
    CO2_concentrations: numbers("Mean CO2 concentration at each time, ppm"),
    groups: {
      type: "object",
      description: "Per exposed group: prob_inf, prob_inf_sd, prob_dist, prob_hist_count, " +
        "prob_hist_bins, expected_new_cases, exposed_presence_intervals, concentrations, " +
        "cumulative_doses, and when applicable conditional_probability_data, " +
        "uncertainties_plot_src (SVG data URI), prob_probabilistic_exposure and the " +
        "short-range outputs. Values the reference writes as NaN (e.g. an empty viral-load " +
        "bin) are null.",
      additionalProperties: { type: "object", additionalProperties: true },
    },
    seed: { type: "integer", description: "The seed used" },
    model: { type: "string", description: "A short description of the model" },
    alternative_scenarios: {
      type: "object",
      description: "With alternative_scenarios=1 and no occupancy groups: the web " +
        "calculator's alternative scenarios (the reference's names and form changes)",
      required: ["stats"],
      properties: {
        stats: {
          type: "object",
          additionalProperties: {
            type: "object",
            required: ["probability_of_infection", "expected_new_cases", "concentrations"],
            properties: {
              probability_of_infection: {
                type: "number",
                description: "Mean probability of infection, %",
              },
              expected_new_cases: { type: "number", description: "Mean expected new cases" },
              concentrations: numbers(
                "Mean virus concentration at each report time, virions/m³",
              ),
              prob_probabilistic_exposure: {
                type: ["number", "null"],
                description: "With short-range interactions and probabilistic exposure, " +
                  "else null; absent for the current scenario",
              },
            },
          },
        },
      },
    },
    alternative_viral_load: {
      type: "object",
      description: "With alternative_scenarios=1 and conditional_probability_viral_loads: " +
        "mean probability of infection (%) of the first group at the 1, 5, 25, 50, 75, 95 " +
        "and 99 % viral-load quantiles, keyed by the viral load (RNA copies/mL, written as " +
        "Python's str(float))",
      additionalProperties: { type: "number" },
    },
  },
};

/** The envelope of a successful answer, with the results under `key`. */
function envelope(key: string, results: JsonSchema): JsonSchema {
  return {
    type: "object",
    required: ["status", "message", key],
    properties: {
      status: { const: "success" },
      message: { const: "Results generated successfully" },
      [key]: results,
    },
  };
}

const TransitionTimesResults: JsonSchema = {
  type: "object",
  required: ["occupancy_times", "ventilation_times", "total_times"],
  properties: {
    occupancy_times: numbers("Every change of the number of people, hours"),
    ventilation_times: numbers(
      "Ventilation changes found in the readings (peaks and valleys of the smoothed CO2), hours",
    ),
    total_times: numbers(
      "First and last occupancy times with the ventilation times, sorted, hours",
    ),
    CO2_plot_img: { type: "string", description: "SVG data URI (with plot=1)" },
  },
};

const Co2ReportResults: JsonSchema = {
  type: "object",
  required: [
    "exhalation_rate",
    "ventilation_values",
    "room_capacity",
    "ventilation_ls_values",
    "ventilation_lsp_values",
    "predictive_CO2",
  ],
  properties: {
    exhalation_rate: { type: "number", description: "Fitted exhalation rate per person, m³/h" },
    ventilation_values: numbers("Fitted air changes per interval, h⁻¹"),
    room_capacity: {
      type: ["integer", "null"],
      description: "The room capacity sent, people",
    },
    ventilation_ls_values: numbers("Ventilation flow per interval, L/s"),
    ventilation_lsp_values: {
      type: ["array", "null"],
      items: { type: "number" },
      description: "Ventilation flow per person of capacity, L/s/person (null without a capacity)",
    },
    predictive_CO2: numbers("Modelled CO2 at each reading time, ppm"),
    CO2_plot_img: { type: "string", description: "SVG data URI (with plot=1)" },
  },
};

const Health: JsonSchema = {
  type: "object",
  required: ["status", "version", "workers"],
  properties: {
    status: {
      type: "string",
      enum: ["ok", "starting", "draining", "unavailable"],
      description: "ok (HTTP 200): reports can be served; starting, draining (after SIGTERM) " +
        "or unavailable (no report worker could start): HTTP 503",
    },
    version: { type: "string" },
    workers: {
      type: "object",
      required: ["size", "ready", "busy", "queued"],
      properties: {
        size: { type: "integer", description: "Report workers alive" },
        ready: { type: "integer", description: "Workers started and able to take reports" },
        busy: { type: "integer", description: "Workers computing a report" },
        queued: { type: "integer", description: "Reports waiting for a worker" },
      },
    },
  },
};

// MARK: query parameters (one entry each)

const booleanParameter = { type: "string", enum: ["0", "1", "false", "true"] };

/** Query parameters of the virus report routes. */
const VIRUS_QUERY: readonly Parameter[] = [
  {
    name: "seed",
    in: "query",
    description: "Seed of the random generator (numpy RandomState). Without it a random seed " +
      "is used and reported back as results.seed.",
    schema: { type: "integer", minimum: 0, maximum: 2 ** 32 - 1 },
  },
  {
    name: "prob_dist",
    in: "query",
    description: "0 omits prob_dist (the per-sample infection probabilities, N numbers per group)",
    schema: booleanParameter,
  },
  {
    name: "sample_size",
    in: "query",
    description: "Monte Carlo sample size N (default 250,000, the reference's). Up to the " +
      `server's maximum (--max-sample-size, default ${DEFAULT_MAX_SAMPLE_SIZE}; at most ` +
      `${MAX_SAMPLE_SIZE}); above it a 400 names the maximum. Above ${REPORT_CHUNK_SIZE} the ` +
      `report is computed in chunks of ${REPORT_CHUNK_SIZE} samples drawn one after the other ` +
      "on the seeded generator (reproducible by seed and N, not the reference's single pass) " +
      "and their statistics merged; alternative_viral_load is then unavailable (400). The time " +
      "is linear in N",
    schema: { type: "integer", minimum: 1, maximum: MAX_SAMPLE_SIZE },
  },
  {
    name: "alternative_scenarios",
    in: "query",
    description: "1 adds the web calculator's comparisons: alternative_scenarios.stats (by " +
      "scenario name; sampled after the report on the same generator, so seeded runs equal " +
      "the reference's) and, with conditional_probability_viral_loads, " +
      "alternative_viral_load. With occupancy groups there are no scenarios " +
      "(alternative_scenarios is absent), as in the reference",
    schema: booleanParameter,
  },
  {
    name: "report_generation_parallelism",
    in: "query",
    description: "The reference's thread count; accepted for compatibility, it does not change " +
      "the results (each report runs on one worker of the pool)",
    schema: { type: "integer", minimum: 1, maximum: MAX_REPORT_PARALLELISM },
  },
];

const PLOT: Parameter = {
  name: "plot",
  in: "query",
  description: "1 adds CO2_plot_img, an SVG data URI of the readings and the results",
  schema: booleanParameter,
};

/** Query parameters of `/co2/transition_times`. */
const CO2_TRANSITION_TIMES_QUERY: readonly Parameter[] = [PLOT];

/** Query parameters of `/co2/report`. */
const CO2_REPORT_QUERY: readonly Parameter[] = [
  PLOT,
  {
    name: "fit_method",
    in: "query",
    description: "powell (default): the reference's search and numbers; least_squares: " +
      "bounded Levenberg–Marquardt to convergence (lowest objective)",
    schema: { type: "string", enum: ["powell", "least_squares"] },
  },
];

// MARK: operations

/** The bounds on one request, as the 400s that enforce them say. */
const LIMITS = `JSON nested at most ${MAX_JSON_DEPTH} levels; at most ${MAX_OCCUPANCY_GROUPS} ` +
  `occupancy groups of at most ${MAX_PRESENCE_INTERVALS} presence intervals each; at most ` +
  `${MAX_SHORT_RANGE_INTERACTIONS} short-range interactions; at most ${MAX_SPECIFIC_BREAKS} ` +
  `breaks per list; at most ${MAX_VENTILATION_TRANSITIONS} ventilation transition times; at ` +
  `most ${MAX_CO2_DATA_POINTS} CO2 readings, ${MAX_FITTED_INTERVALS} fitted intervals and ` +
  `${MAX_CO2_FIT_WORK} readings × fitted intervals; at most ${MAX_RESPONSE_SAMPLE_VALUES} per-sample values in a response ` +
  "(prob_dist and log10_vl_in_sputum: N per group each, N = sample_size, 250,000 by " +
  "default; ask with prob_dist=0 for more groups); sample_size at most the server's maximum";

const ERRORS: Readonly<Record<string, string>> = {
  400: "Invalid JSON, an unknown or invalid field (named, with the problem) or query " +
    `parameter, or a request over the bounds: ${LIMITS}`,
  413: "Body larger than the server's limit",
  500: "Internal failure (the log line carries the request id)",
  503: "Queue full (with Retry-After), time limit exceeded, or shutting down",
};

function errorResponses(): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(ERRORS)) {
    responses[status] = {
      description,
      content: { "application/json": { schema: ref("Error") } },
      ...(status === "503"
        ? {
          headers: {
            "Retry-After": {
              description: "Seconds to wait when the queue is full",
              schema: { type: "integer" },
            },
          },
        }
        : {}),
    };
  }
  return responses;
}

function examples(list: Readonly<Record<string, RequestExample>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(list).map(([name, e]) => [name, {
      summary: e.summary,
      description: `The body of the reference fixture ${e.fixture}`,
      value: e.value,
    }]),
  );
}

interface PostOperation {
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly description: string;
  readonly parameters: readonly Parameter[];
  readonly form: "VirusForm" | "Co2Form";
  readonly examples: Readonly<Record<string, RequestExample>>;
  readonly results: JsonSchema;
}

function post(op: PostOperation): Record<string, unknown> {
  return {
    post: {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      description: op.description,
      parameters: op.parameters,
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: ref(op.form), examples: examples(op.examples) },
        },
      },
      responses: {
        200: {
          description: "The results",
          content: { "application/json": { schema: op.results } },
        },
        ...errorResponses(),
      },
    },
  };
}

/** What the OpenAPI document says of each report route beyond the route table. */
const ROUTE_DOCS: Readonly<Record<string, Omit<PostOperation, "operationId" | "summary">>> = {
  "/virus/report": {
    tag: "Virus",
    description: "The reference's /virus/report: probability of infection, concentrations " +
      "and doses of each exposed group.",
    parameters: VIRUS_QUERY,
    form: "VirusForm",
    examples: VIRUS_FORM_EXAMPLES,
    results: ref("VirusReportResponse"),
  },
  "/report": {
    tag: "Virus",
    description: "As /virus/report, with the results under report_data (the reference's " +
      "older route).",
    parameters: VIRUS_QUERY,
    form: "VirusForm",
    examples: VIRUS_FORM_EXAMPLES,
    results: envelope("report_data", ref("VirusResults")),
  },
  "/co2/transition_times": {
    tag: "CO2",
    description: "Occupancy and ventilation transition times suggested by CO2 readings.",
    parameters: CO2_TRANSITION_TIMES_QUERY,
    form: "Co2Form",
    examples: { co2_transition_times: CO2_FORM_EXAMPLES.co2_transition_times },
    results: envelope("results", TransitionTimesResults),
  },
  "/co2/report": {
    tag: "CO2",
    description: "Exhalation rate and air-change rates fitted to CO2 readings.",
    parameters: CO2_REPORT_QUERY,
    form: "Co2Form",
    examples: { co2_report: CO2_FORM_EXAMPLES.co2_report },
    results: envelope("results", Co2ReportResults),
  },
};

function buildDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "CAiMIRA TypeScript API",
      version: VERSION,
      description: "Airborne-infection risk reports compatible with CERN's CAiMIRA REST API " +
        "(CAiMIRA 4.19.0): the virus report and the CO2 fits. Human page: /docs.\n\n" +
        WIRE_RULES,
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: "/", description: "The server that serves this document" }],
    security: [],
    tags: [
      { name: "Virus", description: "Probability of infection in a room (virus report)" },
      { name: "CO2", description: "Occupancy and ventilation from CO2 readings" },
      { name: "Service", description: "Health of the service" },
    ],
    paths: {
      ...Object.fromEntries(REPORT_ROUTES.map((route) => {
        const doc = ROUTE_DOCS[route.path];
        return [
          route.path,
          post({ ...doc, operationId: route.operationId, summary: route.summary }),
        ];
      })),
      "/health": {
        get: {
          operationId: "health",
          tags: ["Service"],
          summary: "Health",
          description: "Liveness and load of the report workers.",
          responses: {
            200: {
              description: "The server can serve reports",
              content: { "application/json": { schema: ref("Health") } },
            },
            503: {
              description: "Starting, draining after SIGTERM, or without a report worker",
              content: { "application/json": { schema: ref("Health") } },
            },
            "4XX": {
              description: "Not a GET",
              content: { "application/json": { schema: ref("Error") } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        VirusForm: formSchema(
          VIRUS_FORM_FIELDS,
          `The virus report form (the reference's VirusFormData). ${WIRE_RULES}`,
          VIRUS_FORM_EXAMPLES,
        ),
        Co2Form: formSchema(
          CO2_FORM_FIELDS,
          `The CO2 form (the reference's CO2FormData). ${WIRE_RULES}`,
          CO2_FORM_EXAMPLES,
        ),
        VirusResults,
        VirusReportResponse: envelope("results", ref("VirusResults")),
        Error: ErrorBody,
        Health,
      },
    },
  };
}

let document: OpenApiDocument | undefined;

/**
 * The OpenAPI document (built once).
 *
 * @returns The document, as plain JSON.
 */
export function openApiDocument(): OpenApiDocument {
  document ??= buildDocument();
  return document;
}
