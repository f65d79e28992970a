/**
 * One comparison of a fact with a threshold (src/engine/leaf.ts, src/engine/comparators.ts),
 * through the public evaluation functions: every operator at and around its threshold,
 * decided and explained alike; the exact shape of an explanation leaf (which keys it has
 * for a known, missing, path-read or fact-compared value); thresholds read from another
 * fact; exact shares; and the operator's type check of a value read through `path`.
 */
import { describe, expect, it } from 'vitest';
import { createDecider, decideRuleSet, evaluateRuleSet } from '../../src/engine/evaluate.js';
import { exactFigureOf } from '../../src/engine/leaf.js';
import { compileRuleSet } from '../../src/engine/compile.js';
import type { RuleSetDefinition } from '../../src/engine/definition.js';
import type { ConditionInput } from '../../src/engine/grammar.js';
import type { Facts } from '../../src/domain/fact-types.js';
import { Ratio } from '../../src/domain/ratio.js';
import { BoligsocialError } from '../../src/errors.js';
import type { CompiledRuleSet, FactExplanation } from '../../src/engine/types.js';
import { loadTestRuleSetText } from '../support/test-domain.js';
import { testFacts } from '../support/test-facts.js';

const SOURCE = { reference: 'Testkilde' };

/** A rule set of the `test` domain with one rule `r` of these conditions. */
function ruleSet(conditions: unknown, parameters?: Record<string, unknown>): CompiledRuleSet {
  const loaded = loadTestRuleSetText(
    JSON.stringify({ id: 'leaf', domain: 'test', title: 'Blade', effective: { from: '2020-01-01' }, source: SOURCE, ...(parameters ? { parameters } : {}), rules: [{ id: 'r', title: 'R', conditions, event: { type: 'r' } }] }),
    '2020-01-01.json',
  );
  if (!loaded.ok) throw new Error(`does not load: ${JSON.stringify(loaded.errors)}`);
  return loaded.value;
}

/** The one leaf of rule `r` as the explained evaluation gives it, with the evaluation's missing facts. */
function explained(rs: CompiledRuleSet, facts: Facts): { leaf: FactExplanation; missing: readonly string[] } {
  const e = evaluateRuleSet(rs, facts);
  const explanation = e.rules[0]?.explanation;
  if (explanation?.kind !== 'fact') throw new Error('not a leaf');
  return { leaf: explanation, missing: e.missingFacts };
}

function decided(rs: CompiledRuleSet, facts: Facts): boolean | null {
  return decideRuleSet(rs, facts).outcomes.r ?? null;
}

/** The catalogue entries of the `test` domain, as explanations show them. */
const SCORE = { fact: 'score', factType: 'number', description: 'En talscore', unit: 'point' } as const;
const AFDELING = { fact: 'afdeling', factType: 'object', description: 'Et objekt med indlejrede tal, læst med path', unit: 'objekt' } as const;

