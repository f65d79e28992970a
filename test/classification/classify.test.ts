import { describe, expect, it } from 'vitest';
import { classificationFactsOf } from '../../src/classification/facts.js';
import { type BoligomraadeInput, boligomraadeInputSchema } from '../../src/classification/input.js';
import { BoligsocialError } from '../../src/errors.js';
import { formatKlassifikationForklaring } from '../../src/classification/format.js';
import { classifyBoligomraade } from '../../src/classification/index.js';

/** Meets the 2018/2021 gate and two of four criteria (labour and education). */
const ghetto = { id: 'x', beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '65', indkomstPctAfRegion: '70', domfaeltePct: '1', domfaelteLandsgennemsnitPct: '1' };

describe('domain boundaries (domain.md 3.5)', () => {
  it('exactly 40.0 % outside the labour market is not "overstiger 40 pct."', () => {
    const base = { ...ghetto, kunGrundskolePct: '40' };
    // income is the one other criterion met, so labour decides
    const at = classifyBoligomraade({ ...base, udenArbejdePct: '40.0', indkomstPctAfRegion: '50' }, { listedato: '2019-12-01' });
    const above = classifyBoligomraade({ ...base, udenArbejdePct: '40.1', indkomstPctAfRegion: '50' }, { listedato: '2019-12-01' });
    expect(at.kategorier.udsat?.outcome).toBe(false);
    expect(above.kategorier.udsat?.outcome).toBe(true);
    // counts: 400 of 1000 is exactly 40 %
    const counts = classifyBoligomraade({ id: 'c', beboere: 1500, udenArbejde: { taeller: 400, naevner: 1000 }, indkomstPctAfRegion: '50', kunGrundskolePct: '10', domfaeltePct: '0', domfaelteLandsgennemsnitPct: '1' }, { listedato: '2019-12-01' });
    expect(counts.facts.udenArbejdePct).toBe('40');
    expect(counts.kategorier.udsat?.outcome).toBe(false);
  });

  it('exactly 3.0 × the national average is met, and 3 × 0.8 is exactly 2.4', () => {
    const area = { id: 'k', beboere: 1500, udenArbejdePct: '45', kunGrundskolePct: '10', indkomstPctAfRegion: '70', ikkeVestligePct: '10' };
    const exact = classifyBoligomraade({ ...area, domfaeltePct: '2.4', domfaelteLandsgennemsnitPct: '0.8' }, { listedato: '2019-12-01' });
    expect(exact.facts.domfaelteFaktor).toBe('3');
    expect(exact.kategorier.udsat?.outcome).toBe(true);
    const below = classifyBoligomraade({ ...area, domfaeltePct: '2.39', domfaelteLandsgennemsnitPct: '0.8' }, { listedato: '2019-12-01' });
    expect(below.kategorier.udsat?.outcome).toBe(false);
    // from counts on both sides: 24 of 1000 vs 8 of 1000 → exactly 3
    const counts = classifyBoligomraade({ ...area, domfaelte: { taeller: 24, naevner: 1000 }, domfaelteLandsgennemsnit: { taeller: 8, naevner: 1000 } }, { listedato: '2019-12-01' });
    expect(counts.facts.domfaelteFaktor).toBe('3');
    // 1/3 against 1/9: exactly 3 although neither share terminates
    const thirds = classifyBoligomraade({ ...area, domfaelte: { taeller: 1, naevner: 3 }, domfaelteLandsgennemsnit: { taeller: 1, naevner: 9 } }, { listedato: '2019-12-01' });
    expect(thirds.facts.domfaelteFaktor).toBe('3');
    expect(thirds.kategorier.udsat?.outcome).toBe(true);
  });

  it('exactly 55.0 % of the regional income is not "mindre end 55 pct."', () => {
    const area = { id: 'i', beboere: 1500, udenArbejdePct: '45', kunGrundskolePct: '10', ikkeVestligePct: '10', domfaeltePct: '0', domfaelteLandsgennemsnitPct: '1' };
    expect(classifyBoligomraade({ ...area, indkomstPctAfRegion: '55.0' }, { listedato: '2019-12-01' }).kategorier.udsat?.outcome).toBe(false);
    expect(classifyBoligomraade({ ...area, indkomstPctAfRegion: '54.9' }, { listedato: '2019-12-01' }).kategorier.udsat?.outcome).toBe(true);
    const counts = classifyBoligomraade({ ...area, indkomst: { bruttoindkomstKr: '55000000', skatteydere: 1000, regionGennemsnitKr: '100000' } }, { listedato: '2019-12-01' });
    expect(counts.facts.indkomstPctAfRegion).toBe('55');
    expect(counts.kategorier.udsat?.outcome).toBe(false);
  });

  it('exactly 1,000 residents qualifies; 999 does not', () => {
    expect(classifyBoligomraade({ ...ghetto, beboere: 1000 }, { listedato: '2022-12-01' }).kategorier.parallelsamfund?.outcome).toBe(true);
    const small = classifyBoligomraade({ ...ghetto, beboere: 999 }, { listedato: '2022-12-01' });
    expect(small.kategorier.udsat?.outcome).toBe(false);
    expect(small.kategorier.parallelsamfund?.outcome).toBe(false);
    expect(small.kategorier.forebyggelse?.outcome).toBe(false);
  });

  it('exactly 60.0 % with only grundskole is not met (2018)', () => {
    const area = { id: 'g', beboere: 1500, udenArbejdePct: '45', ikkeVestligePct: '10', indkomstPctAfRegion: '70', domfaeltePct: '0', domfaelteLandsgennemsnitPct: '1' };
    expect(classifyBoligomraade({ ...area, kunGrundskolePct: '60.0' }, { listedato: '2019-12-01' }).kategorier.udsat?.outcome).toBe(false);
    expect(classifyBoligomraade({ ...area, kunGrundskolePct: '60.1' }, { listedato: '2019-12-01' }).kategorier.udsat?.outcome).toBe(true);
  });
});

