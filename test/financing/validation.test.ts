/** Bad financing input is refused with Danish diagnostics located by JSON pointer. */
import { describe, expect, it } from 'vitest';
import { allocateFinancing, tryAllocateFinancing } from '../../src/financing/default-rules.js';
import type { AfdelingInput, AllocateOptions, BudgetInput } from '../../src/financing/types.js';
import { BoligsocialError, type Diagnostic } from '../../src/errors.js';

const periode = { from: '2024-03-01', to: '2028-02-29' };
const afdelinger: AfdelingInput[] = [
  { id: 'a', navn: 'A', lejemaal: 100, aarligHusleje: '7000000.00' },
  { id: 'b', navn: 'B', lejemaal: 300, aarligHusleje: '21000000.00' },
];
const base: AllocateOptions = { scheme: 'financing-helhedsplan-lbf-2019-2026', asOf: '2024-03-01', afdelinger, key: 'lejemaal' };

function problems(budget: unknown, options: Partial<AllocateOptions> = {}): Diagnostic[] {
  const r = tryAllocateFinancing(budget, { ...base, ...options } as AllocateOptions);
  if (r.ok) throw new Error('expected the input to be refused');
  return [...r.errors];
}
function one(budget: unknown, options: Partial<AllocateOptions> = {}): Diagnostic {
  const ds = problems(budget, options);
  expect(ds).toHaveLength(1);
  return ds[0] as Diagnostic;
}

describe('amounts', () => {
  it('refuses a negative amount', () => {
    const d = one({ periode, total: '-12000000.00' });
    expect(d).toMatchObject({ code: 'input-invalid', pointer: '/budget/total' });
    expect(d.message).toContain('negativt');
  });
  it('refuses a non-numeric amount', () => {
    const d = one({ periode, total: 'tolv millioner' });
    expect(d.pointer).toBe('/budget/total');
    expect(d.message).toBe('"tolv millioner" er ikke et beløb');
  });
  it('recognises Danish number formatting and says how to write it', () => {
    const d = one({ periode, total: '12.000.000,00' });
    expect(d.hint).toContain('"12000000.00"');
  });
  it('refuses a float where a decimal string is required', () => {
    const d = one({ periode, total: 12000000.5 });
    expect(d.message).toContain('kommatal (float)');
    expect(d.hint).toContain('"12000000.50"');
  });
  it('refuses a JSON number even when whole', () => {
    expect(one({ periode, total: 12000000 }).message).toContain('skal være decimaltekst');
  });
  it('refuses fractions of an øre', () => {
    expect(one({ periode, total: '100.005' }).message).toContain('hele øre');
  });
  it('refuses a float rent and a float boligareal', () => {
    const ds = problems({ periode, total: '100.00' }, { afdelinger: [{ id: 'a', lejemaal: 1, aarligHusleje: 1.5 as unknown as string, boligareal: 70.5 as unknown as string }] });
    expect(ds.map((d) => d.pointer).sort()).toEqual(['/afdelinger/0/aarligHusleje', '/afdelinger/0/boligareal']);
  });
  it('refuses a count with decimals', () => {
    expect(one({ periode, total: '100.00' }, { afdelinger: [{ id: 'a', lejemaal: 10.5 }] }).message).toContain('ikke et helt tal');
  });
});

describe('the period and the budget', () => {
  it('refuses a period longer than the scheme allows, naming the last allowed day', () => {
    const d = one({ periode: { from: '2024-03-01', to: '2028-03-01' }, total: '100.00' });
    expect(d).toMatchObject({ pointer: '/budget/periode/to' });
    expect(d.message).toContain('maksimum på 48 måneder');
    expect(d.hint).toContain('2028-02-29');
  });
  it('accepts exactly 48 months', () => {
    expect(tryAllocateFinancing({ periode, total: '100.00' }, base).ok).toBe(true);
  });
  it('refuses an end before the start', () => {
    expect(one({ periode: { from: '2024-03-01', to: '2024-02-01' }, total: '1.00' }).message).toContain('før startdatoen');
  });
  it('wants exactly one of total and perAar', () => {
    expect(one({ periode }).message).toContain('budgettet mangler');
    expect(one({ periode, total: '1.00', perAar: { '2024': '1.00' } }).message).toContain('både');
  });
  it('wants a per-year amount for exactly the years of the period', () => {
    const d = one({ periode, perAar: { '2024': '1.00', '2025': '1.00' } });
    expect(d.pointer).toBe('/budget/perAar');
    expect(d.hint).toContain('2024, 2025, 2026, 2027, 2028');
  });
  it('uses a per-year budget as given', () => {
    const a = allocateFinancing({ periode, perAar: { '2024': '1000.00', '2025': '2000.00', '2026': '2000.00', '2027': '2000.00', '2028': '0.01' } }, base);
    expect(a.aarTotaler).toEqual(['1000.00', '2000.00', '2000.00', '2000.00', '0.01']);
    expect(a.budget).toBe('7000.01');
    expect(a.budgetType).toBe('pr-aar');
    expect(a.funders[0]?.perAar).toEqual(['750.00', '1500.00', '1500.00', '1500.00', '0.01']);
  });
});

