/** `--format html` and `-o <fil>` on the commands: the file written, the other formats untouched, usage errors. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'html-o-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN = ['financing', 'fixtures/financing/helhedsplan-2024.json'];

describe('-o with --format html', () => {
  it('writes the page to the file and says so; standard output gets the same page without -o', async () => {
    const file = join(dir, 'finansiering.html');
    const written = await runCli([...PLAN, '--format', 'html', '-o', file]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`skrev ${file}\n`);
    const page = readFileSync(file, 'utf8');
    expect(page.startsWith('<!doctype html>\n<html lang="da">')).toBe(true);
    expect((await runCli([...PLAN, '--format', 'html'])).stdout).toBe(page);
  });

  it('refuses -o with another format, and an unknown format, with exit code 2', async () => {
    const csv = await runCli([...PLAN, '--format', 'csv', '-o', join(dir, 'x.csv')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('-o/--output bruges kun med --format html');
    const xml = await runCli(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--format', 'xml']);
    expect(xml.code).toBe(2);
    expect(xml.stderr).toContain('Brug table, json eller html.');
  });

  it('reports a file it cannot write with exit code 2', async () => {
    const r = await runCli([...PLAN, '--format', 'html', '-o', join(dir, 'findes-ikke', 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kunne ikke skrive');
    expect(r.stderr).toContain('ENOENT');
  });

  it('answers with html on every command the issue names', async () => {
    const commands = [
      ['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--explain', '121'],
      ['classify', 'fixtures/boligomraader.csv', '--explain', 'solbakken'],
      ['forecast', 'fixtures/classification/afdelinger-prognose.csv', '--listedato', '2025-12-01'],
      ['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--explain', 'sydhavn-ejf-2021'],
      PLAN,
      ['compare', 'financing', 'fixtures/financing/helhedsplan-2024.json', '--after-set', 'financing-helhedsplan-lbf-2019-2026.kkFaciliteringAndel=0.05'],
      ['sensitivity', 'classify', 'fixtures/boligomraader.csv', '--parameter', 'classification.maxUdenArbejdePct', '--from', '39', '--to', '41', '--step', '1'],
    ];
    for (const args of commands) {
      const r = await runCli([...args, '--format', 'html']);
      expect(r.stdout.startsWith('<!doctype html>'), `${args.join(' ')}: ${r.stderr}`).toBe(true);
      expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
    }
  });
});
