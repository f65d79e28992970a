/**
 * Every way a financing plan can be refused, with the diagnostic an analyst reads: its
 * code, severity, JSON pointer, and the exact Danish message and hint, for the input that
 * triggers it — amounts, quantities and counts (input.ts), the period, the budget, the
 * indsats kind, the afdelinger and the key (allocate.ts), the exception
 * `allocateFinancing` throws, the file a diagnostic names, and what `planAllocation`
 * hands on. The expected texts are the templates in the source filled in by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateFinancing, tryAllocateFinancing } from '../../src/financing/default-rules.js';
import { planAllocation, planFileSchema } from '../../src/financing/input.js';
import type { AfdelingInput, AllocateOptions, BudgetInput } from '../../src/financing/types.js';
import { BoligsocialError, type Diagnostic } from '../../src/errors.js';

const periode = { from: '2024-03-01', to: '2028-02-29' };
const afdelinger: AfdelingInput[] = [
  { id: 'a', navn: 'A', lejemaal: 100 },
  { id: 'b', navn: 'B', lejemaal: 300 },
];
const base: AllocateOptions = { scheme: 'financing-helhedsplan-lbf-2019-2026', asOf: '2024-03-01', afdelinger, key: 'lejemaal' };
const ALL_YEARS = '2024, 2025, 2026, 2027, 2028';

function problems(budget: unknown, options: Partial<AllocateOptions> = {}, file?: string): Diagnostic[] {
  const r = tryAllocateFinancing(budget, { ...base, ...options } as AllocateOptions, file);
  if (r.ok) throw new Error('expected the input to be refused');
  return [...r.errors];
}
function one(budget: unknown, options: Partial<AllocateOptions> = {}): Diagnostic {
  const ds = problems(budget, options);
  expect(ds).toHaveLength(1);
  return ds[0] as Diagnostic;
}
/** The one diagnostic for an afdeling with `fields` (besides its id). */
function afdeling(fields: Record<string, unknown>, key: AllocateOptions['key'] = 'lejemaal'): Diagnostic {
  return one({ periode, total: '100.00' }, { key, afdelinger: [{ id: 'x', lejemaal: 1, ...fields } as unknown as AfdelingInput] });
}

describe('amounts (budget total, per-year amounts, rents)', () => {
  it('a whole JSON number: says so and shows it as a decimal string', () => {
    expect(one({ periode, total: 12000000 })).toEqual({
      code: 'input-invalid',
      severity: 'error',
      pointer: '/budget/total',
      message: 'beløbet 12000000 er skrevet som et tal, men skal være decimaltekst',
      hint: 'Skriv beløbet i anførselstegn, fx "12000000.00", så det læses præcist til øren.',
    });
  });
  it('a float: kommatal, with its value to two decimals', () => {
    const d = one({ periode, total: 99.5 });
    expect(d.message).toBe('beløbet 99.5 er et kommatal (float), som ikke kan gengive øre præcist');
    expect(d.hint).toBe('Skriv beløbet som decimaltekst i anførselstegn, fx "99.50".');
  });
  it('a number that is not finite: the example falls back to "0.00"', () => {
    for (const v of [Number.POSITIVE_INFINITY, Number.NaN]) {
      const d = one({ periode, total: v });
      expect(d.message).toBe(`beløbet ${v} er et kommatal (float), som ikke kan gengive øre præcist`);
      expect(d.hint).toBe('Skriv beløbet som decimaltekst i anførselstegn, fx "0.00".');
    }
  });
  it('neither a number nor a string: names what it is', () => {
    const cases: [unknown, string][] = [
      [true, 'boolean'],
      [null, 'null'],
      [[], 'en liste'],
      [{}, 'et objekt'],
    ];
    for (const [value, what] of cases) {
      const d = one({ periode, total: value });
      expect(d).toMatchObject({ pointer: '/budget/total', message: `beløbet skal være decimaltekst, ikke ${what}`, hint: 'Skriv fx "1250000.00".' });
    }
  });
  it('Danish formatting: shows the amount without thousands separators, comma or "kr."', () => {
    const example = (v: string) => `Skriv beløbet uden tusindtalspunktummer, med punktum som decimaltegn og uden "kr.", fx "${v}".`;
    expect(one({ periode, total: '1.250,00 kr.' }).hint).toBe(example('1250.00'));
    expect(one({ periode, total: '1.250,00 kr' }).hint).toBe(example('1250.00'));
    expect(one({ periode, total: '1.250,00kr.' }).hint).toBe(example('1250.00'));
    expect(one({ periode, total: '1.250,5' }).hint).toBe(example('1250.5'));
    expect(one({ periode, total: '1.250,00 kr.' }).message).toBe('"1.250,00 kr." er ikke et beløb');
  });
  it('recognises Danish formatting even with surrounding spaces', () => {
    expect(one({ periode, total: ' 1.250,00' }).hint).toMatch(/^Skriv beløbet uden tusindtalspunktummer/);
  });
  it('anything else that is not an amount: the general hint', () => {
    expect(one({ periode, total: '12 mio' })).toMatchObject({
      message: '"12 mio" er ikke et beløb',
      hint: 'Skriv beløbet som decimaltekst med punktum som decimaltegn, fx "1250000.00".',
    });
  });
  it('a negative amount', () => {
    expect(one({ periode, total: '-5.00' })).toMatchObject({
      message: 'beløbet -5.00 er negativt',
      hint: 'Et budget eller en husleje kan ikke være negativ; angiv beløbet uden minus.',
    });
  });
  it('fractions of an øre', () => {
    expect(one({ periode, total: '100.005' })).toMatchObject({ message: 'beløbet 100.005 har 3 decimaler, men beløb angives i hele øre', hint: 'Brug højst to decimaler.' });
  });
  it('accepts whole kroner without decimals', () => {
    const a = allocateFinancing({ periode, total: '1200' }, base);
    expect(a.budget).toBe('1200.00');
    expect(a.funders.map((f) => f.total)).toEqual(['900.00', '150.00', '150.00']);
  });
  it('a per-year amount and a rent are checked the same way, at their own pointers', () => {
    const d = one({ periode: { from: '2024-01-01', to: '2024-12-31' }, perAar: { '2024': 10 } });
    expect(d).toMatchObject({ pointer: '/budget/perAar/2024', message: 'beløbet 10 er skrevet som et tal, men skal være decimaltekst' });
    expect(afdeling({ aarligHusleje: '-1' })).toMatchObject({ pointer: '/afdelinger/0/aarligHusleje', message: 'beløbet -1 er negativt' });
  });
});

