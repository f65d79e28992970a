/**
 * What a forecast gives, in process: the summed counts of an area's afdelinger, the
 * classification input built from them, the classification and margins, and the Danish
 * diagnostics of bad afdelinger, disagreeing national/regional figures and batches.
 * Expected figures are worked out from the inputs by hand (see the comments).
 */
import { describe, expect, it, vi } from 'vitest';
import { afdelingPrognoseSchema, inputOf, parseAfdelinger, sumAfdelinger } from '../../src/classification/forecast.js';
import { forecastBoligomraade, forecastBoligomraader } from '../../src/classification/index.js';
import { BoligsocialError } from '../../src/errors.js';

/** Two afdelinger of one area; the sums are worked out in the first test. */
const nord = {
  id: '201',
  navn: 'Engparken Nord',
  boligomraade: 'b',
  boligomraadeNavn: 'Engparken',
  kommune: 'København',
  beboere: 700,
  ikkeVestlige: 400,
  beboere18til64: 450,
  udenArbejde: 206,
  beboere18plus: 500,
  domfaelte: 10,
  domfaelteLandsgennemsnitPct: '0.66',
  beboere30til59: 300,
  kunGrundskole: 200,
  skatteydere: 400,
  bruttoindkomstKr: '100000000.25',
  regionGennemsnitKr: '330000',
};
const syd = {
  id: '202',
  boligomraade: 'b',
  boligomraadeNavn: 'Engparken Syd-navnet',
  beboere: 500,
  ikkeVestlige: 260,
  beboere18til64: 300,
  udenArbejde: 100,
  beboere18plus: 400,
  domfaelte: 8,
  // the same figure written otherwise
  domfaelteLandsgennemsnitPct: '0.660',
  beboere30til59: 200,
  kunGrundskole: 120,
  skatteydere: 300,
  // a number: read as its decimal text
  bruttoindkomstKr: 61699999.75,
  // missing here: the other afdeling's figure is the area's
};
const parsed = (a: unknown) => afdelingPrognoseSchema.parse(a);
const onList = (years: readonly number[]) => years.map((y) => ({ listedato: `${y}-12-01`, offentliggjortParallelsamfund: true }));

describe('sumAfdelinger', () => {
  it('adds every count, the incomes exactly as decimals, and takes the one national and regional figure', () => {
    expect(sumAfdelinger([parsed(nord), parsed(syd)])).toStrictEqual({
      beboere: 1200,
      ikkeVestlige: 660,
      beboere18til64: 750,
      udenArbejde: 306,
      beboere18plus: 900,
      domfaelte: 18,
      beboere30til59: 500,
      kunGrundskole: 320,
      skatteydere: 700,
      // 100,000,000.25 + 61,699,999.75
      bruttoindkomstKr: '161700000',
      // "0.66" and "0.660" are one value
      domfaelteLandsgennemsnitPct: '0.66',
      regionGennemsnitKr: '330000',
    });
  });

  it('a count missing (absent or null) in any afdeling is unknown, even when a later one has it', () => {
    const sums = sumAfdelinger([parsed({ ...nord, domfaelte: 3 }), parsed({ ...syd, domfaelte: null, udenArbejde: undefined }), parsed({ ...syd, id: '203', domfaelte: 4 })]);
    expect(sums.domfaelte).toBeUndefined();
    expect(sums.udenArbejde).toBeUndefined();
    expect(sums.beboere).toBe(700 + 500 + 500);
  });

  it('an income missing in any afdeling makes the income sum unknown; shared figures missing everywhere are unknown', () => {
    const sums = sumAfdelinger([parsed({ ...nord, bruttoindkomstKr: null, domfaelteLandsgennemsnitPct: undefined, regionGennemsnitKr: undefined }), parsed({ ...syd, domfaelteLandsgennemsnitPct: undefined })]);
    expect(sums.bruttoindkomstKr).toBeUndefined();
    expect(sums.domfaelteLandsgennemsnitPct).toBeUndefined();
    expect(sums.regionGennemsnitKr).toBeUndefined();
    expect(sumAfdelinger([]).beboere).toBe(0);
    expect(sumAfdelinger([]).bruttoindkomstKr).toBe('0');
  });

  it('refuses afdelinger that disagree on a regional figure, naming it in Danish with Danish numbers', () => {
    try {
      sumAfdelinger([parsed(nord), parsed({ ...syd, regionGennemsnitKr: '340000' })]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BoligsocialError);
      const e = error as BoligsocialError;
      expect(e.code).toBe('input-invalid');
      expect(e.message).toBe('the afdelinger of one boligområde disagree on regionGennemsnitKr: 330000, 340000');
      expect(e.diagnostics).toStrictEqual([
        {
          code: 'input-invalid',
          severity: 'error',
          field: 'regionGennemsnitKr',
          message: 'afdelingerne i samme boligområde har forskellige værdier for regionGennemsnitKr: 330.000 og 340.000',
          hint: 'regionGennemsnitKr er et lands- eller regionstal og skal være det samme i alle områdets afdelinger.',
        },
      ]);
    }
  });
});

