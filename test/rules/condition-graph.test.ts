import { describe, expect, it } from 'vitest';
import { decideRuleSet, evaluateRuleSet } from '../../src/engine/evaluate.js';
import { toJsonRulesEngine } from '../../src/engine/json-rules-engine.js';
import { MAX_CONDITION_DEPTH } from '../../src/rules/condition-graph.js';
import { loadTestRuleSetText as loadRuleSetText } from '../support/test-domain.js';

const LEAF = { fact: 'beboere', operator: 'greaterThan', value: 100 };

/** A file with a chain c0 → c1 → … → c(n-1) → leaf, and one rule referring to c0 from `ruleLevel` levels down. */
function chainFile(n: number, ruleLevel = 1, cycle = false): string {
  const conditions: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    conditions[`c${i}`] = { title: `C${i}`, condition: last ? (cycle ? { condition: 'c0' } : LEAF) : { condition: `c${i + 1}` } };
  }
  let rule: unknown = { condition: 'c0' };
  for (let i = 1; i < ruleLevel; i++) rule = { not: rule };
  return JSON.stringify({
    id: 'kaede',
    domain: 'test',
    title: 'Kæde',
    effective: { from: '2020-01-01' },
    source: { reference: 't' },
    conditions,
    rules: [{ id: 'r', title: 'R', conditions: rule, event: { type: 'r' } }],
  });
}

const load = (text: string) => loadRuleSetText(text, '2020-01-01.json');

describe('chains of named conditions', () => {
  it('a chain whose resolved depth is exactly the limit loads, and evaluates and exports as ours does', async () => {
    // the rule's reference is level 1; each named condition adds one level; the leaf is the last
    const r = load(chainFile(MAX_CONDITION_DEPTH - 1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(evaluateRuleSet(r.value, { beboere: 101 }).outcomes.r).toBe(true);
    const exported = await toJsonRulesEngine(r.value).run({ beboere: 99 });
    expect(exported.failureResults.map((x) => x.name)).toEqual(['r']);
  });

  it('one level more is a condition-depth error at the reference where the limit is crossed', () => {
    const r = load(chainFile(MAX_CONDITION_DEPTH));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((d) => [d.code, d.pointer])).toEqual([['condition-depth', '/rules/0/conditions/condition']]);
    expect(r.errors[0]?.message).toBe('reglen "r" er for dyb: når henvisningerne følges (c0 → c1 → c2 → … → c63, 64 betingelser), er den 65 niveauer dyb; højst 64 er tilladt');
  });

  it('5,000 named conditions in a chain: one located error, found without recursion', () => {
    const r = load(chainFile(5000));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    // the chain crosses the limit at the condition 64 levels above the leaf
    expect(r.errors[0]).toMatchObject({ code: 'condition-depth', pointer: `/conditions/c${5000 - MAX_CONDITION_DEPTH - 1}/condition/condition` });
    expect(r.errors[0]?.line).toBe(1);
  });

  it('the depth of the rule itself counts: a chain within the limit, referred to from deep in a rule, is refused', () => {
    expect(load(chainFile(MAX_CONDITION_DEPTH - 10, 10)).ok).toBe(true);
    const r = load(chainFile(MAX_CONDITION_DEPTH - 10, 11));
    expect(!r.ok && r.errors.map((d) => d.code)).toEqual(['condition-depth']);
  });

  it('a cycle through 5,000 conditions is one condition-cycle error', () => {
    const r = load(chainFile(5000, 1, true));
    expect(!r.ok && r.errors.map((d) => [d.code, d.pointer])).toEqual([['condition-cycle', '/conditions/c0']]);
  });

  it('a condition referred to from many places is walked once (wide sharing stays linear)', () => {
    // c0 refers to c1 twice, c1 to c2 twice, …: 2^30 paths, 61 levels resolved
    const conditions: Record<string, unknown> = {};
    for (let i = 0; i < 31; i++) conditions[`c${i}`] = { title: `C${i}`, condition: i === 30 ? LEAF : { any: [{ condition: `c${i + 1}` }, { condition: `c${i + 1}` }] } };
    const text = JSON.stringify({ id: 'bred', domain: 'test', title: 'Bred', effective: { from: '2020-01-01' }, source: { reference: 't' }, conditions, rules: [{ id: 'r', title: 'R', conditions: { condition: 'c0' }, event: { type: 'r' } }] });
    const r = load(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(decideRuleSet(r.value, { beboere: 500 }).outcomes.r).toBe(true);
  });
});

describe('atLeast 0 is refused', () => {
  const file = (atLeast: unknown, parameters: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: 'nul',
      domain: 'test',
      title: 'Nul',
      effective: { from: '2020-01-01' },
      source: { reference: 't' },
      parameters,
      rules: [{ id: 'r', title: 'R', conditions: { atLeast, of: [LEAF, { fact: 'score', operator: 'lessThan', value: 3 }] }, event: { type: 'r' } }],
    });

  it('as a literal, located at "atLeast"', () => {
    const r = load(file(0));
    expect(!r.ok && r.errors.map((d) => [d.code, d.pointer, d.message])).toEqual([
      ['value-type', '/rules/0/conditions/atLeast', '"atLeast" er 0: betingelsen er da altid opfyldt, også når alle fakta mangler'],
    ]);
  });

  it('through a parameter, located at the reference and naming the parameter', () => {
    const r = load(file({ parameter: 'minKriterier' }, { minKriterier: { value: 0, unit: 'kriterier', description: 'Mindst' } }));
    expect(!r.ok && r.errors[0]).toMatchObject({ code: 'value-type', pointer: '/rules/0/conditions/atLeast/parameter' });
    expect(!r.ok && r.errors[0]?.hint).toContain('Sæt parameteren "minKriterier" til mindst 1');
  });

  it('1 is fine', () => {
    expect(load(file(1)).ok).toBe(true);
  });
});
