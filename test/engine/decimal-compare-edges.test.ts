/**
 * Example tests at the edges of the fast paths of decimal-compare: the 15-digit limits,
 * exponent notation, long zeros, signs, integers against fractions, values around 2^53 and
 * results past decimal.js's 40 digits. Under mutation testing each property test runs only
 * 25 cases, which almost never land on these boundaries; every expected value here comes
 * from decimal.js at 200 digits (the oracle of decimal-compare.test.ts) or from the doc
 * comment of the function under test.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/decimal.js';
import { compareDecimal, compareDecimals, DECIMAL_TESTS, decimalDifference, fastDouble, prepareDecimal, preparedDifference } from '../../src/engine/decimal-compare.js';

/** The oracle: decimal.js with far more digits than any operand, so it never rounds. */
const Exact = Decimal.clone({ precision: 200, toExpNeg: -9e15, toExpPos: 9e15 });
type ExactDecimal = InstanceType<typeof Exact>;
const exact = (v: string | number): ExactDecimal => new Exact(typeof v === 'number' ? String(v) : v);
const exactDifference = (a: string | number, b: string | number): string => exact(a).minus(exact(b)).toString();
const show = (v: string | number): string => (typeof v === 'number' ? `${String(v)} (number)` : JSON.stringify(v));

/** What each decimal operator means, written with decimal.js's own comparisons. */
const MEANING: Readonly<Record<string, (a: ExactDecimal, b: ExactDecimal) => boolean>> = {
  decimalEqual: (a, b) => a.eq(b),
  decimalNotEqual: (a, b) => !a.eq(b),
  decimalLessThan: (a, b) => a.lt(b),
  decimalLessThanInclusive: (a, b) => a.lte(b),
  decimalGreaterThan: (a, b) => a.gt(b),
  decimalGreaterThanInclusive: (a, b) => a.gte(b),
};

/**
 * Pairs that reach every path of compareDecimal and compareDecimals: the scaled-integer
 * path, the double path, the far-apart test on doubles and the decimal.js fallback.
 */
const PAIRS: readonly (readonly [string | number, string | number])[] = [
  // numbers against short thresholds (the double path), below, equal and above
  [1, '2'],
  [2, '2'],
  [3, '2'],
  [-1.5, '-1.25'],
  [-1.25, '-1.25'],
  [0.5, 0.25],
  [0.1 + 0.2, '0.3'],
  [0.1 + 0.2, 0.30000000000000004],
  // strings the scaled path refuses but decimal.js reads, compared by their doubles
  ['007', '8'],
  ['+4', '4'],
  ['+4', '5'],
  ['+4', '3'],
  ['1e3', '1000'],
  ['1e3', '1001'],
  // exactly 15 and 16 characters
  ['123456789012345', '123456789012346'],
  ['123456789012345', '123456789012345'],
  ['-12345678901234', '-12345678901235'],
  ['1234567890123456', '1234567890123455'],
  ['1234567890.123456', '1234567890.12345'],
  ['0.1234567890123', '0.12345678901234'],
  // long zeros: equal to zero, but their doubles are zero too (the far-apart test must not decide)
  ['0.00000000000000000000', '0'],
  ['-0.0000000000000000000', '0'],
  ['0.00000000000000000000', 0],
  ['0.00000000000000000000', -0],
  ['0.00000000000000000000', '0.0000000000000000000000'],
  ['-0', '0'],
  [-0, '0'],
  // long figures a rounding apart from their threshold: same double, different decimals
  ['40.0000000000000000001', '40'],
  ['39.9999999999999999999', '40'],
  ['-40.0000000000000000001', '-40'],
  ['40.0000000000000000000', 40],
  // around 2^53, where consecutive integers share a double
  ['9007199254740993', '9007199254740992'],
  ['9007199254740993', 9007199254740992],
  ['9007199254740992', 9007199254740992],
  ['-9007199254740993', '-9007199254740992'],
  // far apart, one side long
  ['12345678901234567890', '1'],
  ['-12345678901234567890', '1'],
  ['0.000000000000000000001', '-0.000000000000000000001'],
  // numbers JavaScript writes in exponent notation
  [1e-7, '0.0000001'],
  [1e-7, '0.0000002'],
  [1e21, '1000000000000000000000'],
  [1e21, '999999999999999999999.9'],
];

