/**
 * The parts of the condition grammar built when its module loads — the JSON pointer
 * pattern, the reference and literal schemas, and the table of what tells the six kinds of
 * condition apart (by which the loader picks the one branch to report) — seen through a
 * grammar and a loader loaded afresh in each test (`vi.resetModules`), so that a change to
 * them made before the test runs is seen by the test.
 */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

/** The grammar and the test domain's loader, loaded afresh. */
async function fresh() {
  vi.resetModules();
  const grammar = await import('../../src/engine/grammar.js');
  const { loadTestRuleSetText } = await import('../support/test-domain.js');
  return { ...grammar, loadTestRuleSetText };
}

/** Whether `condition` parses under a freshly loaded grammar. */
async function parses(condition: unknown): Promise<boolean> {
  const { makeConditionSchema } = await fresh();
  return makeConditionSchema({ factName: z.string(), operatorName: z.string() }).safeParse(condition).success;
}

describe('a path is a JSON pointer, all of it', () => {
  it.each([
    ['', true],
    ['/a', true],
    ['/a/0/~1b', true],
    ['/~0a', true],
    ['a', false],
    ['x/a', false],
    ['/a~', false],
    ['/a~2', false],
    ['/a/~b', false],
  ])('%j → %s', async (path, ok) => {
    expect(await parses({ fact: 'a', operator: 'equal', value: 1, path })).toBe(ok);
  });
});

describe('references and literal values', () => {
  it('a parameter reference names its parameter: an empty name is refused, a long one taken', async () => {
    expect(await parses({ fact: 'a', operator: 'equal', value: { parameter: '' } })).toBe(false);
    expect(await parses({ fact: 'a', operator: 'equal', value: { parameter: 'graensePct' } })).toBe(true);
    expect(await parses({ atLeast: { parameter: 'minAntal' }, of: [{ fact: 'a', operator: 'equal', value: 1 }] })).toBe(true);
  });

  it('a list of numbers or strings is a literal value', async () => {
    expect(await parses({ fact: 'a', operator: 'in', value: [1, 2] })).toBe(true);
    expect(await parses({ fact: 'a', operator: 'in', value: ['a', 'b'] })).toBe(true);
  });
});

describe('a malformed condition is reported in the branch of its own kind', () => {
  // each of the six kinds, malformed inside: the one error points into it
  it.each([
    ['all', { all: 'x' }, '/all'],
    ['any', { any: 5 }, '/any'],
    ['not', { not: 'x' }, '/not'],
    ['atLeast', { atLeast: 'x', of: [{ fact: 'score', operator: 'equal', value: 1 }] }, '/atLeast'],
    ['of', { of: 'x', atLeast: 1 }, '/of'],
    ['condition', { condition: 5 }, '/condition'],
    ['fact', { fact: 5, operator: 'equal', value: 1 }, '/fact'],
    ['operator', { operator: 5, fact: 'score', value: 1 }, '/operator'],
    ['path', { path: 5, fact: 'score', operator: 'equal', value: 1 }, '/path'],
  ])('%s', async (_, condition, pointer) => {
    const { loadTestRuleSetText } = await fresh();
    const loaded = loadTestRuleSetText(
      JSON.stringify({ id: 'g', domain: 'test', title: 'Grammatik', effective: { from: '2020-01-01' }, source: { reference: 'Testkilde' }, rules: [{ id: 'r', title: 'R', conditions: condition, event: { type: 'r' } }] }),
      '2020-01-01.json',
    );
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors.map((e) => e.pointer)).toEqual([`/rules/0/conditions${pointer}`]);
  });
});

describe('each key that tells a kind of condition apart picks that kind alone', () => {
  it.each(['all', 'any', 'not', 'atLeast', 'of', 'condition', 'fact', 'operator', 'path'])('an object with only a bad "%s" is reported at that key', async (key) => {
    const { loadTestRuleSetText } = await fresh();
    const loaded = loadTestRuleSetText(
      JSON.stringify({ id: 'g', domain: 'test', title: 'Grammatik', effective: { from: '2020-01-01' }, source: { reference: 'Testkilde' }, rules: [{ id: 'r', title: 'R', conditions: { [key]: key === 'atLeast' ? 'x' : 5 }, event: { type: 'r' } }] }),
      '2020-01-01.json',
    );
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors.map((e) => e.pointer)).toContain(`/rules/0/conditions/${key}`);
  });

  it('an object with only a "value" is a comparison missing its fact and operator', async () => {
    const { loadTestRuleSetText } = await fresh();
    const loaded = loadTestRuleSetText(
      JSON.stringify({ id: 'g', domain: 'test', title: 'Grammatik', effective: { from: '2020-01-01' }, source: { reference: 'Testkilde' }, rules: [{ id: 'r', title: 'R', conditions: { value: 1 }, event: { type: 'r' } }] }),
      '2020-01-01.json',
    );
    expect(loaded.ok ? [] : loaded.errors.map((e) => e.pointer)).toEqual(['/rules/0/conditions/fact', '/rules/0/conditions/operator']);
  });
});
