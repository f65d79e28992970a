import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BoligsocialError } from '../../src/errors.js';
import { readAfdelingerCsv } from '../../src/screening/csv.js';
import { decideAfdelinger, screenAfdeling, screenAfdelinger } from '../../src/screening/index.js';
import type { ScreeningResult } from '../../src/screening/types.js';
import { afdeling, roligPeriode } from './helpers.js';

const ASOF = '2024-12-01';
const flagged = (r: ScreeningResult) => r.udloeste;
const outcome = (r: ScreeningResult, kind: string) => r.anbefalinger.find((a) => a.kind === kind)?.outcome;

describe('screenAfdeling', () => {
  it('flags nothing in a quiet afdeling and recommends only the kontaktpersonordning', () => {
    const r = screenAfdeling(afdeling([roligPeriode(ASOF)]), { asOf: ASOF });
    expect(flagged(r)).toEqual([]);
    expect(r.indikatorer.every((i) => i.outcome === false)).toBe(true);
    expect(r.konklusion).toBe('ingen-saerlig-indsats');
    expect(r.konklusionTekst).toBe('Ingen særlig indsats ud over kontaktpersonordningen.');
    expect(outcome(r, 'kontaktpersonordning')).toBe(true);
    expect(r.mangler).toEqual([]);
  });

  it('names the figure and the threshold behind a flag', () => {
    const r = screenAfdeling(afdeling([roligPeriode(ASOF, { tryghedUtrygge: 11 })]), { asOf: ASOF });
    expect(flagged(r)).toEqual(['utryghed']);
    const utryghed = r.indikatorer.find((i) => i.id === 'utryghed');
    expect(utryghed?.figurer).toEqual([
      expect.objectContaining({ fact: 'utrygPct', value: '22', threshold: '20', parameter: 'maxUtrygPct', operator: 'decimalGreaterThan', outcome: true }),
    ]);
    expect(r.evaluation?.outcomes['indikator-utryghed']).toBe(true);
  });

  it('recommends a lokalt udviklingsprojekt for one or a few problems, serving the mål its indicators point to', () => {
    const r = screenAfdeling(afdeling([roligPeriode(ASOF, { voldHaendelser: 3 })]), { asOf: ASOF }); // 7.5 per 1000
    expect(flagged(r)).toEqual(['vold']);
    const projekt = r.anbefalinger.find((a) => a.kind === 'lokalt-udviklingsprojekt');
    expect(projekt?.outcome).toBe(true);
    expect(projekt?.maal.map((m) => m.nr)).toEqual([1, 2, 4]);
    expect(projekt?.indsatsomraader.map((o) => o.navn)).toEqual(['Tryghed og trivsel', 'Kriminalpræventive indsatser']);
    expect(outcome(r, 'helhedsplan')).toBe(false);
    expect(r.konklusion).toBe('indsats');
  });

  it('recommends a helhedsplan serving all four mål when many indicators, including social ones, are flagged', () => {
    const r = screenAfdeling(
      afdeling([roligPeriode(ASOF, { huslejeKrPrM2: '1200', fraflytninger: 40, tryghedUtrygge: 15, ungeSigtede: 3 })]),
      { asOf: ASOF },
    );
    expect(flagged(r)).toEqual(['hoej-husleje', 'hoej-flyttefrekvens', 'utryghed', 'unge-kriminalitet']);
    const plan = r.anbefalinger.find((a) => a.kind === 'helhedsplan');
    expect(plan?.outcome).toBe(true);
    expect(plan?.maal.map((m) => m.nr)).toEqual([1, 2, 3, 4]);
    expect(plan?.indsatsomraader.map((o) => o.id)).toEqual(['tryghed-og-trivsel', 'forebyggelse-og-foraeldreansvar', 'kriminalpraeventive-indsatser']);
    expect(outcome(r, 'lokalt-udviklingsprojekt')).toBe(false);
  });

  it('recommends a helhedsplan when the boligområde is on an official list, taking the status from the map', () => {
    const a = afdeling([roligPeriode(ASOF)], { boligomraade: 'Nordparken' });
    const unknown = screenAfdeling(a, { asOf: ASOF });
    expect(unknown.boligomraadeStatus).toBeNull();
    expect(outcome(unknown, 'helhedsplan')).toBeNull();
    const listed = screenAfdeling(a, { asOf: ASOF, boligomraadeStatus: { Nordparken: 'Parallelsamfund' } });
    expect(listed.boligomraadeStatus).toEqual(['parallelsamfund']);
    expect(outcome(listed, 'helhedsplan')).toBe(true);
    const notListed = screenAfdeling(a, { asOf: ASOF, boligomraadeStatus: { Nordparken: [] } });
    expect(outcome(notListed, 'helhedsplan')).toBe(false);
    expect(notListed.konklusion).toBe('ingen-saerlig-indsats');
    // switching the list criterion off
    const off = screenAfdeling(a, { asOf: ASOF, boligomraadeStatus: { Nordparken: ['udsat-boligomraade'] }, disable: ['officiel-liste'] });
    expect(outcome(off, 'helhedsplan')).toBe(false);
  });

  it('recommends a boligsocial ejendomsfunktionær where many sårbare live isolated, whatever else holds', () => {
    const r = screenAfdeling(afdeling([roligPeriode(ASOF, { saarbareIsoleredeHusstande: 16 })]), { asOf: ASOF }); // 8 pct., 16 husstande
    expect(outcome(r, 'boligsocial-ejendomsfunktionaer')).toBe(true);
    expect(r.anbefalinger.find((a) => a.kind === 'boligsocial-ejendomsfunktionaer')?.maal.map((m) => m.nr)).toEqual([3, 4]);
    const few = screenAfdeling(afdeling([roligPeriode(ASOF, { saarbareIsoleredeHusstande: 9 })], { lejemaal: 100 }), { asOf: ASOF }); // 9 pct., 9 husstande
    expect(outcome(few, 'boligsocial-ejendomsfunktionaer')).toBe(false);
  });

  it('states the kontaktpersonordning only for fsb afdelinger in København', () => {
    expect(outcome(screenAfdeling(afdeling([roligPeriode(ASOF)], { kommune: 'Gladsaxe' }), { asOf: ASOF }), 'kontaktpersonordning')).toBe(false);
    const other = screenAfdeling(afdeling([roligPeriode(ASOF)], { boligorganisation: 'AAB' }), { asOf: ASOF });
    expect(outcome(other, 'kontaktpersonordning')).toBe(false);
    expect(other.konklusionTekst).toBe('Ingen særlig indsats.');
  });

  it('gives "ukendt" with the missing figures, never a silent "no need"', () => {
    const r = screenAfdeling(afdeling([roligPeriode(ASOF, { tryghedRespondenter: null, elever9klasse: undefined })]), { asOf: ASOF });
    expect(r.konklusion).toBe('ukendt');
    expect(r.indikatorer.find((i) => i.id === 'utryghed')).toMatchObject({ outcome: null, mangler: ['besvarelser i tryghedsundersøgelsen'] });
    expect(r.indikatorer.find((i) => i.id === 'elever-fagligt-niveau')).toMatchObject({ outcome: null, mangler: ['elever i 9. klasse'] });
    expect(outcome(r, 'lokalt-udviklingsprojekt')).toBeNull();
    expect(r.mangler).toEqual(['besvarelser i tryghedsundersøgelsen', 'elever i 9. klasse']);
    expect(r.konklusionTekst).toMatch(/^Ukendt, fordi tal mangler/);
  });

  it('reports what changed since the previous period: new, cleared, worse and now unknown', () => {
    const a = afdeling([
      roligPeriode('2022-12-01', { voldHaendelser: 3 }),
      roligPeriode('2023-12-01', { voldHaendelser: 3, restancer: 13, haervaerkHaendelser: 12 }),
      roligPeriode(ASOF, { restancer: 15, tryghedUtrygge: 11, haervaerkHaendelser: null }),
    ]);
    const r = screenAfdeling(a, { asOf: ASOF });
    expect(r.periode).toBe(ASOF);
    expect(r.aendringer.forrigePeriode).toBe('2023-12-01');
    expect(r.aendringer.nyeFlag.map((c) => c.indikator)).toEqual(['utryghed']);
    expect(r.aendringer.ophoerte.map((c) => c.indikator)).toEqual(['vold']);
    expect(r.aendringer.forvaerrede).toEqual([
      expect.objectContaining({ indikator: 'restancer-udsaettelser', foer: true, nu: true, figurer: [expect.objectContaining({ fact: 'restancePct', foer: '6.5', nu: '7.5' })] }),
    ]);
    expect(r.aendringer.nuUkendte.map((c) => c.indikator)).toEqual(['haervaerk']);
    // as of an earlier date the earlier periods are screened
    const earlier = screenAfdeling(a, { asOf: '2024-06-30' });
    expect(earlier.periode).toBe('2023-12-01');
    expect(earlier.aendringer.forrigePeriode).toBe('2022-12-01');
    const first = screenAfdeling(a, { asOf: '2023-01-01' });
    expect(first.aendringer.forrigePeriode).toBeUndefined();
  });

  it('counts an indicator flagged both times as worse only where a figure rose, a share equal in other terms not', () => {
    const before = roligPeriode('2023-12-01', { tryghedUtrygge: 11, tryghedRespondenter: 50 }); // 22 pct.
    const same = screenAfdeling(afdeling([before, roligPeriode(ASOF, { tryghedUtrygge: 22, tryghedRespondenter: 100 })]), { asOf: ASOF });
    expect(same.indikatorer.find((i) => i.id === 'utryghed')?.outcome).toBe(true);
    expect(same.aendringer.forvaerrede).toEqual([]);
    expect(same.aendringer.nyeFlag).toEqual([]);
    const worse = screenAfdeling(afdeling([before, roligPeriode(ASOF, { tryghedUtrygge: 23, tryghedRespondenter: 100 })]), { asOf: ASOF });
    expect(worse.aendringer.forvaerrede).toEqual([expect.objectContaining({ indikator: 'utryghed', foer: true, nu: true, figurer: [expect.objectContaining({ fact: 'utrygPct', foer: '22', nu: '23' })] })]);
  });

  it('throws input-invalid for an invalid afdeling or one without a period before asOf', () => {
    expect(() => screenAfdeling(afdeling([roligPeriode(ASOF, { restancer: -1 })]), { asOf: ASOF })).toThrow(BoligsocialError);
    try {
      screenAfdeling(afdeling([roligPeriode(ASOF)]), { asOf: '2024-01-01' });
      expect.unreachable();
    } catch (e) {
      expect((e as BoligsocialError).code).toBe('input-invalid');
      expect((e as BoligsocialError).diagnostics[0]?.message).toBe('afdeling T1 har ingen screeningsperiode på eller før 2024-01-01');
    }
  });

  it('rejects an invalid asOf', () => {
    expect(() => screenAfdeling(afdeling([roligPeriode(ASOF)]), { asOf: '2024-02-30' })).toThrow(expect.objectContaining({ code: 'input-invalid' }));
    expect(() => screenAfdelinger([], { asOf: '1.12.2024' })).toThrow(expect.objectContaining({ code: 'input-invalid' }));
  });

  it('throws no-rules-in-force before the screening rules took effect', () => {
    expect(() => screenAfdeling(afdeling([roligPeriode('2016-12-01')]), { asOf: '2017-01-01' })).toThrow(expect.objectContaining({ code: 'no-rules-in-force' }));
  });

  it('freezes its result and leaves the input alone', () => {
    const input = afdeling([roligPeriode('2023-12-01'), roligPeriode(ASOF, { voldHaendelser: 4 })]);
    const copy = structuredClone(input);
    const r = screenAfdeling(input, { asOf: ASOF });
    expect(input).toEqual(copy);
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.indikatorer[0])).toBe(true);
    expect(Object.isFrozen(r.aendringer.nyeFlag)).toBe(true);
  });
});

