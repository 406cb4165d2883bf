/**
 * Vaccine effectiveness against infection, used as the host immunity of the exposed
 * (reference `calculator/models/data/__init__.py`, `vaccine_primary_host_immunity` and
 * `vaccine_booster_host_immunity`).
 *
 * Source: "Results of COVID-19 Vaccine Effectiveness Studies: An Ongoing Systematic
 * Review", updated September 8, 2022, https://view-hub.org/resources. Vaccine names
 * are the reference's, spelled exactly (they are the form's `vaccine_type` values).
 *
 * @module
 */
import { deepFreeze } from "./_freeze.ts";

/**
 * Effectiveness of each primary vaccination series, fraction 0–1, keyed by the
 * reference's vaccine name.
 */
export const VACCINE_PRIMARY_HOST_IMMUNITY: Readonly<Record<string, number>> = deepFreeze({
  "AZD1222_(AstraZeneca)": 0.589293,
  "AZD1222_(AstraZeneca)_and_BNT162b2_(Pfizer)": 0.7865,
  "AZD1222_(AstraZeneca)_and_any_mRNA_-_heterologous": 0.81,
  "Ad26.COV2.S_(Janssen)": 0.551278,
  "Any_mRNA_-_heterologous": 0.93875,
  "BBIBP-CorV_(Beijing_CNBG)": 0.4325,
  "BNT162b2_(Pfizer)": 0.660272,
  "BNT162b2_(Pfizer)_and_mRNA-1273_(Moderna)": 0.586319,
  "CoronaVac_(Sinovac)": 0.317333,
  "CoronaVac_(Sinovac)_and_AZD1222_(AstraZeneca)": 0.472,
  "CoronaVac_(Sinovac)_and_AZD1222_(AstraZeneca)_-_heterologous": 0.74,
  "CoronaVac_(Sinovac)_and_BNT162b2_(Pfizer)": 0.7965,
  "Covishield": 0.98,
  "Sputnik_V_(Gamaleya)": 0.696,
  "mRNA-1273_(Moderna)": 0.730148,
});

/** Effectiveness of one (primary series, booster) combination. */
export interface VaccineBoosterEffectiveness {
  /** Primary series vaccine name (reference key `primary series vaccine`). */
  readonly primarySeriesVaccine: string;
  /** Booster vaccine name (reference key `booster vaccine`). */
  readonly boosterVaccine: string;
  /** Vaccine effectiveness, fraction 0–1 (reference key `VE`). */
  readonly vaccineEffectiveness: number;
}

/** Shorthand for one table row. */
function row(
  primarySeriesVaccine: string,
  boosterVaccine: string,
  vaccineEffectiveness: number,
): VaccineBoosterEffectiveness {
  return { primarySeriesVaccine, boosterVaccine, vaccineEffectiveness };
}

/** Effectiveness of each (primary series, booster) combination, in the reference's order. */
export const VACCINE_BOOSTER_HOST_IMMUNITY: readonly VaccineBoosterEffectiveness[] = deepFreeze([
  row("AZD1222_(AstraZeneca)", "AZD1222_(AstraZeneca)", 0.500429),
  row("AZD1222_(AstraZeneca)", "BNT162b2_(Pfizer)", 0.537818),
  row("AZD1222_(AstraZeneca)", "BNT162b2_(Pfizer)_or_mRNA-1273_(Moderna)", 0.284),
  row("AZD1222_(AstraZeneca)", "mRNA-1273_(Moderna)", 0.709143),
  row("Ad26.COV2.S_(Janssen)", "Ad26.COV2.S_(Janssen)", 0.492667),
  row("Ad26.COV2.S_(Janssen)", "BNT162b2_(Pfizer)_or_mRNA-1273_(Moderna)", 0.79),
  row("BNT162b2_(Pfizer)", "AZD1222_(AstraZeneca)", 0.801),
  row("BNT162b2_(Pfizer)", "BNT162b2_(Pfizer)", 0.60712),
  row("BNT162b2_(Pfizer)", "BNT162b2_(Pfizer)_or_mRNA-1273_(Moderna)", 0.632633),
  row("BNT162b2_(Pfizer)", "mRNA-1273_(Moderna)", 0.716786),
  row(
    "BNT162b2_(Pfizer)_and_mRNA-1273_(Moderna)",
    "BNT162b2_(Pfizer)_and_mRNA-1273_(Moderna)",
    0.645,
  ),
  row("BNT162b2_(Pfizer)_(3_doses)", "BNT162b2_(Pfizer)_(4th_dose)", 0.962),
  row("CoronaVac_(Sinovac)", "AZD1222_(AstraZeneca)", 0.9405),
  row("CoronaVac_(Sinovac)", "BNT162b2_(Pfizer)", 0.690563),
  row("CoronaVac_(Sinovac)", "CoronaVac_(Sinovac)", 0.52225),
  row("mRNA-1273_(Moderna)", "BNT162b2_(Pfizer)", 0.842143),
  row("mRNA-1273_(Moderna)", "BNT162b2_(Pfizer)_or_mRNA-1273_(Moderna)", 0.632633),
  row("mRNA-1273_(Moderna)", "mRNA-1273_(Moderna)", 0.633238),
]);

/**
 * Effectiveness of a primary vaccination series.
 *
 * @param vaccine The reference's vaccine name, e.g. `"BNT162b2_(Pfizer)"`.
 * @returns The effectiveness, fraction 0–1, or undefined when the name is not in the
 *   table (where the reference raises a KeyError).
 * @example Usage
 * ```ts
 * import { primaryVaccineEffectiveness } from "./mod.ts";
 * if (primaryVaccineEffectiveness("Covishield") !== 0.98) throw new Error("bad");
 * ```
 */
export function primaryVaccineEffectiveness(vaccine: string): number | undefined {
  return Object.hasOwn(VACCINE_PRIMARY_HOST_IMMUNITY, vaccine)
    ? VACCINE_PRIMARY_HOST_IMMUNITY[vaccine]
    : undefined;
}

/**
 * Effectiveness of a primary series followed by a booster: the first matching row of
 * {@link VACCINE_BOOSTER_HOST_IMMUNITY}, as in the reference.
 *
 * @param primarySeriesVaccine The primary series vaccine name.
 * @param boosterVaccine The booster vaccine name.
 * @returns The effectiveness, fraction 0–1, or undefined when the pair is not in the
 *   table (where the reference raises an IndexError).
 * @example Usage
 * ```ts
 * import { boosterVaccineEffectiveness } from "./mod.ts";
 * const ve = boosterVaccineEffectiveness("BNT162b2_(Pfizer)", "mRNA-1273_(Moderna)");
 * if (ve !== 0.716786) throw new Error("bad");
 * ```
 */
export function boosterVaccineEffectiveness(
  primarySeriesVaccine: string,
  boosterVaccine: string,
): number | undefined {
  return VACCINE_BOOSTER_HOST_IMMUNITY.find((r) =>
    r.primarySeriesVaccine === primarySeriesVaccine && r.boosterVaccine === boosterVaccine
  )?.vaccineEffectiveness;
}
