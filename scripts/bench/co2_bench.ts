/**
 * The CO2 routes on the shared fixtures: transition times and the fit (reference 1.2 ms
 * and 0.81 s on these machines, `s_co2_*.meta.json`). Needs ../shared/fixtures (skipped
 * when absent). Run with `deno task bench`.
 */
import { co2Report, co2TransitionTimes } from "../../src/report/co2_report.ts";

const SHARED = new URL("../../../shared/fixtures/reference/", import.meta.url);
const read = async (name: string) => {
  try {
    return JSON.parse(await Deno.readTextFile(new URL(`${name}.in.json`, SHARED)));
  } catch {
    return undefined;
  }
};
const times = await read("s_co2_transition_times");
const report = await read("s_co2_report");
if (times === undefined || report === undefined) {
  console.log("../shared/fixtures not found: no CO2 benchmarks");
} else {
  Deno.bench("co2 transition times", { group: "co2" }, () => {
    co2TransitionTimes(times);
  });
  Deno.bench("co2 report (Powell, the reference's search)", { group: "co2" }, () => {
    co2Report(report);
  });
  Deno.bench("co2 report (least squares)", { group: "co2" }, () => {
    co2Report(report, { method: "least-squares" });
  });
}