describe('screening the fixture', () => {
  const read = readAfdelingerCsv(readFileSync('fixtures/afdelinger.csv', 'utf8'), 'fixtures/afdelinger.csv');

  it('reads 60 afdelinger with three periods each and no problems', () => {
    expect(read.diagnostics).toEqual([]);
    expect(read.afdelinger).toHaveLength(60);
    expect(read.afdelinger.every((a) => a.perioder.length === 3)).toBe(true);
  });

  it('spans every recommendation, "ingen særlig indsats" and "ukendt"', () => {
    const { results, diagnostics } = screenAfdelinger(read.afdelinger, { asOf: ASOF });
    expect(diagnostics).toEqual([]);
    for (const kind of ['helhedsplan', 'lokalt-udviklingsprojekt', 'boligsocial-ejendomsfunktionaer', 'kontaktpersonordning']) {
      expect(results.some((r) => outcome(r, kind) === true), kind).toBe(true);
    }
    expect(results.some((r) => outcome(r, 'kontaktpersonordning') === false)).toBe(true);
    expect(results.some((r) => r.konklusion === 'ingen-saerlig-indsats')).toBe(true);
    expect(results.some((r) => r.konklusion === 'ukendt')).toBe(true);
    expect(results.some((r) => r.aendringer.nyeFlag.length > 0)).toBe(true);
    expect(results.some((r) => r.aendringer.ophoerte.length > 0)).toBe(true);
    // a helhedsplan both through an official list and through many indicators
    expect(results.some((r) => outcome(r, 'helhedsplan') === true && (r.boligomraadeStatus?.length ?? 0) > 0 && r.udloeste.length < 4)).toBe(true);
    expect(results.some((r) => outcome(r, 'helhedsplan') === true && (r.boligomraadeStatus ?? []).length === 0)).toBe(true);
  });

  it('decides the same on the decision-only path as with explanations', () => {
    const explained = screenAfdelinger(read.afdelinger, { asOf: ASOF });
    const decided = decideAfdelinger(read.afdelinger, { asOf: ASOF });
    expect(decided.results.every((r) => r.evaluation === undefined && r.indikatorer.every((i) => i.figurer.length === 0))).toBe(true);
    const strip = (r: ScreeningResult) => ({
      id: r.afdeling.id,
      udloeste: r.udloeste,
      indikatorer: r.indikatorer.map((i) => [i.id, i.outcome, i.mangler]),
      anbefalinger: r.anbefalinger,
      konklusion: r.konklusionTekst,
      aendringer: r.aendringer,
      mangler: r.mangler,
    });
    expect(decided.results.map(strip)).toEqual(explained.results.map(strip));
  });

  it('reports invalid afdelinger in a batch by id and screens the rest', () => {
    const batch = screenAfdelinger(
      [afdeling([roligPeriode(ASOF)], { id: 'A' }), afdeling([roligPeriode(ASOF, { kontanthjaelp: 300 })], { id: 'B' }), afdeling([roligPeriode('2025-06-01')], { id: 'C' })],
      { asOf: ASOF },
    );
    expect(batch.results.map((r) => r.afdeling.id)).toEqual(['A']);
    expect(batch.diagnostics.map((d) => [d.id, d.code, d.field])).toEqual([
      ['B', 'input-invalid', 'perioder.0.kontanthjaelp'],
      ['B', 'input-invalid', 'perioder.0.kontanthjaelp'],
      ['C', 'input-invalid', 'periode'],
    ]);
    expect(batch.diagnostics[0]?.pointer).toBe('/perioder/0/kontanthjaelp');
  });

  it('locates an input that is not an afdeling at all at the root pointer', () => {
    const batch = screenAfdelinger([42], { asOf: ASOF });
    expect(batch.diagnostics.map((d) => [d.row, d.pointer, d.field])).toEqual([[1, '', '']]);
    expect(batch.diagnostics[0]?.message).toMatch(/^afdelingen: /);
  });
});
