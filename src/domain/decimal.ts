/**
 * Exact decimal arithmetic for shares, ratios and money.
 *
 * A local clone of decimal.js, never the global one: other code in the same
 * process keeps its own settings. Plain notation always (no exponent), so a
 * value's string form is a valid decimal string at the boundary.
 */
import DecimalJs from 'decimal.js';

/** The package's Decimal class: 40 significant digits, half-even rounding, no exponent notation. */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An instance of the package's {@link Decimal} class. */
export type Decimal = InstanceType<typeof Decimal>;

/** A decimal written as a string: optional minus, digits, optional point and digits ("0.125", "1234.50"). */
export const DECIMAL_STRING = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * True if `s` is a plain decimal string (no exponent, no thousands separators, no comma):
 * exactly the strings {@link DECIMAL_STRING} matches, by one pass over the characters
 * (this runs on every decimal fact before every decision; a regular expression cost
 * about three times as much).
 */
export function isDecimalString(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  // the integer part: "0", or a digit 1–9 followed by digits
  const first = s.charCodeAt(i) - 48;
  if (!(first >= 0 && first <= 9)) return false;
  i++;
  if (first !== 0) {
    while (i < n && isDigit(s.charCodeAt(i))) i++;
  }
  if (i === n) return true;
  // the decimals: a point followed by at least one digit, and nothing after them
  if (s.charCodeAt(i) !== 46 /* . */ || i + 1 === n) return false;
  for (i++; i < n; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The one rule by which a number given as a decimal is read, everywhere (input schemas
 * and the decimal operators alike): a finite number by its shortest round-trip form,
 * written out in plain notation (1e-7 → "0.0000001", 0.1 → "0.1"). A string is returned
 * as it is, and so is a non-finite number's text ("NaN"), for the caller's
 * {@link DECIMAL_STRING} check to refuse.
 */
export function decimalTextOf(value: string | number): string {
  if (typeof value === 'string') return value;
  return Number.isFinite(value) ? new Decimal(String(value)).toFixed() : String(value);
}

/** True for a value the decimal operators compare: a plain decimal string or a finite number. */
export function isDecimalLike(value: unknown): value is string | number {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && isDecimalString(value));
}

/**
 * Converts a decimal string or a finite number to a {@link Decimal}.
 * Numbers are taken by their shortest round-trip form (0.1 → "0.1"), so a float literal
 * that an analyst meant as a decimal is read as written.
 */
export function toDecimal(value: string | number | Decimal): Decimal {
  if (value instanceof Decimal) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return new Decimal(String(value));
  }
  if (!isDecimalString(value)) throw new RangeError(`not a decimal string: ${JSON.stringify(value)}`);
  return new Decimal(value);
}

/** A decimal's canonical string form: plain notation, no trailing zeros after the point. */
export function decimalString(d: Decimal): string {
  return d.toString();
}
