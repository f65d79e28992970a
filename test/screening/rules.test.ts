import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSetFile } from '../../src/shipped.js';
import { CoverageCollector } from '../../src/scenarios/coverage.js';
import { bundledRegistry } from '../../src/shipped.js';
import { screeningMeta } from '../../src/screening/rule-meta.js';
import { runScenarioFile, scenarioRules } from '../../src/scenarios/index.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
}

describe('rules/screening', () => {
  const loaded = loadRuleSetFile('rules/screening/2017-06-01.json');

  it('loads', () => {
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });

  it('marks every threshold as fsb policy with unit, description and source', () => {
    if (!loaded.ok) throw new Error('does not load');
    const params = Object.values(loaded.value.parameters);
    expect(params.length).toBeGreaterThanOrEqual(20);
    for (const p of params) {
      expect(p.status, p.name).toBe('fsb-politik');
      expect(p.unit.length, p.name).toBeGreaterThan(0);
      expect(p.description.length, p.name).toBeGreaterThan(20);
      expect(p.source?.reference, p.name).toMatch(/Boligsocial Strategi/);
    }
  });

  it('has one rule per indicator and the four recommendation branches', () => {
    if (!loaded.ok) throw new Error('does not load');
    const meta = screeningMeta(loaded.value);
    expect(meta.indikatorer.map((i) => i.id)).toEqual([
      'hoej-husleje', 'hoej-flyttefrekvens', 'sociale-problemer', 'utryghed', 'vold', 'haervaerk', 'nedslidning', 'saarbare-beboere',
      'restancer-udsaettelser', 'unge-uden-job-uddannelse', 'unge-uden-ungdomsuddannelse', 'elever-fagligt-niveau', 'unge-kriminalitet',
    ]);
    expect(meta.anbefalinger.map((a) => a.kind)).toEqual(['helhedsplan', 'lokalt-udviklingsprojekt', 'boligsocial-ejendomsfunktionaer', 'kontaktpersonordning']);
    expect(meta.minTryghedRespondenter).toBe(20);
    expect(meta.indikatorer.find((i) => i.id === 'sociale-problemer')?.facts).toEqual(['overfoerselsindkomstPct', 'kontanthjaelpPct']);
  });
});

describe('screening scenarios', () => {
  it('are domain scenarios that all pass, use the version in force and see every condition both true and false', () => {
    const coverage = new CoverageCollector();
    const rules = scenarioRules(bundledRegistry);
    const failures: string[] = [];
    const all = files('fixtures/scenarios/screening');
    expect(all.length).toBeGreaterThanOrEqual(70);
    for (const file of all) {
      const r = runScenarioFile(file, rules);
      expect(r.kind, file).toBe('screening');
      coverage.recordScenario(r);
      if (!r.passed) failures.push(`${file}: ${JSON.stringify([...r.mismatches, ...r.errors])}`);
    }
    expect(failures).toEqual([]);
    expect(coverage.untested()).toEqual([]);
    expect(coverage.gaps()).toEqual([]);
  });

  it('covers every threshold parameter below, at and above', () => {
    const all = files('fixtures/scenarios/screening').map((f) => f.split('/').pop() ?? '');
    for (const fact of ['huslejeIndeks', 'flyttefrekvensPct', 'overfoerselsindkomstPct', 'kontanthjaelpPct', 'utrygPct', 'voldPr1000Beboere', 'haervaerkPr100Lejemaal', 'standBygninger', 'standFriarealer', 'saarbareIsoleredePct', 'restancePct', 'udsaettelserPct', 'ungeUdenJobUddannelsePct', 'ungeUdenUngdomsuddannelsePct', 'eleverUnder02Pct', 'ungeSigtedePct']) {
      for (const side of ['under', 'paa', 'over']) expect(all, `${fact}-${side}`).toContain(`${fact}-${side}.json`);
    }
  });
});
