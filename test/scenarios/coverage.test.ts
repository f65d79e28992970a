/** Coverage: every version of the rules used, in the domains tested, and the conditions domain scenarios reach. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../../src/shipped.js';
import { CoverageCollector } from '../../src/scenarios/coverage.js';
import { runCli } from '../support/cli.js';
import { runScenarioFile, scenarioRules } from '../../src/scenarios/index.js';

/** A copy of the shipped rules with the screening file copied to a new date (and one threshold changed). */
function rulesWithNewScreeningVersion(): string {
  const dir = mkdtempSync(join(tmpdir(), 'regler-'));
  cpSync('rules', dir, { recursive: true });
  const old = JSON.parse(readFileSync(join(dir, 'screening/2017-06-01.json'), 'utf8')) as { effective: { from: string; to?: string }; parameters: Record<string, { value: unknown }> };
  const next = structuredClone(old);
  old.effective.to = '2025-12-31';
  next.effective = { from: '2026-01-01' };
  (next.parameters.maxFlyttefrekvensPct as { value: unknown }).value = '12';
  writeFileSync(join(dir, 'screening/2017-06-01.json'), JSON.stringify(old, null, 2));
  writeFileSync(join(dir, 'screening/2026-01-01.json'), JSON.stringify(next, null, 2));
  return dir;
}

describe('coverage of rule-set versions', () => {
  it('a version no scenario uses is a gap, reported with its file; --strict fails on it', async () => {
    const rules = rulesWithNewScreeningVersion();
    const plain = await runCli(['--rules', rules, 'test', 'fixtures/scenarios/screening']);
    expect(plain.stdout).toContain('Regelsætversioner uden scenarier: 1');
    expect(plain.stdout).toMatch(/screening\/2026-01-01\.json \(screening 2026-01-01: intet scenarie bruger denne version\)/);
    expect(plain.stdout).not.toContain('Betingelsesdækning: fuld');
    expect(plain.code).toBe(0);
    expect((await runCli(['--rules', rules, 'test', 'fixtures/scenarios/screening', '--strict'])).code).toBe(1);
  });

  it('counts the versions of the domain the scenarios test, not of other domains', async () => {
    const run = await runCli(['test', 'fixtures/scenarios/screening', '--strict']);
    expect(run.stdout).not.toContain('uden scenarier');
    expect(run.stdout).toContain('Betingelsesdækning: fuld (alle betingelser i 1 regelsætversion');
    expect(run.code).toBe(0);
  });

  it('counts every version of a domain, including one without conditions (a financing scheme), through the result naming it', () => {
    const coverage = new CoverageCollector();
    const result = runScenarioFile('fixtures/scenarios/financing/helhedsplan-lbf-2015-2018/regneeksempel-10-mio.json', scenarioRules(bundledRegistry));
    coverage.recordScenario(result);
    const untested = coverage.untested().map((u) => `${u.ruleSet} ${u.version}`);
    expect(untested).toContain('financing-helhedsplan-lbf-2019-2026 2019-01-01');
    expect(untested).not.toContain('financing-helhedsplan-lbf-2015-2018 2015-01-01');
    expect(untested).not.toContain('financing-affordability 2017-06-01');
    expect(untested.every((u) => u.startsWith('financing-'))).toBe(true);
  });
});

describe('coverage of conditions reached through domain scenarios', () => {
  it('comes from the evaluations the domain function performed', () => {
    const rules = scenarioRules(bundledRegistry);
    const coverage = new CoverageCollector();
    const result = runScenarioFile('fixtures/scenarios/screening/grundlag/rolig-afdeling.json', rules);
    expect(result.evaluations.map((e) => `${e.ruleSet.info.id} ${e.ruleSet.info.version}`)).toEqual(['screening 2017-06-01']);
    coverage.recordScenario(result);
    // a quiet afdeling: the flyttefrekvens condition seen false, never true
    const gap = coverage.gaps().find((g) => g.pointer === '/conditions/hoej-flyttefrekvens/condition');
    expect(gap).toMatchObject({ seenTrue: false, seenFalse: true, file: expect.stringMatching(/screening\/2017-06-01\.json$/), line: expect.any(Number) });
    coverage.recordScenario(runScenarioFile('fixtures/scenarios/screening/flyttefrekvens/flyttefrekvensPct-over.json', rules));
    expect(coverage.gaps().find((g) => g.pointer === '/conditions/hoej-flyttefrekvens/condition')).toBeUndefined();
  });

  it('a classification scenario also covers the infrastructure list in force beside the law version', () => {
    const result = runScenarioFile('fixtures/scenarios/classification/infrastruktur-2015/ledighed-over.json', scenarioRules(bundledRegistry));
    expect(result.evaluations.map((e) => `${e.ruleSet.info.id} ${e.ruleSet.info.version}`)).toEqual(['classification 2013-12-01', 'classification-infrastruktur 2015-12-01']);
  });
});

describe('boligsocial test <one file>', () => {
  it('runs it and leaves coverage to a folder', async () => {
    const run = await runCli(['test', 'fixtures/scenarios/screening/grundlag/rolig-afdeling.json', '--strict']);
    expect(run.stdout).toContain('1 scenarier: 1 bestået, 0 fejlet\nDækningen vises, når du kører en mappe med scenarier.');
    expect(run.stdout).not.toContain('Betingelsesdækning');
    expect(run.code).toBe(0);
  });
});
