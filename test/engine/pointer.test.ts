/** RFC 6901 JSON pointers (src/engine/pointer.ts): formatting, parsing, array indices, resolving. */
import { describe, expect, it } from 'vitest';
import { parsePointer, pointerToPath, resolvePointer, toPointer } from '../../src/engine/pointer.js';

describe('toPointer and parsePointer', () => {
  it.each([
    [[], ''],
    [['a'], '/a'],
    [['rules', 0, 'conditions'], '/rules/0/conditions'],
    // RFC 6901 §3: "~" is written "~0" and "/" is written "~1"
    [['a/b', 'm~n'], '/a~1b/m~0n'],
    // "~1" as text: the "~" is escaped first, so it reads back as "~1", not "/"
    [['~1'], '/~01'],
    [[''], '/'],
    [['', ''], '//'],
  ] as const)('%j ⇄ %j', (path, pointer) => {
    expect(toPointer(path)).toBe(pointer);
    expect(parsePointer(pointer)).toEqual(path.map(String));
  });

  it('the empty pointer has no tokens (it is the whole document)', () => {
    expect(parsePointer('')).toEqual([]);
  });
});

describe('pointerToPath', () => {
  it('turns array indices into numbers: 0 or digits without a leading zero, nothing else', () => {
    expect(pointerToPath('/a/0/1/12/01/00/1a/a1/-1/1.5/~01')).toEqual(['a', 0, 1, 12, '01', '00', '1a', 'a1', '-1', '1.5', '~1']);
    expect(pointerToPath('')).toEqual([]);
  });
});

describe('resolvePointer', () => {
  const list = Array.from({ length: 13 }, (_, i) => `v${i}`);
  it.each([
    ['0', 'v0'],
    ['1', 'v1'],
    ['12', 'v12'],
    ['01', undefined],
    ['00', undefined],
    ['1a', undefined],
    ['-1', undefined],
    ['13', undefined],
    // an array's own properties that are not indices are not read
    ['length', undefined],
  ])('in an array, token %j gives %j', (token, expected) => {
    expect(resolvePointer(list, [token])).toBe(expected);
  });

  it('reads own properties of objects, through arrays, and nothing from primitives or inherited properties', () => {
    const doc = { a: { b: [{ c: 1 }, { 'd/e': 2, 'f~g': 3 }] }, n: null, s: 'text' };
    expect(resolvePointer(doc, parsePointer('/a/b/0/c'))).toBe(1);
    expect(resolvePointer(doc, parsePointer('/a/b/1/d~1e'))).toBe(2);
    expect(resolvePointer(doc, parsePointer('/a/b/1/f~0g'))).toBe(3);
    expect(resolvePointer(doc, parsePointer(''))).toBe(doc);
    expect(resolvePointer(doc, ['n', 'x'])).toBeUndefined();
    expect(resolvePointer(doc, ['s', 'length'])).toBeUndefined();
    expect(resolvePointer(doc, ['a', 'toString'])).toBeUndefined();
    expect(resolvePointer(doc, ['missing', 'x'])).toBeUndefined();
    expect(resolvePointer(undefined, ['a'])).toBeUndefined();
  });
});
