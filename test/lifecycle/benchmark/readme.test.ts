/** The README's benchmark section: every command it shows runs, and says what the section says. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.js';

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('### Benchmark across helhedsplaner and the fælles mål');
const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
  .flatMap((m) => (m[1] ?? '').split('\n'))
  .map((l) => l.trim())
  .filter((l) => l.startsWith('npx boligsocial '));

/** Splits a shell line without quotes into arguments. */
const argv = (line: string) => line.replace(/^npx boligsocial /, '').split(/\s+/);

describe('README: benchmark', () => {
  it('has the section with commands', () => {
    expect(start).toBeGreaterThan(0);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    expect(commands.some((c) => c.includes('--benchmark'))).toBe(true);
  });

  it.each(commands)('%s runs without errors', async (line) => {
    expect(line).not.toMatch(/["'`|<>]/);
    const run = await runCli(argv(line));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  });

  it('names the shipped threshold values as the benchmark rule file has them', () => {
    const file = JSON.parse(readFileSync('rules/benchmark/2017-06-01.json', 'utf8')) as { parameters: Record<string, { value: unknown; status: string }> };
    expect(section).toContain(`(${String(file.parameters.tendensPerioder?.value)} measurements for the trend, ${String(file.parameters.perioderIStaa?.value)} periods to`);
    expect(file.parameters.andelAfForventetFremdrift?.value).toBe('1');
    expect(section).toContain('on track at 100 % of the expected progress');
    expect(Object.values(file.parameters).every((p) => p.status === 'fsb-politik')).toBe(true);
    const katalog = JSON.parse(readFileSync('rules/metoder/2017-06-01.json', 'utf8')) as { metoder: unknown[]; status: string };
    expect(section).toContain(`only the ${katalog.metoder.length} methods`);
    expect(katalog.status).toBe('ubekræftet');
  });
});
