/**
 * From a parsed virus form to the Monte Carlo models of the report, drawn in the
 * reference's order (`VirusFormData.build_model`, then `build_CO2_model`;
 * ../shared/spec/sampling-order.md section 4): the infected population, then for each
 * exposed group its short-range interactions and its exposed population, then the CO2
 * emitters.
 *
 * @module
 */
import type { Cases } from "../model/cases.ts";
import type { CO2ConcentrationModel, VirusConcentrationModel } from "../model/concentration.ts";
import { type ExposureModel, exposureModel } from "../model/exposure.ts";
import { periodicInterval, specificInterval } from "../model/interval.ts";
import {
  activitySpec,
  expirationSpec,
  jetConstants,
  maskSpec,
  shortRangeDistanceSpec,
  virusSpec,
} from "../model/monte_carlo_data.ts";
import { piecewiseConstant } from "../model/piecewise_constant.ts";
import { createRoom, type Room } from "../model/room.ts";
import {
  type InfectedPopulationSpec,
  type MaskSpec,
  sampleActivity,
  sampleInfectedPopulation,
  samplePopulation,
  sampleShortRange,
} from "../model/sampling.ts";
import type { ShortRangeModel } from "../model/short_range.ts";
import {
  airChange,
  hepaFilter,
  hingedWindow,
  hvacMechanical,
  multipleVentilation,
  slidingWindow,
  type Ventilation,
} from "../model/ventilation.ts";
import type { Rng } from "../montecarlo/rng.ts";
import type { ActivityName, DataRegistry, ExpirationName } from "../registry/defaults.ts";
import { boosterVaccineEffectiveness, primaryVaccineEffectiveness } from "../registry/vaccines.ts";
import type { Climatology } from "../weather/climatology.ts";
import type { WeatherDataset } from "../weather/dataset.ts";
import {
  type OutdoorTemperatureSource,
  type ResolvedOutdoorTemperature,
  resolveOutdoorTemperature,
} from "../weather/outdoor_temperature_source.ts";
import { ASCERTAINMENT_BIAS_FACTORS, MONTH_NAMES } from "./choices.ts";
import {
  exposedPresentInterval,
  groupPresence,
  infectedOccupancy,
  infectedPresentInterval,
  totalOccupancy,
} from "./presence.ts";
import type { VirusForm } from "./virus_form.ts";
import { MIN_PER_H } from "../units.ts";

/** Identifier of the single exposed group without dynamic occupancy (reference default). */
export const LEGACY_GROUP_ID = "group_1";

/** Evaporation factor of the concentration model (the reference's `build_model` passes 0.3). */
const EVAPORATION_FACTOR = 0.3;

/** Options of {@link buildVirusModels}. */
export interface BuildVirusModelsOptions {
  /** Default parameters. */
  readonly registry: DataRegistry;
  /** The generator, advanced in the reference's draw order. */
  readonly rng: Rng;
  /** Monte Carlo sample size (the registry's by default). */
  readonly sampleSize?: number;
  /**
   * Weather data for natural ventilation, in the reference's format: used unless the
   * form gives `outdoor_temperatures`.
   */
  readonly weather?: WeatherDataset;
  /**
   * The station climatology for natural ventilation without explicit temperatures or
   * `weather`; `false` turns it off (natural ventilation then needs one of those).
   *
   * @default {the embedded climatology}
   */
  readonly climatology?: Climatology | false;
  /**
   * Year whose time-zone rules give the UTC offset of the location.
   *
   * @default {the current year, as the reference}
   */
  readonly year?: number;
  /**
   * Only the draws the report uses: the infected's inhalation rate (unless there are
   * short-range interactions, whose jets use it) and mask η_inhale, the exposed's
   * exhalation rate and mask η_exhale, and the CO2 emitters' inhalation rate are drawn
   * for the stream's sake but not computed, and are NaN in the models.
   *
   * @default {false: every rate computed}
   */
  readonly reportRatesOnly?: boolean;
}

/** The exposure models of a form (the reference's `VirusFormData.build_model`). */
export interface ExposureModels {
  /** One exposure model per exposed group, in the form's order. */
  readonly exposureModels: readonly ExposureModel[];
  /** The long-range concentration model shared by the groups. */
  readonly concentrationModel: VirusConcentrationModel;
  /** The sample size used. */
  readonly sampleSize: number;
  /** Where natural ventilation's outdoor temperatures came from (absent without it). */
  readonly outdoorTemperatureSource?: OutdoorTemperatureSource;
}

