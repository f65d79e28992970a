/**
 * Exact comparison of decimals given as decimal strings or numbers.
 *
 * Fast path: two decimals of at most 15 significant digits map to distinct doubles in
 * the same order (15 digits round-trip through a double), so comparing the doubles is
 * exact. Anything longer goes through decimal.js.
 */
import { Decimal } from '../domain/decimal.js';

/** A decimal operand prepared once: its double when that is exact for comparison, else its Decimal. */
export interface PreparedDecimal {
  readonly fast: number | undefined;
  readonly exact: Decimal;
  readonly text: string;
}

/** What each decimal operator asks of a comparison result (negative, zero, positive). */
export const DECIMAL_TESTS: Readonly<Record<string, (c: number) => boolean>> = {
  decimalEqual: (c) => c === 0,
  decimalNotEqual: (c) => c !== 0,
  decimalLessThan: (c) => c < 0,
  decimalLessThanInclusive: (c) => c <= 0,
  decimalGreaterThan: (c) => c > 0,
  decimalGreaterThanInclusive: (c) => c >= 0,
};

/** Prepares a constant operand (a threshold) for repeated comparison. */
export function prepareDecimal(value: string | number): PreparedDecimal {
  const exact = new Decimal(typeof value === 'number' ? String(value) : value);
  return { fast: fastDouble(value), exact, text: exact.toString() };
}

/** The double of `value` if comparing doubles is exact for it (≤ 15 significant digits), else undefined. */
export function fastDouble(value: string | number): number | undefined {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return value;
    const s = String(value);
    return s.length <= 15 && !s.includes('e') ? value : undefined;
  }
  return value.length <= 15 ? Number(value) : undefined;
}

/** Compares a decimal with a prepared one: negative, zero or positive. */
export function compareDecimal(a: string | number, b: PreparedDecimal): number {
  if (b.fast !== undefined) {
    const fa = fastDouble(a);
    if (fa !== undefined) return fa < b.fast ? -1 : fa > b.fast ? 1 : 0;
  }
  return new Decimal(typeof a === 'number' ? String(a) : a).cmp(b.exact);
}

/** Compares two decimals: negative, zero or positive. */
export function compareDecimals(a: string | number, b: string | number): number {
  const fa = fastDouble(a);
  const fb = fastDouble(b);
  if (fa !== undefined && fb !== undefined) return fa < fb ? -1 : fa > fb ? 1 : 0;
  return new Decimal(typeof a === 'number' ? String(a) : a).cmp(new Decimal(typeof b === 'number' ? String(b) : b));
}

/** a − b exactly, as a decimal string. */
export function decimalDifference(a: string | number, b: string | number): string {
  return new Decimal(typeof a === 'number' ? String(a) : a).minus(new Decimal(typeof b === 'number' ? String(b) : b)).toString();
}
