// Keys given twice in one JSON object: found by the scanner (any depth, escapes decoded),
// and refused as a 400 in a body and in a JSON-text field.
import { ok, strictEqual } from "node:assert/strict";
import { duplicateKeyOf } from "../../src/forms/json_duplicate_keys.ts";
import { parseJsonBody } from "../../src/server/json_body.ts";
import { FormError, parseVirusForm } from "../../src/forms/mod.ts";
import { readFixtureInput } from "./_helpers.ts";

Deno.test("duplicateKeyOf() finds a key given twice in one object, at any depth", () => {
  const cases: [string, string | undefined][] = [
    ['{"a": 1, "b": 2}', undefined],
    ['{"a": 1, "a": 2}', "a"],
    ['{"a": {"a": {"a": 1}}}', undefined],
    ['[{"x": 1}, {"x": 2}]', undefined],
    ['{"list": [{"x": 1, "y": [1, {"z": 0, "z": 1}]}]}', "z"],
    // Escapes are decoded as JSON.parse decodes them.
    ['{"a": 1, "\\u0061": 2}', "a"],
    ['{"a\\"b": 1, "a\\\\b": 2, "a\\"b": 3}', 'a"b'],
    // Values are not keys, whatever they hold.
    ['{"k": "k", "v": "{\\"k\\": 1, \\"k\\": 2}", "w": ["k", "k"]}', undefined],
    ['{"s": "}, {\\"", "t": ",", "u": {"s": 1}}', undefined],
    ['{"": 1, "": 2}', ""],
    ['{"__proto__": 1, "__proto__": 2}', "__proto__"],
    ["[1, 2, [3, [4]], {}]", undefined],
    ['"text"', undefined],
    ["42", undefined],
  ];
  for (const [text, expected] of cases) {
    JSON.parse(text); // valid JSON, as the scanner expects
    strictEqual(duplicateKeyOf(text), expected, text);
  }
  const many = JSON.stringify(
    Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, i])),
  );
  strictEqual(duplicateKeyOf(many), undefined);
  strictEqual(duplicateKeyOf(many.replace("}", ', "k59999": 0}')), "k59999");
});

Deno.test("a body or a JSON-text field with a key twice is refused, naming the key", () => {
  const s4 = readFixtureInput("s4_dynamic_occupancy_hvac_ffp2");
  const text = JSON.stringify(s4).replace(/^\{/, '{"room_volume": "-5", ');
  let message = "";
  try {
    parseJsonBody(text);
  } catch (e) {
    message = (e as Error).message;
  }
  strictEqual(
    message,
    'body: expected each key once in an object but found "room_volume" twice (all but the ' +
      "last would be lost)",
  );
  // Two occupancy groups of the same name: one would silently disappear.
  const group = '{"total_people": 5, "infected": 1, "presence": ' +
    '[{"start_time": "09:00", "finish_time": "10:00"}]}';
  try {
    parseVirusForm({ ...s4, occupancy: `{"A": ${group}, "A": ${group}}` });
    ok(false, "expected a FormError");
  } catch (e) {
    ok(e instanceof FormError, String(e));
    ok(
      /^occupancy: expected each key once in an object but found "A" twice/.test(e.message),
      e.message,
    );
  }
  parseJsonBody(JSON.stringify(s4));
});
