/**
 * The schema toolkit (`src/schema.ts`): which checks run after an issue,
 * how pipes stop, how unions report, and the paths of issues inside objects, lists and
 * records.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  array,
  boundedArray,
  custom,
  discriminated,
  enumOf,
  type Issue,
  literal,
  NEVER,
  number,
  object,
  preprocess,
  record,
  type Schema,
  string,
  union,
  unknown,
} from "../src/schema.ts";

/** The messages and paths of a failed parse (or [] when it passed). */
function problems(schema: Schema<unknown>, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.issues.map((i: Issue) => `${i.path.join(".")}: ${i.message}`);
}

/** The output of a parse that must pass. */
function output<O>(schema: Schema<O>, input: unknown): O {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result.data;
}

Deno.test("schema: checks run after a failed check, not after a wrong type", () => {
  const positiveEven = number("expected a number")
    .refine((v) => v > 0, "expected > 0")
    .refine((v) => v % 2 === 0, "expected even");
  deepStrictEqual(problems(positiveEven, -3), [": expected > 0", ": expected even"]);
  deepStrictEqual(problems(positiveEven, "4"), [": expected a number"]);
  deepStrictEqual(problems(positiveEven, Infinity), [": expected a number"]);
  strictEqual(output(positiveEven, 4), 4);
});

Deno.test("schema: an issue added with abort stops the later checks", () => {
  const schema = unknown()
    .superRefine((v, ctx) => {
      if (v === undefined) ctx.addIssue({ message: "expected a value", abort: true });
    })
    .superRefine((_, ctx) => ctx.addIssue({ message: "second" }));
  deepStrictEqual(problems(schema, undefined), [": expected a value"]);
  deepStrictEqual(problems(schema, 1), [": second"]);
});

Deno.test("schema: a pipe stops at any issue of its first schema except unknown keys", () => {
  let reached = 0;
  const next = custom((v) => {
    reached++;
    return v;
  });
  const strict = object({ a: number("expected a number") }, {
    notObject: "expected an object",
    unknownKeys: "expected only a",
  });
  problems(strict.pipe(next), { a: "x" });
  strictEqual(reached, 0);
  deepStrictEqual(problems(strict.pipe(next), { a: 1, b: 2 }), [": expected only a"]);
  strictEqual(reached, 1);
});

Deno.test("schema: a transform maps the output and its issues stop what follows", () => {
  const doubled = number("expected a number").transform((v, ctx) => {
    if (v > 10) {
      ctx.addIssue({ message: "expected at most 10" });
      return NEVER;
    }
    return 2 * v;
  }).refine(() => false, "never reached");
  strictEqual(output(number("n").transform((v) => 2 * v), 3), 6);
  deepStrictEqual(problems(doubled, 11), [": expected at most 10"]);
  deepStrictEqual(problems(doubled, 1), [": never reached"]);
});

Deno.test("schema: a union takes the first passing option, else the only typed one", () => {
  const decimal = string("expected a number").refine((s) => /^\d+$/.test(s), "expected digits");
  const schema = union([number("expected a number"), decimal], "expected a number or digits");
  strictEqual(output(schema, 5), 5);
  strictEqual(output(schema, "12"), "12");
  // Only the string option matched the type: its issue is reported.
  deepStrictEqual(problems(schema, "1x"), [": expected digits"]);
  // No option matched the type: the union's message.
  deepStrictEqual(problems(schema, true), [": expected a number or digits"]);
  const either = union([literal("", "empty"), enumOf(["a", "b"], "a or b")], "expected a, b or ''");
  deepStrictEqual(problems(either, "c"), [": expected a, b or ''"]);
});

Deno.test("schema: objects report each key's issues at its path, then unknown keys", () => {
  const schema = object({
    n: number("expected a number"),
    list: array(number("expected a number"), "expected a list"),
  }, { notObject: "expected an object", unknownKeys: "expected only n and list" });
  deepStrictEqual(problems(schema, { n: "1", list: [1, "2", 3, null], x: 1, y: 2 }), [
    "n: expected a number",
    "list.1: expected a number",
    "list.3: expected a number",
    ": expected only n and list",
  ]);
  const result = schema.safeParse({ n: 1, list: [], x: 1, y: 2 });
  strictEqual(result.success, false);
  if (!result.success) deepStrictEqual(result.issues[0].keys, ["x", "y"]);
  deepStrictEqual(problems(schema, [1]), [": expected an object"]);
  deepStrictEqual(problems(schema, null), [": expected an object"]);
  // Without unknownKeys, unknown keys are dropped.
  const loose = object({ n: number("expected a number") }, { notObject: "expected an object" });
  deepStrictEqual(output(loose, { n: 1, other: 2 }), { n: 1 });
});

