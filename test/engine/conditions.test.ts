/**
 * The compiled condition trees (src/engine/conditions.ts), through the public engine API:
 * the shape of the explanation of named-condition references (plain, disabled,
 * overridden; with and without description and source), thresholds of every operand
 * kind, the sources leaves inherit, and named conditions referenced more than once being
 * evaluated once per evaluation.
 *
 * Every rule set is compiled inside the test that uses it: compiling is part of what is
 * tested here (under mutation testing only code run inside a test counts as covered).
 */
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/engine/compile.js';
import type { RuleSetDefinition } from '../../src/engine/definition.js';
import { createDecider, createExplainer, decideRuleSet, evaluateRuleSet } from '../../src/engine/evaluate.js';
import type { Facts } from '../../src/domain/fact-types.js';
import type { AtLeastExplanation, CompiledRuleSet, ConditionExplanation, ExplanationNode, FactExplanation, JunctionExplanation } from '../../src/engine/types.js';
import { loadTestRuleSetText } from '../support/test-domain.js';
import { testFacts } from '../support/test-facts.js';

/** A rule file of the test domain with the given parts (parameters, conditions, rules). */
function load(parts: Record<string, unknown>): CompiledRuleSet {
  const loaded = loadTestRuleSetText(
    JSON.stringify({ id: 't', domain: 'test', title: 'T', effective: { from: '2020-01-01' }, source: { reference: 'Filens kilde' }, ...parts }),
    '2020-01-01.json',
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

const rule = (id: string, conditions: unknown) => ({ id, title: `Regel ${id}`, conditions, event: { type: id } });
const scoreAbove = (n: number) => ({ fact: 'score', operator: 'greaterThan', value: n });

/** The explanation of the first rule of an evaluation. */
function first(rs: CompiledRuleSet, facts: Facts, options: Parameters<typeof evaluateRuleSet>[2] = {}): ExplanationNode {
  const e = evaluateRuleSet(rs, facts, options);
  const r = e.rules[0];
  if (r === undefined) throw new Error('no rule');
  return r.explanation;
}

const sortedKeys = (o: object) => Object.keys(o).sort();

describe('references to named conditions in the explanation', () => {
  // four named conditions, one for each combination of description and source
  const conditions = {
    bare: { title: 'Bar titel', condition: scoreAbove(1) },
    described: { title: 'Med beskrivelse', description: 'En beskrivelse', condition: scoreAbove(1) },
    sourced: { title: 'Med kilde', source: { reference: '§ 1', url: 'https://example.org/1' }, condition: scoreAbove(1) },
    full: { title: 'Med begge', description: 'Begge dele', source: { reference: '§ 2', note: 'note' }, condition: scoreAbove(1) },
  } as const;
  const names = Object.keys(conditions) as (keyof typeof conditions)[];
  const ruleSet = () => load({ conditions, rules: names.map((n) => rule(n, { condition: n })) });

  /** What a reference to `name` shows besides kind, outcome, name and title. */
  function optional(name: keyof typeof conditions): { description?: string; source?: object } {
    const c: { title: string; description?: string; source?: object } = conditions[name];
    return { ...(c.description !== undefined ? { description: c.description } : {}), ...(c.source !== undefined ? { source: c.source } : {}) };
  }

  it.each(names)('a plain reference to %s carries its title, and description and source exactly when it has them', (name) => {
    const rs = ruleSet();
    const e = evaluateRuleSet(rs, { score: 2 });
    const node = e.rules.find((r) => r.id === name)?.explanation as ConditionExplanation;
    const extra = optional(name);
    expect(node).toMatchObject({ kind: 'condition', outcome: true, name, title: conditions[name].title, ...extra });
    expect(sortedKeys(node)).toEqual(sortedKeys({ kind: 0, outcome: 0, name: 0, title: 0, child: 0, ...extra }));
    expect(node.child).toMatchObject({ kind: 'fact', fact: 'score', outcome: true });
    expect(Object.isFrozen(node)).toBe(true);
  });

  it.each(names)('a disabled reference to %s is false, marked disabled, and has no child', (name) => {
    const rs = ruleSet();
    const node = evaluateRuleSet(rs, { score: 2 }, { disable: [name] }).rules.find((r) => r.id === name)?.explanation as ConditionExplanation;
    const extra = optional(name);
    expect(node).toMatchObject({ kind: 'condition', outcome: false, name, title: conditions[name].title, disabled: true, ...extra });
    expect(sortedKeys(node)).toEqual(sortedKeys({ kind: 0, outcome: 0, name: 0, title: 0, disabled: 0, ...extra }));
    expect(decideRuleSet(rs, { score: 2 }, { disable: [name] }).outcomes[name]).toBe(false);
  });

  it.each(names)('an overridden reference to %s has the forced outcome, is marked overridden, and still shows the real evaluation', (name) => {
    const rs = ruleSet();
    // the score meets the condition; the override says it does not
    const node = evaluateRuleSet(rs, { score: 2 }, { override: { [name]: false } }).rules.find((r) => r.id === name)?.explanation as ConditionExplanation;
    const extra = optional(name);
    expect(node).toMatchObject({ kind: 'condition', outcome: false, name, title: conditions[name].title, overridden: true, ...extra });
    expect(sortedKeys(node)).toEqual(sortedKeys({ kind: 0, outcome: 0, name: 0, title: 0, overridden: 0, child: 0, ...extra }));
    expect(node.child).toMatchObject({ kind: 'fact', outcome: true, factValue: 2 });
    // and the other way round: not met, forced true
    const up = evaluateRuleSet(rs, { score: 0 }, { override: { [name]: true } }).rules.find((r) => r.id === name)?.explanation as ConditionExplanation;
    expect(up).toMatchObject({ outcome: true, overridden: true, child: { outcome: false } });
    expect(decideRuleSet(rs, { score: 0 }, { override: { [name]: true } }).outcomes[name]).toBe(true);
  });
});

describe('sources of leaves', () => {
  it('a leaf inside a named condition carries that condition\'s source, else the first source of the file', () => {
    const rs = load({
      source: [{ reference: 'Første kilde' }, { reference: 'Anden kilde' }],
      conditions: {
        own: { title: 'Egen kilde', source: { reference: '§ 7', url: 'https://example.org/7' }, condition: scoreAbove(1) },
        none: { title: 'Ingen kilde', condition: scoreAbove(1) },
      },
      rules: [rule('own', { condition: 'own' }), rule('none', { condition: 'none' }), rule('direct', scoreAbove(1))],
    });
    const e = evaluateRuleSet(rs, { score: 2 });
    const leafOf = (id: string) => {
      const n = e.rules.find((r) => r.id === id)?.explanation;
      return (n?.kind === 'condition' ? n.child : n) as FactExplanation;
    };
    expect(leafOf('own').source).toEqual({ reference: '§ 7', url: 'https://example.org/7' });
    expect(leafOf('none').source).toEqual({ reference: 'Første kilde' });
    expect(leafOf('direct').source).toEqual({ reference: 'Første kilde' });
  });
});

describe('thresholds of each kind of operand', () => {
  it('a parameter: its value, name and unit; a literal: its value; another fact: its name, unit, and value when known', () => {
    const rs = load({
      parameters: { graensen: { value: 10, unit: 'point', description: 'Grænsen' } },
      rules: [
        rule('param', { fact: 'score', operator: 'greaterThan', value: { parameter: 'graensen' } }),
        rule('literal', { fact: 'score', operator: 'greaterThan', value: 7 }),
        rule('fact', { fact: 'score', operator: 'greaterThan', value: { fact: 'graense' } }),
        rule('pointer', { fact: 'score', operator: 'greaterThan', value: { fact: 'afdeling', path: '/tal/graense' } }),
      ],
    });
    const threshold = (facts: Facts, id: string) => (evaluateRuleSet(rs, facts).rules.find((r) => r.id === id)?.explanation as FactExplanation).threshold;
    expect(threshold({ score: 12 }, 'param')).toStrictEqual({ value: 10, parameter: 'graensen', unit: 'point' });
    expect(threshold({ score: 12 }, 'literal')).toStrictEqual({ value: 7 });
    // the unit of the fact `graense` is 'point' in the test catalogue
    expect(threshold({ score: 12, graense: 11 }, 'fact')).toStrictEqual({ fact: 'graense', unit: 'point', value: 11 });
    expect(threshold({ score: 12 }, 'fact')).toStrictEqual({ fact: 'graense', unit: 'point' });
    expect(threshold({ score: 12, afdeling: { tal: { graense: 3 } } }, 'pointer')).toStrictEqual({ fact: 'afdeling/tal/graense', unit: 'objekt', value: 3 });
    expect(testFacts.find((f) => f.name === 'graense')?.unit).toBe('point');
  });
});

describe('"mindst k af n"', () => {
  it('names the parameter k came from, and has no parameter key for a literal k', () => {
    const rs = load({
      parameters: { k: { value: 2, unit: 'kriterier', description: 'k' } },
      rules: [rule('param', { atLeast: { parameter: 'k' }, of: [scoreAbove(0), scoreAbove(1), scoreAbove(2)] }), rule('literal', { atLeast: 2, of: [scoreAbove(0), scoreAbove(1), scoreAbove(2)] })],
    });
    const e = evaluateRuleSet(rs, { score: 2 });
    const byId = (id: string) => e.rules.find((r) => r.id === id)?.explanation as AtLeastExplanation;
    // score 2 meets "> 0" and "> 1", not "> 2"
    expect(byId('param')).toMatchObject({ kind: 'atLeast', outcome: true, required: 2, parameter: 'k', met: 2, unknown: 0, total: 3 });
    expect(byId('literal')).toMatchObject({ kind: 'atLeast', outcome: true, required: 2, met: 2, unknown: 0, total: 3 });
    expect(Object.hasOwn(byId('literal'), 'parameter')).toBe(false);
  });

  it.each([
    // [k, score or missing, outcome]: the children are score > 0, > 1, > 2, and one on a fact that may be missing
    [2, { score: 1, graense: 1 }, true], // > 0 and graense met
    [2, { score: 1 }, null], // one met, one unknown: could still reach 2
    [3, { score: 0 }, false], // none met, one unknown: cannot reach 3
    [1, { score: 3 }, true], // three met already, the unknown one does not matter
    [4, { score: 3 }, null],
    [4, { score: 3, graense: 1 }, true], // all four met: exactly k
  ] as const)('atLeast %i decides and explains %j as %s', (k, facts, outcome) => {
    const rs = load({ rules: [rule('r', { atLeast: k, of: [scoreAbove(0), scoreAbove(1), scoreAbove(2), { fact: 'graense', operator: 'equal', value: 1 }] })] });
    expect(decideRuleSet(rs, facts).outcomes.r).toBe(outcome);
    expect(first(rs, facts).outcome).toBe(outcome);
  });
});

describe('all and any with unknowns (Kleene)', () => {
  // children: score > 1 (true for 2, false for 0, unknown when missing) and graense = 1
  it.each([
    ['all', { score: 2, graense: 1 }, true],
    ['all', { score: 2 }, null],
    ['all', { score: 0 }, false],
    ['all', { graense: 2 }, false],
    ['any', { score: 0, graense: 2 }, false],
    ['any', { score: 0 }, null],
    ['any', { graense: 1 }, true],
    ['any', { score: 2 }, true],
  ] as const)('%s of %j is %s, deciding and explaining', (kind, facts, outcome) => {
    const rs = load({ rules: [rule('r', { [kind]: [scoreAbove(1), { fact: 'graense', operator: 'equal', value: 1 }] })] });
    expect(decideRuleSet(rs, facts).outcomes.r).toBe(outcome);
    const e = first(rs, facts) as JunctionExplanation;
    expect(e).toMatchObject({ kind, outcome });
    expect(e.children).toHaveLength(2);
  });
});

describe('a named condition referenced more than once', () => {
  const twice = { shared: { title: 'Delt', condition: scoreAbove(1) } };

  it('is explained once per evaluation: every reference shows the same frozen subtree', () => {
    const rs = load({ conditions: twice, rules: [rule('a', { all: [{ condition: 'shared' }, scoreAbove(0)] }), rule('b', { any: [{ condition: 'shared' }] })] });
    const e = evaluateRuleSet(rs, { score: 2 });
    const a = (e.rules[0]?.explanation as JunctionExplanation).children[0] as ConditionExplanation;
    const b = (e.rules[1]?.explanation as JunctionExplanation).children[0] as ConditionExplanation;
    expect(a.child).toMatchObject({ kind: 'fact', fact: 'score', outcome: true });
    expect(a.child).toBe(b.child);
    // a second evaluation explains afresh
    const again = evaluateRuleSet(rs, { score: 0 });
    expect(((again.rules[0]?.explanation as JunctionExplanation).children[0] as ConditionExplanation).child).toMatchObject({ outcome: false });
    expect(again.outcomes).toEqual({ a: false, b: false });
  });

  it('is shared within one rule too, and overriding or disabling it applies to every reference', () => {
    const rs = load({ conditions: twice, rules: [rule('r', { all: [{ condition: 'shared' }, { not: { not: { condition: 'shared' } } }] })] });
    const e = first(rs, { score: 2 }) as JunctionExplanation;
    const direct = e.children[0] as ConditionExplanation;
    const nested = ((e.children[1] as { child: { child: ExplanationNode } }).child.child) as ConditionExplanation;
    expect(direct.child).toBe(nested.child);
    expect(decideRuleSet(rs, { score: 2 }, { override: { shared: false } }).outcomes.r).toBe(false);
    expect(decideRuleSet(rs, { score: 0 }, { override: { shared: true } }).outcomes.r).toBe(true);
    expect(decideRuleSet(rs, { score: 2 }, { disable: ['shared'] }).outcomes.r).toBe(false);
    const overridden = first(rs, { score: 0 }, { override: { shared: true } }) as JunctionExplanation;
    expect(overridden.outcome).toBe(true);
    expect(overridden.children[0]).toMatchObject({ outcome: true, overridden: true, child: { outcome: false } });
  });

  it('is decided once per decision: its fact is read no more often than for a single reference', () => {
    /** Facts whose `score` counts how often it is read. */
    function counting(score: number): { facts: Facts; reads: () => number } {
      let n = 0;
      const facts = Object.defineProperty({}, 'score', {
        enumerable: true,
        get: () => {
          n++;
          return score;
        },
      }) as Facts;
      return { facts, reads: () => n };
    }
    const once = load({ conditions: twice, rules: [rule('r', { all: [{ condition: 'shared' }] })] });
    const twiceRead = load({ conditions: twice, rules: [rule('r', { all: [{ condition: 'shared' }, { condition: 'shared' }] })] });
    for (const score of [0, 2]) {
      const a = counting(score);
      const b = counting(score);
      expect(createDecider(once, 'r')(a.facts)).toBe(score > 1);
      expect(createDecider(twiceRead, 'r')(b.facts)).toBe(score > 1);
      // the check of the facts reads `score` as often for both; the decision once
      expect(b.reads()).toBe(a.reads());
    }
    // each decision starts afresh: a second call with other facts is not answered from the first
    const decide = createDecider(twiceRead, 'r');
    expect(decide({ score: 2 })).toBe(true);
    expect(decide({ score: 0 })).toBe(false);
  });
});

describe('a reference the loader\'s checks would have rejected', () => {
  it('compiles (references are resolved lazily) and fails when reached, naming the condition', () => {
    const definition: RuleSetDefinition = {
      id: 'u',
      domain: 'test',
      title: 'Unchecked',
      effective: { from: '2020-01-01' },
      source: { reference: 'x' },
      rules: [{ id: 'r', title: 'R', conditions: { condition: 'ghost' }, event: { type: 'r' } }],
    };
    const rs = compileRuleSet(definition, { facts: new Map(testFacts.map((f) => [f.name, f])), contentHash: '0'.repeat(64) });
    expect(() => decideRuleSet(rs, {})).toThrow(/unchecked reference to condition ghost/);
    expect(() => evaluateRuleSet(rs, {})).toThrow(/unchecked reference to condition ghost/);
    expect(() => createExplainer(rs, 'r')({}).explanation).toThrow(/unchecked reference to condition ghost/);
  });
});