describe('quantities (lejemålsækvivalenter, boligareal, andele)', () => {
  it('a JSON number, whole or float, named by the field', () => {
    expect(afdeling({ boligareal: 70.5 }, 'boligareal')).toEqual({
      code: 'input-invalid',
      severity: 'error',
      pointer: '/afdelinger/0/boligareal',
      message: 'boligarealet 70.5 er skrevet som et tal (float), men skal være decimaltekst',
      hint: 'Skriv værdien i anførselstegn, fx "70.5", så den læses præcist.',
    });
    expect(afdeling({ lejemaalsaekvivalenter: 12 }, 'lejemaalsaekvivalenter')).toMatchObject({
      message: 'lejemålsækvivalenter 12 er skrevet som et tal, men skal være decimaltekst',
      hint: 'Skriv værdien i anførselstegn, fx "12", så den læses præcist.',
    });
    expect(afdeling({ andel: Number.POSITIVE_INFINITY }, 'andel')).toMatchObject({
      message: 'andelen Infinity er skrevet som et tal (float), men skal være decimaltekst',
      hint: 'Skriv værdien i anførselstegn, fx "0", så den læses præcist.',
    });
  });
  it('neither a number nor a string', () => {
    expect(afdeling({ boligareal: null }, 'boligareal')).toMatchObject({ message: 'boligarealet skal være decimaltekst, ikke null', hint: 'Skriv fx "1234.5".' });
    expect(afdeling({ lejemaalsaekvivalenter: ['1'] }, 'lejemaalsaekvivalenter')).toMatchObject({ message: 'lejemålsækvivalenter skal være decimaltekst, ikke en liste' });
  });
  it('a string that is not a number', () => {
    expect(afdeling({ boligareal: '70,5' }, 'boligareal')).toMatchObject({
      message: 'boligarealet "70,5" er ikke et tal',
      hint: 'Brug punktum som decimaltegn: "70.5".',
    });
    expect(afdeling({ boligareal: 'halvfjerds' }, 'boligareal')).toMatchObject({
      message: 'boligarealet "halvfjerds" er ikke et tal',
      hint: 'Skriv værdien som decimaltekst med punktum som decimaltegn, fx "1234.5".',
    });
  });
  it('a negative quantity', () => {
    expect(afdeling({ boligareal: '-3' }, 'boligareal')).toMatchObject({ message: 'boligarealet -3 er negativ', hint: 'Angiv en værdi på 0 eller derover.' });
    expect(afdeling({ andel: '-0.5' }, 'andel')).toMatchObject({ pointer: '/afdelinger/0/andel', message: 'andelen -0.5 er negativ' });
  });
  it('a funder share, in funderShares and in plan funders', () => {
    const ds = problems({ periode, total: '100.00' }, { funderShares: { lbf: 'x' } });
    expect(ds.find((d) => d.pointer === '/funderShares/lbf')?.message).toBe('andelen "x" er ikke et tal');
    const d = one({ periode, total: '100.00' }, { scheme: 'financing-lokalt-udviklingsprojekt', funders: [{ id: 'fond', navn: 'Fonden', share: '-1', lokal: false }] });
    expect(d).toMatchObject({ pointer: '/funders/0/share', message: 'andelen -1 er negativ' });
  });
  it('a missing plan funder share is one problem, not two', () => {
    const d = one({ periode, total: '100.00' }, { scheme: 'financing-lokalt-udviklingsprojekt', funders: [{ id: 'fond', navn: 'Fonden', lokal: false } as never] });
    expect(d.pointer).toBe('/funders/0/share');
    expect(d.message).toBe('andelen mangler');
  });
});

