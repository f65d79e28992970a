/** Every policy scenario under fixtures/scenarios is its own test; together they test every domain function. */
import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../src/shipped.js';
import { listRuleFiles } from '../src/rules/registry.js';
import { SCENARIO_KINDS } from '../src/scenarios/schema.js';
import { runScenarioFile, scenarioRules } from '../src/scenarios/index.js';

const files = listRuleFiles('fixtures/scenarios');
const rules = scenarioRules(bundledRegistry);
const results = new Map(files.map((f) => [f, runScenarioFile(f, rules)]));
const kindOf = (f: string) => results.get(f)?.kind;

describe('policy scenarios', () => {
  it('exist for every kind: the four domain questions and the engine', () => {
    const kinds = new Set(files.map(kindOf));
    expect([...kinds].sort()).toEqual([...SCENARIO_KINDS].sort());
  });

  it('outside the engine folder, all run a domain function', () => {
    const engineLevel = files.filter((f) => !f.includes('/engine/') && kindOf(f) === 'engine');
    expect(engineLevel).toEqual([]);
  });

  it.each(files)('%s', (file) => {
    const result = results.get(file);
    expect(result?.errors).toEqual([]);
    expect(result?.mismatches).toEqual([]);
    expect(result?.passed).toBe(true);
  });
});
