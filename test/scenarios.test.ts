/** Every policy scenario under fixtures/scenarios is its own test. */
import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../src/shipped.js';
import { listRuleFiles } from '../src/rules/registry.js';
import { runScenarioFile } from '../src/scenarios/run.js';

const files = listRuleFiles('fixtures/scenarios');

describe('policy scenarios', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', (file) => {
    const result = runScenarioFile(file, { registry: bundledRegistry });
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
    expect(result.passed).toBe(true);
  });
});
