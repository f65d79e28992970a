/**
 * screenEachWith: the batch screening that hands each result over as it is made (what a
 * what-if sweep uses, so it need not hold every result). The same results, in the same
 * order, and the same diagnostics as screenAfdelingerWith; an error thrown by the caller's
 * function is the caller's, never turned into a diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { BoligsocialError } from '../../src/errors.js';
import { plainScreeningResult } from '../../src/screening/result.js';
import { screenAfdelingerWith, screenEachWith } from '../../src/screening/screen.js';
import type { ScreeningResult } from '../../src/screening/types.js';
import { bundledRegistry } from '../../src/shipped.js';
import { afdeling, roligPeriode } from './helpers.js';

const ASOF = '2024-12-01';
const rules = bundledRegistry();

// a good afdeling, one that does not validate, one with no period on or before the date, one with an ignored status, a good one
const input: unknown[] = [
  afdeling([roligPeriode(ASOF, { voldHaendelser: 3 })], { id: 'a1' }),
  { id: 'a2', navn: 'Uden tal' },
  afdeling([roligPeriode('2025-12-01')], { id: 'a3' }),
  afdeling([roligPeriode(ASOF, { boligomraadeStatus: ['udsat-boligomraade'] })], { id: 'a4' }),
  afdeling([roligPeriode(ASOF, { tryghedUtrygge: 11 })], { id: 'a5' }),
];

describe('screenEachWith', () => {
  it('hands over the results screenAfdelingerWith returns, in input order, and returns the same diagnostics', () => {
    const handed: ScreeningResult[] = [];
    const diagnostics = screenEachWith(rules, input, { asOf: ASOF }, (r) => handed.push(r));
    const batch = screenAfdelingerWith(rules, input, { asOf: ASOF });
    expect(handed.map((r) => r.afdeling.id)).toEqual(['a1', 'a4', 'a5']);
    expect(handed.map(plainScreeningResult)).toEqual(batch.results.map(plainScreeningResult));
    expect(diagnostics).toEqual(batch.diagnostics);
    // a2's six fields (row 2), a3's missing period (no row: the screening itself refused it), a4's ignored status (row 4)
    expect(diagnostics.map((d) => [d.severity, d.id, d.row ?? null])).toEqual([...Array.from({ length: 6 }, () => ['error', 'a2', 2]), ['error', 'a3', null], ['warning', 'a4', 4]]);
    expect(Object.isFrozen(diagnostics)).toBe(true);
  });

  it('lets an error thrown by the function given through, even a BoligsocialError', () => {
    const thrown = new BoligsocialError('input-invalid', 'the caller refused it', []);
    expect(() =>
      screenEachWith(rules, input, { asOf: ASOF }, () => {
        throw thrown;
      }),
    ).toThrow(thrown);
  });
});
