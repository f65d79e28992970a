/** One broken shared rule file is reported once, with the scenarios it blocked. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuleFiles } from '../../src/rules/registry.js';
import { runCli } from '../support/cli.js';

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

// run once for the describe below (its tests read them); a describe callback cannot await
const dir = mkdtempSync(join(tmpdir(), 'regler-'));
cpSync('rules', dir, { recursive: true });
writeFileSync(join(dir, 'screening/2017-06-01.json'), '');
const run = await runCli(['--rules', dir, 'test']);
const all = listRuleFiles('fixtures/scenarios');
// scenarios that name their own rules directory still run
const own = all.filter((f) => Object.hasOwn(JSON.parse(readFileSync(f, 'utf8')) as object, 'rules')).length;

describe('boligsocial --rules <copy with an empty file> test', () => {
  it('prints the fault once, at its file, line and column', () => {
    expect(occurrences(run.stdout, 'screening/2017-06-01.json:1:1 fejl json-syntax')).toBe(1);
    expect(run.stdout).toContain('FEJL i regelfilerne (1 fejl; reglerne indlæses ikke)');
  });

  it('then how many scenarios it blocked, counted per folder, and no line per scenario', () => {
    expect(run.stdout).toContain(`Blokerede ${all.length - own} scenarier: classification${'/'} (`);
    expect(run.stdout).toMatch(/screening\/ \(\d+\)/);
    expect(run.stdout).not.toContain('FEJLET');
    expect(run.stdout).toContain(`${all.length} scenarier: ${own} bestået, ${all.length - own} fejlet`);
    expect(run.stdout).toContain('Betingelsesdækning: ikke vurderet');
    expect(run.code).toBe(1);
  });

  it('names the scenarios one by one when they are few', async () => {
    const few = mkdtempSync(join(tmpdir(), 'scen-'));
    cpSync('fixtures/scenarios/screening/vold', few, { recursive: true });
    const r = await runCli(['--rules', dir, 'test', few]);
    expect(r.stdout).toContain('Blokerede 3 scenarier: voldPr1000Beboere-over.json, voldPr1000Beboere-paa.json, voldPr1000Beboere-under.json');
  });
});
