import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antal, formatTal } from '../../src/format/danish.js';

describe('formatTal', () => {
  it('groups thousands with a point and writes decimals after a comma', () => {
    expect(formatTal('1234567.891')).toBe('1.234.567,891');
    expect(formatTal(999)).toBe('999');
    expect(formatTal('-1000')).toBe('−1.000');
    expect(formatTal('2.005', 2)).toBe('2,00');
  });
});

describe('antal', () => {
  it('puts the noun in the singular for one and in the plural for every other count', () => {
    expect(antal(1, 'afdeling', 'afdelinger')).toBe('1 afdeling');
    expect(antal(0, 'afdeling', 'afdelinger')).toBe('0 afdelinger');
    expect(antal(8000, 'afdeling', 'afdelinger')).toBe('8.000 afdelinger');
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const text = antal(n, 'række', 'rækker');
        expect(text.endsWith(n === 1 ? ' række' : ' rækker')).toBe(true);
        expect(text.split(' ')[0]?.replaceAll('.', '')).toBe(String(n));
      }),
      { numRuns: 200 },
    );
  });
});
