import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldHistorik, historikPrAar } from '../../src/classification/history.js';
import type { HistorikAarStatus } from '../../src/classification/types.js';
import type { Truth } from '../../src/engine/types.js';

function statuses(map: Record<number, Truth>): (aar: number) => HistorikAarStatus {
  return (aar) => ({ aar, status: map[aar] ?? null, kilde: aar in map ? 'offentliggjort' : 'mangler' });
}

describe('foldHistorik', () => {
  it('counts the current list and the earlier ones in a row', () => {
    const fold = foldHistorik(2021, 5, statuses({ 2020: true, 2019: true, 2018: true, 2017: true, 2016: false }));
    expect(fold.aarIRaekke).toBe(5);
    expect(fold.aar.map((a) => a.aar)).toEqual([2020, 2019, 2018, 2017]);
  });

  it('follows the chain beyond the window for the record', () => {
    expect(foldHistorik(2018, 5, statuses({ 2017: true, 2016: true, 2015: true, 2014: true, 2013: true, 2012: false })).aarIRaekke).toBe(6);
  });

  it('an area on the lists 2018–2021 only has 4 in a row in 2021: not omdannelse under the 5-year rule', () => {
    const fold = foldHistorik(2021, 5, statuses({ 2020: true, 2019: true, 2018: true, 2017: false }));
    expect(fold.aarIRaekke).toBe(4);
  });

  it('an unknown year in the window makes the count unknown', () => {
    expect(foldHistorik(2020, 5, statuses({ 2019: true, 2018: true, 2017: true })).aarIRaekke).toBeNull();
    expect(foldHistorik(2020, 5, statuses({ 2019: true, 2018: null, 2017: true, 2016: true })).aarIRaekke).toBeNull();
  });

  it('a known break decides even behind an unknown year', () => {
    const fold = foldHistorik(2020, 5, statuses({ 2019: true, 2018: null, 2017: false, 2016: true }));
    expect(fold.aarIRaekke).toBe(2);
    expect(fold.aarIRaekke! < 5).toBe(true);
  });

  it('an unknown year outside the window does not matter', () => {
    expect(foldHistorik(2021, 5, statuses({ 2020: true, 2019: true, 2018: true, 2017: true, 2016: null })).aarIRaekke).toBe(5);
  });

  it('is unknown exactly when the unknown years could decide it (three-valued soundness and completeness)', () => {
    const truth = fc.constantFrom<Truth>(true, false, null);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(truth, { minLength: 6, maxLength: 6 }), (min, window) => {
        const current = 2030;
        const map = (w: readonly Truth[]) => Object.fromEntries(w.map((t, i) => [current - 1 - i, t])) as Record<number, Truth>;
        const fold = foldHistorik(current, min, statuses(map(window)));
        const decision = fold.aarIRaekke === null ? null : fold.aarIRaekke >= min;
        // every completion of the unknown years
        const unknownAt = window.flatMap((t, i) => (t === null ? [i] : []));
        const outcomes = new Set<boolean>();
        for (let mask = 0; mask < 1 << unknownAt.length; mask++) {
          const filled = [...window];
          unknownAt.forEach((i, bit) => {
            filled[i] = ((mask >> bit) & 1) === 1;
          });
          const f = foldHistorik(current, min, statuses(map(filled)));
          outcomes.add((f.aarIRaekke as number) >= min);
        }
        if (decision === null) expect(outcomes.size).toBe(2);
        else expect([...outcomes]).toEqual([decision]);
      }),
    );
  });
});

describe('historikPrAar', () => {
  it('keeps only earlier years, the latest list of a year winning', () => {
    const byYear = historikPrAar(
      [
        { listedato: '2019-12-01', offentliggjortParallelsamfund: true },
        { listedato: '2020-06-01', offentliggjortParallelsamfund: false },
        { listedato: '2020-12-01', offentliggjortParallelsamfund: true },
        { listedato: '2021-12-01', offentliggjortParallelsamfund: false },
        { listedato: '2022-12-01', offentliggjortParallelsamfund: false },
      ],
      '2021-12-01',
    );
    expect([...byYear.keys()].sort()).toEqual([2019, 2020]);
    expect(byYear.get(2020)?.listedato).toBe('2020-12-01');
  });
});
