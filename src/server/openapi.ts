/**
 * The OpenAPI 3.1 document of the server (`GET /openapi.json`), generated from the
 * forms' zod schemas by `@hono/zod-openapi`. Only documentation: requests are
 * validated by the library's own parsers, whose messages name the field.
 *
 * @module
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "hono";
import { z } from "zod";
import { Co2FormWire } from "../forms/co2_form_schema.ts";
import { VirusFormWire } from "../forms/virus_form_schema.ts";
import { VERSION } from "../version.ts";
import { MAX_REPORT_PARALLELISM } from "./query_options.ts";

const ErrorBody = z.object({
  message: z.string().describe("What is wrong; for bad input, the field and the problem"),
});

const ReportQuery = z.object({
  seed: z.string().regex(/^\d+$/).optional().describe(
    "Seed of the random generator, 0..4294967295 (numpy RandomState). Without it a random " +
      "seed is used and reported back as results.seed.",
  ),
  prob_dist: z.enum(["0", "1", "false", "true"]).optional().describe(
    "0 omits prob_dist (the per-sample infection probabilities, N numbers per group)",
  ),
  report_generation_parallelism: z.string().regex(/^\d+$/).optional().describe(
    `The reference's thread count, 1..${MAX_REPORT_PARALLELISM}; accepted for compatibility, ` +
      "it does not change the results (each report runs on one worker of the pool)",
  ),
  alternative_scenarios: z.enum(["0", "1", "false", "true"]).optional().describe(
    "1 adds the web calculator's comparisons to the results: alternative_scenarios.stats " +
      "(by scenario name: probability_of_infection %, expected_new_cases, concentrations at " +
      "the report's times, prob_probabilistic_exposure or null; the reference's scenarios, " +
      "sampled after the report on the same generator, so seeded runs equal the reference's) " +
      "and, with conditional_probability_viral_loads, alternative_viral_load (mean " +
      "probability of infection, %, at the 1, 5, 25, 50, 75, 95 and 99 % viral-load " +
      "quantiles, keyed by the viral load). With occupancy groups there are no scenarios " +
      "(alternative_scenarios is absent), as in the reference",
  ),
});

const VirusResults = z.object({
  times: z.array(z.number()).describe("Report times, hours"),
  CO2_concentrations: z.array(z.number()).describe("Mean CO2 concentration at each time, ppm"),
  groups: z.record(z.string(), z.record(z.string(), z.unknown())).describe(
    "Per exposed group: prob_inf, prob_inf_sd, prob_dist, prob_hist_count, prob_hist_bins, " +
      "expected_new_cases, exposed_presence_intervals, concentrations, cumulative_doses, and " +
      "when applicable conditional_probability_data, uncertainties_plot_src (SVG data URI), " +
      "prob_probabilistic_exposure and the short-range outputs. Values the reference writes " +
      "as NaN (e.g. an empty viral-load bin) are null.",
  ),
  seed: z.number().int().describe("The seed used"),
  model: z.string().describe("A short description of the model"),
  alternative_scenarios: z.object({
    stats: z.record(
      z.string(),
      z.object({
        probability_of_infection: z.number().describe("Mean probability of infection, %"),
        expected_new_cases: z.number().describe("Mean expected new cases, people"),
        concentrations: z.array(z.number()).describe(
          "Mean virus concentration at each report time, virions/m³",
        ),
        prob_probabilistic_exposure: z.number().nullable().optional().describe(
          "With short-range interactions and probabilistic exposure, else null; absent for " +
            "the current scenario",
        ),
      }),
    ).describe(
      "By scenario name, in the reference's order (Current scenario first, when there are no " +
        "short-range interactions)",
    ),
  }).optional().describe(
    "With alternative_scenarios=1 and no occupancy groups: the alternative scenarios",
  ),
  alternative_viral_load: z.record(z.string(), z.number()).optional().describe(
    "With alternative_scenarios=1 and conditional_probability_viral_loads: mean probability " +
      "of infection (%) of the first group at each viral-load percentile, keyed by the viral " +
      "load (RNA copies/mL, written as Python's str(float))",
  ),
});

const errors = {
  400: "Invalid JSON, an unknown or invalid field or query parameter",
  413: "Body larger than the server's limit",
  500: "Internal failure (the log line carries the request id)",
  503: "Queue full (with Retry-After), time limit exceeded, or shutting down",
} as const;

function errorResponses() {
  return Object.fromEntries(
    Object.entries(errors).map(([status, description]) => [
      status,
      { description, content: { "application/json": { schema: ErrorBody } } },
    ]),
  );
}

function reportPath<E extends Env>(
  app: OpenAPIHono<E>,
  path: string,
  key: "results" | "report_data",
) {
  app.openAPIRegistry.registerPath({
    method: "post",
    path,
    summary: key === "results"
      ? "Virus report (the reference's /virus/report)"
      : "Virus report with the older envelope key report_data",
    request: {
      query: ReportQuery,
      body: {
        required: true,
        description: "The reference's form: strings as its HTML form sends them, or plain JSON",
        content: { "application/json": { schema: VirusFormWire } },
      },
    },
    responses: {
      200: {
        description: "The report data",
        content: {
          "application/json": {
            schema: z.object({
              status: z.literal("success"),
              message: z.literal("Results generated successfully"),
              [key]: VirusResults,
            }),
          },
        },
      },
      ...errorResponses(),
    },
  });
}

const Plot = z.enum(["0", "1", "false", "true"]).optional().describe(
  "1 adds CO2_plot_img, an SVG data URI of the readings and the results",
);

const TransitionTimesResults = z.object({
  occupancy_times: z.array(z.number()).describe("Every change of the number of people, hours"),
  ventilation_times: z.array(z.number()).describe(
    "Ventilation changes found in the readings (peaks and valleys of the smoothed CO2), hours",
  ),
  total_times: z.array(z.number()).describe(
    "First and last occupancy times with the ventilation times, sorted, hours",
  ),
  CO2_plot_img: z.string().optional().describe("SVG data URI (with plot=1)"),
});

const Co2ReportResults = z.object({
  exhalation_rate: z.number().describe("Fitted exhalation rate per person, m³/h"),
  ventilation_values: z.array(z.number()).describe("Fitted air changes per interval, h⁻¹"),
  room_capacity: z.number().nullable().describe("The room capacity sent, people"),
  ventilation_ls_values: z.array(z.number()).describe("Ventilation flow per interval, L/s"),
  ventilation_lsp_values: z.array(z.number()).nullable().describe(
    "Ventilation flow per person of capacity, L/s/person (null without a capacity)",
  ),
  predictive_CO2: z.array(z.number()).describe("Modelled CO2 at each reading time, ppm"),
  CO2_plot_img: z.string().optional().describe("SVG data URI (with plot=1)"),
});

function co2Path<E extends Env>(
  app: OpenAPIHono<E>,
  path: string,
  summary: string,
  query: z.ZodObject,
  results: z.ZodObject,
) {
  app.openAPIRegistry.registerPath({
    method: "post",
    path,
    summary,
    request: {
      query,
      body: {
        required: true,
        description: "CO2 readings, room and occupancy (the reference's CO2 form)",
        content: { "application/json": { schema: Co2FormWire } },
      },
    },
    responses: {
      200: {
        description: "The results",
        content: {
          "application/json": {
            schema: z.object({
              status: z.literal("success"),
              message: z.literal("Results generated successfully"),
              results,
            }),
          },
        },
      },
      ...errorResponses(),
    },
  });
}

/**
 * Registers every route's documentation and serves the document at `/openapi.json`.
 *
 * @param app The application.
 */
