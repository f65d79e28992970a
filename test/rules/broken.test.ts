import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/shipped.js';
import { TEST_DOMAINS, withTestDomain } from '../support/test-domain.js';
import { runCli } from '../support/cli.js';

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
  pointer: string | null;
  errors: number;
}

const dir = 'fixtures/broken';
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;
const cases = readdirSync(dir).filter((name) => !name.endsWith('.json'));

describe('fixtures/broken: one fault per case', () => {
  it('has at least 25 cases, each with an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(expected).sort()).toEqual([...cases].sort());
  });

  it('covers every fault the loader must catch', () => {
    const codes = new Set(Object.values(expected).map((e) => e.code));
    for (const code of [
      'json-syntax',
      'schema',
      'unknown-fact',
      'unknown-parameter',
      'unknown-operator',
      'unknown-condition',
      'condition-cycle',
      'value-type',
      'duplicate-rule-id',
      'forbidden-key',
      'effective-order',
      'file-name-date',
      'version-overlap',
      'version-gap',
      'share-sum',
      'unknown-domain',
      'unknown-event',
      'event-params',
      'missing-parameter',
      'parameter-unit',
      'missing-rule',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it.each(cases)('%s: rejected with its code and location, nothing loaded', (name) => {
    const want = expected[name] as Expected;
    const result = loadRegistry(join(dir, name), withTestDomain);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(want.errors);
    const first = result.errors[0];
    expect(first?.code).toBe(want.code);
    expect(first?.file).toBe(join(dir, want.file));
    expect(first?.line).toBe(want.line);
    expect(first?.column).toBe(want.column);
    expect(first?.pointer ?? null).toBe(want.pointer);
    expect(first?.message.length).toBeGreaterThan(0);
    expect(first?.hint?.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: `boligsocial validate` prints file:line:column and exits 1', async (name) => {
    const want = expected[name] as Expected;
    const run = await runCli(['validate', join(dir, name)], { domains: TEST_DOMAINS });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${join(dir, want.file)}:${want.line}:${want.column} fejl ${want.code} `);
    if (want.pointer !== null) expect(run.stdout).toContain(`(${want.pointer})`);
  });
});

describe('did-you-mean hints', () => {
  it.each([
    ['ukendt-fakta', 'Mente du "beboere"?'],
    ['ukendt-fakta-som-vaerdi', 'Mente du "graense"?'],
    ['ukendt-parameter', 'Mente du "minBeboere"?'],
    ['ukendt-operator', 'Mente du "greaterThan"?'],
    ['ukendt-betingelse', 'Mente du "ledighed"?'],
    ['screening-indsats-stavefejl', 'Mente du "lokalt-udviklingsprojekt"?'],
    ['screening-ukendt-indsatsomraade', 'Mente du "tryghed-og-trivsel"?'],
    ['screening-ukendt-haendelsestype', 'Mente du "indikator"?'],
    ['klassifikation-ukendt-kategori', 'Mente du "omdannelse"?'],
    ['ukendt-domaene', 'Mente du "screening"?'],
    ['livsforloeb-regel-mangler', 'Mente du "stop-maal-naet"? Reglens id skal være "stop-maal-naaet".'],
  ])('%s suggests the near name', (name, hint) => {
    const result = loadRegistry(join(dir, name), withTestDomain);
    expect(result.ok ? undefined : result.errors[0]?.hint).toBe(hint);
  });
});
