/**
 * Version of this package (kept equal to `version` in deno.json by a test).
 *
 * @example Usage
 * ```ts
 * import { VERSION } from "../mod.ts";
 * if (!/^\d+\.\d+\.\d+/.test(VERSION)) throw new Error("a semantic version");
 * ```
 */
export const VERSION = "0.1.0";
