/**
 * A trusted decider decides from one flat program (`decision-plan.ts`), with `disable`
 * and `override` folded in when it is made: it must decide every rule exactly as the
 * rules' own decision does, for any rule file, any facts, any switched-off rules and
 * conditions, any overridden conditions, and from exact shares as from their Ratios.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRuleSet, trustedDecider } from '../../src/engine/evaluate.js';
import type { Facts } from '../../src/domain/fact-types.js';
import { shareInto, shareOf } from '../../src/domain/ratio.js';
import type { CompiledRuleSet, EvaluateOptions } from '../../src/engine/types.js';
import { FROM_FACTS } from '../../src/engine/program.js';
import { compileTestRuleFile } from '../support/test-domain.js';
import { partialFactsArbitrary, ruleFileArbitrary } from '../support/arbitraries.js';
import { runs } from '../support/runs.js';

/** Random `disable` and `override` options over the rule file's rule ids and condition names. */
function optionsArbitrary(file: Record<string, unknown>): fc.Arbitrary<EvaluateOptions> {
  const ruleIds = (file.rules as { id: string }[]).map((r) => r.id);
  const names = Object.keys(file.conditions as Record<string, unknown>);
  return fc.record({
    disable: fc.subarray([...ruleIds, ...names]),
    override: names.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...names), fc.boolean(), { maxKeys: names.length }),
  });
}

/** The outcomes of `decideRuleSet` in rule order. */
function inRuleOrder(rs: CompiledRuleSet, facts: Facts, options: EvaluateOptions): unknown[] {
  const outcomes = decideRuleSet(rs, facts, options).outcomes;
  return rs.rules.map((r) => outcomes[r.id]);
}

/** Outcomes in rule order as the two masks a decider writes: [decided, true]. */
function masksOf(outcomes: readonly unknown[]): [number, number] {
  let known = 0;
  let met = 0;
  outcomes.forEach((o, i) => {
    if (o !== null) known |= 1 << i;
    if (o === true) met |= 1 << i;
  });
  return [known, met];
}

const DECIMAL_FACTS = ['ledighedPct', 'grundskolePct', 'indkomstPct', 'kriminalitetsfaktor'] as const;