describe('funders', () => {
  it('refuses a funder the scheme does not have, with a suggestion', () => {
    const ds = problems({ periode, total: '100.00' }, { funderShares: { lbff: '0.75' } });
    const d = ds.find((x) => x.pointer === '/funderShares/lbff');
    expect(d?.message).toBe('finansieringskilden "lbff" findes ikke i ordningen "financing-helhedsplan-lbf-2019-2026"');
    expect(d?.hint).toBe('Mente du "lbf"?');
  });
  it('refuses shares that do not sum to exactly 1', () => {
    const d = one({ periode, total: '100.00' }, { funderShares: { lbf: '0.7' } });
    expect(d).toMatchObject({ code: 'share-sum', pointer: '/funderShares' });
    expect(d.message).toContain('0.95');
  });
  it('refuses less local co-financing than the scheme requires', () => {
    const d = one({ periode, total: '100.00' }, { funderShares: { lbf: '0.8', 'koebenhavns-kommune': '0.1', 'boligorganisation-afdelinger': '0.1' } });
    expect(d.message).toBe('den lokale medfinansiering er 0.2, men ordningen kræver mindst 0.25');
  });
  it('accepts another local split within the rules', () => {
    const a = allocateFinancing({ periode, total: '1000000.00' }, { ...base, funderShares: { 'koebenhavns-kommune': '0.05', 'boligorganisation-afdelinger': '0.2' } });
    expect(a.funders.map((f) => f.total)).toEqual(['750000.00', '50000.00', '200000.00']);
  });
  it('wants the plan to name funders where the scheme names them per project', () => {
    const d = one({ periode, total: '100.00' }, { scheme: 'financing-lokalt-udviklingsprojekt' });
    expect(d.pointer).toBe('/funders');
  });
  it('refuses plan funders for a scheme with fixed funders', () => {
    expect(one({ periode, total: '100.00' }, { funders: [{ id: 'x', navn: 'X', share: '1', lokal: false }] }).pointer).toBe('/funders');
  });
  it('refuses an unknown scheme with a suggestion, and a scheme not in force', () => {
    const d = one({ periode, total: '1.00' }, { scheme: 'financing-helhedsplan-lbf-2019-2025' });
    expect(d).toMatchObject({ code: 'unknown-rule-set', pointer: '/scheme', hint: 'Mente du "financing-helhedsplan-lbf-2019-2026"?' });
    expect(one({ periode, total: '1.00' }, { scheme: 'financing-helhedsplan-lbf-2015-2018' }).code).toBe('no-rules-in-force');
  });
  it('refuses an indsats kind the scheme does not finance', () => {
    expect(one({ periode, total: '1.00' }, { indsatsKind: 'boligsocial-ejendomsfunktionaer' }).pointer).toBe('/indsatsKind');
  });
});

