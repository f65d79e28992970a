/**
 * Laws of the allocation, over random budgets, periods, funder shares and
 * fordelingsnøgler: every table adds up exactly across and down and to the budget,
 * and every cell, row total and column total is its exact proportional value rounded
 * down or up to the øre, never further. The exact values are computed here
 * independently of the implementation, with BigInt fractions and UTC day numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFinancing } from '../../src/financing/default-rules.js';
import type { AfdelingInput, BudgetInput, Fordelingsnoegle, FunderInput } from '../../src/financing/types.js';
import { runs } from '../support/runs.js';

const DAY = 86_400_000;
const BASE = Date.UTC(2015, 0, 1);

function iso(epochDay: number): string {
  return new Date(epochDay * DAY).toISOString().slice(0, 10);
}
function epochDay(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY;
}
/** `from` plus `months` calendar months, clamped to the month's last day (as date-fns does). */
function addMonthsIso(isoDate: string, months: number): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7)) - 1 + months;
  const d = Number(isoDate.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = m % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return new Date(Date.UTC(ty, tm, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Øre from a kroner string with exactly two decimals. */
function oere(kr: string): bigint {
  expect(kr).toMatch(/^\d+\.\d{2}$/);
  return BigInt(kr.replace('.', ''));
}
/** A decimal string as numerator/denominator. */
function frac(s: string): [bigint, bigint] {
  const [i = '0', f = ''] = s.split('.');
  return [BigInt(i + f), 10n ** BigInt(f.length)];
}
/** `value` is `n/d` rounded down or up: |value·d − n| < d. */
function expectWithinOneOere(value: bigint, n: bigint, d: bigint, what: string): void {
  const diff = value * d - n;
  const ok = (diff < 0n ? -diff : diff) < d;
  if (!ok) throw new Error(`${what}: ${value} is not ${n}/${d} rounded down or up`);
}
function total(values: readonly string[]): bigint {
  return values.reduce((a, v) => a + oere(v), 0n);
}

/** Shares in units of 10^-p that sum to exactly 1, as decimal strings. */
function sharesArb(count: number): fc.Arbitrary<string[]> {
  return fc.integer({ min: 0, max: 4 }).chain((p) => {
    const unit = 10 ** p;
    return fc.array(fc.integer({ min: 0, max: unit }), { minLength: count - 1, maxLength: count - 1 }).map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), unit];
      return points.slice(1).map((v, i) => {
        const units = BigInt(v - (points[i] as number));
        const s = units.toString().padStart(p + 1, '0');
        return p === 0 ? s : `${s.slice(0, -p)}.${s.slice(-p)}`.replace(/\.?0+$/, '') || '0';
      });
    });
  });
}

const periodeArb = fc
  .record({
    start: fc.integer({ min: 0, max: 16 * 366 }),
    months: fc.integer({ min: 0, max: 47 }),
    days: fc.integer({ min: 0, max: 27 }),
    full: fc.boolean(),
  })
  .map(({ start, months, days, full }) => {
    const from = iso(BASE / DAY + start);
    const to = full ? iso(epochDay(addMonthsIso(from, 48)) - 1) : iso(Math.max(epochDay(addMonthsIso(from, months)) + days - 1, epochDay(from)));
    return { from, to };
  });

const amountArb = fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 10n ** 12n }));
const kr = (o: bigint) => `${o / 100n}.${(o % 100n).toString().padStart(2, '0')}`;

const keyArb: fc.Arbitrary<Fordelingsnoegle> = fc.constantFrom('lejemaal', 'boligareal', 'beboere', 'lejemaalsaekvivalenter', 'andel');

const caseArb = fc
  .record({
    periode: periodeArb,
    funderCount: fc.integer({ min: 1, max: 5 }),
    afdelingCount: fc.integer({ min: 1, max: 7 }),
    key: keyArb,
    perYear: fc.boolean(),
  })
  .chain(({ periode, funderCount, afdelingCount, key, perYear }) => {
    const years: number[] = [];
    for (let y = Number(periode.from.slice(0, 4)); y <= Number(periode.to.slice(0, 4)); y++) years.push(y);
    const keyValues: fc.Arbitrary<(number | string)[]> =
      key === 'andel'
        ? sharesArb(afdelingCount)
        : key === 'lejemaal' || key === 'beboere'
          ? fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2500 })), { minLength: afdelingCount, maxLength: afdelingCount })
          : fc.array(fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => (f === 0 ? String(i) : `${i}.${String(f).padStart(2, '0')}`)), {
              minLength: afdelingCount,
              maxLength: afdelingCount,
            });
    return fc.record({
      periode: fc.constant(periode),
      key: fc.constant(key),
      budget: perYear ? fc.array(amountArb, { minLength: years.length, maxLength: years.length }).map((v) => ({ perAar: v })) : amountArb.map((t) => ({ total: t })),
      years: fc.constant(years),
      shares: sharesArb(funderCount),
      splitFlags: fc.array(fc.boolean(), { minLength: funderCount, maxLength: funderCount }),
      lokalFlags: fc.array(fc.boolean(), { minLength: funderCount, maxLength: funderCount }),
      keyValues,
    });
  })
  .filter((c) => c.keyValues.some((v) => v !== 0 && !/^0(\.0+)?$/.test(String(v))));

