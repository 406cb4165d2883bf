// Options of the library's entry points: a misspelt option or a value of the wrong kind
// is a TypeError naming it, never ignored or read loosely.
import { strictEqual, throws } from "node:assert/strict";
import {
  co2Report,
  customDistribution,
  customKernelDistribution,
  loadRegistry,
  loadWeatherDataset,
  virusReport,
} from "../mod.ts";
import { interpTable } from "../src/montecarlo/interp.ts";

const read = (name: string) =>
  JSON.parse(Deno.readTextFileSync(new URL(`fixtures/reference/${name}.in.json`, import.meta.url)));
const S2 = read("s2_hepa_classroom");
const CO2 = read("s_co2_report");

Deno.test("virusReport() and co2Report() refuse unknown options and options of the wrong kind", () => {
  const cases: [() => unknown, RegExp][] = [
    [
      () => virusReport(S2, { sampelSize: 1000 } as never),
      /virusReport: unknown option "sampelSize" \(the options are seed, sampleSize/,
    ],
    [() => virusReport(S2, { Seed: 1 } as never), /unknown option "Seed"/],
    [
      () => virusReport(S2, { probDist: "false" } as never),
      /expected option probDist to be true or false but found "false"/,
    ],
    [
      () => virusReport(S2, { alternativeScenarios: 0 } as never),
      /alternativeScenarios to be true or false but found 0/,
    ],
    [
      () => virusReport(S2, { sampleArrays: "bogus" } as never),
      /sampleArrays to be one of "array", "float64", "kernel"/,
    ],
    [
      () => virusReport(S2, { climatology: true } as never),
      /climatology to be a climatology or false but found true/,
    ],
    [() => virusReport(S2, { registry: null } as never), /registry to be an object but found null/],
    [() => virusReport(S2, null as never), /expected an options object but found null/],
    [() => virusReport(S2, "x" as never), /expected an options object but found "x"/],
    [() => virusReport(S2, [] as never), /expected an options object but found an array/],
    [
      () => co2Report(CO2, { method: "bogus" } as never),
      /co2Report: expected option method to be one of "powell", "least-squares"/,
    ],
    [() => co2Report(CO2, { metod: "powell" } as never), /unknown option "metod"/],
    [() => co2Report(CO2, null as never), /expected an options object/],
  ];
  for (const [call, message] of cases) throws(call, message, String(message));
  // Undefined is "not given"; the right kinds still work.
  const report = virusReport(S2, { seed: 0, sampleSize: 2000, probDist: undefined, year: 2026 });
  strictEqual(report.seed, 0);
});

Deno.test("loadRegistry(), the custom distributions and loadWeatherDataset() check their options", async () => {
  throws(
    () => loadRegistry({}, { fromat: "reference" } as never),
    /loadRegistry: unknown option "fromat"/,
  );
  throws(
    () => loadRegistry({}, { format: "python" } as never),
    /format to be one of "native", "reference"/,
  );
  const table = interpTable([0, 1], [1, 1]);
  throws(
    () => customDistribution([0, 1], table, 1, { log: true } as never),
    /unknown option "log"/,
  );
  throws(
    () => customKernelDistribution([0, 1], [1, 1], 0.1, { log10: "yes" } as never),
    /log10 to be true or false but found "yes"/,
  );
  strictEqual(customKernelDistribution([0, 1], [1, 1], 0.1, { log10: true }).log10, true);
  for (
    const [options, message] of [
      [{ dir: "/tmp" }, /loadWeatherDataset: unknown option "dir"/],
      [{ timeoutMs: "abc" }, /timeoutMs to be a positive number but found "abc"/],
      [{ directory: 42 }, /directory to be a path or URL but found 42/],
      [{ sha256: "abc" }, /sha256 to be a list of hexadecimal digests/],
    ] as const
  ) {
    let error: unknown;
    try {
      await loadWeatherDataset(options as never);
    } catch (e) {
      error = e;
    }
    strictEqual(error instanceof TypeError && message.test(error.message), true, String(error));
  }
});
