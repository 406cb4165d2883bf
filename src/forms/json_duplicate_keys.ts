/**
 * Keys given twice in one JSON object. `JSON.parse` keeps the last and drops the others
 * without a word (RFC 8259 §4 leaves duplicate names to the implementation), so a body
 * or a JSON-text field with `"room_volume"` twice, or two occupancy groups of the same
 * name, would lose what the user sent; the forms refuse it instead.
 *
 * @module
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/**
 * The first key found twice in one object of a JSON text, or undefined when every
 * object's keys differ. One pass over the text, no recursion.
 *
 * @param text Valid JSON (check it with `JSON.parse` first: this scanner trusts it).
 * @returns The key as `JSON.parse` reads it (escapes decoded), or undefined.
 *
 * @example Usage
 * ```ts
 * import { duplicateKeyOf } from "./json_duplicate_keys.ts";
 * console.assert(duplicateKeyOf('{"a": 1, "b": {"a": 2}}') === undefined);
 * console.assert(duplicateKeyOf('{"a": 1, "b": [{"c": 1, "\\u0063": 2}]}') === "c");
 * ```
 */
export function duplicateKeyOf(text: string): string | undefined {
  // The keys of each open object; null for an open array.
  const open: (Set<string> | null)[] = [];
  // Whether the next string is a key: after `{` or after a comma inside an object.
  let atKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = i + 1;
      let escaped = false;
      for (; end < text.length; end++) {
        const d = text.charCodeAt(end);
        if (d === BACKSLASH) {
          escaped = true;
          end++;
        } else if (d === QUOTE) break;
      }
      if (atKey) {
        const key: string = escaped ? JSON.parse(text.slice(i, end + 1)) : text.slice(i + 1, end);
        const keys = open[open.length - 1]!;
        if (keys.has(key)) return key;
        keys.add(key);
        atKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT) {
      open.push(new Set());
      atKey = true;
    } else if (c === OPEN_ARRAY) {
      open.push(null);
      atKey = false;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      open.pop();
      atKey = false;
    } else if (c === COMMA) {
      atKey = open[open.length - 1] instanceof Set;
    }
  }
  return undefined;
}

/**
 * The problem to report for a key given twice.
 *
 * @param key The key.
 * @returns The message's text after the field's name.
 */
export function duplicateKeyProblem(key: string): string {
  const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
  return `expected each key once in an object but found ${JSON.stringify(shown)} twice ` +
    "(all but the last would be lost)";
}
