/**
 * Values that are present but empty or written the way people write numbers: a per-year
 * amount, a funder share or an afdeling figure that is `undefined` (reachable through the
 * API, where JSON cannot say it) is refused as missing with the field's example, never a
 * TypeError from the arithmetic; a number with spaces around it or a comma as decimal sign
 * gets a hint with the value written right. Expected texts are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { tryAllocateFinancing } from '../../src/financing/default-rules.js';
import { funderInputSchema, parseWith } from '../../src/financing/input.js';
import type { AllocateOptions } from '../../src/financing/types.js';
import type { Diagnostic } from '../../src/errors.js';

const periode = { from: '2024-03-01', to: '2028-02-29' };
const base: AllocateOptions = { scheme: 'financing-helhedsplan-lbf-2019-2026', asOf: '2024-03-01', afdelinger: [{ id: 'a', navn: 'A', lejemaal: 100 }], key: 'lejemaal' };

function one(budget: unknown, options: Partial<AllocateOptions> = {}): Diagnostic {
  const r = tryAllocateFinancing(budget, { ...base, ...options } as AllocateOptions);
  if (r.ok) throw new Error('expected the input to be refused');
  expect(r.errors).toHaveLength(1);
  return r.errors[0] as Diagnostic;
}

const AMOUNT = 'et beløb i kroner som decimaltekst med højst to decimaler, fx "1250000.00"';
const QUANTITY = 'et ikke-negativt decimaltal skrevet som tekst, fx "1234.5"';

describe('an undefined value is missing, not a crash', () => {
  it('a per-year amount', () => {
    const perAar: Record<string, string | undefined> = { '2024': '100.00', '2025': undefined };
    expect(one({ periode, perAar })).toEqual({ code: 'input-invalid', severity: 'error', pointer: '/budget/perAar/2025', message: 'årets beløb mangler', hint: `Angiv årets beløb: ${AMOUNT}.` });
  });
  it('a funder share given by id', () => {
    const d = one({ periode, total: '100.00' }, { funderShares: { lbf: undefined } as unknown as Record<string, string> });
    expect(d.pointer).toBe('/funderShares/lbf');
    expect(d.message).toBe('andelen mangler');
    expect(d.hint).toBe(`Angiv andelen: ${QUANTITY}.`);
  });
  it('a required funder share that is left out', () => {
    const r = parseWith(funderInputSchema, { id: 'lbf', navn: 'LBF', lokal: false });
    expect(r).toEqual({ ok: false, errors: [{ code: 'input-invalid', severity: 'error', pointer: '/share', message: 'andelen mangler', hint: `Angiv andelen: ${QUANTITY}.` }] });
  });
  it('an optional field that is absent or undefined is still allowed', () => {
    expect(tryAllocateFinancing({ periode, total: '100.00', perAar: undefined }, base).ok).toBe(true);
  });
});

describe('numbers written with spaces or a decimal comma', () => {
  it('an amount with spaces around it: says so and shows it without', () => {
    expect(one({ periode, total: ' 100.00 ' })).toMatchObject({ message: '" 100.00 " er ikke et beløb: der er mellemrum før eller efter tallet', hint: 'Fjern mellemrummene: "100.00".' });
  });
  it('a Danish amount with spaces around it: the example has neither spaces nor "kr."', () => {
    expect(one({ periode, total: ' 1.250.000,00 kr. ' }).hint).toBe('Skriv beløbet uden tusindtalspunktummer, med punktum som decimaltegn og uden "kr.", fx "1250000.00".');
  });
  it('a share with a decimal comma: shows it with a point', () => {
    const r = parseWith(funderInputSchema, { id: 'lbf', navn: 'LBF', lokal: false, share: ' 0,75 ' });
    expect(r.ok ? undefined : r.errors[0]).toMatchObject({ message: 'andelen " 0,75 " er ikke et tal', hint: 'Brug punktum som decimaltegn: "0.75".' });
  });
  it('a share with a space before it', () => {
    const r = parseWith(funderInputSchema, { id: 'lbf', navn: 'LBF', lokal: false, share: ' 0.75' });
    expect(r.ok ? undefined : r.errors[0]).toMatchObject({ message: 'andelen " 0.75" er ikke et tal: der er mellemrum før eller efter det', hint: 'Fjern mellemrummene: "0.75".' });
  });
  it('text that is no number keeps the general example', () => {
    const r = parseWith(funderInputSchema, { id: 'lbf', navn: 'LBF', lokal: false, share: 'trekvart' });
    expect(r.ok ? undefined : r.errors[0]?.hint).toBe('Skriv værdien som decimaltekst med punktum som decimaltegn, fx "1234.5".');
  });
});
