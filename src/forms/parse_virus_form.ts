/**
 * `parseVirusForm`: the `/virus/report` request body to a validated {@link VirusForm}.
 *
 * @module
 */
import { ownData } from "./own_data.ts";
import { DEFAULT_REGISTRY } from "../registry/defaults.ts";
import { formIssuesOf } from "./_issues.ts";
import type { Schema } from "../schema.ts";
import { Co2FittingResultWire, ShortRangeInteractionsWire } from "./dict_fields.ts";
import { FormError, type FormIssue } from "./form_error.ts";
import { renameFields } from "./form_field.ts";
import { validateVirusForm } from "./validate_virus_form.ts";
import type { Co2FittingResult, ShortRangeGroup, VirusForm } from "./virus_form.ts";
import type { VirusFormRegistry } from "./virus_form_registry.ts";
import { VIRUS_FORM_FIELDS } from "./virus_form_fields.ts";
import { VirusFormWire } from "./virus_form_schema.ts";

/** Name of the form in messages about unknown fields. */
const FORM_NAME = "virus report form";

/** Options of {@link parseVirusForm}. */
export interface ParseVirusFormOptions {
  /**
   * The registry whose activity presets (`activity_type`) and virus data (infectious
   * days, for the probabilistic exposure check) apply.
   *
   * @default {DEFAULT_REGISTRY}
   */
  readonly registry?: VirusFormRegistry;
}

/**
 * Parses and validates the body of a `/virus/report` request.
 *
 * Accepts the reference's wire format and plain JSON, in any mix:
 * - booleans as `"1"`/`"0"` or `true`/`false`; an omitted boolean is false, as in the
 *   reference (so `exposed_lunch_option` and `infected_lunch_option` default to false);
 * - numbers as JSON numbers or decimal strings (`"293."`); counts as integers or digit
 *   strings;
 * - times of day as `"HH:MM"` (two-digit hours and minutes);
 * - object fields (`occupancy`, `short_range_interactions`, `precise_activity`,
 *   `specific_breaks`, `CO2_fitting_result`) as JSON objects or strings holding them;
 * - a field that is omitted, `""` or `null` takes its default from
 *   {@link VIRUS_FORM_DEFAULTS}; a required field must be given;
 * - numbers must lie in their physical range (e.g. `room_volume` 0 or 1 to 1e6 m³);
 * - unknown fields are errors (`_xsrf` is ignored).
 *
 * Then it checks the rules between fields (reference `VirusFormData.validate`), and
 * refuses what the reference would crash on or answer with nonsense: a booster missing
 * from the booster table, dynamic occupancy with probabilistic exposure or with
 * short-range interactions, a zero room volume, an incidence above 1, breaks that cannot
 * be placed, and the like.
 *
 * In the result, times of day are minutes since midnight and durations are minutes
 * (see {@link VirusForm}).
 *
 * @param input The parsed JSON body.
 * @param options The registry to validate against.
 * @returns The validated form, every field filled in.
 * @throws {FormError} When the form is invalid; its `issues` list every problem found,
 *   each naming its field.
 * @example Usage
 * ```ts
 * import { parseVirusForm } from "./mod.ts";
 * const form = parseVirusForm({
 *   calculator_version: "N/A",
 *   inside_temp: "293.",
 *   location_latitude: 46.20833,
 *   location_longitude: 6.14275,
 *   location_name: "Geneva",
 *   room_number: "123",
 *   room_volume: "75",
 *   simulation_name: "Test",
 *   total_people: "10",
 *   volume_type: "room_volume_explicit",
 *   exposed_lunch_option: "1",
 * });
 * if (form.exposedFinish !== 17 * 60 + 30) throw new Error("default 17:30");
 * if (!form.exposedLunchOption || form.infectedLunchOption) throw new Error("booleans");
 * ```
 */
export function parseVirusForm(input: unknown, options: ParseVirusFormOptions = {}): VirusForm {
  const registry = options.registry ?? DEFAULT_REGISTRY;
  const parsed = VirusFormWire.safeParse(ownData(input));
  if (!parsed.success) {
    throw new FormError(formIssuesOf(parsed.issues, [], FORM_NAME));
  }
  const wire = parsed.data;

  // These two objects matter only when selected; the reference ignores them otherwise.
  const nestedIssues: FormIssue[] = [];
  const shortRange = wire.short_range_option === "short_range_yes"
    ? parseNested(
      ShortRangeInteractionsWire,
      wire.short_range_interactions,
      "short_range_interactions",
      nestedIssues,
    )
    : [];
  const co2 = wire.ventilation_type === "from_fitting"
    ? parseNested(Co2FittingResultWire, wire.CO2_fitting_result, "CO2_fitting_result", nestedIssues)
    : null;
  if (nestedIssues.length > 0) throw new FormError(nestedIssues);

  const form = toVirusForm(wire, shortRange ?? [], co2 ?? null);
  const issues = validateVirusForm(form, registry);
  if (issues.length > 0) throw new FormError(issues);
  return form;
}

/** Parses the contents of an object field, adding its issues (prefixed by the field). */
function parseNested<O>(
  schema: Schema<O>,
  value: unknown,
  field: string,
  issues: FormIssue[],
): O | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of formIssuesOf(result.issues, [field], FORM_NAME)) {
    issues.push(issue);
  }
  return undefined;
}

/** Renames the parsed wire fields to the {@link VirusForm} names (see the field table). */
function toVirusForm(
  w: VirusFormWire,
  shortRangeInteractions: readonly ShortRangeGroup[],
  co2FittingResult: Co2FittingResult | null,
): VirusForm {
  return { ...renameFields(VIRUS_FORM_FIELDS, w), shortRangeInteractions, co2FittingResult };
}
