/**
 * A screening result keeps its outcomes in two small integers (up to 30 rules): what it
 * unpacks is what was packed, at every position up to the last bit used.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownBits, MAX_PACKED_RULES, metBits, unpackOutcomes } from '../../src/screening/outcome-bits.js';
import { runs } from '../support/runs.js';

describe('outcome bits', () => {
  it('unpack what was packed, for any outcomes of up to 30 rules', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(true, false, null), { maxLength: MAX_PACKED_RULES }), (outcomes) => {
        const unpacked = unpackOutcomes(knownBits(outcomes), metBits(outcomes), outcomes.length);
        expect(unpacked).toEqual(outcomes);
        expect(Object.isFrozen(unpacked)).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });

  it('keep the 30th rule apart from the first', () => {
    const outcomes = Array.from({ length: MAX_PACKED_RULES }, (_, i) => (i === MAX_PACKED_RULES - 1 ? true : i === 0 ? null : false));
    expect(knownBits(outcomes)).toBe(2 ** 30 - 2);
    expect(metBits(outcomes)).toBe(2 ** 29);
    expect(unpackOutcomes(knownBits(outcomes), metBits(outcomes), MAX_PACKED_RULES)).toEqual(outcomes);
  });
});
