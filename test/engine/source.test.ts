/** Sources as results carry them (src/engine/source.ts). */
import { describe, expect, it } from 'vitest';
import { toSource } from '../../src/engine/source.js';

describe('toSource', () => {
  it.each([
    [{ reference: '§ 1' }, { reference: '§ 1' }],
    [{ reference: '§ 1', url: 'https://example.org' }, { reference: '§ 1', url: 'https://example.org' }],
    [{ reference: '§ 1', note: 'n' }, { reference: '§ 1', note: 'n' }],
    [{ reference: '§ 1', url: 'https://example.org', note: 'n' }, { reference: '§ 1', url: 'https://example.org', note: 'n' }],
    // fields given as undefined (as optional fields of a parsed file may be) get no key
    [{ reference: '§ 1', url: undefined, note: undefined }, { reference: '§ 1' }],
  ])('%j becomes %j, frozen', (given, expected) => {
    const s = toSource(given);
    expect(s).toStrictEqual(expected);
    expect(Object.keys(s).sort()).toEqual(Object.keys(expected).sort());
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('an absent source is "ukendt kilde" (unknown source), frozen', () => {
    const s = toSource(undefined);
    expect(s).toStrictEqual({ reference: 'ukendt kilde' });
    expect(Object.isFrozen(s)).toBe(true);
  });
});