describe('the decimal operators', () => {
  it('are exactly the six decimal operators', () => {
    expect(Object.keys(DECIMAL_TESTS).sort()).toEqual(Object.keys(MEANING).sort());
  });

  // for a comparison result below, at and above zero: what each operator asks of it
  it.each([
    ['decimalEqual', [false, true, false]],
    ['decimalNotEqual', [true, false, true]],
    ['decimalLessThan', [true, false, false]],
    ['decimalLessThanInclusive', [true, true, false]],
    ['decimalGreaterThan', [false, false, true]],
    ['decimalGreaterThanInclusive', [false, true, true]],
  ] as const)('%s tests a comparison result by its sign', (name, [below, at, above]) => {
    const test = DECIMAL_TESTS[name];
    expect(test).toBeDefined();
    expect([test?.(-1), test?.(0), test?.(1)]).toEqual([below, at, above]);
    expect([test?.(-7), test?.(7)]).toEqual([below, above]);
  });

  it.each(PAIRS)('decide %s against %s as decimal.js does, through both comparisons and both ways round', (a, b) => {
    for (const [name, test] of Object.entries(DECIMAL_TESTS)) {
      const meaning = MEANING[name];
      if (meaning === undefined) throw new Error(`no meaning for ${name}`);
      expect(test(compareDecimals(a, b)), `${show(a)} ${name} ${show(b)}`).toBe(meaning(exact(a), exact(b)));
      expect(test(compareDecimals(b, a)), `${show(b)} ${name} ${show(a)}`).toBe(meaning(exact(b), exact(a)));
      expect(test(compareDecimal(a, prepareDecimal(b))), `${show(a)} ${name} prepared ${show(b)}`).toBe(meaning(exact(a), exact(b)));
      expect(test(compareDecimal(b, prepareDecimal(a))), `${show(b)} ${name} prepared ${show(a)}`).toBe(meaning(exact(b), exact(a)));
    }
  });
});

describe('fastDouble answers with the double for at most 15 significant digits, else undefined', () => {
  it.each([5, -5, 0, 999_999_999_999_999, -999_999_999_999_999, 0.5, -0.5, 0.1234567890123, -0.123456789012, 12345.678])('the number %s', (n) => {
    expect(fastDouble(n)).toBe(n);
  });

  it.each(['5', '-5', '0.5', '123456789012345', '-12345678901234', '0.1234567890123'])('the string %s', (s) => {
    expect(fastDouble(s)).toBe(Number(s));
  });

  // 16 and 17 significant digits
  it.each([0.1 + 0.2, -(0.1 + 0.2), 2 ** 53, -(2 ** 53), 1_234_567_890_123_456, 1234567.123456789])('not the number %s', (n) => {
    expect(fastDouble(n)).toBeUndefined();
  });

  it.each(['1234567890123456', '-1234567890123456', '0.1234567890123456', '9007199254740993'])('not the string %s', (s) => {
    expect(fastDouble(s)).toBeUndefined();
  });
});