describe('inputOf', () => {
  it('turns the sums into shares of counts, and the income into its three figures', () => {
    const counts = sumAfdelinger([parsed(nord), parsed(syd)]);
    expect(inputOf('b', counts, 'Engparken', 'København')).toStrictEqual({
      id: 'b',
      navn: 'Engparken',
      kommune: 'København',
      beboere: 1200,
      ikkeVestlige: { taeller: 660, naevner: 1200 },
      udenArbejde: { taeller: 306, naevner: 750 },
      domfaelte: { taeller: 18, naevner: 900 },
      domfaelteLandsgennemsnitPct: '0.66',
      kunGrundskole: { taeller: 320, naevner: 500 },
      indkomst: { bruttoindkomstKr: '161700000', skatteydere: 700, regionGennemsnitKr: '330000' },
    });
  });

  it('gives null for a share with a zero or unknown denominator or numerator, and for an income that cannot be averaged', () => {
    const input = inputOf('z', { beboere: 0, ikkeVestlige: 0, beboere18til64: 10, beboere18plus: 0, domfaelte: 0, kunGrundskole: 5, skatteydere: 0, bruttoindkomstKr: '0', regionGennemsnitKr: '330000' });
    expect(input).toStrictEqual({
      id: 'z',
      beboere: 0,
      ikkeVestlige: null,
      // udenArbejde unknown
      udenArbejde: null,
      domfaelte: null,
      domfaelteLandsgennemsnitPct: null,
      // beboere30til59 unknown
      kunGrundskole: null,
      // no taxpayers
      indkomst: null,
    });
    expect(inputOf('z', {}).beboere).toBeNull();
    expect(inputOf('z', { skatteydere: 5, regionGennemsnitKr: '1' }).indkomst).toBeNull();
    expect(inputOf('z', { skatteydere: 5, bruttoindkomstKr: '1' }).indkomst).toBeNull();
    expect(inputOf('z', { bruttoindkomstKr: '1', regionGennemsnitKr: '1' }).indkomst).toBeNull();
  });
});

