import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../../src/shipped.js';
import { listRuleFiles } from '../../src/rules/registry.js';
import { CoverageCollector } from '../../src/scenarios/coverage.js';
import { runScenarioFile, scenarioRules } from '../../src/scenarios/index.js';

const files = listRuleFiles('fixtures/scenarios/classification');

describe('classification scenarios', () => {
  it('are domain scenarios that pass, use every version and see every condition both true and false', () => {
    const coverage = new CoverageCollector();
    const rules = scenarioRules(bundledRegistry);
    for (const file of files) {
      const result = runScenarioFile(file, rules);
      expect(result.kind, file).toBe('classification');
      expect(result.errors, file).toEqual([]);
      expect(result.mismatches, file).toEqual([]);
      coverage.recordScenario(result);
    }
    const versions = coverage.ruleSets().map((rs) => `${rs.info.id} ${rs.info.version}`).sort();
    expect(versions).toEqual(['classification 2010-10-26', 'classification 2013-12-01', 'classification 2018-12-01', 'classification 2021-11-30', 'classification-infrastruktur 2015-12-01']);
    expect(coverage.untested()).toEqual([]);
    expect(coverage.gaps()).toEqual([]);
  });

  it('have at, above and below cases for the thresholds of every version', () => {
    for (const dir of ['2010', '2013', 'infrastruktur-2015', '2018', '2021']) {
      const names = files.filter((f) => f.includes(`/classification/${dir}/`)).map((f) => f.split('/').pop());
      for (const slug of ['ledighed', 'domfaelte']) {
        for (const side of ['paa', 'over', 'under']) expect(names, dir).toContain(`${slug}-${side}.json`);
      }
      expect(names, dir).toContain('beboere-999.json');
    }
  });

  it('give every area of fixtures/classification its hård/omdannelse outcome 2018–2022 from the published lists alone', () => {
    const names = files.filter((f) => f.includes('/offentliggjorte-lister/')).map((f) => f.split('/').pop());
    for (const area of ['hoejvang', 'birkely', 'moseholm', 'toftegaard', 'grenhaven', 'aasen']) {
      for (const year of [2018, 2019, 2020, 2021, 2022]) expect(names).toContain(`${area}-${year}.json`);
    }
  });
});
