import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExplainer, decideRuleSet, evaluateRuleSet } from '../../src/engine/evaluate.js';
import { toJsonRulesEngine } from '../../src/engine/json-rules-engine.js';
import { explainedRule } from '../../src/engine/rule-explanation.js';
import { compileTestRuleFile } from '../support/test-domain.js';
import { completeFactsArbitrary, partialFactsArbitrary, ruleFileArbitrary } from '../support/arbitraries.js';
import { runs } from '../support/runs.js';

describe('evaluator laws', () => {
  it('the decision-only path decides exactly as the explained path', () => {
    fc.assert(
      fc.property(ruleFileArbitrary(), partialFactsArbitrary(), (file, facts) => {
        const rs = compileTestRuleFile(file);
        const explained = evaluateRuleSet(rs, facts);
        const decided = decideRuleSet(rs, facts);
        expect(decided.outcomes).toEqual(explained.outcomes);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('the per-rule explainer explains each rule exactly as the whole evaluation does', () => {
    fc.assert(
      fc.property(ruleFileArbitrary(), partialFactsArbitrary(), (file, facts) => {
        const rs = compileTestRuleFile(file);
        const evaluation = evaluateRuleSet(rs, facts);
        const missing = new Set<string>();
        for (const rule of evaluation.rules) {
          // read from the lazy result, as a service does: the tree built on read is the eager one
          const { ruleSet, missingFacts, ...one } = explainedRule(createExplainer(rs, rule.id)(facts));
          expect(one).toEqual(rule);
          expect(ruleSet).toBe(evaluation.ruleSet);
          for (const m of missingFacts) missing.add(m);
        }
        expect([...missing].sort()).toEqual(evaluation.missingFacts);
      }),
      { numRuns: runs(500) },
    );
  });

  it('three-valued logic is sound: a decided outcome holds for every completion of the missing facts', () => {
    fc.assert(
      fc.property(ruleFileArbitrary(), partialFactsArbitrary(), fc.array(completeFactsArbitrary(), { minLength: 1, maxLength: 4 }), (file, partial, completions) => {
        const rs = compileTestRuleFile(file);
        const outcomes = decideRuleSet(rs, partial).outcomes;
        for (const fill of completions) {
          const complete = { ...fill, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== null && v !== undefined)) };
          const full = decideRuleSet(rs, complete).outcomes;
          for (const [rule, outcome] of Object.entries(outcomes)) if (outcome !== null) expect(full[rule]).toBe(outcome);
        }
      }),
      { numRuns: runs(500) },
    );
  });

  it('with complete facts nothing is unknown and no fact is missing', () => {
    fc.assert(
      fc.property(ruleFileArbitrary(), completeFactsArbitrary(), (file, facts) => {
        const d = decideRuleSet(compileTestRuleFile(file), facts);
        expect(Object.values(d.outcomes)).not.toContain(null);
        expect(d.missingFacts).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('toJsonRulesEngine', () => {
  it('decides exactly as our evaluator whenever no fact is missing (1,000 random rule sets and fact sets)', async () => {
    await fc.assert(
      fc.asyncProperty(ruleFileArbitrary(), completeFactsArbitrary(), async (file, facts) => {
        const rs = compileTestRuleFile(file);
        const ours = decideRuleSet(rs, facts).outcomes;
        const result = await toJsonRulesEngine(rs).run(facts);
        const theirs: Record<string, boolean> = {};
        for (const r of result.results) theirs[r.name] = true;
        for (const r of result.failureResults) theirs[r.name] = false;
        expect(theirs).toEqual(ours);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('honours disable like the evaluator', async () => {
    await fc.assert(
      fc.asyncProperty(ruleFileArbitrary(), completeFactsArbitrary(), async (file, facts) => {
        const rs = compileTestRuleFile(file);
        const disable = [...Object.keys(rs.conditions).slice(0, 1), ...rs.rules.slice(1, 2).map((r) => r.id)];
        const ours = decideRuleSet(rs, facts, { disable }).outcomes;
        const result = await toJsonRulesEngine(rs, { disable }).run(facts);
        for (const r of result.results) expect(ours[r.name]).toBe(true);
        for (const r of result.failureResults) expect(ours[r.name]).toBe(false);
      }),
      { numRuns: runs(200) },
    );
  });
});
