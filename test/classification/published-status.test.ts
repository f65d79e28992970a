/** A list's published ghetto/parallelsamfund status counts for that list, the current one included. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBoligomraaderCsv } from '../../src/classification/csv.js';
import { formatKlassifikationForklaring, klassifikationJson } from '../../src/classification/format.js';
import { classifyBoligomraade, classifyBoligomraader } from '../../src/classification/index.js';

const FIGURES = ['beboere', 'ikkeVestligePct', 'udenArbejdePct', 'domfaeltePct', 'domfaelteLandsgennemsnitPct', 'kunGrundskolePct', 'indkomstPctAfRegion'];

/** 2021 figures of a parallelsamfund: 1.500 beboere, 2 of 4 criteria, over 50 pct. non-western. */
const parallelsamfund = { beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '65', domfaeltePct: '1', domfaelteLandsgennemsnitPct: '1', indkomstPctAfRegion: '70' };
const onList = (years: readonly number[]) => years.map((y) => ({ listedato: `${y}-12-01`, offentliggjortParallelsamfund: true }));

describe('the published lists alone', () => {
  it('give the hård/omdannelse outcome of every year 2018–2022 for the areas in fixtures/classification', () => {
    const csv = readBoligomraaderCsv(readFileSync('fixtures/classification/historik-2014-2022.csv', 'utf8'), 'historik.csv');
    const rows = csv.entries.map((e) => Object.fromEntries(Object.entries(e.value ?? {}).filter(([k]) => !FIGURES.includes(k))));
    expect(rows.every((r) => FIGURES.every((f) => !(f in r)))).toBe(true);
    const expected = (JSON.parse(readFileSync('fixtures/classification/historik-2014-2022.forventet.json', 'utf8')) as { omdannelse: Record<string, Record<string, boolean | null>> }).omdannelse;
    const got: Record<string, Record<string, boolean | null | undefined>> = {};
    for (const r of classifyBoligomraader(rows)) {
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const k = r.klassifikation;
      if (k.listedato < '2018-12-01') continue;
      (got[k.id] ??= {})[k.listedato] = k.kategorier.omdannelse?.outcome;
    }
    expect(got).toEqual(expected);
  });

  it('decide the parallelsamfund category of the current list without figures', () => {
    const k = classifyBoligomraade({ id: 'a' }, { listedato: '2021-12-01', history: onList([2017, 2018, 2019, 2020]), offentliggjortParallelsamfund: true });
    expect(k.kategorier.parallelsamfund).toMatchObject({ outcome: true, fraOffentliggjortListe: true });
    expect(k.kategorier.omdannelse).toMatchObject({ outcome: true, fraOffentliggjortListe: true });
    expect(k.kategorier.udsat?.outcome).toBeNull();
    expect(k.afvigelser).toEqual([]);
  });

  it('a published "nej" for the current list ends omdannelse, whatever the history', () => {
    const k = classifyBoligomraade({ id: 'a' }, { listedato: '2021-12-01', history: onList([2016, 2017, 2018, 2019, 2020]), offentliggjortParallelsamfund: false });
    expect(k.kategorier.parallelsamfund?.outcome).toBe(false);
    expect(k.kategorier.omdannelse?.outcome).toBe(false);
  });

  it('count in a version whose ghetto rule is not one named condition (2013)', () => {
    const k = classifyBoligomraade({ id: 'a' }, { listedato: '2014-12-01', offentliggjortParallelsamfund: true });
    expect(k.kategorier.parallelsamfund).toMatchObject({ regel: 'ghettoomraade', outcome: true, fraOffentliggjortListe: true });
  });
});

describe('published and computed status disagreeing', () => {
  it('on the current list: the published status is used and the disagreement reported', () => {
    const notParallel = { ...parallelsamfund, ikkeVestligePct: '45' };
    const k = classifyBoligomraade({ id: 'a', ...notParallel }, { listedato: '2021-12-01', history: onList([2017, 2018, 2019, 2020]), offentliggjortParallelsamfund: true });
    expect(k.kategorier.parallelsamfund?.outcome).toBe(true);
    expect(k.kategorier.omdannelse?.outcome).toBe(true);
    expect(k.afvigelser).toEqual([expect.objectContaining({ aar: 2021, listedato: '2021-12-01', offentliggjort: true, beregnet: false })]);
    expect(formatKlassifikationForklaring(k)).toContain('2021 (1. december 2021): offentliggjort: ja, beregnet: nej');
    expect(klassifikationJson({ ok: true, klassifikation: k }).afvigelser).toEqual([{ aar: 2021, listedato: '2021-12-01', offentliggjort: true, beregnet: false }]);
  });

  it('on an earlier list: reported with that year, the published status counted in the history', () => {
    const history = [
      ...onList([2017, 2018, 2020]),
      { listedato: '2019-12-01', offentliggjortParallelsamfund: true, input: { id: 'a', ...parallelsamfund, udenArbejdePct: '30', kunGrundskolePct: '50' } },
    ];
    const k = classifyBoligomraade({ id: 'a', ...parallelsamfund }, { listedato: '2021-12-01', history });
    expect(k.historik?.aarIRaekke).toBe(5);
    expect(k.kategorier.omdannelse?.outcome).toBe(true);
    expect(k.afvigelser).toEqual([expect.objectContaining({ aar: 2019, offentliggjort: true, beregnet: false })]);
    expect(formatKlassifikationForklaring(k)).toContain('offentliggjort: ja, beregnet: nej');
  });

  it('agreeing figures give no afvigelse and leave the outcome to the figures', () => {
    const k = classifyBoligomraade({ id: 'a', ...parallelsamfund }, { listedato: '2021-12-01', offentliggjortParallelsamfund: true });
    expect(k.afvigelser).toEqual([]);
    expect(k.kategorier.parallelsamfund?.fraOffentliggjortListe).toBeUndefined();
  });

  it('with a criterion switched off, every published status is disregarded, the current one too', () => {
    const k = classifyBoligomraade({ id: 'a' }, { listedato: '2021-12-01', history: onList([2017, 2018, 2019, 2020]), offentliggjortParallelsamfund: true, disable: ['ikke-vestlige'] });
    expect(k.kategorier.parallelsamfund?.outcome).toBe(false);
    expect(k.kategorier.omdannelse?.outcome).toBe(false);
    expect(k.afvigelser).toEqual([]);
  });
});
