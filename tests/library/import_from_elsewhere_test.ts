// The library from outside this repository: a script run from the file system's root
// with no configuration (no import map, no deno.json) imports `mod.ts` and a subpath by
// URL and computes a report. Bare specifiers would fail here ("not a dependency").
import { ok, strictEqual } from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url);

Deno.test("mod.ts and a subpath import from a folder outside the repo with no configuration", async () => {
  const script = `import { virusReport } from "${new URL("mod.ts", ROOT).href}";
import { parseVirusForm } from "${new URL("src/forms/mod.ts", ROOT).href}";
const body = {
  simulation_name: "Elsewhere", room_number: "1", calculator_version: "N/A",
  location_name: "Geneva", location_latitude: 46.2, location_longitude: 6.14,
  inside_temp: "293.", total_people: "10", infected_people: "1",
  volume_type: "room_volume_explicit", room_volume: "75", ventilation_type: "no_ventilation",
};
parseVirusForm(body);
const report = virusReport(body, { seed: 1, sampleSize: 2000, probDist: false });
console.log(JSON.stringify({ prob: Object.values(report.groups)[0].prob_inf }));
`;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--no-config", "--no-lock", "--quiet", "--ext=ts", "-"],
    cwd: "/",
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(script));
  await writer.close();
  const out = await child.output();
  const stderr = new TextDecoder().decode(out.stderr);
  strictEqual(out.code, 0, stderr);
  const { prob } = JSON.parse(new TextDecoder().decode(out.stdout));
  ok(prob > 0 && prob < 100, String(prob));
});