describe('versions and categories', () => {
  it('categories the version does not define are absent, not false', () => {
    const keys = (d: string) => Object.keys(classifyBoligomraade(ghetto, { listedato: d }).kategorier).sort();
    expect(keys('2010-10-26')).toEqual(['parallelsamfund']);
    expect(keys('2013-12-01')).toEqual(['parallelsamfund']);
    expect(keys('2016-12-01')).toEqual(['parallelsamfund', 'udsat']);
    expect(keys('2019-12-01')).toEqual(['omdannelse', 'parallelsamfund', 'udsat']);
    expect(keys('2021-12-01')).toEqual(['forebyggelse', 'omdannelse', 'parallelsamfund', 'udsat']);
  });

  it('selects the rule file by list date: 1 December 2021 already uses L 23', () => {
    expect(classifyBoligomraade(ghetto, { listedato: '2021-11-29' }).ruleSets[0]?.version).toBe('2018-12-01');
    const k = classifyBoligomraade(ghetto, { listedato: '2021-12-01' });
    expect(k.ruleSets[0]?.version).toBe('2021-11-30');
    expect(k.kategorier.parallelsamfund?.navn).toBe('parallelsamfund');
    expect(classifyBoligomraade(ghetto, { listedato: '2019-12-01' }).kategorier.parallelsamfund?.navn).toBe('ghettoområde');
  });

  it('uses the 2015–2017 infrastructure list for udsat on those lists', () => {
    const k = classifyBoligomraade({ id: 'i', beboere: 1200, ikkeVestligePct: '40', udenArbejdePct: '41', domfaeltePct: '2.8', kunGrundskolePct: '40', indkomstPctAfRegion: '70' }, { listedato: '2016-12-01' });
    expect(k.kategorier.udsat?.outcome).toBe(true);
    expect(k.kategorier.udsat?.ruleSet.id).toBe('classification-infrastruktur');
    expect(k.kategorier.parallelsamfund?.outcome).toBe(false);
  });

  it('is three-valued: an unknown criterion that could decide makes the outcome unknown', () => {
    const k = classifyBoligomraade({ id: 'u', beboere: 1500, udenArbejdePct: '45', ikkeVestligePct: '55' }, { listedato: '2019-12-01' });
    expect(k.kategorier.udsat?.outcome).toBeNull();
    expect(k.mangler).toEqual(expect.arrayContaining(['kunGrundskolePct', 'indkomstPctAfRegion', 'domfaelteFaktor']));
  });

  it('returns deeply frozen results and does not mutate its input', () => {
    const input = { ...ghetto };
    const copy = structuredClone(input);
    const k = classifyBoligomraade(input, { listedato: '2019-12-01' });
    expect(input).toEqual(copy);
    expect(Object.isFrozen(k)).toBe(true);
    expect(Object.isFrozen(k.kategorier)).toBe(true);
    expect(Object.isFrozen(k.kategorier.udsat)).toBe(true);
    expect(Object.isFrozen(k.facts)).toBe(true);
  });

  it('explains with the counts of criteria met', () => {
    const text = formatKlassifikationForklaring(classifyBoligomraade(ghetto, { listedato: '2019-12-01' }));
    expect(text).toContain('kriterier opfyldt: 2 af 4 (mindst 2 kræves)');
    expect(text).toContain('Almenboligloven § 61 a, stk. 1, nr. 1 (2018)');
    expect(text).toContain('overstiger 40 pct. af de 18–64-årige');
  });
});