Deno.test("schema: an absent key stays absent unless its schema gives a value", () => {
  const schema = object({
    a: number("expected a number").optional(),
    b: number("expected a number").prefault(7),
  }, { notObject: "expected an object" });
  const parsed = output(schema, {});
  deepStrictEqual(parsed, { b: 7 });
  strictEqual(Object.hasOwn(parsed, "a"), false);
  deepStrictEqual(output(schema, { a: undefined, b: 1 }), { a: undefined, b: 1 });
});

Deno.test("schema: records accept plain objects only and skip a __proto__ key", () => {
  const schema = record(number("expected a number"), "expected an object");
  const input = JSON.parse('{"a": 1, "__proto__": 2, "b": "x"}');
  deepStrictEqual(problems(schema, input), ["b: expected a number"]);
  const parsed = output(schema, JSON.parse('{"a": 1, "__proto__": 2}'));
  deepStrictEqual(Object.keys(parsed), ["a"]);
  strictEqual(Object.getPrototypeOf(parsed), Object.prototype);
  deepStrictEqual(problems(schema, new Date(0)), [": expected an object"]);
  deepStrictEqual(problems(schema, [1]), [": expected an object"]);
});

Deno.test("schema: list bounds, nullable, optional and preprocess", () => {
  const list = array(unknown(), "expected a list").max(2, "at most 2").min(1, "at least 1");
  deepStrictEqual(problems(list, []), [": at least 1"]);
  deepStrictEqual(problems(list, [1, 2, 3]), [": at most 2"]);
  strictEqual(output(number("n").nullable(), null), null);
  strictEqual(output(number("n").optional(), undefined), undefined);
  deepStrictEqual(problems(number("expected a number").nullable(), undefined), [
    ": expected a number",
  ]);
  const blankAsDefault = preprocess((v) => (v === "" ? undefined : v), number("n").prefault(3));
  strictEqual(output(blankAsDefault, ""), 3);
  strictEqual(output(blankAsDefault, 4), 4);
});

Deno.test("schema: a discriminated object is parsed by the option its key names", () => {
  const shape = discriminated("kind", {
    point: object({ kind: literal("point", "point"), x: number("expected a number") }, {
      notObject: "expected an object",
      unknownKeys: "expected only kind and x",
    }),
    none: object({ kind: literal("none", "none") }, { notObject: "expected an object" }),
  }, { notObject: "expected an object", unknownOption: 'expected "point" or "none"' });
  deepStrictEqual(output(shape, { kind: "point", x: 2 }), { kind: "point", x: 2 });
  deepStrictEqual(output(shape, { kind: "none", x: 2 }), { kind: "none" });
  deepStrictEqual(problems(shape, { kind: "point", x: "2", y: 1 }), [
    "x: expected a number",
    ": expected only kind and x",
  ]);
  deepStrictEqual(problems(shape, { kind: "line" }), ['kind: expected "point" or "none"']);
  deepStrictEqual(problems(shape, { kind: "toString" }), ['kind: expected "point" or "none"']);
  deepStrictEqual(problems(shape, "point"), [": expected an object"]);
});

Deno.test("schema: a bounded list is refused by its length before any item is parsed", () => {
  let parsed = 0;
  const item = custom((v) => {
    parsed++;
    return v;
  }).pipe(number("expected a number"));
  const list = boundedArray(item, 3, { notList: "expected a list", tooMany: "at most 3" });
  deepStrictEqual(problems(list, [1, "x", 3, 4, 5]), [": at most 3"]);
  strictEqual(parsed, 0);
  deepStrictEqual(problems(list, [1, "x"]), ["1: expected a number"]);
  strictEqual(parsed, 2);
  deepStrictEqual(output(list, [1, 2, 3]), [1, 2, 3]);
  deepStrictEqual(problems(list, { 0: 1 }), [": expected a list"]);
});
