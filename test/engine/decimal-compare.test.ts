import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/decimal.js';
import { DECIMAL_STRING, isDecimalLike, isDecimalString } from '../../src/domain/decimal.js';
import { compareDecimal, compareDecimals, decimalDifference, prepareDecimal, preparedDifference } from '../../src/engine/decimal-compare.js';
import { runs } from '../support/runs.js';

/** Decimal strings: up to 15 digits (the fast paths) and beyond (the decimal.js fallback). */
const decimalString = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 14 }))
  .map(([negative, n, scale]) => {
    const digits = n.toString().padStart(scale + 1, '0');
    const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
    return negative && n !== 0n ? `-${text}` : text;
  });
/** Doubles as facts may hold them; numbers JavaScript prints in exponent notation are not decimal facts. */
const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).filter((n) => !String(n).includes('e'));
const operand = fc.oneof(decimalString, finiteNumber);
/**
 * Two operands: independent ones, or one decimal written twice — with trailing zeros or as
 * a number — which are equal (or, past 15 digits, a double's rounding apart): the
 * boundary every threshold rule turns on ("40.0" against "40"), which independent random
 * operands almost never hit.
 */
const sameValueTwice = fc.tuple(decimalString, fc.integer({ min: 1, max: 4 }), fc.boolean()).map(([d, zeros, asNumber]): [string | number, string | number] => {
  const n = Number(d);
  if (asNumber && !String(n).includes('e')) return [d, n];
  return [d, `${d}${d.includes('.') ? '' : '.'}${'0'.repeat(zeros)}`];
});
const operandPair = fc.oneof({ arbitrary: fc.tuple(operand, operand), weight: 3 }, { arbitrary: sameValueTwice, weight: 1 });
/** The oracle: decimal.js with far more digits than any operand, so it never rounds. */
const Exact = Decimal.clone({ precision: 200, toExpNeg: -9e15, toExpPos: 9e15 });
const exact = (v: string | number) => new Exact(typeof v === 'number' ? String(v) : v);