describe('counts (lejemål, beboere)', () => {
  it('negative', () => {
    expect(afdeling({ lejemaal: -3 })).toEqual({
      code: 'input-invalid',
      severity: 'error',
      pointer: '/afdelinger/0/lejemaal',
      message: 'antal lejemål -3 er negativt',
      hint: 'Angiv et antal på 0 eller derover.',
    });
  });
  it('not whole, or beyond a safe integer', () => {
    expect(afdeling({ beboere: 2.5 }, 'beboere')).toMatchObject({
      pointer: '/afdelinger/0/beboere',
      message: 'antal beboere 2.5 er ikke et helt tal',
      hint: 'Et antal angives som et helt tal uden decimaler, fx 412.',
    });
    expect(afdeling({ lejemaal: 2 ** 53 }).message).toBe(`antal lejemål ${2 ** 53} er ikke et helt tal`);
  });
  it('written as text', () => {
    expect(afdeling({ lejemaal: '12' })).toMatchObject({
      message: 'antal lejemål skal være et helt tal, ikke teksten "12"',
      hint: 'Skriv antallet som et tal uden anførselstegn, fx 412.',
    });
    expect(afdeling({ beboere: {} }, 'beboere').message).toBe('antal beboere skal være et helt tal, ikke et objekt');
  });
  it('zero is a count', () => {
    expect(tryAllocateFinancing({ periode, total: '100.00' }, { ...base, afdelinger: [{ id: 'x', lejemaal: 0 }, { id: 'y', lejemaal: 4 }] }).ok).toBe(true);
  });
});

describe('zod problems without a hint of their own', () => {
  it('carry no hint (only unknown keys get the README hint)', () => {
    const d = one({ periode, total: '100.00' }, { scheme: 'financing-lokalt-udviklingsprojekt', funders: [{ id: 'Fond X', navn: 'Fonden', share: '1', lokal: false }] });
    expect(d.pointer).toBe('/funders/0/id');
    expect(d.message).toBe('skal være kebab-case: små bogstaver, tal og bindestreger');
    expect(d).not.toHaveProperty('hint');
  });
});

describe('the period', () => {
  it('an end before the start: one problem, even with a per-year budget', () => {
    expect(problems({ periode: { from: '2025-03-01', to: '2024-12-01' }, perAar: { '2025': '1.00' } })).toEqual([
      {
        code: 'input-invalid',
        severity: 'error',
        pointer: '/budget/periode/to',
        message: 'periodens slutdato 2024-12-01 ligger før startdatoen 2025-03-01',
        hint: 'Slutdatoen er periodens sidste dag og skal ligge på eller efter startdatoen.',
      },
    ]);
  });
  it('longer than the scheme allows: one problem, even with a per-year budget', () => {
    expect(problems({ periode: { from: '2024-03-01', to: '2028-03-01' }, perAar: { '2024': '1.00' } })).toEqual([
      {
        code: 'input-invalid',
        severity: 'error',
        pointer: '/budget/periode/to',
        message: 'perioden 2024-03-01 – 2028-03-01 er længere end ordningens maksimum på 48 måneder',
        hint: 'Med start 2024-03-01 er den seneste slutdato 2028-02-29 (ordningen financing-helhedsplan-lbf-2019-2026).',
      },
    ]);
  });
});

