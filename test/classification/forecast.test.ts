import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumAfdelinger, afdelingPrognoseSchema } from '../../src/classification/forecast.js';
import { BoligsocialError } from '../../src/errors.js';
import { runs } from '../support/runs.js';
import { classifyBoligomraade, forecastBoligomraade, forecastBoligomraader, readPrognoseCsv } from '../../src/classification/index.js';

const base = { boligomraade: 'b', beboere: 1200, ikkeVestlige: 300, beboere18plus: 900, domfaelte: 5, domfaelteLandsgennemsnitPct: '0.66', beboere30til59: 500, kunGrundskole: 100, skatteydere: 700, bruttoindkomstKr: '210000000', regionGennemsnitKr: '330000' };

describe('forecastBoligomraade', () => {
  it('sums counts over afdelinger and computes exact shares', () => {
    const p = forecastBoligomraade(
      [
        { ...base, id: '1', beboere18til64: 600, udenArbejde: 250 },
        { ...base, id: '2', beboere18til64: 400, udenArbejde: 151 },
      ],
      { listedato: '2024-12-01' },
    );
    expect(p.optaelling.udenArbejde).toBe(401);
    expect(p.optaelling.beboere18til64).toBe(1000);
    expect(p.klassifikation.facts.udenArbejdePct).toBe('40.1');
    const m = p.margener.find((x) => x.betingelse === 'uden-arbejde');
    expect(m?.opfyldt).toBe(true);
    expect(m?.personer).toBe(1);
    expect(m?.tekst).toContain('1 beboer færre uden for arbejdsmarkedet ville bringe området ned på højst 40 %');
  });

  it('a count missing in one afdeling makes the sum unknown', () => {
    const sums = sumAfdelinger([afdelingPrognoseSchema.parse({ ...base, id: '1', udenArbejde: 10 }), afdelingPrognoseSchema.parse({ ...base, id: '2' })]);
    expect(sums.udenArbejde).toBeUndefined();
    expect(sums.beboere).toBe(2400);
  });

  it('refuses afdelinger of several boligområder and disagreeing national figures', () => {
    expect(() => forecastBoligomraade([{ ...base, id: '1' }, { ...base, id: '2', boligomraade: 'c' }], { listedato: '2024-12-01' })).toThrow(BoligsocialError);
    const r = forecastBoligomraader([{ ...base, id: '1' }, { ...base, id: '2', domfaelteLandsgennemsnitPct: '0.7' }], { listedato: '2024-12-01' });
    expect(r.prognoser).toHaveLength(0);
    expect(r.errors[0]?.message).toBe('boligområdet b kan ikke prognosticeres: afdelingerne i samme boligområde har forskellige værdier for domfaelteLandsgennemsnitPct: 0,66 og 0,7');
  });

  it('a row the CSV reader cannot use marks its own boligområde incomplete, not the one of the next row', () => {
    // row 1 cannot be read at all (a quote never closed), row 2 has a cell too many
    const r = readPrognoseCsv('afdeling_id,boligomraade,beboere\n1,"A,10\n2,B,20,99\n3,C,30\n', 'x.csv');
    expect(r.diagnostics.map((d) => d.row)).toEqual([1, 2]);
    expect([...r.badAreas]).toEqual(['B']);
    expect(r.afdelinger.map((a) => a.value.boligomraade)).toEqual(['C']);
  });

  it('the persons margin is the least number that flips the criterion (for every count)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (n, raw) => {
        const t = raw % (n + 1);
        const p = forecastBoligomraade([{ ...base, id: '1', beboere18til64: n, udenArbejde: t }], { listedato: '2024-12-01' });
        const m = p.margener.find((x) => x.betingelse === 'uden-arbejde');
        const d = m?.personer as number;
        const met = (count: number) => count * 100 > 40 * n; // "overstiger 40 pct."
        expect(m?.opfyldt).toBe(met(t));
        const moved = (k: number) => (met(t) ? t - k : t + k);
        expect(d).toBeGreaterThan(0);
        expect(met(moved(d))).toBe(!met(t));
        expect(met(moved(d - 1))).toBe(met(t));
      }),
      { numRuns: runs(60) },
    );
  });

  it('the crime margin counts against "mindst 3 gange landsgennemsnittet" exactly', () => {
    // 3 × 0.66 % of 1000 adults = 19.8 convicted; 20 meets it, 19 does not
    const at = forecastBoligomraade([{ ...base, id: '1', beboere18plus: 1000, domfaelte: 20 }], { listedato: '2024-12-01' });
    const m = at.margener.find((x) => x.betingelse === 'domfaelte');
    expect(m?.opfyldt).toBe(true);
    expect(m?.personer).toBe(1);
    const below = forecastBoligomraade([{ ...base, id: '1', beboere18plus: 1000, domfaelte: 19 }], { listedato: '2024-12-01' });
    expect(below.margener.find((x) => x.betingelse === 'domfaelte')?.personer).toBe(1);
  });

  it('agrees with classifying the summed shares directly', () => {
    const afd = [{ ...base, id: '1', beboere18til64: 700, udenArbejde: 300, ikkeVestlige: 700 }];
    const p = forecastBoligomraade(afd, { listedato: '2024-12-01' });
    const direct = classifyBoligomraade({ id: 'b', beboere: 1200, ikkeVestlige: { taeller: 700, naevner: 1200 }, udenArbejde: { taeller: 300, naevner: 700 }, domfaelte: { taeller: 5, naevner: 900 }, domfaelteLandsgennemsnitPct: '0.66', kunGrundskole: { taeller: 100, naevner: 500 }, indkomst: { bruttoindkomstKr: '210000000', skatteydere: 700, regionGennemsnitKr: '330000' } }, { listedato: '2024-12-01' });
    expect(p.klassifikation.facts).toEqual(direct.facts);
    expect(Object.fromEntries(Object.entries(p.klassifikation.kategorier).map(([k, v]) => [k, v.outcome]))).toEqual(Object.fromEntries(Object.entries(direct.kategorier).map(([k, v]) => [k, v.outcome])));
  });
});
