import { strictEqual } from "node:assert/strict";

/**
 * Asserts that two values have the same JSON text, and on failure names the first
 * difference with some context: a failing deep comparison of whole reports (columns of
 * tens of thousands of numbers) takes minutes and gigabytes to print.
 *
 * @param actual The value found.
 * @param expected The value expected.
 * @param label What is compared, for the message.
 */
export function assertSameJson(actual: unknown, expected: unknown, label = "value"): void {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a === b) return;
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const from = Math.max(0, at - 80);
  strictEqual(
    a.slice(from, at + 40),
    b.slice(from, at + 40),
    `${label} differs at character ${at}`,
  );
}