describe('the budget', () => {
  const hint = 'Angiv enten et samlet beløb for perioden ("total") eller et beløb pr. kalenderår ("perAar"), ikke begge.';
  it('neither total nor perAar', () => {
    expect(one({ periode })).toEqual({ code: 'input-invalid', severity: 'error', pointer: '/budget', message: 'budgettet mangler: angiv enten "total" eller "perAar"', hint });
  });
  it('both total and perAar', () => {
    expect(one({ periode, total: '1.00', perAar: { '2024': '1.00' } })).toMatchObject({ pointer: '/budget', message: 'budgettet har både "total" og "perAar"', hint });
  });
  it('per-year amounts for no year', () => {
    expect(one({ periode, perAar: {} })).toEqual({
      code: 'input-invalid',
      severity: 'error',
      pointer: '/budget/perAar',
      message: `budgettet pr. år angiver årene ingen, men perioden dækker ${ALL_YEARS}`,
      hint: `Angiv præcis ét beløb for hvert kalenderår i perioden: ${ALL_YEARS}.`,
    });
  });
  it('per-year amounts for other years, listed in sorted order', () => {
    // "0999" is not an array index, so Object.keys lists it after "2024"; the message sorts
    const d = one({ periode: { from: '2024-01-01', to: '2024-12-31' }, perAar: { '2024': '1.00', '0999': '1.00' } });
    expect(d.message).toBe('budgettet pr. år angiver årene 0999, 2024, men perioden dækker 2024');
    expect(d.hint).toBe('Angiv præcis ét beløb for hvert kalenderår i perioden: 2024.');
  });
});

describe('the indsats kind, the afdelinger and the key', () => {
  it('an indsats kind the scheme does not finance', () => {
    expect(one({ periode, total: '1.00' }, { indsatsKind: 'boligsocial-ejendomsfunktionaer' })).toEqual({
      code: 'input-invalid',
      severity: 'error',
      pointer: '/indsatsKind',
      message: 'ordningen "financing-helhedsplan-lbf-2019-2026" finansierer ikke indsatstypen "boligsocial-ejendomsfunktionaer"',
      hint: 'Ordningen finansierer: helhedsplan.',
    });
  });
  it('an afdeling listed twice', () => {
    expect(one({ periode, total: '1.00' }, { afdelinger: [{ id: 'a', lejemaal: 1 }, { id: 'a', lejemaal: 2 }] })).toEqual({
      code: 'input-invalid',
      severity: 'error',
      pointer: '/afdelinger/1/id',
      message: 'afdeling "a" er angivet to gange (nr. 1 og nr. 2)',
      hint: 'Hver afdeling må kun stå én gang; slå rækkerne sammen.',
    });
  });
  it('no afdelinger for a share split between them', () => {
    expect(one({ periode, total: '1.00' }, { afdelinger: [] })).toEqual({
      code: 'input-invalid',
      severity: 'error',
      pointer: '/afdelinger',
      message: 'ordningen fordeler en andel mellem afdelingerne, men planen har ingen afdelinger',
      hint: 'Angiv de deltagende afdelinger med deres værdier for fordelingsnøglen.',
    });
  });
  it('a key that is 0 for every afdeling', () => {
    expect(one({ periode, total: '1.00' }, { key: 'boligareal', afdelinger: [{ id: 'a', boligareal: '0' }, { id: 'b', boligareal: '0.00' }] })).toEqual({
      code: 'input-invalid',
      severity: 'error',
      pointer: '/afdelinger',
      message: 'fordelingsnøglen (boligareal (m²)) er 0 for alle afdelinger',
      hint: 'Mindst én afdeling skal have en værdi over 0, ellers kan andelen ikke fordeles.',
    });
  });
  it('fixed shares that do not sum to exactly 1, with their sum to six decimals', () => {
    const shares = (...v: string[]) => v.map((andel, i) => ({ id: `a${i}`, andel }));
    expect(one({ periode, total: '1.00' }, { key: 'andel', afdelinger: shares('0.5', '0.4') })).toEqual({
      code: 'share-sum',
      severity: 'error',
      pointer: '/afdelinger',
      message: 'afdelingernes faste andele summerer til 0.900000, ikke præcis 1',
      hint: 'Ret andelene, så de tilsammen er 1.',
    });
    expect(one({ periode, total: '1.00' }, { key: 'andel', afdelinger: shares('0.5', '0.6') }).message).toBe('afdelingernes faste andele summerer til 1.100000, ikke præcis 1');
    // 0.9999999 is not 1, though it shows as 1.000000
    expect(one({ periode, total: '1.00' }, { key: 'andel', afdelinger: shares('0.5', '0.4999999') }).message).toBe('afdelingernes faste andele summerer til 1.000000, ikke præcis 1');
  });
  it('an afdeling without the key', () => {
    expect(one({ periode, total: '1.00' }, { key: 'beboere', afdelinger: [{ id: 'a', lejemaal: 1, beboere: 3 }, { id: 'b', lejemaal: 1 }] })).toEqual({
      code: 'input-invalid',
      severity: 'error',
      pointer: '/afdelinger/1/beboere',
      message: 'afdeling "b" mangler antal beboere, som er fordelingsnøglen',
      hint: 'Angiv "beboere" for afdelingen, eller vælg en anden fordelingsnøgle.',
    });
  });
});