describe('preparedDifference at its limits', () => {
  // the doc: it answers when both are below 10^15 once scaled to the larger number of
  // decimals, or for a long figure whose integer digits plus p's decimals stay below 15
  it.each([
    ['123456789012345', '0'],
    ['-123456789012345', '0'],
    ['0', '123456789012345'],
    ['0.25', '0.1'],
    [0.25, '0.1'],
    [-0.25, '0.1'],
    ['0.1', '0.25'],
    [41, '40.5'],
    [-41, '40.5'],
    [1.5, 1],
    ['99999999999999.9', '0.1'],
    // long figures: a head of at most 14 digits, then a tail
    ['0.1000000000000000000', '0'],
    ['-0.1000000000000000000', '0'],
    ['0.00000000000000001', '0.5'],
    ['-0.00000000000000001', '-0.5'],
    ['-0.00000000000000001', '0.5'],
    ['40.5000000000000000000', '40.5'],
    ['-40.50000000000000001', '-40.5'],
    ['40.50000000000000001', '40.5'],
    ['-40.49999999999999999', '-40.5'],
    ['12345678.1234567890', '0.123456'],
    ['-12345678.12345678901', '0.123456'],
    ['12345678.12345600001', '12345678.123456'],
    ['1.23456789012345678', '2'],
  ] as const)('answers %s − %s exactly', (a, b) => {
    expect(preparedDifference(a, prepareDecimal(b))).toBe(exactDifference(a, b));
  });

  // scaled products past 10^15 (beyond 2^53 a double no longer holds them) and long figures
  // without a point: it may leave these to the general path, but must never answer wrongly
  it.each([
    ['999999999999999', '0.0001'],
    ['0.0001', '999999999999999'],
    ['-999999999999999', '0.0001'],
    ['123456789012345', '0.00001'],
    ['1234567890123456', '40'],
    ['-1234567890123456', '40'],
    ['12345678901234567890', '0.5'],
    ['40.12345678901234', '40.1234567890123'],
    [0.1 + 0.2, '0.3'],
    [2 ** 53 + 2, '1'],
    [1e21, '1'],
    [1e-7, '0'],
  ] as const)('answers %s − %s exactly or not at all', (a, b) => {
    const d = preparedDifference(a, prepareDecimal(b));
    if (d !== undefined) expect(d).toBe(exactDifference(a, b));
  });
});

describe('decimalDifference at the edges of its fast paths', () => {
  it.each([
    // fractions of different lengths on either side
    ['1.5', '0'],
    ['0', '1.5'],
    ['1', '0.5'],
    ['0.5', '1'],
    ['-1', '0.5'],
    ['0.5', '-1'],
    ['12.25', '0.125'],
    ['0.125', '12.25'],
    // 15 integer digits
    ['123456789012345', '0'],
    ['0', '123456789012345'],
    ['-123456789012345', '0'],
    // integer digits plus decimals just past 15 (the difference no longer fits a double's 2^53)
    ['999999999999999', '0.1'],
    ['0.1', '999999999999999'],
    ['-999999999999999', '0.1'],
    ['0.1', '-999999999999999'],
    ['123456789012345', '0.00001'],
    ['0.00001', '123456789012345'],
    ['-99999999999999', '0.01'],
    // exponent notation, as strings and as numbers JavaScript writes that way
    ['1e-20', '0'],
    ['0', '1e-20'],
    ['1e3', '1'],
    ['1.5e3', '0.25'],
    [1e-7, 0],
    [0, 1e-7],
    [1e21, 1],
    [1, 1e21],
    // strings decimal.js reads that are not plain decimals
    ['.5', '0'],
    ['0', '.5'],
    ['5.', '0.25'],
    // past decimal.js's 40 significant digits
    ['1234567890123456789012345678901234567890.5', '0.25'],
    ['0.25', '1234567890123456789012345678901234567890.5'],
    ['-1234567890123456789012345678901234567890.5', '0.25'],
    ['12345678901234567890123456789012345678901234', '1'],
    // long operands whose difference is a whole number ending in zeros
    ['1000.00000000000000001', '0.00000000000000001'],
    ['-1000.00000000000000001', '-0.00000000000000001'],
    ['10000000000000000000.5', '0.5'],
    ['0.00000000000000001', '0.00000000000000001'],
  ] as const)('%s − %s is the exact difference', (a, b) => {
    expect(decimalDifference(a, b)).toBe(exactDifference(a, b));
  });
});
