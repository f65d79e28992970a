import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { BoligsocialError } from '../../../src/errors.js';
import type { BenchmarkRaekke, BenchmarkResult, MaalBenchmark } from '../../../src/lifecycle/benchmark/types.js';
import { FAELLES_MAAL_NAVN } from '../../../src/domain/maal.js';
import { loadRegistry } from '../../../src/shipped.js';
import { fixtureIndsatser, lifecycleRegistry } from '../helpers.js';
import { benchmarkIndsatser } from '../../../src/lifecycle/index.js';

const all = fixtureIndsatser();
const result = benchmarkIndsatser(all, { asOf: '2025-06-01' });
const frac = (a: { taeller: string; naevner: string } | null) => (a === null ? null : `${a.taeller}/${a.naevner}`);
const faelles = (b: BenchmarkResult, nr: number) => b.faellesMaal.find((m) => m.nr === nr) as MaalBenchmark;
const rows = (m: MaalBenchmark, enhed: string): readonly BenchmarkRaekke[] => m.grupper.find((g) => g.enhed === enhed)?.raekker ?? [];
const row = (m: MaalBenchmark, indsats: string, indikator: string) => m.grupper.flatMap((g) => g.raekker).find((r) => r.indsatsId === indsats && r.indikatorId === indikator);

function isDeepFrozen(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return true;
  return Object.isFrozen(v) && Object.values(v).every(isDeepFrozen);
}

