import { strictEqual } from "node:assert/strict";
import {
  describeValue,
  formatInterval,
  formatPath,
  formatTime,
  oneOf,
} from "../../src/forms/_describe.ts";

Deno.test("describeValue() names values briefly", () => {
  strictEqual(describeValue(undefined), "no value");
  strictEqual(describeValue(null), "null");
  strictEqual(describeValue("25:00"), '"25:00"');
  strictEqual(describeValue(-1), "-1");
  strictEqual(describeValue(false), "false");
  strictEqual(describeValue([]), "an empty array");
  strictEqual(describeValue([1]), "an array of 1 item");
  strictEqual(describeValue([1, 2]), "an array of 2 items");
  strictEqual(describeValue({}), "an empty object");
  strictEqual(describeValue({ a: 1 }), "an object");
  strictEqual(describeValue("y".repeat(61)), `"${"y".repeat(59)}…"`);
});

Deno.test("oneOf() lists choices in prose and cuts long lists", () => {
  strictEqual(oneOf(["a"]), '"a"');
  strictEqual(oneOf(["a", "b", "c"]), 'one of "a", "b" or "c"');
  const many = Array.from({ length: 25 }, (_, i) => `g${i}`);
  strictEqual(
    oneOf(many),
    `one of ${many.slice(0, 20).map((g) => `"${g}"`).join(", ")}, … (25 in all)`,
  );
});

Deno.test("formatTime() and formatInterval() write minutes since midnight as HH:MM", () => {
  strictEqual(formatTime(0), "00:00");
  strictEqual(formatTime(1439), "23:59");
  strictEqual(formatTime(1440 + 30), "24:30");
  strictEqual(formatTime(1080.5), "18:00.50");
  strictEqual(formatInterval(540, 600), "09:00–10:00");
});

Deno.test("formatPath() joins a field and its keys", () => {
  strictEqual(formatPath([]), "body");
  strictEqual(
    formatPath(["occupancy", "g1", "presence", 0, "start_time"]),
    "occupancy.g1.presence[0].start_time",
  );
  strictEqual(formatPath(["occupancy", "group A", "infected"]), 'occupancy["group A"].infected');
});
