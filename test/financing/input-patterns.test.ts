/**
 * The patterns the plan reader checks text against, at their edges: a funder id is
 * kebab-case as a whole (not just somewhere in the text), a per-year key is exactly four
 * digits, and an amount written the Danish way ("1.234.567,89 kr.", "12,5") gets a hint
 * with the same amount written right, while text that only contains such a number does
 * not. Found by mutation testing (src/financing/input.ts), which also found that a bad
 * per-year key said only "Ugyldig nøgle i record"; expected texts by hand.
 */
import { describe, expect, it } from 'vitest';
import { amountProblem, budgetSchema, funderInputSchema, parseWith, quantityProblem } from '../../src/financing/input.js';

const funder = (id: string) => parseWith(funderInputSchema, { id, navn: 'Fonden', share: '0.5', lokal: false });
const perAar = (key: string) => parseWith(budgetSchema, { periode: { from: '2024-01-01', to: '2024-12-31' }, perAar: { [key]: '100.00' } });

describe('a funder id is kebab-case from its first character to its last', () => {
  it.each(['lbf', 'koebenhavns-kommune', 'fond-2024', '0-a'])('accepts %s', (id) => {
    expect(funder(id).ok).toBe(true);
  });
  it.each(['Lbf', 'lbf-', '-lbf', 'lbf fond', 'x_lbf', 'lbf--fond', 'æble', 'lbf!', '!lbf'])('refuses %s at /id', (id) => {
    const r = funder(id);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.pointer, e.message])).toEqual([['/id', 'skal være kebab-case: små bogstaver, tal og bindestreger']]);
  });
});

describe('a per-year key is exactly four digits', () => {
  it('accepts 2024', () => {
    expect(perAar('2024').ok).toBe(true);
  });
  it.each(['20245', 'x2024', '2024x', '202', 'abcd', '2o24'])('refuses %s', (key) => {
    const r = perAar(key);
    expect(r.ok).toBe(false);
    // zod's own "Ugyldig nøgle i record" would not say what is wrong: the key's problem is the message
    if (!r.ok) expect(r.errors.map((e) => [e.pointer, e.message])).toEqual([[`/perAar/${key}`, `nøglen "${key}" skal være et årstal, fx "2024"`]]);
  });
});

describe('an amount written the Danish way gets the same amount written right', () => {
  const written = (value: string) => amountProblem(value)?.hint;
  const GENERIC = 'Skriv beløbet som decimaltekst med punktum som decimaltegn, fx "1250000.00".';
  it.each([
    ['1.234.567,89 kr.', '1234567.89'],
    ['1.234.567,89 kr', '1234567.89'],
    ['1.234.567,89kr.', '1234567.89'],
    ['12.345,67 kr.', '12345.67'],
    ['12,5', '12.5'],
    ['-12,5', '-12.5'],
    ['999', '999'],
  ])('%s → %s', (value, right) => {
    // "999" is a valid amount and gets no hint at all
    if (value === '999') expect(amountProblem(value)).toBeUndefined();
    else expect(written(value)).toBe(`Skriv beløbet uden tusindtalspunktummer, med punktum som decimaltegn og uden "kr.", fx "${right}".`);
  });
  it.each(['ca. 1.234,50', '1.234,50 kr. i alt', '12.34.56', '1234.567.890,1', '1,234.5', ',5', 'kr. 12,5'])('%s is not read as a Danish amount', (value) => {
    expect(written(value)).toBe(GENERIC);
  });
  it('a quantity with a decimal comma gets it with a point, and only a whole number with one comma does', () => {
    expect(quantityProblem('12,5', 'andelen')?.hint).toBe('Brug punktum som decimaltegn: "12.5".');
    expect(quantityProblem('-0,25', 'andelen')?.hint).toBe('Brug punktum som decimaltegn: "-0.25".');
    for (const v of ['x12,5', '12,5x', '12,5,5', ',5']) expect(quantityProblem(v, 'andelen')?.hint).toBe('Skriv værdien som decimaltekst med punktum som decimaltegn, fx "1234.5".');
  });
  it('the hint of a missing value starts with the description in lower case', () => {
    const r = parseWith(funderInputSchema, { id: 'lbf', navn: 'LBF', lokal: false });
    expect(!r.ok && r.errors[0]?.hint).toBe('Angiv andelen: et ikke-negativt decimaltal skrevet som tekst, fx "1234.5".');
  });
});