describe('forecastBoligomraade', () => {
  it('classifies the summed counts: shares from the sums, navn and kommune from the first afdeling', () => {
    const p = forecastBoligomraade([nord, syd], { listedato: '2021-12-01' });
    expect(p.boligomraade).toBe('b');
    expect(p.afdelinger).toEqual(['201', '202']);
    expect(p.optaelling.beboere).toBe(1200);
    const k = p.klassifikation;
    expect([k.id, k.navn, k.kommune, k.listedato]).toEqual(['b', 'Engparken', 'København', '2021-12-01']);
    // 660/1200 = 55 %, 306/750 = 40.8 %, 320/500 = 64 %, 161,700,000 / 700 = 231,000 kr. = 70 % of 330,000
    expect(k.facts).toMatchObject({ beboere: 1200, ikkeVestligePct: '55', udenArbejdePct: '40.8', kunGrundskolePct: '64', indkomstPctAfRegion: '70' });
    // labour (40.8 > 40), crime (2 % of adults ≥ 3 × 0.66) and grundskole (64 > 60): 3 of 4; over 50 % non-western
    expect(k.kategorier.udsat?.outcome).toBe(true);
    expect(k.kategorier.parallelsamfund?.outcome).toBe(true);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.margener)).toBe(true);
  });

  it('gives the margin of every criterion of the rule files in force: both on a 2016 list', () => {
    const CRITERIA = ['ikke-vestlige', 'uden-arbejde', 'domfaelte', 'grundskole', 'indkomst'];
    // 2013 rules only (2014) vs the 2013 rules and the infrastructure list (2016): each has the five criteria
    expect(forecastBoligomraade([nord, syd], { listedato: '2014-12-01' }).margener.map((m) => m.betingelse)).toEqual(CRITERIA);
    expect(forecastBoligomraade([nord, syd], { listedato: '2016-12-01' }).margener.map((m) => m.betingelse)).toEqual([...CRITERIA, ...CRITERIA]);
    // 306 of 750 over 40 %: 300 is exactly 40 %, so 6 fewer bring it to at most 40 %
    const m = forecastBoligomraade([nord, syd], { listedato: '2021-12-01' }).margener.find((x) => x.betingelse === 'uden-arbejde');
    expect(m).toMatchObject({ opfyldt: true, personer: 6, vaerdi: '40.8' });
  });

  it('uses the history and the switched-off criteria it is given', () => {
    const withHistory = forecastBoligomraade([nord, syd], { listedato: '2021-12-01', history: onList([2017, 2018, 2019, 2020]) });
    expect(withHistory.klassifikation.kategorier.omdannelse?.outcome).toBe(true);
    expect(forecastBoligomraade([nord, syd], { listedato: '2021-12-01' }).klassifikation.kategorier.omdannelse?.outcome).toBeNull();
    const off = forecastBoligomraade([nord, syd], { listedato: '2021-12-01', disable: ['ikke-vestlige'] });
    expect(off.klassifikation.disabled).toEqual(['ikke-vestlige', 'ikke-vestlige-forebyggelse']);
    expect(off.klassifikation.kategorier.parallelsamfund?.outcome).toBe(false);
  });

  it('refuses bad afdelinger with a diagnostic per problem, naming the row, the field and the afdeling', () => {
    try {
      // bad input on purpose: typed as unknown rows
      forecastBoligomraade([{ ...nord, beboere: 'mange' }, { ...syd, ikkeVestlige: -1 }, 'ikke et objekt'] as never, { listedato: '2021-12-01' });
      expect.unreachable();
    } catch (error) {
      const e = error as BoligsocialError;
      expect(e.code).toBe('input-invalid');
      expect(e.message).toBe('invalid afdelinger: 1/beboere: skal være et helt tal; 2/ikkeVestlige: må ikke være negativ; 3/: Ugyldigt input: forventede objekt, fik streng');
      expect(e.diagnostics.map((d) => [d.code, d.row, d.field, d.id])).toEqual([
        ['input-row', 1, 'beboere', '201'],
        ['input-row', 2, 'ikkeVestlige', '202'],
        ['input-row', 3, undefined, undefined],
      ]);
    }
  });

  it('reads an amount as a number or a trimmed string, and refuses a negative or non-decimal one', () => {
    const spaced = forecastBoligomraade([{ ...nord, regionGennemsnitKr: ' 330000 ' }], { listedato: '2021-12-01' });
    expect(spaced.optaelling.regionGennemsnitKr).toBe('330000');
    expect(forecastBoligomraade([{ ...nord, bruttoindkomstKr: 100000000.25 }], { listedato: '2021-12-01' }).optaelling.bruttoindkomstKr).toBe('100000000.25');
    for (const bad of ['-5', -5, '12,5', 'mange']) {
      try {
        forecastBoligomraade([{ ...nord, bruttoindkomstKr: bad }], { listedato: '2021-12-01' });
        expect.unreachable(String(bad));
      } catch (error) {
        expect((error as BoligsocialError).diagnostics[0], String(bad)).toMatchObject({ field: 'bruttoindkomstKr', message: 'skal være et ikke-negativt decimaltal, fx "312000.50"' });
      }
    }
  });

  it('needs the afdelinger of exactly one boligområde', () => {
    expect(() => forecastBoligomraade([nord, { ...syd, boligomraade: 'c' }], { listedato: '2021-12-01' })).toThrow(
      expect.objectContaining({ code: 'input-invalid', message: 'forecastBoligomraade needs the afdelinger of exactly one boligområde, got 2: b, c' }),
    );
    expect(() => forecastBoligomraade([], { listedato: '2021-12-01' })).toThrow('got 0');
    // the same area written with spaces is one area
    expect(forecastBoligomraade([nord, { ...syd, boligomraade: ' b ' }], { listedato: '2021-12-01' }).afdelinger).toEqual(['201', '202']);
  });

  it('refuses summed counts that contradict each other', () => {
    // more outside the labour market (10 + 100) than 18–64-year-olds (50 + 50), and more
    // with only grundskole (200 + 120) than 30–59-year-olds (300 + 10)
    try {
      forecastBoligomraade([{ ...nord, beboere18til64: 50, udenArbejde: 10 }, { ...syd, beboere18til64: 50, beboere30til59: 10 }], { listedato: '2021-12-01' });
      expect.unreachable();
    } catch (error) {
      const e = error as BoligsocialError;
      expect(e.code).toBe('input-invalid');
      expect(e.message).toBe('the summed counts of b are inconsistent: udenArbejde.taeller: tælleren kan ikke være større end nævneren; kunGrundskole.taeller: tælleren kan ikke være større end nævneren');
      expect(e.diagnostics.map((d) => d.message)).toEqual(['tælleren kan ikke være større end nævneren', 'tælleren kan ikke være større end nævneren']);
    }
  });

  it('checks the names to switch off and the kinds of its arguments', () => {
    expect(() => forecastBoligomraade([nord], { listedato: '2021-12-01', disable: ['ikke-vestlig'] })).toThrow(expect.objectContaining({ code: 'unknown-disable-id' }));
    expect(() => forecastBoligomraade('ikke en liste' as never, { listedato: '2021-12-01' })).toThrow(expect.objectContaining({ code: 'input-invalid' }));
    expect(() => forecastBoligomraade([nord], null as never)).toThrow(expect.objectContaining({ code: 'input-invalid' }));
  });
});

