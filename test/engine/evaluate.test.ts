import { describe, expect, it } from 'vitest';
import { BoligsocialError } from '../../src/errors.js';
import { createDecider, createExplainer, decideRuleSet, dependsOnCondition, evaluateRuleSet, trustedDecider } from '../../src/engine/evaluate.js';
import { explainedRule } from '../../src/engine/rule-explanation.js';
import type { Facts } from '../../src/domain/fact-types.js';
import type { AtLeastExplanation, ExplanationNode, FactExplanation, JunctionExplanation } from '../../src/engine/types.js';
import { loadRuleSetText } from '../../src/shipped.js';
import { withTestDomain } from '../support/test-domain.js';
import { demoRuleSet } from '../support/demo.js';

const rs = demoRuleSet();
const complete = { beboere: 1200, ledighedPct: '41', kriminalitetsfaktor: '2', grundskolePct: '61', indkomstPct: '60' };

function leaves(node: ExplanationNode): FactExplanation[] {
  switch (node.kind) {
    case 'fact':
      return [node];
    case 'all':
    case 'any':
    case 'atLeast':
      return node.children.flatMap(leaves);
    case 'not':
      return leaves(node.child);
    case 'condition':
      return node.child ? leaves(node.child) : [];
  }
}

describe('evaluateRuleSet', () => {
  it('decides and explains each leaf with value, threshold, margin and source', () => {
    const e = evaluateRuleSet(rs, complete);
    expect(e.outcomes).toEqual({ udsat: true });
    expect(e.ruleSet).toMatchObject({ id: 'demo', version: '2018-12-01' });
    const byFact = Object.fromEntries(leaves(e.rules[0]!.explanation).map((l) => [l.fact, l]));
    expect(byFact.ledighedPct).toMatchObject({ outcome: true, factValue: '41', operator: 'decimalGreaterThan', threshold: { value: '40', parameter: 'ledighedPct', unit: 'pct.' }, margin: '1' });
    expect(byFact.ledighedPct?.source?.reference).toBe('§ 61 a, stk. 1, nr. 1');
    expect(byFact.indkomstPct).toMatchObject({ outcome: false, margin: '5' });
    expect(byFact.beboere).toMatchObject({ outcome: true, margin: '200', source: { reference: 'Almenboligloven § 61 a, stk. 1 (lov nr. 1322 af 27.11.2018)' } });
  });

  it('counts "mindst k af n" in the explanation', () => {
    const e = evaluateRuleSet(rs, { ...complete, kriminalitetsfaktor: undefined });
    const all = e.rules[0]!.explanation as JunctionExplanation;
    const atLeast = all.children[1] as AtLeastExplanation;
    expect(atLeast).toMatchObject({ kind: 'atLeast', required: 2, parameter: 'minKriterier', met: 2, unknown: 1, total: 4, outcome: true });
  });

  it('treats exact boundaries as the law words them (> strict, ≥ inclusive, < strict)', () => {
    const at = { beboere: 1000, ledighedPct: '40.0', kriminalitetsfaktor: '3.0', grundskolePct: '60', indkomstPct: '55.00' };
    const e = evaluateRuleSet(rs, at);
    const byFact = Object.fromEntries(leaves(e.rules[0]!.explanation).map((l) => [l.fact, l.outcome]));
    expect(byFact).toEqual({ beboere: true, ledighedPct: false, kriminalitetsfaktor: true, grundskolePct: false, indkomstPct: false });
  });

  it('compares decimals exactly, beyond what a double can hold', () => {
    const e = decideRuleSet(rs, { ...complete, ledighedPct: '40.0000000000000000001', grundskolePct: '60', indkomstPct: '55' });
    // only ledighed (by 1e-19) and nothing else: one criterion, not two
    expect(e.outcomes.udsat).toBe(false);
    const e2 = decideRuleSet(rs, { ...complete, ledighedPct: '40.0000000000000000001', grundskolePct: '60.0000000000000000001', indkomstPct: '55' });
    expect(e2.outcomes.udsat).toBe(true);
    expect(decideRuleSet(rs, { ...complete, ledighedPct: '40.00000000000000000000', grundskolePct: '60', indkomstPct: '55' }).outcomes.udsat).toBe(false);
  });

  it('makes a missing fact unknown, never false, and lists it', () => {
    const e = evaluateRuleSet(rs, { beboere: 1200, ledighedPct: '41' });
    expect(e.outcomes.udsat).toBeNull();
    expect(e.missingFacts).toEqual(['grundskolePct', 'indkomstPct', 'kriminalitetsfaktor']);
    expect(decideRuleSet(rs, { beboere: 1200, ledighedPct: '41' }).missingFacts).toEqual(e.missingFacts);
  });

  it('lets a known false decide despite unknowns (Kleene)', () => {
    expect(decideRuleSet(rs, { beboere: 999 }).outcomes.udsat).toBe(false);
  });

  it('rejects a fact of the wrong type with a typed error', () => {
    expect(() => evaluateRuleSet(rs, { ...complete, beboere: '1200' })).toThrow(BoligsocialError);
    expect(() => decideRuleSet(rs, { ...complete, ledighedPct: '41,5' })).toThrow(/ledighedPct/);
  });

  it('never mutates its input and returns a deeply frozen result', () => {
    const facts = { ...complete };
    const snapshot = JSON.stringify(facts);
    const e = evaluateRuleSet(rs, facts);
    expect(JSON.stringify(facts)).toBe(snapshot);
    expect(Object.isFrozen(facts)).toBe(false);
    expect(Object.isFrozen(e)).toBe(true);
    expect(Object.isFrozen(e.rules[0]!.explanation)).toBe(true);
    expect(Object.isFrozen(leaves(e.rules[0]!.explanation)[0])).toBe(true);
  });
});

