/**
 * `compare` against two independent runs: the rows it lists are exactly those whose
 * outcomes differ between the command run on the shipped rules and on changed rules
 * (an edited copy), and each comes with the conditions that flipped.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'boligsocial-compare-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the shipped rules with one screening threshold lowered, edited as an analyst would. */
function editedRules(value: string): string {
  const dir = join(tmp, `rules-${value}`);
  cpSync('rules', dir, { recursive: true });
  const file = join(dir, 'screening', '2017-06-01.json');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/("maxFlyttefrekvensPct": \{\s*"value": )"15"/, `$1"${value}"`);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  return dir;
}

interface ScreenJson {
  results: {
    afdeling: { id: string };
    indikatorer: { id: string; outcome: boolean | null }[];
    anbefalinger: { kind: string; outcome: boolean | null }[];
    konklusion: string;
    aendringer: Record<'nyeFlag' | 'ophoerte' | 'forvaerrede' | 'nuUkendte', { indikator: string }[]>;
  }[];
}

/** Every outcome `screen --format json` reports, per afdeling, as one comparable text. */
async function screenOutcomes(argv: string[]): Promise<Map<string, string>> {
  const run = await runCli(argv);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as ScreenJson;
  return new Map(
    json.results.map((r) => [
      r.afdeling.id,
      JSON.stringify([
        r.indikatorer.map((i) => [i.id, i.outcome]),
        r.anbefalinger.map((a) => [a.kind, a.outcome]),
        r.konklusion,
        (['nyeFlag', 'ophoerte', 'forvaerrede', 'nuUkendte'] as const).map((k) => r.aendringer[k].map((c) => c.indikator)),
      ]),
    ]),
  );
}

function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

interface CompareJson {
  aendrede: { id: string; listedato?: string; udfald: { udfald: string }[]; betingelser: { name: string; foer?: { outcome: boolean | null; slaaetFra?: true; figurer: { kind: string; threshold?: { value?: unknown; parameter?: string } }[] }; efter?: { outcome: boolean | null; slaaetFra?: true; figurer: { kind: string; threshold?: { value?: unknown; parameter?: string } }[] } }[] }[];
  optaelling: { udfald: string; vaerdier: { vaerdi: unknown; foer: number; efter: number }[] }[];
}

async function compareJson(argv: string[]): Promise<CompareJson> {
  const run = await runCli(argv);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as CompareJson;
}

const SCREEN = ['fixtures/afdelinger.csv', '--as-of', '2024-12-01'];

// run once for the describe below (its tests read them); a describe callback cannot await
const before = await screenOutcomes(['screen', ...SCREEN, '--format', 'json']);
const after = await screenOutcomes(['--rules', editedRules('10'), 'screen', ...SCREEN, '--format', 'json']);
const expected = differing(before, after);

describe('compare screen', () => {
  it('with --after-set lists exactly the afdelinger whose outcomes differ between two screen runs', async () => {
    expect(expected.length).toBeGreaterThan(5);
    const c = await compareJson(['compare', 'screen', ...SCREEN, '--after-set', 'screening.maxFlyttefrekvensPct=10', '--format', 'json']);
    expect(c.aendrede.map((r) => r.id).sort()).toEqual(expected);
  });

  it('says why for each: the flyttefrekvens condition flipped, its threshold 15 before and 10 after', async () => {
    const c = await compareJson(['compare', 'screen', ...SCREEN, '--after-set', 'screening.maxFlyttefrekvensPct=10', '--format', 'json']);
    for (const r of c.aendrede) {
      const flipped = r.betingelser.find((b) => b.name === 'hoej-flyttefrekvens');
      expect(flipped, r.id).toBeDefined();
      expect(flipped?.foer?.figurer[0]?.threshold).toMatchObject({ value: '15', parameter: 'maxFlyttefrekvensPct' });
      expect(flipped?.efter?.figurer[0]?.threshold).toMatchObject({ value: '10', parameter: 'maxFlyttefrekvensPct' });
      expect(flipped?.foer?.outcome).not.toBe(flipped?.efter?.outcome);
    }
  });

  it('with --after-rules (the edited copy) lists the same afdelinger', async () => {
    const c = await compareJson(['compare', 'screen', ...SCREEN, '--after-rules', editedRules('10'), '--format', 'json']);
    expect(c.aendrede.map((r) => r.id).sort()).toEqual(expected);
  });

  it('counts each outcome before and after as the two runs do', async () => {
    const c = await compareJson(['compare', 'screen', ...SCREEN, '--after-set', 'screening.maxFlyttefrekvensPct=10', '--format', 'json']);
    const count = (runs: Map<string, string>, indicator: string) => [...runs.values()].filter((v) => (JSON.parse(v) as [[string, boolean | null][]])[0].some(([id, o]) => id === indicator && o === true)).length;
    const row = c.optaelling.find((o) => o.udfald === 'indikator:hoej-flyttefrekvens');
    expect(row?.vaerdier.find((v) => v.vaerdi === true)).toMatchObject({ foer: count(before, 'hoej-flyttefrekvens'), efter: count(after, 'hoej-flyttefrekvens') });
  });

  it('lists nothing when the after side is the same rules', async () => {
    const c = await compareJson(['compare', 'screen', ...SCREEN, '--after-rules', 'rules', '--format', 'json']);
    expect(c.aendrede).toEqual([]);
  });
});

