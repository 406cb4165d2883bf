/**
 * The virus form as the calculator shows it: every field of `/virus/report`, grouped as
 * a person thinks about a situation, with a label, unit, short help and when it
 * applies. Names, choices and defaults come from `src/forms/` and the registry.
 *
 * @module
 */
import {
  ASCERTAINMENT_BIASES,
  COFFEE_BREAK_OPTIONS,
  MONTH_NAMES,
  VACCINE_BOOSTER_TYPES,
  VACCINE_TYPES,
} from "../../forms/choices.ts";
import { OPENING_DISTANCE_M, WINDOW_SIZE_M } from "../../forms/physical_ranges.ts";
import { VIRUS_FORM_DEFAULTS, type VirusFormField } from "../../forms/virus_form_defaults.ts";
import {
  ACTIVITY_NAMES,
  DEFAULT_REGISTRY,
  MASK_NAMES,
  VIRUS_NAMES,
} from "../../registry/defaults.ts";
import { VERSION } from "../../version.ts";

/** The form's values as sent: wire strings (`"1"`/`"0"` booleans, JSON text objects). */
export type FormValues = Record<string, string>;

/** How a field is entered. */
export type FieldKind =
  | "text"
  | "number"
  | "integer"
  | "time"
  | "select"
  | "radio"
  | "checkbox"
  | "json"
  | "precise"
  | "breaks"
  | "hidden";

/** One input of the form. */
export interface FieldSpec {
  readonly name: VirusFormField | "outdoor_temperatures";
  readonly label: string;
  readonly kind: FieldKind;
  /** Unit shown after the input. */
  readonly unit?: string;
  /** One sentence of help. */
  readonly help?: string;
  /** Allowed values and their labels (select, radio). */
  readonly choices?: readonly (readonly [string, string])[];
  readonly min?: number;
  readonly max?: number;
  readonly step?: string;
  /** Must be filled in (when shown). */
  readonly required?: boolean;
  /** When the field applies; hidden (and not sent) otherwise. */
  readonly when?: (v: FormValues) => boolean;
  /** Sent even when hidden (a required field with a value that stands without it). */
  readonly alwaysSent?: boolean;
}

/** A group of fields. */
export interface SectionSpec {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  readonly fields: readonly FieldSpec[];
  /** When the whole section applies. */
  readonly when?: (v: FormValues) => boolean;
}

const label = (s: string) => s.replaceAll("_", " ");
const same = (values: readonly string[]) => values.map((v) => [v, label(v)] as const);
const on = (name: string) => (v: FormValues) => v[name] === "1";
const legacy = (v: FormValues) => v.occupancy_mode !== "groups";

/** The activity presets (registry `population_scenario_activity`), key and label. */
const ACTIVITIES = Object.entries(DEFAULT_REGISTRY.populationScenarioActivity).map(
  ([key, scenario]) => [key, scenario.placeholder] as const,
);

const VIRUSES: readonly (readonly [string, string])[] = VIRUS_NAMES.map((name) => {
  const variant = name.replace(/^SARS_CoV_2_?/, "");
  return [name, variant === "" ? "SARS-CoV-2 (wild type)" : `SARS-CoV-2 ${label(variant)}`];
});

const COFFEE = COFFEE_BREAK_OPTIONS.map((o, i) =>
  [o, i === 0 ? "No coffee breaks" : `${i} coffee break${i > 1 ? "s" : ""}`] as const
);

function schedule(who: "exposed" | "infected", title: string): FieldSpec[] {
  const own = who === "exposed"
    ? legacy
    : (v: FormValues) => legacy(v) && v.infected_dont_have_breaks_with_exposed === "1";
  const lunch = (v: FormValues) => own(v) && v[`${who}_lunch_option`] === "1";
  return [
    {
      name: `${who}_start`,
      label: `${title}: arrival`,
      kind: "time",
      required: true,
      when: legacy,
    },
    {
      name: `${who}_finish`,
      label: `${title}: departure`,
      kind: "time",
      required: true,
      when: legacy,
    },
    { name: `${who}_lunch_option`, label: `${title}: lunch break`, kind: "checkbox", when: own },
    { name: `${who}_lunch_start`, label: "Lunch from", kind: "time", when: lunch },
    { name: `${who}_lunch_finish`, label: "Lunch until", kind: "time", when: lunch },
    {
      name: `${who}_coffee_break_option`,
      label: `${title}: coffee breaks`,
      kind: "select",
      choices: COFFEE,
      help: "Spread evenly over the day, before and after lunch.",
      when: own,
    },
    {
      name: `${who}_coffee_duration`,
      label: "Length of each coffee break",
      kind: "integer",
      unit: "min",
      min: 0,
      when: (v) => own(v) && v[`${who}_coffee_break_option`] !== "coffee_break_0",
    },
  ] as FieldSpec[];
}