describe('the file a diagnostic names', () => {
  it('is on every diagnostic when given, whichever check found it', () => {
    const ds = problems({ periode: { from: '2024-03-01', to: '2024-02-01' }, total: '1.00' }, { indsatsKind: 'boligsocial-ejendomsfunktionaer' }, 'plan.json');
    expect(ds.map((d) => [d.file, d.pointer])).toEqual([
      ['plan.json', '/budget/periode/to'],
      ['plan.json', '/indsatsKind'],
    ]);
    expect(problems({ periode, total: 'x' }, {}, 'plan.json').map((d) => d.file)).toEqual(['plan.json']);
  });
  it('is absent when not given', () => {
    expect(problems({ periode: { from: '2024-03-01', to: '2024-02-01' }, total: '1.00' })[0]).not.toHaveProperty('file');
  });
});

describe('allocateFinancing throws', () => {
  function thrown(f: () => unknown): BoligsocialError {
    try {
      f();
    } catch (e) {
      if (e instanceof BoligsocialError) return e;
      throw e;
    }
    throw new Error('expected a BoligsocialError');
  }
  it('with the first diagnostic’s code and every diagnostic’s pointer and message', () => {
    const e = thrown(() => allocateFinancing({ periode, total: '1.00' }, { ...base, key: 'andel', afdelinger: [{ id: 'a', andel: '0.5' }, { id: 'b', andel: '0.4' }] }));
    expect(e.code).toBe('share-sum');
    expect(e.message).toBe('financing input does not validate: /afdelinger afdelingernes faste andele summerer til 0.900000, ikke præcis 1');
    const two = thrown(() => allocateFinancing({ periode, total: '1.00' }, { ...base, indsatsKind: 'boligsocial-ejendomsfunktionaer', afdelinger: [{ id: 'a', lejemaal: 1 }, { id: 'a', lejemaal: 1 }] }));
    expect(two.code).toBe('input-invalid');
    expect(two.message).toBe(
      'financing input does not validate: /indsatsKind ordningen "financing-helhedsplan-lbf-2019-2026" finansierer ikke indsatstypen "boligsocial-ejendomsfunktionaer"; /afdelinger/1/id afdeling "a" er angivet to gange (nr. 1 og nr. 2)',
    );
    expect(two.diagnostics).toHaveLength(2);
  });
  it('when the options are not an object, naming them in Danish and English', () => {
    const e = thrown(() => allocateFinancing({ periode, total: '1.00' } as BudgetInput, null as unknown as AllocateOptions));
    expect(e.code).toBe('input-invalid');
    // (the English says "a object": src/domain/guard.ts builds `a ${kind}`; reported, not asserted)
    expect(e.message).toMatch(/^options must be an? object, got null$/);
    expect(e.diagnostics.map((d) => d.message)).toEqual(['indstillingerne (options) skal være et objekt, ikke null']);
  });
});

describe('planAllocation', () => {
  it('hands on only the options the plan file has', () => {
    const plan = planFileSchema.parse({ scheme: 'financing-helhedsplan-lbf-2019-2026', asOf: '2024-03-01', key: 'lejemaal', afdelinger, budget: { periode, total: '1.00' } });
    const { options } = planAllocation(plan);
    expect(Object.keys(options).sort()).toEqual(['afdelinger', 'asOf', 'key', 'scheme']);
  });
  it('hands on funders, funder shares and the indsats kind when given', () => {
    const file = planFileSchema.parse(JSON.parse(readFileSync('fixtures/financing/lokalt-udviklingsprojekt-2025.json', 'utf8')));
    const { options, budget } = planAllocation({ ...file, funderShares: { fond: '0.6' } });
    expect(options.funders?.map((f) => f.id)).toEqual(['fond', 'koebenhavns-kommune', 'afdelinger']);
    expect(options.indsatsKind).toBe('lokalt-udviklingsprojekt');
    expect(options.funderShares).toEqual({ fond: '0.6' });
    expect(budget.perAar).toEqual({ '2025': '900000.00', '2026': '1100000.00', '2027': '1000000.00' });
  });
});
