import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/format/csv.js';
import { runCli } from '../support/cli.js';
import { parseTables } from '../support/table.js';
import { afdeling, roligPeriode } from './helpers.js';

describe('boligsocial screen', () => {
  it('prints a readable Danish table of the fixture', async () => {
    const r = await runCli(['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Screening af 60 afdelinger pr. 1. december 2024');
    expect(lines[2]).toMatch(/^Afd\.\s+Navn\s+Periode\s+Boligområdets status\s+Udløste indikatorer\s+Anbefaling\s+Kontaktperson\s+Siden forrige screening$/);
    const [table] = parseTables(r.stdout);
    expect(table?.rows).toHaveLength(60);
    const anbefaling = (id: string) => table?.rows.find((row) => row[0] === id)?.[5];
    expect(anbefaling('352')).toBe('helhedsplan');
    expect(anbefaling('394')).toBe('lokalt udviklingsprojekt + ejendomsfunktionær');
    expect(anbefaling('100')).toBe('ingen særlig indsats');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(160);
    expect(r.stdout).toMatch(/I alt: \d+ boligsocial helhedsplan, \d+ lokalt udviklingsprojekt, \d+ boligsocial ejendomsfunktionær, \d+ ingen særlig indsats, \d+ ukendt/);
  });

  it('explains one afdeling with figures and thresholds', async () => {
    const r = await runCli(['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--explain', '352']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Afdeling 352 /);
    expect(r.stdout).toMatch(/Konklusion: Anbefalet: boligsocial helhedsplan\./);
    expect(r.stdout).toMatch(/✓ Andel af de 18–64-årige beboere på overførselsindkomst: [\d,]+ pct\. af de 18–64-årige — grænse: overstiger 30 \[maxOverfoerselsindkomstPct\]/);
    expect(r.stdout).toMatch(/mål: 1 Udvikle velfærdsområdet; 2 Bygge bro til den kommunale kernedrift; 3 Understøtte fsb's øvrige kerneområder; 4 Styrke naboskab og sammenhængskraft/);
    expect(r.stdout).toMatch(/Ændringer siden 1\. december 2023:/);
    expect(r.stdout).toMatch(/Fuld begrundelse:\nRegelsæt: fsb's løbende screening af afdelinger/);
  });

  it('writes CSV that parses back, one row per afdeling', async () => {
    const r = await runCli(['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--format', 'csv']);
    const table = parseCsv(r.stdout, 'out.csv');
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.value.rows).toHaveLength(60);
    expect(table.value.headers).toContain('helhedsplan');
    expect(new Set(table.value.rows.map((row) => row.cells['konklusion']))).toEqual(new Set(['indsats', 'ingen-saerlig-indsats', 'ukendt']));
  });

  it('writes JSON', async () => {
    const r = await runCli(['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--format', 'json']);
    const data = JSON.parse(r.stdout) as { asOf: string; results: { afdeling: { id: string } }[] };
    expect(data.asOf).toBe('2024-12-01');
    expect(data.results).toHaveLength(60);
  });

  it('screens the good rows of a malformed CSV, reports each bad one and exits 1', async () => {
    const r = await runCli(['screen', 'fixtures/screening/afdelinger-fejl.csv', '--as-of', '2024-12-01']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Screening af 2 afdelinger/);
    expect(r.stdout).toMatch(/^901 /m);
    expect(r.stdout).toMatch(/^909 .*ukendt/m);
    for (const row of [3, 4, 5, 6, 7, 8, 9]) expect(r.stderr).toMatch(new RegExp(`afdelinger-fejl\\.csv:${row + 1} række ${row} `));
    expect(r.stderr).toMatch(/række 4 kolonne fraflytninger fejl input-row "mange" er ikke et tal/);
  });

  it('reads JSON afdelinger and a status file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ afdelinger: [afdeling([roligPeriode('2024-12-01')], { boligomraade: 'Nord' })] }));
    writeFileSync(join(dir, 'status.json'), JSON.stringify({ Nord: ['Udsat boligområde'] }));
    const unknown = await runCli(['screen', 'a.json', '--as-of', '2024-12-01'], dir);
    expect(unknown.stdout).toMatch(/^T1 .*ukendt.*ukendt \(helhedsplan\?\)/m);
    const r = await runCli(['screen', 'a.json', '--as-of', '2024-12-01', '--status', 'status.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^T1\s+Testgården\s+2024-12-01\s+udsat boligområde\s+–\s+helhedsplan\s+ja\s+første screening$/m);
  });

  it('rejects a bad date, format or file with exit code 2', async () => {
    expect((await runCli(['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-02-30'])).code).toBe(2);
    expect((await runCli(['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--format', 'xml'])).code).toBe(2);
    const missing = await runCli(['screen', 'fixtures/findes-ikke.csv', '--as-of', '2024-12-01']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/filen fixtures\/findes-ikke\.csv kan ikke læses/);
  });

  it('says so when --explain names an afdeling that is not there', async () => {
    const r = await runCli(['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--explain', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/afdeling nope findes ikke/);
  });
});
