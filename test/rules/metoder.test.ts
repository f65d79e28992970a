import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDSATSOMRAADER } from '../../src/domain/maal.js';
import { isMetoderFile, loadMetodeKatalogFile, loadMetodeKatalogText } from '../../src/rules/metoder.js';
import { metoderJsonSchemaText } from '../../src/rules/metoder-schema.js';
import { bundledRegistry } from '../../src/shipped.js';
import { loadRegistry } from '../../src/shipped.js';
import { runCli } from '../support/cli.js';

const shipped = 'rules/metoder/2017-06-01.json';
const text = readFileSync(shipped, 'utf8');

/** The shipped catalogue with one change, as text (pretty-printed, so lines are predictable). */
function variant(change: (d: Record<string, unknown> & { metoder: Record<string, unknown>[] }) => void): string {
  const d = JSON.parse(text) as Record<string, unknown> & { metoder: Record<string, unknown>[] };
  change(d);
  return `${JSON.stringify(d, null, 2)}\n`;
}

function lineOf(source: string, needle: string): number {
  return source.slice(0, source.indexOf(needle)).split('\n').length;
}

describe('the shipped methods catalogue', () => {
  const loaded = loadMetodeKatalogFile(shipped);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const k = loaded.value;

  it('is marked unconfirmed, with notes, and sources every method', () => {
    expect(k.status).toBe('ubekræftet');
    expect(k.notes.some((n) => n.startsWith('UBEKRÆFTET'))).toBe(true);
    expect(k.metoder.length).toBeGreaterThanOrEqual(10);
    for (const m of k.metoder) {
      expect(m.kilde.reference, m.id).toMatch(/Center for Boligsocial Udvikling/);
      expect(m.status).toBe('ubekræftet');
      expect(m.indsatsomraader.every((o) => (INDSATSOMRAADER as readonly string[]).includes(o))).toBe(true);
    }
    expect(new Set(k.metoder.map((m) => m.id)).size).toBe(k.metoder.length);
    expect(k.metode('lektiecafe')?.navn).toBe('Boligsociale lektiecaféer');
    expect(k.metode('findes-ikke')).toBeUndefined();
  });

  it('is what the bundled registry holds from its date, and nothing before it', () => {
    expect(bundledRegistry().metoder?.('2025-06-01')?.version).toBe('2017-06-01');
    expect(bundledRegistry().metoder?.('2017-06-01')?.file).toBe('rules/metoder/2017-06-01.json');
    expect(bundledRegistry().metoder?.('2017-05-31')).toBeUndefined();
  });

  it('has the committed JSON Schema, generated from its zod schema', async () => {
    expect(readFileSync('rules/metoder.schema.json', 'utf8')).toBe(metoderJsonSchemaText());
    const run = await runCli(['schema', 'metoder']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(metoderJsonSchemaText());
    expect(JSON.parse(run.stdout)).toHaveProperty('properties.metoder.items.properties.indsatsomraader');
  });

  it('is told from a rule set by its folder', () => {
    expect(isMetoderFile(shipped)).toBe(true);
    expect(isMetoderFile('rules/lifecycle/2017-06-01.json')).toBe(false);
  });
});

describe('a broken methods catalogue', () => {
  it('names an unknown indsatsområde at its line and column', () => {
    const bad = variant((d) => {
      d.metoder[0] = { ...d.metoder[0], indsatsomraader: ['uddannelse-og-beskaftigelse'] };
    });
    const r = loadMetodeKatalogText(bad, '2017-06-01.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'schema', pointer: '/metoder/0/indsatsomraader/0', line: lineOf(bad, '"uddannelse-og-beskaftigelse"') });
    expect(r.errors[0]?.column).toBeGreaterThan(1);
  });

  it('rejects a duplicate method id, a file named for another date, and a missing source, each located', () => {
    const dup = variant((d) => {
      d.metoder.push({ ...d.metoder[0] });
    });
    const r1 = loadMetodeKatalogText(dup, '2017-06-01.json');
    expect(r1.ok ? [] : r1.errors.map((e) => [e.code, e.pointer])).toEqual([['duplicate-rule-id', `/metoder/${JSON.parse(dup).metoder.length - 1}/id`]]);
    const r2 = loadMetodeKatalogText(text, '2018-01-01.json');
    expect(r2.ok ? [] : r2.errors.map((e) => [e.code, e.pointer, e.line])).toEqual([['file-name-date', '/effective/from', lineOf(text, '"from"')]]);
    const noSource = variant((d) => {
      delete d.metoder[1]?.kilde;
    });
    const r3 = loadMetodeKatalogText(noSource, '2017-06-01.json');
    expect(r3.ok ? [] : r3.errors.map((e) => [e.code, e.message])).toEqual([['schema', 'nøglen "kilde" mangler']]);
  });

  it('makes the whole rules directory fail to load, and `validate` prints file:line:column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metoder-'));
    mkdirSync(join(dir, 'metoder'));
    const bad = variant((d) => {
      d.metoder[2] = { ...d.metoder[2], ukendtFelt: true };
    });
    const file = join(dir, 'metoder', '2017-06-01.json');
    writeFileSync(file, bad);
    expect(loadRegistry(dir).ok).toBe(false);
    const run = await runCli(['validate', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`metoder/2017-06-01\\.json:${lineOf(bad, '"ukendtFelt"')}:\\d+ fejl schema `));
    expect(run.stdout).toContain('(/metoder/2/ukendtFelt)');
  });

  it('rejects two catalogues taking effect on the same day', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metoder-'));
    for (const sub of ['a', 'b']) {
      mkdirSync(join(dir, sub, 'metoder'), { recursive: true });
      writeFileSync(join(dir, sub, 'metoder', '2017-06-01.json'), text);
    }
    const r = loadRegistry(dir);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['version-overlap']);
    const run = await runCli(['validate', dir]);
    expect(run.stdout).toMatch(/b\/metoder\/2017-06-01\.json:\d+:\d+ fejl version-overlap /);
  });

  it('picks the latest catalogue on or before the date when there are several', () => {
    const dir = mkdtempSync(join(tmpdir(), 'metoder-'));
    mkdirSync(join(dir, 'metoder'));
    writeFileSync(join(dir, 'metoder', '2017-06-01.json'), text);
    writeFileSync(join(dir, 'metoder', '2024-01-01.json'), variant((d) => {
      d.effective = { from: '2024-01-01' };
      d.metoder = d.metoder.slice(0, 1);
    }));
    const r = loadRegistry(dir);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.metoder?.('2023-12-31')?.metoder.length).toBeGreaterThan(1);
    expect(r.value.metoder?.('2024-01-01')?.metoder.map((m) => m.id)).toEqual(['lektiecafe']);
  });
});
