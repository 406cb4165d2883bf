import { deepStrictEqual, ok, strictEqual, throws } from "node:assert/strict";
import { FormError, parseVirusForm } from "../../src/forms/mod.ts";
import { formIssue } from "../../src/forms/form_error.ts";
import { REQUIRED_WIRE } from "./_helpers.ts";

Deno.test("FormError carries the issues, the first field and a joined message", () => {
  const issues = [
    formIssue("exposed_finish", 'expected a time "HH:MM" but found "25:00"'),
    formIssue("occupancy", "expected a whole number >= 0 but found -1", "occupancy.g.infected"),
  ];
  const error = new FormError(issues, { cause: "test" });
  ok(error instanceof Error);
  strictEqual(error.name, "FormError");
  strictEqual(error.field, "exposed_finish");
  strictEqual(error.cause, "test");
  strictEqual(
    error.message,
    'exposed_finish: expected a time "HH:MM" but found "25:00"; ' +
      "occupancy.g.infected: expected a whole number >= 0 but found -1",
  );
  deepStrictEqual(error.issues[1], {
    field: "occupancy",
    path: "occupancy.g.infected",
    problem: "expected a whole number >= 0 but found -1",
    message: "occupancy.g.infected: expected a whole number >= 0 but found -1",
  });
  ok(Object.isFrozen(error.issues));
});

Deno.test("FormError lists at most 10 issues in its message", () => {
  const issues = Array.from({ length: 12 }, (_, i) => formIssue(`f${i}`, "expected x but found y"));
  const error = new FormError(issues);
  strictEqual(error.issues.length, 12);
  strictEqual(
    error.message,
    [...issues.slice(0, 10).map((i) => i.message), "and 2 more problems"].join("; "),
  );
});

Deno.test("FormError refuses an empty list of issues", () => {
  throws(() => new FormError([]), RangeError);
});

Deno.test("parseVirusForm() names the field of a nested problem and gives its path", () => {
  throws(
    () =>
      parseVirusForm({
        ...REQUIRED_WIRE,
        occupancy: { g: { total_people: 1, infected: 1, presence: [{ start_time: "25:00" }] } },
      }),
    (e: unknown) => {
      ok(e instanceof FormError);
      deepStrictEqual(e.issues.map((i) => [i.field, i.path]), [
        ["occupancy", "occupancy.g.presence[0].start_time"],
        ["occupancy", "occupancy.g.presence[0].finish_time"],
      ]);
      return true;
    },
  );
});