describe('ordered operators on a number: outcome at, below and above the threshold, decided and explained alike', () => {
  // score against 10, as a literal threshold and as the fact graense
  const cases: readonly [operator: string, score: number, outcome: boolean][] = [
    ['lessThan', 9, true],
    ['lessThan', 10, false],
    ['lessThan', 11, false],
    ['lessThanInclusive', 9, true],
    ['lessThanInclusive', 10, true],
    ['lessThanInclusive', 11, false],
    ['greaterThan', 9, false],
    ['greaterThan', 10, false],
    ['greaterThan', 11, true],
    ['greaterThanInclusive', 9, false],
    ['greaterThanInclusive', 10, true],
    ['greaterThanInclusive', 11, true],
  ];

  it.each(cases)('score %s 10 with score %d is %s; margin is score − 10', (operator, score, outcome) => {
    const rs = ruleSet({ fact: 'score', operator, value: 10 });
    expect(decided(rs, { score })).toBe(outcome);
    expect(createDecider(rs, 'r')({ score })).toBe(outcome);
    const { leaf } = explained(rs, { score });
    expect(leaf).toStrictEqual({ kind: 'fact', outcome, ...SCORE, operator, threshold: { value: 10 }, factValue: score, margin: String(score - 10), source: SOURCE });
  });

  it.each(cases)('score %s the fact graense = 10 with score %d is %s; the threshold shows the fact and its value', (operator, score, outcome) => {
    const rs = ruleSet({ fact: 'score', operator, value: { fact: 'graense' } });
    expect(decided(rs, { score, graense: 10 })).toBe(outcome);
    const { leaf, missing } = explained(rs, { score, graense: 10 });
    expect(leaf).toStrictEqual({ kind: 'fact', outcome, ...SCORE, operator, threshold: { fact: 'graense', unit: 'point', value: 10 }, factValue: score, margin: String(score - 10), source: SOURCE });
    expect(missing).toEqual([]);
  });

  it('a missing threshold fact makes the comparison unknown and is reported missing; the threshold has no value, the leaf no margin', () => {
    const rs = ruleSet({ fact: 'score', operator: 'greaterThan', value: { fact: 'graense' } });
    expect(decided(rs, { score: 5 })).toBeNull();
    const { leaf, missing } = explained(rs, { score: 5, graense: null });
    expect(leaf).toStrictEqual({ kind: 'fact', outcome: null, ...SCORE, operator: 'greaterThan', threshold: { fact: 'graense', unit: 'point' }, factValue: 5, source: SOURCE });
    expect(missing).toEqual(['graense']);
  });

  it('a missing fact makes the comparison unknown: the leaf has neither value nor margin', () => {
    const rs = ruleSet({ fact: 'score', operator: 'greaterThan', value: 10 });
    expect(decided(rs, {})).toBeNull();
    const { leaf, missing } = explained(rs, { score: null });
    expect(leaf).toStrictEqual({ kind: 'fact', outcome: null, ...SCORE, operator: 'greaterThan', threshold: { value: 10 }, source: SOURCE });
    expect(missing).toEqual(['score']);
  });

  it('a parameter threshold shows the parameter, its unit and value', () => {
    const rs = ruleSet({ fact: 'score', operator: 'greaterThanInclusive', value: { parameter: 'minScore' } }, { minScore: { value: 7, unit: 'point', description: 'Mindste score' } });
    expect(explained(rs, { score: 7 }).leaf).toStrictEqual({ kind: 'fact', outcome: true, ...SCORE, operator: 'greaterThanInclusive', threshold: { value: 7, parameter: 'minScore', unit: 'point' }, factValue: 7, margin: '0', source: SOURCE });
  });
});

describe('decimal operators: exact, with literal and fact thresholds', () => {
  it.each([
    ['decimalLessThan', '40.4', true],
    ['decimalLessThan', '40.5', false],
    ['decimalLessThanInclusive', '40.5', true],
    ['decimalLessThanInclusive', '40.50001', false],
    ['decimalGreaterThan', '40.5', false],
    ['decimalGreaterThan', '40.50001', true],
    ['decimalGreaterThanInclusive', '40.5', true],
    ['decimalGreaterThanInclusive', '40.49999', false],
    ['decimalEqual', '40.50', true],
    ['decimalEqual', '40.51', false],
    ['decimalNotEqual', '40.50', false],
    ['decimalNotEqual', '40.51', true],
  ] as const)('ledighedPct %s the fact grundskolePct = "40.5" with %s is %s', (operator, value, outcome) => {
    const rs = ruleSet({ fact: 'ledighedPct', operator, value: { fact: 'grundskolePct' } });
    const facts = { ledighedPct: value, grundskolePct: '40.5' };
    expect(decided(rs, facts)).toBe(outcome);
    const { leaf } = explained(rs, facts);
    expect(leaf.outcome).toBe(outcome);
    expect(leaf.threshold).toStrictEqual({ fact: 'grundskolePct', unit: 'pct.', value: '40.5' });
  });

  it('a number fact compared by a decimal operator with a fact threshold has the exact margin', () => {
    const rs = ruleSet({ fact: 'score', operator: 'decimalGreaterThan', value: { fact: 'ledighedPct' } });
    expect(explained(rs, { score: 41, ledighedPct: '40.75' }).leaf).toMatchObject({ outcome: true, margin: '0.25' });
  });
});

