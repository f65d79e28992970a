/**
 * What a user reads of a classification, in process: the Danish table, the JSON objects
 * (the CLI's `--format json` contract), the CSV lines, the notes per category, where an
 * earlier list's status came from, and the full reasoning of `--explain`; and the three
 * sinks, what they write and in which pieces for 0, 1 and several rows. Every expected
 * text is derived from src/classification/format.ts and the rule files in rules/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readBoligomraaderCsv } from '../../src/classification/csv.js';
import {
  formatKlassifikationCsv,
  formatKlassifikationForklaring,
  formatKlassifikationJson,
  formatKlassifikationTable,
  historikKilde,
  kategoriNoter,
  KATEGORI_OVERSKRIFT,
  klassifikationCsvSink,
  klassifikationJson,
  klassifikationJsonSink,
  klassifikationTableSink,
  regler,
  type UdfaldRaekke,
  type UdfaldSink,
} from '../../src/classification/format.js';
import { classifyBoligomraade, classifyBoligomraader } from '../../src/classification/index.js';
import type { BatchRaekke, HistorikAarStatus, KategoriResultat, Klassifikation } from '../../src/classification/types.js';
import type { Diagnostic } from '../../src/errors.js';
import { CHUNK_SIZE } from '../../src/format/chunked.js';
import { formatExplanation } from '../../src/format/explanation.js';

// ---------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------

/**
 * Under the 2018 rules: 1,500 residents, labour (45 > 40) and grundskole (65 > 60) met, income
 * (70, not < 55) and crime (1 × the average, not ≥ 3) not: 2 of 4, so udsat; over 50 pct.
 * non-western, so also a ghettoområde, and that one depends on the non-western gate.
 */
const ghettoFigures = { beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '65', indkomstPctAfRegion: '70', domfaeltePct: '1', domfaelteLandsgennemsnitPct: '1' };
const ghetto = { id: 'x', navn: 'Solbakken', kommune: 'København', ...ghettoFigures };
/** Below the 1,000 residents every version requires: every category "nej". */
const small = { ...ghettoFigures, id: 's', beboere: 500 };
/** Under the 2013 rules and the 2015–2017 infrastructure list (classify.test.ts): udsat (infra) but not a ghettoområde. */
const infra = { id: 'i', beboere: 1200, ikkeVestligePct: '40', udenArbejdePct: '41', domfaeltePct: '2.8', kunGrundskolePct: '40', indkomstPctAfRegion: '70' };

const onList = (years: readonly number[]) => years.map((y) => ({ listedato: `${y}-12-01`, offentliggjortParallelsamfund: true }));

/** 2019, no history: the four earlier lists of the 5-year window are missing, so hårdt ghettoområde is unknown. */
const k2019 = classifyBoligomraade(ghetto, { listedato: '2019-12-01' });
/** 2019 with the published lists 2015–2018: 5 lists in a row, so hårdt ghettoområde. */
const k2019h = classifyBoligomraade(ghetto, { listedato: '2019-12-01', history: onList([2015, 2016, 2017, 2018]) });
const k2016 = classifyBoligomraade(infra, { listedato: '2016-12-01' });
const kSmall = classifyBoligomraade(small, { listedato: '2021-12-01' });

const ok = (klassifikation: Klassifikation): UdfaldRaekke => ({ ok: true, klassifikation });
/** A batch row as the CLI passes it to the sinks (row = 1-based position). */
const udfald = (b: BatchRaekke): UdfaldRaekke =>
  b.ok ? { ok: true, klassifikation: b.klassifikation } : { ok: false, row: b.index + 1, ...(b.id !== undefined ? { id: b.id } : {}), ...(b.listedato !== undefined ? { listedato: b.listedato } : {}), errors: b.errors };

/**
 * Real bad rows: 1, id "b" with a non-integer beboere; 2, not an object (no id, no
 * listedato, no field); 3, a list date before the first rules (with a hint).
 */
const badRows = classifyBoligomraader([{ id: 'b', listedato: '2021-12-01', beboere: 'mange' }, 'ikke et objekt', { id: 'o', listedato: '2009-12-01' }]).map(udfald);
const bad = (i: number): UdfaldRaekke => {
  const r = badRows[i];
  if (r === undefined) throw new Error(`no bad row ${i}`);
  return r;
};

/** Everything `sinkOf` writes, piece by piece. */
function pieces(rows: readonly UdfaldRaekke[], sinkOf: (write: (text: string) => void) => UdfaldSink): string[] {
  const out: string[] = [];
  const sink = sinkOf((t) => out.push(t));
  for (const r of rows) sink.add(r);
  sink.end();
  return out;
}

// ---------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------

const HEADERS = ['Id', 'Navn', 'Liste', 'Regler', 'Udsat', 'Ghetto/parallelsamfund', 'Hård/omdannelse', 'Forebyggelse', 'Afhænger af ikke-vestlig'];
const FOOTNOTE = 'ja/nej/ukendt pr. kategori; – = kategorien findes ikke i lovversionen. Før 2021: ghettoområde og hårdt ghettoområde; 2015–2017: udsat = infrastrukturlisten.\n';
const MISSING_HEADING = '\nMangler tal (et udfald, der afhænger af dem, er ukendt; --explain <id> viser hele begrundelsen):\n';
const BAD_HEADING = '\nRækker med fejl (ikke klassificeret):\n';