describe('parseAfdelinger', () => {
  it('keeps the valid afdelinger with their positions and reports the others by 1-based row', () => {
    const { valid, errors } = parseAfdelinger([nord, { id: 'x' }, syd]);
    expect(valid.map((v) => [v.index, v.afdeling.id])).toEqual([
      [0, '201'],
      [2, '202'],
    ]);
    expect(errors).toStrictEqual([{ code: 'input-row', severity: 'error', id: 'x', row: 2, field: 'boligomraade', message: 'skal være boligområdets id' }]);
  });
});

describe('forecastBoligomraader', () => {
  it('forecasts each area in the order first named, each with its own history', () => {
    // c has the same figures as b
    const r = forecastBoligomraader([nord, { ...nord, id: '301', boligomraade: 'c' }, syd, { ...syd, id: '302', boligomraade: 'c' }], { listedato: '2021-12-01', history: { b: onList([2017, 2018, 2019, 2020]) } });
    expect(r.errors).toEqual([]);
    expect(r.prognoser.map((p) => [p.boligomraade, p.afdelinger])).toEqual([
      ['b', ['201', '202']],
      ['c', ['301', '302']],
    ]);
    // b's history makes it an omdannelsesområde; c has none, so its count is unknown
    expect(r.prognoser.map((p) => p.klassifikation.kategorier.omdannelse?.outcome)).toEqual([true, null]);
  });

  it('takes only an own entry of the history record as an area\'s history', () => {
    const r = forecastBoligomraader([{ ...nord, boligomraade: 'constructor' }], { listedato: '2021-12-01', history: {} });
    expect(r.errors).toEqual([]);
    expect(r.prognoser[0]?.klassifikation.historik?.aar.every((a) => a.kilde === 'mangler')).toBe(true);
  });

  it('reports a bad afdeling, and its area (matched after trimming) as not forecast', () => {
    const r = forecastBoligomraader(
      [
        nord,
        { ...syd, boligomraade: ' b ', beboere: -1 },
        { ...nord, id: '301', boligomraade: 'c' },
        // not an object, null, and an area that is not text: no area to mark
        'ikke et objekt',
        null,
        { ...nord, id: '401', boligomraade: 5 },
      ],
      { listedato: '2021-12-01' },
    );
    expect(r.prognoser.map((p) => p.boligomraade)).toEqual(['c']);
    expect(r.errors).toStrictEqual([
      { code: 'input-row', severity: 'error', id: '202', row: 2, field: 'beboere', message: 'må ikke være negativ' },
      { code: 'input-row', severity: 'error', row: 4, message: 'Ugyldigt input: forventede objekt, fik streng' },
      { code: 'input-row', severity: 'error', row: 5, message: 'Ugyldigt input: forventede objekt, fik null' },
      { code: 'input-row', severity: 'error', id: '401', row: 6, field: 'boligomraade', message: 'skal være boligområdets id' },
      { code: 'input-row', severity: 'error', id: 'b', field: 'boligomraade', message: 'boligområdet b prognosticeres ikke, fordi en af dets afdelinger har fejl', hint: 'Ret afdelingens række og kør igen.' },
    ]);
  });

  it('reports an area it cannot forecast and goes on with the others', () => {
    const r = forecastBoligomraader([nord, { ...nord, id: '301', boligomraade: 'c', regionGennemsnitKr: '1' }, { ...nord, id: '302', boligomraade: 'c' }, { ...nord, id: '401', boligomraade: 'd' }], { listedato: '2021-12-01' });
    expect(r.prognoser.map((p) => p.boligomraade)).toEqual(['b', 'd']);
    // the diagnostic's Danish message after the area's id
    expect(r.errors).toStrictEqual([{ code: 'input-row', severity: 'error', id: 'c', field: 'boligomraade', message: 'boligområdet c kan ikke prognosticeres: afdelingerne i samme boligområde har forskellige værdier for regionGennemsnitKr: 1 og 330.000' }]);
  });

  it('reports every area on a list date with no rules in force', () => {
    const r = forecastBoligomraader([nord, { ...nord, id: '301', boligomraade: 'c' }], { listedato: '2009-12-01' });
    expect(r.prognoser).toEqual([]);
    expect(r.errors.map((e) => [e.id, e.field, e.message.startsWith(`boligområdet ${e.id} kan ikke prognosticeres: `)])).toEqual([
      ['b', 'boligomraade', true],
      ['c', 'boligomraade', true],
    ]);
  });

  it('checks the names to switch off before reading the afdelinger', () => {
    expect(() => forecastBoligomraader(['ikke et objekt'], { listedato: '2021-12-01', disable: ['ikke-vestlig'] })).toThrow(expect.objectContaining({ code: 'unknown-disable-id' }));
    expect(() => forecastBoligomraader({} as never, { listedato: '2021-12-01' })).toThrow(expect.objectContaining({ code: 'input-invalid' }));
    expect(() => forecastBoligomraader([], 'x' as never)).toThrow(expect.objectContaining({ code: 'input-invalid' }));
  });
});

