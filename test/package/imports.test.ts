/**
 * The built package, imported by name from an .mjs and a .cjs file the way services
 * do. Needs `npm run build` first (the test script does it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const consumer = resolve('test/package/consumer');
const demoRules = resolve('fixtures/engine/rules');

describe('the built package', () => {
  it('has been built', () => {
    expect(existsSync('dist/index.js') && existsSync('dist/index.cjs') && existsSync('dist/index.d.ts')).toBe(true);
  });

  it.each([
    ['import.mjs', 'esm'],
    ['require.cjs', 'cjs'],
  ])('works from %s', (file, format) => {
    const out = execFileSync(process.execPath, [join(consumer, file), demoRules], { encoding: 'utf8' });
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(JSON.parse(out)).toEqual({ format, ids: true, udsat: true, kr: '1.234.567,89 kr.', hash: true, version });
  });

  it('runs the CLI binary', () => {
    const out = execFileSync(process.execPath, ['dist/cli.js', 'validate'], { encoding: 'utf8' });
    expect(out).toMatch(/\d+ regelfiler kontrolleret: ingen fejl/);
  });

  it('loads each command lazily: validate reads none of classify\'s code, nor csv-parse, which classify reads its input with', () => {
    const loaded = (args: string[]) =>
      spawnSync(process.execPath, ['--import', join(consumer, 'log-loads.mjs'), 'dist/cli.js', ...args], { encoding: 'utf8' })
        .stderr.split('\n')
        .filter((l) => l.startsWith('loaded '))
        .map((l) => l.slice('loaded '.length));
    const chunks = (urls: readonly string[]) => urls.filter((u) => u.includes('/dist/cli/'));
    const validate = loaded(['validate']);
    const classify = loaded(['classify', 'fixtures/boligomraader.csv']);
    expect(validate.some((u) => u.endsWith('/dist/cli.js'))).toBe(true);
    expect(validate.filter((u) => u.includes('/csv-parse/'))).toEqual([]);
    expect(classify.some((u) => u.includes('/csv-parse/'))).toBe(true);
    expect(chunks(classify).filter((c) => !chunks(validate).includes(c)).length).toBeGreaterThan(0);
  });

  it('does not ship the engine\'s test domain: the demo rules need it declared', () => {
    const run = spawnSync(process.execPath, ['dist/cli.js', 'validate', demoRules], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('fejl unknown-domain ukendt domæne "test"');
  });
});
