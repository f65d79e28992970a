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

/** True if `s` is a plain decimal string (no exponent, no thousands separators, no comma). */
export function isDecimalString(s: string): boolean {
  return DECIMAL_STRING.test(s);
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
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && DECIMAL_STRING.test(value));
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
