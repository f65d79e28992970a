import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from './helpers.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['--rules', 'rules', ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: ROOT });
  return { code, stdout, stderr };
}

describe('boligsocial lifecycle', () => {
  it('prints a Danish table of every indsats with state and decisions due', async () => {
    const r = await run(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Boligsociale indsatser pr. 1. juni 2025');
    expect(r.stdout).toMatch(/nordvest-hp-2022 +helhedsplan +i gang +2025-12-31/);
    expect(r.stdout).toContain('midtvejsevaluering: forfalden 1. januar 2024');
    expect(r.stdout).toContain('forbered ny helhedsplan');
    expect(r.stdout).toContain('under forberedelse');
    expect(r.stdout.indexOf('nordvest-hp-2022')).toBeLessThan(r.stdout.indexOf('ryparken-hp-2018'));
  });

  it('explains one indsats with its start and stop assessment and evidence', async () => {
    const r = await run(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--explain', 'sydhavn-ejf-2021']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Startparametre, vurderet pr. 1. januar 2021 (opstart)');
    expect(r.stdout).toContain('[opfyldt] 1. Afdelingen har ikke længere behov');
    expect(r.stdout).toContain('Sydhavnsgården: 2 seneste periode(r) i træk uden flag');
    expect(r.stdout).toContain('Anbefaling: afslut');
    expect(r.stdout).not.toContain('Regelforklaring');
    const tree = await run(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--explain', 'sydhavn-ejf-2021', '--tree']);
    expect(tree.stdout).toContain('Regelforklaring');
    expect(tree.stdout).toContain('[minPerioderUdenFlag]');
  });

  it('writes JSON on request', async () => {
    const r = await run(['lifecycle', 'fixtures/indsatser/tingbjerg-hp-2021.json', '--as-of', '2025-06-01', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { indsatser: { id: string; tilstand: string; anbefaling: { anbefaling: string } }[] };
    expect(out.indsatser).toHaveLength(1);
    expect(out.indsatser[0]).toMatchObject({ id: 'tingbjerg-hp-2021', tilstand: 'i-gang', anbefaling: { anbefaling: 'forbered-ny-helhedsplan' } });
  });

  it('reports a broken event log with the event and rule, exit 1, and reviews the good ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
    const good = { id: 'god', navn: 'God', kind: 'lokalt-udviklingsprojekt', afdelinger: ['A'], finansieringsordning: 'x', maal: [], aktiviteter: [], events: [] };
    const bad = { ...good, id: 'daarlig', events: [{ type: 'start', date: '2024-01-01' }] };
    writeFileSync(join(dir, 'list.json'), JSON.stringify([good, bad]));
    const r = await run(['lifecycle', join(dir, 'list.json'), '--as-of', '2025-06-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fejl event-not-allowed Hændelse nr. 1 (start, 1. januar 2024)');
    expect(r.stderr).toContain('/1/events/0');
    expect(r.stderr).toContain('start-kraever-bevilling');
    expect(r.stdout).toContain('god');
  });

  it('rejects a bad date, an unknown format and an unknown id with exit 2', async () => {
    expect((await run(['lifecycle', 'fixtures/indsatser', '--as-of', '1. juni'])).code).toBe(2);
    expect((await run(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--format', 'xml'])).code).toBe(2);
    const r = await run(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--explain', 'findes-ikke']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ingen indsats med id "findes-ikke"');
  });
});

describe('boligsocial test fixtures/scenarios/lifecycle', () => {
  it('passes every lifecycle scenario with full condition coverage', async () => {
    const r = await run(['test', 'fixtures/scenarios/lifecycle', '--strict']);
    expect(r.stdout).toMatch(/(\d+) scenarier: \1 bestået, 0 fejlet/);
    expect(r.stdout).toContain('Betingelsesdækning: fuld');
    expect(r.code).toBe(0);
  });
});