describe('disable, override and dependsOnCondition', () => {
  it('a disabled condition counts as not met and is marked', () => {
    const e = evaluateRuleSet(rs, { ...complete, grundskolePct: '50' }, { disable: ['ledighed'] });
    expect(e.outcomes.udsat).toBe(false);
    expect(JSON.stringify(e.rules[0]!.explanation)).toContain('"disabled":true');
    expect(e.disabled).toEqual(['ledighed']);
  });

  it('a disabled rule is false', () => {
    expect(decideRuleSet(rs, complete, { disable: ['udsat'] }).outcomes.udsat).toBe(false);
  });

  it('rejects an unknown id with a suggestion', () => {
    expect(() => decideRuleSet(rs, complete, { disable: ['ledighd'] })).toThrow(/did you mean ledighed/);
  });

  it('says whether a rule depends on a criterion', () => {
    // two criteria met (ledighed, grundskole): removing ledighed flips the outcome
    expect(dependsOnCondition(rs, complete, 'ledighed')).toEqual({ udsat: true });
    // three criteria met: one more or less changes nothing
    expect(dependsOnCondition(rs, { ...complete, indkomstPct: '50' }, 'ledighed')).toEqual({ udsat: false });
  });
});

describe('createDecider', () => {
  it('decides one rule as decideRuleSet does', () => {
    const decide = createDecider(rs, 'udsat');
    for (const facts of [complete, { beboere: 999 }, { beboere: 1200, ledighedPct: '41' }]) {
      expect(decide(facts)).toBe(decideRuleSet(rs, facts).outcomes.udsat);
    }
  });

  it('rejects an unknown rule id', () => {
    expect(() => createDecider(rs, 'udsatt')).toThrow(/did you mean udsat/);
  });
});

