// The calculator's browser modules that need no DOM: number formats, the server-error
// splitter, permalinks and short links, the CSV export and the CO2 file reader.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { deflateSync } from "node:zlib";
import { decodeCompressedLink } from "../../src/server/ui_routes.ts";
import { csvRows, hoursOf, seriesFromRows } from "../../src/ui/client/co2_series.ts";
import { clock, formatPercent } from "../../src/ui/client/format.ts";
import { FIELDS, INITIAL_VALUES } from "../../src/ui/client/form_fields.ts";
import { permalinkQuery, shortLinkPath, valuesFromQuery } from "../../src/ui/client/permalink.ts";
import { reportCsv, type VirusResults } from "../../src/ui/client/report_data.ts";
import { serverIssues } from "../../src/ui/client/server_errors.ts";
import { VIRUS_FORM_DEFAULTS } from "../../src/forms/virus_form_defaults.ts";

Deno.test("formatPercent() writes probabilities as the reference's report does", () => {
  deepStrictEqual(
    [0.001, 0.5312, 12.345, 99.95, NaN].map(formatPercent),
    ["<0.01%", "0.53%", "12.3%", ">99.9%", ">99.9%"],
  );
  deepStrictEqual([8.5, 13.25, 10.167].map(clock), ["08:30", "13:15", "10:10"]);
});

Deno.test("serverIssues() splits a FormError message by field, nested paths included", () => {
  const known = new Set(["exposed_finish", "occupancy", "total_people"]);
  deepStrictEqual(
    serverIssues(
      'exposed_finish: expected a time "HH:MM" but found "25:00"; ' +
        "occupancy.group_A.presence[0].start_time: expected a time; bogus: unknown field",
      known,
    ),
    [
      {
        field: "exposed_finish",
        message: 'exposed_finish: expected a time "HH:MM" but found "25:00"',
      },
      { field: "occupancy", message: "occupancy.group_A.presence[0].start_time: expected a time" },
      { field: "", message: "bogus: unknown field" },
    ],
  );
  deepStrictEqual(serverIssues("query parameter seed: expected an integer", known), [
    { field: "", message: "query parameter seed: expected an integer" },
  ]);
});

Deno.test("the form covers every field of /virus/report", () => {
  const covered = new Set([...FIELDS.map((f) => f.name), "occupancy", "short_range_interactions"]);
  for (const name of Object.keys(VIRUS_FORM_DEFAULTS)) ok(covered.has(name as never), name);
});

Deno.test("permalinkQuery() keeps what differs from the form's start, valuesFromQuery() restores it", () => {
  const values = {
    ...INITIAL_VALUES,
    room_volume: "75",
    hepa_option: "1",
    simulation_name: "A & B",
  };
  const query = permalinkQuery(values, 42);
  deepStrictEqual(
    [...new URLSearchParams(query)].sort(),
    [["hepa_option", "1"], ["room_volume", "75"], ["seed", "42"], ["simulation_name", "A & B"]],
  );
  const back = valuesFromQuery(new URLSearchParams(query));
  strictEqual(back.seed, 42);
  deepStrictEqual(back.values, {
    ...values,
    calculator_version: INITIAL_VALUES.calculator_version,
  });
  // Unknown names in a link are ignored.
  strictEqual(valuesFromQuery(new URLSearchParams("evil=1")).values.evil, undefined);
});

Deno.test("shortLinkPath() is the reference's format: the server and node:zlib decode it", async () => {
  const query = "simulation_name=Caf%C3%A9&room_volume=75&seed=3";
  const path = shortLinkPath(query);
  ok(path.startsWith("/_c/"));
  strictEqual(await decodeCompressedLink(path.slice(4)), query);
  // and a link made by zlib itself decodes the same way
  strictEqual(await decodeCompressedLink(deflateSync(query).toString("base64")), query);
});

Deno.test("reportCsv() has a row per report time and a column per series", () => {
  const results: VirusResults = {
    seed: 1,
    times: [8, 9, 10],
    CO2_concentrations: [440, 800, 900],
    groups: {
      group_1: {
        prob_inf: 1,
        prob_inf_sd: 1,
        prob_hist_count: [],
        prob_hist_bins: [],
        expected_new_cases: 0.1,
        exposed_presence_intervals: [[8, 10]],
        concentrations: [0, 1.5, 2],
        cumulative_doses: [0.5, 1.25],
      },
    },
    alternative_scenarios: {
      stats: {
        "Neither ventilation nor masks": {
          probability_of_infection: 2,
          expected_new_cases: 0.2,
          concentrations: [0, 3, 4],
          prob_probabilistic_exposure: null,
        },
      },
    },
  };
  strictEqual(
    reportCsv(results),
    "time_h,co2_ppm,concentration_virions_per_m3,cumulative_dose_virions," +
      "scenario: Neither ventilation nor masks concentration_virions_per_m3\n" +
      "8,440,0,,0\n9,800,1.5,0.5,3\n10,900,2,1.25,4\n",
  );
});

Deno.test("the CO2 reader takes time columns as HH:MM, date-times, hours or day fractions", () => {
  deepStrictEqual(
    ["08:30", "2024-01-15 09:15:00", "2024-01-15T10:00:30", "8.25", 8.5].map((c) => hoursOf(c)),
    [8.5, 9.25, 10 + 30 / 3600, 8.25, 8.5],
  );
  strictEqual(hoursOf(0.5, true), 12);
  strictEqual(hoursOf(45000.25, true), 6);
  const rows = csvRows('"Date";"CO2 (ppm)";"Temp"\n08:00;450;21\n08:01;"470,5";21\n\n');
  deepStrictEqual(seriesFromRows(rows), { times: [8, 8 + 1 / 60], co2: [450, 470.5] });
  // columns found by name, in any order; rows without a number skipped, and said so
  deepStrictEqual(
    seriesFromRows(csvRows("ppm CO2,time\n500,9.0\n,9.5\n600,10\nabc,11\n")),
    { times: [9, 10], co2: [500, 600], skipped: [3, 5] },
  );
  throws(() => seriesFromRows(csvRows("time,CO2\n08:00,x\n")), /at least two rows/);
  // "CO₂" (subscript two) names the column too, in the second place here.
  deepStrictEqual(
    seriesFromRows(csvRows("Zeit,Temp,CO₂\n08:00,21,410\n09:00,22,520\n")),
    { times: [8, 9], co2: [410, 520] },
  );
});