/** The models of one virus report. */
export interface VirusModels extends ExposureModels {
  /** The CO2 concentration model (drawn after the exposure models). */
  readonly co2Model: CO2ConcentrationModel;
}

/**
 * Builds the Monte Carlo models of a virus report from a parsed form.
 *
 * @param form The parsed form.
 * @param options Registry, generator, sample size, weather.
 * @returns The exposure models (one per group), the concentration and CO2 models.
 * @throws {WeatherDataUnavailableError} Natural ventilation without outdoor temperatures
 *   (only with `climatology: false`).
 */
export function buildVirusModels(form: VirusForm, options: BuildVirusModelsOptions): VirusModels {
  const models = buildExposureModels(form, options);
  const { room, ventilation } = models.concentrationModel;
  return {
    ...models,
    co2Model: buildCo2Model(form, options, room, ventilation, models.sampleSize),
  };
}

/**
 * Builds the exposure models of a form alone (the reference's `VirusFormData.build_model`,
 * without `build_CO2_model`): the draws of {@link buildVirusModels} up to the CO2 emitters.
 * The report's alternative scenarios are built this way, one after the other on the
 * report's generator.
 *
 * @param form The parsed form.
 * @param options Registry, generator, sample size, weather.
 * @returns The exposure models (one per group) and their concentration model.
 * @throws {WeatherDataUnavailableError} Natural ventilation without a weather dataset.
 */
export function buildExposureModels(
  form: VirusForm,
  options: BuildVirusModelsOptions,
): ExposureModels {
  const registry = options.registry;
  const n = options.sampleSize ?? registry.monteCarlo.sampleSize;
  const rng = options.rng;
  const room = buildRoom(form, registry);
  const outdoor = outdoorTemperatureOf(form, options);
  const ventilation = buildVentilation(form, registry, { ...options, outdoor });
  const mask = maskOf(form, registry);
  const [activityName, expiration] = activityAndExpiration(form, registry);

  const infectedSpec: InfectedPopulationSpec = form.occupancy.length === 0
    ? {
      number: form.infectedPeople,
      presence: infectedPresentInterval(form),
      ...infectedFields(),
    }
    : { number: infectedOccupancy(form.occupancy), ...infectedFields() };
  function infectedFields() {
    return {
      activity: activitySpec(registry, activityName),
      mask,
      hostImmunity: 0,
      virus: virusSpec(registry, form.virusType),
      expiration: expirationSpec(registry, expiration),
    };
  }
  const lean = options.reportRatesOnly ?? false;
  const withInteractions = form.shortRangeOption === "short_range_yes" &&
    form.shortRangeInteractions.some((g) => g.interactions.length > 0);
  // Only the exposed breathe in a virus model: the infected's η_inhale is never read, and
  // their inhalation rate only by short-range interactions (the reference's quirk).
  const infected = sampleInfectedPopulation(
    infectedSpec,
    rng,
    n,
    !lean ? [] : withInteractions ? ["etaInhale"] : ["inhalationRate", "etaInhale"],
  );
  const concentrationModel: VirusConcentrationModel = {
    kind: "virus",
    room,
    ventilation,
    infected,
    evaporationFactor: EVAPORATION_FACTOR,
    minBackgroundConcentration: registry.concentrationModel.virusConcentrationModel
      .minBackgroundConcentration,
  };
  const geographicalData: Cases = {
    geographicPopulation: form.geographicPopulation,
    geographicCases: form.geographicCases,
    ascertainmentBias: ASCERTAINMENT_BIAS_FACTORS[form.ascertainmentBias],
  };
  const hostImmunity = exposedHostImmunity(form);

  const groups = form.occupancy.length === 0
    ? [{
      id: LEGACY_GROUP_ID,
      number: form.totalPeople - form.infectedPeople,
      presence: exposedPresentInterval(form),
      interactions: form.shortRangeInteractions.flatMap((g) => g.interactions),
    }]
    : form.occupancy.map((g) => ({
      id: g.id,
      number: g.totalPeople - g.infected,
      presence: groupPresence(g),
      interactions: form.shortRangeInteractions.find((s) => s.groupId === g.id)?.interactions ?? [],
    }));

  const exposureModels = groups.map((group) => {
    const shortRange: ShortRangeModel[] = form.shortRangeOption === "short_range_yes"
      ? group.interactions.map((interaction) =>
        sampleShortRange(
          {
            infected,
            activity: infected.activity,
            expiration: expirationSpec(registry, interaction.expiration, { shortRange: true }),
            presence: specificInterval([[
              interaction.start / MIN_PER_H,
              (interaction.start + interaction.duration) / MIN_PER_H,
            ]]),
            distance: shortRangeDistanceSpec(registry),
            jet: jetConstants(registry),
          },
          rng,
          n,
        )
      )
      : [];
    const exposed = samplePopulation(
      {
        number: group.number,
        presence: group.presence,
        activity: activitySpec(registry, activityName),
        mask,
        hostImmunity,
      },
      rng,
      n,
      lean ? ["exhalationRate", "etaExhale"] : [],
    );
    return exposureModel({
      concentrationModels: [concentrationModel],
      shortRange,
      exposed,
      geographicalData,
      exposedToShortRange: form.shortRangeOccupants,
      identifier: group.id,
    });
  });

  return {
    exposureModels,
    concentrationModel,
    sampleSize: n,
    ...(outdoor === undefined ? {} : { outdoorTemperatureSource: outdoor.source }),
  };
}