describe('createExplainer', () => {
  it('explains one rule exactly as evaluateRuleSet does, with the rule set and its missing facts', () => {
    const explain = createExplainer(rs, 'udsat');
    for (const facts of [complete, { beboere: 999 }, { beboere: 1200, ledighedPct: '41' }, {}]) {
      const evaluation = evaluateRuleSet(rs, facts);
      const r = explain(facts);
      const eager = { ...evaluation.rules[0], ruleSet: evaluation.ruleSet, missingFacts: evaluation.missingFacts };
      expect(explainedRule(r)).toEqual(eager);
      expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify(eager)));
      // the same keys in the same order as the eager result, so JSON reads as before
      expect(Object.keys(JSON.parse(JSON.stringify(r)) as object)).toEqual(Object.keys(eager));
      expect(Object.isFrozen(r)).toBe(true);
      expect(Object.isFrozen(explainedRule(r))).toBe(true);
    }
    expect(explain({ beboere: 1200, ledighedPct: '41' }).missingFacts).toEqual(['grundskolePct', 'indkomstPct', 'kriminalitetsfaktor']);
  });

  it('builds the tree on first read, once, from the facts as they were when the rule was decided', () => {
    const explain = createExplainer(rs, 'udsat');
    const facts: Record<string, unknown> = { ...complete };
    const before = evaluateRuleSet(rs, complete).rules[0];
    const r = explain(facts as Facts);
    // the caller changes its facts after the decision: the answer does not change
    facts.beboere = 10;
    delete facts.ledighedPct;
    expect(r.outcome).toBe(before?.outcome);
    expect(r.explanation).toEqual(before?.explanation);
    expect(r.explanation).toBe(r.explanation);
    expect(r.missingFacts).toEqual([]);
  });

  it('a spread copies the rule, outcome and rule set; the tree and missing facts are read through the getters', () => {
    const r = createExplainer(rs, 'udsat')({ beboere: 1200 });
    const { explanation, missingFacts, ...rest } = explainedRule(r);
    expect({ ...r }).toEqual(rest);
    expect(explanation).toBe(r.explanation);
    expect(missingFacts).toBe(r.missingFacts);
  });

  it('honours disable and override, and rejects an unknown rule id', () => {
    expect(explainedRule(createExplainer(rs, 'udsat', { disable: ['udsat'] })(complete))).toMatchObject({ outcome: false, disabled: true });
    const forced = createExplainer(rs, 'udsat', { override: { ledighed: true, kriminalitet: true } })({ beboere: 1200 });
    expect(forced.outcome).toBe(true);
    expect(forced.explanation).toEqual(evaluateRuleSet(rs, { beboere: 1200 }, { override: { ledighed: true, kriminalitet: true } }).rules[0]?.explanation);
    expect(() => createExplainer(rs, 'udsatt')).toThrow(/did you mean udsat/);
  });
});

describe('path, fact references and not', () => {
  const text = JSON.stringify({
    id: 'sti',
    domain: 'test',
    title: 'Sti og faktareferencer',
    effective: { from: '2020-01-01' },
    source: { reference: 'Test' },
    rules: [
      {
        id: 'stor-afdeling',
        title: 'Stor afdeling',
        conditions: { all: [{ fact: 'afdeling', path: '/tal/beboere', operator: 'greaterThan', value: 100 }, { not: { fact: 'score', operator: 'lessThan', value: { fact: 'graense' } } }] },
        event: { type: 'stor' },
      },
    ],
  });
  const loaded = loadRuleSetText(text, '2020-01-01.json', withTestDomain);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const sti = loaded.value;

  it('reads a JSON pointer into an object fact', () => {
    expect(decideRuleSet(sti, { afdeling: { tal: { beboere: 101 } }, score: 5, graense: 5 }).outcomes['stor-afdeling']).toBe(true);
    expect(decideRuleSet(sti, { afdeling: { tal: { beboere: 100 } }, score: 5, graense: 5 }).outcomes['stor-afdeling']).toBe(false);
  });

  it('an object fact is copied when the rule is decided: changing it afterwards changes no explanation', () => {
    const afdeling = { tal: { beboere: 101 } };
    const facts = { afdeling, score: 5, graense: 5 };
    const expected = evaluateRuleSet(sti, facts).rules[0]?.explanation;
    const r = createExplainer(sti, 'stor-afdeling')(facts);
    afdeling.tal.beboere = 10;
    expect(r.outcome).toBe(true);
    expect(r.explanation).toEqual(expected);
    expect(JSON.stringify(r.explanation)).toContain('"factValue":101');
  });

  it('a missing value at the pointer or a missing referenced fact is unknown', () => {
    const e = evaluateRuleSet(sti, { afdeling: { tal: {} }, score: 5 });
    expect(e.outcomes['stor-afdeling']).toBeNull();
    expect(e.missingFacts).toEqual(['afdeling/tal/beboere', 'graense']);
  });
});

