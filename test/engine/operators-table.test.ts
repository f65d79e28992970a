/**
 * The operator table: what the README documents (fact types, symbol, the Danish words
 * explanations use), what json-rules-engine has of its own, which operators show a margin,
 * and which thresholds each accepts. The table is built when its module loads, so every
 * test loads the engine afresh (`vi.resetModules`): a change to the table made before the
 * test runs is then seen by the test.
 */
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { describe, expect, it, vi } from 'vitest';
import type { Facts } from '../../src/domain/fact-types.js';
import type { FactExplanation } from '../../src/engine/types.js';

/** The engine, the loader and the explanation formatter, loaded afresh. */
async function fresh() {
  vi.resetModules();
  const { OPERATORS } = await import('../../src/engine/operators.js');
  const { loadTestRuleSetText } = await import('../support/test-domain.js');
  const { evaluateRuleSet } = await import('../../src/engine/evaluate.js');
  const { formatLeaf } = await import('../../src/format/explanation.js');
  return { OPERATORS, loadTestRuleSetText, evaluateRuleSet, formatLeaf };
}

type Loaded = Awaited<ReturnType<typeof fresh>>;

/** Loads a rule set whose one rule is `leaf`; the loader's errors' codes when it refuses. */
function load(env: Loaded, leaf: unknown) {
  return env.loadTestRuleSetText(
    JSON.stringify({ id: 'op', domain: 'test', title: 'Operatorer', effective: { from: '2020-01-01' }, source: { reference: 'Testkilde' }, rules: [{ id: 'r', title: 'R', conditions: leaf, event: { type: 'r' } }] }),
    '2020-01-01.json',
  );
}

/** The README's operator table: operator → fact types, symbol, Danish words. */
function documented(): Map<string, { facts: string[]; symbol: string; danish: string }> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('| operator | facts | symbol | in explanations |');
  if (start < 0) throw new Error('README has no operator table');
  const rows = new Map<string, { facts: string[]; symbol: string; danish: string }>();
  for (const line of readme.slice(start).split('\n').slice(2)) {
    const cells = line.trim().split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 4) break;
    const [name, facts, symbol, danish] = cells as [string, string, string, string];
    rows.set(name.replaceAll('`', ''), { facts: facts.split(', '), symbol, danish });
  }
  return rows;
}

/** A fact of each type, with a threshold of that type and a value for it. */
const SAMPLE: Readonly<Record<string, { fact: string; threshold: unknown; value: unknown }>> = {
  decimal: { fact: 'ledighedPct', threshold: '40', value: '41.5' },
  number: { fact: 'score', threshold: 10, value: 12 },
  boolean: { fact: 'aktiv', threshold: true, value: true },
  string: { fact: 'kommune', threshold: 'København', value: 'København' },
  date: { fact: 'dato', threshold: '2020-01-01', value: '2020-01-01' },
  'string[]': { fact: 'maerker', threshold: 'a', value: ['a', 'b'] },
};

describe('the operator table', () => {
  it("is the README's table: the same operators, fact types, symbols and Danish words", async () => {
    const { OPERATORS } = await fresh();
    const docs = documented();
    expect([...OPERATORS.keys()].sort()).toEqual([...docs.keys()].sort());
    for (const [name, op] of OPERATORS) {
      const doc = docs.get(name);
      expect({ name, facts: [...op.factTypes].sort(), symbol: op.symbol, danish: op.danish }).toEqual({ name, facts: [...(doc?.facts ?? [])].sort(), symbol: doc?.symbol, danish: doc?.danish });
    }
  });

  it("marks as built in exactly the operators json-rules-engine has of its own (the rest are registered on export)", async () => {
    const { OPERATORS } = await fresh();
    for (const [name, op] of OPERATORS) expect({ name, builtIn: op.builtIn }).toEqual({ name, builtIn: new Engine().removeOperator(name) });
  });

  it("a comparison shows a margin exactly when its operator is only for figures (the README's decimal and number operators), and its requirement in the Danish words", async () => {
    const env = await fresh();
    const docs = documented();
    for (const [name, op] of env.OPERATORS) {
      const figuresOnly = (docs.get(name)?.facts ?? []).every((t) => t === 'decimal' || t === 'number');
      expect({ name, ordered: op.ordered }).toEqual({ name, ordered: figuresOnly });
      const type = op.factTypes[0] as string;
      const sample = SAMPLE[type] as (typeof SAMPLE)[string];
      const threshold = op.operand === 'array-of-fact' ? [sample.threshold] : sample.threshold;
      const loaded = load(env, { fact: sample.fact, operator: name, value: threshold });
      if (!loaded.ok) throw new Error(`${name} on ${sample.fact} does not load: ${JSON.stringify(loaded.errors)}`);
      const leaf = env.evaluateRuleSet(loaded.value, { [sample.fact]: sample.value } as Facts).rules[0]?.explanation as FactExplanation;
      expect({ name, margin: leaf.margin !== undefined }).toEqual({ name, margin: figuresOnly });
      expect(env.formatLeaf(leaf)).toContain(`krav: ${op.danish} `);
    }
  });

  it('each operator takes the thresholds of its kind and refuses the others', async () => {
    const env = await fresh();
    const codes = (leaf: unknown) => {
      const loaded = load(env, leaf);
      return loaded.ok ? [] : loaded.errors.map((e) => e.code);
    };
    // a list for in / notIn, never a single value
    expect(codes({ fact: 'score', operator: 'in', value: [1, 2] })).toEqual([]);
    expect(codes({ fact: 'score', operator: 'notIn', value: 1 })).not.toEqual([]);
    // one element for contains, never a list
    expect(codes({ fact: 'maerker', operator: 'contains', value: 'a' })).toEqual([]);
    expect(codes({ fact: 'maerker', operator: 'doesNotContain', value: ['a'] })).not.toEqual([]);
    // a decimal operator compares with a number fact as well as a decimal one; a plain one only with its own type
    expect(codes({ fact: 'ledighedPct', operator: 'decimalGreaterThan', value: { fact: 'score' } })).toEqual([]);
    expect(codes({ fact: 'score', operator: 'equal', value: { fact: 'graense' } })).toEqual([]);
    expect(codes({ fact: 'score', operator: 'equal', value: { fact: 'kommune' } })).not.toEqual([]);
    // each operator only on its fact types
    for (const [name, op] of env.OPERATORS) {
      for (const [type, sample] of Object.entries(SAMPLE)) {
        if (op.factTypes.includes(type as never)) continue;
        expect({ name, type, refused: codes({ fact: sample.fact, operator: name, value: sample.threshold }).length > 0 }).toEqual({ name, type, refused: true });
      }
    }
  });
});