/**
 * The CO2 model of a form (the reference's `VirusFormData.build_CO2_model`): its emitters'
 * activity drawn after the exposure models.
 */
function buildCo2Model(
  form: VirusForm,
  options: BuildVirusModelsOptions,
  room: Room,
  ventilation: Ventilation,
  n: number,
): CO2ConcentrationModel {
  const registry = options.registry;
  const [activityName] = activityAndExpiration(form, registry);
  const lean = options.reportRatesOnly ?? false;
  return {
    kind: "co2",
    room,
    ventilation,
    emitters: {
      number: totalOccupancy(form),
      activity: sampleActivity(
        activitySpec(registry, activityName),
        options.rng,
        n,
        lean ? ["inhalationRate"] : [],
      ),
    },
    atmosphereConcentrationPpm: registry.concentrationModel.co2ConcentrationModel
      .co2AtmosphereConcentration,
    fractionExhaled: registry.concentrationModel.co2ConcentrationModel.co2FractionExhaled,
  };
}

/**
 * The outdoor temperature of natural ventilation and its source (undefined for other
 * ventilation types): the form's `outdoor_temperatures`, else `weather`, else the
 * climatology (see `resolveOutdoorTemperature`).
 *
 * @param form The parsed form.
 * @param options The weather dataset, the climatology and the year.
 * @returns The profile and its source, or undefined.
 * @throws {WeatherDataUnavailableError} When there is no source (`climatology: false`).
 */
export function outdoorTemperatureOf(
  form: VirusForm,
  options: {
    readonly weather?: WeatherDataset;
    readonly climatology?: Climatology | false;
    readonly year?: number;
  },
): ResolvedOutdoorTemperature | undefined {
  if (form.ventilationType !== "natural_ventilation") return undefined;
  return resolveOutdoorTemperature({
    explicitC: form.outdoorTemperatures ?? null,
    dataset: options.weather,
    climatology: options.climatology,
  }, {
    latitude: form.locationLatitude,
    longitude: form.locationLongitude,
    month: MONTH_NAMES.indexOf(form.eventMonth) + 1,
    year: options.year,
  });
}

/** The room: volume given or from the floor area, humidity and temperature from the registry or a sensor. */
export function buildRoom(form: VirusForm, registry: DataRegistry): Room {
  const volume = form.volumeType === "room_volume_explicit"
    ? form.roomVolume
    : form.floorArea * form.ceilingHeight;
  const humidity = form.arveSensorsOption
    ? form.humidity ?? 0
    : form.roomHeatingOption
    ? registry.room.humidityWithHeating
    : registry.room.humidityWithoutHeating;
  const insideTemp = form.arveSensorsOption ? form.insideTemp : registry.room.insideTemp;
  return createRoom({ volume, insideTemp: piecewiseConstant([0, 24], [insideTemp]), humidity });
}