describe('the afdeling schema and argument names, built when forecast.ts loads (seen through modules loaded afresh)', () => {
  // as in the *-load-time tests: modules loaded in the test, so that a change to these
  // module-level definitions made before the test runs is seen by it
  const fresh = async () => {
    vi.resetModules();
    const forecast = await import('../../src/classification/forecast.js');
    const index = await import('../../src/classification/index.js');
    return { ...forecast, ...index };
  };
  const problems = (parse: (rows: readonly unknown[]) => { errors: { field?: string; message: string }[] }, row: unknown) => parse([row]).errors.map((e) => [e.field, e.message]);

  it('validates and trims each field with its Danish message', async () => {
    const { parseAfdelinger: parse } = await fresh();
    const one = parse([{ ...nord, id: ' 201 ', navn: ' Nord ', boligomraade: ' b ', boligomraadeNavn: ' Engparken ', kommune: ' København ', regionGennemsnitKr: ' 330000 ', bruttoindkomstKr: 100000000.25 }]);
    expect(one.errors).toEqual([]);
    expect(one.valid[0]?.afdeling).toMatchObject({ id: '201', navn: 'Nord', boligomraade: 'b', boligomraadeNavn: 'Engparken', kommune: 'København', regionGennemsnitKr: '330000', bruttoindkomstKr: '100000000.25', beboere: 700 });
    expect(problems(parse, { ...nord, beboere: 1.5 })).toEqual([['beboere', 'skal være et helt tal']]);
    expect(problems(parse, { ...nord, domfaelte: -1 })).toEqual([['domfaelte', 'må ikke være negativ']]);
    expect(problems(parse, { ...nord, bruttoindkomstKr: true })).toEqual([['bruttoindkomstKr', 'skal være et beløb']]);
    expect(problems(parse, { ...nord, regionGennemsnitKr: '-1' })).toEqual([['regionGennemsnitKr', 'skal være et ikke-negativt decimaltal, fx "312000.50"']]);
    expect(problems(parse, { ...nord, id: '  ' })).toEqual([['id', 'må ikke være tom']]);
    expect(problems(parse, { ...nord, boligomraade: 5 })).toEqual([['boligomraade', 'skal være boligområdets id']]);
    expect(problems(parse, { ...nord, boligomraade: ' ' })).toEqual([['boligomraade', 'må ikke være tom']]);
    // the optional names may not be blank either
    for (const field of ['navn', 'boligomraadeNavn', 'kommune']) expect(problems(parse, { ...nord, [field]: ' ' }).map((p) => p[0]), field).toEqual([field]);
    // an unknown column is refused (a typo must not pass as a missing count)
    expect(parse([{ ...nord, beboer: 700 }]).valid).toEqual([]);
  });

  it('names its arguments in Danish when they are not of the right kind', async () => {
    const { forecastBoligomraade: one, forecastBoligomraader: many } = await fresh();
    // the Danish diagnostic and the English exception message
    const messages = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return [(error as BoligsocialError).diagnostics[0]?.message, (error as Error).message];
      }
      return undefined;
    };
    const notAList = ['afdelingerne skal være en liste, ikke en værdi af typen string', 'afdelinger must be an array, got string'];
    const notAnObject = ['indstillingerne (options) skal være et objekt, ikke null', 'options must be an object, got null'];
    expect(messages(() => one('x' as never, { listedato: '2021-12-01' }))).toEqual(notAList);
    expect(messages(() => many('x' as never, { listedato: '2021-12-01' }))).toEqual(notAList);
    expect(messages(() => one([nord], null as never))).toEqual(notAnObject);
    expect(messages(() => many([nord], null as never))).toEqual(notAnObject);
  });
});
