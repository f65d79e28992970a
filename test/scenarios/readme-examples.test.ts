/** The scenario files of the README's "Add a scenario" are complete files that pass as written. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../../src/shipped.js';
import { runScenarioFile, scenarioRules } from '../../src/scenarios/index.js';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('### Add a scenario'), readme.indexOf('\n### ', readme.indexOf('### Add a scenario') + 1));
const examples = [...section.matchAll(/Save this as `([^`]+)`:\n\n```json\n([\s\S]*?)```/g)].map((m) => ({ path: m[1] as string, text: m[2] as string }));

describe('README: Add a scenario', () => {
  it('shows a domain-level example first and an engine-level one second', () => {
    expect(examples.map((e) => Object.keys(JSON.parse(e.text) as object).find((k) => ['boligomraade', 'afdeling', 'indsats', 'plan', 'facts'].includes(k)))).toEqual(['boligomraade', 'facts']);
  });

  it.each(examples.map((e) => [e.path, e] as const))('%s passes as written', (_path, example) => {
    const root = mkdtempSync(join(tmpdir(), 'readme-'));
    cpSync('fixtures/engine', join(root, 'fixtures/engine'), { recursive: true });
    const file = join(root, example.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, example.text);
    const result = runScenarioFile(file, scenarioRules(bundledRegistry));
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
    expect(result.passed).toBe(true);
  });
});
