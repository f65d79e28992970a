import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS } from '../../src/cli/schemas.js';
import { TEST_DOMAINS } from '../support/test-domain.js';
import { runCli } from '../support/cli.js';

describe('boligsocial validate', () => {
  it('accepts the shipped rules', async () => {
    const run = await runCli(['validate']);
    expect(run.stdout).toMatch(/regelfiler kontrolleret: ingen fejl/);
    expect(run.code).toBe(0);
  });

  it('reports every error of every file given, and exits 1', async () => {
    const run = await runCli(['validate', 'fixtures/broken/ukendt-fakta', 'fixtures/broken/ukendt-operator'], { domains: TEST_DOMAINS });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('fejl unknown-fact');
    expect(run.stdout).toContain('fejl unknown-operator');
    expect(run.stdout).toContain('2 regelfiler kontrolleret: 2 fejl i 2 filer');
  });

  it('says so, naming the path, when a path does not exist: a usage error (exit 2)', async () => {
    const run = await runCli(['validate', 'findes/ikke']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('fejl file-read filen eller mappen findes/ikke kan ikke læses: den findes ikke');
  });
});

describe('boligsocial schema', () => {
  it('prints the JSON Schema, identical to the committed rules/rule-set.schema.json', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('$schema', 'http://json-schema.org/draft-07/schema#');
    expect(readFileSync('rules/rule-set.schema.json', 'utf8')).toBe(JSON_SCHEMAS['rule-set'].text());
    expect(run.stdout).toBe(JSON_SCHEMAS['rule-set'].text());
  });

  it.each([
    ['scenario', 'rules/scenario.schema.json', 'anyOf'],
    ['indsats', 'rules/indsats.schema.json', 'properties.events'],
    ['financing-plan', 'rules/financing-plan.schema.json', 'properties.budget'],
  ])('prints the %s JSON Schema, identical to the committed %s', async (kind, file, property) => {
    const run = await runCli(['schema', kind]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty(property);
    expect(readFileSync(file, 'utf8')).toBe(run.stdout);
  });

  it('rejects an unknown kind', async () => {
    expect((await runCli(['schema', 'regler'])).code).toBe(2);
  });

  it('writes it to a file with --output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-'));
    const run = await runCli(['schema', '--output', join(dir, 's.json')]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 's.json'), 'utf8')).toBe(JSON_SCHEMAS['rule-set'].text());
  });
});

describe('boligsocial test', () => {
  it('runs scenarios and reports full coverage of the demo rule set', async () => {
    const count = readdirSync('fixtures/engine/scenarios').length;
    const run = await runCli(['test', 'fixtures/engine/scenarios', '--strict'], { domains: TEST_DOMAINS });
    expect(run.stdout).toContain(`${count} scenarier: ${count} bestået, 0 fejlet`);
    expect(run.stdout).toContain('Betingelsesdækning: fuld');
    expect(run.code).toBe(0);
  });

  it('reports a failing scenario with what was expected and what came, and uncovered conditions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scen-'));
    const rules = join(process.cwd(), 'fixtures/engine/rules');
    writeFileSync(
      join(dir, 'forkert.json'),
      JSON.stringify({ description: 'Forkert forventning', ruleSet: 'demo', rules, asOf: '2020-12-01', facts: { beboere: 999 }, expected: { udsat: true } }),
    );
    const run = await runCli(['test', dir, '--strict'], { domains: TEST_DOMAINS });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FEJLET');
    expect(run.stdout).toContain('udsat: forventede ja, fik nej');
    expect(run.stdout).toContain('1 scenarier: 0 bestået, 1 fejlet');
    expect(run.stdout).toMatch(/demo\/2018-12-01\.json:\d+:\d+ \/rules\/0\/conditions: aldrig opfyldt/);
  });

  it('reports a scenario whose rule set has no version in force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scen-'));
    writeFileSync(
      join(dir, 'for-tidligt.json'),
      JSON.stringify({ description: 'For tidligt', ruleSet: 'demo', rules: join(process.cwd(), 'fixtures/engine/rules'), asOf: '2009-05-01', facts: {}, expected: {} }),
    );
    const run = await runCli(['test', dir], { domains: TEST_DOMAINS });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('ingen demo-regler i kraft 2009-05-01; de første træder i kraft 2018-12-01');
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command, 0 on --help', async () => {
    expect((await runCli(['klassificer'])).code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate');
  });

  it('uses --rules <dir> instead of the shipped rules', async () => {
    const run = await runCli(['--rules', 'fixtures/engine/rules', 'validate'], { domains: TEST_DOMAINS });
    expect(run.stdout).toContain('1 regelfil kontrolleret: ingen fejl');
  });
});