describe('the non-western criterion', () => {
  it('says when an outcome depends on it', () => {
    // 2013: non-western is the third of three criteria met
    const k = classifyBoligomraade({ id: 'n', beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '55', domfaeltePct: '1', indkomstPctAfRegion: '70' }, { listedato: '2014-12-01' });
    expect(k.kategorier.parallelsamfund?.outcome).toBe(true);
    expect(k.kategorier.parallelsamfund?.afhaengerAfIkkeVestlig).toBe(true);
    // four met: it no longer decides
    const four = classifyBoligomraade({ id: 'n', beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '55', domfaeltePct: '3', indkomstPctAfRegion: '70' }, { listedato: '2014-12-01' });
    expect(four.kategorier.parallelsamfund?.afhaengerAfIkkeVestlig).toBe(false);
    // 2018: the gate decides ghetto but not udsat
    const g = classifyBoligomraade(ghetto, { listedato: '2019-12-01' });
    expect(g.kategorier.udsat?.afhaengerAfIkkeVestlig).toBe(false);
    expect(g.kategorier.parallelsamfund?.afhaengerAfIkkeVestlig).toBe(true);
    expect(g.afhaengerAfIkkeVestlig).toBe(true);
  });

  it('can be switched off in every version; in 2021 both gates go', () => {
    // 2010: non-western + labour (2 of 3); 2013: + grundskole (3 of 5); 2018: the gate
    const cases: [string, BoligomraadeInput][] = [
      ['2010-10-26', { id: 'a', beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', domfaeltePct: '1' }],
      ['2014-12-01', { id: 'a', beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '55', domfaeltePct: '1', indkomstPctAfRegion: '70' }],
      ['2019-12-01', ghetto],
    ];
    for (const [listedato, area] of cases) {
      expect(classifyBoligomraade(area, { listedato }).kategorier.parallelsamfund?.outcome, listedato).toBe(true);
      expect(classifyBoligomraade(area, { listedato, disable: ['ikke-vestlige'] }).kategorier.parallelsamfund?.outcome, listedato).toBe(false);
    }
    const off2021 = classifyBoligomraade(ghetto, { listedato: '2021-12-01', disable: ['ikke-vestlige'] });
    expect(off2021.disabled).toEqual(['ikke-vestlige', 'ikke-vestlige-forebyggelse']);
    expect(off2021.kategorier.parallelsamfund?.outcome).toBe(false);
    expect(off2021.kategorier.forebyggelse?.outcome).toBe(false);
    expect(off2021.kategorier.udsat?.outcome).toBe(true);
    // and each still says it depends on the criterion
    expect(off2021.kategorier.parallelsamfund?.afhaengerAfIkkeVestlig).toBe(true);
  });

  it('disregards published history when switched off, recomputing it from figures (unknown where missing)', () => {
    const history = [2017, 2018, 2019, 2020].map((y) => ({ listedato: `${y}-12-01`, offentliggjortParallelsamfund: true }));
    const on = classifyBoligomraade(ghetto, { listedato: '2021-12-01', history });
    expect(on.kategorier.omdannelse?.outcome).toBe(true);
    const off = classifyBoligomraade(ghetto, { listedato: '2021-12-01', history, disable: ['ikke-vestlige'] });
    expect(off.kategorier.omdannelse?.outcome).toBe(false); // the current gate is off
    expect(off.historik?.offentliggjortTilsidesat).toBe(true);
    expect(off.historik?.aar.every((a) => a.kilde === 'mangler')).toBe(true);
  });

  it('rejects an unknown id with a suggestion', () => {
    expect(() => classifyBoligomraade(ghetto, { listedato: '2019-12-01', disable: ['ikke-vestlig'] })).toThrow(BoligsocialError);
    try {
      classifyBoligomraade(ghetto, { listedato: '2019-12-01', disable: ['ikke-vestlig'] });
    } catch (error) {
      expect((error as BoligsocialError).code).toBe('unknown-disable-id');
      expect((error as BoligsocialError).diagnostics[0]?.hint).toContain('ikke-vestlige');
    }
  });
});

describe('history', () => {
  const onList = (years: number[]) => years.map((y) => ({ listedato: `${y}-12-01`, offentliggjortParallelsamfund: true }));

  it('hårdt ghettoområde 2018 needs the ghetto lists 2014–2018, made under the 2013 rules', () => {
    expect(classifyBoligomraade(ghetto, { listedato: '2018-12-01', history: onList([2014, 2015, 2016, 2017]) }).kategorier.omdannelse?.outcome).toBe(true);
    expect(classifyBoligomraade(ghetto, { listedato: '2018-12-01', history: onList([2015, 2016, 2017]) }).kategorier.omdannelse?.outcome).toBeNull();
    const computed = [2014, 2015, 2016, 2017].map((y) => ({ listedato: `${y}-12-01`, input: { id: 'x', beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '55', domfaeltePct: '1', indkomstPctAfRegion: '70' } }));
    const k = classifyBoligomraade(ghetto, { listedato: '2018-12-01', history: computed });
    expect(k.kategorier.omdannelse?.outcome).toBe(true);
    expect(k.historik?.aar.map((a) => `${a.aar}:${a.kilde}:${a.ruleSet?.version}`)).toEqual(['2017:beregnet:2013-12-01', '2016:beregnet:2013-12-01', '2015:beregnet:2013-12-01', '2014:beregnet:2013-12-01']);
  });

  it('a published status wins over the figures', () => {
    const history = [2017, 2018, 2019, 2020].map((y) => ({ listedato: `${y}-12-01`, offentliggjortParallelsamfund: y !== 2018, input: ghetto }));
    expect(classifyBoligomraade(ghetto, { listedato: '2021-12-01', history }).kategorier.omdannelse?.outcome).toBe(false);
  });

  it('across the 2021 change: on the lists 2018–2021 only is not omdannelse in 2021, but is in 2022', () => {
    const notIn2017 = [{ listedato: '2017-12-01', offentliggjortParallelsamfund: false }];
    expect(classifyBoligomraade(ghetto, { listedato: '2021-12-01', history: [...notIn2017, ...onList([2018, 2019, 2020])] }).kategorier.omdannelse?.outcome).toBe(false);
    // without 2017 the outcome is unknown: that year could decide it
    expect(classifyBoligomraade(ghetto, { listedato: '2021-12-01', history: onList([2018, 2019, 2020]) }).kategorier.omdannelse?.outcome).toBeNull();
    expect(classifyBoligomraade(ghetto, { listedato: '2022-12-01', history: onList([2018, 2019, 2020, 2021]) }).kategorier.omdannelse?.outcome).toBe(true);
  });

  it('a missing year that a break already decides does not make it unknown', () => {
    const history = [{ listedato: '2019-12-01', offentliggjortParallelsamfund: false }, ...onList([2020, 2021])];
    expect(classifyBoligomraade(ghetto, { listedato: '2022-12-01', history }).kategorier.omdannelse?.outcome).toBe(false);
  });

  it('leaving the list ends omdannelse status', () => {
    const k = classifyBoligomraade({ ...ghetto, ikkeVestligePct: '49' }, { listedato: '2022-12-01', history: onList([2016, 2017, 2018, 2019, 2020, 2021]) });
    expect(k.kategorier.omdannelse?.outcome).toBe(false);
    expect(k.kategorier.udsat?.outcome).toBe(true);
  });
});

describe('forebyggelse exclusion switch', () => {
  it('computes each category independently by default, and excludes udsatte when switched on', () => {
    const area = { ...ghetto, ikkeVestligePct: '40' };
    expect(classifyBoligomraade(area, { listedato: '2021-12-01' }).kategorier.forebyggelse?.outcome).toBe(true);
    const excluded = classifyBoligomraade(area, { listedato: '2021-12-01', forebyggelseUdelukkerUdsatte: true });
    expect(excluded.kategorier.forebyggelse?.outcome).toBe(false);
    expect(excluded.kategorier.forebyggelse?.udelukketSomUdsat).toBe(true);
  });
});

describe('input', () => {
  it('accepts shares as numbers or strings and rejects impossible ones', () => {
    expect(boligomraadeInputSchema.safeParse({ id: 'a', udenArbejdePct: 40.1 }).success).toBe(true);
    expect(classificationFactsOf(boligomraadeInputSchema.parse({ id: 'a', udenArbejdePct: 40.1 })).udenArbejdePct).toBe('40.1');
    expect(boligomraadeInputSchema.safeParse({ id: 'a', udenArbejdePct: '100.1' }).success).toBe(false);
    expect(boligomraadeInputSchema.safeParse({ id: 'a', udenArbejdePct: '40,1' }).success).toBe(false);
    expect(boligomraadeInputSchema.safeParse({ id: 'a', udenArbejde: { taeller: 11, naevner: 10 } }).success).toBe(false);
    expect(boligomraadeInputSchema.safeParse({ id: 'a', udenArbejdePct: '40', udenArbejde: { taeller: 4, naevner: 10 } }).success).toBe(false);
    expect(boligomraadeInputSchema.safeParse({ id: 'a', beboer: 1000 }).success).toBe(false);
  });

  it('throws input-invalid with the field named', () => {
    try {
      classifyBoligomraade({ id: 'a', beboere: -1 }, { listedato: '2019-12-01' });
      expect.unreachable();
    } catch (error) {
      expect((error as BoligsocialError).code).toBe('input-invalid');
      expect((error as BoligsocialError).diagnostics[0]?.field).toBe('beboere');
    }
  });

  it('has no rules before the first list', () => {
    expect(() => classifyBoligomraade(ghetto, { listedato: '2009-12-01' })).toThrow(/no classification rules in force|no-rules|earliest/);
  });
});