describe('formatExplanation', () => {
  it('shows long decimals rounded and marked, keeping full precision in the result', async () => {
    const { formatExplanation } = await import('../../src/format/explanation.js');
    const e = evaluateRuleSet(rs, { ...complete, ledighedPct: '40.92641509433962264150' });
    const text = formatExplanation(e);
    expect(text).toContain('≈ 40,926 pct.');
    expect(text).toContain('≈ 0,926 over grænsen');
    expect(text).toContain('61 pct. — krav: overstiger 60 pct. [grundskolePct] — opfyldt, 1 over grænsen');
    expect(JSON.stringify(e)).toContain('"margin":"0.9264150943396226415"');
  });
});

describe('options, results and errors on a rule set compiled in the test', () => {
  /** any[c1, c2] and all[c1, c2] over two named conditions on score and graense; a described, sourced rule. */
  function twoCriteria() {
    const loaded = loadRuleSetText(
      JSON.stringify({
        id: 'to',
        domain: 'test',
        title: 'To kriterier',
        effective: { from: '2020-01-01' },
        source: { reference: 'Filens kilde' },
        conditions: {
          c1: { title: 'C1', condition: { fact: 'score', operator: 'greaterThan', value: 1 } },
          c2: { title: 'C2', condition: { fact: 'graense', operator: 'equal', value: 1 } },
        },
        rules: [
          { id: 'enten', title: 'Enten', description: 'Mindst ét kriterium', source: { reference: 'Reglens kilde' }, conditions: { any: [{ condition: 'c1' }, { condition: 'c2' }] }, event: { type: 'enten' } },
          { id: 'begge', title: 'Begge', conditions: { all: [{ condition: 'c1' }, { condition: 'c2' }] }, event: { type: 'begge' } },
        ],
      }),
      '2020-01-01.json',
      withTestDomain,
    );
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    return loaded.value;
  }

  it('a rule\'s evaluation carries its description and source when it has them, and is marked disabled only when disabled', () => {
    const rs = twoCriteria();
    const e = evaluateRuleSet(rs, { score: 2, graense: 1 });
    const [enten, begge] = e.rules;
    expect(enten).toMatchObject({ id: 'enten', description: 'Mindst ét kriterium', source: { reference: 'Reglens kilde' }, outcome: true });
    expect(Object.hasOwn(enten ?? {}, 'disabled')).toBe(false);
    for (const key of ['description', 'source', 'disabled']) expect(Object.hasOwn(begge ?? {}, key), key).toBe(false);
    const off = evaluateRuleSet(rs, { score: 2, graense: 1 }, { disable: ['enten'] });
    expect(off.rules[0]).toMatchObject({ outcome: false, disabled: true });
    expect(off.disabled).toEqual(['enten']);
    // nothing missing and nothing disabled: empty lists
    expect(e.missingFacts).toEqual([]);
    expect(e.disabled).toEqual([]);
    expect(evaluateRuleSet(rs, { score: 2, graense: 1 }, { disable: [] }).disabled).toEqual([]);
  });

  it('a fact given as null is missing, for the decision as for the explanation', () => {
    const rs = twoCriteria();
    const facts = { score: null, graense: 1 } as unknown as Facts;
    expect(decideRuleSet(rs, facts)).toMatchObject({ outcomes: { enten: true, begge: null }, missingFacts: ['score'] });
    expect(evaluateRuleSet(rs, facts).missingFacts).toEqual(['score']);
  });

  it('createDecider of a disabled rule says false, and still checks the facts', () => {
    const rs = twoCriteria();
    const decide = createDecider(rs, 'enten', { disable: ['enten'] });
    expect(createDecider(rs, 'enten')({ score: 2, graense: 1 })).toBe(true);
    expect(decide({ score: 2, graense: 1 })).toBe(false);
    expect(() => decide({ score: 'to' } as unknown as Facts)).toThrow(BoligsocialError);
    // disabling a condition reaches the decider too
    expect(createDecider(rs, 'enten', { disable: ['c1'] })({ score: 2, graense: 0 })).toBe(false);
  });

  it('trustedDecider decides every rule, by index, honouring disable and override', () => {
    const rs = twoCriteria();
    const facts = { score: 2, graense: 1 };
    expect(trustedDecider(rs).decide(facts)).toEqual([true, true]);
    expect(trustedDecider(rs, { disable: ['enten'] }).decide(facts)).toEqual([false, true]);
    expect(trustedDecider(rs, { disable: ['begge'] }).decide(facts)).toEqual([true, false]);
    expect(trustedDecider(rs, { override: { c2: false } }).decide(facts)).toEqual([true, false]);
    expect(trustedDecider(rs).decide({ score: 2 })).toEqual([true, null]);
  });

  it('dependsOnCondition flips the criterion whatever its real value, and keeps the other options', () => {
    const rs = twoCriteria();
    // c1 false, c2 true: "begge" flips with c1, "enten" does not
    expect(dependsOnCondition(rs, { score: 0, graense: 1 }, 'c1')).toEqual({ enten: false, begge: true });
    // c1 true, c2 false: "enten" flips with c1, "begge" does not
    expect(dependsOnCondition(rs, { score: 2, graense: 0 }, 'c1')).toEqual({ enten: true, begge: false });
    // with c2 disabled (false), "enten" depends on c1 alone
    expect(dependsOnCondition(rs, { score: 2, graense: 1 }, 'c1')).toEqual({ enten: false, begge: true });
    expect(dependsOnCondition(rs, { score: 2, graense: 1 }, 'c1', { disable: ['c2'] })).toEqual({ enten: true, begge: false });
    // with c2 overridden false, the same
    expect(dependsOnCondition(rs, { score: 2, graense: 1 }, 'c1', { override: { c2: false } })).toEqual({ enten: true, begge: false });
    // disabling the criterion itself does not stop it being flipped
    expect(dependsOnCondition(rs, { score: 2, graense: 0 }, 'c1', { disable: ['c1'] })).toEqual({ enten: true, begge: false });
  });

  /** The error `f` throws. */
  function thrown(f: () => unknown): BoligsocialError {
    try {
      f();
    } catch (e) {
      if (e instanceof BoligsocialError) return e;
      throw e;
    }
    throw new Error('did not throw');
  }

  type Call = (rs: ReturnType<typeof twoCriteria>, id: string) => unknown;
  it.each<[string, Call, string, (id: string) => string]>([
    ['createDecider, a rule', (rs, id) => createDecider(rs, id), 'entn', (id) => `has no rule ${id}`],
    ['dependsOnCondition, a condition', (rs, id) => dependsOnCondition(rs, {}, id), 'c3', (id) => `has no condition ${id}`],
    ['disable, a condition or rule', (rs, id) => decideRuleSet(rs, {}, { disable: [id] }), 'c3', (id) => `cannot disable ${id}: rule set to 2020-01-01 has no condition or rule by that name`],
    ['override, a condition', (rs, id) => evaluateRuleSet(rs, {}, { override: { [id]: true } }), 'c3', (id) => `cannot override ${id}: rule set to has no condition by that name`],
  ])('%s: an unknown name is an unknown-disable-id error naming it, with a suggestion only when one is close', (_, call, near, says) => {
    const rs = twoCriteria();
    const close = thrown(() => call(rs, near));
    expect(close.code).toBe('unknown-disable-id');
    expect(close.message).toContain(says(near));
    expect(close.message).toMatch(/; did you mean (enten|c1|c2)\?$/);
    const far = thrown(() => call(rs, 'xxxxxxxxxxxxxxxx'));
    expect(far.code).toBe('unknown-disable-id');
    expect(far.message.endsWith(says('xxxxxxxxxxxxxxxx'))).toBe(true);
    expect(far.message).not.toContain('did you mean');
  });

  it('override of a known condition is accepted by every entry point', () => {
    const rs = twoCriteria();
    expect(decideRuleSet(rs, { score: 0, graense: 0 }, { override: { c1: true } }).outcomes).toEqual({ enten: true, begge: false });
    expect(createDecider(rs, 'begge', { override: { c1: true, c2: true } })({ score: 0, graense: 0 })).toBe(true);
    expect(createExplainer(rs, 'enten', { override: { c2: true } })({ score: 0, graense: 0 }).outcome).toBe(true);
  });
});
