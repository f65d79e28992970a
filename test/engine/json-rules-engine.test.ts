import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideRuleSet } from '../../src/engine/evaluate.js';
import { jsonRulesEngineDefinition, toJsonRulesEngine } from '../../src/engine/json-rules-engine.js';
import type { Facts } from '../../src/domain/fact-types.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';
import { bundledRegistry } from '../../src/shipped.js';
import { loadTestRuleSetText as loadRuleSetText } from '../support/test-domain.js';
import { runs } from '../support/runs.js';

/** "mindst k af n" over n comparisons of `score` with 0, 1, …, n − 1 (so score s meets exactly min(s, n) of them). */
function atLeastFile(k: number, n: number): CompiledRuleSet {
  const of = Array.from({ length: n }, (_, i) => ({ fact: 'score', operator: 'greaterThan', value: i }));
  const loaded = loadRuleSetText(
    JSON.stringify({
      id: 'mindst',
      domain: 'test',
      title: 'Mindst k af n',
      effective: { from: '2020-01-01' },
      source: { reference: 't' },
      rules: [{ id: 'r', title: 'R', conditions: { atLeast: k, of }, event: { type: 'r' } }],
    }),
    '2020-01-01.json',
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

async function exported(rs: CompiledRuleSet, facts: Facts): Promise<Record<string, boolean>> {
  const r = await toJsonRulesEngine(rs).run(facts);
  return Object.fromEntries([...r.results.map((x) => [x.name, true] as const), ...r.failureResults.map((x) => [x.name, false] as const)]);
}

const size = (rs: CompiledRuleSet) => JSON.stringify(jsonRulesEngineDefinition(rs)).length;

describe('toJsonRulesEngine: "mindst k af n" in linear size', () => {
  it('atLeast 12 of 25 exports (no 5 million combinations) and decides as we do on either side of the threshold', async () => {
    const rs = atLeastFile(12, 25);
    expect(size(rs)).toBeLessThan(4000);
    for (const score of [0, 11, 12, 13, 25]) {
      expect(await exported(rs, { score })).toEqual(decideRuleSet(rs, { score }).outcomes);
    }
    expect((await exported(rs, { score: 12 })).r).toBe(true);
    expect((await exported(rs, { score: 11 })).r).toBe(false);
  });

  it('the export grows linearly with n, whatever k is (4n is at most about 4.5 times n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 40 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (n, fraction) => {
        const k = Math.max(1, Math.round(n * fraction));
        expect(size(atLeastFile(4 * k, 4 * n))).toBeLessThan(4.5 * size(atLeastFile(k, n)));
      }),
      { numRuns: runs(30) },
    );
  });

  it('shows only the rule file\'s rules in results and events (the counted children are not engine rules)', async () => {
    const r = await toJsonRulesEngine(atLeastFile(2, 4)).run({ score: 3 });
    expect(r.results.map((x) => x.name)).toEqual(['r']);
    expect(r.events).toEqual([{ type: 'r' }]);
    expect(r.failureResults).toEqual([]);
  });

  it('the shipped screening rules export to a few thousand characters, not 138,000', () => {
    expect(size(bundledRegistry().inForce('screening', '2024-12-01'))).toBeLessThan(20_000);
  });
});
