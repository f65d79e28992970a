/**
 * The history a caller gives beside an area is checked at every public entry (one area,
 * a batch, a forecast, a batch of forecasts): a history entry that is not an object, a
 * list date that is not a date, a misspelt key, figures that are not an object, a history
 * that is not a list (or not a record of lists by id) — each a BoligsocialError
 * `input-invalid` with a Danish message naming the field, never a TypeError and never
 * accepted silently. A valid history still counts.
 */
import { describe, expect, it } from 'vitest';
import { classifyBoligomraade, classifyBoligomraader, forecastBoligomraade, forecastBoligomraader } from '../../src/classification/index.js';
import { BoligsocialError } from '../../src/errors.js';

// 2018 rules on the 2019 list: udsat and ghetto; hårdt ghetto needs the four lists before it
const area = { id: 'x', beboere: 1500, ikkeVestligePct: '55', udenArbejdePct: '45', kunGrundskolePct: '65', indkomstPctAfRegion: '70', domfaeltePct: '1', domfaelteLandsgennemsnitPct: '1' };
const afdeling = {
  id: '201',
  boligomraade: 'x',
  beboere: 1500,
  ikkeVestlige: 825,
  beboere18til64: 1000,
  udenArbejde: 450,
  beboere18plus: 1200,
  domfaelte: 12,
  domfaelteLandsgennemsnitPct: '1',
  beboere30til59: 600,
  kunGrundskole: 390,
  skatteydere: 1000,
  bruttoindkomstKr: '231000000',
  regionGennemsnitKr: '330000',
};
const onList = [2015, 2016, 2017, 2018].map((y) => ({ listedato: `${y}-12-01`, offentliggjortParallelsamfund: true }));

/** The diagnostics of what `run` throws, as [field, message]. */
function refused(run: () => unknown): [string | undefined, string][] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BoligsocialError);
    const e = error as BoligsocialError;
    expect(e.code).toBe('input-invalid');
    for (const d of e.diagnostics) expect(d.hint).toMatch(/^Hver tidligere liste er \{ listedato/);
    return e.diagnostics.map((d) => [d.field, d.message]);
  }
  throw new Error('expected the history to be refused');
}

const BAD: readonly { name: string; history: unknown; field: string; message: RegExp }[] = [
  { name: 'an entry that is null', history: [null], field: 'history.0', message: /^history\.0: .*objekt/ },
  { name: 'a list date that is no date', history: [{ listedato: 'nope' }], field: 'history.0.listedato', message: /^history\.0\.listedato: skal være en gyldig dato/ },
  { name: 'a misspelt key', history: [{ listedato: '2018-12-01', offentliggjortParallelsamfnud: true }], field: 'history.0', message: /offentliggjortParallelsamfnud/ },
  { name: 'figures that are not an object', history: [...onList, { listedato: '2014-12-01', input: null }], field: 'history.4.input', message: /^history\.4\.input: .*objekt/ },
  { name: 'a status that is not yes or no', history: [{ listedato: '2018-12-01', offentliggjortParallelsamfund: 'ja' }], field: 'history.0.offentliggjortParallelsamfund', message: /^history\.0\.offentliggjortParallelsamfund: / },
  { name: 'a history that is not a list', history: 'x', field: 'history', message: /^history: .*liste/ },
];

describe('the history of one area', () => {
  it.each(BAD)('refuses $name in classifyBoligomraade and forecastBoligomraade', ({ history, field, message }) => {
    for (const run of [
      () => classifyBoligomraade(area, { listedato: '2019-12-01', history: history as never }),
      () => forecastBoligomraade([afdeling], { listedato: '2019-12-01', history: history as never }),
    ]) {
      const [first, ...rest] = refused(run);
      expect(rest).toEqual([]);
      expect(first?.[0]).toBe(field);
      expect(first?.[1]).toMatch(message);
    }
  });

  it('counts a valid history: the four published lists before 2019 make it hårdt ghettoområde', () => {
    expect(classifyBoligomraade(area, { listedato: '2019-12-01' }).kategorier.omdannelse?.outcome).toBeNull();
    expect(classifyBoligomraade(area, { listedato: '2019-12-01', history: onList }).kategorier.omdannelse?.outcome).toBe(true);
    expect(forecastBoligomraade([afdeling], { listedato: '2019-12-01', history: onList }).klassifikation.kategorier.omdannelse?.outcome).toBe(true);
  });
});

describe('the history by boligområde id of a batch', () => {
  it.each(BAD)('refuses $name in classifyBoligomraader and forecastBoligomraader, the field under the id', ({ history, field, message }) => {
    const byId = { x: history } as never;
    for (const run of [() => classifyBoligomraader([{ ...area, listedato: '2019-12-01' }], { history: byId }), () => forecastBoligomraader([afdeling], { listedato: '2019-12-01', history: byId })]) {
      const [first] = refused(run);
      expect(first?.[0]).toBe(field.replace(/^history/, 'history.x'));
      expect(first?.[1]).toMatch(new RegExp(message.source.replace(/^\^history/, '^history\\.x')));
    }
  });

  it('refuses a history that is not a record of lists', () => {
    expect(refused(() => classifyBoligomraader([], { history: [] as never }))[0]?.[0]).toBe('history');
    expect(refused(() => forecastBoligomraader([], { listedato: '2019-12-01', history: 'x' as never }))[0]?.[0]).toBe('history');
  });

  it('counts a valid history by id', () => {
    const [row] = classifyBoligomraader([{ ...area, listedato: '2019-12-01' }], { history: { x: onList } });
    expect(row?.ok === true && row.klassifikation.kategorier.omdannelse?.outcome).toBe(true);
  });
});