/**
 * The ventilation of the form plus the infiltration (and the HEPA filter when on), as the
 * reference's `VirusFormData.ventilation`.
 */
export function buildVentilation(
  form: VirusForm,
  registry: DataRegistry,
  options: {
    readonly weather?: WeatherDataset;
    readonly climatology?: Climatology | false;
    readonly year?: number;
    /** The outdoor temperature already resolved (else resolved here). */
    readonly outdoor?: ResolvedOutdoorTemperature;
  },
): Ventilation {
  const alwaysOn = periodicInterval(120, 120);
  if (form.ventilationType === "from_fitting" && form.co2FittingResult !== null) {
    const { transitionTimes, ventilationValues } = form.co2FittingResult;
    return multipleVentilation(
      transitionTimes.slice(0, -1).map((start, i) =>
        airChange(specificInterval([[start, transitionTimes[i + 1]]]), ventilationValues[i])
      ),
    );
  }
  let main: Ventilation;
  if (form.ventilationType === "natural_ventilation") {
    const active = form.windowOpeningRegime === "windows_open_periodically"
      ? periodicInterval(
        form.windowsFrequency,
        form.windowsDuration,
        Math.min(form.infectedStart, form.exposedStart) / MIN_PER_H,
      )
      : alwaysOn;
    const outsideTemp =
      (options.outdoor ?? outdoorTemperatureOf(form, options) as ResolvedOutdoorTemperature)
        .temperature;
    const geometry = {
      active,
      outsideTemp,
      windowHeight: form.windowHeight,
      openingLength: form.openingDistance,
      numberOfWindows: form.windowsNumber,
    };
    main = form.windowType === "window_hinged"
      ? hingedWindow({ ...geometry, windowWidth: form.windowWidth })
      : slidingWindow({
        ...geometry,
        dischargeCoefficient: registry.ventilation.natural.dischargeFactor.sliding,
      });
  } else if (form.ventilationType === "no_ventilation") {
    main = airChange(alwaysOn, 0);
  } else if (form.mechanicalVentilationType === "mech_type_air_changes") {
    main = airChange(alwaysOn, form.airChanges);
  } else {
    main = hvacMechanical(alwaysOn, form.airSupply);
  }
  const infiltration = airChange(alwaysOn, registry.ventilation.infiltrationVentilation);
  return form.hepaOption
    ? multipleVentilation([main, hepaFilter(alwaysOn, form.hepaAmount), infiltration])
    : multipleVentilation([main, infiltration]);
}

function maskOf(form: VirusForm, registry: DataRegistry): MaskSpec {
  return maskSpec(registry, form.maskWearingOption === "mask_on" ? form.maskType : "No mask");
}

/** The physical activity and the expiration mix of the infected (reference rules). */
function activityAndExpiration(
  form: VirusForm,
  registry: DataRegistry,
): [ActivityName, Readonly<Partial<Record<ExpirationName, number>>>] {
  if (form.activityType === "precise" && form.preciseActivity !== null) {
    const mix: Partial<Record<ExpirationName, number>> = {};
    for (const share of form.preciseActivity.respiratoryActivity) {
      mix[share.type] = share.percentage;
    }
    return [form.preciseActivity.physicalActivity, mix];
  }
  const scenario = registry.populationScenarioActivity[form.activityType];
  const activity = scenario.activity as ActivityName;
  if (form.activityType === "smallmeeting") {
    // Conversation of N people: about 1/N of the time speaking.
    const people = form.occupancy.length === 0
      ? form.totalPeople
      : Math.max(...infectedOccupancy(form.occupancy).values);
    return [activity, { Speaking: 1, Breathing: people - 1 }];
  }
  return [activity, scenario.expiration];
}

/** Host immunity of the exposed from their vaccination (reference vaccine tables). */
function exposedHostImmunity(form: VirusForm): number {
  if (!form.vaccineOption) return 0;
  if (form.vaccineBoosterOption && form.vaccineBoosterType !== "Other") {
    return boosterVaccineEffectiveness(form.vaccineType, form.vaccineBoosterType) ?? 0;
  }
  return primaryVaccineEffectiveness(form.vaccineType) ?? 0;
}