describe('allocateFinancing: controlled rounding laws', () => {
  it('adds up both ways and keeps every figure within one øre of its exact value (10.000 random plans)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const funders: FunderInput[] = c.shares.map((share, i) => ({ id: `kilde-${i}`, navn: `Kilde ${i}`, share, lokal: c.lokalFlags[i] ?? false, afdelinger: c.splitFlags[i] ?? false }));
        const afdelinger: AfdelingInput[] = c.keyValues.map((v, i) => ({ id: `afd-${i}`, lejemaal: 1, [c.key]: v }));
        const budget: BudgetInput =
          'total' in c.budget
            ? { periode: c.periode, total: kr(c.budget.total) }
            : { periode: c.periode, perAar: Object.fromEntries(c.years.map((y, j) => [String(y), kr((c.budget as { perAar: bigint[] }).perAar[j] as bigint)])) };
        const a = allocateFinancing(budget, { scheme: 'financing-lokalt-udviklingsprojekt', asOf: '2024-01-01', afdelinger, key: c.key, funders });

        // exact year totals: numerator/denominator in øre
        const dFrom = epochDay(c.periode.from);
        const dTo = epochDay(c.periode.to);
        const D = BigInt(dTo - dFrom + 1);
        const yearDays = c.years.map((y) => BigInt(Math.min(dTo, epochDay(`${y}-12-31`)) - Math.max(dFrom, epochDay(`${y}-01-01`)) + 1));
        const T = 'total' in c.budget ? c.budget.total : c.budget.perAar.reduce((x, y) => x + y, 0n);
        const yearExact: [bigint, bigint][] = 'total' in c.budget ? yearDays.map((d) => [T * d, D]) : c.budget.perAar.map((v) => [v, 1n]);

        expect(a.aar).toEqual(c.years);
        expect(a.dagePrAar.map(BigInt)).toEqual(yearDays);
        expect(oere(a.budget)).toBe(T);
        // year totals
        a.aarTotaler.forEach((v, j) => expectWithinOneOere(oere(v), ...(yearExact[j] as [bigint, bigint]), `år ${c.years[j]}`));
        expect(total(a.aarTotaler)).toBe(T);
        // funder × year table
        expect(a.funders.reduce((s, f) => s + oere(f.total), 0n)).toBe(T);
        a.funders.forEach((f, fi) => {
          const [sn, sd] = frac(c.shares[fi] as string);
          expectWithinOneOere(oere(f.total), T * sn, sd, `${f.id} total`);
          expect(total(f.perAar)).toBe(oere(f.total));
          f.perAar.forEach((v, j) => {
            const [yn, yd] = yearExact[j] as [bigint, bigint];
            expectWithinOneOere(oere(v), yn * sn, yd * sd, `${f.id} ${c.years[j]}`);
          });
        });
        c.years.forEach((_, j) => expect(a.funders.reduce((s, f) => s + oere(f.perAar[j] as string), 0n)).toBe(oere(a.aarTotaler[j] as string)));

        // afdeling × year tables
        const keys = c.keyValues.map((v) => frac(String(v)));
        const scale = keys.reduce((m, [, d]) => (d > m ? d : m), 1n);
        const ints = keys.map(([n, d]) => n * (scale / d));
        const V = ints.reduce((x, y) => x + y, 0n);
        const split = a.funders.filter((f) => f.afdelinger);
        expect(a.afdelingsfordeling.map((t) => t.funder)).toEqual(split.map((f) => f.id));
        for (const t of a.afdelingsfordeling) {
          const fi = a.funders.findIndex((f) => f.id === t.funder);
          const f = a.funders[fi];
          const [sn, sd] = frac(c.shares[fi] as string);
          expect(t.total).toBe(f?.total);
          expect(t.aarTotaler).toEqual(f?.perAar);
          expect(t.rows.reduce((s, r) => s + oere(r.total), 0n)).toBe(oere(t.total));
          c.years.forEach((_, j) => expect(t.rows.reduce((s, r) => s + oere(r.perAar[j] as string), 0n)).toBe(oere(t.aarTotaler[j] as string)));
          t.rows.forEach((r, ai) => {
            const k = ints[ai] as bigint;
            expect(total(r.perAar)).toBe(oere(r.total));
            expectWithinOneOere(oere(r.total), T * sn * k, sd * V, `${t.funder} ${r.id} total`);
            r.perAar.forEach((v, j) => {
              const [yn, yd] = yearExact[j] as [bigint, bigint];
              expectWithinOneOere(oere(v), yn * sn * k, yd * sd * V, `${t.funder} ${r.id} ${c.years[j]}`);
            });
          });
        }
        // the 100 % case: the afdelinger's parts add up to the budget, each within one øre
        const full = a.betalingsevne.afdelinger.map((x) => oere(x.udenEksternFinansiering.samlet));
        expect(full.reduce((x, y) => x + y, 0n)).toBe(T);
        full.forEach((v, ai) => expectWithinOneOere(v, T * (ints[ai] as bigint), V, `100 % ${ai}`));
      }),
      { numRuns: runs(10_000) },
    );
  }, 300_000);
});
