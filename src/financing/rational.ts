/**
 * Exact non-negative rational numbers on BigInt, for the proportional values behind a
 * budget table: an amount in øre times a share times a fraction of days times a key
 * share is a fraction like 367200000000/1461, which no finite decimal represents.
 * Floors, ceilings and remainders of these are exact; nothing passes through a float.
 */
import { Decimal } from '../domain/decimal.js';

/** An exact fraction `n / d` with `d > 0`, kept in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds `n / d` in lowest terms. @throws RangeError if `d` is 0. */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('rational: division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return Object.freeze({ n: (sign * n) / g, d: (sign * d) / g });
}

/** The exact rational value of a plain decimal string ("0.125" → 1/8). */
export function rationalFromDecimal(value: string | Decimal): Rational {
  const text = typeof value === 'string' ? value : value.toFixed();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`not a plain decimal: ${text}`);
  const negative = text.startsWith('-');
  const [intPart = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const n = BigInt(intPart + frac) * (negative ? -1n : 1n);
  return rational(n, 10n ** BigInt(frac.length));
}

/** `a · b`. */
export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

/** `a / b`. @throws RangeError if `b` is 0. */
export function div(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d, a.d * b.n);
}

/** `a + b`. */
export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** `a − b`. */
export function sub(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** The sum of a list (0 for an empty list). */
export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, rational(0n));
}

/** The largest integer ≤ `a`. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** The smallest integer ≥ `a`. */
export function ceil(a: Rational): bigint {
  const f = floor(a);
  return f * a.d === a.n ? f : f + 1n;
}

/** True if `a` is a whole number. */
export function isInteger(a: Rational): boolean {
  return a.d === 1n;
}

/** Compares `a` and `b`: −1, 0 or 1. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * `a` rounded half-even to `decimals` places, as a plain decimal string with exactly
 * that many decimals ("2500.00"). Exact: the rounding looks at the true remainder.
 */
export function toFixed(a: Rational, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = rational(a.n * scale, a.d);
  let q = floor(scaled);
  const rem2 = 2n * (scaled.n - q * scaled.d);
  if (rem2 > scaled.d || (rem2 === scaled.d && q % 2n !== 0n)) q += 1n;
  return fixedFromScaled(q, decimals);
}

/** An integer count of 10^-decimals units as a plain decimal string (12345n, 2 → "123.45"). */
export function fixedFromScaled(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/** An amount in øre as a kroner decimal string with two decimals (123456n → "1234.56"). */
export function oereToKroner(oere: bigint): string {
  return fixedFromScaled(oere, 2);
}
