import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../../src/rules/text-decode.js';
import { runs } from '../support/runs.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(s, (c) => c.charCodeAt(0))];
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[2 * i + (littleEndian ? 0 : 1)] = u & 0xff;
    out[2 * i + (littleEndian ? 1 : 0)] = u >> 8;
  });
  return out;
}

/** Latin-1 bytes of a string of code points below 256. */
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function errorOf(bytes: Uint8Array) {
  const r = decodeText(bytes, 'fil.csv');
  if (r.ok) throw new Error('expected a diagnostic');
  expect(r.errors).toHaveLength(1);
  return r.errors[0];
}

describe('decodeText', () => {
  it('returns UTF-8 text as it is, with Danish letters', () => {
    expect(decodeText(utf8('id;navn\n1;Ærøskøbing Å'), 'f')).toEqual({ ok: true, value: 'id;navn\n1;Ærøskøbing Å' });
  });

  it('drops a leading UTF-8 byte-order mark, and only that one', () => {
    expect(decodeText(Uint8Array.from([...BOM, ...utf8('{"a":1}')]), 'f')).toEqual({ ok: true, value: '{"a":1}' });
    // a mark later in the file is text, not a mark
    expect(decodeText(utf8('a\uFEFFb'), 'f')).toEqual({ ok: true, value: 'a\uFEFFb' });
  });

  it.each([
    ['little-endian with a mark', true, true, 'little-endian, med byte-order mark'],
    ['big-endian with a mark', false, true, 'big-endian, med byte-order mark'],
    ['little-endian without a mark', true, false, 'little-endian, uden byte-order mark'],
    ['big-endian without a mark', false, false, 'big-endian, uden byte-order mark'],
  ])('refuses UTF-16 %s in ONE Danish diagnostic that says how to save as UTF-8', (_, le, bom, kind) => {
    const text = 'id;navn;beboere\n'.repeat(80);
    const d = errorOf(utf16(text, le, bom));
    expect(d).toMatchObject({ code: 'file-encoding', severity: 'error', file: 'fil.csv', line: 1, column: 1 });
    expect(d?.message).toBe(`filen er ikke UTF-8: den er gemt som UTF-16 (${kind})`);
    expect(d?.hint).toContain('UTF-8');
  });

  it('refuses Latin-1 with one diagnostic at the first bad byte, naming the letter Latin-1 would read', () => {
    // hundreds of æøå: still one diagnostic, at the ø of line 2 (column 5, after "1;Gr")
    const text = `id;navn\n1;Grønnegården${'æøå'.repeat(300)}\n2;Søborg\n`;
    const d = errorOf(latin1(text));
    expect(d).toMatchObject({ code: 'file-encoding', line: 2, column: 5 });
    expect(d?.message).toContain('byten 0xF8 på linje 2, kolonne 5');
    expect(d?.message).toContain('"ø"');
    expect(d?.message).toContain('Latin-1 eller Windows-1252');
  });

  it('counts the column in characters after multi-byte UTF-8 letters, and after a byte-order mark', () => {
    const bytes = Uint8Array.from([...BOM, ...utf8('Å'), 0xe6, ...utf8('\n')]);
    expect(errorOf(bytes)).toMatchObject({ line: 1, column: 2 });
  });

  it('names a Windows-1252 character in 0x80–0x9F (the euro sign)', () => {
    expect(errorOf(Uint8Array.from([0x31, 0x80]))?.message).toContain('"€"');
  });

  it('refuses overlong forms, surrogates and code points above U+10FFFF, which TextDecoder refuses too', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
    ]) {
      expect(errorOf(Uint8Array.from([0x61, ...bad]))).toMatchObject({ code: 'file-encoding', line: 1, column: 2 });
    }
  });

  it('says a spreadsheet (a ZIP archive) is not text', () => {
    expect(errorOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))?.message).toContain('ZIP-arkiv');
  });

  it('refuses a NUL byte in otherwise valid UTF-8, located', () => {
    expect(errorOf(utf8('ab\ncd\u0000e'))).toMatchObject({ code: 'file-encoding', line: 2, column: 3 });
  });

  it('decodes every string written as UTF-8, with or without a mark, back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (s, bom) => {
        fc.pre(!s.includes('\u0000') && !s.startsWith('\uFEFF'));
        const bytes = utf8(s);
        const r = decodeText(bom ? Uint8Array.from([...BOM, ...bytes]) : bytes, 'f');
        expect(r).toEqual({ ok: true, value: s });
      }),
      { numRuns: runs(300) },
    );
  });

  it('finds the first invalid byte exactly where TextDecoder stops accepting (random bytes)', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        fatal.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const at = firstInvalidUtf8(bytes);
        expect(at === bytes.length).toBe(valid(bytes));
        // everything before it is valid UTF-8 on its own
        expect(valid(bytes.subarray(0, at))).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });
});