describe('exact shares (Ratio facts)', () => {
  // 1/3 × 100 = 33.333… : above "33.33333333333333333333", though shown to 20 decimals it reads the same
  const third = Ratio.of(1, 3, 100) as Ratio;
  const TWENTY_THREES = '33.33333333333333333333';

  it('against a constant threshold: compared exactly, decided and explained alike', () => {
    const rs = ruleSet({ fact: 'ledighedPct', operator: 'decimalGreaterThan', value: TWENTY_THREES });
    expect(decided(rs, { ledighedPct: third })).toBe(true);
    const { leaf } = explained(rs, { ledighedPct: third });
    expect(leaf).toMatchObject({ outcome: true, factValue: TWENTY_THREES, margin: '0' });
    expect(exactFigureOf(leaf)).toBe(third);
  });

  it('against another fact: compared by its figure, with the margin', () => {
    // 1/2 × 100 = 50 against 40
    const half = Ratio.of(1, 2, 100) as Ratio;
    const rs = ruleSet({ fact: 'ledighedPct', operator: 'decimalGreaterThan', value: { fact: 'grundskolePct' } });
    expect(decided(rs, { ledighedPct: half, grundskolePct: '40' })).toBe(true);
    expect(decided(rs, { ledighedPct: half, grundskolePct: '50' })).toBe(false);
    const { leaf } = explained(rs, { ledighedPct: half, grundskolePct: '40' });
    expect(leaf).toMatchObject({ outcome: true, factValue: '50', margin: '10', threshold: { fact: 'grundskolePct', value: '40' } });
    expect(exactFigureOf(leaf)).toBe(half);
  });

  it('a leaf whose value was not a share has no exact figure', () => {
    const constant = ruleSet({ fact: 'ledighedPct', operator: 'decimalGreaterThan', value: '40' });
    expect(exactFigureOf(explained(constant, { ledighedPct: '41' }).leaf)).toBeUndefined();
    const fact = ruleSet({ fact: 'ledighedPct', operator: 'decimalGreaterThan', value: { fact: 'grundskolePct' } });
    expect(exactFigureOf(explained(fact, { ledighedPct: '41', grundskolePct: '40' }).leaf)).toBeUndefined();
  });
});

describe('the shape of a leaf: path, value, margin, source as given', () => {
  it('a value read through path, against a literal: the leaf names the path', () => {
    const rs = ruleSet({ fact: 'afdeling', path: '/tal/beboere', operator: 'greaterThan', value: 10 });
    expect(explained(rs, { afdeling: { tal: { beboere: 12 } } }).leaf).toStrictEqual({
      kind: 'fact',
      outcome: true,
      ...AFDELING,
      operator: 'greaterThan',
      threshold: { value: 10 },
      path: '/tal/beboere',
      factValue: 12,
      margin: '2',
      source: SOURCE,
    });
  });

  it('a value read through path, against another fact: margin and threshold value', () => {
    const rs = ruleSet({ fact: 'afdeling', path: '/tal/beboere', operator: 'greaterThan', value: { fact: 'beboere' } });
    expect(explained(rs, { afdeling: { tal: { beboere: 12 } }, beboere: 15 }).leaf).toStrictEqual({
      kind: 'fact',
      outcome: false,
      ...AFDELING,
      operator: 'greaterThan',
      threshold: { fact: 'beboere', unit: 'personer', value: 15 },
      path: '/tal/beboere',
      factValue: 12,
      margin: '-3',
      source: SOURCE,
    });
  });

  it('an unordered comparison has no margin', () => {
    const rs = ruleSet({ fact: 'kommune', operator: 'equal', value: 'Aarhus' });
    expect(explained(rs, { kommune: 'Aarhus' }).leaf).toStrictEqual({
      kind: 'fact',
      outcome: true,
      fact: 'kommune',
      factType: 'string',
      description: 'Kommunens navn',
      unit: 'navn',
      operator: 'equal',
      threshold: { value: 'Aarhus' },
      factValue: 'Aarhus',
      source: SOURCE,
    });
  });

  it('an unordered comparison through path names the path, and a missing one has no value', () => {
    const rs = ruleSet({ fact: 'afdeling', path: '/navn', operator: 'equal', value: 'Nord' });
    expect(explained(rs, { afdeling: { navn: 'Syd' } }).leaf).toStrictEqual({ kind: 'fact', outcome: false, ...AFDELING, operator: 'equal', threshold: { value: 'Nord' }, path: '/navn', factValue: 'Syd', source: SOURCE });
    const missing = explained(rs, { afdeling: {} });
    expect(missing.leaf).toStrictEqual({ kind: 'fact', outcome: null, ...AFDELING, operator: 'equal', threshold: { value: 'Nord' }, path: '/navn', source: SOURCE });
    expect(missing.missing).toEqual(['afdeling/navn']);
  });

  it('a threshold read through path that is not a number compares false and gives no margin', () => {
    const rs = ruleSet({ fact: 'score', operator: 'greaterThan', value: { fact: 'afdeling', path: '/graense' } });
    expect(decided(rs, { score: 5, afdeling: { graense: 'høj' } })).toBe(false);
    expect(explained(rs, { score: 5, afdeling: { graense: 'høj' } }).leaf).toStrictEqual({
      kind: 'fact',
      outcome: false,
      ...SCORE,
      operator: 'greaterThan',
      threshold: { fact: 'afdeling/graense', unit: 'objekt', value: 'høj' },
      factValue: 5,
      source: SOURCE,
    });
  });

  it('an object fact compared whole is compared as it is, not type-checked as a path value', () => {
    const rs = ruleSet({ fact: 'afdeling', operator: 'equal', value: 5 });
    expect(decided(rs, { afdeling: { tal: 5 } })).toBe(false);
    expect(explained(rs, { afdeling: { tal: 5 } }).leaf).toMatchObject({ outcome: false, factValue: { tal: 5 } });
  });
});

