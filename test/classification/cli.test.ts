import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { parseTables } from '../support/table.js';

interface JsonRow {
  id?: string;
  listedato?: string;
  regelsaet?: { id: string; dato: string };
  udsat?: boolean | null;
  parallelsamfund?: boolean | null;
  omdannelse?: boolean | null;
  forebyggelse?: boolean | null;
  afhaengerAfIkkeVestligeKriterium?: boolean;
  mangler?: string[];
  raekke?: number;
  fejl?: { kolonne?: string; besked: string }[];
}

async function json(argv: string[]): Promise<{ code: number; rows: JsonRow[]; stderr: string }> {
  const run = await runCli(argv);
  return { code: run.code, rows: JSON.parse(run.stdout) as JsonRow[], stderr: run.stderr };
}

describe('boligsocial classify', () => {
  it('prints a Danish table for list dates across every version', async () => {
    const run = await runCli(['classify', 'fixtures/boligomraader.csv', '--format', 'table']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const header of ['Udsat', 'Ghetto/parallelsamfund', 'Hård/omdannelse', 'Forebyggelse', 'Afhænger af ikke-vestlig']) expect(run.stdout).toContain(header);
    for (const version of ['2010-10-26', '2013-12-01', '+ infra 2015-12-01', '2018-12-01', '2021-11-30']) expect(run.stdout).toContain(version);
    expect(run.stdout).toMatch(/solbakken\s+Solbakken\s+2021-12-01\s+2021-11-30\s+ja\s+ja\s+ja\s+ja\s+ja/);
  });

  it('gives JSON with exactly the categories each version defines', async () => {
    const { code, rows } = await json(['classify', 'fixtures/boligomraader.csv', '--format', 'json']);
    expect(code).toBe(0);
    const row = (id: string, d: string) => rows.find((r) => r.id === id && r.listedato === d) as JsonRow;
    expect(row('solbakken', '2010-10-26')).toMatchObject({ regelsaet: { id: 'classification', dato: '2010-10-26' }, parallelsamfund: true });
    expect(row('solbakken', '2010-10-26')).not.toHaveProperty('udsat');
    expect(row('solbakken', '2010-10-26')).not.toHaveProperty('omdannelse');
    expect(row('solbakken', '2019-12-01')).toMatchObject({ udsat: true, parallelsamfund: true, omdannelse: true });
    expect(row('solbakken', '2019-12-01')).not.toHaveProperty('forebyggelse');
    expect(row('engparken', '2021-12-01')).toMatchObject({ udsat: true, parallelsamfund: true, omdannelse: false, forebyggelse: true, afhaengerAfIkkeVestligeKriterium: true });
    expect(row('engparken', '2022-12-01')).toMatchObject({ omdannelse: true });
    expect(row('havnehusene', '2021-12-01')).toMatchObject({ udsat: false, parallelsamfund: false, forebyggelse: false });
    expect(row('havnehusene', '2022-12-01')).toMatchObject({ udsat: true, parallelsamfund: true });
    expect(row('lindegaarden', '2020-12-01')).toMatchObject({ udsat: null, mangler: expect.arrayContaining(['kunGrundskolePct']) });
    for (const r of rows) expect(r).toHaveProperty('mangler');
  });

  it('reproduces the hård/omdannelse outcomes of the history rule for every list 2018–2022 from a published history', async () => {
    const expected = JSON.parse(readFileSync('fixtures/classification/historik-2014-2022.forventet.json', 'utf8')) as { omdannelse: Record<string, Record<string, boolean | null>> };
    const { code, rows } = await json(['classify', 'fixtures/classification/historik-2014-2022.csv', '--format', 'json']);
    expect(code).toBe(0);
    let checked = 0;
    for (const [id, byDate] of Object.entries(expected.omdannelse)) {
      for (const [listedato, outcome] of Object.entries(byDate)) {
        const row = rows.find((r) => r.id === id && r.listedato === listedato);
        expect(row?.omdannelse, `${id} ${listedato}`).toBe(outcome);
        checked++;
      }
    }
    expect(checked).toBe(30);
  });

  it('reads semicolons and decimal commas', async () => {
    const { code, rows } = await json(['classify', 'fixtures/classification/boligomraader-semikolon.csv', '--format', 'json']);
    expect(code).toBe(0);
    expect(rows[0]).toMatchObject({ id: 'engparken', udsat: true, parallelsamfund: true });
    // 2,04 / 0,68 = exactly 3 × the national average; 40,0 and 55,0 are not met
    expect(rows[1]).toMatchObject({ id: 'kildevaenget', udsat: false, forebyggelse: true });
  });

  it('reports bad rows with row, column and reason, still classifies the good ones, and exits 1', async () => {
    const run = await runCli(['classify', 'fixtures/classification/boligomraader-fejl.csv', '--format', 'json']);
    expect(run.code).toBe(1);
    const rows = JSON.parse(run.stdout) as JsonRow[];
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ id: 'god', udsat: true, parallelsamfund: true });
    expect(rows[1]).toMatchObject({ raekke: 2, id: 'tal', fejl: [{ kolonne: 'beboere' }] });
    expect(rows[2]).toMatchObject({ raekke: 3, fejl: [{ kolonne: 'listedato' }] });
    expect(rows[3]).toMatchObject({ raekke: 4, fejl: [{ kolonne: 'ikke_vestlige_pct' }] });
    expect(rows[4]).toMatchObject({ raekke: 5, fejl: [{ kolonne: 'offentliggjort_parallelsamfund' }] });
    expect(rows[5]).toMatchObject({ raekke: 6, fejl: [{ kolonne: 'listedato' }] });
    expect(rows[6]).toMatchObject({ raekke: 7, fejl: [{ kolonne: 'id' }] });
    expect(run.stderr).toContain('række 2 kolonne beboere fejl input-row "mange" er ikke et helt antal beboere');
    expect(run.stderr).toContain('række 6 kolonne listedato');
  });

  it('--explain prints the full reasoning for one area', async () => {
    const run = await runCli(['classify', 'fixtures/boligomraader.csv', '--explain', 'engparken', '--listedato', '2021-12-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Boligområde engparken Engparken (København) — listen 1. december 2021');
    expect(run.stdout).toContain('kriterier opfyldt: 2 af 4 (mindst 2 kræves)');
    expect(run.stdout).toContain('2017 (1. december 2017): nej — beregnet efter reglerne fra 2013-12-01');
    expect(run.stdout).toContain('opfyldt, 0,3 over grænsen');
    const typo = await runCli(['classify', 'fixtures/boligomraader.csv', '--explain', 'engparke']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Mente du "engparken"?');
  });

  it('--disable ikke-vestlige runs the lists without the criterion', async () => {
    const { rows } = await json(['classify', 'fixtures/boligomraader.csv', '--format', 'json', '--disable', 'ikke-vestlige']);
    const solbakken2021 = rows.find((r) => r.id === 'solbakken' && r.listedato === '2021-12-01');
    expect(solbakken2021).toMatchObject({ udsat: true, parallelsamfund: false, omdannelse: false, forebyggelse: false });
    // a --disable name no condition or rule has is a usage error
    const run = await runCli(['classify', 'fixtures/boligomraader.csv', '--disable', 'ikke-vestlig']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Mente du "ikke-vestlige"?');
  });

  it('writes CSV', async () => {
    const run = await runCli(['classify', 'fixtures/boligomraader.csv', '--format', 'csv']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,navn,listedato,regelsaet,udsat,parallelsamfund,omdannelse,forebyggelse,afhaenger_af_ikke_vestlige_kriterium,mangler,fejl');
    expect(lines).toContain('solbakken,Solbakken,2010-10-26,2010-10-26,,ja,,,nej,,');
  });
});

describe('boligsocial forecast', () => {
  it('sums afdelinger per boligområde and gives margins in persons', async () => {
    const run = await runCli(['forecast', 'fixtures/classification/afdelinger-prognose.csv', '--listedato', '2023-12-01', '--historik', 'fixtures/boligomraader.csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Boligområde engparken Engparken (3 afdelinger: 201, 202, 203) — prognose for listen 1. december 2023');
    const afstand = parseTables(run.stdout).flatMap((t) => t.rows.map((row) => row[4] ?? ''));
    expect(afstand).toContainEqual(expect.stringContaining('3 beboere færre uden for arbejdsmarkedet ville bringe området ned på højst 40 %'));
    expect(afstand).toContainEqual(expect.stringContaining('6 dømte flere ville bringe området op på mindst 3 gange landsgennemsnittet'));
    expect(run.stdout).toContain('omdannelsesområde: ja');
  });

  it('gives JSON with margins', async () => {
    const run = await runCli(['forecast', 'fixtures/classification/afdelinger-prognose.csv', '--listedato', '2023-12-01', '--format', 'json']);
    const rows = JSON.parse(run.stdout) as (JsonRow & { margener: { betingelse: string; personer?: number }[]; optaelling: Record<string, unknown> })[];
    const engparken = rows.find((r) => r.id === 'engparken');
    expect(engparken?.optaelling).toMatchObject({ beboere: 1820, udenArbejde: 443, beboere18til64: 1100 });
    expect(engparken?.margener.find((m) => m.betingelse === 'uden-arbejde')?.personer).toBe(3);
    expect(engparken?.omdannelse).toBeNull(); // no history given
  });

  it('reports bad afdelinger and leaves their boligområde out', async () => {
    const run = await runCli(['forecast', 'fixtures/classification/afdelinger-prognose-fejl.csv', '--listedato', '2023-12-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('række 1 kolonne uden_arbejde');
    expect(run.stderr).toContain('vestervang prognosticeres ikke');
    expect(run.stdout).toContain('Boligområde oestervang');
    expect(run.stdout).not.toContain('Boligområde vestervang');
  });
});

describe('classify --forebyggelse-uden-udsatte', () => {
  it('takes udsatte areas off the forebyggelse list, and only those', async () => {
    const rows = async (flag: string[]) =>
      JSON.parse((await runCli(['classify', 'fixtures/boligomraader.csv', '--format', 'json', ...flag])).stdout) as { id: string; listedato: string; udsat?: boolean | null; forebyggelse?: boolean | null }[];
    const plain = await rows([]);
    const excluded = await rows(['--forebyggelse-uden-udsatte']);
    expect(plain.some((r) => r.udsat === true && r.forebyggelse === true)).toBe(true);
    plain.forEach((r, i) => {
      const e = excluded[i];
      expect(e?.id).toBe(r.id);
      expect(e?.forebyggelse).toBe(r.udsat === true && r.forebyggelse === true ? false : r.forebyggelse);
    });
  });
});
