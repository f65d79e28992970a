/** The fixture generators only add files: a committed (possibly hand-edited) file is never rewritten or deleted. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClassificationScenarios } from '../../fixtures/classification/generate-scenarios.js';
import { generateScreeningFixtures } from '../../fixtures/screening/generate.js';
import { listRuleFiles } from '../../src/rules/registry.js';

function snapshot(dir: string): Map<string, string> {
  return new Map(listRuleFiles(dir).map((f) => [f, readFileSync(f, 'utf8')]));
}

describe.each([
  ['classification', (root: string) => generateClassificationScenarios(join(root, 'classification')), 'classification'],
  ['screening', (root: string) => generateScreeningFixtures(root), join('fixtures', 'scenarios', 'screening')],
])('the %s generator', (_name, generate, scenarioDir) => {
  it('writes every file once, keeps $schema, and on a second run writes nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'gen-'));
    const first = generate(root);
    expect(first.length).toBeGreaterThan(50);
    const files = listRuleFiles(join(root, scenarioDir));
    expect(files.every((f) => (JSON.parse(readFileSync(f, 'utf8')) as { $schema?: string }).$schema === '../../../../rules/scenario.schema.json')).toBe(true);
    expect(generate(root)).toEqual([]);
  });

  it('leaves a hand-edited file as it is, and re-adds only a deleted one', () => {
    const root = mkdtempSync(join(tmpdir(), 'gen-'));
    generate(root);
    const files = listRuleFiles(join(root, scenarioDir));
    const [edited, removed] = files as [string, string];
    writeFileSync(edited, '{ "description": "rettet i hånden" }\n');
    rmSync(removed);
    const extra = join(root, scenarioDir, 'egen-analyse.json');
    writeFileSync(extra, '{}\n');
    const before = snapshot(join(root, scenarioDir));
    const mtimes = new Map(files.filter((f) => f !== removed).map((f) => [f, statSync(f).mtimeMs]));
    expect(generate(root)).toEqual([removed]);
    expect(readFileSync(edited, 'utf8')).toBe('{ "description": "rettet i hånden" }\n');
    expect(existsSync(extra)).toBe(true);
    const after = snapshot(join(root, scenarioDir));
    for (const [f, text] of before) expect(after.get(f), f).toBe(text);
    for (const [f, t] of mtimes) expect(statSync(f).mtimeMs, f).toBe(t);
  });
});
