/**
 * The tables of `decimal-compare.ts` that are built when the module loads — the sign test
 * of each decimal operator, the powers of ten the scaled comparison multiplies by, and the
 * plain-decimal pattern that sends long figures to the BigInt difference — seen through
 * the module loaded afresh in each test (`vi.resetModules`), so that a change to them made
 * before the test runs is seen by the test.
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/engine/decimal-compare.js');
}

describe('loaded afresh', () => {
  it('each decimal operator asks the sign it names of the comparison', async () => {
    const { DECIMAL_TESTS } = await fresh();
    const asked = Object.fromEntries(Object.entries(DECIMAL_TESTS).map(([name, test]) => [name, [test(-1), test(0), test(1)]]));
    expect(asked).toEqual({
      decimalEqual: [false, true, false],
      decimalNotEqual: [true, false, true],
      decimalLessThan: [true, false, false],
      decimalLessThanInclusive: [true, true, false],
      decimalGreaterThan: [false, false, true],
      decimalGreaterThanInclusive: [false, true, true],
    });
  });

  it('a prepared threshold is compared by every power of ten a scale difference needs (0 to 15)', async () => {
    const { compareDecimal, prepareDecimal } = await fresh();
    for (let decimals = 0; decimals <= 14; decimals++) {
      // the threshold 1 against 1 plus one unit in the last of `decimals` places, and the figure 1 written with those decimals
      const unit = decimals === 0 ? '2' : `1.${'0'.repeat(decimals - 1)}1`;
      const one = decimals === 0 ? '1' : `1.${'0'.repeat(decimals)}`;
      expect([decimals, compareDecimal(unit, prepareDecimal('1'))]).toEqual([decimals, 1]);
      expect([decimals, compareDecimal(one, prepareDecimal('1'))]).toEqual([decimals, 0]);
      expect([decimals, compareDecimal('1', prepareDecimal(unit))]).toEqual([decimals, -1]);
    }
  });

  it('a long plain decimal is subtracted exactly, and exponent notation too', async () => {
    const { decimalDifference } = await fresh();
    expect(decimalDifference('12345678901234567.5', '0.25')).toBe('12345678901234567.25');
    expect(decimalDifference('-12345678901234567', '1')).toBe('-12345678901234568');
    expect(decimalDifference('1e5', '1')).toBe('99999');
    expect(decimalDifference('10000000000000000', '1e-20')).toBe('9999999999999999.99999999999999999999');
  });
});
