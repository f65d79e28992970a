/**
 * The boundary check scans each decimal and integer fact once, and a leaf comparing it
 * with a constant threshold decides from what was scanned: no second read of the fact and
 * no second scan. These tests pin what that must not change (the outcome, for every kind
 * of figure the fast path refuses as well as those it takes) and what it adds (a fact is
 * read once, so a getter that changes its answer cannot make the decision disagree with
 * the check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecider, createExplainer, decideRuleSet, evaluateRuleSet } from '../../src/engine/evaluate.js';
import type { Facts } from '../../src/domain/fact-types.js';
import { BoligsocialError } from '../../src/errors.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';
import { compileRuleSet } from '../../src/engine/compile.js';
import type { RuleSetDefinition } from '../../src/engine/definition.js';
import { loadTestRuleSetText } from '../support/test-domain.js';
import { testFacts } from '../support/test-facts.js';
import { runs } from '../support/runs.js';

/** A rule set of the `test` domain: `r` is every leaf given, all of them. */
function ruleSet(...leaves: readonly unknown[]): CompiledRuleSet {
  const loaded = loadTestRuleSetText(
    JSON.stringify({ id: 'scan', domain: 'test', title: 'Scannede fakta', effective: { from: '2020-01-01' }, source: { reference: 'Testkilde' }, rules: [{ id: 'r', title: 'R', conditions: { all: leaves }, event: { type: 'r' } }] }),
    '2020-01-01.json',
  );
  if (!loaded.ok) throw new Error(`does not load: ${JSON.stringify(loaded.errors)}`);
  return loaded.value;
}

/** Facts whose `name` is a getter answering `first` the first time and `later` after: and how often it was read. */
function shifting(name: string, first: unknown, later: unknown, rest: Record<string, unknown> = {}): { facts: Facts; reads: () => number } {
  let reads = 0;
  const facts = { ...rest };
  Object.defineProperty(facts, name, { enumerable: true, get: () => (reads++ === 0 ? first : later) });
  return { facts: facts as Facts, reads: () => reads };
}

describe('a fact the check scanned is not read again', () => {
  const rs = ruleSet({ fact: 'ledighedPct', operator: 'decimalGreaterThan', value: '40' }, { fact: 'beboere', operator: 'greaterThanInclusive', value: 1000 });

  it.each([
    ['createDecider', (facts: Facts) => createDecider(rs, 'r')(facts)],
    ['decideRuleSet', (facts: Facts) => decideRuleSet(rs, facts).outcomes.r ?? null],
    ['createExplainer', (facts: Facts) => createExplainer(rs, 'r')(facts).outcome],
  ])('%s decides from the value the check saw and read once', (_, decide) => {
    const ledighed = shifting('ledighedPct', '45.5', '10', { beboere: 1200 });
    expect(decide(ledighed.facts)).toBe(true);
    expect(ledighed.reads()).toBe(1);
    const beboere = shifting('beboere', 1200, 10, { ledighedPct: '45.5' });
    expect(decide(beboere.facts)).toBe(true);
    expect(beboere.reads()).toBe(1);
  });

  it('a figure the scanner does not take (over 15 digits, a fraction given as a number) is read again and decided exactly', () => {
    const decide = createDecider(rs, 'r');
    // 16 digits: past the scanner, decided by the general comparison
    expect(decide({ ledighedPct: '40.0000000000000001', beboere: 1000 })).toBe(true);
    expect(decide({ ledighedPct: '40.00000000000000', beboere: 1000 })).toBe(false);
    expect(decide({ ledighedPct: 40.5, beboere: 1000 })).toBe(true);
    // beyond 10^15 an integer is not scanned either
    expect(decide({ ledighedPct: '41', beboere: 2 ** 53 })).toBe(true);
    expect(decide({ ledighedPct: '41', beboere: -(2 ** 53) })).toBe(false);
  });

  it('a missing or inherited fact is unknown, as before', () => {
    const decide = createDecider(rs, 'r');
    expect(decide({ beboere: 1200 })).toBeNull();
    expect(decide(Object.create({ ledighedPct: '45' }) as Facts)).toBeNull();
    expect(decide({ ledighedPct: null, beboere: 1200 })).toBeNull();
  });
});