interface ClassifyJson {
  id: string;
  listedato: string;
  udsat?: boolean | null;
  parallelsamfund?: boolean | null;
  omdannelse?: boolean | null;
  forebyggelse?: boolean | null;
  afhaengerAfIkkeVestligeKriterium: boolean;
}

async function classifyOutcomes(argv: string[]): Promise<Map<string, string>> {
  const run = await runCli(argv);
  expect(run.code).toBe(0);
  const rows = JSON.parse(run.stdout) as ClassifyJson[];
  return new Map(rows.map((r) => [`${r.id}@${r.listedato}`, JSON.stringify([r.udsat, r.parallelsamfund, r.omdannelse, r.forebyggelse, r.afhaengerAfIkkeVestligeKriterium])]));
}

describe('compare classify', () => {
  it('--after-disable ikke-vestlige lists exactly the lists that differ between classify and classify --disable ikke-vestlige', async () => {
    const expected = differing(
      await classifyOutcomes(['classify', 'fixtures/boligomraader.csv', '--format', 'json']),
      await classifyOutcomes(['classify', 'fixtures/boligomraader.csv', '--disable', 'ikke-vestlige', '--format', 'json']),
    );
    expect(expected.length).toBeGreaterThan(3);
    const c = await compareJson(['compare', 'classify', 'fixtures/boligomraader.csv', '--after-disable', 'ikke-vestlige', '--format', 'json']);
    expect(c.aendrede.map((r) => `${r.id}@${r.listedato}`).sort()).toEqual(expected);
    for (const r of c.aendrede) expect(r.betingelser.length, `${r.id} ${r.listedato}`).toBeGreaterThan(0);
  });

  it('says that the criterion was switched off where it decided the list', async () => {
    const c = await compareJson(['compare', 'classify', 'fixtures/boligomraader.csv', '--after-disable', 'ikke-vestlige', '--format', 'json']);
    const solbakken = c.aendrede.find((r) => r.id === 'solbakken' && r.listedato === '2019-12-01');
    const criterion = solbakken?.betingelser.find((b) => b.name === 'ikke-vestlige');
    expect(criterion?.foer).toMatchObject({ outcome: true });
    expect(criterion?.efter).toMatchObject({ slaaetFra: true, outcome: false });
  });
});

