/**
 * createParameterExplainer: the comparisons with one parameter, explained without the
 * trees. They are the leaves evaluateRuleSet's trees hold for that parameter — by hand on
 * a small file (a named condition referenced twice, one never referenced, one switched
 * off, the parameter as an atLeast count), and for every threshold parameter of the
 * shipped screening rules over the facts of generated afdelinger, with and without each
 * named condition switched off.
 */
import { describe, expect, it } from 'vitest';
import { generateAfdelinger } from '../../fixtures/screening/generator.js';
import { createParameterExplainer, evaluateRuleSet } from '../../src/engine/evaluate.js';
import type { CompiledRuleSet, ExplanationNode, FactExplanation } from '../../src/engine/types.js';
import type { Facts } from '../../src/domain/fact-types.js';
import { exactPeriodFacts } from '../../src/screening/facts.js';
import { validateAfdeling } from '../../src/screening/validate.js';
import { bundledRegistry } from '../../src/shipped.js';
import { loadTestRuleSetText } from '../support/test-domain.js';

function leavesOf(node: ExplanationNode, out: FactExplanation[] = []): FactExplanation[] {
  if (node.kind === 'fact') out.push(node);
  else if (node.kind === 'not') leavesOf(node.child, out);
  else if (node.kind === 'condition') {
    if (node.child !== undefined) leavesOf(node.child, out);
  } else for (const c of node.children) leavesOf(c, out);
  return out;
}

/** The distinct comparisons with `parameter` in the trees, as JSON (a shared subtree holds the same comparison more than once). */
function fromTrees(ruleSet: CompiledRuleSet, facts: Facts, parameter: string, disable: readonly string[] = []): string[] {
  const evaluation = evaluateRuleSet(ruleSet, facts, { disable });
  const all = evaluation.rules.flatMap((r) => leavesOf(r.explanation)).filter((l) => l.threshold.parameter === parameter);
  return [...new Set(all.map((l) => JSON.stringify(l)))].sort();
}

function fromExplainer(ruleSet: CompiledRuleSet, facts: Facts, parameter: string, disable: readonly string[] = []): string[] {
  return createParameterExplainer(ruleSet, parameter, { disable })(facts)
    .map((l) => JSON.stringify(l))
    .sort();
}

const FILE = JSON.stringify({
  id: 'parametre',
  domain: 'test',
  title: 'Parametre',
  effective: { from: '2020-01-01' },
  source: { reference: 't' },
  parameters: {
    maxLedighed: { value: '40', unit: 'pct.', description: 'Ledighed' },
    maxGrundskole: { value: '50', unit: 'pct.', description: 'Grundskole' },
    minAntal: { value: 1, unit: 'kriterier', description: 'Antal' },
  },
  conditions: {
    ledig: { title: 'Ledig', condition: { fact: 'ledighedPct', operator: 'decimalGreaterThan', value: { parameter: 'maxLedighed' } } },
    grundskole: { title: 'Grundskole', condition: { fact: 'grundskolePct', operator: 'decimalGreaterThan', value: { parameter: 'maxGrundskole' } } },
    ubrugt: { title: 'Ubrugt', condition: { fact: 'indkomstPct', operator: 'decimalLessThan', value: { parameter: 'maxLedighed' } } },
  },
  rules: [
    { id: 'a', title: 'A', conditions: { all: [{ condition: 'ledig' }, { condition: 'grundskole' }] }, event: { type: 'a' } },
    { id: 'b', title: 'B', conditions: { atLeast: { parameter: 'minAntal' }, of: [{ condition: 'ledig' }, { fact: 'ledighedPct', operator: 'decimalGreaterThanInclusive', value: { parameter: 'maxLedighed' } }] }, event: { type: 'b' } },
  ],
});

describe('createParameterExplainer', () => {
  const loaded = loadTestRuleSetText(FILE, '2020-01-01.json');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const ruleSet = loaded.value;
  const facts = { ledighedPct: '41.5', grundskolePct: '12', indkomstPct: '70' };

  it('explains each comparison with the parameter the rules reach, once, and none in a condition no rule references', () => {
    const leaves = createParameterExplainer(ruleSet, 'maxLedighed')(facts);
    // 'ledig' (referenced by both rules) and rule b's own leaf; not 'ubrugt'
    expect(leaves.map((l) => [l.fact, l.operator, l.factValue, l.margin, l.outcome]).sort()).toEqual([
      ['ledighedPct', 'decimalGreaterThan', '41.5', '1.5', true],
      ['ledighedPct', 'decimalGreaterThanInclusive', '41.5', '1.5', true],
    ]);
    expect(fromExplainer(ruleSet, facts, 'maxLedighed')).toEqual(fromTrees(ruleSet, facts, 'maxLedighed'));
    expect(Object.isFrozen(leaves)).toBe(true);
  });

  it('leaves out the comparisons in a switched-off condition, as the trees do, and keeps those of a switched-off rule', () => {
    expect(createParameterExplainer(ruleSet, 'maxLedighed', { disable: ['ledig'] })(facts).map((l) => l.operator)).toEqual(['decimalGreaterThanInclusive']);
    expect(fromExplainer(ruleSet, facts, 'maxLedighed', ['ledig'])).toEqual(fromTrees(ruleSet, facts, 'maxLedighed', ['ledig']));
    expect(fromExplainer(ruleSet, facts, 'maxLedighed', ['b'])).toEqual(fromTrees(ruleSet, facts, 'maxLedighed', ['b']));
    expect(fromExplainer(ruleSet, facts, 'maxLedighed', ['b']).length).toBe(2);
  });

  it('has no comparison for a parameter that is a count, or that no leaf names, and says when a figure is missing', () => {
    expect(createParameterExplainer(ruleSet, 'minAntal')(facts)).toEqual([]);
    expect(createParameterExplainer(ruleSet, 'ingenSteder')(facts)).toEqual([]);
    const [missing] = createParameterExplainer(ruleSet, 'maxGrundskole')({ ledighedPct: '41.5' });
    expect(missing?.outcome).toBeNull();
    expect(missing?.factValue).toBeUndefined();
  });

  it('checks the facts and the names switched off as evaluateRuleSet does', () => {
    expect(() => createParameterExplainer(ruleSet, 'maxLedighed', { disable: ['ledgi'] })).toThrow(/did you mean ledig/);
    expect(() => createParameterExplainer(ruleSet, 'maxLedighed')({ ledighedPct: Number.NaN })).toThrow();
  });

  it('gives, for every threshold of the shipped screening rules and generated afdelinger, the comparisons the trees hold', () => {
    const screening = bundledRegistry().inForce('screening', '2024-12-01');
    const parameters = Object.keys(screening.parameters);
    const periods = generateAfdelinger(60, { seed: 61 }).flatMap((input) => {
      const r = validateAfdeling(input);
      if (!r.ok) throw new Error('generated afdeling does not validate');
      return r.value.perioder.map((p) => exactPeriodFacts(r.value, p, { minTryghedRespondenter: 10 }).facts);
    });
    let compared = 0;
    for (const disable of [[], ...Object.keys(screening.conditions).map((c) => [c])]) {
      for (const parameter of parameters) {
        for (const f of periods.slice(0, disable.length === 0 ? periods.length : 12)) {
          const expected = fromTrees(screening, f, parameter, disable);
          expect(fromExplainer(screening, f, parameter, disable), `${parameter} without ${disable.join()}`).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