describe('a leaf without a source (a definition compiled directly, with no file source)', () => {
  const catalogue = new Map(testFacts.map((f) => [f.name, f]));
  function compiled(conditions: ConditionInput): CompiledRuleSet {
    const file: RuleSetDefinition = {
      id: 'kildeloes',
      domain: 'test',
      title: 'Uden kilde',
      effective: { from: '2020-01-01' },
      source: [],
      rules: [{ id: 'r', title: 'R', conditions, event: { type: 'r' } }],
    } as unknown as RuleSetDefinition;
    return compileRuleSet(file, { facts: catalogue, contentHash: '0'.repeat(64) });
  }

  it.each([
    ['a literal threshold', { fact: 'score', operator: 'greaterThan', value: 10 }, { score: 12 }, { ...SCORE, operator: 'greaterThan', threshold: { value: 10 }, factValue: 12, margin: '2' }],
    ['a path', { fact: 'afdeling', path: '/n', operator: 'greaterThan', value: 10 }, { afdeling: { n: 12 } }, { ...AFDELING, operator: 'greaterThan', threshold: { value: 10 }, path: '/n', factValue: 12, margin: '2' }],
    ['an unordered comparison', { fact: 'score', operator: 'equal', value: 12 }, { score: 12 }, { ...SCORE, operator: 'equal', threshold: { value: 12 }, factValue: 12 }],
  ] as const)('with %s has no source key', (_, conditions, facts, leaf) => {
    const rs = compiled(conditions as unknown as ConditionInput);
    expect(explained(rs, facts as Facts).leaf).toStrictEqual({ kind: 'fact', outcome: true, ...leaf });
  });
});

describe('a value read through path is checked against the operator', () => {
  function rejection(run: () => unknown): BoligsocialError {
    try {
      run();
    } catch (error) {
      if (error instanceof BoligsocialError) return error;
      throw error;
    }
    throw new Error('did not throw');
  }

  it.each([
    // decimal operators: a decimal text or a finite number
    ['decimalGreaterThan', '20', '20.5', true],
    ['decimalGreaterThan', '20', 20.5, true],
    ['decimalGreaterThan', '20', '19.5', false],
    // other ordered operators: a number
    ['greaterThan', 20, 20.5, true],
    // equality and membership: a text, a boolean or a number
    ['equal', 'x', 'x', true],
    ['equal', true, true, true],
    ['equal', 3, 3, true],
    ['notEqual', 'x', 'y', true],
    ['in', ['x', 'y'], 'y', true],
    ['notIn', ['x', 'y'], 'y', false],
    // list operators: a list
    ['contains', 'a', ['b', 'a'], true],
    ['doesNotContain', 'a', ['b', 'a'], false],
  ] as const)('%s %j accepts %j (outcome %s)', (operator, value, found, outcome) => {
    const rs = ruleSet({ fact: 'afdeling', path: '/v', operator, value });
    expect(decided(rs, { afdeling: { v: found } })).toBe(outcome);
    expect(explained(rs, { afdeling: { v: found } }).leaf.outcome).toBe(outcome);
  });

  it.each([
    ['decimalGreaterThan', '20', true, 'true'],
    ['decimalGreaterThan', '20', '20,5', '"20,5"'],
    ['greaterThan', 20, '21', '"21"'],
    ['equal', 'x', { a: 1 }, '{"a":1}'],
    ['equal', 'x', ['x'], '["x"]'],
    ['in', ['x'], ['x'], '["x"]'],
    ['contains', 'a', 'a', '"a"'],
  ] as const)('%s %j refuses %j as fact-type, in decisions and explanations', (operator, value, found, json) => {
    const rs = ruleSet({ fact: 'afdeling', path: '/v', operator, value });
    for (const run of [() => decided(rs, { afdeling: { v: found } }), () => explained(rs, { afdeling: { v: found } })]) {
      const e = rejection(run);
      expect(e.code).toBe('fact-type');
      expect(e.message).toBe(`fact afdeling/v has value ${json}, which is not a value operator ${operator} compares`);
    }
  });

  it('in and notIn against a value that is not a list (read through path) are both false', () => {
    for (const operator of ['in', 'notIn']) {
      const rs = ruleSet({ fact: 'kommune', operator, value: { fact: 'afdeling', path: '/kommuner' } });
      expect(decided(rs, { kommune: 'Vejle', afdeling: { kommuner: 'Aarhus og Odense' } }), operator).toBe(false);
      expect(decided(rs, { kommune: 'Vejle', afdeling: { kommuner: ['Aarhus', 'Odense'] } }), operator).toBe(operator === 'notIn');
    }
  });
});

