/**
 * The segment of each value of a sweep: `segmentsOf` (each breakpoint parsed once, as a
 * sweep asks it of every row) gives what `segmentOf` gives value by value, for any sorted
 * breakpoints and any values; and by hand at the edges, where a breakpoint's side decides
 * whether the value on it has reached it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Breakpoint, segmentOf, segmentsOf } from '../../src/compare/breakpoints.js';
import { Decimal } from '../../src/domain/decimal.js';

const bp = (value: string, side: Breakpoint['side']): Breakpoint => ({ value, side, fact: 'flyttefrekvensPct', ruleSet: 'screening' });

describe('segmentsOf', () => {
  it('counts the breakpoints each value has reached: an upper one at its value, a lower one only above it', () => {
    const breakpoints = [bp('10.5', 'upper'), bp('12', 'lower'), bp('12', 'upper')].sort((a, b) => new Decimal(a.value).comparedTo(b.value) || (a.side === 'upper' ? -1 : 1));
    const values = ['10', '10.5', '11', '12', '12.0000000001', '13'].map((v) => new Decimal(v));
    expect(segmentsOf(values, breakpoints)).toEqual([0, 1, 1, 2, 3, 3]);
    expect(segmentsOf(values, [])).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('gives, for any sorted breakpoints and values, what segmentOf gives value by value', () => {
    const decimal = fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: 0, max: 3 })).map(([n, k]) => new Decimal(n).div(10 ** k).toString());
    const breakpoint = fc.tuple(decimal, fc.constantFrom<Breakpoint['side']>('upper', 'lower')).map(([v, side]) => bp(v, side));
    const sorted = (list: Breakpoint[]) => [...list].sort((a, b) => new Decimal(a.value).comparedTo(b.value) || (a.side === b.side ? 0 : a.side === 'upper' ? -1 : 1));
    fc.assert(
      fc.property(fc.array(breakpoint, { maxLength: 6 }).map(sorted), fc.array(decimal, { maxLength: 12 }), (breakpoints, values) => {
        const grid = values.map((v) => new Decimal(v));
        expect(segmentsOf(grid, breakpoints)).toEqual(grid.map((v) => segmentOf(v, breakpoints)));
        // rising, as a sweep's values are (with repeats)
        const rising = [...grid].sort((a, b) => a.comparedTo(b));
        expect(segmentsOf(rising, breakpoints)).toEqual(rising.map((v) => segmentOf(v, breakpoints)));
      }),
      { numRuns: 300 },
    );
  });
});
