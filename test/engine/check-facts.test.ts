import { describe, expect, it } from 'vitest';
import { BoligsocialError } from '../../src/errors.js';
import { createDecider, createExplainer, decideRuleSet, dependsOnCondition, evaluateRuleSet } from '../../src/engine/evaluate.js';
import type { Facts } from '../../src/domain/fact-types.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';
import { loadTestRuleSetText as loadRuleSetText } from '../support/test-domain.js';
import { demoRuleSet } from '../support/demo.js';

const rs = demoRuleSet();
const complete = { beboere: 1200, ledighedPct: '41', kriminalitetsfaktor: '2', grundskolePct: '61', indkomstPct: '60' };

/** Every public way of evaluating facts. */
const entries: readonly [string, (rs: CompiledRuleSet, facts: unknown) => unknown][] = [
  ['evaluateRuleSet', (r, f) => evaluateRuleSet(r, f as Facts)],
  ['decideRuleSet', (r, f) => decideRuleSet(r, f as Facts)],
  ['createDecider', (r, f) => createDecider(r, 'udsat')(f as Facts)],
  ['createExplainer', (r, f) => createExplainer(r, 'udsat')(f as Facts)],
  ['createDecider of a disabled rule', (r, f) => createDecider(r, 'udsat', { disable: ['udsat'] })(f as Facts)],
  ['dependsOnCondition', (r, f) => dependsOnCondition(r, f as Facts, Object.keys(r.conditions)[0] as string)],
];

function rejection(run: () => unknown): BoligsocialError {
  try {
    run();
  } catch (error) {
    if (error instanceof BoligsocialError) return error;
    throw new Error(`threw ${String(error)}, not a BoligsocialError`);
  }
  throw new Error('did not throw');
}

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;

const hostile: readonly [string, unknown, string][] = [
  ['a BigInt', 1200n, 'er et BigInt (1200n)'],
  ['a Symbol', Symbol('beboere'), 'er et Symbol'],
  ['NaN', Number.NaN, 'er NaN (ikke et tal); et tal skal være endeligt'],
  ['Infinity', Number.POSITIVE_INFINITY, 'er uendelig; et tal skal være endeligt'],
  ['-Infinity', Number.NEGATIVE_INFINITY, 'er uendelig; et tal skal være endeligt'],
  ['a function', () => 1200, 'er en funktion'],
  ['a Date', new Date('2024-01-01'), 'er et objekt af typen Date'],
  ['a Map', new Map(), 'er et objekt af typen Map'],
  ['a list holding NaN', ['1', Number.NaN], 'indeholder en værdi, der er NaN'],
  ['a cyclic object', cyclic, 'henviser til sig selv'],
];

