/**
 * Generates `asm/json_number_tables.ts`, the constant tables of the kernel's shortest
 * double-to-decimal formatter (asm/json_numbers.ts), with exact integer arithmetic
 * (BigInt):
 *
 * - the 126-bit approximations g of the powers of ten of Giulietti's Schubfach algorithm
 *   (R. Giulietti, "The Schubfach way to render doubles", 2020, section 9): for each
 *   decimal exponent k in [K_MIN, K_MAX], g = ⌊10^(−k) · 2^(125 − ⌊−k · log2 10⌋)⌋ + 1,
 *   so 2^125 < g ≤ 2^126, stored as its high 63 bits g1 and low 63 bits g0;
 * - the powers of ten 10^0 … 10^19 (u64), for counting digits;
 * - the two-digit strings "00" … "99" (ASCII), for writing digits two at a time.
 *
 * It also proves, over every exponent the formatter meets, the three fixed-point
 * logarithms the formatter computes instead of looking up (`flog10pow2`,
 * `flog10ThreeQuartersPow2`, `flog2pow10`), against exact comparisons of powers.
 *
 * Usage:
 *   deno run --allow-read --allow-write scripts/build_json_number_tables.ts          write it
 *   deno run --allow-read scripts/build_json_number_tables.ts --check                exit 1 when stale
 *
 * (tests/kernel/json_numbers_test.ts also compares the committed file with this output.)
 *
 * @module
 */

/** Smallest and largest decimal exponent k of the formatter (binary exponents −1074…971). */
export const K_MIN = -324;
export const K_MAX = 292;
/** Smallest and largest binary exponent q of a double's value c · 2^q. */
const Q_MIN = -1074;
const Q_MAX = 971;

/** ⌊q · log10 2⌋ as the formatter computes it (fixed point, 2^-41). */
export function flog10pow2(q: number): number {
  return Number((BigInt(q) * 661_971_961_083n) >> 41n);
}

/** ⌊log10(3/4 · 2^q)⌋ as the formatter computes it (fixed point, 2^-41). */
export function flog10ThreeQuartersPow2(q: number): number {
  return Number((BigInt(q) * 661_971_961_083n - 274_743_187_321n) >> 41n);
}

/** ⌊e · log2 10⌋ as the formatter computes it (fixed point, 2^-38). */
export function flog2pow10(e: number): number {
  return Number((BigInt(e) * 913_124_641_741n) >> 38n);
}

/** ⌊log10 of the rational a / b⌋ (a, b > 0), exactly. */
function floorLog10(a: bigint, b: bigint): number {
  let k = a.toString().length - b.toString().length;
  // 10^k <= a / b < 10^(k+1), adjusted by at most a step or two.
  const le = (k: number) => (k >= 0 ? 10n ** BigInt(k) * b <= a : b <= a * 10n ** BigInt(-k));
  while (!le(k)) k--;
  while (le(k + 1)) k++;
  return k;
}

/** ⌊log2 of the rational a / b⌋ (a, b > 0), exactly. */
function floorLog2(a: bigint, b: bigint): number {
  let k = a.toString(2).length - b.toString(2).length;
  const le = (k: number) => (k >= 0 ? b << BigInt(k) <= a : b <= a << BigInt(-k));
  while (!le(k)) k--;
  while (le(k + 1)) k++;
  return k;
}

/** 2^q as a rational [numerator, denominator]. */
function pow2(q: number): [bigint, bigint] {
  return q >= 0 ? [1n << BigInt(q), 1n] : [1n, 1n << BigInt(-q)];
}

