/**
 * One rule's explanation from `createExplainer` (src/engine/rule-explanation.ts): the
 * rule's optional fields present exactly when it has them, on the lazy result and on its
 * plain form, and the tree built from the facts copied at the decision.
 */
import { describe, expect, it } from 'vitest';
import { createExplainer, evaluateRuleSet } from '../../src/engine/evaluate.js';
import { explainedRule } from '../../src/engine/rule-explanation.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';
import { loadTestRuleSetText } from '../support/test-domain.js';

function ruleSet(): CompiledRuleSet {
  const loaded = loadTestRuleSetText(
    JSON.stringify({
      id: 'forklaring',
      domain: 'test',
      title: 'Forklaring',
      effective: { from: '2020-01-01' },
      source: { reference: 'Filens kilde' },
      rules: [
        { id: 'fuld', title: 'Fuld', description: 'Reglens beskrivelse', source: { reference: 'Reglens kilde', url: 'https://example.org' }, conditions: { fact: 'score', operator: 'greaterThan', value: 1 }, event: { type: 'fuld' } },
        { id: 'bar', title: 'Bar', conditions: { all: [{ fact: 'score', operator: 'greaterThan', value: 1 }, { fact: 'afdeling', path: '/tal', operator: 'equal', value: 3 }] }, event: { type: 'bar' } },
      ],
    }),
    '2020-01-01.json',
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

describe('createExplainer results', () => {
  it('carry the rule\'s description and source when it has them, as own fields, and in their plain form', () => {
    const rs = ruleSet();
    const r = createExplainer(rs, 'fuld')({ score: 2 });
    expect(r).toMatchObject({ id: 'fuld', title: 'Fuld', description: 'Reglens beskrivelse', source: { reference: 'Reglens kilde', url: 'https://example.org' }, outcome: true });
    expect(Object.hasOwn(r, 'description') && Object.hasOwn(r, 'source')).toBe(true);
    expect(Object.hasOwn(r, 'disabled')).toBe(false);
    const plain = explainedRule(r);
    expect(Object.keys(plain)).toEqual(['id', 'title', 'event', 'outcome', 'explanation', 'description', 'source', 'ruleSet', 'missingFacts']);
    expect(plain).toMatchObject({ description: 'Reglens beskrivelse', source: { reference: 'Reglens kilde' } });
  });

  it('have no description, source or disabled key when the rule has none and is not disabled', () => {
    const rs = ruleSet();
    const r = createExplainer(rs, 'bar')({ score: 2, afdeling: { tal: 3 } });
    expect(r.outcome).toBe(true);
    for (const key of ['description', 'source', 'disabled']) {
      expect(Object.hasOwn(r, key), key).toBe(false);
      expect(Object.hasOwn(explainedRule(r), key), key).toBe(false);
    }
    expect(Object.keys(explainedRule(r))).toEqual(['id', 'title', 'event', 'outcome', 'explanation', 'ruleSet', 'missingFacts']);
  });

  it('a disabled rule is false and marked, in the plain form too', () => {
    const rs = ruleSet();
    const r = createExplainer(rs, 'fuld', { disable: ['fuld'] })({ score: 2 });
    expect(r).toMatchObject({ outcome: false, disabled: true });
    expect(explainedRule(r)).toMatchObject({ outcome: false, disabled: true });
  });

  it('explain from the copied facts exactly as the eager evaluation, missing facts included', () => {
    const rs = ruleSet();
    for (const facts of [{ score: 2, afdeling: { tal: 3 } }, { score: 2 }, { afdeling: {} }, {}]) {
      const r = createExplainer(rs, 'bar')(facts);
      const eager = evaluateRuleSet(rs, facts);
      expect(r.explanation).toEqual(eager.rules[1]?.explanation);
      // both rules read score, and only "bar" reads afdeling: the rule set's missing facts are this rule's
      expect(r.missingFacts).toEqual(eager.missingFacts);
    }
    expect(createExplainer(rs, 'bar')({}).missingFacts).toEqual(['afdeling/tal', 'score']);
    expect(createExplainer(rs, 'bar')({ score: 2, afdeling: { tal: 3 } }).missingFacts).toEqual([]);
  });
});