describe('facts are checked at the boundary: input-invalid, in Danish, naming the fact', () => {
  for (const [entry, run] of entries) {
    for (const [what, value, message] of hostile) {
      it(`${entry}: ${what}`, () => {
        const e = rejection(() => run(rs, { ...complete, beboere: value }));
        expect(e.code).toBe('input-invalid');
        expect(e.message).toContain('fact beboere');
        expect(e.diagnostics).toEqual([expect.objectContaining({ code: 'input-invalid', field: 'beboere', message: expect.stringContaining(`faktaen "beboere" ${message}`) })]);
      });
    }
  }

  it.each([
    ['null', null, 'null'],
    ['undefined', undefined, 'en værdi af typen undefined'],
    ['a list', [], 'en liste'],
    ['a number', 5, 'en værdi af typen number'],
  ])('the facts themselves must be an object, not %s', (_, facts, what) => {
    for (const [, run] of entries) {
      const e = rejection(() => run(rs, facts));
      expect(e.code).toBe('input-invalid');
      expect(e.diagnostics[0]?.message).toBe(`faktaene skal være et objekt med faktaenes navne og værdier, ikke ${what}`);
    }
  });

  it('reports every bad fact, and only facts the rule set reads', () => {
    const e = rejection(() => decideRuleSet(rs, { ...complete, beboere: Number.NaN, ledighedPct: 5n, ukendt: Symbol('x') } as unknown as Facts));
    expect(e.diagnostics.map((d) => d.field)).toEqual(['beboere', 'ledighedPct']);
  });

  it('still accepts missing facts (undefined, null) and every JSON value', () => {
    expect(decideRuleSet(rs, { ...complete, beboere: null, ledighedPct: undefined }).outcomes.udsat).toBeNull();
    expect(evaluateRuleSet(rs, complete).outcomes.udsat).toBe(true);
  });

  it('walks an object fact read through a path: a deep or cyclic value is refused, a shared one accepted', () => {
    const loaded = loadRuleSetText(
      JSON.stringify({
        id: 'sti',
        domain: 'test',
        title: 'Sti',
        effective: { from: '2020-01-01' },
        source: { reference: 't' },
        rules: [{ id: 'r', title: 'R', conditions: { all: [{ fact: 'afdeling', path: '/tal/beboere', operator: 'greaterThan', value: 10 }] }, event: { type: 'r' } }],
      }),
      '2020-01-01.json',
    );
    if (!loaded.ok) throw new Error('does not load');
    const shared = { beboere: 20 };
    expect(decideRuleSet(loaded.value, { afdeling: { tal: shared, kopi: shared } }).outcomes.r).toBe(true);
    let deep: unknown = { beboere: 1 };
    for (let i = 0; i < 10_000; i++) deep = { tal: deep };
    expect(rejection(() => decideRuleSet(loaded.value, { afdeling: deep as Facts[string] })).diagnostics[0]?.message).toContain('er indlejret mere end 64 niveauer');
    expect(rejection(() => decideRuleSet(loaded.value, { afdeling: cyclic as Facts[string] })).code).toBe('input-invalid');
    // an object without a prototype is a plain object too
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { tal: { beboere: 20 } });
    expect(decideRuleSet(loaded.value, { afdeling: bare as Facts[string] }).outcomes.r).toBe(true);
  });

  it('a value read through a path has no catalogue type: a decision checks it against the operator', () => {
    const loaded = loadRuleSetText(
      JSON.stringify({
        id: 'sti',
        domain: 'test',
        title: 'Sti',
        effective: { from: '2020-01-01' },
        source: { reference: 't' },
        rules: [{ id: 'udsat', title: 'R', conditions: { all: [{ fact: 'afdeling', path: '/tal/beboere', operator: 'greaterThan', value: 10 }] }, event: { type: 'r' } }],
      }),
      '2020-01-01.json',
    );
    if (!loaded.ok) throw new Error('does not load');
    for (const [entry, run] of entries.slice(0, 4)) {
      expect(run(loaded.value, { afdeling: { tal: { beboere: 20 } } }), entry).toBeTruthy();
      const e = rejection(() => run(loaded.value, { afdeling: { tal: { beboere: '20' } } }));
      expect(e.code, entry).toBe('fact-type');
      expect(e.message, entry).toContain('fact afdeling/tal/beboere has value "20"');
    }
  });

  it('a fact of the wrong type is fact-type, in Danish, whether or not the decision would reach it', () => {
    // beboere below 1,000 decides "udsat" false before any share is read: the bad share is still reported
    for (const [, run] of entries.slice(0, 4)) {
      const e = rejection(() => run(rs, { ...complete, beboere: 10, ledighedPct: '40,5' }));
      expect(e.code).toBe('fact-type');
      expect(e.message).toBe('fact ledighedPct has value "40,5", which is not decimal');
      expect(e.diagnostics).toEqual([
        expect.objectContaining({ code: 'fact-type', field: 'ledighedPct', message: 'faktaen "ledighedPct" har værdien "40,5", som ikke er et decimaltal (en tekst som "40.5" eller et endeligt tal)' }),
      ]);
    }
    expect(rejection(() => decideRuleSet(rs, { ...complete, beboere: 'mange' })).diagnostics[0]?.message).toBe('faktaen "beboere" har værdien "mange", som ikke er et endeligt tal');
  });
});