/** Checks the fixed-point logarithms on every argument the formatter gives them. */
function proveLogarithms(): void {
  for (let q = Q_MIN; q <= Q_MAX; q++) {
    const [a, b] = pow2(q);
    if (flog10pow2(q) !== floorLog10(a, b)) throw new Error(`flog10pow2(${q}) is wrong`);
    if (flog10ThreeQuartersPow2(q) !== floorLog10(3n * a, 4n * b)) {
      throw new Error(`flog10ThreeQuartersPow2(${q}) is wrong`);
    }
  }
  for (let e = -K_MAX; e <= -K_MIN; e++) {
    const exact = e >= 0 ? floorLog2(10n ** BigInt(e), 1n) : floorLog2(1n, 10n ** BigInt(-e));
    if (flog2pow10(e) !== exact) throw new Error(`flog2pow10(${e}) is wrong`);
  }
  // The formatter's k stays in the table.
  if (flog10pow2(Q_MIN) < K_MIN || flog10ThreeQuartersPow2(Q_MIN + 1) < K_MIN) {
    throw new Error("K_MIN too large");
  }
  if (flog10pow2(Q_MAX) > K_MAX) throw new Error("K_MAX too small");
}

/** g of decimal exponent k: ⌊10^(−k) · 2^(125 − flog2pow10(−k))⌋ + 1. */
export function g(k: number): bigint {
  const e = -k;
  const shift = 125 - flog2pow10(e);
  let num = e >= 0 ? 10n ** BigInt(e) : 1n;
  let den = e >= 0 ? 1n : 10n ** BigInt(-e);
  if (shift >= 0) num <<= BigInt(shift);
  else den <<= BigInt(-shift);
  const value = num / den + 1n;
  if (value <= 1n << 125n || value > 1n << 126n) throw new Error(`g(${k}) out of range`);
  return value;
}

const MASK_63 = (1n << 63n) - 1n;

function hex(x: bigint): string {
  return `0x${x.toString(16).padStart(16, "0")}`;
}

/** The text of asm/json_number_tables.ts. */
export function jsonNumberTablesSource(): string {
  proveLogarithms();
  const gRows: string[] = [];
  for (let k = K_MIN; k <= K_MAX; k++) {
    const value = g(k);
    gRows.push(`  ${hex(value >> 63n)}, ${hex(value & MASK_63)}, // ${k}`);
  }
  const powers = Array.from({ length: 20 }, (_, i) => `  ${10n ** BigInt(i)},`);
  const pairs: string[] = [];
  for (let row = 0; row < 10; row++) {
    const items = Array.from({ length: 10 }, (_, j) => {
      const i = row * 10 + j;
      // Little-endian u16: the tens digit first in memory.
      const code = (48 + Math.floor(i / 10)) | ((48 + (i % 10)) << 8);
      return `0x${code.toString(16)}`;
    });
    pairs.push(`  ${items.join(", ")},`);
  }
  return `// Generated by scripts/build_json_number_tables.ts (exact integer arithmetic). Do not
// edit: tests/kernel/json_numbers_test.ts compares this file with the script's output.
//
// Tables of the shortest double-to-decimal formatter (asm/json_numbers.ts).

/** Smallest decimal exponent k of {@link G_TABLE}. */
export const G_K_MIN: i32 = ${K_MIN};

/**
 * For k = ${K_MIN} … ${K_MAX}, 2 u64 each: the high 63 bits g1 and the low 63 bits g0 of
 * g = ⌊10^(−k) · 2^(125 − ⌊−k · log2 10⌋)⌋ + 1 (Giulietti's Schubfach, section 9).
 */
export const G_TABLE: usize = memory.data<u64>([
${gRows.join("\n")}
]);

/** 10^0 … 10^19. */
export const POW10_TABLE: usize = memory.data<u64>([
${powers.join("\n")}
]);

/** "00" … "99": 100 u16, each the ASCII tens digit then the ones digit. */
export const DIGIT_PAIRS: usize = memory.data<u16>([
${pairs.join("\n")}
]);
`;
}

if (import.meta.main) {
  const target = new URL("../asm/json_number_tables.ts", import.meta.url);
  const text = jsonNumberTablesSource();
  if (Deno.args.includes("--check")) {
    const committed = await Deno.readTextFile(target).catch(() => "");
    if (committed !== text) {
      console.error("asm/json_number_tables.ts is stale: run scripts/build_json_number_tables.ts");
      Deno.exit(1);
    }
    console.log("asm/json_number_tables.ts is fresh");
  } else {
    await Deno.writeTextFile(target, text);
    console.log("wrote asm/json_number_tables.ts");
  }
}
