import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRuleSet } from '../../src/engine/evaluate.js';
import { jsonRulesEngineDefinition, toJsonRulesEngine } from '../../src/engine/json-rules-engine.js';
import type { Facts } from '../../src/domain/fact-types.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';
import { bundledRegistry } from '../../src/shipped.js';
import { loadTestRuleSetText as loadRuleSetText } from '../support/test-domain.js';
import { runs } from '../support/runs.js';

/** "mindst k af n" over n comparisons of `score` with 0, 1, …, n − 1 (so score s meets exactly min(s, n) of them). */
function atLeastFile(k: number, n: number): CompiledRuleSet {
  const of = Array.from({ length: n }, (_, i) => ({ fact: 'score', operator: 'greaterThan', value: i }));
  const loaded = loadRuleSetText(
    JSON.stringify({
      id: 'mindst',
      domain: 'test',
      title: 'Mindst k af n',
      effective: { from: '2020-01-01' },
      source: { reference: 't' },
      rules: [{ id: 'r', title: 'R', conditions: { atLeast: k, of }, event: { type: 'r' } }],
    }),
    '2020-01-01.json',
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

async function exported(rs: CompiledRuleSet, facts: Facts): Promise<Record<string, boolean>> {
  const r = await toJsonRulesEngine(rs).run(facts);
  return Object.fromEntries([...r.results.map((x) => [x.name, true] as const), ...r.failureResults.map((x) => [x.name, false] as const)]);
}

const size = (rs: CompiledRuleSet) => JSON.stringify(jsonRulesEngineDefinition(rs)).length;

describe('toJsonRulesEngine: "mindst k af n" in linear size', () => {
  it('atLeast 12 of 25 exports (no 5 million combinations) and decides as we do on either side of the threshold', async () => {
    const rs = atLeastFile(12, 25);
    expect(size(rs)).toBeLessThan(4000);
    for (const score of [0, 11, 12, 13, 25]) {
      expect(await exported(rs, { score })).toEqual(decideRuleSet(rs, { score }).outcomes);
    }
    expect((await exported(rs, { score: 12 })).r).toBe(true);
    expect((await exported(rs, { score: 11 })).r).toBe(false);
  });

  it('the export grows linearly with n, whatever k is (4n is at most about 4.5 times n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (n, fraction) => {
        const k = Math.max(1, Math.round(n * fraction));
        expect(size(atLeastFile(4 * k, 4 * n))).toBeLessThan(4.5 * size(atLeastFile(k, n)));
      }),
      { numRuns: runs(30) },
    );
  });

  it('shows only the rule file\'s rules in results and events (the counted children are not engine rules)', async () => {
    const r = await toJsonRulesEngine(atLeastFile(2, 4)).run({ score: 3 });
    expect(r.results.map((x) => x.name)).toEqual(['r']);
    expect(r.events).toEqual([{ type: 'r' }]);
    expect(r.failureResults).toEqual([]);
  });

  it('the shipped screening rules export to a few thousand characters, not 138,000', () => {
    expect(size(bundledRegistry().inForce('screening', '2024-12-01'))).toBeLessThan(20_000);
  });
});

