/** The envelope every answer carries (src/engine/envelope.ts), built from hand-made parts. */
import { describe, expect, it } from 'vitest';
import { envelopeOf, outcomesOf, withEnvelope } from '../../src/engine/envelope.js';
import type { Evaluation, RuleSetInfo } from '../../src/engine/types.js';
import { PACKAGE_VERSION } from '../../src/version.js';

const info = (id: string, version: string): RuleSetInfo => ({ id, version, domain: 'test', title: id, effective: { from: version }, contentHash: '0'.repeat(64) });

describe('envelopeOf', () => {
  it('lists each rule set once (by id and version) in first-use order, skipping absent ones', () => {
    const a1 = info('a', '2020-01-01');
    const a2 = info('a', '2021-01-01');
    const b = info('b', '2020-01-01');
    const e = envelopeOf({ ruleSets: [undefined, a1, b, undefined, { ...a1 }, a2, b], asOf: '2024-12-01', outcomes: [], mangler: [], evaluations: [] });
    expect(e.ruleSets).toEqual([a1, b, a2]);
    expect(e.asOf).toBe('2024-12-01');
    expect(e.packageVersion).toBe(PACKAGE_VERSION);
  });

  it('sorts mangler and drops repeats', () => {
    const e = envelopeOf({ ruleSets: [], asOf: '2024-12-01', outcomes: [], mangler: ['c', 'a', 'b', 'a', 'c'], evaluations: [] });
    expect(e.mangler).toEqual(['a', 'b', 'c']);
    expect(Object.isFrozen(e) && Object.isFrozen(e.mangler) && Object.isFrozen(e.ruleSets)).toBe(true);
  });
});

describe('outcomesOf', () => {
  const evaluation = { ruleSet: info('a', '2020-01-01'), rules: [{ id: 'r1', outcome: true }, { id: 'r2', outcome: null }] } as unknown as Evaluation;
  it('gives each rule\'s outcome in order, with a subject key only when a subject is given', () => {
    const plain = outcomesOf(evaluation);
    expect(plain).toStrictEqual([
      { ruleSet: 'a', ruleId: 'r1', outcome: true },
      { ruleSet: 'a', ruleId: 'r2', outcome: null },
    ]);
    expect(plain.every((o) => !Object.hasOwn(o, 'subject'))).toBe(true);
    expect(outcomesOf(evaluation, 'afd-1')).toStrictEqual([
      { ruleSet: 'a', ruleId: 'r1', outcome: true, subject: 'afd-1' },
      { ruleSet: 'a', ruleId: 'r2', outcome: null, subject: 'afd-1' },
    ]);
  });
});

describe('withEnvelope', () => {
  const envelope = envelopeOf({ ruleSets: [info('a', '2020-01-01')], asOf: '2024-12-01', outcomes: [{ ruleSet: 'a', ruleId: 'r', outcome: true }], mangler: ['x'], evaluations: [] });

  it('adds the envelope\'s fields after the answer\'s own, never replacing one the answer has', () => {
    const r = withEnvelope({ svar: 1, asOf: '1999-01-01' }, envelope, { hideEvaluations: false });
    expect(r.asOf).toBe('1999-01-01');
    expect(r.mangler).toEqual(['x']);
    expect(Object.keys(r)).toEqual(['svar', 'asOf', 'ruleSets', 'packageVersion', 'outcomes', 'mangler', 'evaluations']);
    expect(Object.isFrozen(r)).toBe(true);
  });

  it('hides the evaluations from JSON when asked, keeping them readable', () => {
    const hidden = withEnvelope({ svar: 1 }, envelope, { hideEvaluations: true });
    expect(hidden.evaluations).toBe(envelope.evaluations);
    expect(Object.keys(JSON.parse(JSON.stringify(hidden)) as object)).not.toContain('evaluations');
    expect(Object.keys(JSON.parse(JSON.stringify(withEnvelope({ svar: 1 }, envelope, { hideEvaluations: false }))) as object)).toContain('evaluations');
  });
});