describe('afdelinger and keys', () => {
  it('refuses keys that are zero for every afdeling', () => {
    const d = one({ periode, total: '1.00' }, { afdelinger: [{ id: 'a', lejemaal: 0 }, { id: 'b', lejemaal: 0 }] });
    expect(d).toMatchObject({ pointer: '/afdelinger', message: 'fordelingsnøglen (antal lejemål) er 0 for alle afdelinger' });
  });
  it('refuses an afdeling listed twice', () => {
    const d = one({ periode, total: '1.00' }, { afdelinger: [{ id: 'a', lejemaal: 1 }, { id: 'b', lejemaal: 1 }, { id: 'a', lejemaal: 2 }] });
    expect(d).toMatchObject({ pointer: '/afdelinger/2/id', message: 'afdeling "a" er angivet to gange (nr. 1 og nr. 3)' });
  });
  it('wants the key for every afdeling', () => {
    const ds = problems({ periode, total: '1.00' }, { key: 'boligareal' });
    expect(ds.map((d) => d.pointer)).toEqual(['/afdelinger/0/boligareal', '/afdelinger/1/boligareal']);
    expect(ds[0]?.message).toBe('afdeling "a" mangler boligareal (m²), som er fordelingsnøglen');
  });
  it('wants fixed shares to sum to 1', () => {
    const d = one({ periode, total: '1.00' }, { key: 'andel', afdelinger: [{ id: 'a', andel: '0.5' }, { id: 'b', andel: '0.4' }] });
    expect(d.code).toBe('share-sum');
  });
  it('wants afdelinger when a share is split between them', () => {
    expect(one({ periode, total: '1.00' }, { afdelinger: [] }).pointer).toBe('/afdelinger');
  });
  it('points an unknown key at the key itself, with a hint', () => {
    const d = one({ periode, total: '1.00', totl: '2.00' });
    expect(d).toMatchObject({ code: 'input-invalid', pointer: '/budget/totl', hint: 'Slet nøglen eller ret stavemåden; se feltlisten i README.' });
  });
  it('refuses an unknown key with the list of keys', () => {
    expect(one({ periode, total: '1.00' }, { key: 'kvm' as never }).message).toContain('lejemaal, lejemaalsaekvivalenter, boligareal, beboere, andel');
  });
});

describe('allocateFinancing', () => {
  it('throws a BoligsocialError carrying every diagnostic', () => {
    let caught: unknown;
    try {
      allocateFinancing({ periode, total: '-1' } as BudgetInput, { ...base, afdelinger: [{ id: 'a', lejemaal: 1 }, { id: 'a', lejemaal: 1 }] });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BoligsocialError);
    expect((caught as BoligsocialError).diagnostics.length).toBeGreaterThanOrEqual(1);
  });
  it('never mutates its input', () => {
    const frozen = JSON.parse(JSON.stringify({ budget: { periode, total: '1000.00' }, afdelinger })) as { budget: BudgetInput; afdelinger: AfdelingInput[] };
    const deepFreeze = (o: object): void => {
      Object.freeze(o);
      for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
    };
    deepFreeze(frozen);
    expect(() => allocateFinancing(frozen.budget, { ...base, afdelinger: frozen.afdelinger })).not.toThrow();
  });
});

describe('the other schemes', () => {
  it('boligsocial ejendomsfunktionær: the afdelinger pay 100 %', () => {
    const a = allocateFinancing({ periode: { from: '2025-01-01', to: '2026-12-31' }, total: '800000.00' }, { ...base, scheme: 'financing-boligsocial-ejendomsfunktionaer', asOf: '2025-01-01' });
    expect(a.funders.map((f) => [f.id, f.total])).toEqual([['afdelinger', '800000.00']]);
    expect(a.afdelingsfordeling[0]?.rows.map((r) => r.total)).toEqual(['200000.00', '600000.00']);
    const x = a.betalingsevne.afdelinger[0];
    expect(x?.nu).toEqual(x?.udenEksternFinansiering);
    expect(x?.nu.prLejemaalPrAar).toBe('1000.00');
  });
  it('lokalt udviklingsprojekt: funders named by the plan', () => {
    const a = allocateFinancing(
      { periode: { from: '2025-01-01', to: '2027-12-31' }, total: '3000000.00' },
      {
        ...base,
        scheme: 'financing-lokalt-udviklingsprojekt',
        funders: [
          { id: 'fond', navn: 'Fonden', share: '0.6', lokal: false },
          { id: 'kk', navn: 'Københavns Kommune', share: '0.3', lokal: true },
          { id: 'afdelinger', navn: 'Afdelingerne', share: '0.1', lokal: true, afdelinger: true },
        ],
      },
    );
    expect(a.funders.map((f) => f.total)).toEqual(['1800000.00', '900000.00', '300000.00']);
    expect(a.funders[0]?.perAar).toEqual(['600000.00', '600000.00', '600000.00']);
    expect(a.afdelingsfordeling[0]?.rows.map((r) => r.total)).toEqual(['75000.00', '225000.00']);
  });
});
