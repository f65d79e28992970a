/**
 * The built package, imported by name from an .mjs and a .cjs file the way services
 * do. Needs `npm run build` first (the test script does it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
    expect(JSON.parse(out)).toEqual({ format, ids: true, udsat: true, kr: '1.234.567,89 kr.' });
  });

  it('runs the CLI binary', () => {
    const out = execFileSync(process.execPath, ['dist/cli.js', 'validate', demoRules], { encoding: 'utf8' });
    expect(out).toContain('1 regelfil kontrolleret: ingen fejl');
  });
});