describe('values shown in an explanation are frozen copies, never the caller’s objects', () => {
  it('a list holding objects is copied deeply', () => {
    const inner = { navn: 'a' };
    const rs = ruleSet({ fact: 'afdeling', path: '/liste', operator: 'contains', value: 'a' });
    const { leaf } = explained(rs, { afdeling: { liste: ['a', inner] } });
    expect(leaf.factValue).toEqual(['a', { navn: 'a' }]);
    const shown = leaf.factValue as readonly unknown[];
    expect(shown[1]).not.toBe(inner);
    expect(Object.isFrozen(shown[1])).toBe(true);
    expect(Object.isFrozen(inner)).toBe(false);
  });

  it('a list of scalars is copied and frozen; a list already frozen is shown as it is (no copy needed)', () => {
    const rs = ruleSet({ fact: 'afdeling', path: '/liste', operator: 'contains', value: 'a' });
    const open = ['a', null, 1];
    const shownOpen = explained(rs, { afdeling: { liste: open } }).leaf.factValue;
    expect(shownOpen).toEqual(['a', null, 1]);
    expect(shownOpen).not.toBe(open);
    expect(Object.isFrozen(shownOpen)).toBe(true);
    expect(Object.isFrozen(open)).toBe(false);
    const frozen = Object.freeze(['a', null, 1]);
    expect(explained(rs, { afdeling: { liste: frozen } }).leaf.factValue).toBe(frozen);
  });
});

describe('a definition the loader would have refused, compiled directly', () => {
  const catalogue = new Map(testFacts.map((f) => [f.name, f]));
  function compile(conditions: unknown): CompiledRuleSet {
    const file = { id: 'ukontrolleret', domain: 'test', title: 'Ukontrolleret', effective: { from: '2020-01-01' }, source: SOURCE, rules: [{ id: 'r', title: 'R', conditions, event: { type: 'r' } }] };
    return compileRuleSet(file as unknown as RuleSetDefinition, { facts: catalogue, contentHash: '0'.repeat(64) });
  }

  it.each([
    ['an unknown fact', { fact: 'ukendt', operator: 'greaterThan', value: 1 }, 'unchecked leaf ukendt greaterThan'],
    ['an unknown operator', { fact: 'score', operator: 'størreEnd', value: 1 }, 'unchecked leaf score størreEnd'],
  ])('a leaf of %s is refused when compiled, naming the leaf', (_, leaf, message) => {
    expect(() => compile(leaf)).toThrow(new Error(message));
  });

  it('a threshold fact outside the catalogue is read but not type-checked at the boundary', () => {
    const rs = compile({ fact: 'score', operator: 'equal', value: { fact: 'ukendt' } });
    expect(rs.facts).toEqual(['score', 'ukendt']);
    expect(decided(rs, { score: 5, ukendt: 5 })).toBe(true);
    expect(decided(rs, { score: 5, ukendt: 'fem' } as Facts)).toBe(false);
  });
});
