/**
 * One `Result<T>` for every function that can refuse input: `{ ok: true, value }` or
 * `{ ok: false, errors }`, frozen. The functions that returned other shapes before keep
 * their old names readable as non-enumerable, deprecated aliases.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoligomraade } from '../../src/classification/classify.js';
import { fail, ok, okWithAliases } from '../../src/errors.js';
import { funderInputSchema, parseWith } from '../../src/financing/input.js';
import { resolveScheme } from '../../src/financing/scheme.js';
import { parseJsonDocument } from '../../src/rules/json-document.js';
import { parseScenarioDocument } from '../../src/scenarios/run.js';
import { validateAfdeling } from '../../src/screening/screen.js';
import { bundledRegistry } from '../../src/shipped.js';

const SCENARIO = 'fixtures/scenarios/engine/ledighed-praecis-40.json';

function scenarioDoc(text: string) {
  const doc = parseJsonDocument(text, 'scenarie.json');
  if (!doc.ok) throw new Error(JSON.stringify(doc.errors));
  return doc.value;
}

describe('Result', () => {
  it('ok and fail are frozen, and fail copies the diagnostics', () => {
    const errors = [{ code: 'input-invalid' as const, severity: 'error' as const, message: 'x' }];
    const failed = fail(errors);
    errors.push({ code: 'input-invalid', severity: 'error', message: 'y' });
    expect(failed).toEqual({ ok: false, errors: [{ code: 'input-invalid', severity: 'error', message: 'x' }] });
    expect(Object.isFrozen(failed) && Object.isFrozen(failed.errors)).toBe(true);
    expect(Object.isFrozen(ok(1))).toBe(true);
  });

  it('okWithAliases: the aliases are readable, not enumerable, and the result is frozen', () => {
    const value = { a: 1 };
    const r = okWithAliases(value, { data: value });
    expect(r.data).toBe(value);
    expect(r.value).toBe(value);
    expect(Object.keys(r)).toEqual(['ok', 'value']);
    expect(JSON.stringify(r)).toBe('{"ok":true,"value":{"a":1}}');
    expect({ ...r }).toEqual({ ok: true, value });
    expect(Object.isFrozen(r)).toBe(true);
  });
});

describe('the functions that refuse input return Result', () => {
  it('parseBoligomraade: value, and data as its deprecated alias', () => {
    const r = parseBoligomraade({ id: 'a', beboere: 1200 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ id: 'a', beboere: 1200 });
    expect(r.data).toBe(r.value);
    expect(Object.keys(r)).toEqual(['ok', 'value']);
    const bad = parseBoligomraade({ id: 'b', beboere: -1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ code: 'input-invalid', id: 'b', field: 'beboere' });
  });

  it('parseScenarioDocument: value { kind, scenario }, and kind and scenario as deprecated aliases', () => {
    const r = parseScenarioDocument(scenarioDoc(readFileSync(SCENARIO, 'utf8')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe('engine');
    expect(r.value.scenario.description).toMatch(/^Præcis 40,0 pct/);
    expect(r.kind).toBe(r.value.kind);
    expect(r.scenario).toBe(r.value.scenario);
    expect(Object.keys(r)).toEqual(['ok', 'value']);
    const bad = parseScenarioDocument(scenarioDoc('{ "description": "intet input", "expected": {} }'));
    expect(bad).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'schema', file: 'scenarie.json', pointer: '', message: 'scenariet angiver ikke sit input' })] });
    expect(Object.isFrozen(bad)).toBe(true);
  });

  it('parseWith and resolveScheme: frozen Results', () => {
    const parsed = parseWith(funderInputSchema, { id: 'lbf', navn: 'LBF', share: '1', lokal: false });
    expect(parsed).toEqual({ ok: true, value: { id: 'lbf', navn: 'LBF', share: '1', lokal: false } });
    expect(Object.isFrozen(parsed)).toBe(true);
    const refused = parseWith(funderInputSchema, { id: 'lbf' }, 'plan.json');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.every((e) => e.file === 'plan.json')).toBe(true);
    expect(Object.isFrozen(refused)).toBe(true);
    const scheme = resolveScheme('financing-findes-ikke', '2024-03-01', bundledRegistry());
    expect(scheme.ok).toBe(false);
    expect(Object.isFrozen(scheme)).toBe(true);
    expect(Object.isFrozen(resolveScheme('financing-helhedsplan-lbf-2019-2026', '2024-03-01', bundledRegistry()))).toBe(true);
  });

  it('validateAfdeling: a Result of the afdeling', () => {
    const r = validateAfdeling({ id: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  });
});