describe('exact decimal arithmetic of the fast paths', () => {
  it('compareDecimals orders exactly as decimal.js', () => {
    fc.assert(
      fc.property(operandPair, ([a, b]) => {
        expect(Math.sign(compareDecimals(a, b))).toBe(exact(a).cmp(exact(b)));
      }),
      { numRuns: runs(10_000) },
    );
  });

  it('compareDecimal against a prepared threshold orders exactly as decimal.js', () => {
    fc.assert(
      fc.property(operandPair, ([a, b]) => {
        const threshold = String(b);
        expect(Math.sign(compareDecimal(a, prepareDecimal(threshold)))).toBe(exact(a).cmp(exact(threshold)));
      }),
      { numRuns: runs(10_000) },
    );
  });

  it('decimalDifference is the exact difference', () => {
    fc.assert(
      fc.property(operandPair, ([a, b]) => {
        expect(decimalDifference(a, b)).toBe(exact(a).minus(exact(b)).toString());
      }),
      { numRuns: runs(20_000) },
    );
  });

  it('preparedDifference, where it answers, is the exact difference', () => {
    fc.assert(
      fc.property(operandPair, ([a, b]) => {
        const d = preparedDifference(a, prepareDecimal(b));
        if (d !== undefined) expect(d).toBe(exact(a).minus(exact(b)).toString());
      }),
      { numRuns: runs(20_000) },
    );
  });

  it('preparedDifference answers for every figure of the size rule files compare (8 integer digits, 6 decimals)', () => {
    const figure = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 }))
      .map(([negative, whole, fraction, scale]) => {
        const text = scale === 0 ? String(whole) : `${whole}.${String(fraction).padStart(6, '0').slice(0, scale)}`;
        return negative ? `-${text}` : text;
      });
    fc.assert(
      fc.property(figure, figure, (a, b) => {
        expect(preparedDifference(a, prepareDecimal(b))).toBe(exact(a).minus(exact(b)).toString());
      }),
      { numRuns: runs(20_000) },
    );
  });

  it('preparedDifference answers exactly for shares written to 20 decimals against every threshold of a rule file', () => {
    const longFigure = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 9_999 }), fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }), fc.integer({ min: 16, max: 24 }))
      .map(([negative, whole, fraction, scale]) => `${negative ? '-' : ''}${whole}.${fraction.toString().padStart(scale, '0').slice(0, scale)}`);
    const threshold = fc
      .tuple(fc.boolean(), fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 }))
      .map(([negative, whole, fraction, scale]) => `${negative ? '-' : ''}${whole}${scale === 0 ? '' : `.${String(fraction).padStart(6, '0').slice(0, scale)}`}`);
    fc.assert(
      fc.property(longFigure, threshold, (a, b) => {
        expect(preparedDifference(a, prepareDecimal(b))).toBe(exact(a).minus(exact(b)).toString());
      }),
      { numRuns: runs(20_000) },
    );
    expect(preparedDifference('40.00000000000000000000', prepareDecimal('40'))).toBe('0');
    expect(preparedDifference('-15.84062196307094266277', prepareDecimal('-15.85'))).toBe('0.00937803692905733723');
  });

  it('preparedDifference answers only for values the decimal operators accept', () => {
    const threshold = prepareDecimal('40');
    for (const bad of ['', '-', '.5', '5.', '1.2.3', '007', '-01.5', '1e3', '40,5', ' 40', '+4', 'Infinity', 'NaN']) {
      expect(isDecimalLike(bad)).toBe(false);
      expect(preparedDifference(bad, threshold)).toBeUndefined();
    }
    expect(preparedDifference(Number.NaN, threshold)).toBeUndefined();
    expect(preparedDifference(Number.POSITIVE_INFINITY, threshold)).toBeUndefined();
    expect(preparedDifference('0.5', threshold)).toBe('-39.5');
    expect(preparedDifference('-0', threshold)).toBe('-40');
    expect(preparedDifference(41, threshold)).toBe('1');
    // beyond 15 digits in the integer part and the threshold's decimals, it leaves the answer to the general path
    expect(preparedDifference('1234567890123456.5', threshold)).toBeUndefined();
    expect(preparedDifference('0.1234567890123456789', prepareDecimal('0.0000000000000001'))).toBeUndefined();
    for (const bad of ['33.33333333333333333333x', '033.33333333333333333333', '33.333333333333333333.3']) expect(preparedDifference(bad, threshold)).toBeUndefined();
  });

  it('isDecimalString accepts exactly the strings DECIMAL_STRING matches', () => {
    // short strings over the characters a decimal is made of, and the ones it is confused with
    const text = fc.string({ unit: fc.constantFrom('-', '0', '1', '5', '9', '.', 'e', ',', ' ', '+'), maxLength: 8 });
    fc.assert(
      fc.property(fc.oneof(text, decimalString), (s) => {
        expect(isDecimalString(s)).toBe(DECIMAL_STRING.test(s));
      }),
      { numRuns: runs(20_000) },
    );
    for (const s of ['', '-', '.', '0', '-0', '00', '01', '0.', '.5', '1.', '1.5.', '-.5', '1e5', '10', '0.05', '-12.50', '1.5 ']) expect(isDecimalString(s), s).toBe(DECIMAL_STRING.test(s));
  });

  it('compareDecimal compares by scaled integers at the edges of the integer fast path', () => {
    const cases: [string, string][] = [
      ['40', '40.0'],
      ['-0', '0'],
      ['-0.5', '-0.50'],
      ['999999999999999', '999999999999998.9'],
      ['0.000000000000001', '0'],
      ['123456789012345', '1234567890.12345'],
      ['1.5', '99999999999999.5'],
      ['007', '7'],
      ['1e3', '999'],
      ['-12.5', '-12.49'],
    ];
    for (const [a, t] of cases) expect(Math.sign(compareDecimal(a, prepareDecimal(t))), `${a} mod ${t}`).toBe(exact(a.replace(/^0+(?=\d)/, '')).cmp(exact(t)));
  });

  it('handles the boundary cases the law cares about', () => {
    expect(decimalDifference('40.0', '40')).toBe('0');
    expect(decimalDifference('2.4', '0.8')).toBe('1.6');
    expect(compareDecimals(new Decimal('0.8').times(3).toString(), '2.4')).toBe(0);
    expect(compareDecimals('40.0000000000000000001', '40')).toBe(1);
    expect(decimalDifference('-0.1', '-0.1')).toBe('0');
  });
});