/** The table's body rows as cells, cut at the columns where the header line puts each heading. */
function tableRows(text: string): string[][] {
  const lines = text.split('\n');
  const header = lines[0] ?? '';
  const starts: number[] = [];
  let from = 0;
  for (const h of HEADERS) {
    const at = header.indexOf(h, from);
    expect(at, h).toBeGreaterThanOrEqual(0);
    starts.push(at);
    from = at + h.length;
  }
  const end = lines.indexOf(FOOTNOTE.slice(0, -1));
  expect(end).toBeGreaterThan(1);
  return lines.slice(2, end).map((line) => starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length).trim()));
}

describe('klassifikationTableSink / formatKlassifikationTable', () => {
  it('for no rows writes the headings, the rule under them and the footnote, in one piece', () => {
    const out = pieces([], klassifikationTableSink);
    expect(out).toHaveLength(1);
    // with no rows each column is as wide as its heading, two spaces between columns
    expect(out[0]).toBe(`${HEADERS.join('  ')}\n${HEADERS.map((h) => '─'.repeat(h.length)).join('  ')}\n${FOOTNOTE}`);
    expect(formatKlassifikationTable([])).toBe(out[0]);
  });

  it('takes its headings of the categories from KATEGORI_OVERSKRIFT', () => {
    expect(KATEGORI_OVERSKRIFT).toEqual({ udsat: 'Udsat', parallelsamfund: 'Ghetto/parallelsamfund', omdannelse: 'Hård/omdannelse', forebyggelse: 'Forebyggelse' });
  });

  it('writes nothing before end(): the widths need every row', () => {
    const out: string[] = [];
    const sink = klassifikationTableSink((t) => out.push(t));
    sink.add(ok(k2019));
    sink.add(bad(0));
    expect(out).toEqual([]);
    sink.end();
    expect(out).toHaveLength(1);
  });

  it('shows one classification: id, name, list, rules, ja/nej/ukendt per category, – for one the version lacks', () => {
    const text = formatKlassifikationTable([ok(k2019)]);
    // 2018 rules: udsat ja, ghetto ja, hårdt ghetto unknown (no history), no forebyggelse; the ghetto gate depends on non-western
    expect(tableRows(text)).toEqual([['x', 'Solbakken', '2019-12-01', '2018-12-01', 'ja', 'ja', 'ukendt', '–', 'ja']]);
    // the figure the history needs is missing, so it is listed under the table
    expect(text).toBe(`${text.split(FOOTNOTE)[0]}${FOOTNOTE}${MISSING_HEADING}  x 2019-12-01: parallelsamfundAarIRaekke\n`);
  });

  it('shows "nej" and "nej" for not depending on the non-western criterion, and no missing section when nothing that matters is missing', () => {
    const text = formatKlassifikationTable([ok(k2019h), ok(kSmall)]);
    expect(tableRows(text)).toEqual([
      // 2015–2018 published: 5 lists in a row, the current one counted
      ['x', 'Solbakken', '2019-12-01', '2018-12-01', 'ja', 'ja', 'ja', '–', 'ja'],
      // no navn: an empty cell; under 1,000 residents everything is "nej" whatever the non-western share
      ['s', '', '2021-12-01', '2021-11-30', 'nej', 'nej', 'nej', 'nej', 'nej'],
    ]);
    // kSmall's mangler (parallelsamfundAarIRaekke) is listed: the sink lists any non-empty mangler
    expect(kSmall.mangler).toEqual(['parallelsamfundAarIRaekke']);
    expect(text.endsWith(`${FOOTNOTE}${MISSING_HEADING}  s 2021-12-01: parallelsamfundAarIRaekke\n`)).toBe(true);
    expect(formatKlassifikationTable([ok(k2019h)]).endsWith(`\n${FOOTNOTE}`)).toBe(true);
  });

  it('joins several missing figures with ", " and lists one line per classification', () => {
    // labour and the gate known, the other criteria missing: udsat and ghetto unknown
    const u = classifyBoligomraade({ id: 'u', beboere: 1500, udenArbejdePct: '45', ikkeVestligePct: '55' }, { listedato: '2019-12-01' });
    expect(u.mangler).toEqual(['domfaelteFaktor', 'indkomstPctAfRegion', 'kunGrundskolePct', 'parallelsamfundAarIRaekke']);
    const text = formatKlassifikationTable([ok(u), ok(k2019)]);
    expect(tableRows(text).map((r) => r.slice(4, 7))).toEqual([
      ['ukendt', 'ukendt', 'ukendt'],
      ['ja', 'ja', 'ukendt'],
    ]);
    expect(text.endsWith(`${MISSING_HEADING}  u 2019-12-01: domfaelteFaktor, indkomstPctAfRegion, kunGrundskolePct, parallelsamfundAarIRaekke\n  x 2019-12-01: parallelsamfundAarIRaekke\n`)).toBe(true);
  });

  it('shows the infrastructure list beside the 2013 rules on a 2016 list, and – for the categories of 2018 and later', () => {
    expect(tableRows(formatKlassifikationTable([ok(k2016)]))).toEqual([['i', '', '2016-12-01', '2013-12-01 + infra 2015-12-01', 'ja', 'nej', '–', '–', 'ja']]);
  });

  it('shows a bad row with its id, list date and the row to look at, and its reasons under the table', () => {
    const text = formatKlassifikationTable([ok(kSmall), bad(0), bad(1)]);
    expect(tableRows(text)).toEqual([
      ['s', '', '2021-12-01', '2021-11-30', 'nej', 'nej', 'nej', 'nej', 'nej'],
      ['b', '', '2021-12-01', 'FEJL, se række 1', '', '', '', '', ''],
      // no id: "?"; no list date: blank
      ['?', '', '', 'FEJL, se række 2', '', '', '', '', ''],
    ]);
    // formatDiagnostic: "række <n> kolonne <field> fejl <code> <message>", indented two spaces
    expect(
      text.endsWith(
        `${MISSING_HEADING}  s 2021-12-01: parallelsamfundAarIRaekke\n${BAD_HEADING}  række 1 kolonne beboere fejl input-row skal være et helt tal\n  række 2 fejl input-row Ugyldigt input: forventede objekt, fik streng\n`,
      ),
    ).toBe(true);
  });

  it('lists the bad rows alone (no missing section) with the hint after a dash', () => {
    const text = formatKlassifikationTable([bad(2)]);
    expect(tableRows(text)).toEqual([['o', '', '2009-12-01', 'FEJL, se række 3', '', '', '', '', '']]);
    expect(text.endsWith(`\n${FOOTNOTE}${BAD_HEADING}  række 3 kolonne listedato fejl input-row ingen klassifikationsregler i kraft 2009-12-01 — De første regler (ghettolisten) gælder fra 26. oktober 2010.\n`)).toBe(true);
    expect(text).not.toContain('Mangler tal');
  });

  it('keeps within 160 columns by wrapping the Navn and Regler columns, never the others', () => {
    const navn = 'Det meget lange boligområde ved den gamle havn og det nye bibliotek over for skolen og kirken i den østlige bydel af byen';
    const k = classifyBoligomraade({ ...infra, navn }, { listedato: '2016-12-01' });
    const lines = formatKlassifikationTable([ok(k)]).split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(160);
    // 9 columns, 8 gaps of 2: the seven fixed columns take 2+10+5+22+15+12+24+16 = 106, leaving
    // 54 for Navn and Regler, shared at one cap: 27 each, so the 29-character Regler wraps too
    const header = lines[0] ?? '';
    const navnAt = header.indexOf('Navn');
    const reglerAt = header.indexOf('Regler');
    // Navn (27), a gap, Liste (10), a gap
    expect(reglerAt - navnAt).toBe(27 + 2 + 10 + 2);
    expect(lines[2]?.slice(reglerAt, reglerAt + 27).trim()).toBe('2013-12-01 + infra');
    expect(lines[3]?.slice(reglerAt, reglerAt + 27).trim()).toBe('2015-12-01');
    // every word of the name is there, over several lines of the Navn column
    const body = lines.slice(2, lines.indexOf(FOOTNOTE.slice(0, -1)));
    const navnLines = body.map((l) => l.slice(navnAt, navnAt + 27).trim());
    expect(navnLines.length).toBeGreaterThan(1);
    expect(navnLines.join(' ')).toBe(navn);
  });

  it('writes a long table in pieces of at least CHUNK_SIZE characters, the same text as the whole', () => {
    // ~100 characters per row: 2,000 rows are about three pieces
    const rows = Array.from({ length: 2000 }, () => ok(k2019h));
    const out = pieces(rows, klassifikationTableSink);
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const p of out.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(CHUNK_SIZE);
    const whole = out.join('');
    expect(whole).toBe(formatKlassifikationTable(rows));
    expect(tableRows(whole)).toHaveLength(2000);
    expect(whole.endsWith(`\n${FOOTNOTE}`)).toBe(true);
  });

  it('shows every row of fixtures/boligomraader.csv, the infrastructure list only on the lists 2015–2017', () => {
    const csv = readBoligomraaderCsv(readFileSync('fixtures/boligomraader.csv', 'utf8'), 'boligomraader.csv');
    const rows = classifyBoligomraader(csv.entries.map((e) => e.value)).map(udfald);
    expect(rows.every((r) => r.ok)).toBe(true);
    const cells = tableRows(formatKlassifikationTable(rows));
    expect(cells).toHaveLength(30);
    const solbakken = cells.filter((c) => c[0] === 'solbakken').map((c) => [c[2], c[3]]);
    expect(solbakken).toEqual([
      ['2010-10-26', '2010-10-26'],
      ['2012-10-01', '2010-10-26'],
      ['2013-12-01', '2013-12-01'],
      ['2014-12-01', '2013-12-01'],
      ['2015-12-01', '2013-12-01 + infra 2015-12-01'],
      ['2016-12-01', '2013-12-01 + infra 2015-12-01'],
      ['2017-12-01', '2013-12-01 + infra 2015-12-01'],
      ['2018-12-01', '2018-12-01'],
      ['2019-12-01', '2018-12-01'],
      ['2020-12-01', '2018-12-01'],
      ['2021-12-01', '2021-11-30'],
      ['2022-12-01', '2021-11-30'],
    ]);
    // the 2010 rules know only the ghetto category: the three others are "–"
    expect(cells[0]?.slice(4, 8).filter((c) => c === '–')).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------------------
// regler
// ---------------------------------------------------------------------------------------

describe('regler', () => {
  it('names the main rule file by its date, and the infrastructure list after " + infra "', () => {
    expect(regler(k2019)).toBe('2018-12-01');
    expect(regler(kSmall)).toBe('2021-11-30');
    expect(regler(k2016)).toBe('2013-12-01 + infra 2015-12-01');
  });

  it('says "?" when there is no rule file', () => {
    expect(regler({ ...k2019, ruleSets: [] })).toBe('?');
  });
});

// ---------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------

const PACKAGE_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('klassifikationJson', () => {
  it('has the contract keys in order, the envelope last', () => {
    expect(Object.keys(klassifikationJson(ok(k2019h)))).toEqual([
      'id',
      'navn',
      'kommune',
      'listedato',
      'regelsaet',
      'udsat',
      'parallelsamfund',
      'omdannelse',
      'kategorinavne',
      'afhaengerAfIkkeVestligeKriterium',
      'afhaengerPrKategori',
      'mangler',
      'historik',
      'ruleSets',
      'asOf',
      'packageVersion',
      'outcomes',
    ]);
  });

  it('gives the 2018 classification with its history', () => {
    const j = klassifikationJson(ok(k2019h));
    expect(j).toMatchObject({
      id: 'x',
      navn: 'Solbakken',
      kommune: 'København',
      listedato: '2019-12-01',
      regelsaet: { id: 'classification', dato: '2018-12-01' },
      udsat: true,
      parallelsamfund: true,
      omdannelse: true,
      kategorinavne: { udsat: 'udsat boligområde', parallelsamfund: 'ghettoområde', omdannelse: 'hårdt ghettoområde' },
      afhaengerAfIkkeVestligeKriterium: true,
      // udsat rests on labour and grundskole; the ghetto gate and hårdt ghetto on the non-western share
      afhaengerPrKategori: { udsat: false, parallelsamfund: true, omdannelse: true },
      mangler: [],
      // the window: the four lists before 2019, newest first, each published "ja"
      historik: {
        listerITraek: 5,
        kraevet: 5,
        aar: [2018, 2017, 2016, 2015].map((aar) => ({ aar, status: true, kilde: 'offentliggjort' })),
      },
      asOf: '2019-12-01',
      packageVersion: PACKAGE_VERSION,
    });
    expect(j.ruleSets).toEqual(k2019h.ruleSets);
    expect(j.outcomes).toEqual(k2019h.outcomes);
    // the history objects carry only aar, status and kilde (no listedato, no ruleSet)
    expect((j.historik as { aar: object[] }).aar[0]).toStrictEqual({ aar: 2018, status: true, kilde: 'offentliggjort' });
    expect(j).not.toHaveProperty('afvigelser');
    expect(j).not.toHaveProperty('slaaetFra');
    expect(j).not.toHaveProperty('regelsaetInfrastruktur');
    expect(j).not.toHaveProperty('forebyggelse');
  });

  it('gives unknowns as null and an unknown history count as null', () => {
    const j = klassifikationJson(ok(k2019));
    expect(j.omdannelse).toBeNull();
    expect(j.mangler).toEqual(['parallelsamfundAarIRaekke']);
    expect(j.historik).toEqual({ listerITraek: null, kraevet: 5, aar: [2018, 2017, 2016, 2015].map((aar) => ({ aar, status: null, kilde: 'mangler' })) });
  });

  it('on a 2016 list: the infrastructure rule file, only the two categories of then, no history, no navn or kommune', () => {
    const j = klassifikationJson(ok(k2016));
    expect(Object.keys(j)).toEqual(['id', 'listedato', 'regelsaet', 'regelsaetInfrastruktur', 'udsat', 'parallelsamfund', 'kategorinavne', 'afhaengerAfIkkeVestligeKriterium', 'afhaengerPrKategori', 'mangler', 'ruleSets', 'asOf', 'packageVersion', 'outcomes']);
    expect(j.regelsaet).toEqual({ id: 'classification', dato: '2013-12-01' });
    expect(j.regelsaetInfrastruktur).toEqual({ id: 'classification-infrastruktur', dato: '2015-12-01' });
    expect(j.udsat).toBe(true);
    expect(j.parallelsamfund).toBe(false);
    expect(j.kategorinavne).toEqual({ udsat: 'udsat boligområde (infrastrukturlisten)', parallelsamfund: 'ghettoområde' });
    expect(Object.keys(j.afhaengerPrKategori as object).sort()).toEqual(['parallelsamfund', 'udsat']);
    expect(j.asOf).toBe('2016-12-01');
  });

  it('gives every category of 2021 as false for a small area, and the names of 2021', () => {
    const j = klassifikationJson(ok(kSmall));
    expect([j.udsat, j.parallelsamfund, j.omdannelse, j.forebyggelse]).toEqual([false, false, false, false]);
    expect(j.kategorinavne).toEqual({ udsat: 'udsat boligområde', parallelsamfund: 'parallelsamfund', omdannelse: 'omdannelsesområde', forebyggelse: 'forebyggelsesområde' });
    expect(j.afhaengerAfIkkeVestligeKriterium).toBe(false);
    expect(j.afhaengerPrKategori).toEqual({ udsat: false, parallelsamfund: false, omdannelse: false, forebyggelse: false });
  });

  it('gives an empty regelsaet rather than failing for a classification without rule files', () => {
    // JSON.stringify drops the undefined id and dato
    expect(JSON.stringify(klassifikationJson(ok({ ...k2019, ruleSets: [] })).regelsaet)).toBe('{}');
  });

  it('lists what was switched off as slaaetFra', () => {
    const k = classifyBoligomraade(ghetto, { listedato: '2021-12-01', disable: ['ikke-vestlige'] });
    expect(klassifikationJson(ok(k)).slaaetFra).toEqual(['ikke-vestlige', 'ikke-vestlige-forebyggelse']);
  });

  it('lists the disagreements of published and computed status, with the list date when known', () => {
    // 2021 published "ja", but only 45 pct. non-western: by the figures not a parallelsamfund
    const k = classifyBoligomraade({ ...ghetto, ikkeVestligePct: '45' }, { listedato: '2021-12-01', offentliggjortParallelsamfund: true });
    expect(klassifikationJson(ok(k)).afvigelser).toStrictEqual([{ aar: 2021, listedato: '2021-12-01', offentliggjort: true, beregnet: false }]);
    // a disagreement without a list date (the type allows it) has no listedato key
    const hand: Klassifikation = { ...k, afvigelser: [{ aar: 2020, offentliggjort: false, beregnet: true }] };
    expect(klassifikationJson(ok(hand)).afvigelser).toStrictEqual([{ aar: 2020, offentliggjort: false, beregnet: true }]);
  });

  it('gives a bad row as raekke, id, listedato and fejl with kolonne, kode, besked and tip where there are any', () => {
    expect(klassifikationJson(bad(0))).toStrictEqual({ raekke: 1, id: 'b', listedato: '2021-12-01', fejl: [{ kolonne: 'beboere', kode: 'input-row', besked: 'skal være et helt tal' }] });
    expect(klassifikationJson(bad(1))).toStrictEqual({ raekke: 2, fejl: [{ kode: 'input-row', besked: 'Ugyldigt input: forventede objekt, fik streng' }] });
    const j = klassifikationJson(bad(2));
    expect(Object.keys(j)).toEqual(['raekke', 'id', 'listedato', 'fejl']);
    expect(j).toStrictEqual({
      raekke: 3,
      id: 'o',
      listedato: '2009-12-01',
      fejl: [{ kolonne: 'listedato', kode: 'input-row', besked: 'ingen klassifikationsregler i kraft 2009-12-01', tip: 'De første regler (ghettolisten) gælder fra 26. oktober 2010.' }],
    });
  });
});

describe('klassifikationJsonSink / formatKlassifikationJson', () => {
  it('writes [] and a newline for no rows, in one piece', () => {
    expect(pieces([], klassifikationJsonSink)).toEqual(['[]\n']);
    expect(formatKlassifikationJson([])).toBe('[]\n');
  });

  it('writes each object as it is added, then the closing bracket', () => {
    const out: string[] = [];
    const sink = klassifikationJsonSink((t) => out.push(t));
    expect(out).toEqual([]);
    sink.add(bad(0));
    expect(out).toHaveLength(1);
    // the object indented by two spaces inside the array
    expect(out[0]).toBe('[\n  {\n    "raekke": 1,\n    "id": "b",\n    "listedato": "2021-12-01",\n    "fejl": [\n      {\n        "kolonne": "beboere",\n        "kode": "input-row",\n        "besked": "skal være et helt tal"\n      }\n    ]\n  }');
    sink.end();
    expect(out).toHaveLength(2);
    expect(out[1]).toBe('\n]\n');
  });

  it('for several rows: one piece per row, separated by commas, the whole exactly JSON.stringify(…, null, 2) and a newline', () => {
    const rows = [ok(k2019), bad(1), ok(k2016)];
    const out = pieces(rows, klassifikationJsonSink);
    expect(out).toHaveLength(4);
    expect(out[0]?.startsWith('[\n  {\n    "id": "x",')).toBe(true);
    expect(out[1]?.startsWith(',\n  {\n    "raekke": 2,')).toBe(true);
    expect(out[2]?.startsWith(',\n  {\n    "id": "i",')).toBe(true);
    expect(out[3]).toBe('\n]\n');
    const whole = out.join('');
    expect(whole).toBe(formatKlassifikationJson(rows));
    expect(whole).toBe(`${JSON.stringify(rows.map(klassifikationJson), null, 2)}\n`);
    expect((JSON.parse(whole) as { id?: string }[]).map((o) => o.id)).toEqual(['x', undefined, 'i']);
  });
});

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

const CSV_HEADER = 'id,navn,listedato,regelsaet,udsat,parallelsamfund,omdannelse,forebyggelse,afhaenger_af_ikke_vestlige_kriterium,mangler,fejl\n';

describe('klassifikationCsvSink / formatKlassifikationCsv', () => {
  it('writes the header as soon as the sink is made, and nothing at the end', () => {
    const out: string[] = [];
    const sink = klassifikationCsvSink((t) => out.push(t));
    expect(out).toEqual([CSV_HEADER]);
    sink.end();
    expect(out).toEqual([CSV_HEADER]);
    expect(formatKlassifikationCsv([])).toBe(CSV_HEADER);
  });

  it('has the header and the category headings built when format.ts loads (seen through a module loaded afresh)', async () => {
    // as in the *-load-time tests: a module loaded in the test, so that a change to these
    // module-level tables made before the test runs is seen by it
    vi.resetModules();
    const fresh = await import('../../src/classification/format.js');
    expect(fresh.formatKlassifikationCsv([])).toBe(CSV_HEADER);
    expect(fresh.formatKlassifikationTable([]).split('\n')[0]).toBe(HEADERS.join('  '));
  });

  it('writes one line per row as it is added: ja/nej/ukendt, blank for a category the version lacks', () => {
    const out: string[] = [];
    const sink = klassifikationCsvSink((t) => out.push(t));
    sink.add(ok(k2019));
    expect(out).toEqual([CSV_HEADER, 'x,Solbakken,2019-12-01,2018-12-01,ja,ja,ukendt,,ja,parallelsamfundAarIRaekke,\n']);
    sink.add(ok(kSmall));
    sink.add(ok(k2016));
    sink.end();
    expect(out).toEqual([
      CSV_HEADER,
      'x,Solbakken,2019-12-01,2018-12-01,ja,ja,ukendt,,ja,parallelsamfundAarIRaekke,\n',
      's,,2021-12-01,2021-11-30,nej,nej,nej,nej,nej,parallelsamfundAarIRaekke,\n',
      'i,,2016-12-01,2013-12-01 + infra 2015-12-01,ja,nej,,,ja,,\n',
    ]);
  });

  it('separates several missing figures by a space', () => {
    const u = classifyBoligomraade({ id: 'u', beboere: 1500, udenArbejdePct: '45', ikkeVestligePct: '55' }, { listedato: '2019-12-01' });
    expect(formatKlassifikationCsv([ok(u)])).toBe(`${CSV_HEADER}u,,2019-12-01,2018-12-01,ukendt,ukendt,ukendt,,ja,domfaelteFaktor indkomstPctAfRegion kunGrundskolePct parallelsamfundAarIRaekke,\n`);
  });

  it('writes a bad row with its id and list date and the reasons in the last column', () => {
    expect(formatKlassifikationCsv([bad(0), bad(1), bad(2)])).toBe(
      `${CSV_HEADER}b,,2021-12-01,,,,,,,,række 1 kolonne beboere: skal være et helt tal\n` +
        // no id, no list date; the message has a comma, so the cell is quoted
        `,,,,,,,,,,"række 2: Ugyldigt input: forventede objekt, fik streng"\n` +
        `o,,2009-12-01,,,,,,,,række 3 kolonne listedato: ingen klassifikationsregler i kraft 2009-12-01\n`,
    );
  });

  it('joins several reasons of one row with "; " (so the cell is quoted)', () => {
    const errors: Diagnostic[] = [
      { code: 'input-row', severity: 'error', row: 4, field: 'beboere', message: 'skal være et helt tal' },
      { code: 'input-row', severity: 'error', row: 4, message: 'for mange kolonner' },
    ];
    expect(formatKlassifikationCsv([{ ok: false, row: 4, id: 'z', errors }])).toBe(`${CSV_HEADER}z,,,,,,,,,,"række 4 kolonne beboere: skal være et helt tal; række 4: for mange kolonner"\n`);
  });

  it('neutralises text cells a spreadsheet would read as a formula, and quotes cells with separators', () => {
    const evil = classifyBoligomraade({ ...small, id: '@id', navn: '=HYPERLINK("http://x";"klik")' }, { listedato: '2021-12-01' });
    const line = formatKlassifikationCsv([ok(evil)]).split('\n')[1];
    // a leading ' before = and @; the quotes and ";" make the name a quoted cell with "" for "
    expect(line).toBe(`'@id,"'=HYPERLINK(""http://x"";""klik"")",2021-12-01,2021-11-30,nej,nej,nej,nej,nej,parallelsamfundAarIRaekke,`);
    const plusMinus = classifyBoligomraade({ ...small, id: '+45', navn: '-Solbakken' }, { listedato: '2021-12-01' });
    // "+45" is a number to a spreadsheet and stays; "-Solbakken" is not and is neutralised
    expect(formatKlassifikationCsv([ok(plusMinus)]).split('\n')[1]?.split(',').slice(0, 2)).toEqual(['+45', "'-Solbakken"]);
    // the id of a bad row too
    expect(formatKlassifikationCsv([{ ok: false, row: 1, id: '=1+1', errors: [] }])).toBe(`${CSV_HEADER}'=1+1,,,,,,,,,,\n`);
  });

  it('writes a line for every row of fixtures/boligomraader.csv', () => {
    const csv = readBoligomraaderCsv(readFileSync('fixtures/boligomraader.csv', 'utf8'), 'boligomraader.csv');
    const rows = classifyBoligomraader(csv.entries.map((e) => e.value)).map(udfald);
    const out = pieces(rows, klassifikationCsvSink);
    expect(out).toHaveLength(31);
    expect(out[0]).toBe(CSV_HEADER);
    // every line has the 11 columns (no cell here holds a comma)
    for (const l of out) expect(l.trimEnd().split(',')).toHaveLength(11);
    expect(out[1]?.split(',').slice(0, 4)).toEqual(['solbakken', 'Solbakken', '2010-10-26', '2010-10-26']);
  });
});

// ---------------------------------------------------------------------------------------
// Notes, history sources and the full reasoning
// ---------------------------------------------------------------------------------------

describe('kategoriNoter', () => {
  const plain = kSmall.kategorier.udsat as KategoriResultat;
  const AFH = 'afhænger af ikke-vestlig-kriteriet';
  const UDE = 'udelukket, fordi området er (eller kan være) udsat';
  const OFF = 'efter den offentliggjorte liste';

  it('has no note for a plain outcome', () => {
    expect(plain.afhaengerAfIkkeVestlig).toBe(false);
    expect(kategoriNoter(plain)).toEqual([]);
  });

  it('notes each flag, in the order dependence, exclusion, published list', () => {
    expect(kategoriNoter({ ...plain, afhaengerAfIkkeVestlig: true })).toEqual([AFH]);
    expect(kategoriNoter({ ...plain, udelukketSomUdsat: true })).toEqual([UDE]);
    expect(kategoriNoter({ ...plain, fraOffentliggjortListe: true })).toEqual([OFF]);
    expect(kategoriNoter({ ...plain, afhaengerAfIkkeVestlig: true, udelukketSomUdsat: true, fraOffentliggjortListe: true })).toEqual([AFH, UDE, OFF]);
  });

  it('gives the notes of real classifications', () => {
    expect(kategoriNoter(k2019.kategorier.parallelsamfund as KategoriResultat)).toEqual([AFH]);
    // 40 pct. non-western: udsat (2 of 4) and forebyggelse (over 30 pct.); excluded when switched on
    const excluded = classifyBoligomraade({ ...ghetto, ikkeVestligePct: '40' }, { listedato: '2021-12-01', forebyggelseUdelukkerUdsatte: true });
    expect(kategoriNoter(excluded.kategorier.forebyggelse as KategoriResultat)).toContain(UDE);
    const published = classifyBoligomraade({ id: 'a' }, { listedato: '2021-12-01', offentliggjortParallelsamfund: true });
    expect(kategoriNoter(published.kategorier.parallelsamfund as KategoriResultat)).toContain(OFF);
  });
});

describe('historikKilde', () => {
  const base: HistorikAarStatus = { aar: 2018, listedato: '2018-12-01', status: true, kilde: 'offentliggjort' };

  it('says "offentliggjort", with what the figures gave when they disagree', () => {
    expect(historikKilde(base)).toBe('offentliggjort');
    expect(historikKilde({ ...base, beregnet: false })).toBe('offentliggjort (beregnet: nej)');
    expect(historikKilde({ ...base, status: false, beregnet: true })).toBe('offentliggjort (beregnet: ja)');
  });

  it('says which rules a computed status came from, "?" when unknown', () => {
    const computed = [2014, 2015, 2016, 2017].map((y) => ({ listedato: `${y}-12-01`, input: { ...infra, beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '55', domfaeltePct: '1' } }));
    const k = classifyBoligomraade(ghetto, { listedato: '2018-12-01', history: computed });
    const first = k.historik?.aar[0];
    expect(first?.kilde).toBe('beregnet');
    expect(historikKilde(first as HistorikAarStatus)).toBe('beregnet efter reglerne fra 2013-12-01');
    expect(historikKilde({ aar: 2017, status: null, kilde: 'beregnet' })).toBe('beregnet efter reglerne fra ?');
  });

  it('says "mangler" for a missing year', () => {
    expect(historikKilde({ aar: 2016, status: null, kilde: 'mangler' })).toBe('mangler');
  });
});

describe('formatKlassifikationForklaring', () => {
  it('starts with the area, its name and municipality and the Danish list date, then the result per category', () => {
    const lines = formatKlassifikationForklaring(k2019).split('\n');
    expect(lines.slice(0, 13)).toEqual([
      'Boligområde x Solbakken (København) — listen 1. december 2019',
      'Resultat:',
      '  udsat boligområde: ja',
      '  ghettoområde: ja (afhænger af ikke-vestlig-kriteriet)',
      // unknown with the gate met, "nej" without: it depends on the gate too
      '  hårdt ghettoområde: ukendt (afhænger af ikke-vestlig-kriteriet)',
      'Afhænger af ikke-vestlig-kriteriet: ja',
      'Historik (hårdt ghettoområde: på listen mindst 5 år i træk, den aktuelle medregnet):',
      // missing years have no list date
      '  2018: ukendt — mangler',
      '  2017: ukendt — mangler',
      '  2016: ukendt — mangler',
      '  2015: ukendt — mangler',
      '  Lister i træk, den aktuelle medregnet: ukendt (et ukendt år kan afgøre det)',
      'Mangler: parallelsamfundAarIRaekke',
    ]);
    // then a blank line and the explanation of the one rule file
    expect(lines[13]).toBe('');
    expect(lines[14]?.startsWith('Regelsæt: ')).toBe(true);
  });

  it('shows the published years with their dates and the count of lists in a row', () => {
    const text = formatKlassifikationForklaring(k2019h);
    expect(text).toContain(
      [
        '  hårdt ghettoområde: ja (afhænger af ikke-vestlig-kriteriet)',
        'Afhænger af ikke-vestlig-kriteriet: ja',
        'Historik (hårdt ghettoområde: på listen mindst 5 år i træk, den aktuelle medregnet):',
        '  2018 (1. december 2018): ja — offentliggjort',
        '  2017 (1. december 2017): ja — offentliggjort',
        '  2016 (1. december 2016): ja — offentliggjort',
        '  2015 (1. december 2015): ja — offentliggjort',
        '  Lister i træk, den aktuelle medregnet: 5',
        '',
        'Regelsæt: ',
      ].join('\n'),
    );
    expect(text).not.toContain('Mangler:');
    expect(text).not.toContain('Slået fra: ');
    expect(text).not.toContain('Afvigelser');
  });

  it('without navn or kommune names the area by its id alone; "nej" everywhere for a small area', () => {
    const lines = formatKlassifikationForklaring(kSmall).split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'Boligområde s — listen 1. december 2021',
      'Resultat:',
      '  udsat boligområde: nej',
      '  parallelsamfund: nej',
      '  omdannelsesområde: nej',
      '  forebyggelsesområde: nej',
      'Afhænger af ikke-vestlig-kriteriet: nej',
    ]);
    expect(lines[7]).toBe('Historik (omdannelsesområde: på listen mindst 5 år i træk, den aktuelle medregnet):');
    expect(lines).toContain('  2020: ukendt — mangler');
  });

  it('joins several missing figures with ", "', () => {
    const u = classifyBoligomraade({ id: 'u', beboere: 1500, udenArbejdePct: '45', ikkeVestligePct: '55' }, { listedato: '2019-12-01' });
    const text = formatKlassifikationForklaring(u);
    // the summary's own line, just before the blank line and the explanations (which have a "Mangler:" line of their own)
    expect(text.slice(0, text.indexOf('\n\nRegelsæt: ')).split('\n').at(-1)).toBe('Mangler: domfaelteFaktor, indkomstPctAfRegion, kunGrundskolePct, parallelsamfundAarIRaekke');
  });

  it('names the history category "omdannelse" when the classification has a history but no such category (the type allows it)', () => {
    const { omdannelse: _dropped, ...rest } = k2019.kategorier;
    const text = formatKlassifikationForklaring({ ...k2019, kategorier: rest });
    expect(text).toContain('\nHistorik (omdannelse: på listen mindst 5 år i træk, den aktuelle medregnet):\n');
    expect(text).not.toContain('hårdt ghettoområde: ');
  });

  it('names what was switched off and that published statuses were set aside', () => {
    const k = classifyBoligomraade(ghetto, { listedato: '2021-12-01', history: onList([2017, 2018, 2019, 2020]), disable: ['ikke-vestlige'] });
    const text = formatKlassifikationForklaring(k);
    expect(text).toContain(
      [
        'Slået fra: ikke-vestlige, ikke-vestlige-forebyggelse (tæller som ikke opfyldt)',
        'Historik (omdannelsesområde: på listen mindst 5 år i træk, den aktuelle medregnet):',
        '  Offentliggjorte statusser er tilsidesat, fordi kriterier er slået fra; årene er genberegnet ud fra tallene.',
        // recomputed: no figures given, so unknown, but the list date is kept
        '  2020 (1. december 2020): ukendt — mangler',
      ].join('\n'),
    );
    expect(formatKlassifikationForklaring(k2019h)).not.toContain('tilsidesat');
  });

  it('lists the disagreements of published and computed status, the current list first', () => {
    const history = [
      ...onList([2017, 2018, 2020]),
      // published "ja" in 2019, but labour 30 and grundskole 50 meet no criterion: "nej" by the 2018 rules
      { listedato: '2019-12-01', offentliggjortParallelsamfund: true, input: { id: 'x', ...ghettoFigures, udenArbejdePct: '30', kunGrundskolePct: '50' } },
    ];
    // 2021 published "ja", but 45 pct. non-western is not over 50: "nej" by the figures
    const k = classifyBoligomraade({ ...ghetto, ikkeVestligePct: '45' }, { listedato: '2021-12-01', history, offentliggjortParallelsamfund: true });
    const text = formatKlassifikationForklaring(k);
    expect(text).toContain('  2019 (1. december 2019): ja — offentliggjort (beregnet: nej)');
    expect(text).toContain(
      [
        'Afvigelser mellem offentliggjort og beregnet status (den offentliggjorte bruges):',
        '  2021 (1. december 2021): offentliggjort: ja, beregnet: nej (reglerne fra 2021-11-30)',
        '  2019 (1. december 2019): offentliggjort: ja, beregnet: nej (reglerne fra 2018-12-01)',
      ].join('\n'),
    );
    // 45 pct. is under the gate of 50: with the gate met the figures would give "ja", so it depends on it
    expect(text).toContain('  parallelsamfund: ja (afhænger af ikke-vestlig-kriteriet; efter den offentliggjorte liste)');
    // a disagreement without list date or rule file (the type allows it)
    const hand: Klassifikation = { ...k, afvigelser: [{ aar: 2020, offentliggjort: false, beregnet: true }] };
    expect(formatKlassifikationForklaring(hand)).toContain('(den offentliggjorte bruges):\n  2020: offentliggjort: nej, beregnet: ja\n');
  });

  it('on a 2016 list: the infrastructure list\'s name, no history, and both rule files explained after a blank line', () => {
    const text = formatKlassifikationForklaring(k2016);
    const [e0, e1] = k2016.evaluations;
    expect(e0 !== undefined && e1 !== undefined).toBe(true);
    if (e0 === undefined || e1 === undefined) return;
    expect(text).toBe(
      [
        'Boligområde i — listen 1. december 2016',
        'Resultat:',
        // labour (41 > 40) and crime (2.8) make 2 of 5 without the non-western share: the
        // infrastructure list's 2 of 5 does not depend on it, the 2013 ghetto rule's 3 of 5 does
        '  udsat boligområde (infrastrukturlisten): ja',
        '  ghettoområde: nej (afhænger af ikke-vestlig-kriteriet)',
        'Afhænger af ikke-vestlig-kriteriet: ja',
        '',
        formatExplanation(e0),
        formatExplanation(e1),
      ].join('\n'),
    );
    expect(text.match(/^Regelsæt: /gm)).toHaveLength(2);
    expect(text).toContain('(classification-infrastruktur, i kraft fra 1. december 2015');
  });
});