describe('the flat program of a trusted decider', () => {
  it('decides every rule as the rules decide, under any disable and override', () => {
    fc.assert(
      fc.property(
        ruleFileArbitrary().chain((file) => fc.tuple(fc.constant(file), optionsArbitrary(file))),
        partialFactsArbitrary(),
        ([file, options], facts) => {
          const rs = compileTestRuleFile(file);
          const decider = trustedDecider(rs, options);
          const expected = inRuleOrder(rs, facts, options);
          expect(decider.decide(facts)).toEqual(expected);
          // the same outcomes as masks: bit i of the first where rule i is decided, of the second where it is true
          const into = new Int32Array(2);
          decider.masks(facts, undefined, undefined, into);
          expect([...into]).toEqual(masksOf(expected));
        },
      ),
      { numRuns: runs(600) },
    );
  });

  it('decides from exact shares as from the Ratios they are, and from each fact where no share is written', () => {
    const share = fc.record({ n: fc.integer({ min: 0, max: 2000 }), d: fc.integer({ min: 0, max: 2000 }), written: fc.boolean() });
    fc.assert(
      fc.property(
        ruleFileArbitrary().chain((file) => fc.tuple(fc.constant(file), optionsArbitrary(file))),
        partialFactsArbitrary(),
        fc.tuple(share, share, share, share),
        ([file, options], partial, parts) => {
          const rs = compileTestRuleFile(file);
          const facts: Record<string, unknown> = { ...partial };
          const shares = new Float64Array(2 * rs.facts.length).fill(Number.NaN);
          DECIMAL_FACTS.forEach((fact, i) => {
            const { n, d, written } = parts[i] as { n: number; d: number; written: boolean };
            if (n > d) return;
            facts[fact] = shareOf(n, d, 100);
            const slot = rs.facts.indexOf(fact);
            if (written && slot >= 0) expect(shareInto(n, d, 100, shares, 2 * slot)).toBe(true);
          });
          const decider = trustedDecider(rs, options);
          const expected = inRuleOrder(rs, facts as Facts, options);
          expect(decider.decide(facts as Facts, shares)).toEqual(expected);
          // the decider keeps nothing from one call to the next
          expect(decider.decide(facts as Facts, shares)).toEqual(expected);
          const into = new Int32Array(2);
          decider.masks(facts as Facts, shares, undefined, into);
          expect([...into]).toEqual(masksOf(expected));
        },
      ),
      { numRuns: runs(600) },
    );
  });

  it('reads a fact from the values a domain wrote, and from the facts where it wrote FROM_FACTS', () => {
    fc.assert(
      fc.property(
        ruleFileArbitrary().chain((file) => fc.tuple(fc.constant(file), optionsArbitrary(file))),
        partialFactsArbitrary(),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        ([file, options], facts, fromFacts) => {
          const rs = compileTestRuleFile(file);
          // facts that throw when read where the values hold them
          const values = rs.facts.map((name, i) => (fromFacts[i] === true ? FROM_FACTS : facts[name]));
          const guarded: Record<string, unknown> = {};
          for (const [name, value] of Object.entries(facts)) {
            const i = rs.facts.indexOf(name);
            Object.defineProperty(guarded, name, {
              enumerable: true,
              get: () => {
                if (i >= 0 && values[i] !== FROM_FACTS && !name.startsWith('afdeling')) throw new Error(`${name} was read from the facts`);
                return value;
              },
            });
          }
          expect(trustedDecider(rs, options).decide(guarded as Facts, undefined, undefined, values)).toEqual(inRuleOrder(rs, facts, options));
        },
      ),
      { numRuns: runs(400) },
    );
  });

  it('compares a plain fact from the values as each operator does, at and around its constant', () => {
    const leaves = [
      ...['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].map((operator) => ({ fact: 'score', operator, value: 2 })),
      { fact: 'score', operator: 'greaterThanInclusive', value: { parameter: 'minScore' } },
      { fact: 'kommune', operator: 'in', value: ['Aarhus', 'Odense'] },
      { fact: 'kommune', operator: 'notIn', value: ['Aarhus', 'Odense'] },
      { fact: 'kommune', operator: 'equal', value: 'Aarhus' },
      { fact: 'maerker', operator: 'contains', value: 'b' },
      { fact: 'maerker', operator: 'doesNotContain', value: 'b' },
      { fact: 'aktiv', operator: 'notEqual', value: true },
    ];
    const rs = compileTestRuleFile({
      id: 'vaerdier',
      domain: 'test',
      title: 'Værdier',
      effective: { from: '2020-01-01' },
      source: { reference: 'Testkilde' },
      parameters: { minScore: { value: 2, unit: 'point', description: 'En grænse' } },
      rules: leaves.map((leaf, i) => ({ id: `r${i}`, title: `R${i}`, conditions: leaf, event: { type: `r${i}` } })),
    });
    const decider = trustedDecider(rs);
    for (const score of [1, 2, 3, undefined])
      for (const kommune of ['Aarhus', 'København', undefined])
        for (const maerker of [['a', 'b'], ['c'], undefined])
          for (const aktiv of [true, false, undefined]) {
            const facts = { score, kommune, maerker, aktiv } as Facts;
            const values = rs.facts.map((name) => facts[name]);
            expect(decider.decide({}, undefined, undefined, values)).toEqual(inRuleOrder(rs, facts, {}));
          }
  });

  it('writes masks for 30 rules, the last at bit 29, and refuses 31 rather than wrap', () => {
    const file = (count: number): Record<string, unknown> => ({
      id: 'mange',
      domain: 'test',
      title: 'Mange regler',
      effective: { from: '2020-01-01' },
      source: { reference: 'Testkilde' },
      rules: Array.from({ length: count }, (_, i) => ({ id: `r${i}`, title: `R${i}`, conditions: { fact: 'score', operator: 'greaterThan', value: i }, event: { type: `r${i}` } })),
    });
    const into = new Int32Array(2);
    trustedDecider(compileTestRuleFile(file(30))).masks({ score: 29 } as Facts, undefined, undefined, into);
    expect([...into]).toEqual([2 ** 30 - 1, 2 ** 29 - 1]);
    trustedDecider(compileTestRuleFile(file(30))).masks({} as Facts, undefined, undefined, into);
    expect([...into]).toEqual([0, 0]);
    expect(() => trustedDecider(compileTestRuleFile(file(31))).masks({ score: 1 } as Facts, undefined, undefined, into)).toThrow(/31 rules/);
  });

  it('decides a named condition referenced twice once, and a switched-off rule as false without deciding it', () => {
    const file = {
      id: 'plan',
      domain: 'test',
      title: 'Plan',
      effective: { from: '2020-01-01' },
      source: { reference: 'Testkilde' },
      conditions: { hoej: { title: 'Høj', condition: { fact: 'score', operator: 'greaterThan', value: 1 } } },
      rules: [
        { id: 'a', title: 'A', conditions: { all: [{ condition: 'hoej' }, { not: { condition: 'hoej' } }] }, event: { type: 'a' } },
        { id: 'b', title: 'B', conditions: { any: [{ condition: 'hoej' }] }, event: { type: 'b' } },
      ],
    };
    const rs = compileTestRuleFile(file);
    let reads = 0;
    const facts = Object.defineProperty({}, 'score', {
      enumerable: true,
      get: () => {
        reads++;
        return 2;
      },
    }) as Facts;
    expect(trustedDecider(rs).decide(facts)).toEqual([false, true]);
    expect(reads).toBe(1);
    reads = 0;
    expect(trustedDecider(rs, { disable: ['a', 'b'] }).decide(facts)).toEqual([false, false]);
    expect(reads).toBe(0);
    expect(trustedDecider(rs, { override: { hoej: false } }).decide(facts)).toEqual([false, false]);
    expect(reads).toBe(0);
  });
});