/** A rule file of the test domain with the given parts, loaded inside the test that uses it. */
function loadFile(parts: Record<string, unknown>): CompiledRuleSet {
  const loaded = loadRuleSetText(
    JSON.stringify({ id: 'eksport', domain: 'test', title: 'Eksport', effective: { from: '2020-01-01' }, source: { reference: 't' }, ...parts }),
    '2020-01-01.json',
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

/** Exercises every kind of node the export converts: junctions, not, named conditions, atLeast with k literal and from a parameter, decimal operators, paths and fact references. */
const mixed = {
  parameters: {
    k: { value: 2, unit: 'kriterier', description: 'k' },
    graensePct: { value: '40.5', unit: 'pct.', description: 'Grænsen' },
  },
  conditions: {
    ledig: { title: 'Ledighed', condition: { fact: 'ledighedPct', operator: 'decimalGreaterThan', value: { parameter: 'graensePct' } } },
    mindst: { title: 'Mindst to', condition: { atLeast: { parameter: 'k' }, of: [{ condition: 'ledig' }, { fact: 'score', operator: 'greaterThanInclusive', value: { fact: 'graense' } }, { fact: 'afdeling', path: '/tal/beboere', operator: 'greaterThan', value: 100 }] } },
  },
  rules: [
    { id: 'named', title: 'Navngiven', conditions: { condition: 'mindst' }, event: { type: 'named', params: { niveau: 2, tekst: 'x' } } },
    { id: 'leaf', title: 'Blad', priority: 3, conditions: { fact: 'grundskolePct', operator: 'decimalLessThanInclusive', value: '60' }, event: { type: 'leaf' } },
    { id: 'any', title: 'Enten', conditions: { any: [{ not: { condition: 'ledig' } }, { atLeast: 1, of: [{ fact: 'aktiv', operator: 'equal', value: true }] }] }, event: { type: 'any' } },
    { id: 'not', title: 'Ikke', conditions: { not: { all: [{ fact: 'kommune', operator: 'in', value: ['Aarhus', 'Odense'] }, { condition: 'ledig', priority: 2 }] } }, event: { type: 'not' } },
  ],
};

describe('toJsonRulesEngine decides as we do on complete facts', () => {
  const base = { ledighedPct: '40.5', score: 5, graense: 5, afdeling: { tal: { beboere: 100 } }, grundskolePct: '60', aktiv: false, kommune: 'Aarhus' };
  it.each([
    ['at every threshold', base],
    ['just above the decimal threshold, by less than a double can tell', { ...base, ledighedPct: '40.50000000000000000001' }],
    ['one count short of k', { ...base, score: 4, afdeling: { tal: { beboere: 101 } } }],
    ['exactly k counted (score = graense, beboere > 100)', { ...base, afdeling: { tal: { beboere: 101 } } }],
    ['all counted', { ...base, ledighedPct: '41', afdeling: { tal: { beboere: 101 } } }],
    ['above the inclusive bound', { ...base, grundskolePct: '60.01', aktiv: true, kommune: 'Vejle' }],
    ['numbers for decimal facts', { ...base, ledighedPct: 41, grundskolePct: 59 }],
  ])('%s', async (_, facts) => {
    const rs = loadFile(mixed);
    const ours = decideRuleSet(rs, facts as Facts).outcomes;
    expect(await exported(rs, facts as Facts)).toEqual(ours);
  });

  it('with named conditions and rules disabled, as our disable does', async () => {
    const rs = loadFile(mixed);
    const facts = { ...base, ledighedPct: '41', afdeling: { tal: { beboere: 101 } } };
    for (const disable of [['ledig'], ['mindst'], ['named', 'leaf']]) {
      const r = await toJsonRulesEngine(rs, { disable }).run(facts);
      const got = Object.fromEntries([...r.results.map((x) => [x.name, true] as const), ...r.failureResults.map((x) => [x.name, false] as const)]);
      expect(got).toEqual(decideRuleSet(rs, facts, { disable }).outcomes);
    }
  });

  it('a decimal comparison of a value missing at a pointer does not hold there (ours: unknown), and the run does not fail', async () => {
    const rs = loadFile({ rules: [{ id: 'r', title: 'R', conditions: { fact: 'afdeling', path: '/pct', operator: 'decimalGreaterThan', value: '1' }, event: { type: 'r' } }] });
    expect(decideRuleSet(rs, { afdeling: {} }).outcomes.r).toBeNull();
    expect(await exported(rs, { afdeling: {} })).toEqual({ r: false });
    expect(await exported(rs, { afdeling: { pct: '1.5' } })).toEqual({ r: true });
  });

  it('carries each rule\'s event with its params', async () => {
    const rs = loadFile(mixed);
    const r = await toJsonRulesEngine(rs).run({ ...base, ledighedPct: '41', afdeling: { tal: { beboere: 101 } } });
    expect(r.events).toContainEqual({ type: 'named', params: { niveau: 2, tekst: 'x' } });
  });
});

describe('jsonRulesEngineDefinition: the shape of the export', () => {
  it('keeps each rule\'s top-level node, wrapping only a bare comparison in "all"', () => {
    const d = jsonRulesEngineDefinition(loadFile(mixed));
    const top = Object.fromEntries(d.rules.map((r) => [r.name, r.conditions]));
    expect(top.named).toEqual({ condition: 'mindst' });
    expect(top.leaf).toEqual({ all: [{ fact: 'grundskolePct', operator: 'decimalLessThanInclusive', value: '60' }] });
    expect(Object.keys(top.any ?? {})).toEqual(['any']);
    expect(Object.keys(top.not ?? {})).toEqual(['not']);
    // a named condition whose root is a bare comparison is wrapped too; one whose root is a count is a comparison of the count
    const named = Object.fromEntries(d.conditions);
    expect(named.ledig).toEqual({ all: [{ fact: 'ledighedPct', operator: 'decimalGreaterThan', value: { fact: 'parameter:graensePct' } }] });
  });

  it('names each counted node by its JSON pointer in the rule file, and the count compares with k (a parameter\'s value)', () => {
    const d = jsonRulesEngineDefinition(loadFile(mixed));
    expect(d.atLeast.map(([id]) => id).sort()).toEqual(['/conditions/mindst/condition', '/rules/2/conditions/any/1'].sort());
    const named = Object.fromEntries(d.conditions);
    expect(named.mindst).toEqual({ all: [{ fact: 'antal-opfyldte', params: { knude: '/conditions/mindst/condition' }, operator: 'greaterThanInclusive', value: 2 }] });
    const counted = Object.fromEntries(d.atLeast);
    expect(counted['/conditions/mindst/condition']).toHaveLength(3);
    expect(counted['/rules/2/conditions/any/1']).toEqual([{ all: [{ fact: 'aktiv', operator: 'equal', value: true }] }]);
  });

  it('gives counted nodes under all, any, not and of their own pointers', async () => {
    const count = (n: number) => ({ atLeast: 1, of: [{ fact: 'score', operator: 'greaterThan', value: n }] });
    const rs = loadFile({
      rules: [
        { id: 'r', title: 'R', conditions: { all: [count(0), { any: [count(1), { not: count(2) }] }, { atLeast: 1, of: [count(3)] }] }, event: { type: 'r' } },
      ],
    });
    const definition = jsonRulesEngineDefinition(rs);
    // a rule whose root is "all" keeps it as its top-level node
    expect(Object.keys(definition.rules[0]?.conditions ?? {})).toEqual(['all']);
    expect((definition.rules[0]?.conditions as { all: unknown[] }).all).toHaveLength(3);
    const ids = definition.atLeast.map(([id]) => id);
    expect(ids.sort()).toEqual(
      ['/rules/0/conditions/all/0', '/rules/0/conditions/all/1/any/0', '/rules/0/conditions/all/1/any/1/not', '/rules/0/conditions/all/2', '/rules/0/conditions/all/2/of/0'].sort(),
    );
    for (const score of [0, 1, 2, 3, 4]) expect(await exported(rs, { score })).toEqual(decideRuleSet(rs, { score }).outcomes);
  });

  it('keeps priorities of rules and nested conditions, and adds none where the file has none', () => {
    const d = jsonRulesEngineDefinition(loadFile(mixed));
    const byName = Object.fromEntries(d.rules.map((r) => [r.name, r]));
    expect(byName.leaf?.priority).toBe(3);
    expect(Object.hasOwn(byName.named ?? {}, 'priority')).toBe(false);
    const notAll = (byName.not?.conditions as { not: { all: Record<string, unknown>[] } }).not.all;
    expect(notAll[1]).toEqual({ condition: 'ledig', priority: 2 });
    expect(Object.hasOwn(notAll[0] ?? {}, 'priority')).toBe(false);
    expect(Object.hasOwn(byName.not?.conditions ?? {}, 'priority')).toBe(false);
  });
});
