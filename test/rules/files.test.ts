import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUsageProblem, listJsonFiles, readJsonFile, readTextFile } from '../../src/rules/files.js';
import { loadRegistry } from '../../src/shipped.js';
import { loadRuleSetFile } from '../../src/shipped.js';

const dir = mkdtempSync(join(tmpdir(), 'boligsocial-files-'));

describe('readTextFile', () => {
  it('names the path and says it does not exist: file-read, never an ENOENT exception', () => {
    const r = readTextFile(join(dir, 'findes-ikke.csv'), 'data/findes-ikke.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'file-read', file: 'data/findes-ikke.csv', message: 'filen data/findes-ikke.csv kan ikke læses: den findes ikke' }),
    ]);
    expect(r.errors.every(isUsageProblem)).toBe(true);
  });

  it('says a directory is a directory when a file was expected', () => {
    const r = readTextFile(dir, 'mappen');
    expect(!r.ok && r.errors[0]?.message).toBe('filen mappen kan ikke læses: det er en mappe, ikke en fil');
  });

  it('reads UTF-8 with a byte-order mark as the text after it', () => {
    const f = join(dir, 'bom.csv');
    writeFileSync(f, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('id\n1\n')]));
    expect(readTextFile(f)).toEqual({ ok: true, value: 'id\n1\n' });
  });

  it('refuses a Latin-1 file with one file-encoding diagnostic, a finding (not a usage error)', () => {
    const f = join(dir, 'latin1.csv');
    writeFileSync(f, Buffer.from('id;navn\n1;S\xf8borg\n', 'latin1'));
    const r = readTextFile(f, 'latin1.csv');
    expect(!r.ok && r.errors.map((d) => [d.code, d.line, d.column])).toEqual([['file-encoding', 2, 4]]);
    expect(!r.ok && r.errors.some(isUsageProblem)).toBe(false);
  });
});

describe('readJsonFile', () => {
  it('locates a syntax error after a byte-order mark at the right line and column', () => {
    const f = join(dir, 'bom.json');
    writeFileSync(f, Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{\n  "a": 1,\n}')]));
    const r = readJsonFile(f, 'bom.json');
    expect(!r.ok && r.errors.map((d) => [d.code, d.line, d.column, d.message])).toEqual([['json-syntax', 2, 9, 'ugyldig JSON: komma efter sidste element']]);
  });

  it('allows "constructor" as a key of a data file, never "__proto__"', () => {
    const f = join(dir, 'status.json');
    writeFileSync(f, '{"constructor": ["udsat-boligomraade"]}');
    expect(readJsonFile(f, f, { data: true }).ok).toBe(true);
    expect(readJsonFile(f).ok).toBe(false);
    writeFileSync(f, '{"__proto__": []}');
    const r = readJsonFile(f, f, { data: true });
    expect(!r.ok && r.errors[0]?.code).toBe('forbidden-key');
  });
});

describe('listJsonFiles and the registry', () => {
  it('a missing rules directory is one file-read diagnostic naming it', () => {
    const missing = join(dir, 'regler-findes-ikke');
    expect(listJsonFiles(missing, { what: 'regelmappen' })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'file-read', file: missing, message: `regelmappen ${missing} kan ikke læses: den findes ikke` })],
    });
    const r = loadRegistry(missing);
    expect(!r.ok && r.errors.map((d) => d.code)).toEqual(['file-read']);
  });

  it('lists *.json (not *.schema.json) recursively and sorted, or only the top level', () => {
    const root = join(dir, 'liste');
    mkdirSync(join(root, 'b'), { recursive: true });
    for (const f of ['b/2.json', 'a.json', 'c.schema.json', 'd.txt']) writeFileSync(join(root, f), '{}');
    expect(listJsonFiles(root)).toEqual({ ok: true, value: [join(root, 'a.json'), join(root, 'b/2.json')] });
    expect(listJsonFiles(root, { recursive: false })).toEqual({ ok: true, value: [join(root, 'a.json')] });
    // a file named explicitly is read whatever its name
    expect(listJsonFiles(join(root, 'd.txt'))).toEqual({ ok: true, value: [join(root, 'd.txt')] });
  });

  it('a rule file in UTF-16 is refused with one diagnostic', () => {
    const f = join(dir, '2020-01-01.json');
    writeFileSync(f, Buffer.from(`\uFEFF${JSON.stringify({ id: 'x' })}`, 'utf16le'));
    const r = loadRuleSetFile(f);
    expect(!r.ok && r.errors.map((d) => [d.code, d.message])).toEqual([['file-encoding', 'filen er ikke UTF-8: den er gemt som UTF-16 (little-endian, med byte-order mark)']]);
  });
});
