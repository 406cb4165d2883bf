import { strictEqual, throws } from "node:assert/strict";
import { unreachable } from "../src/exhaustive.ts";
import { ventilationTransitionTimes } from "../src/model/ventilation.ts";
import type { Ventilation } from "../src/model/ventilation.ts";
import { createRoom } from "../src/model/room.ts";
import { CM3_PER_M3, L_PER_M3, MIN_PER_H, S_PER_H, S_PER_MIN } from "../src/units.ts";

Deno.test("a kind switch refuses a kind it does not handle, naming it", () => {
  const odd = { kind: "open-door" } as unknown as Ventilation;
  throws(
    () => ventilationTransitionTimes(odd, createRoom({ volume: 50 })),
    (e: unknown) => e instanceof TypeError && /ventilation kind "open-door"/.test(e.message),
  );
  throws(() => unreachable(undefined as never, "interval"), /interval kind undefined/);
});

Deno.test("the unit factors agree with each other", () => {
  strictEqual(S_PER_MIN * MIN_PER_H, S_PER_H);
  strictEqual(L_PER_M3 * L_PER_M3, CM3_PER_M3); // 1 L = 1000 cm³
});
