/**
 * A screening result keeps its outcomes in two small integers (up to 30 rules): bit i of
 * `known` set where rule i is decided, bit i of `met` where it is true. What is read back
 * — one outcome, whether all are known, the unpacked list — is what was packed, at every
 * position up to the last bit used, and the same as from a list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Truth } from '../../src/engine/types.js';
import { allKnown, MAX_PACKED_RULES, outcomeAt, unpackOutcomes } from '../../src/screening/outcome-bits.js';
import { runs } from '../support/runs.js';

/** The masks as the decider writes them (test/engine/decision-plan.test.ts checks it does). */
function pack(outcomes: readonly Truth[]): { known: number; met: number; list: undefined } {
  let known = 0;
  let met = 0;
  outcomes.forEach((o, i) => {
    if (o !== null) known |= 1 << i;
    if (o === true) met |= 1 << i;
  });
  return { known, met, list: undefined };
}

describe('outcome bits', () => {
  it('read and unpack what was packed, as from the list, for any outcomes of up to 30 rules', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(true, false, null), { maxLength: MAX_PACKED_RULES }), (outcomes) => {
        const packed = pack(outcomes);
        const unpacked = unpackOutcomes(packed.known, packed.met, outcomes.length);
        expect(unpacked).toEqual(outcomes);
        expect(Object.isFrozen(unpacked)).toBe(true);
        outcomes.forEach((o, i) => {
          expect(outcomeAt(packed, i)).toBe(o);
          expect(outcomeAt({ known: 0, met: 0, list: outcomes }, i)).toBe(o);
        });
        expect(allKnown(packed, outcomes.length)).toBe(!outcomes.includes(null));
        expect(allKnown({ known: 0, met: 0, list: outcomes }, outcomes.length)).toBe(!outcomes.includes(null));
      }),
      { numRuns: runs(500) },
    );
  });

  it('keep the 30th rule apart from the first', () => {
    const outcomes = Array.from({ length: MAX_PACKED_RULES }, (_, i): Truth => (i === MAX_PACKED_RULES - 1 ? true : i === 0 ? null : false));
    const packed = pack(outcomes);
    expect(packed.known).toBe(2 ** 30 - 2);
    expect(packed.met).toBe(2 ** 29);
    expect(outcomeAt(packed, 0)).toBe(null);
    expect(outcomeAt(packed, MAX_PACKED_RULES - 1)).toBe(true);
    expect(allKnown(packed, MAX_PACKED_RULES)).toBe(false);
    expect(allKnown({ ...packed, known: 2 ** 30 - 1 }, MAX_PACKED_RULES)).toBe(true);
    expect(unpackOutcomes(packed.known, packed.met, MAX_PACKED_RULES)).toEqual(outcomes);
  });
});
