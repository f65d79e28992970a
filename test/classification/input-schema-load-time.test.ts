/**
 * The schemas of a classification's input, built when `input.ts` loads, seen through a
 * module loaded afresh in each test (`vi.resetModules`), so that a change to them made
 * before the test runs is seen by the test: what each figure accepts at its edges, how it is
 * normalised, and the Danish message a user reads when it is refused (at the field's path);
 * their descriptions are what the committed scenario schema shows an editor.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

/** The input module, loaded afresh. */
async function fresh() {
  vi.resetModules();
  return import('../../src/classification/input.js');
}

type Outcome = { ok: true; data: Record<string, unknown> } | { ok: false; issues: { path: string; message: string }[] };

/** `input` parsed by a freshly loaded boligområde schema (or the batch-row schema). */
async function parse(input: Record<string, unknown>, schema: 'boligomraade' | 'raekke' | 'historik' = 'boligomraade'): Promise<Outcome> {
  const m = await fresh();
  const s = schema === 'boligomraade' ? m.boligomraadeInputSchema : schema === 'raekke' ? m.listeRaekkeSchema : m.historikRaekkeSchema;
  const r = s.safeParse(input);
  return r.success ? { ok: true, data: r.data as Record<string, unknown> } : { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}

/** The value `field` has after parsing `{ id: 'x', [field]: value }`, or the refusal's issues. */
async function field(name: string, value: unknown): Promise<unknown> {
  const r = await parse({ id: 'x', [name]: value });
  return r.ok ? r.data[name] : r.issues;
}

describe('a share in percent', () => {
  it.each([
    ['40.5', '40.5'],
    [40.5, '40.5'],
    [' 40.5 ', '40.5'],
    ['0', '0'],
    ['100', '100'],
    [null, null],
  ])('%j is read as %j', async (value, expected) => {
    expect(await field('udenArbejdePct', value)).toEqual(expected);
  });

  it.each([
    ['40,5', 'skal være et decimaltal, fx "40.5" (punktum som decimaltegn)'],
    ['-1', 'må ikke være negativ'],
    [-1, 'må ikke være negativ'],
    ['100.1', 'skal være en procent mellem 0 og 100'],
    [true, 'skal være et tal'],
  ])('%j is refused: %s', async (value, message) => {
    expect(await field('udenArbejdePct', value)).toEqual([{ path: 'udenArbejdePct', message }]);
  });

  it('the national mean of convictions must be above 0', async () => {
    for (const zero of ['0', '0.0', '0.00']) {
      expect(await field('domfaelteLandsgennemsnitPct', zero)).toEqual([{ path: 'domfaelteLandsgennemsnitPct', message: 'landsgennemsnittet skal være større end 0' }]);
    }
    expect(await field('domfaelteLandsgennemsnitPct', '0.3')).toBe('0.3');
    expect(await field('domfaelteLandsgennemsnitPct', null)).toBeNull();
    const absent = await parse({ id: 'x' });
    expect(absent.ok).toBe(true);
  });
});

describe('counts', () => {
  it('beboere is a whole number, not negative', async () => {
    expect(await field('beboere', 0)).toBe(0);
    expect(await field('beboere', -1)).toEqual([{ path: 'beboere', message: 'må ikke være negativ' }]);
    expect(await field('beboere', 1.5)).toEqual([{ path: 'beboere', message: 'skal være et helt tal' }]);
  });

  it('a share as counts: the numerator at most the denominator, the denominator at least 1, whole numbers, nothing more', async () => {
    expect(await field('udenArbejde', { taeller: 1, naevner: 1 })).toEqual({ taeller: 1, naevner: 1 });
    expect(await field('udenArbejde', { taeller: 0, naevner: 1 })).toEqual({ taeller: 0, naevner: 1 });
    expect(await field('udenArbejde', { taeller: 2, naevner: 1 })).toEqual([{ path: 'udenArbejde.taeller', message: 'tælleren kan ikke være større end nævneren' }]);
    expect(await field('udenArbejde', { taeller: 0, naevner: 0 })).toEqual([{ path: 'udenArbejde.naevner', message: 'skal være mindst 1' }]);
    expect(await field('udenArbejde', { taeller: 0, naevner: 1.5 })).toEqual([{ path: 'udenArbejde.naevner', message: 'skal være et helt tal' }]);
    expect(await field('udenArbejde', { taeller: -1, naevner: 1 })).toEqual([{ path: 'udenArbejde.taeller', message: 'må ikke være negativ' }]);
    expect(await field('udenArbejde', { taeller: 0, naevner: 1, note: 'x' })).toMatchObject([{ path: 'udenArbejde' }]);
  });

  it('income as amounts: at least one skatteyder, the region mean above 0', async () => {
    const ok = { bruttoindkomstKr: '300000', skatteydere: 1, regionGennemsnitKr: '0.5' };
    expect(await field('indkomst', ok)).toEqual(ok);
    expect(await field('indkomst', { ...ok, regionGennemsnitKr: 10 })).toEqual({ ...ok, regionGennemsnitKr: '10' });
    expect(await field('indkomst', { ...ok, skatteydere: 0 })).toEqual([{ path: 'indkomst.skatteydere', message: 'skal være mindst 1' }]);
    expect(await field('indkomst', { ...ok, skatteydere: 1.5 })).toEqual([{ path: 'indkomst.skatteydere', message: 'skal være et helt tal' }]);
    for (const zero of ['0', '0.00']) {
      expect(await field('indkomst', { ...ok, regionGennemsnitKr: zero })).toEqual([{ path: 'indkomst.regionGennemsnitKr', message: 'skal være større end 0' }]);
    }
    expect(await field('indkomst', { ...ok, by: 'x' })).toMatchObject([{ path: 'indkomst' }]);
  });
});

describe('names and the shape of a row', () => {
  it('id is text, trimmed, not empty; navn and kommune trimmed, not empty', async () => {
    expect(await parse({ id: '  x ', navn: ' Mjølnerparken ', kommune: ' København ' })).toEqual({ ok: true, data: { id: 'x', navn: 'Mjølnerparken', kommune: 'København' } });
    expect(await parse({ id: ' ' })).toEqual({ ok: false, issues: [{ path: 'id', message: 'må ikke være tom' }] });
    expect(await parse({ id: 5 })).toEqual({ ok: false, issues: [{ path: 'id', message: 'skal være tekst' }] });
    for (const name of ['navn', 'kommune']) expect(await field(name, ' ')).toMatchObject([{ path: name }]);
  });

  it('a figure given both as a share and as counts is one error at the counts', async () => {
    const r = await parse({ id: 'x', udenArbejdePct: '10', udenArbejde: { taeller: 1, naevner: 10 } });
    expect(r).toEqual({ ok: false, issues: [{ path: 'udenArbejde', message: 'angiv enten udenArbejdePct (andel) eller udenArbejde (antal), ikke begge' }] });
    const row = await parse({ id: 'x', listedato: '2021-12-01', kunGrundskolePct: '10', kunGrundskole: { taeller: 1, naevner: 10 } }, 'raekke');
    expect(row).toMatchObject({ ok: false, issues: [{ path: 'kunGrundskole' }] });
  });

  it('an unknown key is refused; a batch row needs its listedato, a history row not its id', async () => {
    expect(await parse({ id: 'x', beboer: 1 })).toMatchObject({ ok: false });
    expect(await parse({ id: 'x' }, 'raekke')).toMatchObject({ ok: false, issues: [{ path: 'listedato' }] });
    expect(await parse({ id: 'x', listedato: '2021-12-01', offentliggjortParallelsamfund: true }, 'raekke')).toMatchObject({ ok: true });
    expect(await parse({ listedato: '2020-12-01', offentliggjortParallelsamfund: false }, 'historik')).toMatchObject({ ok: true });
  });

  it('the descriptions are what the committed scenario schema shows', async () => {
    vi.resetModules();
    const { JSON_SCHEMAS } = await import('../../src/cli/schemas.js');
    const schema = JSON_SCHEMAS.scenario;
    expect(readFileSync(schema.file, 'utf8')).toBe(schema.text());
  });
});
