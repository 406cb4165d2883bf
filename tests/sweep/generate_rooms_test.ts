import { deepStrictEqual, notDeepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { parseVirusForm } from "../../src/forms/parse_virus_form.ts";
import { generateRooms } from "../../src/sweep/generate_rooms.ts";

Deno.test("generateRooms: the same seed gives the same rooms, another seed others", () => {
  deepStrictEqual(generateRooms(5, 3), generateRooms(5, 3));
  notDeepStrictEqual(generateRooms(5, 3), generateRooms(5, 4));
  strictEqual(generateRooms(0, 1).length, 0);
});

Deno.test("generateRooms: every room is a valid form, with varied ventilation and masks", () => {
  const rooms = generateRooms(60, 11);
  const kinds = new Set<string>();
  for (const { id, ...form } of rooms) {
    ok(/^room-\d{4}$/.test(String(id)));
    parseVirusForm(form); // throws a FormError naming the field when invalid
    kinds.add(
      form.hepa_option === "1" ? "hepa" : String(form.ventilation_type),
    );
    kinds.add(String(form.mask_wearing_option));
    ok(Number(form.infected_people) < Number(form.total_people));
  }
  deepStrictEqual(
    [...kinds].sort(),
    ["hepa", "mask_off", "mask_on", "mechanical_ventilation", "no_ventilation"],
  );
});