describe('facts in the order of the rule set: each leaf finds its own', () => {
  // four decimal facts and a number, each against its own threshold; one false at a time
  const rs = ruleSet(
    { fact: 'ledighedPct', operator: 'decimalGreaterThan', value: '40' },
    { fact: 'grundskolePct', operator: 'decimalGreaterThan', value: '60' },
    { fact: 'indkomstPct', operator: 'decimalLessThan', value: '55' },
    { fact: 'kriminalitetsfaktor', operator: 'decimalGreaterThanInclusive', value: '3' },
    { fact: 'beboere', operator: 'greaterThanInclusive', value: 1000 },
  );
  const met = { ledighedPct: '41', grundskolePct: '61', indkomstPct: '54', kriminalitetsfaktor: '3', beboere: 1000 };
  const broken = { ledighedPct: '40', grundskolePct: '60', indkomstPct: '55', kriminalitetsfaktor: '2.99', beboere: 999 };

  it.each(Object.keys(met))('breaking %s alone makes the rule false', (name) => {
    const decide = createDecider(rs, 'r');
    expect(decide(met)).toBe(true);
    expect(decide({ ...met, [name]: broken[name as keyof typeof broken] })).toBe(false);
  });
});

describe('a fact outside the catalogue, read as a threshold (a definition the loader would refuse, compiled directly)', () => {
  const file = { id: 'ukontrolleret', domain: 'test', title: 'Ukontrolleret', effective: { from: '2020-01-01' }, source: { reference: 'Testkilde' }, rules: [{ id: 'r', title: 'R', conditions: { fact: 'score', operator: 'equal', value: { fact: 'ukendt' } }, event: { type: 'r' } }] };
  const rs = compileRuleSet(file as unknown as RuleSetDefinition, { facts: new Map(testFacts.map((f) => [f.name, f])), contentHash: '0'.repeat(64) });

  it.each([
    ['NaN', Number.NaN],
    ['a BigInt', 5n],
    ['a function', () => 5],
  ])('must still be a JSON value: %s is refused as input-invalid', (_, value) => {
    const decide = () => decideRuleSet(rs, { score: 5, ukendt: value } as unknown as Facts);
    expect(decide).toThrow(BoligsocialError);
    expect(decide).toThrow(/fact ukendt/);
  });

  it('is copied into the explanation a per-rule explainer builds later', () => {
    const r = createExplainer(rs, 'r')({ score: 5, ukendt: 5 });
    expect(r.outcome).toBe(true);
    expect(r.missingFacts).toEqual([]);
    expect(r.explanation).toEqual(evaluateRuleSet(rs, { score: 5, ukendt: 5 }).rules[0]?.explanation);
  });
});

describe('law: the scanned decision is the explained one', () => {
  // figures on both sides of every threshold, of every length the scanner takes and past it
  const figure = fc.oneof(
    fc.integer({ min: -99_999, max: 99_999 }).chain((n) => fc.integer({ min: 0, max: 17 }).map((s) => (s === 0 ? String(n) : (n / 10 ** s).toFixed(s)))),
    fc.integer({ min: -100, max: 100 }),
    fc.double({ min: -100, max: 100, noNaN: true }),
  );
  const threshold = fc.oneof(fc.constantFrom('40', '40.5', '-3', '0', '0.000001', '12.345678901234'), fc.integer({ min: -50, max: 50 }).map(String));
  const operator = fc.constantFrom('decimalEqual', 'decimalNotEqual', 'decimalLessThan', 'decimalLessThanInclusive', 'decimalGreaterThan', 'decimalGreaterThanInclusive');

  it('for a decimal fact against any numeric threshold, decided as evaluateRuleSet explains it', () => {
    fc.assert(
      fc.property(figure, threshold, operator, (value, limit, op) => {
        const rs = ruleSet({ fact: 'ledighedPct', operator: op, value: limit });
        const facts = { ledighedPct: value } as Facts;
        const explained = evaluateRuleSet(rs, facts).outcomes.r;
        expect(createDecider(rs, 'r')(facts)).toBe(explained);
        expect(decideRuleSet(rs, facts).outcomes.r).toBe(explained);
      }),
      { numRuns: runs(300) },
    );
  });

  it('for a number fact against a number threshold, decided as evaluateRuleSet explains it', () => {
    const count = fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.double({ min: -2000, max: 2000, noNaN: true }), fc.constantFrom(2 ** 53, -(2 ** 53), 1e15, 1e15 - 1));
    const limit = fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.double({ min: -2000, max: 2000, noNaN: true }), fc.constantFrom(0.1, 999.5, 1e15 - 1));
    const ordered = fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive');
    fc.assert(
      fc.property(count, limit, ordered, (value, bound, op) => {
        const rs = ruleSet({ fact: 'beboere', operator: op, value: bound });
        const facts = { beboere: value };
        const explained = evaluateRuleSet(rs, facts).outcomes.r;
        expect(explained).toBe(op === 'lessThan' ? value < bound : op === 'lessThanInclusive' ? value <= bound : op === 'greaterThan' ? value > bound : value >= bound);
        expect(createDecider(rs, 'r')(facts)).toBe(explained);
      }),
      { numRuns: runs(300) },
    );
  });
});