export function registerOpenApi<E extends Env>(app: OpenAPIHono<E>): void {
  reportPath(app, "/virus/report", "results");
  reportPath(app, "/report", "report_data");
  co2Path(
    app,
    "/co2/transition_times",
    "Occupancy and ventilation transition times suggested by CO2 readings",
    z.object({ plot: Plot }),
    TransitionTimesResults,
  );
  co2Path(
    app,
    "/co2/report",
    "Exhalation rate and air-change rates fitted to CO2 readings",
    z.object({
      plot: Plot,
      fit_method: z.enum(["powell", "least_squares"]).optional().describe(
        "powell (default): the reference's search and numbers; least_squares: bounded " +
          "Levenberg–Marquardt to convergence (lowest objective)",
      ),
    }),
    Co2ReportResults,
  );
  app.openAPIRegistry.registerPath({
    method: "get",
    path: "/health",
    summary: "Liveness and load of the report workers",
    responses: {
      200: {
        description: "The server is up",
        content: {
          "application/json": {
            schema: z.object({
              status: z.literal("ok"),
              version: z.string(),
              workers: z.object({ size: z.number(), busy: z.number(), queued: z.number() }),
            }),
          },
        },
      },
    },
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "CAiMIRA TypeScript API",
      version: VERSION,
      description: "Airborne-infection risk reports compatible with CERN's CAiMIRA REST API.",
      license: { name: "Apache-2.0" },
    },
  });
}
