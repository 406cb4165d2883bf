/**
 * Python's `str(float)` / `repr(float)` (the shortest round-trip digits, fixed notation
 * for decimal exponents −4 to 15 with at least one digit after the point, scientific
 * notation with a signed two-digit exponent otherwise), for dictionary keys that the
 * reference writes from floats.
 *
 * @module
 */

/** Smallest decimal exponent written in fixed notation by Python's repr. */
const MIN_FIXED_EXPONENT = -4;
/** Largest decimal exponent written in fixed notation by Python's repr. */
const MAX_FIXED_EXPONENT = 15;

/**
 * A float as Python's `str(x)` writes it, e.g. `1000000000.0`, `223.75495209498712`,
 * `1e-05`, `1.5e+16`, `inf`, `nan`.
 *
 * @param x The number.
 * @returns Python's text of it.
 */
export function pythonFloatString(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  // toExponential() without an argument gives the shortest round-trip digits.
  const [mantissa, exponentText] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  if (exponent < MIN_FIXED_EXPONENT || exponent > MAX_FIXED_EXPONENT) {
    const rest = digits.slice(1);
    const magnitude = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${digits[0]}${rest === "" ? "" : `.${rest}`}e${
      exponent < 0 ? "-" : "+"
    }${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${sign}${integer}.${fraction === "" ? "0" : fraction}`;
}
