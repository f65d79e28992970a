/** `boligsocial financing <plan.json>`: tables in Danish number formatting, JSON, CSV and located errors. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const PLAN = 'fixtures/financing/helhedsplan-2024.json';

describe('boligsocial financing', () => {
  it('prints the worked example as Danish tables', async () => {
    const r = await runCli(['financing', PLAN]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Budget: 12.000.000,00 kr.');
    expect(r.stdout).toMatch(/Landsbyggefonden\s+75 %\s+1\.885\.010,27 kr\.\s+2\.248\.459,95 kr\.\s+2\.248\.459,96 kr\.\s+2\.248\.459,96 kr\.\s+369\.609,86 kr\.\s+9\.000\.000,00 kr\./);
    expect(r.stdout).toMatch(/I alt\s+100 %\s+2\.513\.347,03 kr\.\s+2\.997\.946,61 kr\.\s+2\.997\.946,61 kr\.\s+2\.997\.946,61 kr\.\s+492\.813,14 kr\.\s+12\.000\.000,00 kr\./);
    expect(r.stdout).toMatch(/Vibehuset\s+60\s+5,00 %\s+15\.708,42 kr\.\s+18\.737,17 kr\.\s+18\.737,17 kr\.\s+18\.737,16 kr\.\s+3\.080,08 kr\.\s+75\.000,00 kr\./);
    expect(r.stdout).toMatch(/Lærkeparken\s+312,50 kr\.\s+0,40 %\s+2\.500,00 kr\.\s+3,21 %\s+ja/);
    expect(r.stdout).toContain('kontrolleret afrunding');
    expect(r.stdout).toContain('UBEKRÆFTET');
  });

  it('explains the affordability rule with --explain', async () => {
    const r = await runCli(['financing', PLAN, '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lærkeparken (afd-101), hvis afdelingerne betaler 100 %:');
    expect(r.stdout).toContain('Udgiften pr. lejemål pr. år overstiger fsb\'s grænse');
  });

  it('prints JSON with decimal strings', async () => {
    const r = await runCli(['financing', PLAN, '--format', 'json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { budget: string; funders: { total: string }[] };
    expect(a.budget).toBe('12000000.00');
    expect(a.funders.map((f) => f.total)).toEqual(['9000000.00', '1500000.00', '1500000.00']);
  });

  it('prints CSV with Danish numbers', async () => {
    const r = await runCli(['financing', PLAN, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('tabel,id,navn,andel,2024,2025,2026,2027,2028,i_alt');
    expect(lines[1]).toBe('kilde,lbf,Landsbyggefonden,"0,75","1.885.010,27","2.248.459,95","2.248.459,96","2.248.459,96","369.609,86","9.000.000,00"');
    expect(lines).toHaveLength(1 + 4 + 6);
  });

  it('handles a per-year budget and plan-named funders', async () => {
    const r = await runCli(['financing', 'fixtures/financing/lokalt-udviklingsprojekt-2025.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Budget: 3.000.000,00 kr. (angivet pr. år)');
    expect(r.stdout).toMatch(/Engparken\s+15\.750,5\s+70,31 %/);
  });

  it('reports bad input at its line and column and exits 1', async () => {
    const r = await runCli(['financing', 'fixtures/financing/ugyldig-plan.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('fixtures/financing/ugyldig-plan.json:10:5 fejl input-invalid beløbet -12000000.00 er negativt (/budget/total)');
    expect(r.stderr).toContain('kommatal (float)');
  });

  it('exits 2 on an unknown format or a missing file', async () => {
    expect((await runCli(['financing', PLAN, '--format', 'xml'])).code).toBe(2);
    const r = await runCli(['financing', 'fixtures/financing/findes-ikke.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kan ikke læses');
  });
});