/** The sections of the form, in order. */
export const SECTIONS: readonly SectionSpec[] = [
  {
    id: "about",
    title: "About this simulation",
    fields: [
      {
        name: "simulation_name",
        label: "Simulation name",
        kind: "text",
        required: true,
        help: "Shown on the report, e.g. “Weekly meeting”.",
      },
      { name: "room_number", label: "Room", kind: "text", required: true },
      { name: "calculator_version", label: "Calculator version", kind: "hidden" },
    ],
  },
  {
    id: "virus",
    title: "Virus and immunity",
    fields: [
      {
        name: "virus_type",
        label: "Virus variant",
        kind: "select",
        choices: VIRUSES,
        help: "Variants differ in transmissibility.",
      },
      {
        name: "vaccine_option",
        label: "The exposed occupants are vaccinated",
        kind: "checkbox",
        help: "Applies the vaccine's effectiveness against infection to every exposed person.",
      },
      {
        name: "vaccine_type",
        label: "Primary vaccination",
        kind: "select",
        choices: same(VACCINE_TYPES),
        when: on("vaccine_option"),
      },
      {
        name: "vaccine_booster_option",
        label: "They also received a booster",
        kind: "checkbox",
        when: on("vaccine_option"),
      },
      {
        name: "vaccine_booster_type",
        label: "Booster",
        kind: "select",
        choices: same(VACCINE_BOOSTER_TYPES),
        when: (v) => v.vaccine_option === "1" && v.vaccine_booster_option === "1",
      },
    ],
  },
  {
    id: "room",
    title: "Room",
    fields: [
      {
        name: "volume_type",
        label: "Room size given as",
        kind: "radio",
        choices: [
          ["room_volume_explicit", "Volume"],
          ["room_volume_from_dimensions", "Floor area and ceiling height"],
        ],
      },
      {
        name: "room_volume",
        label: "Room volume",
        kind: "number",
        unit: "m³",
        min: 0,
        step: "any",
        required: true,
        when: (v) => v.volume_type === "room_volume_explicit",
      },
      {
        name: "floor_area",
        label: "Floor area",
        kind: "number",
        unit: "m²",
        min: 0,
        step: "any",
        required: true,
        when: (v) => v.volume_type === "room_volume_from_dimensions",
      },
      {
        name: "ceiling_height",
        label: "Ceiling height",
        kind: "number",
        unit: "m",
        min: 0,
        step: "any",
        required: true,
        when: (v) => v.volume_type === "room_volume_from_dimensions",
      },
      {
        name: "room_heating_option",
        label: "The room is heated (central heating)",
        kind: "checkbox",
        help: "Heated air is drier: relative humidity 30 % instead of 50 %.",
      },
      {
        name: "arve_sensors_option",
        label: "I measured the room's humidity and temperature",
        kind: "checkbox",
      },
      {
        name: "humidity",
        label: "Relative humidity",
        kind: "number",
        unit: "fraction 0–1",
        min: 0,
        max: 1,
        step: "any",
        when: on("arve_sensors_option"),
      },
      {
        name: "inside_temp",
        label: "Inside temperature",
        kind: "number",
        unit: "K",
        min: 0,
        step: "any",
        help: "Kelvin: 293 K is 20 °C.",
        when: on("arve_sensors_option"),
        alwaysSent: true,
      },
      { name: "sensor_in_use", label: "Sensor", kind: "hidden" },
    ],
  },
  {
    id: "ventilation",
    title: "Ventilation",
    fields: [
      {
        name: "ventilation_type",
        label: "How the room is ventilated",
        kind: "radio",
        choices: [
          ["no_ventilation", "No ventilation (infiltration only)"],
          ["mechanical_ventilation", "Mechanical ventilation"],
          ["natural_ventilation", "Windows (natural ventilation)"],
          ["from_fitting", "From CO2 measurements (fit)"],
        ],
      },
      {
        name: "mechanical_ventilation_type",
        label: "Mechanical ventilation given as",
        kind: "radio",
        choices: [
          ["mech_type_air_changes", "Air changes per hour"],
          ["mech_type_air_supply", "Fresh air supply"],
        ],
        when: (v) => v.ventilation_type === "mechanical_ventilation",
      },
      {
        name: "air_changes",
        label: "Air changes",
        kind: "number",
        unit: "per hour",
        min: 0,
        step: "any",
        when: (v) =>
          v.ventilation_type === "mechanical_ventilation" &&
          v.mechanical_ventilation_type === "mech_type_air_changes",
      },
      {
        name: "air_supply",
        label: "Fresh air supply",
        kind: "number",
        unit: "m³/h",
        min: 0,
        step: "any",
        when: (v) =>
          v.ventilation_type === "mechanical_ventilation" &&
          v.mechanical_ventilation_type === "mech_type_air_supply",
      },
      ...windowFields(),
      {
        name: "CO2_fitting_result",
        label: "Fitted ventilation (from the CO2 page)",
        kind: "json",
        help: "Filled in by “Use this fit” on the CO2 sensor page.",
        when: (v) => v.ventilation_type === "from_fitting",
      },
      {
        name: "hepa_option",
        label: "A HEPA air purifier runs in the room",
        kind: "checkbox",
      },
      {
        name: "hepa_amount",
        label: "HEPA flow rate",
        kind: "number",
        unit: "m³/h",
        min: 0,
        step: "any",
        when: on("hepa_option"),
      },
    ],
  },
  {
    id: "masks",
    title: "Masks",
    fields: [
      {
        name: "mask_wearing_option",
        label: "Masks worn",
        kind: "radio",
        choices: [["mask_off", "No masks"], ["mask_on", "Everyone wears a mask"]],
      },
      {
        name: "mask_type",
        label: "Mask type",
        kind: "select",
        choices: MASK_NAMES.map((m) => [m, m === "Type I" ? "Type I (surgical)" : m] as const),
        when: (v) => v.mask_wearing_option === "mask_on",
      },
    ],
  },
  {
    id: "people",
    title: "People and activity",
    fields: [
      {
        name: "activity_type",
        label: "Activity",
        kind: "select",
        choices: ACTIVITIES,
        help: "Sets how hard people breathe and how much they speak.",
      },
      {
        name: "precise_activity",
        label: "Physical activity",
        kind: "precise",
        choices: ACTIVITY_NAMES.map((a) => [a, a] as const),
        help: "How hard people breathe, and the share of time spent breathing, speaking, " +
          "singing and shouting (the shares add up to 100 %).",
        when: (v) => v.activity_type === "precise",
      },
      {
        name: "total_people",
        label: "People in the room",
        kind: "integer",
        min: 1,
        required: true,
        help: "Everyone present, infected included.",
        when: legacy,
      },
      {
        name: "infected_people",
        label: "Of whom infected",
        kind: "integer",
        min: 1,
        required: true,
        when: legacy,
      },
    ],
  },
  {
    id: "times",
    title: "Times and breaks",
    intro: "When people are in the room. With occupancy groups, each group has its own times.",
    fields: [
      ...schedule("exposed", "Exposed occupants"),
      {
        name: "infected_dont_have_breaks_with_exposed",
        label: "The infected person keeps a different schedule",
        kind: "checkbox",
        when: legacy,
      },
      ...schedule("infected", "Infected occupant"),
      {
        name: "specific_breaks",
        label: "Breaks at exact times (optional)",
        kind: "breaks",
        help: "Replace the lunch and coffee breaks above by breaks at these times.",
        when: legacy,
      },
    ],
  },
  {
    id: "location",
    title: "Location and month",
    intro: "Used for the outdoor temperature (natural ventilation) and the local time.",
    fields: [
      { name: "location_name", label: "Place", kind: "text", required: true },
      {
        name: "location_latitude",
        label: "Latitude",
        kind: "number",
        unit: "° north",
        min: -90,
        max: 90,
        step: "any",
        required: true,
      },
      {
        name: "location_longitude",
        label: "Longitude",
        kind: "number",
        unit: "° east",
        min: -180,
        max: 180,
        step: "any",
        required: true,
      },
      { name: "event_month", label: "Month", kind: "select", choices: same(MONTH_NAMES) },
    ],
  },
  {
    id: "short_range",
    title: "Close-range interactions",
    intro: "Face-to-face conversations with the infected person add a close-range dose.",
    fields: [
      {
        name: "short_range_option",
        label: "Close-range interactions",
        kind: "radio",
        choices: [["short_range_no", "None"], ["short_range_yes", "Some"]],
      },
      {
        name: "short_range_occupants",
        label: "Exposed people who have them",
        kind: "integer",
        min: 0,
        when: (v) => v.short_range_option === "short_range_yes",
      },
    ],
  },
  {
    id: "probabilistic",
    title: "Probabilistic exposure",
    intro:
      "Instead of assuming an infected person is present, use how common infections are where you are.",
    fields: [
      {
        name: "exposure_option",
        label: "Exposure",
        kind: "radio",
        choices: [
          ["p_deterministic_exposure", "An infected person is present"],
          ["p_probabilistic_exposure", "From local incidence"],
        ],
      },
      {
        name: "geographic_population",
        label: "Inhabitants of the area",
        kind: "integer",
        min: 0,
        when: (v) => v.exposure_option === "p_probabilistic_exposure",
      },
      {
        name: "geographic_cases",
        label: "New reported cases per week in the area",
        kind: "integer",
        min: 0,
        help: "7-day total of reported cases.",
        when: (v) => v.exposure_option === "p_probabilistic_exposure",
      },
      {
        name: "ascertainment_bias",
        label: "How many cases are reported",
        kind: "select",
        choices: ASCERTAINMENT_BIASES.map((b) =>
          [
            b,
            {
              confidence_low: "Few (1 in 10 infections)",
              confidence_medium: "Some (1 in 5)",
              confidence_high: "Most (1 in 2)",
            }[b],
          ] as const
        ),
        when: (v) => v.exposure_option === "p_probabilistic_exposure",
      },
      {
        name: "conditional_probability_viral_loads",
        label: "Show the probability by viral load (uncertainty plot)",
        kind: "checkbox",
      },
    ],
  },
];