describe('compare, the other commands and formats', () => {
  it('prints a Danish table naming both sides and each changed row with its reasons', async () => {
    const run = await runCli(['compare', 'screen', ...SCREEN, '--after-set', 'screening.maxFlyttefrekvensPct=10']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Efter: pakkens regler; screening 2017-06-01 maxFlyttefrekvensPct: "15" → "10"');
    expect(run.stdout).toMatch(/Afdeling 114 Birketoften\n  Høj flyttefrekvens: nej → ja/);
    // the figure line is wrapped at 160 columns, as all text output is
    expect(run.stdout).toMatch(/krav: overstiger 10 pct\. af lejemål pr\. år \[maxFlyttefrekvensPct\] —\s+opfyldt, ≈ 0,573 over grænsen/);
    expect(Math.max(...run.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(160);
    expect(run.stdout).toContain('Optælling pr. udfald, før → efter');
  });

  it('writes one CSV line per changed outcome', async () => {
    const run = await runCli(['compare', 'screen', ...SCREEN, '--after-set', 'screening.maxFlyttefrekvensPct=10', '--format', 'csv']);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,listedato,navn,udfald,titel,foer,efter,vendte_betingelser');
    expect(lines).toContain('114,,Birketoften,indikator:hoej-flyttefrekvens,Høj flyttefrekvens,nej,ja,hoej-flyttefrekvens: nej → ja | anbefal-lokalt-udviklingsprojekt: nej → ja');
  });

  it('compares lifecycle with a stop threshold changed in memory', async () => {
    const c = await compareJson(['compare', 'lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01', '--after-set', 'lifecycle.minAndelAktiviteterForankret=0.5', '--format', 'json']);
    expect(c.aendrede.length).toBeGreaterThan(0);
    for (const r of c.aendrede) expect(r.udfald.map((u) => u.udfald)).toContain('stop:aktiviteter-forankret');
  });

  it('compares financing with the affordability limit per lejemål switched off: only the share of the rent decides', async () => {
    const c = await compareJson(['compare', 'financing', 'fixtures/financing/helhedsplan-2024.json', '--after-disable', 'udgift-pr-lejemaal-over-graensen', '--format', 'json']);
    // at 100 % the afdelinger pay 2,50–3,47 % of their rent: those at or under 3 % are no longer too costly
    expect(c.aendrede.map((r) => r.id).sort()).toEqual(['afd-102', 'afd-103', 'afd-105']);
    for (const r of c.aendrede) expect(r.betingelser.some((b) => b.name === 'udgift-pr-lejemaal-over-graensen' && b.efter?.slaaetFra === true)).toBe(true);
  });

  it('says which rule change moved an amount when no condition flipped (a funder\'s share in an edited copy)', async () => {
    const dir = join(tmp, 'rules-shares');
    cpSync('rules', dir, { recursive: true });
    const file = join(dir, 'financing', 'helhedsplan-lbf-2019-2026', '2019-01-01.json');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('"share": "0.75"', '"share": "0.70"').replace(/"share": "0\.125"/g, '"share": "0.15"');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const run = await runCli(['compare', 'financing', 'fixtures/financing/helhedsplan-2024.json', '--after-rules', dir, '--format', 'json']);
    expect(run.code).toBe(0);
    const c = JSON.parse(run.stdout) as { aendrede: { id: string; udfald: { udfald: string; foer?: unknown; efter?: unknown }[]; regelaendringer?: string[] }[] };
    const lbf = c.aendrede.find((r) => r.id === 'lbf');
    expect(lbf?.udfald.find((u) => u.udfald === 'kilde:total')).toMatchObject({ foer: '9000000.00', efter: '8400000.00' });
    expect(lbf?.regelaendringer).toContain('financing-helhedsplan-lbf-2019-2026: finansieringskilde lbf: andel 0.75 → 0.70');
  });

  it('rejects an unknown parameter with a did-you-mean and exit 2', async () => {
    const run = await runCli(['compare', 'screen', ...SCREEN, '--after-set', 'screening.maxFlytefrekvensPct=10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Mente du "maxFlyttefrekvensPct"?');
  });

  it('rejects a value of the wrong type, located at the parameter in its file', async () => {
    const run = await runCli(['compare', 'screen', ...SCREEN, '--after-set', 'screening.maxFlyttefrekvensPct=ti']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rules\/screening\/2017-06-01\.json:\d+:\d+ fejl value-type .*maxFlyttefrekvensPct/);
  });

  it('rejects a unit that is not the parameter\'s', async () => {
    const run = await runCli(['compare', 'screen', ...SCREEN, '--after-set', 'screening.maxFlyttefrekvensPct=10 kr.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('måles i pct. af lejemål pr. år, ikke kr.');
  });

  it('asks for a change when both sides would be the same rules', async () => {
    const run = await runCli(['compare', 'screen', ...SCREEN]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('der er intet at sammenligne');
  });

  it('rejects an unknown --after-disable name with a suggestion and exit 2', async () => {
    const run = await runCli(['compare', 'classify', 'fixtures/boligomraader.csv', '--after-disable', 'ikke-vestlig']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Mente du "ikke-vestlige"?');
  });
});