describe('benchmarkIndsatser on the fixture portfolio, 1 June 2025', () => {
  it('has every fælles mål in the strategy order with the strategy wording, and fsb\'s four mål', () => {
    expect(result.faellesMaal.map((m) => [m.nr, m.navn])).toEqual([1, 2, 3, 4, 5].map((n) => [n, FAELLES_MAAL_NAVN[n as 1]]));
    expect(result.faellesMaal[0]?.navn).toBe('Nedbringe ungeledigheden');
    expect(result.strategiMaal.map((m) => m.nr)).toEqual([1, 2, 3, 4]);
  });

  it('benchmarks the indsatser in progress and says why the others are left out', () => {
    const running = result.indsatser.map((i) => i.id);
    expect(running.filter((id) => id.includes('-hp-'))).toHaveLength(7);
    expect(result.indsatser.every((i) => i.tilstand === 'i-gang' || i.tilstand === 'under-afslutning')).toBe(true);
    const left = new Map(result.ikkeMed.map((x) => [x.indsatsId, x.grund]));
    expect(left.get('amager-hp-2026')).toBe('ikke startet (under forberedelse)');
    expect(left.get('ryparken-hp-2018')).toBe('afsluttet');
    expect(left.get('islands-brygge-lup-2023')).toBe('opgivet før opstart');
    expect(running.length + result.ikkeMed.length).toBe(all.length);
    const withEnded = benchmarkIndsatser(all, { asOf: '2025-06-01', medAfsluttede: true });
    expect(withEnded.indsatser.map((i) => i.id)).toContain('ryparken-hp-2018');
    expect(withEnded.ikkeMed.map((x) => x.indsatsId)).toContain('islands-brygge-lup-2023');
  });

  it('counts at least six helhedsplaner on the overlapping fælles mål 1, 2 and 4', () => {
    for (const nr of [1, 2, 4]) expect(faelles(result, nr).bidrag.filter((b) => b.kind === 'helhedsplan').length).toBeGreaterThanOrEqual(6);
  });

  it('computes progress exactly from the figures in the files', () => {
    const m1 = faelles(result, 1);
    // folehaven: (20.6 − 24) / (18 − 24) = 17/30; the 2025-1 measurement is dated after asOf
    const folehaven = row(m1, 'folehaven-hp-2023', 'unge-uden-job-uddannelse');
    expect(frac(folehaven?.fremdrift ?? null)).toBe('17/30');
    expect(folehaven?.seneste?.periode).toBe('2024-2');
    const start = parseISO('2023-07-01');
    expect(frac(folehaven?.forventetFremdrift ?? null)).toBe(
      `${differenceInCalendarDays(parseISO('2025-02-01'), start)}/${differenceInCalendarDays(parseISO('2027-06-30'), start) + 1}`,
    );
    // kongens-enghave is past its targets: (60 − 52) / (58 − 52) = 4/3, counted as reached
    const ke = row(m1, 'kongens-enghave-hp-2021', 'ungdomsuddannelse');
    expect(frac(ke?.fremdrift ?? null)).toBe('1/1');
    expect(frac(ke?.fremdriftUcappet ?? null)).toBe('4/3');
    expect(ke?.naaet).toBe(true);
    // sjaeloer moved the wrong way on youth crime: (3.7 − 3.5) / (2.5 − 3.5) = −1/5
    expect(frac(row(faelles(result, 5), 'sjaeloer-hp-2023', 'sigtede-unge')?.fremdrift ?? null)).toBe('-1/5');
  });

  it('ranks within one mål and one unit only, best first, ties sharing a rank', () => {
    const m4 = faelles(result, 4);
    expect(m4.grupper.map((g) => g.enhed)).toEqual(['pr. 100 lejemål', 'udsættelser']);
    const per100 = rows(m4, 'pr. 100 lejemål');
    expect(per100.map((r) => [r.indsatsId, r.rang])).toEqual([
      ['kongens-enghave-hp-2021', 1],
      ['tingbjerg-hp-2021', 1],
      ['folehaven-hp-2023', 3],
      ['nordvest-hp-2022', 4],
      ['akacieparken-hp-2023', 5],
    ]);
    expect(rows(m4, 'udsættelser').map((r) => [r.indsatsId, r.rang, frac(r.fremdriftUcappet)])).toEqual([['sjaeloer-hp-2023', 1, '7/6']]);
    // fælles mål 3 ranks the grade average apart from the percentages
    expect(faelles(result, 3).grupper.map((g) => [g.enhed, g.raekker.length])).toEqual([
      ['karakter', 1],
      ['pct.', 2],
    ]);
  });

  it('reports per mål how many work on it, how many are on track, and who stalled, with evidence', () => {
    const m1 = faelles(result, 1);
    expect(m1.antalIndsatser).toBe(6);
    expect(m1.paaRetteKurs.ja + m1.paaRetteKurs.nej + m1.paaRetteKurs.ukendt).toBe(6);
    expect(m1.gaaetIStaa).toEqual(['akacieparken-hp-2023']);
    const stalled = m1.bidrag.find((b) => b.indsatsId === 'akacieparken-hp-2023');
    expect(stalled).toMatchObject({ gaaetIStaa: true, paaRetteKurs: false, stopParameter2: 'ikke-opfyldt' });
    expect(stalled?.evidens.join('\n')).toContain('Gået i stå: ikke forbedret i de seneste 2 perioder (2023-2: 26, 2024-1: 26,5, 2024-2: 26,5)');
    expect(m1.bidrag.find((b) => b.indsatsId === 'kongens-enghave-hp-2021')).toMatchObject({ naaet: true, paaRetteKurs: true, gaaetIStaa: false });
    // a mål without indicators: working on it, on-track unknown
    const naboskab = result.strategiMaal[3]?.bidrag.find((b) => b.indsatsId === 'tingbjerg-hp-2021');
    expect(naboskab).toMatchObject({ indikatorer: 0, paaRetteKurs: null, gaaetIStaa: null });
  });

  it('carries the method check of every indsats benchmarked', () => {
    const ak = result.indsatser.find((i) => i.id === 'akacieparken-hp-2023');
    expect(ak?.metoder.aktiviteter.map((a) => [a.aktivitetId, a.status, a.forslag ?? null])).toEqual([
      ['lektiecafe-ak', 'ukendt-metode', 'lektiecafe'],
      ['gadeplan-ak', 'dokumenteret', null],
      ['familiecafe-ak', 'ingen-metode', null],
    ]);
    expect(frac(ak?.metoder.andelDokumenteret ?? null)).toBe('1/3');
    expect(result.indsatser.find((i) => i.id === 'hoergaarden-hp-2023')?.metoder.advarsler).toEqual([]);
  });

  it('depends on asOf: earlier, fewer measurements and another latest value', () => {
    const earlier = benchmarkIndsatser(all, { asOf: '2024-06-01' });
    const hg = row(faelles(earlier, 2), 'hoergaarden-hp-2023', 'ungdomsuddannelse');
    expect(hg?.seneste).toEqual({ periode: '2023-2', dato: '2024-02-01', vaerdi: '51.0' });
    expect(hg?.tendens.retning).toBe('ukendt');
    expect(hg?.gaaetIStaa).toBeNull();
  });

  it('is deeply frozen, serialisable, and leaves its input untouched', () => {
    expect(isDeepFrozen(result)).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const input = structuredClone(all);
    const before = JSON.stringify(input);
    benchmarkIndsatser(input, { asOf: '2025-06-01' });
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.isFrozen(input[0]?.afdelinger)).toBe(false);
  });

  it('warns, with a pointer, about an indicator whose progress cannot be computed, and keeps it unranked', () => {
    const base = all.find((i) => i.id === 'folehaven-hp-2023');
    if (base === undefined) throw new Error('fixture missing');
    const broken = structuredClone(base);
    const ind = broken.maal[0]?.indikatorer[0];
    if (ind === undefined) throw new Error('fixture changed');
    ind.maal = ind.baseline;
    const b = benchmarkIndsatser([broken], { asOf: '2025-06-01' });
    expect(b.fejl).toEqual([expect.objectContaining({ severity: 'warning', id: 'folehaven-hp-2023', pointer: '/maal/0/indikatorer/0' })]);
    const r = row(faelles(b, 1), 'folehaven-hp-2023', 'unge-uden-job-uddannelse');
    expect(r).toMatchObject({ rang: null, fremdrift: null, ukendt: 'maal-lig-baseline', paaRetteKurs: null });
  });

  it('says in Danish that the rules in use have no benchmark rule set', () => {
    let error: unknown;
    try {
      benchmarkIndsatser(all, { asOf: '2025-06-01', rules: lifecycleRegistry() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BoligsocialError);
    expect((error as BoligsocialError).code).toBe('unknown-rule-set');
    expect((error as BoligsocialError).diagnostics[0]?.message).toContain('intet benchmark-regelsæt');
  });

  it('reads its thresholds from the benchmark rule file in force', () => {
    expect(result.parametre).toEqual({ tendensPerioder: 3, perioderIStaa: 2, andelAfForventetFremdrift: '1' });
    const dir = mkdtempSync(join(tmpdir(), 'benchmark-rules-'));
    mkdirSync(join(dir, 'lifecycle'));
    mkdirSync(join(dir, 'benchmark'));
    copyFileSync(join('rules', 'lifecycle', '2017-06-01.json'), join(dir, 'lifecycle', '2017-06-01.json'));
    const stricter = {
      id: 'benchmark',
      domain: 'benchmark',
      title: 'Strengere benchmark',
      effective: { from: '2017-06-01' },
      source: { reference: 'test' },
      parameters: {
        tendensPerioder: { value: 2, unit: 'måleperioder', description: 'x' },
        perioderIStaa: { value: 1, unit: 'måleperioder', description: 'x' },
        andelAfForventetFremdrift: { value: '1', unit: 'andel af den forventede fremdrift', description: 'x' },
      },
      rules: [],
    };
    writeFileSync(join(dir, 'benchmark', '2017-06-01.json'), JSON.stringify(stricter));
    const rules = loadRegistry(dir);
    if (!rules.ok) throw new Error(JSON.stringify(rules.errors));
    // nordvest's evictions went 1.4 → 1.3 → 1.3: still improving over two periods, stalled over one
    expect(row(faelles(result, 4), 'nordvest-hp-2022', 'udsaettelser')?.gaaetIStaa).toBe(false);
    const strict = benchmarkIndsatser(all, { asOf: '2025-06-01', rules: rules.value });
    const nordvest = row(faelles(strict, 4), 'nordvest-hp-2022', 'udsaettelser');
    expect(nordvest?.gaaetIStaa).toBe(true);
    expect(nordvest?.tendens.perioder).toHaveLength(2);
    // no methods catalogue in those rules: the method check is unknown, not "0 documented"
    const tb = strict.indsatser.find((i) => i.id === 'tingbjerg-hp-2021');
    expect(tb?.metoder.katalog).toBeNull();
    expect(tb?.metoder.andelDokumenteret).toBeNull();
  });
});
