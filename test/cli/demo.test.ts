/**
 * `npm run demo` (after its build): a heading before each step, and every line it prints,
 * on stdout and stderr, fits 160 columns. Needs `npm run build` first (the test script does it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_STEPS } from '../../scripts/demo.js';

describe('npm run demo', () => {
  it('prints each step under its heading, every line within 160 columns', () => {
    expect(existsSync('dist/cli.js'), 'run npm run build first').toBe(true);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    // the headings, in the order of the steps, each followed by the command it runs
    const headings = lines.flatMap((l, i) => (/^== .+ ==$/.test(l) ? [[l, lines[i + 1]]] : []));
    expect(headings).toEqual(DEMO_STEPS.map((s) => [`== ${s.heading} ==`, `$ boligsocial ${s.args.join(' ')}`]));
    expect(lines[0]).toBe(`== ${DEMO_STEPS[0]?.heading} ==`);
    expect(DEMO_STEPS.map((s) => s.heading)).toContain('Klassifikation af boligområder');
    // every step printed something after its heading
    const sections = run.stdout.split(/^== .+ ==$/m).slice(1);
    for (const s of sections) expect(s.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('$ ')).length).toBeGreaterThan(0);
    for (const line of [...lines, ...run.stderr.split('\n')]) expect([...line].length, line).toBeLessThanOrEqual(160);
  });
});
