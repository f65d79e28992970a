/**
 * One date check everywhere (issue 11, item 4): 0001-01-01 to 9999-12-31, real calendar
 * dates only, and every date it accepts works in every domain — an answer or a
 * BoligsocialError, never another exception.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { format, isValid, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { allocateFinancing, BoligsocialError, classifyBoligomraade, reviewIndsatser, screenAfdelinger } from '../../src/index.js';
import { FIRST_ISO_DATE, isIsoDate, isoDateSchema, LAST_ISO_DATE } from '../../src/domain/calendar.js';
import { afdeling, roligPeriode } from '../screening/helpers.js';
import { fixtureIndsatser } from '../lifecycle/helpers.js';
import { runs } from '../support/runs.js';

const plan = JSON.parse(readFileSync('fixtures/financing/helhedsplan-2024.json', 'utf8')) as Parameters<typeof allocateFinancing>[1] & { budget: { periode: { from: string; to: string } } & Parameters<typeof allocateFinancing>[0] };

/** Runs `f`; a BoligsocialError is an answer too. */
function answers(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (error) {
    if (error instanceof BoligsocialError) return true;
    throw error;
  }
}

const isoDate = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('dates', () => {
  it('the zod schema and isIsoDate agree, at the edges and beyond', () => {
    for (const [d, want] of [
      ['0000-01-01', false],
      [FIRST_ISO_DATE, true],
      ['0099-12-31', true],
      [LAST_ISO_DATE, true],
      ['2023-02-29', false],
      ['2024-02-29', true],
      ['2024-13-01', false],
      ['24-01-01', false],
    ] as const) {
      expect(isIsoDate(d), d).toBe(want);
      expect(isoDateSchema.safeParse(d).success, d).toBe(want);
    }
  });

  it('every accepted date is its own formatted value (fast-check)', () => {
    fc.assert(fc.property(isoDate, (d) => isIsoDate(d) && isoDateSchema.safeParse(d).success && format(new Date(`${d}T00:00:00`), 'yyyy-MM-dd') === d), { numRuns: runs(300) });
  });

  it('accepts exactly the strings that date-fns reads back as the same day, for any year, month 0–13 and day 0–32', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const candidate = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    // the oracle: a Date round trip through date-fns, year 0 excluded
    const roundTrip = (s: string) => s >= FIRST_ISO_DATE && isValid(parseISO(s)) && format(parseISO(s), 'yyyy-MM-dd') === s;
    fc.assert(fc.property(candidate, (s) => isIsoDate(s) === roundTrip(s)), { numRuns: runs(2000) });
  });

  it('a financing period in the year 50 splits exactly by its days', () => {
    const a = allocateFinancing({ ...plan.budget, periode: { from: '0050-03-01', to: '0054-02-28' } }, plan);
    expect(a.aar).toEqual([50, 51, 52, 53, 54]);
    expect(a.dagePrAar).toEqual([306, 365, 366, 365, 59]);
    expect(a.budget).toBe(plan.budget.total ?? a.budget);
  });

  it('every accepted date gives an answer or a BoligsocialError in every domain (fast-check)', () => {
    const indsatser = fixtureIndsatser().slice(0, 2);
    fc.assert(
      fc.property(isoDate, isoDate, (d, e) => {
        const [from, to] = d <= e ? [d, e] : [e, d];
        return (
          answers(() => classifyBoligomraade({ id: 'x', beboere: 1000 }, { listedato: d })) &&
          answers(() => screenAfdelinger([afdeling([roligPeriode(d)])], { asOf: e })) &&
          answers(() => reviewIndsatser(indsatser, { asOf: d })) &&
          answers(() => allocateFinancing({ ...plan.budget, periode: { from, to } }, { ...plan, asOf: d }))
        );
      }),
      { numRuns: runs(60) },
    );
  });
});
