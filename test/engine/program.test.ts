/** The hidden program beside each compiled rule set (src/engine/program.ts): what is not one is refused. */
import { describe, expect, it } from 'vitest';
import { BoligsocialError } from '../../src/errors.js';
import { decideRuleSet, evaluateRuleSet } from '../../src/engine/evaluate.js';
import { toJsonRulesEngine } from '../../src/engine/json-rules-engine.js';
import { fromTri, negate, toTri } from '../../src/engine/program.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';
import { loadTestRuleSetText } from '../support/test-domain.js';

function ruleSet(): CompiledRuleSet {
  const loaded = loadTestRuleSetText(
    JSON.stringify({ id: 'p', domain: 'test', title: 'P', effective: { from: '2020-01-01' }, source: { reference: 't' }, rules: [{ id: 'r', title: 'R', conditions: { fact: 'score', operator: 'greaterThan', value: 1 }, event: { type: 'r' } }] }),
    '2020-01-01.json',
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

describe('a rule set this package did not compile', () => {
  it.each([
    ['evaluating it', (rs: CompiledRuleSet) => evaluateRuleSet(rs, { score: 2 }), /not a compiled rule set: load rule files with loadRuleSetText/],
    ['deciding it', (rs: CompiledRuleSet) => decideRuleSet(rs, { score: 2 }), /not a compiled rule set/],
    ['exporting it', (rs: CompiledRuleSet) => toJsonRulesEngine(rs), /not a compiled rule set/],
  ])('%s (a copy of a compiled one) is an unknown-rule-set error', (_, use, message) => {
    const real = ruleSet();
    expect(decideRuleSet(real, { score: 2 }).outcomes.r).toBe(true);
    const copy = structuredClone(real);
    let error: unknown;
    try {
      use(copy);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BoligsocialError);
    expect((error as BoligsocialError).code).toBe('unknown-rule-set');
    expect((error as BoligsocialError).message).toMatch(message);
  });
});

describe('three-valued truth', () => {
  it.each([
    [true, false],
    [false, true],
    [null, null],
  ] as const)('not %s is %s, through the engine\'s encoding and back', (t, negated) => {
    expect(fromTri(toTri(t))).toBe(t);
    expect(fromTri(negate(toTri(t)))).toBe(negated);
  });
});
