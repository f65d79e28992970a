/**
 * The condition grammar (src/engine/grammar.ts): the schema's Danish messages and
 * descriptions, telling references from literal values, and the named conditions a tree
 * refers to.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ConditionInput, isRefTo, makeConditionSchema, references } from '../../src/engine/grammar.js';

const schema = () => makeConditionSchema({ factName: z.string(), operatorName: z.string() });

/** The messages of a failed parse, by the path of each issue. */
function messages(value: unknown): Record<string, string> {
  const r = schema().safeParse(value);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('/'), i.message]));
}

describe('makeConditionSchema', () => {
  it.each([
    ['all', { all: [] }],
    ['any', { any: [] }],
    ['of', { atLeast: 1, of: [] }],
  ])('an empty "%s" is rejected in Danish: it must hold at least one condition', (key, value) => {
    expect(messages(value)).toEqual({ [key]: 'skal indeholde mindst én betingelse' });
  });

  it.each([
    ['path', { fact: 'a', operator: 'equal', value: 1, path: 'tal' }],
    ['value/path', { fact: 'a', operator: 'equal', value: { fact: 'b', path: 'tal' } }],
  ])('a "%s" that is no JSON pointer is rejected in Danish, with an example', (key, value) => {
    expect(messages(value)[key]).toMatch(/JSON pointer.*"\/beboere"/);
  });

  it('accepts every kind of node, and pointers such as "" and "/a/0/~1b"', () => {
    const ok: ConditionInput[] = [
      { all: [{ fact: 'a', operator: 'equal', value: 1, path: '' }] },
      { any: [{ not: { condition: 'c' } }] },
      { atLeast: { parameter: 'k' }, of: [{ fact: 'a', operator: 'equal', value: { fact: 'b', path: '/a/0/~1b' } }] },
    ];
    for (const v of ok) expect(schema().safeParse(v).success).toBe(true);
  });

  it('describes the fields of a comparison in Danish in the JSON Schema', () => {
    const json = JSON.stringify(z.toJSONSchema(schema()));
    const leaf = (JSON.parse(json) as { anyOf: { properties: Record<string, { description?: string; anyOf?: { properties?: Record<string, { description?: string }> }[] }> }[] }).anyOf.find(
      (b) => 'fact' in b.properties && 'operator' in b.properties,
    );
    expect(leaf?.properties.fact?.description).toMatch(/fakta/i);
    expect(leaf?.properties.operator?.description).toMatch(/sammenligning/i);
    const factRef = leaf?.properties.value?.anyOf?.find((b) => b.properties !== undefined && 'fact' in b.properties);
    expect(factRef?.properties?.fact?.description).toMatch(/fakta/i);
  });
});

describe('isRefTo', () => {
  it.each([
    [{ parameter: 'p' }, 'parameter', true],
    [{ fact: 'f', path: '/a' }, 'fact', true],
    [{ fact: 'f' }, 'parameter', false],
    [null, 'parameter', false],
    [undefined, 'fact', false],
    ['parameter', 'parameter', false],
    [7, 'fact', false],
    [true, 'fact', false],
    [['parameter'], 'parameter', false],
    // an array is a literal list even when it has such a property
    [Object.assign(['x'], { parameter: 'p' }), 'parameter', false],
    // only own properties count
    [Object.create({ parameter: 'p' }) as object, 'parameter', false],
  ] as const)('%j as a %s reference: %s', (value, key, expected) => {
    expect(isRefTo(value, key)).toBe(expected);
  });
});

describe('references', () => {
  it('lists the named conditions a tree refers to, in order, through every kind of node, with repeats', () => {
    const leaf = { fact: 'a', operator: 'equal', value: { fact: 'condition' } };
    const tree: ConditionInput = {
      all: [{ condition: 'a' }, { any: [{ condition: 'b' }, { not: { condition: 'c' } }, leaf] }, { atLeast: 1, of: [{ condition: 'd' }, { condition: 'a' }] }],
    };
    expect(references(tree)).toEqual(['a', 'b', 'c', 'd', 'a']);
    expect(references({ not: { all: [leaf] } })).toEqual([]);
    expect(references(leaf)).toEqual([]);
    expect(references({ condition: 'x' })).toEqual(['x']);
    expect(references({ any: [{ condition: 'y' }] })).toEqual(['y']);
    expect(references({ atLeast: 1, of: [{ condition: 'z' }] })).toEqual(['z']);
  });
});
