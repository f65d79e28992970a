import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/format/csv.js';
import type { BenchmarkResult } from '../../../src/lifecycle/benchmark/types.js';
import { runCli } from '../../support/cli.js';

const args = ['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--benchmark'];

// run once for the describe below (its tests read them); a describe callback cannot await
const table = await runCli(args);

describe('boligsocial lifecycle --benchmark', () => {
  it('prints, per fælles mål in Danish, the indsatser ranked by progress with baseline, latest, target and trend', () => {
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    const out = table.stdout;
    expect(out).toContain('Benchmark af boligsociale indsatser pr. 1. juni 2025');
    for (const heading of ['Fælles mål 1: Nedbringe ungeledigheden', 'Fælles mål 2: Flere unge får en ungdomsuddannelse', 'Fælles mål 3: Højne skoleelevernes faglige niveau', 'Fælles mål 4: Reducere antallet af udsættelser', 'Fælles mål 5: Nedbringe kriminaliteten blandt unge']) {
      expect(out).toContain(heading);
    }
    expect(out).toMatch(/Rang +Indsats +Indikator +Baseline +Seneste \(periode\) +Mål +Fremdrift +Tendens/);
    const m4 = out.slice(out.indexOf('Fælles mål 4'), out.indexOf('Fælles mål 5'));
    expect(m4).toMatch(/ 1 +kongens-enghave-hp-2021 +Udsættelser pr\. 100 lejemål +1 +0,6 \(2024\) +0,8 +100,0 % \(200,0 %\) +fremgang: 0,8 → 0,7 → 0,6/);
    expect(m4).toMatch(/ 5 +akacieparken-hp-2023 .* 0,0 % +tilbagegang: 1,5 → 1,5 → 1,6 +nej +ja/);
    expect(m4.indexOf('Enhed: pr. 100 lejemål')).toBeLessThan(m4.indexOf('Enhed: udsættelser'));
    expect(m4).toContain('Gået i stå i 2 perioder: akacieparken-hp-2023');
    expect(out).toMatch(/sjaeloer-hp-2023 +Unge 15–25 sigtet for lovovertrædelser +3,5 +3,7 \(2024-2\) +2,5 +−20,0 %/);
  });

  it('shows the stalled indsatser with their evidence and the method check', () => {
    const out = table.stdout;
    expect(out).toContain('akacieparken-hp-2023 (i gang): stopparameter 2 ikke opfyldt');
    expect(out).toContain('Unge 20–24 med ungdomsuddannelse (pct.; baseline 48, mål 56): 2023-2: 49, 2024-1: 49, 2024-2: 48,5');
    expect(out).toMatch(/hoergaarden-hp-2023 +3 af 3 aktiviteter \(100,0 %\) bygger på en dokumenteret metode +0/);
    expect(out).toContain('akacieparken-hp-2023: Aktiviteten "Lektiecafé" (lektiecafe-ak) henviser til metoden "lektiecafee", som ikke står i metodekataloget 2017-06-01 — mente du "lektiecafe"?');
  });

  it('writes the same as JSON with exact progress values', async () => {
    const run = await runCli([...args, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as BenchmarkResult;
    const m4 = json.faellesMaal[3];
    const first = m4?.grupper[0]?.raekker[0];
    expect(first).toMatchObject({ rang: 1, indsatsId: 'kongens-enghave-hp-2021', baseline: '1.0', maal: '0.8', seneste: { periode: '2024', vaerdi: '0.6' } });
    expect(first?.fremdrift).toEqual({ taeller: '1', naevner: '1', decimal: '1', eksakt: true });
    expect(first?.fremdriftUcappet).toEqual({ taeller: '2', naevner: '1', decimal: '2', eksakt: true });
    expect(json.faellesMaal.map((m) => m.antalIndsatser)).toEqual([6, 6, 2, 6, 2]);
  });

  it('writes CSV, one row per mål, unit and indicator, with the exact fraction', async () => {
    const run = await runCli([...args, '--format', 'csv']);
    expect(run.code).toBe(0);
    const csv = parseCsv(run.stdout, 'benchmark.csv');
    if (!csv.ok) throw new Error(JSON.stringify(csv.errors));
    const folehaven = csv.value.rows.find((r) => r.cells.maaltype === 'faelles' && r.cells.maalnr === '1' && r.cells.indsats === 'folehaven-hp-2023');
    expect(folehaven?.cells).toMatchObject({ enhed: 'pct.', rang: '4', baseline: '24', seneste: '20,6', maalvaerdi: '18', ucappet_taeller: '17', ucappet_naevner: '30', ucappet_eksakt: 'nej', tendens: 'fremgang' });
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout) as BenchmarkResult;
    const count = [...json.faellesMaal, ...json.strategiMaal].flatMap((m) => m.grupper).flatMap((g) => g.raekker).length;
    expect(csv.value.rows).toHaveLength(count);
  });

  it('includes ended indsatser with --include-ended', async () => {
    const run = await runCli([...args, '--include-ended', '--format', 'json']);
    const json = JSON.parse(run.stdout) as BenchmarkResult;
    expect(json.medAfsluttede).toBe(true);
    expect(json.indsatser.map((i) => i.id)).toContain('ryparken-hp-2018');
  });

  it('rejects an unknown format and --explain together with --benchmark, with exit 2', async () => {
    const html = await runCli([...args, '--format', 'html']);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('ukendt format "html" for --benchmark');
    const both = await runCli([...args, '--explain', 'folehaven-hp-2023']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--benchmark og --explain kan ikke bruges sammen');
    expect((await runCli(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--format', 'csv'])).code).toBe(2);
  });
});

describe('the method check in lifecycle --explain', () => {
  it('lists each activity with its method, the share documented, and a warning with a did-you-mean', async () => {
    const run = await runCli(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--explain', 'akacieparken-hp-2023']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(advarsel) Dokumenterede metoder: 1 af 3 aktiviteter (33,3 %) bygger på en dokumenteret metode — metodekataloget 2017-06-01 (ubekræftet)');
    expect(run.stdout).toContain('– Gadeplansarbejde: Gadeplansindsatser (gadeplansindsats)');
    expect(run.stdout).toContain('! Aktiviteten "Lektiecafé" (lektiecafe-ak) henviser til metoden "lektiecafee", som ikke står i metodekataloget 2017-06-01 — mente du "lektiecafe"?');
    expect(run.stdout).toContain('! Aktiviteten "Familiecafé" (familiecafe-ak) bygger ikke på en dokumenteret metode');
    // a warning, not a requirement: every start requirement is still met
    expect(run.stdout).toContain('alle krav opfyldt: opfyldt');
  });

  it('shows the share without warnings for an indsats that is not a helhedsplan, and carries it in the JSON', async () => {
    const run = await runCli(['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--explain', 'oesterbro-lup-2022', '--format', 'json']);
    const json = JSON.parse(run.stdout) as { indsatser: { metoder: { advarer: boolean; advarsler: string[]; ialt: number } }[]; explanation: string };
    expect(json.indsatser[0]?.metoder).toMatchObject({ advarer: false, advarsler: [], ialt: 4 });
    expect(json.explanation).toContain('Dokumenterede metoder: 0 af 4 aktiviteter (0,0 %)');
    expect(json.explanation).not.toContain('(advarsel) Dokumenterede metoder');
  });
});
