/**
 * The curves of an exposure model that a report plots: mean concentrations and doses
 * over time (src/report/virus_report.ts asks for them).
 *
 * @module
 */
import { releaseColumn } from "../kernel/column_arena.ts";
import type { ExposureEvaluator } from "./exposure.ts";
import { boundaries } from "./interval.ts";
import { presenceInterval } from "./population.ts";
import { div, mean, mul, sampleCount } from "./vec.ts";

/** Mean curves of an exposure model at given times. */
export interface ExposureCurves {
  /** Mean concentration breathed at each time (short range included), virions/m³. */
  readonly concentrations: number[];
  /** Mean long-range concentration at each time, virions/m³. */
  readonly longRangeConcentrations: number[];
  /** Mean deposited dose between consecutive times (short range included), virions. */
  readonly doses: number[];
  /** Mean long-range deposited dose between consecutive times, virions. */
  readonly longRangeDoses: number[];
}

/**
 * The mean curves of an exposure model at `times`, in one batch per infected population:
 * the mean concentration at each time (long range, and with the short-range jets), and
 * the mean deposited dose between consecutive times (long range, and with short range),
 * the exposed's presence clipped as in the dose (reference `ExposureModel.concentration`
 * and `deposited_exposure_between_bounds`, averaged over the samples).
 *
 * @param ev The exposure model's evaluator.
 * @param times Increasing times, h.
 * @returns The curves.
 */
export function exposureCurves(ev: ExposureEvaluator, times: readonly number[]): ExposureCurves {
  const model = ev.model;
  const exposedSpans = boundaries(presenceInterval(model.exposed));
  const spanEnds = exposedSpans.flat();
  const longRangeConcentrations = new Float64Array(times.length);
  const longRangeDoses = new Float64Array(Math.max(times.length - 1, 0));
  const srConcentration = new Float64Array(times.length);
  const srDoses = new Float64Array(Math.max(times.length - 1, 0));
  const n = sampleCount(...ev.concentrations.map((c) => c.normalization));
  const dilutions = ev.shortRangeDilutions();
  const doseFactors = ev.longRangeDoseFactors();

  model.concentrationModels.forEach((_, k) => {
    const cev = ev.concentrations[k];
    const {
      perSampleDiameter: perDiameter,
      aerosolsTimesDeposited: af,
      doseFactor,
    } = doseFactors[k];
    // Dose weights: with per-sample diameters the dose is mean(E·AF) · DF per sample, so
    // its mean is mean(E·AF) · mean(DF); otherwise mean(E · AF · DF).
    const meanDf = mean(doseFactor);
    const doseWeight = perDiameter ? af : mul(af, doseFactor);
    const srWeights = dilutions.map((dil) => perDiameter ? af : div(mul(af, doseFactor), dil));
    const srScale = dilutions.map((dil) => {
      if (!perDiameter) return 1;
      const quotient = div(doseFactor, dil);
      const value = mean(quotient);
      releaseColumn(quotient);
      return value;
    });
    const jetWeights = dilutions.map((dil) => div(cev.normalization, dil));
    const result = cev.batch({
      times,
      weights: [cev.normalization, ...jetWeights],
      integralTimes: [...times, ...spanEnds],
      integralWeights: [doseWeight, ...srWeights],
    });
    // The weights made for this pass (not the model's own columns) are freed now.
    for (const w of jetWeights) releaseColumn(w);
    if (!perDiameter) { for (const w of [doseWeight, ...srWeights]) releaseColumn(w); }
    const integralTimes = [...new Set([...times, ...spanEnds])].sort((a, b) => a - b);
    const cumulativeAt = (w: number, t: number) => result.integralSums[w][integralTimes.indexOf(t)];
    const exposure = (w: number, t1: number, t2: number) => {
      let total = 0;
      for (const [start, stop] of exposedSpans) {
        if (stop < t1) continue;
        if (start > t2) break;
        total += cumulativeAt(w, Math.min(stop, t2)) - cumulativeAt(w, Math.max(start, t1));
      }
      return total / n;
    };
    times.forEach((t, j) => {
      longRangeConcentrations[j] += result.sums[0][j] / n;
      model.shortRange.forEach((sr, s) => {
        const [a, b] = boundaries(sr.presence)[0];
        if (a <= t && t <= b) srConcentration[j] -= result.sums[1 + s][j] / n;
      });
    });
    for (let j = 0; j + 1 < times.length; j++) {
      const [t1, t2] = [times[j], times[j + 1]];
      const lr = exposure(0, t1, t2) * (perDiameter ? meanDf : 1);
      longRangeDoses[j] += lr;
      model.shortRange.forEach((_, s) => {
        srDoses[j] -= exposure(1 + s, t1, t2) * srScale[s];
      });
    }
  });

  // The jets: diluted jet concentration while each interaction lasts, and the jet dose
  // of the overlap of each interval with the interaction.
  model.shortRange.forEach((sr, s) => {
    const [a, b] = boundaries(sr.presence)[0];
    const jetMean = ev.meanDilutedJetConcentrations()[s];
    times.forEach((t, j) => {
      if (a <= t && t <= b) srConcentration[j] += jetMean;
    });
    const perHour = ev.meanJetDosesPerHour()[s];
    for (let j = 0; j + 1 < times.length; j++) {
      const overlap = Math.max(0, Math.min(b, times[j + 1]) - Math.max(a, times[j]));
      const touches = !(b < times[j] || a > times[j + 1]);
      if (touches) srDoses[j] += perHour * overlap;
    }
  });

  const concentrations = Array.from(longRangeConcentrations, (c, j) => c + srConcentration[j]);
  const doses = Array.from(longRangeDoses, (d, j) => d + srDoses[j]);
  return {
    concentrations,
    longRangeConcentrations: Array.from(longRangeConcentrations),
    doses,
    longRangeDoses: Array.from(longRangeDoses),
  };
}
