/**
 * Assembling a compiled rule set (src/engine/compile.ts): what the compiled object shows
 * of the definition — info, sources, notes, parameters, named conditions, rules,
 * financing, the facts read — with optional fields present exactly when the file has
 * them, and the sources the leaves of rules inherit. Compiled inside each test.
 */
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/engine/compile.js';
import type { RuleSetDefinition } from '../../src/engine/definition.js';
import { decideRuleSet, evaluateRuleSet } from '../../src/engine/evaluate.js';
import type { FactExplanation } from '../../src/engine/types.js';
import { testFacts } from '../support/test-facts.js';

const catalogue = new Map(testFacts.map((f) => [f.name, f]));
const context = { facts: catalogue, contentHash: 'a'.repeat(64) };
const leaf = (n: number) => ({ fact: 'score', operator: 'greaterThan', value: n });

/** A definition with every optional field set. */
const full: RuleSetDefinition = {
  id: 'fuld',
  domain: 'test',
  title: 'Fuld',
  description: 'Regelsættets beskrivelse',
  effective: { from: '2020-01-01', to: '2021-12-31' },
  source: { reference: 'Filens kilde', url: 'https://example.org', note: 'Note' },
  notes: ['En note'],
  parameters: {
    p: { value: 3, unit: 'point', description: 'P', source: { reference: 'Parameterens kilde' }, status: 'bekræftet' },
  },
  conditions: {
    c: { title: 'C', description: 'Betingelsens beskrivelse', source: { reference: 'Betingelsens kilde' }, condition: leaf(1) },
  },
  rules: [
    {
      id: 'r',
      title: 'R',
      description: 'Reglens beskrivelse',
      source: { reference: 'Reglens kilde' },
      conditions: { all: [{ condition: 'c' }, { fact: 'afdeling', path: '/tal/beboere', operator: 'greaterThan', value: { parameter: 'p' } }, { fact: 'beboere', operator: 'greaterThan', value: { fact: 'graense' } }] },
      event: { type: 'r', params: { niveau: 1 } },
    },
  ],
  financing: {
    indsatsKinds: ['helhedsplan'],
    maxDurationMonths: 48,
    funders: [{ id: 'lbf', navn: 'Landsbyggefonden', share: '0.75', lokal: false, afdelinger: true, description: 'Fonden', source: { reference: 'Fondens kilde' } }, { id: 'kommune', navn: 'Kommunen', share: '0.25', lokal: true }],
  },
};

/** A definition with no optional field set. */
const bare: RuleSetDefinition = {
  id: 'bar',
  domain: 'test',
  title: 'Bar',
  effective: { from: '2020-01-01' },
  source: { reference: 'Filens kilde' },
  conditions: { c: { title: 'C', condition: leaf(1) } },
  rules: [{ id: 'r', title: 'R', conditions: { all: [{ condition: 'c' }, leaf(0)] }, event: { type: 'r' } }],
};

