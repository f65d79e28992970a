/** The README's example for services runs and prints what the README shows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRegistry, evaluateRuleSet, formatExplanation } from '../src/index.js';

const readme = readFileSync('README.md', 'utf8');

describe('README, for services', () => {
  const ruleSet = bundledRegistry().inForce('classification', '2024-12-01');
  const evaluation = evaluateRuleSet(ruleSet, { beboere: 1200, udenArbejdePct: '41.5' });

  it('starts with the two commands a newcomer needs', () => {
    const block = readme.split('```sh\n')[1]?.split('```')[0] ?? '';
    expect(block).toContain('npm ci && npm run demo');
    expect(block).toContain('npm test');
  });

  it('shows the leaf the evaluation really produces', () => {
    const json = readme.match(/```json\n(\{\n  "kind": "fact"[\s\S]*?)```/)?.[1];
    expect(json).toBeDefined();
    expect(JSON.stringify(evaluation)).toContain(JSON.stringify(JSON.parse(json ?? '{}')));
  });

  it('shows lines the Danish explanation really contains', () => {
    const text = readme.split('\n## For services\n')[1]?.match(/```text\n([\s\S]*?)```/)?.[1] ?? '';
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(3);
    const out = formatExplanation(evaluation, ['udsat-boligomraade']);
    for (const line of lines) expect(out).toContain(line.trim());
  });

  it('names the missing facts as the README does', () => {
    expect(evaluation.missingFacts.slice(0, 3)).toEqual(['domfaelteFaktor', 'ikkeVestligePct', 'indkomstPctAfRegion']);
  });
});