function windowFields(): FieldSpec[] {
  const natural = (v: FormValues) => v.ventilation_type === "natural_ventilation";
  return [
    {
      name: "window_type",
      label: "Window type",
      kind: "radio",
      choices: [["window_sliding", "Sliding or side-hung"], [
        "window_hinged",
        "Top- or bottom-hung",
      ]],
      when: natural,
    },
    {
      name: "windows_number",
      label: "Number of windows",
      kind: "integer",
      min: 1,
      when: natural,
    },
    {
      name: "window_height",
      label: "Window height",
      kind: "number",
      unit: "m",
      // The physical range's least: 0 lets no air through (the server asks for more).
      min: WINDOW_SIZE_M.min,
      required: true,
      step: "any",
      when: natural,
    },
    {
      name: "window_width",
      label: "Window width",
      kind: "number",
      unit: "m",
      // The physical range's least: 0 lets no air through (the server asks for more).
      min: WINDOW_SIZE_M.min,
      required: true,
      step: "any",
      when: (v) => natural(v) && v.window_type === "window_hinged",
    },
    {
      name: "opening_distance",
      label: "Opening distance",
      kind: "number",
      unit: "m",
      // The physical range's least: 0 lets no air through (the server asks for more).
      min: OPENING_DISTANCE_M.min,
      required: true,
      step: "any",
      help: "How far the window opens (the gap).",
      when: natural,
    },
    {
      name: "window_opening_regime",
      label: "Windows are open",
      kind: "radio",
      choices: [
        ["windows_open_permanently", "All the time"],
        ["windows_open_periodically", "Periodically"],
      ],
      when: natural,
    },
    {
      name: "windows_duration",
      label: "Open for",
      kind: "number",
      unit: "min",
      min: 0,
      step: "any",
      when: (v) => natural(v) && v.window_opening_regime === "windows_open_periodically",
    },
    {
      name: "windows_frequency",
      label: "Every",
      kind: "number",
      unit: "min",
      min: 0,
      step: "any",
      when: (v) => natural(v) && v.window_opening_regime === "windows_open_periodically",
    },
    {
      name: "outdoor_temperatures",
      label: "Outdoor temperatures (optional)",
      kind: "json",
      unit: "°C",
      help:
        "24 hourly values in °C, local time, from midnight, e.g. [2, 1.5, …]. Empty: the server's weather data.",
      when: natural,
    },
  ];
}

/** Every field, in form order. */
export const FIELDS: readonly FieldSpec[] = SECTIONS.flatMap((s) => s.fields);

/** Field names the calculator manages outside the field table (editors). */
export const EDITOR_FIELDS = ["occupancy", "short_range_interactions"] as const;

/** Fields not part of the reference's form (sent only when filled in). */
export const EXTENSION_FIELDS: readonly string[] = ["outdoor_temperatures"];

function wire(value: unknown): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The form's initial values: the server's defaults as wire strings, with the choices
 * the reference's web form starts from (room volume, lunch breaks on, Geneva).
 */
export const INITIAL_VALUES: Readonly<FormValues> = Object.freeze({
  ...Object.fromEntries(Object.entries(VIRUS_FORM_DEFAULTS).map(([k, v]) => [k, wire(v)])),
  calculator_version: `caimira-ts ${VERSION}`,
  volume_type: "room_volume_explicit",
  inside_temp: "293",
  exposed_lunch_option: "1",
  infected_lunch_option: "1",
  mechanical_ventilation_type: "mech_type_air_changes",
  location_name: "Geneva",
  location_latitude: "46.20833",
  location_longitude: "6.14275",
  outdoor_temperatures: "",
});
