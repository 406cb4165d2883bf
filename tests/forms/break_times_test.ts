/**
 * Break placement. Expected values: the reference's `_coffee_break_times` and
 * `_compute_breaks_in_interval` (form_validator.py, e624bcf3) evaluated with Python 3.11,
 * and for s2/s5 the `exposed_presence_intervals` of the reference fixtures.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  breakConflict,
  breakOwner,
  type BreakSettings,
  coffeeBreakTimes,
  populationBreaks,
  roundHalfEven,
  spreadBreaks,
} from "../../src/forms/break_times.ts";
import { parseVirusForm } from "../../src/forms/mod.ts";
import { parseWith, readFixtureInput } from "./_helpers.ts";

/** Minutes since midnight of "HH:MM". */
function t(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/** Intervals from "HH:MM-HH:MM" strings. */
function intervals(...spans: string[]) {
  return spans.map((s) => {
    const [a, b] = s.split("-");
    return { start: t(a), finish: t(b) };
  });
}

function settings(s: Partial<BreakSettings>): BreakSettings {
  return {
    start: t("09:00"),
    finish: t("17:00"),
    lunchOption: true,
    lunchStart: t("12:30"),
    lunchFinish: t("13:30"),
    coffeeBreaks: 0,
    coffeeDuration: 10,
    ...s,
  };
}

Deno.test("roundHalfEven() rounds like Python's round()", () => {
  deepStrictEqual([0.5, 1.5, 2.5, 3.5, 0.49, 0.51, 2].map(roundHalfEven), [0, 2, 2, 4, 0, 1, 2]);
});

Deno.test("spreadBreaks() leaves equal whole-minute gaps, rounded down", () => {
  deepStrictEqual(spreadBreaks(t("09:00"), t("17:00"), 4, 10), [
    { start: 628, finish: 638 },
    { start: 726, finish: 736 },
    { start: 824, finish: 834 },
    { start: 922, finish: 932 },
  ]);
  deepStrictEqual(spreadBreaks(0, 100, 0, 10), []);
  // Too many breaks: Python's floor division gives a negative gap and overlapping breaks.
  deepStrictEqual(spreadBreaks(540, 560, 2, 15), [
    { start: 536, finish: 551 },
    { start: 547, finish: 562 },
  ]);
});

Deno.test("populationBreaks() matches the presence of the reference fixture s2_hepa_classroom", () => {
  // exposed_presence_intervals: [8.0, 9.8667], [10.1167, 12.0], [13.0, 14.3667], [14.6167, 16.0]
  const form = parseVirusForm(readFixtureInput("s2_hepa_classroom"));
  deepStrictEqual(
    populationBreaks(form, "exposed"),
    intervals("12:00-13:00", "09:52-10:07", "14:22-14:37"),
  );
  // Without their own breaks, the infected take the exposed ones.
  strictEqual(breakOwner(form, "infected"), "exposed");
  deepStrictEqual(populationBreaks(form, "infected"), populationBreaks(form, "exposed"));
});

Deno.test("populationBreaks() matches the fixture s5_dims_breaks_vaccine_delta", () => {
  // exposed_presence_intervals: [9.0, 10.6667], [10.8333, 12.5], [13.5, 15.6667], [15.8333, 18.0]
  const form = parseVirusForm(readFixtureInput("s5_dims_breaks_vaccine_delta"));
  deepStrictEqual(
    populationBreaks(form, "exposed"),
    intervals("12:30-13:30", "10:40-10:50", "15:40-15:50"),
  );
  // The infected have their own breaks: 1 coffee break, round(1 × 210/450) = 0 before lunch.
  strictEqual(breakOwner(form, "infected"), "infected");
  deepStrictEqual(populationBreaks(form, "infected"), intervals("12:00-13:00", "14:55-15:05"));
});

Deno.test("coffeeBreakTimes() splits breaks around lunch, rounding half to even", () => {
  // 210 min before and after lunch: 1 × 0.5 -> 0, 3 × 0.5 -> 2, 5 × 0.5 -> 2 in the morning.
  deepStrictEqual(coffeeBreakTimes(settings({ coffeeBreaks: 1 })), intervals("15:10-15:20"));
  deepStrictEqual(
    coffeeBreakTimes(settings({ coffeeBreaks: 3 })),
    intervals("10:03-10:13", "11:16-11:26", "15:10-15:20"),
  );
  deepStrictEqual(
    coffeeBreakTimes(settings({ coffeeBreaks: 5 })),
    intervals("10:03-10:13", "11:16-11:26", "14:15-14:25", "15:10-15:20", "16:05-16:15"),
  );
  deepStrictEqual(
    coffeeBreakTimes(settings({ coffeeBreaks: 4, lunchOption: false })),
    intervals("10:28-10:38", "12:06-12:16", "13:44-13:54", "15:22-15:32"),
  );
  // Lunch filling the whole presence: the reference divides by zero.
  strictEqual(
    coffeeBreakTimes(
      settings({ coffeeBreaks: 1, lunchStart: t("09:00"), lunchFinish: t("17:00") }),
    ),
    undefined,
  );
});

Deno.test("breakConflict() fails like the reference's present_interval", () => {
  strictEqual(breakConflict(intervals("12:30-13:30", "10:00-10:10", "15:00-15:10")), undefined);
  deepStrictEqual(breakConflict(intervals("10:00-10:00")), {
    kind: "empty",
    break: { start: 600, finish: 600 },
  });
  // Touching breaks are refused too ("A break starts before another ends").
  deepStrictEqual(breakConflict(intervals("12:30-13:30", "12:20-12:30")), {
    kind: "overlap",
    first: { start: t("12:20"), finish: t("12:30") },
    second: { start: t("12:30"), finish: t("13:30") },
  });
});

Deno.test("populationBreaks() gives no breaks without lunch and coffee", () => {
  deepStrictEqual(populationBreaks(parseWith({}), "exposed"), []);
  deepStrictEqual(populationBreaks(parseWith({ exposed_lunch_option: "1" }), "infected"), [
    { start: t("12:30"), finish: t("13:30") },
  ]);
});