describe('compileRuleSet', () => {
  it('shows every optional field of a definition that has them', () => {
    const rs = compileRuleSet(full, { ...context, file: 'rules/fuld/2020-01-01.json' });
    expect(rs.info).toStrictEqual({
      id: 'fuld',
      version: '2020-01-01',
      domain: 'test',
      title: 'Fuld',
      effective: { from: '2020-01-01', to: '2021-12-31' },
      file: 'rules/fuld/2020-01-01.json',
      contentHash: 'a'.repeat(64),
    });
    expect(rs.description).toBe('Regelsættets beskrivelse');
    expect(rs.sources).toStrictEqual([{ reference: 'Filens kilde', url: 'https://example.org', note: 'Note' }]);
    expect(rs.notes).toEqual(['En note']);
    expect(rs.parameters.p).toStrictEqual({ name: 'p', value: 3, unit: 'point', description: 'P', source: { reference: 'Parameterens kilde' }, status: 'bekræftet' });
    expect(rs.conditions.c).toStrictEqual({ name: 'c', title: 'C', description: 'Betingelsens beskrivelse', source: { reference: 'Betingelsens kilde' } });
    expect(rs.rules[0]).toStrictEqual({ id: 'r', title: 'R', description: 'Reglens beskrivelse', source: { reference: 'Reglens kilde' }, event: { type: 'r', params: { niveau: 1 } } });
    expect(rs.financing).toStrictEqual({
      indsatsKinds: ['helhedsplan'],
      maxDurationMonths: 48,
      funders: [
        { id: 'lbf', navn: 'Landsbyggefonden', share: '0.75', lokal: false, afdelinger: true, description: 'Fonden', source: { reference: 'Fondens kilde' } },
        { id: 'kommune', navn: 'Kommunen', share: '0.25', lokal: true, afdelinger: false },
      ],
    });
  });

  it('has no key for an optional field the definition lacks', () => {
    const rs = compileRuleSet(bare, context);
    expect(rs.info).toStrictEqual({ id: 'bar', version: '2020-01-01', domain: 'test', title: 'Bar', effective: { from: '2020-01-01' }, contentHash: 'a'.repeat(64) });
    for (const [o, key] of [
      [rs, 'description'],
      [rs, 'financing'],
      [rs.info, 'file'],
      [rs.info.effective, 'to'],
      [rs.conditions.c, 'description'],
      [rs.conditions.c, 'source'],
      [rs.rules[0], 'description'],
      [rs.rules[0], 'source'],
      [rs.rules[0]?.event, 'params'],
    ] as const) {
      expect(Object.hasOwn(o ?? {}, key), key).toBe(false);
    }
    expect(rs.notes).toEqual([]);
    expect(rs.parameters).toEqual({});
    expect(rs.sources).toStrictEqual([{ reference: 'Filens kilde' }]);
  });

  it('lists every source of a file with several, and lets leaves of a rule without its own source inherit the first', () => {
    const rs = compileRuleSet({ ...bare, source: [{ reference: 'Første' }, { reference: 'Anden' }] }, context);
    expect(rs.sources.map((s) => s.reference)).toEqual(['Første', 'Anden']);
    const all = evaluateRuleSet(rs, { score: 2 }).rules[0]?.explanation;
    const direct = all?.kind === 'all' ? (all.children[1] as FactExplanation) : undefined;
    expect(direct?.source).toEqual({ reference: 'Første' });
  });

  it('a leaf directly under a rule carries the rule\'s source when it has one, else the file\'s', () => {
    const withSource = compileRuleSet(full, context);
    const all = evaluateRuleSet(withSource, { score: 2, afdeling: { tal: { beboere: 4 } }, beboere: 2, graense: 1 }).rules[0]?.explanation;
    expect(all?.kind === 'all' && (all.children[1] as FactExplanation).source).toEqual({ reference: 'Reglens kilde' });
    const withoutSource = compileRuleSet(bare, context);
    const bareAll = evaluateRuleSet(withoutSource, { score: 2 }).rules[0]?.explanation;
    expect(bareAll?.kind === 'all' && (bareAll.children[1] as FactExplanation).source).toEqual({ reference: 'Filens kilde' });
  });

  it('lists the facts the conditions read: each once, by name (not the pointer into it), sorted', () => {
    const rs = compileRuleSet(full, context);
    expect(rs.facts).toEqual(['afdeling', 'beboere', 'graense', 'score']);
  });

  it('knows every read for the missing-facts list of a decision, pointers included', () => {
    const rs = compileRuleSet(full, context);
    // score 0 fails "c" at once: the decision short-circuits, yet every missing read is listed
    expect(decideRuleSet(rs, { score: 0 }).missingFacts).toEqual(['afdeling/tal/beboere', 'beboere', 'graense']);
    expect(decideRuleSet(rs, { score: 2, afdeling: { tal: { beboere: 4 } }, beboere: 2, graense: 1 }).missingFacts).toEqual([]);
    expect(decideRuleSet(rs, { score: 2, afdeling: { tal: { beboere: 4 } }, beboere: 2, graense: 1 }).outcomes.r).toBe(true);
  });
});
