/**
 * What validation prepares of each period for screening: dates as numbers, the shares'
 * exact parts, the plain figures, and which shares are known whatever the rule set.
 * (That a batch screening writes the same facts from them as from the periods is
 * test/screening/batch-facts.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Afdeling } from '../../src/domain/afdeling.js';
import { SHARE_FACTS } from '../../src/screening/facts.js';
import { dateNumber, HUSSTANDE, periodFiguresOf, periodOffset, RESPONDENTER, STAND_BYGNINGER } from '../../src/screening/period-figures.js';
import { figuresOf, validateAfdeling, type ValidatedAfdeling, validatedAfdeling } from '../../src/screening/validate.js';
import { afdeling, roligPeriode } from './helpers.js';

const index = (fact: string): number => SHARE_FACTS.findIndex((s) => s.fact === fact);

function validated(input: unknown): Afdeling {
  const r = validateAfdeling(input);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
}

describe('the figures validation prepares for screening', () => {
  const a = validated(
    afdeling(
      [
        roligPeriode('2024-12-01', { huslejeKrPrM2: '1200.5', voldHaendelser: 3, tryghedUtrygge: null, standBygninger: null }),
        roligPeriode('2023-06-30', { fraflytninger: 30 }),
      ],
      { beboere: 0 },
    ),
  );
  const figures = periodFiguresOf(a);

  it('are kept in the memo of the validated afdeling', () => {
    expect(figuresOf(validatedAfdeling(a) as ValidatedAfdeling)).toEqual(figures);
  });

  it('give each date as the number YYYYMMDD, in period order', () => {
    expect([figures[0], figures[1]]).toEqual([20241201, 20230630]);
    expect(dateNumber('2024-01-09')).toBe(20240109);
    expect(dateNumber('2023-12-31') < dateNumber('2024-01-01')).toBe(true);
  });

  it('give each share its exact parts, amounts scaled to integers', () => {
    const first = periodOffset(2, 0);
    const husleje = index('huslejeIndeks');
    // 1200.5 / 1000 = 12005 / 10000
    expect([figures[first + 2 * husleje], figures[first + 2 * husleje + 1]]).toEqual([12005, 10000]);
    const flytte = index('flyttefrekvensPct');
    const second = periodOffset(2, 1);
    // 30 of 200 lejemål × 100
    expect([figures[second + 2 * flytte], figures[second + 2 * flytte + 1]]).toEqual([3000, 200]);
  });

  it('leave NaN where a figure is missing, and no bit for a share missing or per beboer of none', () => {
    const first = periodOffset(2, 0);
    const bits = figures[2] as number;
    expect(figures[first + RESPONDENTER]).toBeNaN();
    expect(figures[first + STAND_BYGNINGER]).toBeNaN();
    expect(figures[first + HUSSTANDE]).toBe(4);
    expect(figures[first + 2 * index('utrygPct')]).toBeNaN();
    expect((bits >>> index('voldPr1000Beboere')) & 1).toBe(0);
    expect((bits >>> index('utrygPct')) & 1).toBe(0);
    expect((bits >>> index('huslejeIndeks')) & 1).toBe(1);
    // the second period's answers are given, but utryghed still waits for the rule set's least number
    expect(figures[periodOffset(2, 1) + RESPONDENTER]).toBe(50);
    expect(((figures[3] as number) >>> index('utrygPct')) & 1).toBe(0);
  });
});
